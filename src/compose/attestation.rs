//! The attestation de présence: one per candidate who was present (a result
//! other than absent), none before the results are filled in. It never
//! states a result.

use minijinja::{Value, context};

use super::{Composed, Composer, Content, Filter};
use crate::doc::{Align, Block, Paragraph};
use crate::error::Error;
use crate::plan::CandidateView;

/// One attestation per present candidate the filter keeps.
pub fn each(ctx: &Composer, filter: &Filter) -> Result<Vec<Composed>, Error> {
    ctx.one_per_candidate(filter.candidates(ctx.plan).filter(|c| c.present), |c| {
        content(ctx, c)
    })
}

fn content(ctx: &Composer, c: &CandidateView) -> Result<Content, Error> {
    ctx.wording.with(
        ctx.template(),
        ctx.context(context! { c => Value::from_serialize(c) }),
        |t| {
            let title = t.text("fichier")?;
            let footer = ctx.footer(&t.text("pied")?)?;
            let mut blocks = vec![
                Block::Space { mm: 12.0 },
                Block::centred_heading(1, t.text("titre")?),
                Block::Paragraph(
                    Paragraph::bold(t.text("sous_titre")?)
                        .align(Align::Center)
                        .space_after(14.0),
                ),
            ];
            for p in t.paragraphs("texte")? {
                blocks.push(Block::Paragraph(
                    Paragraph::text(p)
                        .size(11.0)
                        .align(Align::Justify)
                        .space_after(5.0),
                ));
            }
            blocks.push(Block::Space { mm: 8.0 });
            blocks.push(Block::Paragraph(
                Paragraph::text(t.text("fait_a")?)
                    .size(11.0)
                    .align(Align::Right),
            ));
            blocks.push(Block::Space { mm: 6.0 });
            blocks.push(Block::signatures(
                vec![t.text("signature")?, t.text("cachet")?],
                35.0,
            ));
            Ok(Content {
                title,
                footer,
                blocks,
            })
        },
    )
}
