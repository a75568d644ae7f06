//! Sizes and colours of the DOCX, one table mirroring the geometry of
//! `templates/document.typ` (its names are given beside each value), so
//! that a page laid out by Word or LibreOffice matches the PDF's.

/// A4, short side, in twentieths of a point.
pub const A4_SHORT: u32 = 11906;
/// A4, long side.
pub const A4_LONG: u32 = 16838;
/// `margin-top`.
pub const MARGIN_TOP_MM: f32 = 24.0;
/// `margin-bottom`.
pub const MARGIN_BOTTOM_MM: f32 = 20.0;
/// `margin-x`.
pub const MARGIN_X_MM: f32 = 18.0;
/// From the sheet's top to the running header.
pub const HEADER_MM: f32 = 9.0;
/// From the sheet's bottom to the running footer.
pub const FOOTER_MM: f32 = 8.0;
/// `window-y`: the top of the envelope window, from the sheet's top.
pub const WINDOW_Y_MM: f32 = 55.0;
/// `window-x`, from the sheet's left edge.
pub const WINDOW_X_MM: f32 = 96.0;
/// `body-size`.
pub const BODY_PT: f32 = 10.0;
/// `small-size`: running header and footer, captions.
pub const SMALL_PT: f32 = 7.5;
/// Headings of level 1, 2, 3 (`show heading.where(level: …)`).
pub const HEADING_PT: [f32; 3] = [14.0, 11.5, 10.5];
/// Space after a paragraph (the PDF: `par(spacing: 0.8em)`; Word adds
/// its taller line to it).
pub const PARAGRAPH_AFTER_TWIPS: u32 = 100;
/// Space after a paragraph inside a table cell (`set block(spacing: 0.45em)`).
pub const CELL_PARAGRAPH_AFTER_MM: f32 = 0.8;
/// Cell padding, in twips: `inset: (x: 4pt, y: 3.5pt)` in the page
/// program. Vertically less, because a Word line is as tall as the font's
/// ascender and descender where Typst's runs from cap height to baseline:
/// rows come out as tall as in the PDF.
pub const CELL_INSET_X_TWIPS: u32 = 80;
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

/// Points to half-points (run sizes).
pub fn half_points(pt: f32) -> usize {
    (pt * 2.0).round() as usize
}

/// The width between the margins.
pub fn content_width(landscape: bool) -> u32 {
    let page = if landscape { 297.0 } else { 210.0 };
    twips(page - 2.0 * MARGIN_X_MM)
}
