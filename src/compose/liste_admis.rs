//! The public list of successful candidates. It names them and nothing
//! else: no juror, no failed or absent candidate, no identifiant, birth
//! date, address or observation. Produced only once results are known;
//! a draft, with a banner saying not to post it, until the session file
//! gives the day the DDETS validated the session.

use minijinja::{Value, context};

use super::{Composed, Composer, shared};
use crate::doc::{Align, Block, Cell, Paragraph, Row, Run, Section, Table};
use crate::error::Error;
use crate::fr;
use crate::model::Decision;
use crate::page::SIZES;
use crate::plan::CandidateView;

fn sorted(mut list: Vec<&CandidateView>) -> Vec<&CandidateView> {
    list.sort_by_cached_key(|c| fr::collation_key(&c.nom_prenom));
    list
}

/// The list, or nothing before the deliberation.
pub fn compose(ctx: &Composer) -> Result<Vec<Composed>, Error> {
    let plan = ctx.plan;
    if !plan.facts.resultats_connus {
        return Ok(Vec::new());
    }
    let full = sorted(
        plan.candidates
            .iter()
            .filter(|c| c.decision == Some(Decision::Reussite))
            .collect(),
    );
    let partial = sorted(
        plan.candidates
            .iter()
            .filter(|c| c.decision == Some(Decision::ReussitePartielle))
            .collect(),
    );
    let validated = plan.facts.validation_ddets.is_some();
    let extra = Value::UNDEFINED;
    let list = shared::session_document(ctx, extra, |t| {
        let mut blocks = Vec::new();
        if !validated {
            blocks.push(draft_banner(t.text("projet")?));
        }
        blocks.extend(shared::title(t, None)?);
        blocks.push(Block::heading(2, t.text("reussite")?));
        if full.is_empty() {
            blocks.push(Block::Paragraph(Paragraph::text(t.text("aucun")?)));
        }
        for c in &full {
            blocks.push(Block::Paragraph(
                Paragraph::text(c.nom_prenom.clone())
                    .size(SIZES.pt("liste-admis-name-size"))
                    .space_after(SIZES.mm("liste-admis-name-after")),
            ));
        }
        if plan.facts.est_titre && !partial.is_empty() {
            blocks.push(Block::heading(2, t.text("partielle")?));
            for c in &partial {
                blocks.push(with_ccp(ctx, c)?);
            }
        }
        blocks.push(Block::Space {
            mm: SIZES.mm("liste-admis-before-notice"),
        });
        blocks.push(Block::Paragraph(
            Paragraph::italic(t.text("avis")?).size(SIZES.pt("liste-admis-notice-size")),
        ));
        Ok(vec![Section::portrait(blocks)])
    })?;
    Ok(vec![list])
}

/// A candidate who obtained part of the title: the name, and under it
/// the CCPs obtained, one a line (block `ccp_obtenus`).
fn with_ccp(ctx: &Composer, c: &CandidateView) -> Result<Block, Error> {
    let context = ctx.context(context! { c => Value::from_serialize(c) });
    let ccps = ctx
        .wording
        .with(ctx.template(), context, |t| t.lines("ccp_obtenus"))?;
    let mut runs = vec![Run::plain(c.nom_prenom.clone())];
    runs.extend(ccps.into_iter().map(|ccp| Run::italic(format!("\n{ccp}"))));
    Ok(Block::Paragraph(
        Paragraph::new(runs)
            .size(SIZES.pt("liste-admis-name-size"))
            .space_after(SIZES.mm("liste-admis-partial-after")),
    ))
}

/// The banner of a draft list: a framed line in bold, above the title,
/// where whoever posts the list sees it first.
fn draft_banner(text: String) -> Block {
    let cell = Cell::new(vec![Paragraph::bold(text).align(Align::Center)]).shaded();
    Block::Table(
        Table::new(
            SIZES.shares("liste-admis-banner-columns"),
            vec![Row::new(vec![cell])],
        )
        .ruled(),
    )
}
