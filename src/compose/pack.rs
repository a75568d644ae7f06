//! What the juror's and the surveillant's packs share: their opening
//! (title, welcome, session facts, the person's own slots), headings and
//! lists.

use super::{Ctx, parts};
use crate::doc::{Align, Block, Cell, Paragraph, Row, Run, Table};
use crate::error::Error;
use crate::plan::{PersonView, SlotView};
use crate::wording::{Labels, Texts};

/// The opening of a pack, juror's or surveillant's: title, welcome, the
/// session facts and the person's own slots.
pub fn opening(
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
pub fn heading(text: String) -> Block {
    Block::Heading {
        level: 2,
        text,
        align: Align::Left,
    }
}

/// Items in a bulleted list, one paragraph each.
pub fn bullets(items: Vec<String>) -> Vec<Block> {
    marked(items.into_iter().map(|i| ("•".to_owned(), i)).collect())
}

/// Items in a numbered list, one paragraph each.
pub fn numbered(items: Vec<String>) -> Vec<Block> {
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
pub fn facts_table(ctx: &Ctx, t: &mut Texts, l: &Labels) -> Result<Block, Error> {
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
pub fn slots_table(l: &Labels, slots: &[&SlotView]) -> Result<Block, Error> {
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
            Cell::text(if v.tous_les_candidats {
                l.get("tous")?
            } else {
                v.candidats.join("\n")
            }),
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
