//! The door signs: one per room in use, a page for each day with the
//! room, « Examen en cours » and the room's slots, in type read from the
//! corridor. Jurors are never named.

use minijinja::context;
use serde::Serialize;

use super::{Composed, Composer, Subject};
use crate::doc::{Align, Block, Cell, Paragraph, Row, Section, Table};
use crate::error::Error;
use crate::fr;
use crate::page::SIZES;
use crate::plan::SlotView;

/// One line of a door sign: a slot, or a series of slots of the same test
/// that follow one another.
#[derive(Serialize)]
struct Line {
    debut: String,
    fin: String,
    #[serde(skip)]
    intitule: String,
    #[serde(skip)]
    minutes_fin: u16,
}

/// The lines of one day's sign: consecutive slots of the same test as one.
/// A slot ends when its last candidate with extra time finishes: the room
/// is in use until then.
fn lines_of(slots: &[&SlotView]) -> Vec<Line> {
    let mut lines: Vec<Line> = Vec::new();
    for s in slots {
        let (fin, minutes_fin) = match s.late_end() {
            Some(late) => (late.fin.clone(), late.minutes_fin),
            None => (s.fin.clone(), s.minutes_fin),
        };
        match lines.last_mut() {
            // The next interview of a series follows within a quarter hour.
            Some(last)
                if last.intitule == s.intitule && s.minutes_debut <= last.minutes_fin + 15 =>
            {
                if minutes_fin > last.minutes_fin {
                    last.minutes_fin = minutes_fin;
                    last.fin = fin;
                }
            }
            _ => lines.push(Line {
                debut: s.debut.clone(),
                fin,
                intitule: s.intitule.clone(),
                minutes_fin,
            }),
        }
    }
    lines
}

/// A door sign per room in use: for each day, a page with the room, « Examen
/// en cours » and the room's slots of the day with their times.
pub fn door_signs(ctx: &Composer) -> Result<Vec<Composed>, Error> {
    ctx.plan
        .rooms_in_use()
        .into_iter()
        .map(|(id, name, slots)| {
            let mut dates: Vec<_> = slots.iter().map(|s| s.date).collect();
            dates.dedup();
            let days: Vec<(String, Vec<Line>)> = dates
                .into_iter()
                .map(|day| {
                    let of_day: Vec<&SlotView> =
                        slots.iter().copied().filter(|s| s.date == day).collect();
                    (fr::long_date(day), lines_of(&of_day))
                })
                .collect();
            let times: Vec<&Line> = days.iter().flat_map(|(_, lines)| lines).collect();
            let context = context! { salle => name, horaires => times };
            ctx.wording.with(ctx.template(), ctx.context(context), |t| {
                // One time range a line, every day's in turn.
                let mut times = t.lines("horaires")?.into_iter();
                let (in_progress, silence) = (t.text("en_cours")?, t.text("silence")?);
                let sections = days
                    .iter()
                    .map(|(day, lines)| {
                        let sign = Sign {
                            room: &name,
                            in_progress: &in_progress,
                            day,
                            silence: &silence,
                        };
                        Section::landscape(sign.page(lines, &mut times))
                    })
                    .collect();
                let title = t.text("panneau_titre")?;
                let footer = ctx.footer(&title)?;
                ctx.composed(
                    ctx.kind.file_for(&id),
                    Subject::salle(id.clone()),
                    title,
                    footer,
                    sections,
                )
            })
        })
        .collect()
}

/// What a door sign says above and below its slots.
struct Sign<'a> {
    room: &'a str,
    in_progress: &'a str,
    day: &'a str,
    silence: &'a str,
}

impl Sign<'_> {
    /// One page: the room, « Examen en cours », the day and its `lines`,
    /// each with the next of `times`.
    fn page(&self, lines: &[Line], times: &mut impl Iterator<Item = String>) -> Vec<Block> {
        // Large enough to read from the corridor; smaller on a busy day.
        let (size, height_mm) = if lines.len() > 4 {
            (
                SIZES.pt("panneau-busy-row-size"),
                SIZES.mm("panneau-busy-row-height"),
            )
        } else {
            (SIZES.pt("panneau-row-size"), SIZES.mm("panneau-row-height"))
        };
        let rows = lines
            .iter()
            .map(|line| {
                let time = times.next().unwrap_or_default();
                Row::new(vec![
                    Cell::new(vec![Paragraph::bold(time)]),
                    Cell::text(line.intitule.clone()),
                ])
                .min_height(height_mm)
            })
            .collect();
        let centred = |p: Paragraph, pt: f32, after: f32| {
            Block::Paragraph(p.align(Align::Center).size(pt).space_after(after))
        };
        vec![
            centred(
                Paragraph::bold(self.room),
                SIZES.pt("panneau-room-size"),
                SIZES.mm("panneau-room-after"),
            ),
            centred(
                Paragraph::bold(self.in_progress),
                SIZES.pt("panneau-in-progress-size"),
                SIZES.mm("panneau-in-progress-after"),
            ),
            centred(
                Paragraph::text(self.day),
                SIZES.pt("panneau-day-size"),
                SIZES.mm("panneau-day-after"),
            ),
            Block::Table(
                Table::new(SIZES.shares("panneau-columns"), rows)
                    .size(size)
                    .ruled(),
            ),
            Block::Paragraph(
                Paragraph::italic(self.silence)
                    .align(Align::Center)
                    .size(SIZES.pt("panneau-silence-size")),
            ),
        ]
    }
}
