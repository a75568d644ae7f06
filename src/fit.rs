//! Column widths from what the cells say, for both formats.
//!
//! A composer gives each table relative column widths (its design); this
//! step, run on every composed document, widens any column that is
//! narrower than its longest word (measured in the fonts of [`crate::fonts`])
//! and takes the room from the others, in proportion. Word, LibreOffice and
//! Typst then never have to cut a word inside a cell, and nothing runs over
//! its neighbour. Where even the longest words cannot all fit, the table's
//! type is made smaller, down to `fit-least-size` of the page program.

use std::sync::OnceLock;

use ttf_parser::Face;

use crate::doc::{Block, Cell, Section, Table};
use crate::page::{PAGE, SIZES};

const MM_PER_PT: f32 = 25.4 / 72.0;

/// Fits every table of the sections to the width of its page.
pub fn fit_tables(sections: &mut [Section]) {
    for section in sections {
        let width = PAGE.content_width_mm(section.landscape);
        for block in &mut section.blocks {
            if let Block::Table(table) = block {
                fit(table, width);
            }
        }
    }
}

/// Sets the table's widths, in millimetres, summing to `width`.
fn fit(table: &mut Table, width: f32) {
    let n = table.widths.len();
    if n == 0 {
        return;
    }
    let mut scale = 1.0;
    loop {
        let mins = min_widths(table, scale);
        if mins.iter().sum::<f32>() <= width
            || table.size.unwrap_or(PAGE.body_pt) * scale <= SIZES.pt("fit-least-size")
        {
            table.widths = distribute(&table.widths, &mins, width);
            if scale < 1.0 {
                shrink(table, scale);
            }
            return;
        }
        scale -= 0.05;
    }
}

/// The narrowest each column may be: its longest word, padded.
fn min_widths(table: &Table, scale: f32) -> Vec<f32> {
    let mut mins = vec![0.0f32; table.widths.len()];
    let slack = SIZES.pt("fit-slack");
    for row in &table.rows {
        let mut column = 0;
        for cell in &row.cells {
            let span = usize::from(cell.colspan.max(1));
            if span == 1 && column < mins.len() {
                let word = longest_word_pt(cell, table.size.unwrap_or(PAGE.body_pt)) * scale;
                mins[column] =
                    mins[column].max((word + 2.0 * PAGE.cell_inset_x_pt + slack) * MM_PER_PT);
            }
            column += span;
        }
    }
    mins
}

/// The table's design widths, scaled to `width`, with every column at least
/// its minimum; the others share what is left in their design proportions.
fn distribute(design: &[f32], mins: &[f32], width: f32) -> Vec<f32> {
    let n = design.len();
    let mut pinned = vec![false; n];
    loop {
        let pinned_total: f32 = (0..n).filter(|&j| pinned[j]).map(|j| mins[j]).sum();
        let free_design: f32 = (0..n).filter(|&j| !pinned[j]).map(|j| design[j]).sum();
        let free = (width - pinned_total).max(0.0);
        let mut changed = false;
        let widths: Vec<f32> = (0..n)
            .map(|j| {
                if pinned[j] {
                    mins[j]
                } else {
                    design[j] / free_design.max(f32::EPSILON) * free
                }
            })
            .collect();
        for j in 0..n {
            if !pinned[j] && widths[j] < mins[j] {
                pinned[j] = true;
                changed = true;
            }
        }
        if !changed || pinned.iter().all(|p| *p) {
            if pinned.iter().all(|p| *p) {
                // Not even the words fit: share the width by minimum.
                let total: f32 = mins.iter().sum();
                return mins.iter().map(|m| m / total * width).collect();
            }
            return widths;
        }
    }
}

/// Sets the table, and every paragraph of it with a size of its own, in
/// smaller type.
fn shrink(table: &mut Table, scale: f32) {
    let round = |pt: f32| (pt * scale * 2.0).floor() / 2.0;
    table.size = Some(round(table.size.unwrap_or(PAGE.body_pt)));
    for row in &mut table.rows {
        for cell in &mut row.cells {
            for p in &mut cell.paragraphs {
                if let Some(size) = p.size {
                    p.size = Some(round(size));
                }
            }
        }
    }
}

/// The widest word of a cell, in points.
fn longest_word_pt(cell: &Cell, table_pt: f32) -> f32 {
    let mut widest = 0.0f32;
    for p in &cell.paragraphs {
        let size = p.size.unwrap_or(table_pt);
        for run in &p.runs {
            // Words break at spaces and line breaks, never at a no-break space.
            for word in run.text.split([' ', '\n', '\t']) {
                widest = widest.max(text_width_pt(word, run.bold, size));
            }
        }
    }
    widest
}

/// The width of a text set in Liberation Sans, in points.
pub fn text_width_pt(text: &str, bold: bool, size: f32) -> f32 {
    let face = faces()[usize::from(bold)].as_ref();
    let Some(face) = face else {
        return text.chars().count() as f32 * size * 0.6;
    };
    let units = f32::from(face.units_per_em());
    text.chars()
        .map(|c| {
            face.glyph_index(c)
                .and_then(|g| face.glyph_hor_advance(g))
                .map_or(0.8 * units, f32::from)
        })
        .sum::<f32>()
        / units
        * size
}

/// The regular and bold faces, parsed once.
fn faces() -> &'static [Option<Face<'static>>; 2] {
    static FACES: OnceLock<[Option<Face<'static>>; 2]> = OnceLock::new();
    FACES.get_or_init(|| {
        [
            Face::parse(crate::fonts::REGULAR, 0).ok(),
            Face::parse(crate::fonts::BOLD, 0).ok(),
        ]
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::Row;

    fn table(widths: Vec<f32>, cells: Vec<&str>) -> Table {
        Table {
            widths,
            header_rows: 0,
            rows: vec![Row::new(cells.into_iter().map(Cell::head).collect())],
            size: Some(9.0),
            ruled: true,
            keep_with_next: false,
        }
    }

    #[test]
    fn a_narrow_column_is_widened_to_its_longest_word() {
        let mut t = table(vec![10.0, 1.0], vec!["Nom", "correspondance"]);
        fit(&mut t, 174.0);
        let word_mm = text_width_pt("correspondance", true, 9.0) * MM_PER_PT;
        assert!(t.widths[1] > word_mm, "{:?}", t.widths);
        assert!((t.widths.iter().sum::<f32>() - 174.0).abs() < 0.01);
    }

    #[test]
    fn columns_wide_enough_keep_their_design() {
        let mut t = table(vec![1.0, 1.0], vec!["a", "b"]);
        fit(&mut t, 100.0);
        assert_eq!(t.widths, vec![50.0, 50.0]);
    }

    #[test]
    fn words_that_cannot_fit_make_the_type_smaller() {
        let words = vec!["Anticonstitutionnellement"; 12];
        let mut t = table(vec![1.0; 12], words);
        fit(&mut t, 174.0);
        assert!(t.size.unwrap() < 9.0);
    }
}
