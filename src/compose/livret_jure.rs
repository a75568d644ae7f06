//! The juror's briefing pack (livret d'accueil du jury): one per juror
//! taking part. Session facts, the responsable's contact, the juror's own
//! timetable, the candidates they evaluate, the documents handed over, the
//! rules of the jury, and the declaration of no link with the candidates.
//!
//! The session-facts table, the timetable and the bulleted lists are shared
//! with the surveillant's pack.

use minijinja::{Value, context};

use super::pack::{bullets, heading, opening};
use super::{Composed, Content, Ctx, Kind, Subject, voie_key};
use crate::doc::{Align, Block, Cell, Paragraph, Row, Run, Table};
use crate::error::Error;
use crate::plan::PersonView;

/// One pack per juror taking part, in alphabetical order.
pub fn each(ctx: &Ctx) -> Result<Vec<Composed>, Error> {
    ctx.one_per(
        Kind::LivretJure,
        ctx.plan.jurors_taking_part(),
        "livrets-jures/livret-jure",
        |j| j.id.clone(),
        Subject::jure,
        |j| content(ctx, j),
    )
}

fn content(ctx: &Ctx, j: &PersonView) -> Result<Content, Error> {
    let plan = ctx.plan;
    let candidates = plan.juror_candidates(&j.id);
    let slots = plan.juror_slots(&j.id);
    // The other jurors of the pairs this juror sits in (their own partner).
    let mut binome: Vec<String> = Vec::new();
    for c in &candidates {
        for p in &c.jury {
            if p.id != j.id && !binome.contains(&p.appel) {
                binome.push(p.appel.clone());
            }
        }
    }
    let names: Vec<&str> = candidates.iter().map(|c| c.nom_prenom.as_str()).collect();
    ctx.wording.with(
        "livret-jure",
        ctx.context(context! {
            j => Value::from_serialize(j),
            binome => binome,
            candidats => names,
            vues => Value::from_serialize(&candidates),
        }),
        |t| {
            let l = t.labels("libelles")?;
            let voies = t.labels("voies")?;
            let title = t.text("fichier")?;
            let footer = ctx.footer(&title)?;
            let corrected = ctx.correction.is_some_and(|k| k.jures.contains_key(&j.id));
            let mut blocks = opening(ctx, t, &l, &slots, corrected)?;

            blocks.push(heading(l.get("candidats")?));
            if candidates.is_empty() {
                blocks.push(Block::Paragraph(Paragraph::text(t.text("candidats_vide")?)));
            } else {
                blocks.push(Block::Paragraph(Paragraph::text(
                    t.text("candidats_intro")?,
                )));
                let mut rows = vec![Row::new(vec![
                    Cell::head(l.get("nom")?),
                    Cell::head(l.get("identifiant")?),
                    Cell::head(l.get("voie")?),
                    Cell::head(l.get("amenagement")?),
                ])];
                // One line per test lengthened by extra time, candidate by candidate.
                let mut late = t.lines("fins_amenagees")?.into_iter();
                for c in &candidates {
                    let mut name = vec![Paragraph::bold(c.nom_prenom.clone())];
                    if c.nom_usage.is_some() {
                        name.push(
                            Paragraph::text(format!("{} {}", l.get("naissance")?, c.nom_naissance))
                                .size(8.0),
                        );
                    }
                    let amenagement = match &c.amenagement {
                        Some(a) => {
                            let mut cell = Cell::text(a.clone());
                            for _ in &c.temps_supplementaire {
                                let line = late.next().unwrap_or_default();
                                cell.paragraphs.push(Paragraph::bold(line).size(8.5));
                            }
                            cell
                        }
                        None => Cell::text(l.get("aucun")?),
                    };
                    rows.push(Row::new(vec![
                        Cell::new(name),
                        Cell::text(c.identifiant.clone()),
                        Cell::text(voies.get(voie_key(c.voie))?),
                        amenagement,
                    ]));
                }
                blocks.push(Block::Table(Table {
                    widths: vec![3.4, 1.6, 2.0, 4.6],
                    header_rows: 1,
                    rows,
                    size: Some(9.0),
                    ruled: true,
                }));
            }

            blocks.push(heading(l.get("documents")?));
            blocks.extend(bullets(t.lines("documents")?));
            blocks.push(Block::Paragraph(Paragraph::text(t.text("documents_fin")?)));

            blocks.push(heading(l.get("rappels")?));
            blocks.extend(bullets(t.lines("rappels")?));

            // The declaration, on a page of its own to hand back.
            blocks.push(Block::PageBreak);
            blocks.push(Block::Heading {
                level: 1,
                text: l.get("declaration")?,
                align: Align::Center,
            });
            blocks.push(Block::Paragraph(
                Paragraph::new(vec![Run::italic(l.get("declaration_note")?)])
                    .align(Align::Center)
                    .size(9.0),
            ));
            blocks.push(Block::Space { mm: 4.0 });
            if candidates.is_empty() {
                blocks.push(Block::Paragraph(
                    Paragraph::text(t.text("declaration_vide")?).align(Align::Justify),
                ));
            } else {
                blocks.push(Block::Paragraph(
                    Paragraph::text(t.text("declaration")?).align(Align::Justify),
                ));
                let listed = candidates
                    .iter()
                    .map(|c| {
                        Ok(format!(
                            "{} ({}, {})",
                            c.nom_prenom,
                            c.identifiant,
                            voies.get(voie_key(c.voie))?
                        ))
                    })
                    .collect::<Result<Vec<_>, Error>>()?;
                blocks.extend(bullets(listed));
            }
            blocks.push(Block::Paragraph(
                Paragraph::text(t.text("engagement")?).align(Align::Justify),
            ));
            blocks.push(Block::Space { mm: 4.0 });
            blocks.push(Block::Paragraph(Paragraph::text(t.text("fait_a")?)));
            blocks.push(Block::Signatures {
                captions: vec![l.get("date")?, l.get("signature")?],
                height_mm: 25.0,
            });
            Ok(Content {
                title,
                footer,
                blocks,
            })
        },
    )
}
