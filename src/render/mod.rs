//! The renderers: one per format, each knowing every block type of
//! [`crate::doc`] and no artefact.

pub mod docx;
pub mod pdf;

/// A rendered file.
pub struct Rendered {
    pub bytes: Vec<u8>,
    pub pages: usize,
}
