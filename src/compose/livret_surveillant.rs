//! The surveillant's pack: one per surveillant. Session facts and whom to
//! call, the slots they invigilate, the rules to enforce, the conduct in
//! case of fraud, and who may not invigilate; an acknowledgement to sign.

use minijinja::{Value, context};

use super::pack::{bullets, heading, numbered, opening};
use super::{Composed, Content, Ctx, Kind, Subject, parts};
use crate::doc::{Align, Block, Paragraph};
use crate::error::Error;
use crate::plan::PersonView;

/// One pack per surveillant, in alphabetical order.
pub fn each(ctx: &Ctx) -> Result<Vec<Composed>, Error> {
    ctx.one_per(
        Kind::LivretSurveillant,
        ctx.plan.surveillants(),
        "livrets-surveillants/livret-surveillant",
        |m| m.id.clone(),
        Subject::surveillant,
        |m| content(ctx, m),
    )
}

fn content(ctx: &Ctx, m: &PersonView) -> Result<Content, Error> {
    let plan = ctx.plan;
    let facts = &plan.facts;
    let slots = plan.surveillant_slots(&m.id);
    // The number to call: the responsable's, else the centre's.
    let tel = facts
        .responsable
        .telephone
        .clone()
        .or_else(|| facts.centre_telephone.clone());
    let corrected = ctx
        .correction
        .is_some_and(|k| k.surveillants.contains_key(&m.id));
    let extra = context! { m => Value::from_serialize(m), tel => tel };
    parts::content(ctx, "livret-surveillant", extra, |t| {
        let l = t.labels("libelles")?;
        let mut blocks = opening(ctx, t, &l, &slots, corrected)?;

        blocks.push(heading(l.get("regles")?));
        blocks.extend(bullets(t.lines("regles")?));

        blocks.push(heading(l.get("fraude")?));
        blocks.extend(numbered(t.lines("fraude")?));

        blocks.push(heading(l.get("formateur")?));
        blocks.push(Block::Paragraph(
            Paragraph::text(t.text("formateur")?).align(Align::Justify),
        ));
        blocks.push(Block::Paragraph(
            Paragraph::text(t.text("signatures")?).align(Align::Justify),
        ));

        blocks.push(Block::Heading {
            level: 3,
            text: l.get("engagement")?,
            align: Align::Left,
        });
        blocks.push(Block::Paragraph(
            Paragraph::text(t.text("engagement")?).align(Align::Justify),
        ));
        blocks.push(Block::Paragraph(Paragraph::text(t.text("fait_a")?)));
        blocks.push(Block::Signatures {
            captions: vec![l.get("date")?, l.get("signature")?],
            height_mm: 22.0,
        });
        Ok(blocks)
    })
}
