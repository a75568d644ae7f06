//! The convocation: one letter per candidate, with the tear-off receipt
//! when it is handed over (`main_propre`), annex 1 (the candidate's own
//! timetable: never another candidate's name nor a juror's) and annex 2
//! (extracts of the règlement général des sessions d'examen); and the same
//! letters in one print file, each starting on a recto.

use minijinja::{Value, context};

use super::parts::{self, ReglementType};
use super::{Composed, Ctx, Filter, Kind, Subject};
use crate::doc::{Align, Block, Cell, Paragraph, Row, Run, Section, Table};
use crate::error::Error;
use crate::model::NatureCreneau;
use crate::plan::CandidateView;

/// One convocation per candidate the filter keeps.
pub fn each(ctx: &Ctx, filter: &Filter) -> Result<Vec<Composed>, Error> {
    ctx.plan
        .candidates
        .iter()
        .filter(|c| filter.wants_candidate(&c.id))
        .map(|c| {
            let (title, footer, section) = letter(ctx, c)?;
            let stem = format!("convocations/convocation-{}", super::file_part(&c.id));
            ctx.composed(
                Kind::Convocation,
                stem,
                Subject::candidat(&c.id),
                title,
                footer,
                vec![section],
            )
        })
        .collect()
}

/// Every convocation the filter keeps in one print file: one section per
/// letter, each on a new recto (recto-verso printing stays per letter),
/// with the letter's own footer.
pub fn lot(ctx: &Ctx, filter: &Filter) -> Result<Vec<Composed>, Error> {
    let sections = ctx
        .plan
        .candidates
        .iter()
        .filter(|c| filter.wants_candidate(&c.id))
        .map(|c| {
            letter(ctx, c).map(|(_, footer, section)| Section {
                footer: Some(footer),
                ..section
            })
        })
        .collect::<Result<Vec<_>, _>>()?;
    if sections.is_empty() {
        return Ok(vec![]);
    }
    let (title, footer) = ctx.wording.with(
        "convocation",
        ctx.context(context! { c => Value::from(()) }),
        |t| Ok((t.text("fichier_lot")?, ctx.footer(&t.text("pied")?)?)),
    )?;
    let stem = "convocations-lot".to_owned();
    Ok(vec![ctx.for_session(
        Kind::ConvocationsLot,
        &stem,
        title,
        footer,
        sections,
    )?])
}

/// A bold label followed by plain text, in one paragraph.
fn labelled(label: String, text: String) -> Paragraph {
    Paragraph::new(vec![Run::bold(label), Run::plain(format!(" {text}"))]).align(Align::Justify)
}

/// The letter, its receipt and both annexes, as one section (numbered on
/// its own); with the title and the footer of a single letter.
fn letter(ctx: &Ctx, c: &CandidateView) -> Result<(String, String, Section), Error> {
    let facts = &ctx.plan.facts;
    // In a corrected run, the slots that changed for this candidate.
    let changed = ctx.correction.and_then(|k| k.candidats.get(&c.id));
    // A corrected letter is dated the day it is sent.
    let dated = match (ctx.correction, changed) {
        (Some(k), Some(_)) => k.envoi.clone(),
        _ => facts.convocation_date.clone(),
    };
    let mut blocks = ctx.wording.with(
        "convocation",
        ctx.context(context! { c => Value::from_serialize(c), date_lettre => dated }),
        |t| {
            let mut blocks = Vec::new();
            // Head: sender, and the recipient in the envelope window.
            let sender = t
                .lines("expediteur")?
                .into_iter()
                .enumerate()
                .map(|(i, l)| {
                    if i == 0 {
                        Paragraph::bold(l)
                    } else {
                        Paragraph::text(l).size(9.0)
                    }
                })
                .collect();
            let mut recipient = vec![c.appel.clone()];
            recipient.extend(c.adresse.iter().cloned());
            blocks.push(Block::LetterHead { sender, recipient });
            // The sending mode on the left, place and date on the right.
            blocks.push(Block::Table(Table {
                widths: vec![1.0, 1.0],
                header_rows: 0,
                rows: vec![Row::new(vec![
                    Cell::new(vec![Paragraph::bold(t.text("mode")?)]),
                    Cell::text(t.text("lieu_date")?).align(Align::Right),
                ])],
                size: None,
                ruled: false,
            }));
            blocks.push(Block::Paragraph(
                Paragraph::bold(t.text("objet")?).space_after(4.0),
            ));
            if changed.is_some() {
                blocks.push(Block::Paragraph(
                    Paragraph::bold(t.text("rectificative")?).space_after(4.0),
                ));
            }
            blocks.push(Block::Paragraph(Paragraph::text(t.text("appel")?)));
            for p in t.paragraphs("corps")? {
                blocks.push(Block::Paragraph(Paragraph::text(p).align(Align::Justify)));
            }

            // The key facts.
            let l = t.labels("libelles")?;
            let label = |s: String| Cell::new(vec![Paragraph::bold(s)]);
            let mut rows = vec![
                Row::new(vec![
                    label(l.get("lieu")?),
                    Cell::text(t.lines("lieu")?.join("\n")),
                ]),
                Row::new(vec![
                    label(l.get("arrivee")?),
                    Cell::text(t.text("arrivee")?),
                ]),
            ];
            let final_interview = t.text("entretien_final")?;
            if !final_interview.is_empty() {
                rows.push(Row::new(vec![
                    label(l.get("entretien_final")?),
                    Cell::text(final_interview),
                ]));
            }
            let tests = tests_of(c);
            if !tests.is_empty() {
                rows.push(Row::new(vec![
                    label(l.get("epreuves")?),
                    // One paragraph, French spacing before the semicolons.
                    Cell::text(tests.join("\u{202f}; ")),
                ]));
            }
            if let Some(tenue) = &facts.tenue {
                rows.push(Row::new(vec![
                    label(l.get("tenue")?),
                    Cell::text(tenue.clone()),
                ]));
            }
            blocks.push(Block::Table(Table {
                widths: vec![3.0, 9.0],
                header_rows: 0,
                rows,
                size: Some(9.5),
                ruled: false,
            }));

            // What to bring, the rules, the adapted conditions.
            blocks.push(Block::Paragraph(Paragraph {
                keep_with_next: true,
                space_after: Some(1.0),
                ..Paragraph::bold(t.text("documents_titre")?)
            }));
            // One paragraph, an item a line.
            let items: Vec<String> = t
                .lines("documents")?
                .iter()
                .map(|item| format!("– {item}"))
                .collect();
            blocks.push(Block::Paragraph(Paragraph::text(items.join("\n"))));
            for rule in ["retard", "telephones", "resultats"] {
                blocks.push(Block::Paragraph(labelled(
                    t.text(&format!("{rule}_titre"))?,
                    t.text(rule)?,
                )));
            }
            if let Some(amenagement) = &c.amenagement {
                blocks.push(Block::Paragraph(labelled(
                    t.text("amenagement_titre")?,
                    t.text("amenagement")?,
                )));
                blocks.push(Block::Paragraph(
                    Paragraph::new(vec![Run::italic(amenagement.clone())]).align(Align::Justify),
                ));
                if !c.temps_supplementaire.is_empty() {
                    blocks.push(Block::Paragraph(
                        Paragraph::text(t.text("temps_supplementaire")?).align(Align::Justify),
                    ));
                }
            } else {
                // Every candidate is told they may ask for adapted conditions.
                blocks.push(Block::Paragraph(labelled(
                    t.text("handicap_titre")?,
                    t.text("handicap")?,
                )));
            }
            blocks.push(Block::Paragraph(Paragraph {
                keep_with_next: true,
                ..Paragraph::text(t.text("politesse")?)
                    .align(Align::Justify)
                    .space_after(5.0)
            }));
            blocks.push(Block::Paragraph(
                Paragraph::text(t.lines("signature")?.join("\n")).align(Align::Right),
            ));

            // Annex 1: the candidate's own timetable, no other name.
            blocks.push(Block::PageBreak);
            blocks.push(Block::Heading {
                level: 1,
                text: t.text("annexe1_titre")?,
                align: Align::Left,
            });
            blocks.push(Block::Paragraph(
                Paragraph::text(t.text("annexe1_intro")?).align(Align::Justify),
            ));
            if c.creneaux.is_empty() {
                blocks.push(Block::Paragraph(Paragraph::text(t.text("annexe1_vide")?)));
            } else {
                let k = t.labels("colonnes")?;
                let mut rows = vec![Row::new(vec![
                    Cell::head(k.get("jour")?),
                    Cell::head(k.get("debut")?),
                    Cell::head(k.get("fin")?),
                    Cell::head(k.get("duree")?),
                    Cell::head(k.get("epreuve")?),
                    Cell::head(k.get("salle")?),
                ])];
                // One note per slot lengthened, in order (`fins_amenagees`).
                let mut late = t.lines("fins_amenagees")?.into_iter();
                for v in &c.creneaux {
                    let mut cells = vec![
                        Cell::text(v.jour.clone()),
                        Cell::text(v.debut.clone()),
                        Cell::text(v.fin.clone()),
                        Cell::text(v.duree.clone()),
                        Cell::text(v.intitule.clone()),
                        Cell::text(v.salle.clone().unwrap_or_default()),
                    ];
                    // Their own end, lengthened by their extra time.
                    if v.fin_prevue.is_some() {
                        let note = late.next().unwrap_or_default();
                        cells[4].paragraphs.push(Paragraph::text(note).size(8.0));
                    }
                    // A slot changed since the earlier convocation: shaded,
                    // and said so under its title.
                    if changed.is_some_and(|slots| slots.contains(&v.index)) {
                        cells[4]
                            .paragraphs
                            .push(Paragraph::bold(k.get("modifie")?).size(8.0));
                        cells = cells.into_iter().map(Cell::shaded).collect();
                    }
                    rows.push(Row::new(cells));
                }
                blocks.push(Block::Table(Table {
                    widths: vec![2.9, 1.2, 1.2, 1.2, 5.2, 2.6],
                    header_rows: 1,
                    rows,
                    size: Some(9.0),
                    ruled: true,
                }));
            }
            Ok(blocks)
        },
    )?;

    // Annex 2: the règlement's extracts.
    blocks.push(Block::PageBreak);
    blocks.extend(parts::reglement(ctx, ReglementType::Annexe)?);

    // The receipt to tear off and sign, when handed over: last, so that
    // tearing it off a sheet printed recto-verso spoils nothing.
    let (title, footer) = ctx.wording.with(
        "convocation",
        ctx.context(context! { c => Value::from_serialize(c) }),
        |t| {
            if facts.remise_en_main_propre {
                blocks.push(Block::Space { mm: 4.0 });
                blocks.push(Block::CutLine {
                    label: t.text("decoupe")?,
                });
                blocks.push(Block::Paragraph(Paragraph {
                    keep_with_next: true,
                    ..Paragraph::bold(t.text("decharge_titre")?).align(Align::Center)
                }));
                blocks.push(Block::Paragraph(Paragraph {
                    keep_with_next: true,
                    ..Paragraph::text(t.text("decharge")?).align(Align::Justify)
                }));
                blocks.push(Block::Paragraph(Paragraph {
                    keep_with_next: true,
                    ..Paragraph::text(t.text("decharge_fait")?)
                }));
                blocks.push(Block::Signatures {
                    captions: vec![t.text("decharge_signature")?],
                    height_mm: 18.0,
                });
            }
            Ok((t.text("fichier")?, t.text("pied")?))
        },
    )?;
    let footer = ctx.footer(&format!("{footer} — {}", c.nom_prenom))?;
    Ok((
        title,
        footer,
        Section {
            landscape: false,
            recto: true,
            footer: None,
            blocks,
        },
    ))
}

/// The titles of the candidate's tests (not the welcome), each once, in
/// time order; every slot's title when none is a test.
fn tests_of(c: &CandidateView) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let is_test = |n: NatureCreneau| {
        matches!(
            n,
            NatureCreneau::Epreuve | NatureCreneau::Entretien | NatureCreneau::EntretienFinal
        )
    };
    let any_test = c.creneaux.iter().any(|v| is_test(v.nature));
    for v in &c.creneaux {
        if (is_test(v.nature) || !any_test) && !out.contains(&v.intitule) {
            out.push(v.intitule.clone());
        }
    }
    out
}
