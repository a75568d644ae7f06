//! Pieces the responsable's own papers share: the head of a letter to the
//! DDETS, lists of boxes to tick, tables of label and value, paragraphs.

use super::Ctx;
use crate::doc::{Align, Block, Cell, EMPTY, Paragraph, Row, Table};
use crate::error::Error;
use crate::page::SIZES;
use crate::wording::Texts;

/// The head of a letter from the centre (its name, site, address and the
/// responsable) to `recipient`.
pub fn letter_head(ctx: &Ctx, recipient: Vec<String>) -> Block {
    let f = &ctx.plan.facts;
    let mut sender = vec![Paragraph::bold(f.centre_nom.clone())];
    sender.push(Paragraph::text(f.centre_site.clone()));
    sender.extend(f.centre_adresse.iter().cloned().map(Paragraph::text));
    Block::LetterHead { sender, recipient }
}

/// The head of a letter to the DDETS.
pub fn to_authority(ctx: &Ctx) -> Block {
    let f = &ctx.plan.facts;
    let mut recipient = vec![f.autorite_nom.clone()];
    recipient.extend(f.autorite_adresse.iter().cloned());
    letter_head(ctx, recipient)
}

/// The head of a letter to a person: their name, then their postal
/// address when the file gives one.
pub fn to_person(ctx: &Ctx, appel: &str, adresse: &[String]) -> Block {
    let mut recipient = vec![appel.to_owned()];
    recipient.extend(adresse.iter().cloned());
    letter_head(ctx, recipient)
}

/// The block's paragraphs, justified.
pub fn paragraphs(t: &mut Texts, block: &str) -> Result<Vec<Block>, Error> {
    Ok(t.paragraphs(block)?
        .into_iter()
        .map(|p| Block::Paragraph(Paragraph::text(p).align(Align::Justify)))
        .collect())
}

/// The block's text, right-aligned (place and date of a letter).
pub fn right(t: &mut Texts, block: &str) -> Result<Block, Error> {
    Ok(Block::Paragraph(
        Paragraph::text(t.text(block)?).align(Align::Right),
    ))
}

/// The block's text, justified.
pub fn justified(t: &mut Texts, block: &str) -> Result<Block, Error> {
    Ok(Block::Paragraph(
        Paragraph::text(t.text(block)?).align(Align::Justify),
    ))
}

/// The place and date (block `fait_a`), then a box `height_mm` high to
/// sign in per caption.
pub fn signed(t: &mut Texts, captions: Vec<String>, height_mm: f32) -> Result<[Block; 2], Error> {
    Ok([
        Block::Paragraph(Paragraph::text(t.text("fait_a")?)),
        Block::signatures(captions, height_mm),
    ])
}

/// A second-level heading with the block's text.
pub fn heading(t: &mut Texts, block: &str) -> Result<Block, Error> {
    Ok(Block::heading(2, t.text(block)?))
}

/// One box to tick per item.
pub fn checklist(items: Vec<String>) -> Block {
    let rows = items
        .into_iter()
        .map(|i| Row::new(vec![Cell::text(EMPTY), Cell::text(i)]))
        .collect();
    Block::Table(Table::new(SIZES.shares("checklist-columns"), rows))
}

/// A ruled table: a header row, then rows of plain text.
pub fn grid<S: Into<String>>(
    widths: Vec<f32>,
    head: impl IntoIterator<Item = S>,
    rows: Vec<Vec<String>>,
) -> Block {
    let rows = rows
        .into_iter()
        .map(|r| Row::new(r.into_iter().map(Cell::text).collect()))
        .collect();
    ruled_table(widths, head, rows, SIZES.pt("grid-size"))
}

/// A ruled table of `widths` in type of `size` points: a header row
/// (repeated on each page), then `rows`.
pub fn ruled_table<S: Into<String>>(
    widths: Vec<f32>,
    head: impl IntoIterator<Item = S>,
    rows: Vec<Row>,
    size: f32,
) -> Block {
    let mut all = vec![Row::head(head)];
    all.extend(rows);
    Block::Table(Table::new(widths, all).header_rows(1).size(size).ruled())
}

/// Lines of the form `label | value`, as pairs (the value may hold `|`).
pub fn pairs(lines: Vec<String>) -> Vec<(String, String)> {
    lines
        .into_iter()
        .map(|l| match l.split_once('|') {
            Some((k, v)) => (k.trim().to_owned(), v.trim().to_owned()),
            None => (l, String::new()),
        })
        .collect()
}

/// A ruled two-column table of `label | value` lines, labels in bold.
pub fn facts(lines: Vec<String>) -> Block {
    let rows = pairs(lines)
        .into_iter()
        .map(|(k, v)| {
            Row::new(vec![
                Cell::new(vec![Paragraph::bold(k)]).shaded(),
                Cell::text(v),
            ])
        })
        .collect();
    Block::Table(
        Table::new(SIZES.shares("facts-columns"), rows)
            .size(SIZES.pt("facts-size"))
            .ruled(),
    )
}

/// An attestation's page, from the blocks of its template: `titre`,
/// `sous_titre`, the paragraphs of `texte`, `fait_a`, and the boxes for
/// the `signature` and the `cachet`.
pub fn attestation(t: &mut Texts) -> Result<Vec<Block>, Error> {
    let mut blocks = vec![
        Block::Space {
            mm: SIZES.mm("attestation-before-title"),
        },
        Block::centred_heading(1, t.text("titre")?),
        Block::Paragraph(
            Paragraph::bold(t.text("sous_titre")?)
                .align(Align::Center)
                .space_after(SIZES.mm("attestation-subtitle-after")),
        ),
    ];
    for p in t.paragraphs("texte")? {
        blocks.push(Block::Paragraph(
            Paragraph::text(p)
                .size(SIZES.pt("attestation-text-size"))
                .align(Align::Justify)
                .space_after(SIZES.mm("attestation-paragraph-after")),
        ));
    }
    blocks.push(Block::Space {
        mm: SIZES.mm("attestation-before-place"),
    });
    blocks.push(Block::Paragraph(
        Paragraph::text(t.text("fait_a")?)
            .size(SIZES.pt("attestation-text-size"))
            .align(Align::Right),
    ));
    blocks.push(Block::Space {
        mm: SIZES.mm("attestation-before-signature"),
    });
    blocks.push(Block::signatures(
        vec![t.text("signature")?, t.text("cachet")?],
        SIZES.mm("attestation-signature-height"),
    ));
    Ok(blocks)
}
