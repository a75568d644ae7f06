//! The timetable posted in the hall, in type read from two metres.
//! Jurors appear only as « Jury ».
//!
//! The posted timetable is one landscape sheet per day, its rows at
//! the page program's `posted-row-size`: slots that run at the same time with the same test share one
//! row (each room with its candidates); breaks and the jury's own slots are
//! thin rows. A day too
//! long for one sheet goes on to another headed "(suite)"; how many rows a
//! sheet takes is estimated from the width of the text in the PDF's font,
//! with room to spare for Word's taller lines. The règlement's extracts
//! follow, as a sheet to post beside it.

use minijinja::{Value, context};

use super::shared::{self, ReglementType};
use super::sheet_fit::{
    MM, POSTED, sheet_height_pt, sheet_width_pt, split_into_sheets, text_height_pt,
};
use super::{Composed, Composer};
use crate::doc::{Align, Block, Cell, Paragraph, Row, Run, Section, Table};
use crate::error::Error;
use crate::fr;
use crate::model::{Date, NatureCreneau};
use crate::page::WORD;
use crate::plan::SlotView;
use crate::wording::{LabelBlock, Texts};

/// The labels of `affichage.j2` this composer reads.
pub const LABELS: &[LabelBlock] = &[LabelBlock::of::<Labels>("affichage", "libelles")];

/// The block `libelles` of `affichage.j2`.
#[derive(serde::Deserialize)]
struct Labels {
    heure: String,
    epreuve: String,
    lieu: String,
    jury: String,
    tous: String,
}

/// One row of the posted timetable.
struct PostedRow {
    start: u16,
    end: u16,
    debut: String,
    fin: String,
    title: String,
    /// "(2 h 00)": the length of each test, as on the ministry's timetable.
    duree: String,
    /// Who is present besides the candidates: « Surveillance : Mme TANGUY ».
    present: Vec<String>,
    /// A break, or a slot of the jury alone: a thin row in smaller type.
    thin: bool,
    places: Vec<Place>,
}

/// The words a row takes from the template (`libelles` and its macros).
struct Words<'t, 'a> {
    everyone: String,
    jury: String,
    /// « Responsable de session : Mme TANGUY », at the candidates' welcome.
    accueil: String,
    texts: &'t Texts<'a>,
}

/// A room of a row, with who is in it: each candidate (one a line) with the
/// time they pass, « Tous les candidats », or « Jury ».
struct Place {
    room: String,
    people: Vec<(String, String)>,
    /// Everyone at once: the row cannot take a series.
    whole_group: bool,
    /// The jury alone: its room is not the candidates' concern.
    jury_only: bool,
}

/// The posted timetable: sheets for each day, then the règlement.
pub fn affichage(ctx: &Composer) -> Result<Vec<Composed>, Error> {
    let mut sections = Vec::new();
    let mut title = String::new();
    for day in &ctx.plan.days {
        let jour = fr::long_date(*day);
        let measured = measure_day(ctx, *day, &jour)?;
        title = measured.title.clone();
        let (show_note, show_subtitle, room) = measured.layout();
        let sheets = split_into_sheets(measured.rows, room);
        let last = sheets.len().saturating_sub(1);
        // A day's sheets are one section: « page x / n » counts them.
        let mut blocks = Vec::new();
        for (i, rows) in sheets.into_iter().enumerate() {
            let note = (i == last && show_note).then_some(measured.note.as_str());
            if i > 0 {
                blocks.push(Block::PageBreak);
            }
            blocks.extend(sheet(ctx, &jour, i > 0, rows, show_subtitle, note)?);
        }
        sections.push(Section::landscape(blocks));
    }
    // The summary of the règlement, unless the official text follows.
    if ctx.reglement.is_none() {
        sections.push(Section::portrait(shared::reglement(
            ctx,
            ReglementType::Affiche,
        )?));
    }
    let footer = ctx.footer(&title)?;
    let mut composed = ctx.for_session(title, footer, sections)?;
    composed.appendix = ctx.reglement.clone();
    Ok(vec![composed])
}

/// A day's rows and what the sheet's other parts take of its height.
struct MeasuredDay {
    /// The document's title (template block `fichier`).
    title: String,
    rows: Vec<Row>,
    /// The reminder under the table.
    note: String,
    /// The height left for the rows under the title and the header row.
    budget: f32,
    note_height: f32,
    subtitle_height: f32,
}

impl MeasuredDay {
    /// Whether the reminder and the subtitle are set, and the room left for
    /// the rows. A crowded day leaves out the reminder (the règlement is
    /// posted beside the timetable), then the subtitle (the page header
    /// names the session too), before it takes a second sheet.
    fn layout(&self) -> (bool, bool, f32) {
        let room = |note: bool, subtitle: bool| {
            self.budget
                - if note { self.note_height } else { 0.0 }
                - if subtitle { self.subtitle_height } else { 0.0 }
        };
        let layouts = [(true, true), (false, true), (false, false)];
        let (note, subtitle) = layouts
            .into_iter()
            .find(|&(note, subtitle)| {
                split_into_sheets(self.rows.clone(), room(note, subtitle)).len() == 1
            })
            .unwrap_or((true, true));
        (note, subtitle, room(note, subtitle))
    }
}

/// The rows of one day, and the heights of the sheet's other parts.
fn measure_day(ctx: &Composer, day: Date, jour: &str) -> Result<MeasuredDay, Error> {
    let plan = ctx.plan;
    let day_slots: Vec<&SlotView> = plan.slots.iter().filter(|v| v.date == day).collect();
    ctx.wording.with(
        ctx.template(),
        ctx.context(context! { jour => jour, suite => true }),
        |t| {
            let l: Labels = t.labels_as("libelles")?;
            let r = &plan.facts.responsable;
            let responsable = format!("{} {}", fr::civilite(r.civilite), fr::capitals(&r.nom));
            let words = Words {
                everyone: l.tous,
                jury: l.jury,
                accueil: t.call("accueil", &[Value::from(responsable)])?,
                texts: t,
            };
            let rows = posted_rows(&day_slots, &words)?;
            let rows = rows
                .iter()
                .map(|row| table_row(row, t))
                .collect::<Result<_, _>>()?;
            let note = t.text("rappel")?;
            // What is left for the rows once the title (the longer one,
            // with "(suite)") and the header row are set.
            let budget = sheet_height_pt()
                - text_height_pt(&t.text("titre")?, true, POSTED.title_pt, sheet_width_pt())
                - POSTED.title_after_mm * MM
                - (POSTED.row_pt * WORD.line_em + POSTED.row_padding_pt);
            let subtitle_height = text_height_pt(
                &t.text("sous_titre")?,
                false,
                POSTED.note_pt,
                sheet_width_pt(),
            ) + POSTED.subtitle_after_mm * MM;
            let note_height = POSTED.table_spacing_pt
                + text_height_pt(&note, false, POSTED.note_pt, sheet_width_pt());
            Ok(MeasuredDay {
                title: t.text("fichier")?,
                rows,
                note,
                budget,
                note_height,
                subtitle_height,
            })
        },
    )
}

/// One sheet of a day: its title (with "(suite)" after the first), the
/// subtitle if it is shown, the table, and the reminder if given.
fn sheet(
    ctx: &Composer,
    jour: &str,
    suite: bool,
    rows: Vec<Row>,
    show_subtitle: bool,
    note: Option<&str>,
) -> Result<Vec<Block>, Error> {
    ctx.wording.with(
        ctx.template(),
        ctx.context(context! { jour => jour, suite => suite }),
        |t| {
            let l: Labels = t.labels_as("libelles")?;
            let mut table_rows = vec![Row::head([l.heure, l.epreuve, l.lieu])];
            table_rows.extend(rows);
            let mut blocks = vec![Block::Paragraph(
                Paragraph::bold(t.text("titre")?)
                    .align(Align::Center)
                    .size(POSTED.title_pt)
                    .space_after(POSTED.title_after_mm),
            )];
            if show_subtitle {
                blocks.push(Block::Paragraph(
                    Paragraph::text(t.text("sous_titre")?)
                        .align(Align::Center)
                        .size(POSTED.note_pt)
                        .space_after(POSTED.subtitle_after_mm),
                ));
            }
            blocks.push(Block::Table(
                Table::new(POSTED.widths.to_vec(), table_rows)
                    .header_rows(1)
                    .size(POSTED.row_pt)
                    .ruled(),
            ));
            if let Some(note) = note {
                blocks.push(Block::Paragraph(
                    Paragraph::italic(note.to_owned()).size(POSTED.note_pt),
                ));
            }
            Ok(blocks)
        },
    )
}

/// The day's slots as rows: the same test at the same time in several
/// rooms is one row, and so is a series of it in the same rooms (each
/// candidate with their time).
fn posted_rows(slots: &[&SlotView], words: &Words) -> Result<Vec<PostedRow>, Error> {
    let mut rows: Vec<PostedRow> = Vec::new();
    for slot in slots {
        let mut people: Vec<(String, String)> = if slot.tous_les_candidats {
            vec![(slot.debut.clone(), words.everyone.clone())]
        } else if !slot.candidats.is_empty() {
            slot.candidats
                .iter()
                .map(|name| (slot.debut.clone(), name.clone()))
                .collect()
        } else if slot.avec_jury {
            vec![(slot.debut.clone(), words.jury.clone())]
        } else {
            Vec::new()
        };
        // A candidate with extra time: the room stays in use until they
        // finish, said for no one by name (an accommodation is not public),
        // and not at all for a slot of one candidate, whom it would name.
        let several = slot.tous_les_candidats || slot.candidats.len() > 1;
        if let Some(late) = slot.late_end().filter(|_| several) {
            let args = [Value::from(late.fin.clone())];
            people.push((String::new(), words.texts.call("salle_occupee", &args)?));
        }
        let jury_only = slot.candidats.is_empty() && !slot.tous_les_candidats;
        let mut present: Vec<String> = Vec::new();
        if slot.nature == NatureCreneau::Accueil && !jury_only {
            present.push(words.accueil.clone());
        }
        if !slot.surveillance.is_empty() {
            let names = Value::from_serialize(&slot.surveillance);
            present.push(words.texts.call("surveillance", &[names])?);
        }
        // As the ministry's typical timetable: « Jury » where it is present.
        if slot.avec_jury && !jury_only {
            present.push(words.jury.clone());
        }
        let place = Place {
            // Where the jury works alone is said only to tell two pairs
            // apart (see `table_row`).
            room: slot.salle.clone().unwrap_or_default(),
            jury_only,
            people,
            whole_group: slot.tous_les_candidats || slot.candidats.is_empty(),
        };
        let thin = slot.nature == NatureCreneau::Pause || jury_only;
        let same_time = rows.iter_mut().rev().find(|r| {
            r.start == slot.minutes_debut && r.end == slot.minutes_fin && r.title == slot.intitule
        });
        match same_time {
            // The same break, or the same work of the jury alone for two
            // pairs: one row.
            Some(row) if row.thin && thin => row.places.push(place),
            Some(row) if !row.thin => {
                row.places.push(place);
                for p in present {
                    if !row.present.contains(&p) {
                        row.present.push(p);
                    }
                }
            }
            _ => rows.push(PostedRow {
                start: slot.minutes_debut,
                end: slot.minutes_fin,
                debut: slot.debut.clone(),
                fin: slot.fin.clone(),
                title: slot.intitule.clone(),
                duree: slot.duree_hm.clone(),
                present,
                thin,
                places: vec![place],
            }),
        }
    }
    Ok(merge_series(rows))
}

/// Joins each row to the one before when it is the next of a series: the
/// same test, in the same rooms, for candidates passing one after another.
fn merge_series(rows: Vec<PostedRow>) -> Vec<PostedRow> {
    let mut out: Vec<PostedRow> = Vec::new();
    for row in rows {
        let follows = out.last().is_some_and(|prev| {
            !prev.thin
                && !row.thin
                && prev.title == row.title
                && prev.end <= row.start
                && prev.places.len() == row.places.len()
                && prev
                    .places
                    .iter()
                    .zip(&row.places)
                    .all(|(a, b)| a.room == b.room && !a.whole_group && !b.whole_group)
        });
        match out.last_mut() {
            Some(prev) if follows => {
                prev.end = row.end;
                prev.fin = row.fin;
                for p in row.present {
                    if !prev.present.contains(&p) {
                        prev.present.push(p);
                    }
                }
                for (a, b) in prev.places.iter_mut().zip(row.places) {
                    a.people.extend(b.people);
                }
            }
            _ => out.push(row),
        }
    }
    out
}

/// A row of the table: a thin row spans the test and rooms, in smaller type.
fn table_row(row: &PostedRow, t: &Texts) -> Result<Row, Error> {
    // A time range never breaks across lines.
    let time = format!("{} – {}", row.debut, row.fin).replace(' ', "\u{a0}");
    if row.thin {
        let mut runs = vec![Run::italic(row.title.clone())];
        // The rooms tell two pairs apart; a pair alone needs none.
        let mut rooms: Vec<&str> = row.places.iter().map(|p| p.room.as_str()).collect();
        rooms.sort_unstable();
        rooms.dedup();
        let apart = rooms.len() > 1;
        let mut said: Vec<String> = Vec::new();
        for place in &row.places {
            let who: Vec<&str> = place.people.iter().map(|(_, w)| w.as_str()).collect();
            let room = match apart || !place.jury_only {
                true => place.room.as_str(),
                false => "",
            };
            let text = [room, &who.join(", ")]
                .into_iter()
                .filter(|t| !t.is_empty())
                .collect::<Vec<_>>()
                .join(" · ");
            if !text.is_empty() && !said.contains(&text) {
                runs.push(Run::plain(format!(" — {text}")));
                said.push(text);
            }
        }
        return Ok(Row::new(vec![
            Cell::new(vec![Paragraph::text(time).size(POSTED.note_pt)]).shaded(),
            Cell::new(vec![Paragraph::new(runs).size(POSTED.note_pt)])
                .span(2)
                .shaded(),
        ]));
    }
    // Each room, then its candidates one a line, each with their time.
    let places = row
        .places
        .iter()
        .map(|place| -> Result<Paragraph, Error> {
            let lines: Vec<String> = match place.people.as_slice() {
                [(_, who)] => vec![who.clone()],
                people => people
                    .iter()
                    .map(|(time, who)| {
                        if time.is_empty() || place.whole_group {
                            who.clone()
                        } else {
                            format!("{time} {who}")
                        }
                    })
                    .collect(),
            };
            let one_line = lines.len() == 1;
            let who = lines.join("\n");
            Ok(match (place.room.is_empty(), who.is_empty()) {
                (true, _) => Paragraph::text(who),
                (false, true) => Paragraph::bold(place.room.clone()),
                (false, false) if one_line => Paragraph::new(vec![
                    Run::bold(place.room.clone()),
                    Run::plain(t.call("apres_salle", &[Value::from(who)])?),
                ]),
                (false, false) => Paragraph::new(vec![
                    Run::bold(place.room.clone()),
                    Run::plain(format!("\n{who}")),
                ]),
            }
            .space_after(POSTED.between_mm))
        })
        .collect::<Result<_, _>>()?;
    let mut test = vec![Paragraph::text(format!("{} ({})", row.title, row.duree))];
    test.extend(
        row.present
            .iter()
            .map(|p| Paragraph::italic(p.clone()).size(POSTED.note_pt)),
    );
    Ok(Row::new(vec![
        Cell::new(vec![Paragraph::bold(time)]),
        Cell::new(test),
        Cell::new(places),
    ]))
}
