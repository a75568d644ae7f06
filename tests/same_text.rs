//! One description, two formats: every word a document says comes out in
//! its PDF and in its DOCX, and the DOCX says nothing the PDF does not.

use crate::common;

use std::path::Path;

use common::*;
use sessiondoc::generate::{self, GenerateOptions};

/// A text with no spaces and no hyphens. pdftotext reads spacing loosely
/// ("4 h" in a narrow cell comes back "4h"; "Jean-" at the end of a line
/// and "Baptiste" come back "JeanBaptiste"), so words are looked up in it.
fn squeezed(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{a0}' && *c != '\u{202f}' && *c != '-')
        .collect()
}

/// Words shorter than this are looked up whole: as substrings, "de" or
/// "à" would be found inside any longer word.
const SHORT: usize = 4;

/// The words of `said` that `text` does not say. A long word is looked up
/// in the squeezed text. A short word must come back as many times as it is
/// said, each time whole or inside a glued token of `text` (one that is
/// not itself a word of `said`, such as "4h" for "4 h").
fn not_in(said: &str, text: &str) -> Vec<String> {
    let squeezed_text = squeezed(text);
    let counts = |t: &str| {
        let mut counts = std::collections::BTreeMap::<String, usize>::new();
        for w in words_in_order(t) {
            *counts.entry(w).or_default() += 1;
        }
        counts
    };
    let said_counts = counts(said);
    let text_counts = counts(text);
    let glued: Vec<&String> = text_counts
        .keys()
        .filter(|t| !said_counts.contains_key(*t))
        .collect();
    said_counts
        .iter()
        .filter(|(w, n)| {
            if w.chars().count() >= SHORT {
                return !squeezed_text.contains(w.as_str());
            }
            let whole = text_counts.get(*w).copied().unwrap_or(0);
            let inside: usize = glued
                .iter()
                .filter(|t| t.contains(w.as_str()))
                .map(|t| text_counts[*t])
                .sum();
            whole + inside < **n
        })
        .map(|(w, _)| w.clone())
        .collect()
}

/// The words of a text in order, repeated ones included.
fn words_in_order(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| c.is_whitespace() || c == '\u{a0}' || c == '\u{202f}' || c == '-')
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
}

#[test]
fn a_short_word_left_out_is_missed() {
    let said = "le jury de la session se réunit à 9 h de 10 h à 12 h";
    assert!(not_in(said, "le jury de la session se réunit à 9h de 10h à 12h").is_empty());
    // A substring look-up of the squeezed text finds "de" and "à" in
    // "réunit9h10hà12h": they are still said once too few.
    let dropped = "le jury de la session se réunit 9h 10h à 12h";
    assert_eq!(not_in(said, dropped), ["de", "à"]);
    assert_eq!(not_in("de la demande", "la demande"), ["de"]);
}

fn check_fixture(name: &str) {
    let text = std::fs::read_to_string(fixture(name)).unwrap();
    let (source, session) = session_from(&text);
    let options = GenerateOptions::all_into(Path::new("unused"));
    let composition = generate::compose(&source, &session, &options).unwrap();
    let files = generate::render_all(
        &composition,
        &generate::Kept::default(),
        &options.formats,
        false,
        Ok,
    )
    .unwrap();
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
        let said = composed.document.plain_text();
        let path = &composed.stem;
        let missing_pdf = not_in(&said, &pdf);
        let missing_docx = not_in(&said, &docx);
        let docx_only = not_in(&docx, &pdf);
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
