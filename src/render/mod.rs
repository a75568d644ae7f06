//! The renderers: one per format, each knowing every block type of
//! [`crate::doc`] and no artefact.

pub mod append;
pub mod chunks;
pub mod docx;
pub mod join;
pub mod merge;
pub mod overlay;
pub mod pdf;

/// A rendered file.
pub struct Rendered {
    pub bytes: Vec<u8>,
    pub pages: usize,
}
