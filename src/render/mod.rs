//! The renderers: one per format, each knowing every block type of
//! [`crate::doc`] and no artefact, each behind the one interface
//! [`Renderer`] over a plain [`RenderContext`].

pub mod docx;
pub mod pdf;

use crate::doc::Document;
use crate::error::Error;

/// A rendered file.
pub struct Rendered {
    pub bytes: Vec<u8>,
    pub pages: usize,
}

/// What a renderer is given to render one document.
pub struct RenderContext<'a> {
    /// The document, as composed and fitted.
    pub document: &'a Document,
    /// Its number of pages as the PDF lays it out, when the caller knows
    /// it: a format its reader lays out (DOCX) states that count; the PDF
    /// counts its own pages.
    pub pages: Option<usize>,
}

impl<'a> RenderContext<'a> {
    /// The context of `document`, its pages not known.
    pub fn new(document: &'a Document) -> RenderContext<'a> {
        RenderContext {
            document,
            pages: None,
        }
    }

    /// The context of `document`, which has `pages` pages.
    pub fn with_pages(document: &'a Document, pages: usize) -> RenderContext<'a> {
        RenderContext {
            document,
            pages: Some(pages),
        }
    }
}

/// A renderer of one format.
pub trait Renderer {
    /// Renders one document into the bytes of its file.
    fn render(&self, ctx: &RenderContext) -> Result<Rendered, Error>;
}
