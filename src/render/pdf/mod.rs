//! The PDF renderer: Typst embedded as a library.
//!
//! The fonts, the standard library and the page program
//! (`templates/document.typ`) are loaded once per run; each document is
//! handed to that program as data (`/data.json`), never as Typst source.
//! Output is PDF/A-2b and PDF/UA-1, dated by the document's own date.
//! Its submodules join PDF files: the chunks of one long document, the
//! letters of the print batch, the official règlement appended.

pub mod appendix;
pub mod chunks;
pub mod chunks_joined;
mod objects;
pub mod overlay;
pub mod print_batch;

use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

use chrono::Datelike;

use typst::diag::{FileError, FileResult, SourceDiagnostic, Warned};
use typst::foundations::{Bytes, Datetime, Duration, Label};
use typst::introspection::Introspector;
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::utils::PicoStr;
use typst::{Library, LibraryExt, World};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards, Timestamp};

use crate::doc::{Document, LogoFormat};
use crate::error::Error;
use crate::render::{RenderContext, Rendered, Renderer};
use chunks::PageNumber;

/// The page program embedded in the binary.
pub use crate::page::PROGRAM;

fn file_id(path: &str) -> FileId {
    let vpath = VirtualPath::new(path).unwrap_or_else(|_| unreachable!("fixed path {path}"));
    RootedPath::new(VirtualRoot::Project, vpath).intern()
}

/// How many documents Typst laid out in this process.
static LAYOUTS: AtomicUsize = AtomicUsize::new(0);

/// How many documents Typst laid out in this process (shown with
/// `SESSIONDOC_STATS`: a DOCX-only run lays out only what it must).
pub fn layouts() -> usize {
    LAYOUTS.load(Ordering::Relaxed)
}

/// Set to a file path, a run records how long Typst spent on each part of
/// the page program and writes it there when the renderer is dropped
/// (Chrome's trace format, lines of `templates/document.typ`).
pub const TRACE_ENV: &str = "SESSIONDOC_TYPST_TRACE";

/// Renders documents to PDF; built once per run and shared by every thread.
pub struct PdfRenderer {
    library: LazyHash<Library>,
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
    main: Source,
    main_id: FileId,
    data_id: FileId,
    logo_id: FileId,
}

impl PdfRenderer {
    /// Loads the fonts and the page program (the embedded one, or a
    /// centre's own copy).
    pub fn new(program: Option<String>) -> PdfRenderer {
        let fonts: Vec<Font> = crate::fonts::ALL
            .iter()
            .flat_map(|bytes| Font::iter(Bytes::new(*bytes)))
            .collect();
        let main_id = file_id("/document.typ");
        if std::env::var_os(TRACE_ENV).is_some() {
            typst_timing::enable();
        }
        PdfRenderer {
            library: LazyHash::new(Library::default()),
            book: LazyHash::new(FontBook::from_fonts(&fonts)),
            fonts,
            main: Source::new(main_id, program.unwrap_or_else(|| PROGRAM.to_owned())),
            main_id,
            data_id: file_id("/data.json"),
            logo_id: file_id("/logo"),
        }
    }

    /// Lays the document out; `extra` adds to the data the page program
    /// reads (how a chunk is numbered, the page numbers to lay over).
    fn layout(
        &self,
        doc: &Document,
        extra: impl FnOnce(&mut serde_json::Value),
    ) -> Result<(PagedDocument, DocWorld<'_>), Error> {
        let mut data = serde_json::to_value(doc).map_err(|e| Error::Render(e.to_string()))?;
        data["has_logo"] = serde_json::Value::Bool(doc.logo.is_some());
        extra(&mut data);
        let json = serde_json::to_vec(&data).map_err(|e| Error::Render(e.to_string()))?;
        let world = DocWorld {
            shared: self,
            data: Bytes::new(json),
            logo: doc.logo.as_ref().map(|l| match l.format {
                LogoFormat::Png | LogoFormat::Svg => Bytes::new(l.bytes.as_ref().clone()),
            }),
            date: Datetime::from_ymd(
                doc.date.0.year(),
                doc.date.0.month() as u8,
                doc.date.0.day() as u8,
            ),
        };
        LAYOUTS.fetch_add(1, Ordering::Relaxed);
        let Warned { output, .. } = typst::compile::<PagedDocument>(&world);
        let document = output.map_err(|errors| self.failure(&doc.title, &world, &errors))?;
        Ok((document, world))
    }

    /// Lays the document out and counts its pages (no PDF is written).
    pub fn page_count(&self, doc: &Document) -> Result<usize, Error> {
        Ok(self.layout(doc, |_| ())?.0.pages().len())
    }

    /// Renders a chunk of a long document without page numbers (they are
    /// laid over once the chunks are joined), and counts the pages of each
    /// of its sections.
    pub fn render_chunk(&self, doc: &Document) -> Result<(Rendered, Vec<usize>), Error> {
        let (document, world) = self.layout(doc, |data| data["numbered_later"] = true.into())?;
        let introspector = document.introspector();
        let mut counts = Vec::with_capacity(doc.sections.len());
        let mut before = 0;
        for i in 0..doc.sections.len() {
            let name = format!("section-end-{i}");
            let last = Label::new(PicoStr::intern(&name))
                .and_then(|label| introspector.query_label(label).ok())
                .and_then(|end| end.location())
                .and_then(|end| introspector.page(end))
                .map_or(before, usize::from);
            counts.push(last - before);
            before = last;
        }
        Ok((self.export(doc, &document, &world, true)?, counts))
    }

    /// The page numbers of a joined document alone, one page per page
    /// (PDF/A-2b, untagged: they are laid over the pages as artifacts).
    pub fn render_page_numbers(
        &self,
        doc: &Document,
        pages: &[PageNumber],
    ) -> Result<Rendered, Error> {
        let empty = Document {
            sections: Vec::new(),
            logo: None,
            ..doc.clone()
        };
        let (document, world) = self.layout(&empty, |data| {
            data["page_numbers"] = serde_json::json!(pages)
        })?;
        self.export(doc, &document, &world, false)
    }

    /// Writes a laid-out document as PDF/A-2b, and PDF/UA-1 when `tagged`.
    fn export(
        &self,
        doc: &Document,
        document: &PagedDocument,
        world: &DocWorld,
        tagged: bool,
    ) -> Result<Rendered, Error> {
        let standards: &[PdfStandard] = match tagged {
            true => &[PdfStandard::A_2b, PdfStandard::Ua_1],
            false => &[PdfStandard::A_2b],
        };
        let standards =
            PdfStandards::new(standards).map_err(|e| Error::Render(e.message().to_string()))?;
        let options = PdfOptions {
            ident: typst::foundations::Smart::Custom(doc.title.clone()),
            timestamp: world.date.map(Timestamp::new_utc),
            standards,
            tagged,
            ..PdfOptions::default()
        };
        let bytes = typst_pdf::pdf(document, &options)
            .map_err(|errors| self.failure(&doc.title, world, &errors))?;
        Ok(Rendered {
            bytes,
            pages: document.pages().len(),
        })
    }

    fn failure(&self, title: &str, world: &DocWorld, errors: &[SourceDiagnostic]) -> Error {
        let details: Vec<String> = errors
            .iter()
            .map(|d| {
                let place = d
                    .span
                    .id()
                    .and_then(|id| {
                        let range = typst::WorldExt::range(world, d.span)?;
                        let text = world.file(id).ok()?;
                        let lines = text.lines().ok()?;
                        let (l, c) = lines.byte_to_line_column(range.start)?;
                        Some(format!(
                            "{}:{}:{}\u{a0}: ",
                            id.vpath().get_with_slash(),
                            l + 1,
                            c + 1
                        ))
                    })
                    .unwrap_or_default();
                format!("{place}{}", d.message)
            })
            .collect();
        Error::Render(format!(
            "le PDF « {title} » n'a pas pu être produit\u{a0}: {}",
            details.join(" ; ")
        ))
    }
}

impl Drop for PdfRenderer {
    /// Writes the trace asked for by [`TRACE_ENV`].
    fn drop(&mut self) {
        let Some(path) = std::env::var_os(TRACE_ENV) else {
            return;
        };
        let line_of = |raw| {
            let span = typst::syntax::DiagSpan::from_span(typst::syntax::Span::from_raw(raw), None);
            let line = match span.get() {
                typst::syntax::DiagSpanKind::Number { id, num, sub_range }
                    if id == self.main_id =>
                {
                    self.main
                        .range(num, sub_range)
                        .and_then(|r| self.main.lines().byte_to_line(r.start))
                }
                _ => None,
            };
            ("document.typ".to_owned(), line.map_or(0, |l| l as u32 + 1))
        };
        if let Ok(file) = std::fs::File::create(path) {
            let _ = typst_timing::export_json(std::io::BufWriter::new(file), line_of);
        }
    }
}

/// The world of one document: the shared library and fonts, its own data.
struct DocWorld<'a> {
    shared: &'a PdfRenderer,
    data: Bytes,
    logo: Option<Bytes>,
    date: Option<Datetime>,
}

impl Renderer for PdfRenderer {
    /// Renders one document to PDF/A-2b (+ PDF/UA-1).
    fn render(&self, ctx: &RenderContext) -> Result<Rendered, Error> {
        let (document, world) = self.layout(ctx.document, |_| ())?;
        self.export(ctx.document, &document, &world, true)
    }
}

impl World for DocWorld<'_> {
    fn library(&self) -> &LazyHash<Library> {
        &self.shared.library
    }
    fn book(&self) -> &LazyHash<FontBook> {
        &self.shared.book
    }
    fn main(&self) -> FileId {
        self.shared.main_id
    }
    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.shared.main_id {
            Ok(self.shared.main.clone())
        } else {
            Err(FileError::NotFound(PathBuf::from(
                id.vpath().get_with_slash(),
            )))
        }
    }
    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.shared.data_id {
            Ok(self.data.clone())
        } else if id == self.shared.logo_id
            && let Some(logo) = &self.logo
        {
            Ok(logo.clone())
        } else if id == self.shared.main_id {
            Ok(Bytes::from_string(self.shared.main.text().to_owned()))
        } else {
            Err(FileError::NotFound(PathBuf::from(
                id.vpath().get_with_slash(),
            )))
        }
    }
    fn font(&self, index: usize) -> Option<Font> {
        self.shared.fonts.get(index).cloned()
    }
    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        self.date
    }
}
