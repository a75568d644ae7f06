//! The juror's briefing pack (livret d'accueil du jury): one per juror
//! taking part. Session facts, the responsable's contact, the juror's own
//! timetable, the candidates they evaluate, the documents handed over, the
//! rules of the jury, and the declaration of no link with the candidates.
//!
//! The session-facts table, the timetable and the bulleted lists are shared
//! with the surveillant's pack.

use minijinja::{Value, context};

use super::{Composed, Ctx, Kind, Pages, Subject, parts};
use crate::doc::{Align, Block, Cell, Paragraph, Row, Run, Table};
use crate::error::Error;
use crate::plan::{PersonView, SlotView};
use crate::wording::{Labels, Texts};

/// One pack per juror taking part, in the order of the session file.
pub fn each(ctx: &Ctx) -> Result<Vec<Composed>, Error> {
    ctx.one_per(
        Kind::LivretJure,
        ctx.plan.jurors_taking_part(),
        "livrets-jures/livret-jure",
        |j| j.id.clone(),
        Subject::jure,
        |j| pages(ctx, j),
    )
}

fn pages(ctx: &Ctx, j: &PersonView) -> Result<Pages, Error> {
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
        }),
        |t| {
            let l = t.labels("libelles")?;
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
                for c in &candidates {
                    let mut name = vec![Paragraph::bold(c.nom_prenom.clone())];
                    if c.nom_usage.is_some() {
                        name.push(
                            Paragraph::text(format!("{} {}", l.get("naissance")?, c.nom_naissance))
                                .size(8.0),
                        );
                    }
                    let amenagement = match &c.amenagement {
                        Some(a) => Cell::text(a.clone()),
                        None => Cell::text(l.get("aucun")?),
                    };
                    rows.push(Row::new(vec![
                        Cell::new(name),
                        Cell::text(c.identifiant.clone()),
                        Cell::text(c.voie_libelle),
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
                blocks.extend(bullets(
                    candidates
                        .iter()
                        .map(|c| {
                            format!("{} ({}, {})", c.nom_prenom, c.identifiant, c.voie_libelle)
                        })
                        .collect(),
                ));
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
            Ok(Pages {
                title,
                footer,
                blocks,
            })
        },
    )
}

/// The opening of a pack, juror's or surveillant's: title, welcome, the
/// session facts and the person's own slots.
pub(super) fn opening(
    ctx: &Ctx,
    t: &mut Texts,
    l: &Labels,
    slots: &[&SlotView],
    corrected: bool,
) -> Result<Vec<Block>, Error> {
    let mut blocks = title_blocks(t)?;
    if corrected {
        blocks.push(Block::Paragraph(
            Paragraph::bold(t.text("rectificatif")?)
                .align(Align::Center)
                .space_after(4.0),
        ));
    }
    blocks.extend(
        t.paragraphs("accueil")?
            .into_iter()
            .map(|p| Block::Paragraph(Paragraph::text(p).align(Align::Justify))),
    );
    blocks.push(heading(l.get("infos")?));
    blocks.push(facts_table(ctx, t, l)?);
    blocks.push(heading(l.get("planning")?));
    if slots.is_empty() {
        blocks.push(Block::Paragraph(Paragraph::text(t.text("planning_vide")?)));
    } else {
        blocks.push(Block::Paragraph(Paragraph::text(t.text("planning_intro")?)));
        blocks.push(slots_table(l, slots)?);
    }
    Ok(blocks)
}

fn title_blocks(t: &mut Texts) -> Result<Vec<Block>, Error> {
    let mut blocks = parts::title(t, Some(11.5))?;
    blocks.push(Block::Space { mm: 2.0 });
    Ok(blocks)
}

/// A section heading.
pub(super) fn heading(text: String) -> Block {
    Block::Heading {
        level: 2,
        text,
        align: Align::Left,
    }
}

/// Items in a bulleted list, one paragraph each.
pub(super) fn bullets(items: Vec<String>) -> Vec<Block> {
    marked(items.into_iter().map(|i| ("•".to_owned(), i)).collect())
}

/// Items in a numbered list, one paragraph each.
pub(super) fn numbered(items: Vec<String>) -> Vec<Block> {
    marked(
        items
            .into_iter()
            .enumerate()
            .map(|(n, i)| (format!("{}.", n + 1), i))
            .collect(),
    )
}

/// Paragraphs starting with a mark (not a two-column table: both renderers
/// centre table cells vertically, which would float the mark beside a long
/// item).
fn marked(items: Vec<(String, String)>) -> Vec<Block> {
    let last = items.len().saturating_sub(1);
    items
        .into_iter()
        .enumerate()
        .map(|(i, (mark, text))| {
            let p = Paragraph::new(vec![Run::plain(format!("{mark}\u{a0}\u{a0}{text}"))]);
            Block::Paragraph(if i == last { p } else { p.space_after(1.6) })
        })
        .collect()
}

/// The session facts: certification, number, dates, place, whom to call.
/// Reads the labels `certification`, `certification_ccp`, `session`,
/// `dates`, `lieu`, `responsable`, `suppleant`, `accueil`, `tel` and the
/// block `dates`.
pub(super) fn facts_table(ctx: &Ctx, t: &mut Texts, l: &Labels) -> Result<Block, Error> {
    let f = &ctx.plan.facts;
    let tel = l.get("tel")?;
    let contact = |p: &PersonView| -> Cell {
        let mut lines = vec![Paragraph::bold(p.appel.clone())];
        if let Some(phone) = &p.telephone {
            lines.push(Paragraph::text(format!("{tel} {phone}")));
        }
        if let Some(email) = &p.email {
            lines.push(Paragraph::text(email.clone()));
        }
        Cell::new(lines)
    };
    let label = |s: String| Cell::text(s).shaded();
    let mut titre = format!("{} – {}", f.titre_code, f.titre_intitule);
    if let Some(sigle) = &f.titre_sigle {
        titre.push_str(&format!(" ({sigle})"));
    }
    let mut rows = vec![Row::new(vec![
        label(l.get("certification")?),
        Cell::text(titre),
    ])];
    if !f.est_titre {
        rows.push(Row::new(vec![
            label(l.get("certification_ccp")?),
            Cell::new(
                f.ccp
                    .iter()
                    .map(|c| Paragraph::text(format!("{} – {}", c.code, c.intitule)))
                    .collect(),
            ),
        ]));
    }
    rows.push(Row::new(vec![
        label(l.get("session")?),
        Cell::text(f.numero.clone()),
    ]));
    rows.push(Row::new(vec![
        label(l.get("dates")?),
        Cell::text(t.text("dates")?),
    ]));
    let mut place = vec![f.centre_nom.clone(), f.centre_site.clone()];
    place.extend(f.centre_adresse.iter().cloned());
    rows.push(Row::new(vec![
        label(l.get("lieu")?),
        Cell::text(place.join("\n")),
    ]));
    rows.push(Row::new(vec![
        label(l.get("responsable")?),
        contact(&f.responsable),
    ]));
    if let Some(s) = &f.suppleant {
        rows.push(Row::new(vec![label(l.get("suppleant")?), contact(s)]));
    }
    if let Some(phone) = &f.centre_telephone {
        rows.push(Row::new(vec![
            label(l.get("accueil")?),
            Cell::text(format!("{tel} {phone}")),
        ]));
    }
    Ok(Block::Table(Table {
        widths: vec![2.6, 7.4],
        header_rows: 0,
        rows,
        size: Some(9.5),
        ruled: true,
    }))
}

/// A timetable: one shaded row per day, then its slots (start, end,
/// duration, what, room, candidates). Reads the labels `debut`, `fin`,
/// `duree`, `epreuve`, `salle`, `candidat`.
pub(super) fn slots_table(l: &Labels, slots: &[&SlotView]) -> Result<Block, Error> {
    let mut rows = vec![Row::new(vec![
        Cell::head(l.get("debut")?),
        Cell::head(l.get("fin")?),
        Cell::head(l.get("duree")?),
        Cell::head(l.get("epreuve")?),
        Cell::head(l.get("salle")?),
        Cell::head(l.get("candidat")?),
    ])];
    let mut day = None;
    for v in slots {
        if day != Some(v.date) {
            day = Some(v.date);
            let mut jour = v.jour.clone();
            if let Some(first) = jour.get(..1) {
                jour = first.to_uppercase() + &jour[1..];
            }
            rows.push(Row::new(vec![
                Cell::new(vec![Paragraph::bold(jour)]).span(6).shaded(),
            ]));
        }
        rows.push(Row::new(vec![
            Cell::text(v.debut.clone()),
            Cell::text(v.fin.clone()),
            Cell::text(v.duree.clone()),
            Cell::text(v.intitule.clone()),
            Cell::text(v.salle.clone().unwrap_or_default()),
            Cell::text(v.candidats.join("\n")),
        ]));
    }
    Ok(Block::Table(Table {
        widths: vec![1.25, 1.25, 1.15, 4.0, 2.3, 2.5],
        header_rows: 1,
        rows,
        size: Some(8.5),
        ruled: true,
    }))
}
