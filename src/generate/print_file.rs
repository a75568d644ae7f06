//! The print file of convocations (`convocations-lot`), a step of its own:
//! its letters are the candidates' convocations, laid out in this run or
//! kept as they are in the output folder. Its DOCX needs no layout; its
//! PDF is joined from the letters' own PDF files once they are rendered;
//! in a DOCX-only run its page count is summed from theirs.

use std::collections::{HashMap, HashSet};
use std::sync::{Condvar, Mutex};

use super::composition::{fingerprint, is_letter, is_print_file, produced};
use super::memory::{count_and_trim, give_back_memory};
use super::{Composition, Format, Kept, pages};
use crate::compose::Composed;
use crate::error::Error;
use crate::output::{self, Produced};
use crate::render::docx::DocxRenderer;
use crate::render::pdf::PdfRenderer;
use crate::render::pdf::print_batch::join_letters;
use crate::render::{RenderContext, Renderer};

/// The print file being made: the letters this run lays out, handed over
/// as they are rendered.
pub struct PrintFile<'a> {
    lot: &'a Composed,
    /// How many letters this run lays out.
    expected: usize,
    letters: Mutex<Letters>,
    finished: Condvar,
}

/// The letters of a run, as the print file waits for them.
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

impl<'a> PrintFile<'a> {
    /// The print file of a run, when it can be joined from its letters'
    /// PDF files: each letter laid out in this run or kept as it is in the
    /// output folder. Otherwise (the print file asked for without its
    /// letters) it is laid out as any other document. In a DOCX-only run,
    /// always: its page count is summed from its letters'.
    pub fn of(composition: &'a Composition, kept: &Kept, formats: &[Format]) -> Option<Self> {
        let lot = composition.documents.iter().find(|c| is_print_file(c))?;
        let rendered: HashSet<String> = composition
            .documents
            .iter()
            .filter(|c| is_letter(c))
            .map(|c| c.path(Format::Pdf.extension()))
            .collect();
        // Each letter is a section of the print file, in the same order.
        let complete = composition.letters.len() == lot.document.sections.len()
            && composition
                .letters
                .iter()
                .all(|l| rendered.contains(l) || kept.letters.contains_key(l));
        (complete || !formats.contains(&Format::Pdf)).then(|| PrintFile {
            lot,
            expected: rendered.len(),
            letters: Mutex::new(Letters::default()),
            finished: Condvar::new(),
        })
    }

    /// A letter of this run, rendered: its PDF (or, in a DOCX-only run,
    /// its page count) kept for the print file.
    pub fn letter_rendered(&self, c: &Composed, pdf: Option<&[u8]>, pages: usize) {
        if let Ok(mut letters) = self.letters.lock() {
            let path = c.path(Format::Pdf.extension());
            match pdf {
                Some(bytes) => drop(letters.rendered.insert(path, bytes.to_vec())),
                None => drop(letters.counted.insert(path, pages)),
            }
        }
    }

    /// Counts one letter done with, whether it was rendered or failed.
    pub fn letter_finished(&self) {
        if let Ok(mut letters) = self.letters.lock() {
            letters.finished += 1;
        }
        self.finished.notify_all();
    }

    /// The run stops (a document failed): the print file waits no more.
    pub fn stop(&self) {
        if let Ok(mut letters) = self.letters.lock() {
            letters.stopped = true;
        }
        self.finished.notify_all();
    }

    /// The letters of this run, once each is done with. The print file is
    /// the last item of the run: every letter is done or being done,
    /// unless the run stopped.
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

    /// The print file's files: its DOCX first (it needs no layout), then,
    /// once every letter of this run is rendered, its PDF joined from the
    /// letters'; or, in a DOCX-only run, its page count summed from the
    /// letters'.
    pub fn render(
        &self,
        pdf: &PdfRenderer,
        composition: &Composition,
        kept: &Kept,
        formats: &[Format],
    ) -> Result<Vec<Produced>, Error> {
        let lot = self.lot;
        let print = fingerprint(lot, composition.program.as_deref());
        let docx = match formats.contains(&Format::Docx) {
            true => Some(DocxRenderer.render(&RenderContext::new(&lot.document))?),
            false => None,
        };
        let letters = self.wait_for_letters()?;
        let mut files = Vec::with_capacity(2);
        let pages = if formats.contains(&Format::Pdf) {
            let letters = letter_files(composition, kept, letters.rendered)?;
            let parts: Vec<&[u8]> = letters.iter().map(Vec::as_slice).collect();
            let r = join_letters(&lot.document.title, lot.document.date, &parts)?;
            drop(letters);
            give_back_memory();
            files.push(produced(lot, Format::Pdf, r.bytes, r.pages, &print));
            r.pages
        } else {
            let count = |d: &crate::doc::Document| count_and_trim(pdf, d);
            let known = &kept.pages;
            pages::batch(lot, &composition.letters, &letters.counted, known, count)?
        };
        if let Some(docx) = docx {
            files.push(produced(lot, Format::Docx, docx.bytes, pages, &print));
        }
        Ok(files)
    }
}

/// The letters' PDF files in the print file's order: those of this run,
/// and the others read from the output folder, each checked against the
/// sha256 the manifest gives.
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
