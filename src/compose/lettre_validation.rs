//! The letter to a candidate after the results: one per candidate who
//! obtained the titre, a certificate or some CCPs. It says how the
//! parchemin or the livret de certification reaches them and, for a
//! partial success, which CCPs are acquired and how to complete the
//! titre. A failure gets no letter: the attestation de présence is what
//! the domain documents give then. Dated the day it is produced, signed
//! by the responsable.

use minijinja::{Value, context};

use super::paperwork::{paragraphs, right, to_person};
use super::{Composed, Composer, Content, Filter};
use crate::doc::{Block, Paragraph};
use crate::error::Error;
use crate::fr;
use crate::model::{Date, Decision, NatureSession};
use crate::page::SIZES;
use crate::plan::{CandidateView, CcpView};

/// One letter per successful candidate (in full or in part) the filter
/// keeps; none before the results.
pub fn each(ctx: &Composer, filter: &Filter) -> Result<Vec<Composed>, Error> {
    let successful = filter.candidates(ctx.plan).filter(|c| {
        matches!(
            c.decision,
            Some(Decision::Reussite | Decision::ReussitePartielle)
        )
    });
    ctx.one_per_candidate(successful, |c| content(ctx, c))
}

/// The titre's CCPs the candidate has not obtained at this session.
fn missing<'p>(ctx: &'p Composer, c: &CandidateView) -> Vec<&'p CcpView> {
    ctx.plan
        .facts
        .titre_ccp
        .iter()
        .filter(|t| !c.ccp_obtenus.iter().any(|o| o.code == t.code))
        .collect()
}

fn content(ctx: &Composer, c: &CandidateView) -> Result<Content, Error> {
    let obtained = match (c.decision, &ctx.plan.facts.nature) {
        (Some(Decision::Reussite), NatureSession::Titre) => "titre",
        (Some(Decision::Reussite), NatureSession::Ccs) => "ccs",
        _ => "ccp",
    };
    let extra = context! {
        c => Value::from_serialize(c),
        obtenu => obtained,
        manquants => Value::from_serialize(missing(ctx, c)),
        date_lettre => fr::long_date(Date::today()),
    };
    ctx.wording.with(ctx.template(), ctx.context(extra), |t| {
        let title = t.text("fichier")?;
        let footer = ctx.footer(&t.text("pied")?)?;
        let mut blocks = vec![
            to_person(ctx, &c.appel, &c.adresse),
            right(t, "lieu_date")?,
            Block::Paragraph(Paragraph::bold(t.text("objet")?)),
            Block::Space {
                mm: SIZES.mm("lettre-validation-after-subject"),
            },
        ];
        blocks.extend(paragraphs(t, "corps")?);
        blocks.push(Block::signatures(
            vec![t.text("signature")?],
            SIZES.mm("lettre-validation-signature-height"),
        ));
        Ok(Content {
            title,
            footer,
            blocks,
        })
    })
}
