//! The attestation de présence: one per candidate who was present (a result
//! other than absent), none before the results are filled in. It never
//! states a result.

use minijinja::{Value, context};

use super::{Composed, Composer, Content, Filter, paperwork};
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
            let blocks = paperwork::attestation(t)?;
            Ok(Content {
                title,
                footer,
                blocks,
            })
        },
    )
}
