//! One description, two formats: every word a document says comes out in
//! its PDF and in its DOCX, and the DOCX says nothing the PDF does not.

mod common;

use std::collections::BTreeSet;
use std::path::Path;

use common::*;
use sessiondoc::generate::{self, GenerateOptions};

/// The words of a text, split at hyphens too (a line may break after a
/// hyphen, and what stands beside the line break is read in between).
fn words(text: &str) -> BTreeSet<String> {
    text.split(|c: char| c.is_whitespace() || c == '\u{a0}' || c == '\u{202f}' || c == '-')
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// A text with no spaces and no hyphens. pdftotext reads spacing loosely
/// ("4 h" in a narrow cell comes back "4h"; "Jean-" at the end of a line
/// and "Baptiste" come back "JeanBaptiste"), so words are looked up in it.
fn squeezed(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{a0}' && *c != '\u{202f}' && *c != '-')
        .collect()
}

fn not_in<'a>(words: &'a BTreeSet<String>, text: &str) -> Vec<&'a String> {
    let text = squeezed(text);
    words
        .iter()
        .filter(|w| !text.contains(w.as_str()))
        .collect()
}

fn check_fixture(name: &str) {
    let text = std::fs::read_to_string(fixture(name)).unwrap();
    let (source, session) = session_from(&text);
    let options = GenerateOptions::all_into(Path::new("unused"));
    let composition = generate::compose(&source, &session, &options).unwrap();
    let files = generate::render_all(&composition, &options.formats, false, Ok).unwrap();
    // Two formats, and a calendar beside each convocation that has one.
    let calendars = composition
        .documents
        .iter()
        .filter(|c| c.calendar.is_some())
        .count();
    assert_eq!(files.len(), composition.documents.len() * 2 + calendars);
    for composed in &composition.documents {
        let file = |ext: &str| {
            let path = composed.path(ext);
            files
                .iter()
                .find(|f| f.entry.path == path)
                .unwrap_or_else(|| panic!("{path} produced"))
        };
        let pdf = pdf_text(&file("pdf").bytes);
        let docx = docx_text(&file("docx").bytes);
        let said = words(&composed.document.plain_text());
        let path = &composed.stem;
        let missing_pdf = not_in(&said, &pdf);
        let missing_docx = not_in(&said, &docx);
        let docx_words = words(&docx);
        let docx_only = not_in(&docx_words, &pdf);
        assert!(
            missing_pdf.is_empty(),
            "{name} {path}: words missing from the PDF: {missing_pdf:?}"
        );
        assert!(
            missing_docx.is_empty(),
            "{name} {path}: words missing from the DOCX: {missing_docx:?}"
        );
        assert!(
            docx_only.is_empty(),
            "{name} {path}: words of the DOCX not in the PDF: {docx_only:?}"
        );
    }
}

#[test]
fn secretaire_comptable_says_the_same_in_both_formats() {
    check_fixture("secretaire-comptable.yaml");
}

#[test]
fn ccp_paie_fraude_says_the_same_in_both_formats() {
    check_fixture("ccp-paie-fraude.yaml");
}

#[test]
fn tsmi_avant_session_says_the_same_in_both_formats() {
    check_fixture("tsmi-avant-session.yaml");
}

#[test]
fn markup_session_says_the_same_in_both_formats() {
    check_fixture("injection-balisage.yaml");
}
