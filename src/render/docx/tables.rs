//! Tables: the document model's tables, and the blocks drawn as tables in
//! Word (letter head, ruled lines, signature boxes).

use docx_rs::{
    BorderType, HeightRule, LineSpacing, Paragraph as WParagraph, Run as WRun, Shading, ShdType,
    Table as WTable, TableBorder, TableBorderPosition, TableBorders, TableCell, TableCellBorder,
    TableCellBorderPosition, TableCellBorders, TableCellMargins, TableLayoutType, TableRow,
    VAlignType, WidthType,
};

use super::geometry::{WORD, cell_inset_x_twips, cell_inset_y_twips, eighths, half_points, twips};
use super::text::{paragraph, text_run};
use crate::doc::{Cell, Paragraph, Row, Run, Table};
use crate::page::PAGE;

/// Marks the first paragraph of a header row, found again when the package
/// is written (docx-rs cannot say `w:tblHeader`).
pub const HEADER_ROW_MARK: &str = "7F";

/// Builds tables, counting the header rows it marks.
#[derive(Default)]
pub struct TableBuilder {
    header_rows: u32,
}

impl TableBuilder {
    /// A table of the document model, `width` twips wide.
    pub fn table(&mut self, t: &Table, width: u32) -> WTable {
        if t.keep_with_next {
            return self.table(&kept_with_next(t), width);
        }
        let total: f32 = t.widths.iter().sum::<f32>().max(f32::EPSILON);
        let grid: Vec<usize> = t
            .widths
            .iter()
            .map(|w| (w / total * width as f32).round() as usize)
            .collect();
        let rows: Vec<TableRow> = t
            .rows
            .iter()
            .enumerate()
            .map(|(i, row)| self.row(row, &grid, t, i < t.header_rows))
            .collect();
        fixed(rows, grid, width).set_borders(if t.ruled {
            borders(BorderType::Single)
        } else {
            borders(BorderType::Nil)
        })
    }

    fn row(&mut self, row: &Row, grid: &[usize], t: &Table, header: bool) -> TableRow {
        let mut column = 0;
        let mut cells = Vec::with_capacity(row.cells.len());
        for (k, cell) in row.cells.iter().enumerate() {
            let span = usize::from(cell.colspan.max(1));
            let w: usize = grid.iter().skip(column).take(span).sum();
            column += span;
            // The first paragraph of a header row carries the mark.
            let mark = (header && k == 0).then(|| {
                self.header_rows += 1;
                format!("{HEADER_ROW_MARK}{:06X}", self.header_rows)
            });
            cells.push(table_cell(cell, w, t.size, mark.as_deref()));
        }
        let mut r = TableRow::new(cells).cant_split();
        if let Some(mm) = row.min_height_mm {
            r = r
                .row_height(twips(mm) as f32)
                .height_rule(HeightRule::AtLeast);
        }
        r
    }
}

/// A fixed-layout table of the given column widths.
fn fixed(rows: Vec<TableRow>, grid: Vec<usize>, width: u32) -> WTable {
    let inset_x = cell_inset_x_twips();
    WTable::new(rows)
        .set_grid(grid)
        .width(width as usize, WidthType::Dxa)
        .layout(TableLayoutType::Fixed)
        .margins(
            TableCellMargins::new()
                .margin_left(inset_x, WidthType::Dxa)
                .margin_right(inset_x, WidthType::Dxa)
                .margin_top(cell_inset_y_twips(), WidthType::Dxa)
                .margin_bottom(cell_inset_y_twips(), WidthType::Dxa),
        )
}

/// Table borders all of one kind: `Nil` for none, `Single` for a ruled table.
fn borders(kind: BorderType) -> TableBorders {
    let mut borders = TableBorders::new();
    for pos in [
        TableBorderPosition::Top,
        TableBorderPosition::Bottom,
        TableBorderPosition::Left,
        TableBorderPosition::Right,
        TableBorderPosition::InsideH,
        TableBorderPosition::InsideV,
    ] {
        borders = borders.set(
            TableBorder::new(pos)
                .border_type(kind)
                .size(eighths(WORD.rule_stroke_pt))
                .color(WORD.rule_color.as_str()),
        );
    }
    borders
}

/// No table borders.
pub fn no_borders() -> TableBorders {
    borders(BorderType::Nil)
}

/// A cell border of the given colour.
pub fn cell_border(pos: TableCellBorderPosition, color: &str) -> TableCellBorder {
    TableCellBorder::new(pos)
        .border_type(BorderType::Single)
        .size(eighths(WORD.rule_stroke_pt))
        .color(color)
}

fn table_cell(cell: &Cell, width: usize, size: Option<f32>, mark: Option<&str>) -> TableCell {
    let mut c = TableCell::new()
        .width(width, WidthType::Dxa)
        .vertical_align(VAlignType::Center);
    let last = cell.paragraphs.len().saturating_sub(1);
    for (i, p) in cell.paragraphs.iter().enumerate() {
        // Space between the paragraphs of a cell, none after the last.
        let between = if i == last {
            0.0
        } else {
            WORD.cell_paragraph_after_mm
        };
        let p = Paragraph {
            size: p.size.or(size),
            space_after: p.space_after.or(Some(between)),
            ..p.clone()
        };
        let mut wp = paragraph(&p);
        if i == 0
            && let Some(id) = mark
        {
            wp = wp.id(id);
        }
        c = c.add_paragraph(wp);
    }
    if cell.paragraphs.is_empty() {
        // Word wants a paragraph in every cell: one line of the table's
        // type and no space after, no taller than the PDF's empty cell
        // beside the text of its row (a paragraph of the body's type with
        // its space after made a timetable's rows half as tall again).
        let empty = WParagraph::new()
            .size(half_points(size.unwrap_or(PAGE.body_pt)))
            .line_spacing(LineSpacing::new().after(0));
        c = c.add_paragraph(match mark {
            Some(id) => empty.id(id),
            None => empty,
        });
    }
    if cell.shaded {
        c = c.shading(
            Shading::new()
                .shd_type(ShdType::Clear)
                .color("auto")
                .fill(WORD.shade.as_str()),
        );
    }
    if cell.colspan > 1 {
        c = c.grid_span(usize::from(cell.colspan));
    }
    c
}

/// The sender on the left, the recipient in the envelope's window.
pub fn letter_head(sender: &[Paragraph], recipient: &[String], width: u32) -> WTable {
    let left = twips(PAGE.window_x_mm - PAGE.margin_x_mm);
    let mut sender_cell = TableCell::new()
        .width(left as usize, WidthType::Dxa)
        .vertical_align(VAlignType::Top);
    for p in sender {
        sender_cell = sender_cell.add_paragraph(paragraph(&Paragraph {
            space_after: Some(WORD.sender_after_mm),
            ..p.clone()
        }));
    }
    let mut recipient_cell = TableCell::new()
        .width((width - left) as usize, WidthType::Dxa)
        .vertical_align(VAlignType::Top);
    for (i, line) in recipient.iter().enumerate() {
        let before = if i == 0 {
            twips(PAGE.window_y_mm - PAGE.margin_top_mm)
        } else {
            0
        };
        recipient_cell = recipient_cell.add_paragraph(
            WParagraph::new()
                .line_spacing(LineSpacing::new().before(before).after(0))
                .add_run(text_run(
                    WRun::new().size(half_points(PAGE.recipient_pt)),
                    line,
                )),
        );
    }
    let row = TableRow::new(vec![sender_cell, recipient_cell])
        .row_height(twips(PAGE.letter_head_mm) as f32)
        .height_rule(HeightRule::Exact);
    fixed(
        vec![row],
        vec![left as usize, (width - left) as usize],
        width,
    )
    .set_borders(no_borders())
}

/// Lines to write on by hand.
pub fn ruled_lines(count: u16, width: u32) -> WTable {
    let rows = (0..count)
        .map(|_| {
            let cell = TableCell::new()
                .width(width as usize, WidthType::Dxa)
                .set_borders(TableCellBorders::with_empty().set(cell_border(
                    TableCellBorderPosition::Bottom,
                    &WORD.light_rule,
                )))
                .add_paragraph(WParagraph::new());
            TableRow::new(vec![cell])
                .row_height(twips(WORD.ruled_line_mm) as f32)
                .height_rule(HeightRule::Exact)
        })
        .collect();
    fixed(rows, vec![width as usize], width).set_borders(no_borders())
}

/// Boxes to sign in, each under its caption.
pub fn signatures(captions: &[String], height_mm: f32, width: u32) -> WTable {
    let n = captions.len().max(1);
    let w = width as usize / n;
    let caption_row = TableRow::new(
        captions
            .iter()
            .map(|c| {
                TableCell::new()
                    .width(w, WidthType::Dxa)
                    .add_paragraph(paragraph(
                        &Paragraph::new(vec![Run::bold(c.clone())])
                            .size(WORD.caption_pt)
                            .space_after(WORD.caption_after_mm)
                            .keep_with_next(),
                    ))
            })
            .collect(),
    )
    .cant_split();
    let boxed = || {
        let mut b = TableCellBorders::with_empty();
        for pos in [
            TableCellBorderPosition::Top,
            TableCellBorderPosition::Bottom,
            TableCellBorderPosition::Left,
            TableCellBorderPosition::Right,
        ] {
            b = b.set(cell_border(pos, &WORD.rule_color));
        }
        b
    };
    let box_row = TableRow::new(
        captions
            .iter()
            .map(|_| {
                TableCell::new()
                    .width(w, WidthType::Dxa)
                    .set_borders(boxed())
                    .add_paragraph(WParagraph::new())
            })
            .collect(),
    )
    .row_height(twips(height_mm) as f32)
    .height_rule(HeightRule::Exact)
    .cant_split();
    fixed(vec![caption_row, box_row], vec![w; n], width).set_borders(no_borders())
}

/// A table whose every paragraph is kept with the next: the table stays
/// on the page of the block after it.
fn kept_with_next(t: &Table) -> Table {
    let mut t = t.clone();
    t.keep_with_next = false;
    for cell in t.rows.iter_mut().flat_map(|r| r.cells.iter_mut()) {
        for p in &mut cell.paragraphs {
            p.keep_with_next = true;
        }
    }
    t
}
