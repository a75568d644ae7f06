//! The session-day checklist (`templates/jour-j.j2`): for each day, the
//! opening (jurors expected by name, identity and no-link checks, seals,
//! candidates expected with boxes for present, absent, late, and the real
//! end of each candidate with extra time), what to watch during the tests,
//! and the close. One section per day, with that day's checks only: the
//! jury's where a juror is expected, the sealed subjects' on the day they
//! are opened, the closing of the PVs on the deliberation day.

use minijinja::{Value, context};

use super::paperwork::{checklist, heading, paragraphs, ruled_table};
use super::{Composed, Composer, shared};
use crate::doc::{Block, Cell, EMPTY, Paragraph, Row, Section};
use crate::error::Error;
use crate::model::{Date, NatureCreneau};
use crate::page::SIZES;
use crate::plan::{CandidateView, Plan};
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
pub fn compose(ctx: &Composer) -> Result<Composed, Error> {
    let mut sections = Vec::new();
    let mut title = String::new();
    for &day in &ctx.plan.days {
        let (t, blocks) = one_day(ctx, day)?;
        title = t;
        sections.push(Section::portrait(blocks));
    }
    let footer = ctx.footer(&title)?;
    ctx.for_session(title, footer, sections)
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

/// What a day holds, which decides its checks.
#[derive(serde::Serialize)]
struct DayFacts {
    /// A juror is expected.
    avec_jury: bool,
    /// The sealed subjects are opened: the first day of a written test, or
    /// the first day when there is none.
    ouverture_plis: bool,
    /// The jury deliberates.
    deliberation: bool,
    /// A written test is taken.
    epreuve: bool,
    /// A candidate in VAE is expected.
    vae: bool,
    /// The session has a surveillant.
    avec_surveillant: bool,
}

/// The day the sealed subjects are opened: the first with a written test,
/// or the first day of the session.
fn opening_day(plan: &Plan) -> Option<Date> {
    plan.slots
        .iter()
        .find(|s| s.nature == NatureCreneau::Epreuve)
        .map(|s| s.date)
        .or_else(|| plan.days.first().copied())
}

/// A real end of a candidate with extra time, as the day's list says it.
#[derive(serde::Serialize)]
struct LateLine<'a> {
    nom_prenom: &'a str,
    intitule: &'a str,
    fin: &'a str,
    fin_prevue: &'a str,
}

fn one_day(ctx: &Composer, day: Date) -> Result<(String, Vec<Block>), Error> {
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
    let has = |nature: NatureCreneau| slots.iter().any(|s| s.nature == nature);
    let facts = DayFacts {
        avec_jury: !jures.is_empty(),
        ouverture_plis: opening_day(plan) == Some(day),
        deliberation: has(NatureCreneau::Deliberation),
        epreuve: has(NatureCreneau::Epreuve),
        vae: candidates.iter().any(|c| c.est_vae),
        avec_surveillant: !plan.surveillants().is_empty(),
    };
    let fins: Vec<LateLine> = slots
        .iter()
        .flat_map(|s| {
            s.amenages
                .iter()
                .filter(|l| l.minutes_fin > s.minutes_fin)
                .map(|l| LateLine {
                    nom_prenom: &l.nom_prenom,
                    intitule: &s.intitule,
                    fin: &l.fin,
                    fin_prevue: &s.fin,
                })
        })
        .collect();
    let extra = context! {
        jour => jour,
        jures => Value::from_serialize(&jures),
        surveillants => Value::from_serialize(&surveillants),
        fins => Value::from_serialize(&fins),
        ..Value::from_serialize(&facts)
    };
    ctx.wording.with(ctx.template(), ctx.context(extra), |t| {
        let l: Labels = t.labels_as("libelles")?;
        let mut blocks = shared::title(t, None)?;
        blocks.push(heading(t, "ouverture_titre")?);
        blocks.push(checklist(t.lines("ouverture")?));
        blocks.push(heading(t, "candidats_titre")?);
        blocks.extend(paragraphs(t, "candidats")?);
        blocks.push(candidates_table(&l, &candidates, day));
        blocks.extend(
            t.lines("fins_amenagees")?
                .into_iter()
                .map(|line| Block::Paragraph(Paragraph::text(line))),
        );
        blocks.push(heading(t, "pendant_titre")?);
        blocks.push(checklist(t.lines("pendant")?));
        let closing = t.lines("cloture")?;
        if !closing.is_empty() {
            blocks.push(heading(t, "cloture_titre")?);
            blocks.push(checklist(closing));
        }
        blocks.push(Block::signatures(
            vec![l.signature.clone()],
            SIZES.mm("jour-j-signature-height"),
        ));
        Ok((t.text("fichier")?, blocks))
    })
}

/// The candidates expected, with boxes for present, absent, late.
fn candidates_table(l: &Labels, candidates: &[&CandidateView], day: Date) -> Block {
    let head = [&l.candidat, &l.arrivee, &l.present, &l.absent, &l.retard];
    let rows = candidates
        .iter()
        .map(|c| {
            let first = c.creneaux.iter().find(|s| s.date == day);
            Row::new(vec![
                Cell::text(c.nom_prenom.clone()),
                Cell::text(first.map(|s| s.debut.clone()).unwrap_or_default()),
                Cell::text(EMPTY),
                Cell::text(EMPTY),
                Cell::text(format!("{EMPTY} {}", l.heure_retard)),
            ])
            .min_height(SIZES.mm("jour-j-row-height"))
        })
        .collect();
    ruled_table(
        SIZES.shares("jour-j-columns"),
        head,
        rows,
        SIZES.pt("jour-j-table-size"),
    )
}
