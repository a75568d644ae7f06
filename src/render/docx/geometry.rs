//! The DOCX's sizes in Word's units, from the page geometry and the
//! values for Word of [`crate::page`] (read from `templates/document.typ`),
//! so that a page laid out by Word or LibreOffice matches the PDF's.

use crate::page::PAGE;
pub use crate::page::WORD;

/// From the sheet's top to the running header, in twips.
pub fn header_twips() -> u32 {
    twips(WORD.header_mm)
}

/// From the sheet's bottom to the running footer, in twips.
pub fn footer_twips() -> u32 {
    twips(WORD.footer_mm)
}

/// Space after a paragraph, in twips.
pub fn paragraph_after_twips() -> u32 {
    (WORD.paragraph_after_pt * 20.0).round() as u32
}

/// A cell's padding above and below, in twips.
pub fn cell_inset_y_twips() -> usize {
    (WORD.cell_inset_y_pt * 20.0).round() as usize
}

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

/// Points to twentieths of a point.
pub fn points_twips(pt: f32) -> u32 {
    (pt * 20.0).round() as u32
}

/// Points to eighths of a point (border widths).
pub fn eighths(pt: f32) -> usize {
    (pt * 8.0).round() as usize
}

/// The width between the margins.
pub fn content_width(landscape: bool) -> u32 {
    twips(PAGE.content_width_mm(landscape))
}
