//! The DOCX renderer, on docx-rs: the same blocks as the PDF, as real
//! Word paragraphs and tables.
//!
//! docx-rs builds the paragraphs, tables and sections; what reaches the user
//! is owned here. Its XML is put in the order the schema requires by one
//! table-driven pass ([`canonical`]) rather than by patching the crate's
//! many builders: the pass is small, testable on its own, and keeps working
//! whatever order a later docx-rs writes. The package (relationships,
//! content types, theme) is written by [`package`], with only the parts the
//! document uses. The output is checked against the Open XML schemas by
//! `tests/docx_valid.rs`.
//!
//! - [`geometry`]: sizes and colours, mirroring `templates/document.typ`;
//! - [`text`]: paragraphs and runs;
//! - [`tables`]: tables and the blocks drawn as tables;
//! - [`sections`]: page size, numbering, running header and footer;
//! - [`package`] and [`canonical`]: the parts and the ZIP.

mod canonical;
mod geometry;
mod logo;
mod package;
mod schema_order;
mod sections;
mod tables;
mod text;

pub use logo::svg_as_png;

use docx_rs::{
    BorderType, BreakType, DocumentChild, Docx, Footer, FooterReference, HeaderReference,
    LineSpacing, Paragraph as WParagraph, ParagraphBorder, ParagraphBorderPosition,
    ParagraphBorders, Run as WRun, RunFonts, SectionProperty, Style, StyleType,
};

use super::{RenderContext, Rendered, Renderer};
use crate::doc::{Align, Block, Document, Paragraph, Run, Table};
use crate::error::Error;
use crate::page::PAGE;
use geometry::{
    FONT, WORD, content_width, eighths, half_points, paragraph_after_twips, points_twips, twips,
};
use sections::{PageTotal, margins, numbered, page_footer, page_header, page_size, section_end};
use tables::TableBuilder;
use text::{closing, gap, heading, paragraph, spacer};

/// Renders documents to DOCX.
pub struct DocxRenderer;

impl Renderer for DocxRenderer {
    /// Renders one document; its page count is the context's (Word lays
    /// out), 0 when not known.
    fn render(&self, ctx: &RenderContext) -> Result<Rendered, Error> {
        let doc = ctx.document;
        let mut tables = TableBuilder::default();
        let date = format!("{}T00:00:00Z", doc.date);
        let mut docx = Docx::new()
            .page_margin(margins())
            .default_fonts(
                RunFonts::new()
                    .ascii(FONT)
                    .hi_ansi(FONT)
                    .east_asia(FONT)
                    .cs(FONT),
            )
            .default_size(half_points(PAGE.body_pt))
            .default_line_spacing(LineSpacing::new().after(paragraph_after_twips()))
            .created_at(&date)
            .updated_at(&date)
            .header(page_header(doc));
        // One footer part per section, each counting the pages of its own
        // section, the first one through docx-rs (rIdFooter1), the others
        // added to the package after it.
        let mut parts = footers(doc).into_iter();
        if let Some(first) = parts.next() {
            docx = docx.footer(first);
        }
        let extra_footers = parts.collect();
        let footer_id = |i: usize| format!("rIdFooter{}", i + 1);
        let several = doc.sections.len() > 1;
        for (i, size) in PAGE.heading_pt.iter().enumerate() {
            docx = docx.add_style(heading_style(i + 1, *size));
        }

        let last = doc.sections.len().saturating_sub(1);
        for (i, section) in doc.sections.iter().enumerate() {
            for (b, block) in section.blocks.iter().enumerate() {
                let position = BlockPosition {
                    at_top: b == 0 || matches!(section.blocks[b - 1], Block::PageBreak),
                    at_end: b + 1 == section.blocks.len(),
                };
                docx = add_block(docx, &mut tables, block, section.landscape, position);
            }
            if i < last {
                // The section ends with a paragraph holding its properties.
                let mut props = SectionProperty::new()
                    .page_size(page_size(section.landscape))
                    .page_margin(margins());
                props.header_reference = Some(HeaderReference::new("default", "rIdHeader1"));
                props.footer_reference = Some(FooterReference::new("default", footer_id(i)));
                let end = closing()
                    .add_bookmark_start(i + 1, section_end(i))
                    .add_bookmark_end(i + 1);
                docx = docx.add_paragraph(end.section_property(numbered(props, section)));
            } else if several {
                docx = mark_end(docx, i);
            }
        }
        if let Some(last) = doc.sections.last() {
            let mut props = std::mem::take(&mut docx.document.section_property)
                .page_size(page_size(last.landscape));
            props.footer_reference = Some(FooterReference::new(
                "default",
                footer_id(doc.sections.len() - 1),
            ));
            docx.document.section_property = numbered(props, last);
        }
        let bytes = package::package(docx, extra_footers, &doc.title)?;
        Ok(Rendered {
            bytes,
            pages: ctx.pages.unwrap_or(0),
        })
    }
}

/// The footer of each section: its text (the section's own, or the
/// document's), and the pages of the file, or of the section when there
/// are several.
fn footers(doc: &Document) -> Vec<Footer> {
    let several = doc.sections.len() > 1;
    doc.sections
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let total = if several {
                PageTotal::Section(i)
            } else {
                PageTotal::File
            };
            page_footer(doc, s.footer.as_deref().unwrap_or(&doc.footer), total)
        })
        .collect()
}

/// The bookmark of the end of the last section `i`, in its last
/// paragraph (or in a hairline one after its last table).
fn mark_end(mut docx: Docx, i: usize) -> Docx {
    let (id, name) = (i + 1, section_end(i));
    match docx.document.children.pop() {
        Some(DocumentChild::Paragraph(p)) => {
            let marked = (*p).add_bookmark_start(id, name).add_bookmark_end(id);
            docx.document
                .children
                .push(DocumentChild::Paragraph(Box::new(marked)));
            docx
        }
        other => {
            docx.document.children.extend(other);
            docx.add_paragraph(closing().add_bookmark_start(id, name).add_bookmark_end(id))
        }
    }
}

fn heading_style(level: usize, size: f32) -> Style {
    Style::new(format!("Heading{level}"), StyleType::Paragraph)
        .name(format!("heading {level}"))
        .bold()
        .size(half_points(size))
}

/// Where a block stands on its page, for the spaces around it that the
/// page program drops there.
#[derive(Clone, Copy)]
struct BlockPosition {
    /// First on a page: no space above a heading.
    at_top: bool,
    /// Last of its section: no space after a table, which would only push
    /// an empty line onto a page of its own.
    at_end: bool,
}

/// Adds one block of the document model.
fn add_block(
    docx: Docx,
    tables: &mut TableBuilder,
    block: &Block,
    landscape: bool,
    position: BlockPosition,
) -> Docx {
    let width = content_width(landscape);
    let after_table = if position.at_end { closing() } else { gap() };
    match block {
        Block::Heading { level, text, align } => {
            docx.add_paragraph(heading(*level, text, *align, position.at_top))
        }
        Block::Paragraph(p) => docx.add_paragraph(paragraph(&in_body(p))),
        Block::Table(t) => docx
            .add_table(tables.table(t, width))
            .add_paragraph(after_table.keep_next(t.keep_with_next)),
        Block::LetterHead { sender, recipient } => {
            docx.add_table(tables::letter_head(sender, recipient, width))
        }
        Block::Lines { count } => docx.add_table(tables::ruled_lines(*count, width)),
        Block::Signatures {
            captions,
            height_mm,
        } => docx
            .add_table(tables::signatures(captions, *height_mm, width))
            .add_paragraph(after_table),
        Block::CutLine { label } => {
            // The scissors above a dashed rule, as in the PDF.
            let mut cut = paragraph(
                &Paragraph::text("✂")
                    .size(WORD.scissors_pt)
                    .space_after(WORD.scissors_after_mm),
            );
            let rule = ParagraphBorder::new(ParagraphBorderPosition::Bottom)
                .val(BorderType::Dashed)
                .size(eighths(WORD.cut_stroke_pt))
                .color(WORD.cut_color.as_str());
            cut.property = cut
                .property
                .set_borders(ParagraphBorders::with_empty().set(rule));
            let caption = Paragraph::new(vec![Run::italic(label.clone())])
                .align(Align::Center)
                .size(PAGE.small_pt);
            docx.add_paragraph(cut).add_paragraph(paragraph(&caption))
        }
        Block::Space { mm } => {
            docx.add_paragraph(spacer(points_twips(WORD.hairline_pt), twips(*mm)))
        }
        Block::PageBreak => {
            docx.add_paragraph(WParagraph::new().add_run(WRun::new().add_break(BreakType::Page)))
        }
        Block::Keep { blocks } => {
            // Each block kept with the next (Word's keep-with-next).
            let last = blocks.len().saturating_sub(1);
            blocks.iter().enumerate().fold(docx, |docx, (k, b)| {
                let b = if k < last {
                    kept_with_next(b)
                } else {
                    b.clone()
                };
                let position = BlockPosition {
                    at_top: position.at_top && k == 0,
                    at_end: position.at_end && k == last,
                };
                add_block(docx, tables, &b, landscape, position)
            })
        }
    }
}

/// A paragraph of the page's body: its own space after less what Word's
/// taller line adds (list items, names one under the other, the lines of
/// a letter), so that a page holds as many as in the PDF.
fn in_body(p: &Paragraph) -> std::borrow::Cow<'_, Paragraph> {
    match p.space_after {
        Some(mm) => {
            let size_mm = p.size.unwrap_or(PAGE.body_pt) * 25.4 / 72.0;
            let after = (mm - WORD.taller_line_em * size_mm).max(0.0);
            std::borrow::Cow::Owned(p.clone().space_after(after))
        }
        None => std::borrow::Cow::Borrowed(p),
    }
}

/// A block kept on the page of the block after it.
fn kept_with_next(block: &Block) -> Block {
    match block {
        Block::Paragraph(p) => Block::Paragraph(p.clone().keep_with_next()),
        Block::Table(t) => Block::Table(Table {
            keep_with_next: true,
            ..t.clone()
        }),
        // An empty paragraph as high, kept with the next.
        Block::Space { mm } => Block::Paragraph(
            Paragraph::text("")
                .size(WORD.hairline_pt)
                .space_after(*mm)
                .keep_with_next(),
        ),
        other => other.clone(),
    }
}
