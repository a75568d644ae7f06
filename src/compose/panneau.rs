//! The door signs: one per room in use, a page for each day with the
//! room, « Examen en cours » and the room's slots, in type read from the
//! corridor. Jurors are never named.

use minijinja::context;

use super::{Composed, Ctx, Kind, Subject};
use crate::doc::{Align, Block, Cell, Paragraph, Row, Run, Section, Table};
use crate::error::Error;
use crate::fr;
use crate::plan::SlotView;

/// A door sign per room in use: for each day, a page with the room, « Examen
/// en cours » and the room's slots of the day with their times.
pub fn door_signs(ctx: &Ctx) -> Result<Vec<Composed>, Error> {
    let plan = ctx.plan;
    plan.rooms_in_use()
        .into_iter()
        .map(|(id, name, slots)| {
            ctx.wording
                .with("affichage", ctx.context(context! { salle => name }), |t| {
                    let mut days: Vec<_> = slots.iter().map(|s| s.date).collect();
                    days.dedup();
                    let mut sections = Vec::new();
                    for day in days {
                        let of_day: Vec<&SlotView> =
                            slots.iter().copied().filter(|s| s.date == day).collect();
                        sections.push(Section::landscape(door_sign_page(
                            &name,
                            &t.text("en_cours")?,
                            &fr::long_date(day),
                            &of_day,
                            &t.text("silence")?,
                        )));
                    }
                    let title = format!("{} — {name}", t.text("panneau_titre")?);
                    let footer = ctx.footer(&title)?;
                    ctx.composed(
                        Kind::PanneauSalle,
                        format!("panneaux/panneau-{}", super::file_part(&id)),
                        Subject::salle(id.clone()),
                        title,
                        footer,
                        sections,
                    )
                })
        })
        .collect()
}

/// One door sign page: the room, « Examen en cours », the day and its
/// slots (consecutive slots of the same test as one line).
fn door_sign_page(
    room: &str,
    in_progress: &str,
    day: &str,
    slots: &[&SlotView],
    silence: &str,
) -> Vec<Block> {
    let mut lines: Vec<(u16, u16, String, String, String)> = Vec::new();
    for s in slots {
        match lines.last_mut() {
            // The next interview of a series follows within a quarter hour.
            Some(last) if last.4 == s.intitule && s.minutes_debut <= last.1 + 15 => {
                last.1 = s.minutes_fin;
                last.3 = s.fin.clone();
            }
            _ => lines.push((
                s.minutes_debut,
                s.minutes_fin,
                s.debut.clone(),
                s.fin.clone(),
                s.intitule.clone(),
            )),
        }
    }
    // Large enough to read from the corridor; smaller on a busy day.
    let (size, height_mm) = if lines.len() > 4 {
        (20.0, 10.0)
    } else {
        (24.0, 13.0)
    };
    let rows = lines
        .into_iter()
        .map(|(_, _, debut, fin, title)| {
            let time = format!("{debut} – {fin}").replace(' ', "\u{a0}");
            Row::new(vec![
                Cell::new(vec![Paragraph::bold(time)]),
                Cell::text(title),
            ])
            .min_height(height_mm)
        })
        .collect();
    vec![
        Block::Paragraph(
            Paragraph::bold(room)
                .align(Align::Center)
                .size(40.0)
                .space_after(5.0),
        ),
        Block::Paragraph(
            Paragraph::bold(in_progress)
                .align(Align::Center)
                .size(58.0)
                .space_after(8.0),
        ),
        Block::Paragraph(
            Paragraph::text(day)
                .align(Align::Center)
                .size(26.0)
                .space_after(4.0),
        ),
        Block::Table(Table {
            widths: vec![1.0, 2.6],
            header_rows: 0,
            rows,
            size: Some(size),
            ruled: true,
        }),
        Block::Paragraph(
            Paragraph::new(vec![Run::italic(silence)])
                .align(Align::Center)
                .size(18.0),
        ),
    ]
}
