//! The timetable posted in the hall (one landscape sheet per day) and the
//! door signs (one per room in use). Jurors appear only as « Jury ».

use minijinja::context;

use super::{Composed, Ctx, Kind, Subject};
use crate::doc::{Align, Block, Cell, Paragraph, Row, Run, Section, Table};
use crate::fr;
use crate::wording::WordingError;

/// Type readable from two metres.
const POSTED_PT: f32 = 13.0;

/// The posted timetable: one landscape page per day.
pub fn affichage(ctx: &Ctx) -> Result<Vec<Composed>, WordingError> {
    let plan = ctx.plan;
    let mut sections = Vec::new();
    let mut title = String::new();
    for day in &plan.days {
        let jour = fr::long_date(*day);
        let blocks =
            ctx.wording
                .with("affichage", ctx.context(context! { jour => jour }), |t| {
                    let l = t.labels("libelles")?;
                    title = t.text("fichier")?;
                    let mut rows = vec![Row::new(vec![
                        Cell::head(l.get("heure")?),
                        Cell::head(l.get("epreuve")?),
                        Cell::head(l.get("salle")?),
                        Cell::head(l.get("qui")?),
                    ])];
                    let mut previous_start = None;
                    for slot in plan.slots.iter().filter(|v| v.date == *day) {
                        // Parallel slots: the time is written once for the group.
                        let time = if previous_start == Some(slot.minutes_debut) {
                            String::new()
                        } else {
                            format!("{} – {}", slot.debut, slot.fin)
                        };
                        previous_start = Some(slot.minutes_debut);
                        let mut who = Vec::new();
                        if slot.tous_les_candidats {
                            who.push(l.get("tous")?);
                        } else {
                            who.extend(slot.candidats.iter().cloned());
                        }
                        if slot.avec_jury {
                            who.push(l.get("jury")?);
                        }
                        if !slot.surveillants.is_empty() {
                            who.push(l.get("surveillance")?);
                        }
                        rows.push(Row::new(vec![
                            Cell::new(vec![Paragraph::bold(time)]),
                            Cell::text(slot.intitule.clone()),
                            Cell::text(slot.salle.clone().unwrap_or_default()),
                            Cell::text(who.join("\n")),
                        ]));
                    }
                    Ok(vec![
                        Block::Heading {
                            level: 1,
                            text: t.text("titre")?,
                            align: Align::Center,
                        },
                        Block::Paragraph(
                            Paragraph::text(t.text("sous_titre")?)
                                .align(Align::Center)
                                .size(12.0),
                        ),
                        Block::Table(Table {
                            widths: vec![2.6, 5.3, 3.0, 3.6],
                            header_rows: 1,
                            rows,
                            size: Some(POSTED_PT),
                            ruled: true,
                        }),
                        Block::Paragraph(
                            Paragraph::new(vec![Run::italic(t.text("rappel")?)]).size(12.0),
                        ),
                    ])
                })?;
        sections.push(Section::landscape(blocks));
    }
    let footer = ctx.footer(&title)?;
    let stem = "affichage".to_owned();
    Ok(vec![ctx.composed(
        Kind::Affichage,
        stem,
        Subject::default(),
        title,
        footer,
        sections,
    )?])
}

/// One door sign per room in use, with its days and times of use.
pub fn door_signs(ctx: &Ctx) -> Result<Vec<Composed>, WordingError> {
    let plan = ctx.plan;
    plan.rooms_in_use()
        .into_iter()
        .map(|(id, name, slots)| {
            ctx.wording
                .with("affichage", ctx.context(context! { salle => name }), |t| {
                    let natures = t.labels("natures")?;
                    let mut uses: Vec<String> = Vec::new();
                    for slot in &slots {
                        let label = natures.get(slot.nature)?;
                        if !uses.contains(&label) {
                            uses.push(label);
                        }
                    }
                    let mut blocks = vec![
                        Block::Space { mm: 8.0 },
                        Block::Paragraph(
                            Paragraph::bold(name.clone())
                                .align(Align::Center)
                                .size(40.0)
                                .space_after(6.0),
                        ),
                        Block::Paragraph(
                            Paragraph::bold(t.text("en_cours")?)
                                .align(Align::Center)
                                .size(58.0)
                                .space_after(6.0),
                        ),
                        Block::Paragraph(
                            Paragraph::text(uses.join(" · "))
                                .align(Align::Center)
                                .size(30.0)
                                .space_after(8.0),
                        ),
                    ];
                    let mut days: Vec<_> = slots.iter().map(|s| s.date).collect();
                    days.dedup();
                    for day in days {
                        let of_day: Vec<_> = slots.iter().filter(|s| s.date == day).collect();
                        let first = of_day.first().map(|s| s.debut.clone()).unwrap_or_default();
                        let last = of_day
                            .iter()
                            .map(|s| {
                                (
                                    plan.session.planning.value[s.index].fin.value,
                                    s.fin.clone(),
                                )
                            })
                            .max()
                            .map(|(_, f)| f)
                            .unwrap_or_default();
                        blocks.push(Block::Paragraph(
                            Paragraph::text(format!(
                                "{}\u{a0}: {first} – {last}",
                                fr::long_date(day)
                            ))
                            .align(Align::Center)
                            .size(20.0),
                        ));
                    }
                    blocks.push(Block::Paragraph(
                        Paragraph::new(vec![Run::italic(t.text("silence")?)])
                            .align(Align::Center)
                            .size(18.0),
                    ));
                    let title = format!("{} — {name}", t.text("panneau_titre")?);
                    let footer = ctx.footer(&title)?;
                    ctx.composed(
                        Kind::PanneauSalle,
                        format!("panneaux/panneau-{}", super::file_part(&id)),
                        Subject::salle(id.clone()),
                        title,
                        footer,
                        vec![Section::landscape(blocks)],
                    )
                })
        })
        .collect()
}
