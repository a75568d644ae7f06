//! Renders every document of a run in both formats, in parallel, and
//! makes the print batch of convocations from the letters' own PDF files.

use std::collections::{HashMap, HashSet};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex};

use indicatif::{ProgressBar, ProgressStyle};

use super::{Composition, Format, Kept};
use crate::compose::{Composed, Kind, Subject};
use crate::error::Error;
use crate::output::{self, Entry, Produced};
use crate::render::docx::DocxRenderer;
use crate::render::pdf::PdfRenderer;
use crate::render::pdf::appendix::append;
use crate::render::pdf::print_batch::join_letters;
use crate::render::{RenderContext, Renderer};

use super::chunked::render_in_chunks;
use super::composition::fingerprint;
use super::pages;
use super::parallel::in_parallel;

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

/// Typst's memoization cache is shared by every document of a run; it is
/// trimmed every so many documents to keep memory bounded on large runs.
const EVICT_EVERY: usize = 8;
/// Cache entries unused for this many trims are dropped.
const EVICT_AGE: usize = 0;

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

/// The chunks of a document laid out in chunks: what its manifest entry
/// lists, and the chunk files this run laid out.
type ChunkFiles = (Vec<crate::output::ChunkFile>, Vec<(String, Vec<u8>)>);

/// A document's PDF: a session-wide document laid out in chunks (with the
/// page program of this version, which numbers chunks as the whole), any
/// other laid out whole; then the pages of its appendix, if it has one.
/// With the count of the document's own pages (the DOCX's).
fn render_pdf(
    pdf: &PdfRenderer,
    c: &Composed,
    composition: &Composition,
    kept: &Kept,
) -> Result<(crate::render::Rendered, Option<ChunkFiles>, usize), Error> {
    let chunked = match grows_with_session(c) && composition.program.is_none() {
        true => render_in_chunks(pdf, &c.document, &kept.parts)?,
        false => None,
    };
    let (r, parts) = match chunked {
        Some(chunked) => (chunked.rendered, Some((chunked.parts, chunked.new_files))),
        None => (pdf.render(&RenderContext::new(&c.document))?, None),
    };
    let own = r.pages;
    let r = match &c.appendix {
        Some(appendix) => append(&c.document.title, &r, appendix)?,
        None => r,
    };
    Ok((r, parts, own))
}

/// Trims Typst's cache: at once after a session-wide document (it leaves a
/// large one), else every [`EVICT_EVERY`] documents.
fn trim_cache(c: &Composed, rendered_count: &AtomicUsize) {
    if grows_with_session(c) {
        typst::comemo::evict(EVICT_AGE);
        give_back_memory();
    } else if (rendered_count.fetch_add(1, Ordering::Relaxed) + 1).is_multiple_of(EVICT_EVERY) {
        typst::comemo::evict(EVICT_AGE);
    }
}

/// The order documents are rendered in: the longest first, so that none is
/// left to run alone at the end; the print batch last when it is joined
/// from its letters, once they are laid out.
fn longest_first(documents: &[Composed], batch_joined: bool) -> Vec<&Composed> {
    let mut order: Vec<&Composed> = documents.iter().collect();
    order.sort_by_key(|c| {
        let last = batch_joined && c.kind == Kind::ConvocationsLot;
        (last, std::cmp::Reverse(c.document.weight()))
    });
    order
}

/// A letter's page count, laid out alone, the cache trimmed after it.
fn count_and_trim(pdf: &PdfRenderer, d: &crate::doc::Document) -> Result<usize, Error> {
    let pages = pdf.page_count(d);
    typst::comemo::evict(EVICT_AGE);
    pages
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
    let pdf = PdfRenderer::new(composition.program.clone());
    let docx = DocxRenderer;
    let program = composition.program.as_deref();
    let bar = progress_bar(progress, composition.documents.len());
    // The print batch of convocations is made of the letters' own PDF
    // files, those of this run and those kept in the output folder.
    let batch = batch_of_letters(composition, kept, formats);
    let order = longest_first(&composition.documents, batch.is_some());
    let rendered_count = AtomicUsize::new(0);
    let render_doc = |c: &Composed| -> Result<Vec<T>, Error> {
        let mut files = Vec::with_capacity(formats.len());
        let mut pages = None;
        let print = fingerprint(c, program);
        if formats.contains(&Format::Pdf) {
            let (r, parts, own) = render_pdf(&pdf, c, composition, kept)?;
            pages = Some(own);
            if let Some(batch) = &batch
                && c.kind == Kind::Convocation
            {
                batch.letter_rendered(c.path(Format::Pdf.extension()), r.bytes.clone());
            }
            let mut file = produced(c, Format::Pdf, r.bytes, r.pages, &print);
            if let Some((parts, new_files)) = parts {
                file.entry.parts = parts;
                file.parts = new_files;
            }
            files.push(keep(file)?);
        }
        if formats.contains(&Format::Docx) {
            let pages = match pages.or_else(|| kept.pages.get(&c.stem).copied()) {
                Some(n) => n,
                None => pdf.page_count(&c.document)?,
            };
            if let Some(batch) = &batch
                && c.kind == Kind::Convocation
            {
                batch.letter_counted(c.path(Format::Pdf.extension()), pages);
            }
            let r = docx.render(&RenderContext::with_pages(&c.document, pages))?;
            files.push(keep(produced(c, Format::Docx, r.bytes, pages, &print))?);
        }
        if let Some(calendar) = &c.calendar {
            let file = produced(c, Format::Ics, calendar.clone().into_bytes(), 0, &print);
            files.push(keep(file)?);
        }
        trim_cache(c, &rendered_count);
        Ok(files)
    };
    // The batch: its DOCX first (it needs no layout), then, once every
    // letter of this run is rendered, its PDF joined from the letters'; or,
    // in a DOCX-only run, its page count summed from the letters'.
    let render_batch = |batch: &Batch| -> Result<Vec<T>, Error> {
        let lot = batch.lot;
        let print = fingerprint(lot, program);
        let docx_bytes = match formats.contains(&Format::Docx) {
            true => Some(docx.render(&RenderContext::new(&lot.document))?.bytes),
            false => None,
        };
        let letters = batch.wait_for_letters()?;
        let mut files = Vec::with_capacity(2);
        let pages = if formats.contains(&Format::Pdf) {
            let letters = letter_files(composition, kept, letters.rendered)?;
            let parts: Vec<&[u8]> = letters.iter().map(Vec::as_slice).collect();
            let r = join_letters(&lot.document.title, lot.document.date, &parts)?;
            drop(letters);
            give_back_memory();
            files.push(keep(produced(lot, Format::Pdf, r.bytes, r.pages, &print))?);
            r.pages
        } else {
            let known = &kept.pages;
            let count = |d: &crate::doc::Document| count_and_trim(&pdf, d);
            pages::batch(lot, &composition.letters, &letters.counted, known, count)?
        };
        if let Some(bytes) = docx_bytes {
            files.push(keep(produced(lot, Format::Docx, bytes, pages, &print))?);
        }
        Ok(files)
    };
    let render_one = |c: &Composed| -> Result<Vec<T>, Error> {
        if INTERRUPTED.load(Ordering::SeqCst) {
            return Err(Error::Refused("production interrompue".to_owned()));
        }
        let files = match &batch {
            Some(batch) if c.kind == Kind::ConvocationsLot => render_batch(batch),
            Some(batch) if c.kind == Kind::Convocation => {
                let files = render_doc(c);
                batch.letter_finished();
                files
            }
            _ => render_doc(c),
        };
        if files.is_err()
            && let Some(batch) = &batch
        {
            batch.stop();
        }
        bar.inc(1);
        files
    };
    let rendered = in_parallel(&order, |c| grows_with_session(c), |c| render_one(c))?;
    bar.finish_and_clear();
    typst::comemo::evict(0);
    Ok(rendered.into_iter().flatten().collect())
}

/// The print batch of convocations being made: the letters this run lays
/// out, handed over as they are rendered.
struct Batch<'a> {
    lot: &'a Composed,
    /// How many letters this run lays out.
    expected: usize,
    letters: Mutex<Letters>,
    finished: Condvar,
}

/// The letters of a run, as the batch waits for them.
#[derive(Default)]
struct Letters {
    /// How many are done with (rendered or failed).
    finished: usize,
    rendered: HashMap<String, Vec<u8>>,
    /// Their page counts, in a DOCX-only run.
    counted: HashMap<String, usize>,
    /// Set when any document failed: the run stops, some letters may
    /// never be rendered.
    stopped: bool,
}

impl Batch<'_> {
    fn letter_rendered(&self, path: String, pdf: Vec<u8>) {
        if let Ok(mut letters) = self.letters.lock() {
            letters.rendered.insert(path, pdf);
        }
    }

    fn letter_counted(&self, path: String, pages: usize) {
        if let Ok(mut letters) = self.letters.lock() {
            letters.counted.insert(path, pages);
        }
    }

    /// Counts one letter done with, whether it was rendered or failed.
    fn letter_finished(&self) {
        if let Ok(mut letters) = self.letters.lock() {
            letters.finished += 1;
        }
        self.finished.notify_all();
    }

    /// The run stops (a document failed): the batch waits no more.
    fn stop(&self) {
        if let Ok(mut letters) = self.letters.lock() {
            letters.stopped = true;
        }
        self.finished.notify_all();
    }

    /// The letters of this run, once each is done with. The batch is the
    /// last item of the run: every letter is done or being done, unless
    /// the run stopped.
    fn wait_for_letters(&self) -> Result<Letters, Error> {
        let lost = || Error::Refused("production interrompue".to_owned());
        let mut letters = self.letters.lock().map_err(|_| lost())?;
        while letters.finished < self.expected && !letters.stopped {
            letters = self.finished.wait(letters).map_err(|_| lost())?;
        }
        if letters.stopped {
            return Err(lost());
        }
        Ok(std::mem::take(&mut *letters))
    }
}

/// The print batch of convocations, when it can be joined from its
/// letters' PDF files: each letter laid out in this run or kept as it is
/// in the output folder. Otherwise (the batch asked for without its
/// letters) it is laid out on its own. In a DOCX-only run, always: its
/// page count is summed from its letters'.
fn batch_of_letters<'a>(
    composition: &'a Composition,
    kept: &Kept,
    formats: &[Format],
) -> Option<Batch<'a>> {
    let lot = composition
        .documents
        .iter()
        .find(|c| c.kind == Kind::ConvocationsLot)?;
    let rendered: HashSet<String> = composition
        .documents
        .iter()
        .filter(|c| c.kind == Kind::Convocation)
        .map(|c| c.path(Format::Pdf.extension()))
        .collect();
    if !formats.contains(&Format::Pdf) {
        return Some(Batch {
            lot,
            expected: rendered.len(),
            letters: Mutex::new(Letters::default()),
            finished: Condvar::new(),
        });
    }
    // Each letter is a section of the batch, in the same order.
    let complete = composition.letters.len() == lot.document.sections.len()
        && composition
            .letters
            .iter()
            .all(|l| rendered.contains(l) || kept.letters.contains_key(l));
    complete.then(|| Batch {
        lot,
        expected: rendered.len(),
        letters: Mutex::new(Letters::default()),
        finished: Condvar::new(),
    })
}

/// The letters' PDF files in the batch's order: those of this run, and
/// the others read from the output folder, each checked against the sha256
/// the manifest gives.
fn letter_files(
    composition: &Composition,
    kept: &Kept,
    mut fresh: HashMap<String, Vec<u8>>,
) -> Result<Vec<Vec<u8>>, Error> {
    composition
        .letters
        .iter()
        .map(|path| {
            if let Some(bytes) = fresh.remove(path) {
                return Ok(bytes);
            }
            let changed = || {
                Error::Refused(format!(
                    "« {path} » a changé pendant la production\u{a0}: relancez la commande"
                ))
            };
            let (file, sha256) = kept.letters.get(path).ok_or_else(changed)?;
            let bytes = std::fs::read(file).map_err(|_| changed())?;
            if &output::sha256_hex(&bytes) != sha256 {
                return Err(changed());
            }
            Ok(bytes)
        })
        .collect()
}

/// Hands the memory freed by a large document back to the system: each
/// thread allocates from its own arena, and an arena keeps what it freed,
/// so without this the peaks of documents laid out one after the other on
/// different threads add up.
fn give_back_memory() {
    #[cfg(not(target_env = "msvc"))]
    // SAFETY: purging every arena (index MALLCTL_ARENAS_ALL) reads and
    // writes nothing; it only returns unused pages to the system.
    unsafe {
        tikv_jemalloc_sys::mallctl(
            c"arena.4096.purge".as_ptr(),
            std::ptr::null_mut(),
            std::ptr::null_mut(),
            std::ptr::null_mut(),
            0,
        );
    }
}

/// Whether a document is for the whole session (its size grows with the
/// session), not for one person, room or day.
fn grows_with_session(c: &Composed) -> bool {
    c.subject == Subject::default()
}

fn produced(c: &Composed, format: Format, bytes: Vec<u8>, pages: usize, print: &str) -> Produced {
    Produced {
        entry: Entry {
            kind: c.kind,
            format,
            path: c.path(format.extension()),
            subject: c.subject.clone(),
            pages,
            sha256: output::sha256_hex(&bytes),
            fingerprint: Some(print.to_owned()),
            parts: Vec::new(),
        },
        bytes,
        parts: Vec::new(),
    }
}
