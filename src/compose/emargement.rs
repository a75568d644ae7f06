//! The sign-in sheets (feuilles d'émargement): for each half-day of the
//! session (morning: slots starting before 13:00), one sheet for the
//! candidates expected and one for the jurors and surveillants present,
//! each starting on a new page.

use minijinja::{Value, context};

use super::{Composed, Ctx, Kind};
use crate::doc::{Align, Block, Cell, Paragraph, Row, Section, Table};
use crate::error::Error;
use crate::fr;
use crate::model::Civilite;
use crate::plan::{HalfDay, SlotView};
use crate::wording::{Labels, Texts};

/// The sheets of every half-day, in one document.
pub fn compose(ctx: &Ctx) -> Result<Composed, Error> {
    let plan = ctx.plan;
    let (title, footer) = ctx.wording.with(
        "emargement",
        ctx.context(context! { jour => "", matin => true }),
        |t| {
            let title = t.text("fichier")?;
            Ok((title.clone(), ctx.footer(&title)?))
        },
    )?;

    let mut sheets: Vec<Vec<Block>> = Vec::new();
    for h in plan.half_days() {
        if !h.expected.is_empty() {
            sheets.push(candidates_sheet(ctx, &h)?);
        }
        if !h.staff.is_empty() {
            sheets.push(staff_sheet(ctx, &h)?);
        }
    }
    if sheets.is_empty() {
        let text = ctx.wording.with(
            "emargement",
            ctx.context(context! { jour => "", matin => true }),
            |t| t.labels("libelles")?.get("vide"),
        )?;
        sheets.push(vec![Block::Paragraph(Paragraph::text(text))]);
    }
    // One section, a page break between sheets: the pages are numbered
    // through the document, the same way in the PDF and in the DOCX.
    let mut blocks = Vec::new();
    for (i, sheet) in sheets.into_iter().enumerate() {
        if i > 0 {
            blocks.push(Block::PageBreak);
        }
        blocks.extend(sheet);
    }
    let sections = vec![Section::portrait(blocks)];
    ctx.for_session(Kind::Emargement, "emargement", title, footer, sections)
}

/// The opening of a sheet: its title (template block `title`), the
/// half-day, its slots and the instruction (block `instruction`).
fn sheet_opening(
    t: &mut Texts,
    title: &str,
    instruction: &str,
    slots: &[&SlotView],
) -> Result<Vec<Block>, Error> {
    let mut blocks = sheet_head(t.text(title)?, t.text("demi_journee")?);
    blocks.push(slot_list(t.labels("libelles")?.get("creneaux")?, slots));
    blocks.push(Block::Paragraph(
        Paragraph::text(t.text(instruction)?)
            .size(9.0)
            .align(Align::Justify),
    ));
    Ok(blocks)
}

/// The header row of a signing table: name, `second`, arrival, signature.
fn head_row(l: &Labels, second: &str) -> Result<Row, Error> {
    Ok(Row::new(vec![
        Cell::head(l.get("nom")?),
        Cell::head(l.get(second)?),
        Cell::head(l.get("arrivee")?),
        Cell::head(l.get("signature")?),
    ]))
}

/// The sheet of the candidates expected in one half-day.
fn candidates_sheet(ctx: &Ctx, h: &HalfDay) -> Result<Vec<Block>, Error> {
    let keys = ["titre_candidats", "consigne_candidats", "convocation"];
    sheet(ctx, h, &h.candidate_slots, keys, |t, _, rows| {
        for (c, first) in &h.expected {
            let mut name = vec![Paragraph::bold(c.nom_prenom.clone())];
            if c.nom_usage.is_some() {
                let birth_name = t.call("naissance", &[Value::from(c.nom_naissance.clone())])?;
                name.push(Paragraph::text(birth_name).size(8.0));
            }
            rows.push(
                Row::new(vec![
                    Cell::new(name),
                    Cell::text(first.debut.clone()).align(Align::Center),
                    Cell::text(""),
                    Cell::text(""),
                ])
                .min_height(10.0),
            );
        }
        Ok(())
    })
}

/// The sheet of the jurors and surveillants present in one half-day.
fn staff_sheet(ctx: &Ctx, h: &HalfDay) -> Result<Vec<Block>, Error> {
    let keys = ["titre_jury", "consigne_jury", "qualite"];
    sheet(ctx, h, &h.staff_slots, keys, |_, l, rows| {
        for (p, juror) in &h.staff {
            let woman = p.civilite == Civilite::Mme;
            let qualite = match (juror, woman) {
                (true, false) => l.get("jure_m")?,
                (true, true) => l.get("jure_f")?,
                (false, false) => l.get("surveillant_m")?,
                (false, true) => l.get("surveillant_f")?,
            };
            rows.push(
                Row::new(vec![
                    Cell::new(vec![Paragraph::bold(p.nom_prenom.clone())]),
                    Cell::text(qualite),
                    Cell::text(""),
                    Cell::text(""),
                ])
                .min_height(10.0),
            );
        }
        Ok(())
    })
}

/// A sign-in sheet of a half-day: its title and instruction (template
/// blocks `keys[0]`, `keys[1]`), its slots, and a signing table whose
/// second column is `keys[2]`, its rows added by `fill` (given the
/// template and its labels).
fn sheet(
    ctx: &Ctx,
    h: &HalfDay,
    slots: &[&SlotView],
    keys: [&str; 3],
    fill: impl FnOnce(&Texts, &Labels, &mut Vec<Row>) -> Result<(), Error>,
) -> Result<Vec<Block>, Error> {
    ctx.wording.with(
        "emargement",
        ctx.context(context! { jour => fr::long_date(h.date), matin => h.matin }),
        |t| {
            let l = t.labels("libelles")?;
            let mut blocks = sheet_opening(t, keys[0], keys[1], slots)?;
            let mut rows = vec![head_row(&l, keys[2])?];
            fill(t, &l, &mut rows)?;
            blocks.extend(signing_table(rows, l.get("visa")?));
            Ok(blocks)
        },
    )
}

/// The sheet's table of people to sign, and the responsable's visa.
fn signing_table(rows: Vec<Row>, visa: String) -> [Block; 2] {
    [
        Block::Table(Table {
            widths: vec![4.6, 1.8, 1.8, 4.2],
            header_rows: 1,
            rows,
            size: Some(10.0),
            ruled: true,
        }),
        Block::Signatures {
            captions: vec![visa],
            height_mm: 18.0,
        },
    ]
}

/// The title of a sheet and its half-day.
fn sheet_head(title: String, half_day: String) -> Vec<Block> {
    vec![
        Block::Heading {
            level: 1,
            text: title,
            align: Align::Center,
        },
        Block::Heading {
            level: 2,
            text: half_day,
            align: Align::Center,
        },
    ]
}

/// The slots of the half-day, small: times, what, rooms (parallel slots
/// of the same test on one line).
fn slot_list(caption: String, slots: &[&SlotView]) -> Block {
    let mut lines: Vec<(String, &str, Vec<&str>)> = Vec::new();
    for v in slots {
        let times = format!("{} – {}", v.debut, v.fin);
        let salle = v.salle.as_deref();
        match lines
            .iter_mut()
            .find(|(t, what, _)| *t == times && *what == v.intitule)
        {
            Some((_, _, rooms)) => {
                if let Some(r) = salle.filter(|r| !rooms.contains(r)) {
                    rooms.push(r);
                }
            }
            None => lines.push((times, &v.intitule, salle.into_iter().collect())),
        }
    }
    let mut rows = vec![Row::new(vec![
        Cell::new(vec![Paragraph::bold(caption)]).span(3),
    ])];
    for (times, what, rooms) in lines {
        rows.push(Row::new(vec![
            Cell::text(times),
            Cell::text(what),
            Cell::text(rooms.join(", ")),
        ]));
    }
    Block::Table(Table {
        widths: vec![2.0, 5.6, 4.8],
        header_rows: 0,
        rows,
        size: Some(8.5),
        ruled: false,
    })
}
