//! The fonts built into the binary: the PDF is set in them, and table
//! columns are measured with them (Liberation Sans has Arial's metrics, the
//! font the DOCX names).

/// Liberation Sans regular.
pub const REGULAR: &[u8] = include_bytes!("../fonts/LiberationSans-Regular.ttf");
/// Liberation Sans bold.
pub const BOLD: &[u8] = include_bytes!("../fonts/LiberationSans-Bold.ttf");

/// Every font the PDF may use, the fallback for symbols last.
pub const ALL: &[&[u8]] = &[
    REGULAR,
    BOLD,
    include_bytes!("../fonts/LiberationSans-Italic.ttf"),
    include_bytes!("../fonts/LiberationSans-BoldItalic.ttf"),
    include_bytes!("../fonts/DejaVuSans.ttf"),
];
