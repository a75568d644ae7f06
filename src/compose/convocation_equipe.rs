//! The convocations of the jurors and surveillants: a letter per person
//! with their own slots, the place and rooms, what they are given on
//! arrival, the no-link rule and whom to call; beside it, an iCalendar
//! file of the same slots.

use minijinja::{Value, context};

use super::calendar::{self, Owner};
use super::pack::{SlotLabels, slots_table};
use super::paperwork::{heading, paragraphs, right, to_person};
use super::{Composed, Composer, Staff};
use crate::doc::{Block, Paragraph, Section};
use crate::error::Error;
use crate::page::SIZES;
use crate::plan::{CandidateView, PersonView, SlotView};
use crate::wording::{LabelBlock, Texts};

/// The labels of a juror's convocation: its timetable's.
pub const LABELS_JURE: &[LabelBlock] =
    &[LabelBlock::of::<SlotLabels>("convocation-jure", "libelles")];
/// The labels of a surveillant's convocation: its timetable's.
pub const LABELS_SURVEILLANT: &[LabelBlock] = &[LabelBlock::of::<SlotLabels>(
    "convocation-surveillant",
    "libelles",
)];

/// One convocation per juror taking part.
pub fn jurors(ctx: &Composer) -> Result<Vec<Composed>, Error> {
    each(ctx, Staff::Jure)
}

/// One convocation per surveillant.
pub fn surveillants(ctx: &Composer) -> Result<Vec<Composed>, Error> {
    each(ctx, Staff::Surveillant)
}

/// One convocation per person in `role`.
fn each(ctx: &Composer, role: Staff) -> Result<Vec<Composed>, Error> {
    // A surveillant left without any slot gets the cancellation instead.
    let cancelled = |id: &str| {
        ctx.correction.is_some_and(|c| {
            c.annulations
                .iter()
                .any(|a| a.role == role.name() && a.id == id)
        })
    };
    role.people(ctx.plan)
        .iter()
        .filter(|p| !cancelled(&p.id))
        .map(|p| one(ctx, role, p))
        .collect()
}

fn one(ctx: &Composer, role: Staff, p: &PersonView) -> Result<Composed, Error> {
    let slots = role.slots(ctx.plan, &p.id);
    let corrected = role.corrected(ctx, &p.id);
    // A corrected convocation is dated the day it is sent, and so is a
    // first one sent after the others.
    let stem = ctx.kind.file_for(&p.id);
    // The record may know better: the letter they hold, as it was dated.
    let held = ctx.correction.and_then(|k| k.letter(&stem));
    let dated = match (ctx.correction, held) {
        (_, Some(l)) => l.date.clone(),
        (Some(k), None) if corrected || k.is_new(role.name(), &p.id) => k.envoi.clone(),
        _ => ctx.plan.facts.convocation_date.clone(),
    };
    let mut rooms: Vec<String> = Vec::new();
    for room in slots.iter().filter_map(|s| s.salle.clone()) {
        if !rooms.contains(&room) {
            rooms.push(room);
        }
    }
    // A juror is told the real end of the candidates they evaluate who
    // have extra time: their productions come later.
    let late: Vec<&CandidateView> = match role {
        Staff::Jure => ctx
            .plan
            .candidates
            .iter()
            .filter(|c| !c.temps_supplementaire.is_empty())
            .filter(|c| c.jury.iter().any(|j| j.id == p.id))
            .collect(),
        Staff::Surveillant => Vec::new(),
    };
    let template = ctx.template();
    // The template's context; `c` is the slot of one calendar event.
    let context = |c: Value| {
        ctx.context_for(
            &stem,
            context! {
                p => Value::from_serialize(p),
                salles => &rooms,
                rectificatif => corrected,
                date_lettre => dated,
                nb_creneaux => slots.len(),
                amenages => Value::from_serialize(&late),
                c => c,
            },
        )
    };
    let (title, footer, blocks, calendar_name) =
        ctx.wording.with(template, context(Value::UNDEFINED), |t| {
            let title = t.text("fichier")?;
            let footer = ctx.footer(&title)?;
            let late_lines = if late.is_empty() {
                Vec::new()
            } else {
                t.lines("fins_amenagees")?
            };
            let blocks = letter(ctx, t, p, (&slots, late_lines), corrected)?;
            Ok((title, footer, blocks, t.text("calendrier")?))
        })?;
    let entries = slots
        .iter()
        .map(|s| {
            let (summary, description) =
                ctx.wording
                    .with(template, context(Value::from_serialize(*s)), |t| {
                        Ok((t.text("evenement")?, t.text("evenement_detail")?))
                    })?;
            // A surveillant stays until the last candidate's extra time ends.
            let minutes_fin = match role {
                Staff::Surveillant => s.amenages.iter().map(|a| a.minutes_fin).max(),
                Staff::Jure => None,
            };
            Ok(calendar::Entry {
                slot: s,
                summary,
                description: Some(description),
                minutes_fin: minutes_fin.unwrap_or(s.minutes_fin),
            })
        })
        .collect::<Result<Vec<_>, Error>>()?;
    let owner = Owner {
        numero: &ctx.plan.facts.numero,
        role: role.name(),
        id: &p.id,
        name: calendar_name,
    };
    let previous = ctx.sent_calendars.get(&stem).map(String::as_str);
    let ics = calendar::ics(&owner, &entries, previous, ctx.stamp)?;
    let subject = role.subject(p.id.clone());
    let mut composed = ctx.composed(
        stem,
        subject,
        title,
        footer,
        vec![Section::portrait(blocks)],
    )?;
    composed.calendar = Some(ics);
    Ok(composed)
}

/// The letter: heads, title, subject, the person's slots (and the real
/// ends of the candidates with extra time), what they are given on
/// arrival, the no-link rule, whom to call, the signature.
fn letter(
    ctx: &Composer,
    t: &mut Texts,
    p: &PersonView,
    (slots, late): (&[&SlotView], Vec<String>),
    corrected: bool,
) -> Result<Vec<Block>, Error> {
    let mut blocks = vec![
        to_person(ctx, &p.appel, &p.adresse),
        right(t, "lieu_date")?,
        Block::centred_heading(1, t.text("titre")?),
        Block::Paragraph(Paragraph::bold(t.text("objet")?)),
    ];
    if corrected {
        blocks.push(Block::Paragraph(Paragraph::bold(t.text("rectificatif")?)));
    }
    blocks.extend(paragraphs(t, "corps")?);
    if !slots.is_empty() {
        let columns: SlotLabels = t.labels_as("libelles")?;
        blocks.push(slots_table(ctx, &columns, slots)?);
    }
    // The real end of a candidate with extra time, under the timetable.
    blocks.extend(
        late.into_iter()
            .map(|l| Block::Paragraph(Paragraph::text(l))),
    );
    blocks.push(heading(t, "documents_titre")?);
    blocks.extend(paragraphs(t, "documents")?);
    blocks.push(heading(t, "regle_titre")?);
    blocks.extend(paragraphs(t, "regle")?);
    blocks.extend(paragraphs(t, "contact")?);
    blocks.push(Block::signatures(
        vec![t.text("signature")?],
        SIZES.mm("convocation-equipe-signature-height"),
    ));
    Ok(blocks)
}
