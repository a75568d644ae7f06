//! Page counts for a DOCX-only run. A DOCX needs no page count (Word lays
//! it out, and the print batch's letters start on a recto through
//! odd-page section breaks), but the manifest gives one for every file: it
//! is taken from a current file of the same document in the output folder
//! when there is one, else from Typst's layout of that document alone.

use std::collections::{BTreeMap, HashMap};

use super::Composition;
use super::render_all::fingerprint;
use crate::compose::{Composed, Kind};
use crate::doc::Document;
use crate::error::Error;
use crate::output::{Entry, Format};

/// The page counts known without laying anything out, by document stem:
/// a file of the previous run (PDF or DOCX) that says what the document
/// says now and is unchanged since written, and the letters kept as they
/// are (the print batch sums them).
pub fn known(
    composition: &Composition,
    previous: &BTreeMap<String, Entry>,
    kept: &[Entry],
) -> HashMap<String, usize> {
    let program = composition.program.as_deref();
    let mut known = HashMap::new();
    for c in composition.documents.iter().chain(&composition.reference) {
        let print = fingerprint(c, program);
        let current = [Format::Pdf, Format::Docx].iter().find_map(|f| {
            previous
                .get(&c.path(f.extension()))
                .filter(|e| e.fingerprint.as_deref() == Some(print.as_str()))
        });
        if let Some(entry) = current {
            known.insert(c.stem.clone(), entry.pages);
        }
    }
    for entry in kept.iter().filter(|e| e.kind == Kind::Convocation) {
        if let Some((stem, _)) = entry.path.rsplit_once('.') {
            known.insert(stem.to_owned(), entry.pages);
        }
    }
    known
}

/// The print batch's page count without laying it out whole: each
/// letter's count (`counted` in this run, or `known`), or else its section
/// of the batch laid out alone by `count`; plus a blank page before each
/// letter that would otherwise start on a verso, as in the joined PDF.
pub fn batch(
    lot: &Composed,
    letters: &[String],
    counted: &HashMap<String, usize>,
    known: &HashMap<String, usize>,
    count: impl Fn(&Document) -> Result<usize, Error>,
) -> Result<usize, Error> {
    let sections = &lot.document.sections;
    // Each letter is a section of the batch, in the same order.
    let paired = letters.len() == sections.len();
    let mut total = 0;
    for i in 0..sections.len() {
        let letter = letters.get(i).filter(|_| paired);
        let pages = letter.and_then(|path| {
            let stem = path.strip_suffix(".pdf").unwrap_or(path);
            counted.get(path).or_else(|| known.get(stem)).copied()
        });
        let pages = match pages {
            Some(n) => n,
            None => count(&section_alone(&lot.document, i))?,
        };
        if total % 2 == 1 {
            total += 1;
        }
        total += pages;
    }
    Ok(total)
}

/// Section `i` of a document as a document of its own: laid out, it
/// gives that section's pages (each section starts on a new page and is
/// numbered on its own).
fn section_alone(doc: &Document, i: usize) -> Document {
    Document {
        title: doc.title.clone(),
        date: doc.date,
        header: doc.header.clone(),
        footer: doc.footer.clone(),
        page_label: doc.page_label.clone(),
        logo: doc.logo.clone(),
        sections: vec![doc.sections[i].clone()],
    }
}
