//! Paragraphs and runs: text as data, `\n` as a line break, the box glyphs
//! in a font that has them.

use docx_rs::{
    AlignmentType, BreakType, LineSpacing, Paragraph as WParagraph, Run as WRun, RunFonts,
};

use super::geometry::{SYMBOL_FONT, WORD, half_points, paragraph_after_twips, points_twips, twips};
use crate::doc::{Align, Paragraph, Run};

/// A run of text: `\n` becomes a line break; characters XML forbids go.
pub fn text_run(mut run: WRun, text: &str) -> WRun {
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

pub fn alignment(align: Align) -> AlignmentType {
    match align {
        Align::Left => AlignmentType::Left,
        Align::Center => AlignmentType::Center,
        Align::Right => AlignmentType::Right,
        Align::Justify => AlignmentType::Both,
    }
}

/// A paragraph of the document model as a Word paragraph.
pub fn paragraph(p: &Paragraph) -> WParagraph {
    let mut out = WParagraph::new().align(alignment(p.align));
    for run in &p.runs {
        for r in runs_of(run, p.size) {
            out = out.add_run(r);
        }
    }
    let after = p.space_after.map_or_else(paragraph_after_twips, twips);
    out = out.line_spacing(LineSpacing::new().after(after));
    if p.keep_with_next {
        out = out.keep_next(true);
    }
    out
}

/// A heading of level 1 to 3 (the styles `Heading1`…`Heading3`).
pub fn heading(level: u8, text: &str, align: Align, at_top: bool) -> WParagraph {
    WParagraph::new()
        .style(&format!("Heading{}", level.clamp(1, 3)))
        .align(alignment(align))
        .keep_next(true)
        .line_spacing(
            LineSpacing::new()
                .before(if at_top {
                    0
                } else {
                    points_twips(WORD.heading_above_pt)
                })
                .after(points_twips(WORD.heading_below_pt)),
        )
        .add_run(text_run(WRun::new(), text))
}

/// An empty paragraph no taller than a hairline, to end a header or a
/// footer: both must end with a paragraph, or LibreOffice leaves them off
/// the first page.
pub fn closing() -> WParagraph {
    spacer(points_twips(WORD.hairline_pt), 0)
}

/// A small empty paragraph between two tables (Word merges two tables that
/// touch).
pub fn gap() -> WParagraph {
    spacer(
        points_twips(WORD.table_gap_pt),
        points_twips(WORD.table_gap_after_pt),
    )
}

/// An empty paragraph of an exact height and space after, in twips.
pub fn spacer(line: u32, after: u32) -> WParagraph {
    WParagraph::new().line_spacing(
        LineSpacing::new()
            .after(after)
            .line(line as i32)
            .line_rule(docx_rs::LineSpacingType::Exact),
    )
}
