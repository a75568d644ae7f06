//! What the juror's and the surveillant's packs share: their opening
//! (title, welcome, session facts, the person's own slots), headings and
//! lists.

use minijinja::context;

use super::{Ctx, shared};
use crate::doc::{Align, Block, Cell, Paragraph, Row, Table};
use crate::error::Error;
use crate::page::SIZES;
use crate::plan::{LateEnd, PersonView, SlotView};
use crate::wording::{LabelBlock, Texts};

/// The labels a pack's template gives in its block `libelles` for these
/// parts: the facts' and the timetable's.
pub const fn labels(template: &'static str) -> [LabelBlock; 2] {
    [
        LabelBlock::of::<FactLabels>(template, "libelles"),
        LabelBlock::of::<SlotLabels>(template, "libelles"),
    ]
}

/// What the juror's pack reads through these parts.
pub const LIVRET_JURE: &[LabelBlock] = &labels("livret-jure");
/// What the surveillant's pack reads through these parts.
pub const LIVRET_SURVEILLANT: &[LabelBlock] = &labels("livret-surveillant");

/// The labels of the opening's headings and of the session facts.
#[derive(serde::Deserialize)]
pub struct FactLabels {
    infos: String,
    planning: String,
    certification: String,
    certification_ccp: String,
    session: String,
    dates: String,
    lieu: String,
    responsable: String,
    suppleant: String,
    accueil: String,
    tel: String,
}

/// The labels of a person's timetable (`slots_table`), in the block
/// `libelles` of every template that prints one.
#[derive(serde::Deserialize)]
pub struct SlotLabels {
    debut: String,
    fin: String,
    duree: String,
    epreuve: String,
    salle: String,
    candidat: String,
    tous: String,
}

/// The opening of a pack, juror's or surveillant's: title, welcome, the
/// session facts and the person's own slots.
pub fn opening(
    ctx: &Ctx,
    t: &mut Texts,
    slots: &[&SlotView],
    corrected: bool,
) -> Result<Vec<Block>, Error> {
    let l: FactLabels = t.labels_as("libelles")?;
    let mut blocks = title_blocks(t)?;
    if corrected {
        blocks.push(Block::Paragraph(
            Paragraph::bold(t.text("rectificatif")?)
                .align(Align::Center)
                .space_after(SIZES.mm("pack-correction-after")),
        ));
    }
    blocks.extend(
        t.paragraphs("accueil")?
            .into_iter()
            .map(|p| Block::Paragraph(Paragraph::text(p).align(Align::Justify))),
    );
    blocks.push(Block::heading(2, l.infos.clone()));
    blocks.push(facts_table(ctx, t, &l)?);
    blocks.push(Block::heading(2, l.planning.clone()));
    if slots.is_empty() {
        blocks.push(Block::Paragraph(Paragraph::text(t.text("planning_vide")?)));
    } else {
        blocks.push(Block::Paragraph(Paragraph::text(t.text("planning_intro")?)));
        let columns: SlotLabels = t.labels_as("libelles")?;
        blocks.push(slots_table(ctx, &columns, slots)?);
    }
    Ok(blocks)
}

fn title_blocks(t: &mut Texts) -> Result<Vec<Block>, Error> {
    let mut blocks = shared::title(t, Some(SIZES.pt("pack-subtitle-size")))?;
    blocks.push(Block::Space {
        mm: SIZES.mm("pack-after-title"),
    });
    Ok(blocks)
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
            let p = Paragraph::text(format!("{mark}\u{a0}\u{a0}{text}"));
            Block::Paragraph(if i == last {
                p
            } else {
                p.space_after(SIZES.mm("pack-item-after"))
            })
        })
        .collect()
}

/// The session facts: certification, number, dates, place, whom to call;
/// the dates from the template's block `dates`, the certification from
/// `commun.j2`.
fn facts_table(ctx: &Ctx, t: &mut Texts, l: &FactLabels) -> Result<Block, Error> {
    let f = &ctx.plan.facts;
    let tel = &l.tel;
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
    let label = |s: &String| Cell::text(s.clone()).shaded();
    let (titre, ccps) =
        ctx.wording
            .with("commun", ctx.context(minijinja::Value::UNDEFINED), |t| {
                Ok((t.text("certification")?, t.lines("ccp")?))
            })?;
    let mut rows = vec![Row::new(vec![label(&l.certification), Cell::text(titre)])];
    if !f.est_titre {
        rows.push(Row::new(vec![
            label(&l.certification_ccp),
            Cell::new(ccps.into_iter().map(Paragraph::text).collect()),
        ]));
    }
    rows.push(Row::new(vec![
        label(&l.session),
        Cell::text(f.numero.clone()),
    ]));
    rows.push(Row::new(vec![
        label(&l.dates),
        Cell::text(t.text("dates")?),
    ]));
    let mut place = vec![f.centre_nom.clone(), f.centre_site.clone()];
    place.extend(f.centre_adresse.iter().cloned());
    rows.push(Row::new(vec![label(&l.lieu), Cell::text(place.join("\n"))]));
    rows.push(Row::new(vec![
        label(&l.responsable),
        contact(&f.responsable),
    ]));
    if let Some(s) = &f.suppleant {
        rows.push(Row::new(vec![label(&l.suppleant), contact(s)]));
    }
    if let Some(phone) = &f.centre_telephone {
        rows.push(Row::new(vec![
            label(&l.accueil),
            Cell::text(format!("{tel} {phone}")),
        ]));
    }
    Ok(Block::Table(
        Table::new(SIZES.shares("pack-facts-columns"), rows)
            .size(SIZES.pt("pack-facts-size"))
            .ruled(),
    ))
}

/// The candidates of a slot who finish it later than written.
fn late_ends(v: &SlotView) -> impl Iterator<Item = &LateEnd> {
    v.amenages.iter().filter(|l| l.minutes_fin > v.minutes_fin)
}

/// A timetable: one shaded row per day, then its slots (start, end,
/// duration, what, room, candidates, and the real end of a candidate with
/// extra time).
pub fn slots_table(ctx: &Ctx, l: &SlotLabels, slots: &[&SlotView]) -> Result<Block, Error> {
    let mut rows = vec![Row::head([
        &l.debut,
        &l.fin,
        &l.duree,
        &l.epreuve,
        &l.salle,
        &l.candidat,
    ])];
    let mut days: Vec<&str> = slots.iter().map(|v| v.jour.as_str()).collect();
    days.dedup();
    // Each day's title, and each real end of a candidate with extra time,
    // as `commun.j2` writes them.
    let fins: Vec<&LateEnd> = slots.iter().flat_map(|v| late_ends(v)).collect();
    let (titles, late) = ctx.wording.with(
        "commun",
        ctx.context(context! { jours => days, fins => fins }),
        |t| Ok((t.lines("jours")?, t.lines("fins_amenagees")?)),
    )?;
    let mut titles = titles.into_iter();
    let mut late = late.into_iter();
    let mut day = None;
    for v in slots {
        if day != Some(v.date) {
            day = Some(v.date);
            let title = titles.next().unwrap_or_default();
            rows.push(Row::new(vec![
                Cell::new(vec![Paragraph::bold(title)]).span(6).shaded(),
            ]));
        }
        let mut cells = shared::slot_cells(v);
        let mut who = if v.tous_les_candidats {
            vec![l.tous.clone()]
        } else {
            v.candidats.clone()
        };
        who.extend(late_ends(v).map(|_| late.next().unwrap_or_default()));
        cells.push(Cell::text(who.join("\n")));
        rows.push(Row::new(cells));
    }
    Ok(Block::Table(
        Table::new(SIZES.shares("pack-timetable-columns"), rows)
            .header_rows(1)
            .size(SIZES.pt("pack-timetable-size"))
            .ruled(),
    ))
}
