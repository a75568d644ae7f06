//! The renderers: one per format, each knowing every block type of
//! [`crate::doc`] and no artefact.

pub mod docx;
pub mod pdf;

/// A rendered file.
pub struct Rendered {
    pub bytes: Vec<u8>,
    pub pages: usize,
}

/// Why a document could not be rendered.
#[derive(Debug)]
pub struct RenderError(pub String);

impl std::fmt::Display for RenderError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}
