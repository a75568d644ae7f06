//! The posted timetable's sheet: how much of it the rows take, estimated
//! from the width of their words in the PDF's font, with room to spare for
//! Word's taller lines. Its sizes and spaces are the page program's
//! (`posted-…`, read into [`POSTED`]).

use crate::doc::Row;
use crate::fit::text_width_pt;
pub(super) use crate::page::POSTED;
use crate::page::{PAGE, WORD};

/// The width between the margins of a landscape sheet, in points (the
/// page program's margins).
pub(super) fn sheet_width_pt() -> f32 {
    PAGE.content_width_mm(true) * 72.0 / 25.4
}
/// The height between the margins of a landscape sheet, in points.
pub(super) fn sheet_height_pt() -> f32 {
    PAGE.content_height_mm(true) * 72.0 / 25.4
}
/// Points in a millimetre.
pub(super) const MM: f32 = 72.0 / 25.4;

/// The rows of one day, in sheets that each fit one landscape page.
pub(super) fn split_into_sheets(rows: Vec<Row>, budget: f32) -> Vec<Vec<Row>> {
    let mut sheets: Vec<Vec<Row>> = vec![Vec::new()];
    let mut used = 0.0;
    for row in rows {
        let height = row_height_pt(&row);
        let sheet_is_empty = sheets.last().is_none_or(Vec::is_empty);
        if used + height > budget && !sheet_is_empty {
            sheets.push(Vec::new());
            used = 0.0;
        }
        used += height;
        if let Some(sheet) = sheets.last_mut() {
            sheet.push(row);
        }
    }
    sheets
}

/// An estimate, on the safe side, of a row's height on the sheet.
fn row_height_pt(row: &Row) -> f32 {
    let widths = &POSTED.widths;
    let total: f32 = widths.iter().sum();
    let mut column = 0;
    let mut tallest = 0.0f32;
    for cell in &row.cells {
        let span = usize::from(cell.colspan.max(1));
        let width: f32 = widths[column..(column + span).min(widths.len())]
            .iter()
            .sum::<f32>()
            / total
            * sheet_width_pt()
            - 2.0 * PAGE.cell_inset_x_pt;
        column += span;
        let paragraphs: f32 = cell
            .paragraphs
            .iter()
            .map(|p| {
                let size = p.size.unwrap_or(POSTED.row_pt);
                let words: Vec<(&str, bool)> = p
                    .runs
                    .iter()
                    .flat_map(|r| {
                        // A line break is a word of its own: "\n".
                        r.text.split('\n').enumerate().flat_map(move |(i, line)| {
                            let brk = (i > 0).then_some(("\n", false));
                            brk.into_iter()
                                .chain(line.split(' ').map(move |w| (w, r.bold)))
                        })
                    })
                    .collect();
                lines_of(&words, size, width) * size * WORD.line_em
            })
            .sum();
        let between = cell.paragraphs.len().saturating_sub(1) as f32 * POSTED.between_mm * MM;
        tallest = tallest.max(paragraphs + between);
    }
    tallest + POSTED.row_padding_pt
}

/// The height of a paragraph of one style set in `width` points.
pub(super) fn text_height_pt(text: &str, bold: bool, size: f32, width: f32) -> f32 {
    let words: Vec<(&str, bool)> = text.split(' ').map(|w| (w, bold)).collect();
    lines_of(&words, size, width) * size * WORD.line_em
}

/// How many lines words take in `width` points, broken as a word processor
/// does: a word goes to the next line when it does not fit on this one.
fn lines_of(words: &[(&str, bool)], size: f32, width: f32) -> f32 {
    let space = text_width_pt(" ", false, size);
    let mut lines = 1.0;
    let mut used = 0.0;
    for (word, bold) in words {
        if *word == "\n" {
            lines += 1.0;
            used = 0.0;
            continue;
        }
        let w = text_width_pt(word, *bold, size);
        if used > 0.0 && used + space + w > width {
            lines += 1.0;
            used = w;
        } else {
            used += if used > 0.0 { space + w } else { w };
        }
    }
    lines
}
