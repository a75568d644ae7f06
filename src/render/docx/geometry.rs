//! Sizes and colours of the DOCX beside the page geometry of
//! [`crate::page`] (read from `templates/document.typ`), mirroring the page
//! program (its names are given beside each value), so that a page laid
//! out by Word or LibreOffice matches the PDF's.

use crate::page::PAGE;

/// From the sheet's top to the running header.
pub const HEADER_MM: f32 = 9.0;
/// From the sheet's bottom to the running footer.
pub const FOOTER_MM: f32 = 8.0;
/// Space after a paragraph (the PDF: `par(spacing: 0.8em)`; Word adds
/// its taller line to it).
pub const PARAGRAPH_AFTER_TWIPS: u32 = 100;
/// What a body paragraph's own space after loses in Word, in ems of its
/// type: a Word line runs from the font's ascender to its descender, about
/// 0.46 em taller than Typst's (cap height to baseline); 0.3 em of it is
/// taken off, as [`PARAGRAPH_AFTER_TWIPS`] is the PDF's 0.8 em less 0.3 em.
pub const TALLER_LINE_EM: f32 = 0.3;
/// Space after a paragraph inside a table cell (`set block(spacing: 0.45em)`).
pub const CELL_PARAGRAPH_AFTER_MM: f32 = 0.8;
/// Cell padding above and below, in twips: less than the page program's
/// `cell-inset` (3.5pt), because a Word line is as tall as the font's
/// ascender and descender where Typst's runs from cap height to baseline:
/// rows come out as tall as in the PDF. Left and right: [`cell_inset_x_twips`].
pub const CELL_INSET_Y_TWIPS: u32 = 20;
/// `rule-color`: table rules and signature boxes.
pub const RULE_COLOR: &str = "464646";
/// The lighter rule of the header, footer and ruled lines (`luma(120)`).
pub const LIGHT_RULE_COLOR: &str = "787878";
/// The cut line (`luma(90)`).
pub const CUT_COLOR: &str = "5A5A5A";
/// `shade`: header cells.
pub const SHADE: &str = "E1E1E1";
/// The running header and footer's text (`luma(40)`).
pub const MUTED_TEXT: &str = "282828";
/// The font the DOCX names (Liberation Sans, in the PDF, has its metrics).
pub const FONT: &str = "Arial";
/// A font with the box glyphs ☐ ☒ on most systems.
pub const SYMBOL_FONT: &str = "Segoe UI Symbol";

/// Millimetres to twentieths of a point.
pub fn twips(mm: f32) -> u32 {
    (mm * 1440.0 / 25.4).round() as u32
}

/// A cell's padding on each side, from the page program's `cell-inset`.
pub fn cell_inset_x_twips() -> usize {
    (PAGE.cell_inset_x_pt * 20.0).round() as usize
}

/// Points to half-points (run sizes).
pub fn half_points(pt: f32) -> usize {
    (pt * 2.0).round() as usize
}

/// The width between the margins.
pub fn content_width(landscape: bool) -> u32 {
    twips(PAGE.content_width_mm(landscape))
}
