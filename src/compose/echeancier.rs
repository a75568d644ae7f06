//! The deadline schedule as a document.

use minijinja::context;

use super::{Composed, Composer, shared};
use crate::deadlines::{Deadline, Step, public_holiday};
use crate::doc::{Align, Block, Cell, Paragraph, Row, Section, Table};
use crate::error::Error;
use crate::fr;
use crate::page::SIZES;
use crate::wording::LabelBlock;
use minijinja::Value;

/// The labels of `echeancier.j2` this composer reads.
pub const LABELS: &[LabelBlock] = &[LabelBlock::of::<Labels>("echeancier", "libelles")];

/// The block `libelles` of `echeancier.j2` (the `echeancier` command
/// reads it too, with its own marks: `crate::deadline_table`).
#[derive(serde::Deserialize)]
pub(crate) struct Labels {
    quand: String,
    quoi: String,
    regle: String,
    creation: String,
    creation_regle: String,
    sujets: String,
    sujets_regle: String,
    convocations: String,
    convocations_regle: String,
    affichage: String,
    affichage_regle: String,
    pv: String,
    pv_regle: String,
    archives: String,
    archives_regle: String,
}

impl Labels {
    /// What a step is, and the rule that sets its date.
    pub(crate) fn step(&self, step: Step) -> (&str, &str) {
        match step {
            Step::Creation => (&self.creation, &self.creation_regle),
            Step::Sujets => (&self.sujets, &self.sujets_regle),
            Step::Convocations => (&self.convocations, &self.convocations_regle),
            Step::Affichage => (&self.affichage, &self.affichage_regle),
            Step::Pv => (&self.pv, &self.pv_regle),
            Step::Archives => (&self.archives, &self.archives_regle),
        }
    }
}

/// The schedule of the session's regulatory deadlines.
pub fn compose(ctx: &Composer) -> Result<Composed, Error> {
    let planned = ctx.plan.facts.convocation_date.clone();
    let extra = context! {
        date => planned,
        avancees => moved_context(&ctx.plan.deadlines()),
    };
    shared::session_document(ctx, extra, |t| {
        let l: Labels = t.labels_as("libelles")?;
        let moved = moved_notes(t, &ctx.plan.deadlines())?;
        let mut rows = vec![Row::head([&l.quand, &l.quoi, &l.regle])];
        for d in ctx.plan.deadlines() {
            let (step, step_rule) = l.step(d.step);
            let mut what = vec![Paragraph::text(step)];
            if d.step == Step::Convocations {
                what.push(
                    Paragraph::text(t.text("convocation_prevue")?)
                        .size(SIZES.pt("echeancier-note-size")),
                );
            }
            let mut rule = vec![Paragraph::text(step_rule)];
            if let Some(note) = moved.get(d.key()) {
                rule.push(Paragraph::text(note.clone()).size(SIZES.pt("echeancier-note-size")));
            }
            rows.push(Row::new(vec![
                Cell::new(vec![Paragraph::bold(fr::long_date(d.date))]),
                Cell::new(what),
                Cell::new(rule),
            ]));
        }
        let blocks = vec![
            Block::centred_heading(1, t.text("titre")?),
            Block::Paragraph(Paragraph::text(t.text("sous_titre")?).align(Align::Center)),
            Block::Table(
                Table::new(SIZES.shares("echeancier-columns"), rows)
                    .header_rows(1)
                    .size(SIZES.pt("echeancier-table-size"))
                    .ruled(),
            ),
        ];
        Ok(vec![Section::portrait(blocks)])
    })
}

/// The moved deadlines for the templates: the day the rule gave, and the
/// holiday's key when it was one.
pub(crate) fn moved_context(all: &[Deadline]) -> Value {
    let moved: Vec<Value> = all
        .iter()
        .filter_map(|d| d.moved_from)
        .map(|day| {
            minijinja::context! {
                jour => fr::long_date(day),
                ferie => public_holiday(day),
            }
        })
        .collect();
    Value::from(moved)
}

/// For each deadline moved to a working day, the sentence that says so
/// (template block `avancees`, one line per moved deadline in time order).
pub(crate) fn moved_notes(
    t: &mut crate::wording::Texts,
    all: &[Deadline],
) -> Result<std::collections::HashMap<&'static str, String>, Error> {
    let moved: Vec<&Deadline> = all.iter().filter(|d| d.moved_from.is_some()).collect();
    let lines = t.lines("avancees")?;
    Ok(moved.iter().map(|d| d.key()).zip(lines).collect())
}
