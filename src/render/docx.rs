//! The DOCX renderer, on docx-rs: the same blocks as the PDF, as real
//! Word paragraphs and tables.
//!
//! docx-rs 0.4.22 lacks three things this renderer adds to the XML it
//! produces, in [`finish`]: the repeated table header row (`w:tblHeader`),
//! the document's language (`w:lang`) and its title (`dc:title`).

use std::io::Cursor;

use docx_rs::{
    AlignmentType, BorderType, BreakType, Docx, FieldCharType, Footer, FooterReference, Header,
    HeaderReference, HeightRule, InstrNUMPAGES, InstrPAGE, InstrText, LineSpacing, PageMargin,
    PageNumType, PageOrientationType, PageSize, Paragraph as WParagraph, ParagraphBorder,
    ParagraphBorderPosition, ParagraphBorders, Pic, Run as WRun, RunFonts, SectionProperty,
    SectionType, Shading, ShdType, Style, StyleType, Table as WTable, TableBorder,
    TableBorderPosition, TableBorders, TableCell, TableCellBorder, TableCellBorderPosition,
    TableCellBorders, TableLayoutType, TableRow, VAlignType, WidthType,
};

use super::{RenderError, Rendered};
use crate::doc::{Align, Block, Cell, Document, LogoFormat, Paragraph, Row, Run, Section, Table};

const A4_SHORT: u32 = 11906;
const A4_LONG: u32 = 16838;
const MARGIN_TOP_MM: f32 = 24.0;
const MARGIN_X_MM: f32 = 18.0;
const BODY_PT: f32 = 10.0;
/// The font the DOCX names (Liberation Sans in the PDF has its metrics).
const FONT: &str = "Arial";
/// A font with the box glyphs ☐ ☒ on most systems.
const SYMBOL_FONT: &str = "Segoe UI Symbol";
/// Marks the first paragraph of a header row, found again in [`finish`].
const HEADER_ROW_MARK: &str = "7F";

fn twips(mm: f32) -> u32 {
    (mm * 1440.0 / 25.4).round() as u32
}

fn half_points(pt: f32) -> usize {
    (pt * 2.0).round() as usize
}

/// Renders documents to DOCX.
pub struct DocxRenderer;

impl DocxRenderer {
    /// Renders one document; `pages` is left to the caller (Word lays out).
    pub fn render(&self, doc: &Document, pages: usize) -> Result<Rendered, RenderError> {
        let mut builder = Builder { header_rows: 0 };
        let margins = PageMargin::new()
            .top(twips(MARGIN_TOP_MM) as i32)
            .bottom(twips(20.0) as i32)
            .left(twips(MARGIN_X_MM) as i32)
            .right(twips(MARGIN_X_MM) as i32)
            .header(twips(9.0) as i32)
            .footer(twips(8.0) as i32)
            .gutter(0);
        let date = format!("{}T00:00:00Z", doc.date);
        let mut docx = Docx::new()
            .page_margin(margins.clone())
            .default_fonts(
                RunFonts::new()
                    .ascii(FONT)
                    .hi_ansi(FONT)
                    .east_asia(FONT)
                    .cs(FONT),
            )
            .default_size(half_points(BODY_PT))
            .default_line_spacing(LineSpacing::new().after(100))
            .created_at(&date)
            .updated_at(&date)
            .add_style(heading_style(1, 14.0))
            .add_style(heading_style(2, 11.5))
            .add_style(heading_style(3, 10.5))
            .header(page_header(doc))
            .footer(page_footer(doc));

        let last = doc.sections.len().saturating_sub(1);
        for (i, section) in doc.sections.iter().enumerate() {
            for block in &section.blocks {
                docx = builder.block(docx, block, section.landscape);
            }
            if i < last {
                // The section ends with a paragraph holding its properties.
                let mut props = SectionProperty::new()
                    .page_size(page_size(section.landscape))
                    .page_margin(margins.clone());
                props.header_reference = Some(HeaderReference::new("default", "rIdHeader1"));
                props.footer_reference = Some(FooterReference::new("default", "rIdFooter1"));
                docx = docx
                    .add_paragraph(WParagraph::new().section_property(numbered(props, section)));
            }
        }
        if let Some(last) = doc.sections.last() {
            docx = if last.landscape {
                docx.page_size(A4_LONG, A4_SHORT)
                    .page_orient(PageOrientationType::Landscape)
            } else {
                docx.page_size(A4_SHORT, A4_LONG)
            };
            let body = std::mem::take(&mut docx.document.section_property);
            docx.document.section_property = numbered(body, last);
        }
        let bytes = finish(docx, &doc.title)?;
        Ok(Rendered { bytes, pages })
    }
}

/// Each section numbers its own pages from 1, and a `recto` section starts
/// on an odd page, as in the PDF.
fn numbered(mut props: SectionProperty, section: &Section) -> SectionProperty {
    props.page_num_type = Some(PageNumType::new().start(1));
    if section.recto {
        props.section_type = Some(SectionType::OddPage);
    }
    props
}

fn page_size(landscape: bool) -> PageSize {
    if landscape {
        PageSize::new()
            .size(A4_LONG, A4_SHORT)
            .orient(PageOrientationType::Landscape)
    } else {
        PageSize::new().size(A4_SHORT, A4_LONG)
    }
}

fn content_width(landscape: bool) -> u32 {
    let page = if landscape { 297.0 } else { 210.0 };
    twips(page - 2.0 * MARGIN_X_MM)
}

fn heading_style(level: u8, size: f32) -> Style {
    Style::new(format!("Heading{level}"), StyleType::Paragraph)
        .name(format!("heading {level}"))
        .bold()
        .size(half_points(size))
}

/// A run of text: `\n` becomes a line break; characters XML forbids go.
fn text_run(mut run: WRun, text: &str) -> WRun {
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            run = run.add_break(BreakType::TextWrapping);
        }
        let clean: String = line
            .chars()
            .filter(|c| !c.is_control() || *c == '\t')
            .collect();
        if !clean.is_empty() {
            run = run.add_text(clean);
        }
    }
    run
}

/// Runs for a text; the box glyphs get a font that has them.
fn runs_of(run: &Run, size: Option<f32>) -> Vec<WRun> {
    let style = |mut r: WRun| {
        if run.bold {
            r = r.bold();
        }
        if run.italic {
            r = r.italic();
        }
        if let Some(pt) = size {
            r = r.size(half_points(pt));
        }
        r
    };
    let mut out = Vec::new();
    let mut current = String::new();
    for c in run.text.chars() {
        if matches!(c, '☐' | '☒' | '✂') {
            if !current.is_empty() {
                out.push(text_run(style(WRun::new()), &std::mem::take(&mut current)));
            }
            let symbol = RunFonts::new()
                .ascii(SYMBOL_FONT)
                .hi_ansi(SYMBOL_FONT)
                .cs(SYMBOL_FONT);
            out.push(style(WRun::new()).fonts(symbol).add_text(c.to_string()));
        } else {
            current.push(c);
        }
    }
    if !current.is_empty() || out.is_empty() {
        out.push(text_run(style(WRun::new()), &current));
    }
    out
}

fn alignment(align: Align) -> AlignmentType {
    match align {
        Align::Left => AlignmentType::Left,
        Align::Center => AlignmentType::Center,
        Align::Right => AlignmentType::Right,
        Align::Justify => AlignmentType::Both,
    }
}

fn paragraph(p: &Paragraph) -> WParagraph {
    let mut out = WParagraph::new().align(alignment(p.align));
    for run in &p.runs {
        for r in runs_of(run, p.size) {
            out = out.add_run(r);
        }
    }
    let after = p.space_after.map_or(100, twips);
    out = out.line_spacing(LineSpacing::new().after(after));
    if p.keep_with_next {
        out = out.keep_next(true);
    }
    out
}

/// Table borders all of one kind: `Nil` for none, `Single` for a ruled table.
fn table_borders(kind: BorderType) -> TableBorders {
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
                .size(4)
                .color("464646"),
        );
    }
    borders
}

fn no_borders() -> TableBorders {
    table_borders(BorderType::Nil)
}

fn ruled_borders() -> TableBorders {
    table_borders(BorderType::Single)
}

struct Builder {
    /// Header rows marked so far (each gets its own paragraph id).
    header_rows: u32,
}

impl Builder {
    fn block(&mut self, docx: Docx, block: &Block, landscape: bool) -> Docx {
        let width = content_width(landscape);
        match block {
            Block::Heading { level, text, align } => {
                let level = (*level).clamp(1, 3);
                let p = WParagraph::new()
                    .style(&format!("Heading{level}"))
                    .align(alignment(*align))
                    .keep_next(true)
                    .line_spacing(LineSpacing::new().before(200).after(140))
                    .add_run(text_run(WRun::new(), text));
                docx.add_paragraph(p)
            }
            Block::Paragraph(p) => docx.add_paragraph(paragraph(p)),
            // A paragraph after each table keeps Word from merging two tables.
            Block::Table(t) => docx.add_table(self.table(t, width)).add_paragraph(gap()),
            Block::LetterHead { sender, recipient } => {
                docx.add_table(letter_head(sender, recipient, width))
            }
            Block::Lines { count } => docx.add_table(ruled_lines(*count, width)),
            Block::Signatures {
                captions,
                height_mm,
            } => docx
                .add_table(signatures(captions, *height_mm, width))
                .add_paragraph(gap()),
            Block::CutLine { label } => {
                // The scissors above a dashed rule, as in the PDF.
                let mut cut = paragraph(&Paragraph::text("✂").size(11.0).space_after(1.0));
                let rule = ParagraphBorder::new(ParagraphBorderPosition::Bottom)
                    .val(BorderType::Dashed)
                    .size(6)
                    .color("5A5A5A");
                cut.property = cut
                    .property
                    .set_borders(ParagraphBorders::with_empty().set(rule));
                let caption = Paragraph::new(vec![Run::italic(label.clone())])
                    .align(Align::Center)
                    .size(7.5);
                docx.add_paragraph(cut).add_paragraph(paragraph(&caption))
            }
            Block::Space { mm } => docx.add_paragraph(
                WParagraph::new().line_spacing(
                    LineSpacing::new()
                        .after(twips(*mm))
                        .line(20)
                        .line_rule(docx_rs::LineSpacingType::Exact),
                ),
            ),
            Block::PageBreak => docx
                .add_paragraph(WParagraph::new().add_run(WRun::new().add_break(BreakType::Page))),
        }
    }

    fn table(&mut self, t: &Table, width: u32) -> WTable {
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
        WTable::new(rows)
            .set_grid(grid)
            .width(width as usize, WidthType::Dxa)
            .layout(TableLayoutType::Fixed)
            .set_borders(if t.ruled {
                ruled_borders()
            } else {
                no_borders()
            })
    }

    fn row(&mut self, row: &Row, grid: &[usize], t: &Table, header: bool) -> TableRow {
        let mut column = 0;
        let mut cells = Vec::with_capacity(row.cells.len());
        for (k, cell) in row.cells.iter().enumerate() {
            let span = usize::from(cell.colspan.max(1));
            let w: usize = grid.iter().skip(column).take(span).sum();
            column += span;
            let mut c = table_cell(cell, w, t.size);
            if header && k == 0 {
                // Mark the row so that `finish` can add <w:tblHeader/>.
                self.header_rows += 1;
                let id = format!("{HEADER_ROW_MARK}{:06X}", self.header_rows);
                let mut first = cell.paragraphs.first().map_or_else(WParagraph::new, |p| {
                    paragraph(&Paragraph {
                        size: p.size.or(t.size),
                        ..p.clone()
                    })
                });
                first = first.id(&id);
                c = TableCell::new()
                    .width(w, WidthType::Dxa)
                    .vertical_align(VAlignType::Center)
                    .add_paragraph(first);
                for p in cell.paragraphs.iter().skip(1) {
                    c = c.add_paragraph(paragraph(&Paragraph {
                        size: p.size.or(t.size),
                        ..p.clone()
                    }));
                }
                if cell.shaded {
                    c = c.shading(shade());
                }
                if cell.colspan > 1 {
                    c = c.grid_span(span);
                }
            }
            cells.push(c);
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

/// A small empty paragraph between two tables.
fn gap() -> WParagraph {
    WParagraph::new().line_spacing(
        LineSpacing::new()
            .after(80)
            .line(160)
            .line_rule(docx_rs::LineSpacingType::Exact),
    )
}

fn shade() -> Shading {
    Shading::new()
        .shd_type(ShdType::Clear)
        .color("auto")
        .fill("E1E1E1")
}

fn table_cell(cell: &Cell, width: usize, size: Option<f32>) -> TableCell {
    let mut c = TableCell::new()
        .width(width, WidthType::Dxa)
        .vertical_align(VAlignType::Center);
    for p in &cell.paragraphs {
        let p = Paragraph {
            size: p.size.or(size),
            space_after: p.space_after.or(Some(0.8)),
            ..p.clone()
        };
        c = c.add_paragraph(paragraph(&p));
    }
    if cell.shaded {
        c = c.shading(shade());
    }
    if cell.colspan > 1 {
        c = c.grid_span(usize::from(cell.colspan));
    }
    c
}

/// The sender on the left, the recipient in the envelope's window.
fn letter_head(sender: &[Paragraph], recipient: &[String], width: u32) -> WTable {
    let left = twips(96.0 - MARGIN_X_MM);
    let mut sender_cell = TableCell::new()
        .width(left as usize, WidthType::Dxa)
        .vertical_align(VAlignType::Top);
    for p in sender {
        sender_cell = sender_cell.add_paragraph(paragraph(&Paragraph {
            space_after: Some(0.5),
            ..p.clone()
        }));
    }
    let mut recipient_cell = TableCell::new()
        .width((width - left) as usize, WidthType::Dxa)
        .vertical_align(VAlignType::Top);
    for (i, line) in recipient.iter().enumerate() {
        let before = if i == 0 {
            twips(55.0 - MARGIN_TOP_MM)
        } else {
            0
        };
        recipient_cell = recipient_cell.add_paragraph(
            WParagraph::new()
                .line_spacing(LineSpacing::new().before(before).after(0))
                .add_run(text_run(WRun::new().size(21), line)),
        );
    }
    let row = TableRow::new(vec![sender_cell, recipient_cell])
        .row_height(twips(55.0 - MARGIN_TOP_MM + 42.0) as f32)
        .height_rule(HeightRule::Exact);
    WTable::new(vec![row])
        .set_grid(vec![left as usize, (width - left) as usize])
        .width(width as usize, WidthType::Dxa)
        .layout(TableLayoutType::Fixed)
        .set_borders(no_borders())
}

fn ruled_lines(count: u16, width: u32) -> WTable {
    let rows = (0..count)
        .map(|_| {
            let cell = TableCell::new()
                .width(width as usize, WidthType::Dxa)
                .set_borders(
                    TableCellBorders::with_empty().set(
                        TableCellBorder::new(TableCellBorderPosition::Bottom)
                            .border_type(BorderType::Single)
                            .size(4)
                            .color("787878"),
                    ),
                );
            TableRow::new(vec![cell])
                .row_height(twips(7.5) as f32)
                .height_rule(HeightRule::Exact)
        })
        .collect();
    WTable::new(rows)
        .set_grid(vec![width as usize])
        .width(width as usize, WidthType::Dxa)
        .layout(TableLayoutType::Fixed)
        .set_borders(no_borders())
}

fn signatures(captions: &[String], height_mm: f32, width: u32) -> WTable {
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
                            .size(9.0)
                            .space_after(1.0),
                    ))
            })
            .collect(),
    );
    let box_border = |pos| {
        TableCellBorder::new(pos)
            .border_type(BorderType::Single)
            .size(4)
            .color("464646")
    };
    let box_row = TableRow::new(
        captions
            .iter()
            .map(|_| {
                TableCell::new().width(w, WidthType::Dxa).set_borders(
                    TableCellBorders::with_empty()
                        .set(box_border(TableCellBorderPosition::Top))
                        .set(box_border(TableCellBorderPosition::Bottom))
                        .set(box_border(TableCellBorderPosition::Left))
                        .set(box_border(TableCellBorderPosition::Right)),
                )
            })
            .collect(),
    )
    .row_height(twips(height_mm) as f32)
    .height_rule(HeightRule::Exact)
    .cant_split();
    WTable::new(vec![caption_row.cant_split(), box_row])
        .set_grid(vec![w; n])
        .width(width as usize, WidthType::Dxa)
        .layout(TableLayoutType::Fixed)
        .set_borders(no_borders())
}

fn page_header(doc: &Document) -> Header {
    let mut header = Header::new();
    let small = 7.5;
    let mut first = true;
    for line in &doc.header {
        let run = if first {
            Run::bold(line.clone())
        } else {
            Run::plain(line.clone())
        };
        let mut p = paragraph(&Paragraph::new(vec![run]).size(small).space_after(0.0));
        if first
            && let Some(logo) = &doc.logo
            && logo.format == LogoFormat::Png
        {
            // 11 mm high, width from the image's own proportions.
            let (w, h) = png_size(&logo.bytes).unwrap_or((4, 1));
            let height_emu = 396_000u32;
            let width_emu = (u64::from(height_emu) * u64::from(w) / u64::from(h.max(1))) as u32;
            let pic = Pic::new(&logo.bytes).size(width_emu, height_emu).id("logo");
            p = WParagraph::new()
                .add_run(WRun::new().add_image(pic))
                .line_spacing(LineSpacing::new().after(40));
            header = header.add_paragraph(p);
            p = paragraph(
                &Paragraph::new(vec![Run::bold(line.clone())])
                    .size(small)
                    .space_after(0.0),
            );
        }
        first = false;
        header = header.add_paragraph(p);
    }
    header
}

/// Width and height of a PNG, from its header.
pub fn png_size(bytes: &[u8]) -> Option<(u32, u32)> {
    if bytes.len() < 24 || &bytes[..8] != b"\x89PNG\r\n\x1a\n" {
        return None;
    }
    let w = u32::from_be_bytes(bytes[16..20].try_into().ok()?);
    let h = u32::from_be_bytes(bytes[20..24].try_into().ok()?);
    (w > 0 && h > 0).then_some((w, h))
}

fn page_footer(doc: &Document) -> Footer {
    let style = |r: WRun| r.size(15).color("282828");
    let field = |p: WParagraph, instr: InstrText| {
        p.add_run(style(WRun::new()).add_field_char(FieldCharType::Begin, false))
            .add_run(style(WRun::new()).add_instr_text(instr))
            .add_run(style(WRun::new()).add_field_char(FieldCharType::Separate, false))
            .add_run(style(WRun::new()).add_text("1"))
            .add_run(style(WRun::new()).add_field_char(FieldCharType::End, false))
    };
    let mut numbers = WParagraph::new()
        .align(AlignmentType::Right)
        .add_run(style(WRun::new()).add_text(format!("{} ", doc.page_label)));
    numbers = field(numbers, InstrText::PAGE(InstrPAGE::new()));
    // NUMPAGES counts the whole file: a file of several sections (a print
    // batch) shows "page X" alone, X restarting at each section. (Word's
    // SECTIONPAGES would do, but LibreOffice shows it as 1.)
    if doc.sections.len() == 1 {
        numbers = numbers.add_run(style(WRun::new()).add_text(" / "));
        numbers = field(numbers, InstrText::NUMPAGES(InstrNUMPAGES::new()));
    }
    let left = WParagraph::new().add_run(text_run(style(WRun::new()), &doc.footer));
    let top_rule = TableCellBorder::new(TableCellBorderPosition::Top)
        .border_type(BorderType::Single)
        .size(4)
        .color("787878");
    let cell = |p: WParagraph, w: usize| {
        TableCell::new()
            .width(w, WidthType::Pct)
            .set_borders(TableCellBorders::with_empty().set(top_rule.clone()))
            .add_paragraph(p)
    };
    let table = WTable::new(vec![TableRow::new(vec![
        cell(left, 3750),
        cell(numbers, 1250),
    ])])
    .width(5000, WidthType::Pct)
    .set_borders(no_borders());
    Footer::new().add_table(table)
}

/// Escapes text for an XML element.
fn xml_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Builds the package, adds what docx-rs cannot say, and zips it.
fn finish(docx: Docx, title: &str) -> Result<Vec<u8>, RenderError> {
    let utf8 = |b: Vec<u8>| String::from_utf8(b).map_err(|e| RenderError(e.to_string()));
    let mut xml = docx.build();
    // Paragraph ids come from a per-thread counter in docx-rs: number them
    // anew so that the same document always gives the same bytes.
    let mut next_id = 0u32;
    xml.document =
        renumber_paragraph_ids(&mark_header_rows(&utf8(xml.document)?), &mut next_id).into_bytes();
    xml.headers = xml
        .headers
        .into_iter()
        .map(|h| utf8(h).map(|h| renumber_paragraph_ids(&h, &mut next_id).into_bytes()))
        .collect::<Result<_, _>>()?;
    xml.footers = xml
        .footers
        .into_iter()
        .map(|f| utf8(f).map(|f| renumber_paragraph_ids(&f, &mut next_id).into_bytes()))
        .collect::<Result<_, _>>()?;
    xml.styles = utf8(xml.styles)?
        .replacen(
            "</w:rPr></w:rPrDefault>",
            r#"<w:lang w:val="fr-FR" w:eastAsia="fr-FR" w:bidi="ar-SA" /></w:rPr></w:rPrDefault>"#,
            1,
        )
        .into_bytes();
    xml.doc_props.core = utf8(xml.doc_props.core)?
        .replacen(
            "</cp:coreProperties>",
            &format!(
                "<dc:title>{}</dc:title><dc:language>fr-FR</dc:language></cp:coreProperties>",
                xml_escape(title)
            ),
            1,
        )
        .into_bytes();
    let mut out = Cursor::new(Vec::new());
    xml.pack(&mut out)
        .map_err(|e| RenderError(format!("DOCX\u{a0}: {e}")))?;
    Ok(out.into_inner())
}

/// Gives every `w14:paraId` a sequential value (header-row marks become
/// ordinary ids once used).
fn renumber_paragraph_ids(xml: &str, next: &mut u32) -> String {
    const ATTR: &str = "w14:paraId=\"";
    let mut out = String::with_capacity(xml.len());
    let mut rest = xml;
    while let Some(i) = rest.find(ATTR) {
        let value_start = i + ATTR.len();
        out.push_str(&rest[..value_start]);
        let value_end = rest[value_start..]
            .find('"')
            .map_or(rest.len(), |j| value_start + j);
        *next += 1;
        out.push_str(&format!("{:08X}", *next));
        rest = &rest[value_end..];
    }
    out.push_str(rest);
    out
}

/// Adds `<w:tblHeader/>` to every row whose first paragraph carries the
/// header-row mark (a `w14:paraId` starting with [`HEADER_ROW_MARK`]).
pub fn mark_header_rows(xml: &str) -> String {
    let needle = format!("w14:paraId=\"{HEADER_ROW_MARK}");
    let mut out = String::with_capacity(xml.len() + 256);
    let mut rest = xml;
    while let Some(mark) = rest.find(&needle) {
        let Some(row_start) = rest[..mark].rfind("<w:tr>") else {
            break;
        };
        out.push_str(&rest[..row_start]);
        let after = &rest[row_start + "<w:tr>".len()..];
        if let Some(r) = after.strip_prefix("<w:trPr />") {
            out.push_str("<w:tr><w:trPr><w:tblHeader /></w:trPr>");
            rest = r;
        } else if let Some(r) = after.strip_prefix("<w:trPr>") {
            out.push_str("<w:tr><w:trPr><w:tblHeader />");
            rest = r;
        } else {
            out.push_str("<w:tr><w:trPr><w:tblHeader /></w:trPr>");
            rest = after;
        }
        let skip = rest.find(&needle).map_or(rest.len(), |i| i + needle.len());
        out.push_str(&rest[..skip]);
        rest = &rest[skip..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_rows_get_tbl_header() {
        let xml = r#"<w:tbl><w:tr><w:trPr /><w:tc><w:p w14:paraId="7F000001"></w:p></w:tc></w:tr><w:tr><w:trPr><w:cantSplit /></w:trPr><w:tc><w:p w14:paraId="00000002"></w:p></w:tc></w:tr></w:tbl>"#;
        let out = mark_header_rows(xml);
        assert_eq!(out.matches("<w:tblHeader />").count(), 1);
        assert!(out.starts_with("<w:tbl><w:tr><w:trPr><w:tblHeader /></w:trPr>"));
    }

    #[test]
    fn a_row_with_properties_keeps_them() {
        let xml = r#"<w:tr><w:trPr><w:cantSplit /></w:trPr><w:tc><w:p w14:paraId="7F000003"></w:p></w:tc></w:tr>"#;
        let out = mark_header_rows(xml);
        assert!(out.contains("<w:trPr><w:tblHeader /><w:cantSplit /></w:trPr>"));
    }
}
