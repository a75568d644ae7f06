//! The session-day checklist (`templates/jour-j.j2`): for each day, the
//! opening (jurors expected by name, identity and no-link checks, seals,
//! candidates expected with boxes for present, absent, late), what to
//! watch during the tests, and the close. One section per day.

use minijinja::{Value, context};

use super::paperwork::{checklist, heading, paragraphs, ruled_table};
use super::{Composed, Ctx, Kind, parts};
use crate::doc::{Block, Cell, EMPTY, Row, Section};
use crate::error::Error;
use crate::model::Date;
use crate::wording::LabelBlock;

/// The labels of `jour-j.j2` this composer reads.
pub const LABELS: &[LabelBlock] = &[LabelBlock::of::<Labels>("jour-j", "libelles")];

/// The block `libelles` of `jour-j.j2`.
#[derive(serde::Deserialize)]
struct Labels {
    candidat: String,
    arrivee: String,
    present: String,
    absent: String,
    retard: String,
    /// The blank a late arrival's time is written in.
    heure_retard: String,
    signature: String,
}

/// The checklist of every day of the session.
pub fn compose(ctx: &Ctx) -> Result<Composed, Error> {
    let mut sections = Vec::new();
    let mut title = String::new();
    for &day in &ctx.plan.days {
        let (t, blocks) = one_day(ctx, day)?;
        title = t;
        sections.push(Section::portrait(blocks));
    }
    let footer = ctx.footer(&title)?;
    ctx.for_session(Kind::JourJ, "responsable/jour-j", title, footer, sections)
}

/// The names of the people of a day's slots, each once, in order.
fn names<'a>(lists: impl Iterator<Item = &'a Vec<String>>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for name in lists.flatten() {
        if !out.contains(name) {
            out.push(name.clone());
        }
    }
    out
}

fn one_day(ctx: &Ctx, day: Date) -> Result<(String, Vec<Block>), Error> {
    let plan = ctx.plan;
    let slots: Vec<_> = plan.slots.iter().filter(|s| s.date == day).collect();
    let jures = names(slots.iter().map(|s| &s.jures));
    let surveillants = names(slots.iter().map(|s| &s.surveillants));
    let jour = slots.first().map(|s| s.jour.clone()).unwrap_or_default();
    let candidates: Vec<_> = plan
        .candidates
        .iter()
        .filter(|c| c.creneaux.iter().any(|s| s.date == day))
        .collect();
    let extra = context! {
        jour => jour,
        jures => Value::from_serialize(&jures),
        surveillants => Value::from_serialize(&surveillants),
    };
    ctx.wording.with("jour-j", ctx.context(extra), |t| {
        let l: Labels = t.labels_as("libelles")?;
        let mut blocks = parts::title(t, None)?;
        blocks.push(heading(t, "ouverture_titre")?);
        blocks.push(checklist(t.lines("ouverture")?));
        blocks.push(heading(t, "candidats_titre")?);
        blocks.extend(paragraphs(t, "candidats")?);
        let head = [&l.candidat, &l.arrivee, &l.present, &l.absent, &l.retard];
        let mut rows = Vec::new();
        for c in &candidates {
            let first = c.creneaux.iter().find(|s| s.date == day);
            rows.push(
                Row::new(vec![
                    Cell::text(c.nom_prenom.clone()),
                    Cell::text(first.map(|s| s.debut.clone()).unwrap_or_default()),
                    Cell::text(EMPTY),
                    Cell::text(EMPTY),
                    Cell::text(format!("{EMPTY} {}", l.heure_retard)),
                ])
                .min_height(7.0),
            );
        }
        blocks.push(ruled_table(vec![5.0, 2.2, 1.4, 1.4, 3.0], head, rows, 9.5));
        blocks.push(heading(t, "pendant_titre")?);
        blocks.push(checklist(t.lines("pendant")?));
        blocks.push(heading(t, "cloture_titre")?);
        blocks.push(checklist(t.lines("cloture")?));
        blocks.push(Block::signatures(vec![l.signature.clone()], 20.0));
        Ok((t.text("fichier")?, blocks))
    })
}
