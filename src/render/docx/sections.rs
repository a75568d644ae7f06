//! Sections: page size and numbering, the running header and footer.

use docx_rs::{
    AlignmentType, FieldCharType, Footer, Header, InstrNUMPAGES, InstrPAGE, InstrPAGEREF,
    InstrText, PageMargin, PageNumType, PageOrientationType, PageSize, Paragraph as WParagraph,
    Pic, Run as WRun, SectionProperty, SectionType, Table as WTable, TableCell,
    TableCellBorderPosition, TableCellBorders, TableCellMargins, TableRow, VAlignType, WidthType,
};

use super::geometry::{WORD, content_width, footer_twips, half_points, header_twips, twips};
use super::tables::{cell_border, no_borders};
use super::text::{closing, paragraph, text_run};
use crate::doc::{Document, Paragraph, Run, Section};
use crate::page::{A4_LONG_MM, A4_SHORT_MM, PAGE, SIZES};

/// The page margins of every section.
pub fn margins() -> PageMargin {
    PageMargin::new()
        .top(twips(PAGE.margin_top_mm) as i32)
        .bottom(twips(PAGE.margin_bottom_mm) as i32)
        .left(twips(PAGE.margin_x_mm) as i32)
        .right(twips(PAGE.margin_x_mm) as i32)
        .header(header_twips() as i32)
        .footer(footer_twips() as i32)
        .gutter(0)
}

/// Each section numbers its own pages from 1, and a `recto` section starts
/// on an odd page, as in the PDF.
pub fn numbered(mut props: SectionProperty, section: &Section) -> SectionProperty {
    props.page_num_type = Some(PageNumType::new().start(1));
    if section.recto {
        props.section_type = Some(SectionType::OddPage);
    }
    props
}

/// An A4 page, portrait or landscape.
pub fn page_size(landscape: bool) -> PageSize {
    if landscape {
        PageSize::new()
            .size(twips(A4_LONG_MM), twips(A4_SHORT_MM))
            .orient(PageOrientationType::Landscape)
    } else {
        PageSize::new().size(twips(A4_SHORT_MM), twips(A4_LONG_MM))
    }
}

/// The running header, as the page program draws it: the centre's logo
/// beside the centre, the title and the session, small, over a light rule.
pub fn page_header(doc: &Document) -> Header {
    let ruled = || {
        TableCell::new()
            .vertical_align(VAlignType::Center)
            .set_borders(TableCellBorders::with_empty().set(cell_border(
                TableCellBorderPosition::Bottom,
                &WORD.light_rule,
            )))
    };
    // Widths in fiftieths of a percent, as the footer's, so that a
    // landscape section's header spans its own width.
    let mut cells = Vec::new();
    let mut grid = Vec::new();
    let mut text_pct = 5000;
    if let Some(logo) = &doc.logo {
        // As high as in the PDF, width from the image's own proportions.
        let (w, h) = imagesize::blob_size(&logo.png).map_or((4, 1), |s| (s.width, s.height));
        let height_emu = (WORD.logo_height_mm * EMU_PER_MM).round() as u32;
        let width_emu = (height_emu as usize * w / h.max(1)) as u32;
        let pic = Pic::new(&logo.png).size(width_emu, height_emu).id("logo");
        // At most half the width, however wide the logo.
        let content = content_width(false) as usize;
        let width = (width_emu / EMU_PER_TWIP) as usize + twips(WORD.header_gutter_mm) as usize;
        let most = (5000.0 * SIZES.share("word-logo-most")) as usize;
        let logo_pct = (width * 5000 / content).min(most);
        text_pct -= logo_pct;
        grid.push(logo_pct * content / 5000);
        cells.push(
            ruled()
                .width(logo_pct, WidthType::Pct)
                .add_paragraph(WParagraph::new().add_run(WRun::new().add_image(pic))),
        );
    }
    let mut lines = ruled().width(text_pct, WidthType::Pct);
    for (i, line) in doc.header.iter().enumerate() {
        let run = if i == 0 {
            Run::bold(line.clone())
        } else {
            Run::plain(line.clone())
        };
        lines = lines.add_paragraph(paragraph(
            &Paragraph::new(vec![run])
                .size(PAGE.small_pt)
                .space_after(0.0),
        ));
    }
    cells.push(lines);
    grid.push(content_width(false) as usize - grid.iter().sum::<usize>());
    let table = WTable::new(vec![TableRow::new(cells)])
        .set_grid(grid)
        .width(5000, WidthType::Pct)
        .set_borders(no_borders())
        .margins(flush());
    Header::new().add_table(table).add_paragraph(closing())
}

/// No space between a header or footer cell's sides and its text: the
/// text starts at the margin, as in the PDF.
fn flush() -> TableCellMargins {
    TableCellMargins::new()
        .margin_left(0, WidthType::Dxa)
        .margin_right(0, WidthType::Dxa)
}

/// English metric units in a millimetre.
const EMU_PER_MM: f32 = 36_000.0;
/// English metric units in a twip.
const EMU_PER_TWIP: u32 = 635;

/// The name of the bookmark on the last page of the section `index`:
/// its page number there, counted from 1 in the section, is the section's
/// number of pages.
pub fn section_end(index: usize) -> String {
    format!("_RefSectionEnd{}", index + 1)
}

/// What the Y of a footer's "page X / Y" counts.
pub enum PageTotal {
    /// The pages of the file (a document of one section): NUMPAGES.
    File,
    /// The pages of the section `index`: the page of its end, as a page
    /// reference to [`section_end`] (Word and LibreOffice both show it;
    /// LibreOffice shows Word's SECTIONPAGES as 1).
    Section(usize),
}

/// The running footer: a footer text (the document's, or a section's own),
/// and "page X / Y", Y counted as `total` says.
pub fn page_footer(doc: &Document, text: &str, total: PageTotal) -> Footer {
    let style = |r: WRun| {
        r.size(half_points(PAGE.small_pt))
            .color(WORD.muted.as_str())
    };
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
    // X restarts at each section, and so does Y.
    numbers = numbers.add_run(style(WRun::new()).add_text(" / "));
    numbers = field(
        numbers,
        match total {
            PageTotal::File => InstrText::NUMPAGES(InstrNUMPAGES::new()),
            PageTotal::Section(i) => InstrText::PAGEREF(InstrPAGEREF::new(section_end(i))),
        },
    );
    let left = WParagraph::new().add_run(text_run(style(WRun::new()), text));
    let cell = |p: WParagraph, w: usize| {
        TableCell::new()
            .width(w, WidthType::Pct)
            .set_borders(
                TableCellBorders::with_empty()
                    .set(cell_border(TableCellBorderPosition::Top, &WORD.light_rule)),
            )
            .add_paragraph(p)
    };
    let shares = SIZES.shares("word-footer-columns");
    let pct = |share: f32| (5000.0 * share / shares.iter().sum::<f32>()) as usize;
    let table = WTable::new(vec![TableRow::new(vec![
        cell(left, pct(shares[0])),
        cell(numbers, pct(shares[1])),
    ])])
    .width(5000, WidthType::Pct)
    .set_borders(no_borders())
    .margins(flush());
    Footer::new().add_table(table).add_paragraph(closing())
}
