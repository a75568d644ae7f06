//! The candidate's information sheet, to fill in the day before the
//! session (`templates/fiche-renseignements.j2`): what the centre knows of
//! their identity, postal address, e-mail and telephone, each with room to
//! correct it, so that the diploma reaches the right address; signed.

use minijinja::{Value, context};

use super::paperwork::{pairs, paragraphs};
use super::{Composed, Composer, Content, Filter, shared};
use crate::doc::{Block, Cell, Paragraph, Row, Table};
use crate::error::Error;
use crate::page::SIZES;
use crate::plan::CandidateView;
use crate::wording::LabelBlock;

/// The labels of `fiche-renseignements.j2` this composer reads.
pub const LABELS: &[LabelBlock] = &[LabelBlock::of::<Labels>("fiche-renseignements", "libelles")];

/// The block `libelles` of `fiche-renseignements.j2`.
#[derive(serde::Deserialize)]
struct Labels {
    rubrique: String,
    connu: String,
    correction: String,
    date: String,
    signature: String,
}

/// One sheet per candidate the filter asks for.
pub fn each(ctx: &Composer, filter: &Filter) -> Result<Vec<Composed>, Error> {
    ctx.one_per_candidate(filter.convened(ctx.plan), |c| content(ctx, c))
}

fn content(ctx: &Composer, c: &CandidateView) -> Result<Content, Error> {
    let extra = context! { c => Value::from_serialize(c) };
    shared::content(ctx, extra, |t| {
        let l: Labels = t.labels_as("libelles")?;
        let mut blocks = shared::title(t, None)?;
        blocks.extend(paragraphs(t, "consigne")?);
        let mut rows = vec![Row::head([&l.rubrique, &l.connu, &l.correction])];
        for (what, known) in pairs(t.lines("rubriques")?) {
            rows.push(
                Row::new(vec![
                    Cell::new(vec![Paragraph::bold(what)]),
                    Cell::text(known),
                    Cell::text(""),
                ])
                .min_height(SIZES.mm("fiche-row-height")),
            );
        }
        blocks.push(Block::Table(
            Table::new(SIZES.shares("fiche-columns"), rows)
                .header_rows(1)
                .size(SIZES.pt("fiche-table-size"))
                .ruled(),
        ));
        blocks.extend(paragraphs(t, "engagement")?);
        blocks.push(Block::signatures(
            vec![l.date.clone(), l.signature.clone()],
            SIZES.mm("fiche-signature-height"),
        ));
        Ok(blocks)
    })
}
