//! The preparation guide, filled in (`templates/preparation.j2`): the
//! session's particulars, then every task of the ministry's guide in order,
//! « réglementaire » or « conseil », the latest date where a rule sets one,
//! and empty « Fait le » and « Observations » columns to fill on paper.

use minijinja::context;

use super::paperwork::{facts, heading, pairs, ruled_table};
use super::{Composed, Composer, shared};
use crate::doc::{Cell, Paragraph, Row, Section};
use crate::error::Error;
use crate::fr;
use crate::model::Voie;
use crate::page::SIZES;
use crate::wording::LabelBlock;

/// The labels of `preparation.j2` this composer reads.
pub const LABELS: &[LabelBlock] = &[LabelBlock::of::<Labels>("preparation", "libelles")];

/// The block `libelles` of `preparation.j2`.
#[derive(serde::Deserialize)]
struct Labels {
    tache: String,
    nature: String,
    au_plus_tard: String,
    fait_le: String,
    observations: String,
    reglementaire: String,
    conseil: String,
}

/// The filled-in preparation guide.
pub fn compose(ctx: &Composer) -> Result<Composed, Error> {
    let count = |v: Voie| ctx.plan.candidates.iter().filter(|c| c.voie == v).count();
    let extra = context! { formation => count(Voie::Formation), vae => count(Voie::Vae) };
    shared::session_document(ctx, extra, |t| {
        let l: Labels = t.labels_as("libelles")?;
        let mut blocks = shared::title(t, None)?;
        blocks.push(facts(t.lines("entete")?));
        blocks.push(heading(t, "taches_titre")?);
        let deadlines = ctx.plan.deadlines();
        let head = [
            &l.tache,
            &l.nature,
            &l.au_plus_tard,
            &l.fait_le,
            &l.observations,
        ];
        let mut rows = Vec::new();
        for (what, text) in pairs(t.lines("taches")?) {
            // `what` is « étape », or « R » / « C » and a deadline key.
            let (nature, key) = what.split_once(' ').unwrap_or((what.as_str(), ""));
            if nature == "etape" {
                rows.push(Row::new(vec![
                    Cell::new(vec![Paragraph::bold(text)]).span(5).shaded(),
                ]));
                continue;
            }
            let date = deadlines
                .iter()
                .find(|d| d.key() == key)
                .map(|d| fr::short_date(d.date))
                .unwrap_or_default();
            let nature = if nature == "R" {
                &l.reglementaire
            } else {
                &l.conseil
            };
            rows.push(
                Row::new(vec![
                    Cell::text(text),
                    Cell::text(nature.clone()),
                    Cell::text(date),
                    Cell::text(""),
                    Cell::text(""),
                ])
                .min_height(SIZES.mm("preparation-row-height")),
            );
        }
        blocks.push(ruled_table(
            SIZES.shares("preparation-columns"),
            head,
            rows,
            SIZES.pt("preparation-table-size"),
        ));
        Ok(vec![Section::portrait(blocks)])
    })
}
