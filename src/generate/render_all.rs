//! Renders every document of a run in both formats, in parallel, the print
//! file of convocations ([`super::print_file`]) last, from its letters.

use std::sync::atomic::{AtomicBool, Ordering};

use indicatif::{ProgressBar, ProgressStyle};

use super::chunked::{ChunkFiles, render_in_chunks};
use super::composition::{fingerprint, is_letter, is_print_file, produced};
use super::memory::{CacheTrimmer, empty_cache};
use super::parallel::in_parallel;
use super::print_file::PrintFile;
use super::{Composition, Format, Kept};
use crate::compose::{Composed, Subject};
use crate::error::Error;
use crate::output::Produced;
use crate::render::docx::DocxRenderer;
use crate::render::pdf::PdfRenderer;
use crate::render::pdf::appendix::append;
use crate::render::{RenderContext, Rendered, Renderer};

/// Set when the user interrupts the run (Ctrl-C): rendering stops, the
/// staging folder is removed, the output folder is left as it was.
static INTERRUPTED: AtomicBool = AtomicBool::new(false);

/// Makes Ctrl-C (or a termination signal) stop the run cleanly instead of
/// killing it in the middle of writing.
pub fn stop_cleanly_on_interrupt() {
    // Without a handler, an interrupt still leaves the output folder intact
    // (nothing is moved into it before the end), only the staging folder.
    let _ = ctrlc::set_handler(|| INTERRUPTED.store(true, Ordering::SeqCst));
}

/// Renders every composed document in every format, in parallel, with
/// what the output folder already holds (`kept`), handing each file to
/// `keep` as soon as it is rendered.
pub fn render_all<T: Send>(
    composition: &Composition,
    kept: &Kept,
    formats: &[Format],
    progress: bool,
    keep: impl Fn(Produced) -> Result<T, Error> + Sync,
) -> Result<Vec<T>, Error> {
    let print_file = PrintFile::of(composition, kept, formats);
    let run = Run {
        composition,
        kept,
        formats,
        pdf: PdfRenderer::new(composition.program.clone()),
        print_file,
        cache: CacheTrimmer::default(),
        bar: progress_bar(progress, composition.documents.len()),
        keep,
    };
    let order = longest_first(&composition.documents, run.print_file.is_some());
    let rendered = in_parallel(&order, |c| session_wide(c), |c| run.one(c))?;
    run.bar.finish_and_clear();
    empty_cache();
    Ok(rendered.into_iter().flatten().collect())
}

/// What every document of a run is rendered with.
struct Run<'a, K> {
    composition: &'a Composition,
    kept: &'a Kept,
    formats: &'a [Format],
    pdf: PdfRenderer,
    /// The print file joined from its letters, when it can be.
    print_file: Option<PrintFile<'a>>,
    cache: CacheTrimmer,
    bar: ProgressBar,
    /// What is done with each file as soon as it is rendered.
    keep: K,
}

impl<T, K: Fn(Produced) -> Result<T, Error>> Run<'_, K> {
    /// One item of the run: the print file from its letters, or any other
    /// document; a failure stops the print file's wait.
    fn one(&self, c: &Composed) -> Result<Vec<T>, Error> {
        if INTERRUPTED.load(Ordering::SeqCst) {
            return Err(Error::Refused("production interrompue".to_owned()));
        }
        let files = match &self.print_file {
            Some(print_file) if is_print_file(c) => print_file
                .render(&self.pdf, self.composition, self.kept, self.formats)
                .and_then(|files| files.into_iter().map(&self.keep).collect()),
            Some(print_file) if is_letter(c) => {
                let files = self.document(c, Some(print_file));
                print_file.letter_finished();
                files
            }
            _ => self.document(c, None),
        };
        if files.is_err()
            && let Some(print_file) = &self.print_file
        {
            print_file.stop();
        }
        self.bar.inc(1);
        files
    }

    /// A document in every format of the run, and its calendar; a letter
    /// of the print file handed to it.
    fn document(&self, c: &Composed, print_file: Option<&PrintFile>) -> Result<Vec<T>, Error> {
        let mut files = Vec::with_capacity(self.formats.len());
        let mut pages = None;
        let print = fingerprint(c, self.composition.program.as_deref());
        if self.formats.contains(&Format::Pdf) {
            let (r, chunks, own) = self.pdf(c)?;
            pages = Some(own);
            if let Some(print_file) = print_file {
                print_file.letter_rendered(c, Some(&r.bytes), r.pages);
            }
            let mut file = produced(c, Format::Pdf, r.bytes, r.pages, &print);
            if let Some((chunks, new_files)) = chunks {
                file.entry.parts = chunks;
                file.parts = new_files;
            }
            files.push((self.keep)(file)?);
        }
        if self.formats.contains(&Format::Docx) {
            let pages = match pages.or_else(|| self.kept.pages.get(&c.stem).copied()) {
                Some(n) => n,
                None => self.pdf.page_count(&c.document)?,
            };
            if let Some(print_file) = print_file.filter(|_| !self.formats.contains(&Format::Pdf)) {
                print_file.letter_rendered(c, None, pages);
            }
            let r = DocxRenderer.render(&RenderContext::with_pages(&c.document, pages))?;
            let file = produced(c, Format::Docx, r.bytes, pages, &print);
            files.push((self.keep)(file)?);
        }
        if let Some(calendar) = &c.calendar {
            let file = produced(c, Format::Ics, calendar.clone().into_bytes(), 0, &print);
            files.push((self.keep)(file)?);
        }
        self.cache.after(session_wide(c));
        Ok(files)
    }

    /// A document's PDF: a session-wide document laid out in chunks (with
    /// the page program of this version, which numbers chunks as the
    /// whole), any other laid out whole; then the pages of its appendix, if
    /// it has one. With the count of the document's own pages (the DOCX's).
    fn pdf(&self, c: &Composed) -> Result<(Rendered, Option<ChunkFiles>, usize), Error> {
        let chunked = match session_wide(c) && self.composition.program.is_none() {
            true => render_in_chunks(&self.pdf, &c.document, &self.kept.parts)?,
            false => None,
        };
        let (r, chunks) = match chunked {
            Some(chunked) => (chunked.rendered, Some((chunked.parts, chunked.new_files))),
            None => (self.pdf.render(&RenderContext::new(&c.document))?, None),
        };
        let own = r.pages;
        let r = match &c.appendix {
            Some(appendix) => append(&c.document.title, &r, appendix)?,
            None => r,
        };
        Ok((r, chunks, own))
    }
}

/// A progress bar over `len` documents, or a hidden one.
fn progress_bar(shown: bool, len: usize) -> ProgressBar {
    if !shown {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(len as u64);
    bar.set_style(
        ProgressStyle::with_template("{bar:40} {pos}/{len} documents ({eta} restantes)")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    bar
}

/// The order documents are rendered in: the longest first, so that none is
/// left to run alone at the end; the print file last when it is joined
/// from its letters, once they are laid out.
fn longest_first(documents: &[Composed], joined: bool) -> Vec<&Composed> {
    let mut order: Vec<&Composed> = documents.iter().collect();
    let last = |c: &Composed| joined && is_print_file(c);
    order.sort_by_key(|c| (last(c), std::cmp::Reverse(c.document.weight())));
    order
}

/// Whether a document is for the whole session (its size grows with the
/// session), not for one person, room or day.
fn session_wide(c: &Composed) -> bool {
    c.subject == Subject::default()
}
