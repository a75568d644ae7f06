//! The deadline schedule as a document.

use minijinja::context;

use super::{Composed, Ctx, Kind};
use crate::doc::{Align, Block, Cell, Paragraph, Row, Section, Table};
use crate::error::Error;
use crate::fr;

/// The schedule of the session's regulatory deadlines.
pub fn compose(ctx: &Ctx) -> Result<Composed, Error> {
    let planned = ctx.plan.facts.convocation_date.clone();
    ctx.wording.with(
        "echeancier",
        ctx.context(context! {
            date => planned,
            avancees => crate::deadline_table::moved_context(&ctx.plan.deadlines()),
        }),
        |t| {
            let l = t.labels("libelles")?;
            let moved = crate::deadline_table::moved_notes(t, &ctx.plan.deadlines())?;
            let title = t.text("fichier")?;
            let footer = ctx.footer(&title)?;
            let mut rows = vec![Row::new(vec![
                Cell::head(l.get("quand")?),
                Cell::head(l.get("quoi")?),
                Cell::head(l.get("regle")?),
            ])];
            for d in ctx.plan.deadlines() {
                let mut what = vec![Paragraph::text(l.get(d.key())?)];
                if d.step == crate::deadlines::Step::Convocations {
                    what.push(Paragraph::text(t.text("convocation_prevue")?).size(8.5));
                }
                let mut rule = vec![Paragraph::text(l.get(&format!("{}_regle", d.key()))?)];
                if let Some(note) = moved.get(d.key()) {
                    rule.push(Paragraph::text(note.clone()).size(8.5));
                }
                rows.push(Row::new(vec![
                    Cell::new(vec![Paragraph::bold(fr::long_date(d.date))]),
                    Cell::new(what),
                    Cell::new(rule),
                ]));
            }
            let blocks = vec![
                Block::Heading {
                    level: 1,
                    text: t.text("titre")?,
                    align: Align::Center,
                },
                Block::Paragraph(Paragraph::text(t.text("sous_titre")?).align(Align::Center)),
                Block::Table(Table {
                    widths: vec![3.2, 6.0, 3.6],
                    header_rows: 1,
                    rows,
                    size: Some(10.0),
                    ruled: true,
                }),
            ];
            ctx.for_session(
                Kind::Echeancier,
                "echeancier",
                title,
                footer,
                vec![Section::portrait(blocks)],
            )
        },
    )
}
