//! The letter that cancels a convocation: to a juror or surveillant no
//! longer needed and to a candidate who withdrew, sent once, at the first
//! sending after the change. It names the day of the person's last letter
//! and is dated the day it is sent; beside it, the calendar they last
//! received with every event cancelled.

use minijinja::{Value, context};

use super::calendar::{self, Owner};
use super::paperwork::{paragraphs, right, to_person};
use super::{Composed, Composer, Subject};
use crate::doc::{Block, Paragraph, Section};
use crate::error::Error;
use crate::page::SIZES;
use crate::plan::Cancelled;

/// One letter per person whose convocation the correction cancels (none
/// without a correction: nobody was convened before).
pub fn each(ctx: &Composer) -> Result<Vec<Composed>, Error> {
    let Some(correction) = ctx.correction else {
        return Ok(Vec::new());
    };
    correction
        .annulations
        .iter()
        .map(|p| one(ctx, p, &correction.envoi))
        .collect()
}

fn one(ctx: &Composer, p: &Cancelled, sent: &str) -> Result<Composed, Error> {
    let extra = context! {
        p => Value::from_serialize(p),
        date_lettre => sent,
    };
    let template = ctx.template();
    let (title, footer, blocks, calendar_name) =
        ctx.wording
            .with(template, ctx.context_for(&p.convocation, extra), |t| {
                let title = t.text("fichier")?;
                let footer = ctx.footer(&title)?;
                let mut blocks = vec![
                    to_person(ctx, &p.appel, &p.adresse),
                    right(t, "lieu_date")?,
                    Block::centred_heading(1, t.text("titre")?),
                    Block::Paragraph(Paragraph::bold(t.text("objet")?)),
                ];
                blocks.extend(paragraphs(t, "corps")?);
                blocks.push(Block::signatures(
                    vec![t.text("signature")?],
                    SIZES.mm("annulation-signature-height"),
                ));
                Ok((title, footer, blocks, t.text("calendrier")?))
            })?;
    let subject = match p.role {
        "candidat" => Subject::candidat(p.id.clone()),
        "jure" => Subject::jure(p.id.clone()),
        _ => Subject::surveillant(p.id.clone()),
    };
    let stem = ctx.kind.file_for(&format!("{}-{}", p.role, p.id));
    // The calendar they last received, every event of it cancelled.
    let calendar = match ctx.sent_calendars.get(&p.convocation) {
        Some(previous) => {
            let owner = Owner {
                numero: &ctx.plan.facts.numero,
                role: p.role,
                id: &p.id,
                name: calendar_name,
            };
            Some(calendar::ics(&owner, &[], Some(previous), ctx.stamp)?)
        }
        None => None,
    };
    let mut composed = ctx.composed(
        stem,
        subject,
        title,
        footer,
        vec![Section::portrait(blocks)],
    )?;
    composed.calendar = calendar;
    Ok(composed)
}
