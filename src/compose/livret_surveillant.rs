//! The surveillant's pack: one per surveillant. Session facts and whom to
//! call, the slots they invigilate, the rules to enforce, the conduct in
//! case of fraud, and who may not invigilate; an acknowledgement to sign.

use minijinja::{Value, context};

use super::pack::{bullets, numbered, opening};
use super::paperwork::{justified, signed};
use super::{Composed, Composer, Content, Staff, pack, shared};
use crate::doc::Block;
use crate::error::Error;
use crate::page::SIZES;
use crate::plan::PersonView;
use crate::wording::LabelBlock;

/// The labels of `livret-surveillant.j2` this composer reads.
pub const LABELS: &[LabelBlock] = &[
    pack::LIVRET_SURVEILLANT[0],
    pack::LIVRET_SURVEILLANT[1],
    LabelBlock::of::<Labels>("livret-surveillant", "libelles"),
];

/// The block `libelles` of `livret-surveillant.j2`.
#[derive(serde::Deserialize)]
struct Labels {
    regles: String,
    fraude: String,
    formateur: String,
    engagement: String,
    date: String,
    signature: String,
}

/// One pack per surveillant, in alphabetical order.
pub fn each(ctx: &Composer) -> Result<Vec<Composed>, Error> {
    ctx.one_per_staff(Staff::Surveillant, |m| content(ctx, m))
}

fn content(ctx: &Composer, m: &PersonView) -> Result<Content, Error> {
    let plan = ctx.plan;
    let facts = &plan.facts;
    let slots = plan.surveillant_slots(&m.id);
    // The number to call: the responsable's, else the centre's.
    let tel = facts
        .responsable
        .telephone
        .clone()
        .or_else(|| facts.centre_telephone.clone());
    let corrected = Staff::Surveillant.corrected(ctx, &m.id);
    let extra = context! { m => Value::from_serialize(m), tel => tel };
    // A rectificative names the day of the last letter this person received.
    let stem = ctx.kind.file_for(&m.id);
    shared::content_for(ctx, &stem, extra, |t| {
        let l: Labels = t.labels_as("libelles")?;
        let mut blocks = opening(ctx, t, &slots, corrected)?;

        blocks.push(Block::heading(2, l.regles.clone()));
        blocks.extend(bullets(t.lines("regles")?));

        blocks.push(Block::heading(2, l.fraude.clone()));
        blocks.extend(numbered(t.lines("fraude")?));

        blocks.push(Block::heading(2, l.formateur.clone()));
        blocks.push(justified(t, "formateur")?);
        blocks.push(justified(t, "signatures")?);

        blocks.push(Block::heading(3, l.engagement.clone()));
        blocks.push(justified(t, "engagement")?);
        blocks.extend(signed(
            t,
            vec![l.date.clone(), l.signature.clone()],
            SIZES.mm("livret-surveillant-signature-height"),
        )?);
        Ok(blocks)
    })
}
