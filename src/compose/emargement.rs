//! The sign-in sheets (feuilles d'émargement): for each half-day of the
//! session (morning: slots starting before 13:00), one sheet for the
//! candidates expected and one for the jurors and surveillants present,
//! each starting on a new page.

use minijinja::{Value, context};

use super::{Composed, Composer};
use crate::doc::{Align, Block, Cell, Paragraph, Row, Section, Table};
use crate::error::Error;
use crate::fr;
use crate::model::Civilite;
use crate::page::SIZES;
use crate::plan::{HalfDay, SlotView};
use crate::wording::{LabelBlock, Texts};

/// The labels of `emargement.j2` this composer reads.
pub const LABELS: &[LabelBlock] = &[LabelBlock::of::<Labels>("emargement", "libelles")];

/// The block `libelles` of `emargement.j2`.
#[derive(serde::Deserialize)]
struct Labels {
    creneaux: String,
    nom: String,
    convocation: String,
    arrivee: String,
    signature: String,
    qualite: String,
    jure_m: String,
    jure_f: String,
    surveillant_m: String,
    surveillant_f: String,
    visa: String,
    vide: String,
}

/// Whose sheet it is: the candidates' or the jury's and surveillants'.
#[derive(Clone, Copy)]
enum Sheet {
    Candidates,
    Staff,
}

impl Sheet {
    /// The template blocks of its title and of its instruction.
    fn blocks(self) -> (&'static str, &'static str) {
        match self {
            Sheet::Candidates => ("titre_candidats", "consigne_candidats"),
            Sheet::Staff => ("titre_jury", "consigne_jury"),
        }
    }

    /// The header of its table's second column: the convocation's time,
    /// or the person's role.
    fn second_column(self, l: &Labels) -> &str {
        match self {
            Sheet::Candidates => &l.convocation,
            Sheet::Staff => &l.qualite,
        }
    }
}

/// The sheets of every half-day, in one document.
pub fn compose(ctx: &Composer) -> Result<Composed, Error> {
    let plan = ctx.plan;
    let (title, footer) = ctx.wording.with(
        ctx.template(),
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
            ctx.template(),
            ctx.context(context! { jour => "", matin => true }),
            |t| Ok(t.labels_as::<Labels>("libelles")?.vide),
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
    ctx.for_session(title, footer, sections)
}

/// The opening of a sheet: its title, the half-day, its slots and the
/// instruction.
fn sheet_opening(
    t: &mut Texts,
    l: &Labels,
    which: Sheet,
    slots: &[&SlotView],
) -> Result<Vec<Block>, Error> {
    let (title, instruction) = which.blocks();
    Ok(vec![
        Block::centred_heading(1, t.text(title)?),
        Block::centred_heading(2, t.text("demi_journee")?),
        slot_list(l.creneaux.clone(), slots),
        Block::Paragraph(
            Paragraph::text(t.text(instruction)?)
                .size(SIZES.pt("emargement-instruction-size"))
                .align(Align::Justify),
        ),
    ])
}

/// The header row of a sheet's signing table: name, the sheet's second
/// column, arrival, signature.
fn head_row(l: &Labels, which: Sheet) -> Row {
    let second = which.second_column(l);
    Row::head([l.nom.as_str(), second, &l.arrivee, &l.signature])
}

/// The sheet of the candidates expected in one half-day.
fn candidates_sheet(ctx: &Composer, h: &HalfDay) -> Result<Vec<Block>, Error> {
    sheet(ctx, h, Sheet::Candidates, |t, _, rows| {
        for (c, first) in &h.expected {
            let mut name = vec![Paragraph::bold(c.nom_prenom.clone())];
            if c.nom_usage.is_some() {
                let birth_name = t.call("naissance", &[Value::from(c.nom_naissance.clone())])?;
                name.push(Paragraph::text(birth_name).size(SIZES.pt("birth-name-size")));
            }
            rows.push(
                Row::new(vec![
                    Cell::new(name),
                    Cell::text(first.debut.clone()).align(Align::Center),
                    Cell::text(""),
                    Cell::text(""),
                ])
                .min_height(SIZES.mm("emargement-row-height")),
            );
        }
        Ok(())
    })
}

/// The sheet of the jurors and surveillants present in one half-day.
fn staff_sheet(ctx: &Composer, h: &HalfDay) -> Result<Vec<Block>, Error> {
    sheet(ctx, h, Sheet::Staff, |_, l, rows| {
        for (p, juror) in &h.staff {
            let woman = p.civilite == Civilite::Mme;
            let qualite = match (juror, woman) {
                (true, false) => &l.jure_m,
                (true, true) => &l.jure_f,
                (false, false) => &l.surveillant_m,
                (false, true) => &l.surveillant_f,
            };
            rows.push(
                Row::new(vec![
                    Cell::new(vec![Paragraph::bold(p.nom_prenom.clone())]),
                    Cell::text(qualite.clone()),
                    Cell::text(""),
                    Cell::text(""),
                ])
                .min_height(SIZES.mm("emargement-row-height")),
            );
        }
        Ok(())
    })
}

/// A sign-in sheet of a half-day: its title, instruction and slots, and a
/// signing table whose rows are added by `fill` (given the template and
/// its labels).
fn sheet(
    ctx: &Composer,
    h: &HalfDay,
    which: Sheet,
    fill: impl FnOnce(&Texts, &Labels, &mut Vec<Row>) -> Result<(), Error>,
) -> Result<Vec<Block>, Error> {
    let slots = match which {
        Sheet::Candidates => &h.candidate_slots,
        Sheet::Staff => &h.staff_slots,
    };
    ctx.wording.with(
        ctx.template(),
        ctx.context(context! { jour => fr::long_date(h.date), matin => h.matin }),
        |t| {
            let l: Labels = t.labels_as("libelles")?;
            let mut blocks = sheet_opening(t, &l, which, slots)?;
            let mut rows = vec![head_row(&l, which)];
            fill(t, &l, &mut rows)?;
            blocks.extend(signing_table(rows, l.visa.clone()));
            Ok(blocks)
        },
    )
}

/// The sheet's table of people to sign, and the responsable's visa.
fn signing_table(rows: Vec<Row>, visa: String) -> [Block; 2] {
    [
        Block::Table(
            Table::new(SIZES.shares("emargement-columns"), rows)
                .header_rows(1)
                .size(SIZES.pt("emargement-table-size"))
                .ruled(),
        ),
        Block::signatures(vec![visa], SIZES.mm("emargement-visa-height")),
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
    Block::Table(
        Table::new(SIZES.shares("emargement-slots-columns"), rows)
            .size(SIZES.pt("emargement-slots-size")),
    )
}
