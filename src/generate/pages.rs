//! Page counts for a DOCX-only run. A DOCX needs no page count (Word lays
//! it out, and the print batch's letters start on a recto through
//! odd-page section breaks), but the manifest gives one for every file: it
//! is taken from a current file of the same document in the output folder
//! when there is one, else from Typst's layout of that document alone.

use std::collections::{BTreeMap, HashMap};

use super::Composition;
use super::composition::{LETTER, fingerprint};
use crate::compose::Composed;
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
        // The DOCX first: a PDF may hold a joined text's pages besides.
        let current = [Format::Docx, Format::Pdf].iter().find_map(|f| {
            previous
                .get(&c.path(f.extension()))
                .filter(|e| e.fingerprint.as_deref() == Some(print.as_str()))
        });
        if let Some(entry) = current {
            known.insert(c.stem.clone(), entry.pages);
        }
    }
    for entry in kept.iter().filter(|e| e.kind == LETTER) {
        if let Some((stem, _)) = entry.path.rsplit_once('.') {
            known.insert(stem.to_owned(), entry.pages);
        }
    }
    known
}

/// How many letters of the print batch are laid out together when their
/// counts are not known: few enough for the memory of one layout to stay
/// small, enough to spare most of the cost every layout pays.
const LETTERS_PER_LAYOUT: usize = 25;

/// The print batch's page count without laying it out whole: each
/// letter's count (`counted` in this run, or `known`), the others' laid out
/// by `count` a few letters at a time; plus a blank page before each letter
/// that would otherwise start on a verso, as in the joined PDF.
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
    let known_count = |i: usize| {
        let path = letters.get(i).filter(|_| paired)?;
        let stem = path.strip_suffix(".pdf").unwrap_or(path);
        counted.get(path).or_else(|| known.get(stem)).copied()
    };
    let mut total = 0;
    let mut i = 0;
    while i < sections.len() {
        // Pages before a letter that starts on a verso get a blank page; a
        // run of letters laid out together starts on page 1 and pads its
        // own letters the same way.
        total += total % 2;
        if let Some(n) = known_count(i) {
            total += n;
            i += 1;
            continue;
        }
        let end = (i + 1..sections.len())
            .take(LETTERS_PER_LAYOUT - 1)
            .find(|&j| known_count(j).is_some())
            .unwrap_or_else(|| (i + LETTERS_PER_LAYOUT).min(sections.len()));
        total += count(&sections_alone(&lot.document, i..end))?;
        i = end;
    }
    Ok(total)
}

/// Some sections of a document as a document of their own: laid out, it
/// gives those sections' pages (each section starts on a new page, a
/// letter on a recto, and is numbered on its own).
fn sections_alone(doc: &Document, range: std::ops::Range<usize>) -> Document {
    Document {
        title: doc.title.clone(),
        date: doc.date,
        header: doc.header.clone(),
        footer: doc.footer.clone(),
        page_label: doc.page_label.clone(),
        logo: doc.logo.clone(),
        sections: doc.sections[range].to_vec(),
    }
}
