//! The official règlement général named by the session file: its pages
//! follow every convocation (and so the print batch) and the posted
//! timetable in PDF, the DOCX names the file, and `check` reports a file
//! that cannot be joined at the key's line, or warns when there is none.

use crate::common;

use std::path::{Path, PathBuf};

use common::*;
use lopdf::content::{Content, Operation};
use lopdf::{Document, Object, Stream, dictionary};
use sessiondoc::compose::Kind;
use sessiondoc::generate::{self, Format, GenerateOptions};

const SC: &str = "secretaire-comptable.yaml";
/// What each page of the test's règlement says.
const OFFICIAL: &str = "ARRETE DU 21 JUILLET 2016 TEXTE OFFICIEL PAGE";
/// The test's règlement's pages.
const PAGES: usize = 2;

/// A PDF of `pages` A4 pages, each saying [`OFFICIAL`] and its number.
fn official_text(pages: usize) -> Vec<u8> {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font = doc.add_object(dictionary! {
        "Type" => "Font",
        "Subtype" => "Type1",
        "BaseFont" => "Helvetica",
    });
    let resources = doc.add_object(dictionary! {
        "Font" => dictionary! { "F1" => font },
    });
    let mut kids = Vec::new();
    for n in 1..=pages {
        let content = Content {
            operations: vec![
                Operation::new("BT", vec![]),
                Operation::new("Tf", vec!["F1".into(), 14.into()]),
                Operation::new("Td", vec![60.into(), 760.into()]),
                Operation::new(
                    "Tj",
                    vec![Object::string_literal(format!("{OFFICIAL} {n}"))],
                ),
                Operation::new("ET", vec![]),
            ],
        };
        let stream = doc.add_object(Stream::new(dictionary! {}, content.encode().unwrap()));
        kids.push(Object::Reference(doc.add_object(dictionary! {
            "Type" => "Page",
            "Parent" => pages_id,
            "Contents" => stream,
        })));
    }
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages",
            "Kids" => kids,
            "Count" => pages as i64,
            "Resources" => resources,
            "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
        }),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).unwrap();
    bytes
}

/// The reference session, its `session` section naming `reglement`, in a
/// folder of its own: the folder, the file, its text.
fn session_naming(reglement: &str) -> (tempfile::TempDir, PathBuf, String) {
    let text = std::fs::read_to_string(fixture(SC)).unwrap().replacen(
        "  numero: \"375846\"\n",
        &format!("  numero: \"375846\"\n  reglement_general: {reglement}\n"),
        1,
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("session.yaml");
    std::fs::write(&path, &text).unwrap();
    (dir, path, text)
}

/// The documents of `kinds` for the session file at `path`, both formats.
fn produce_file(path: &Path, kinds: &[Kind]) -> Vec<sessiondoc::output::Produced> {
    let (source, session) = sessiondoc::load::load(path).expect("valid session");
    let mut options = GenerateOptions::all_into(Path::new("unused"));
    options.formats = vec![Format::Pdf, Format::Docx];
    options.only = kinds.to_vec();
    generate::produce(&source, &session, &options).expect("documents produced")
}

/// The text of pages `first..=last` of a PDF.
fn pages_text(bytes: &[u8], first: usize, last: usize) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("doc.pdf");
    std::fs::write(&path, bytes).unwrap();
    let out = std::process::Command::new("pdftotext")
        .args([
            "-enc",
            "UTF-8",
            "-f",
            &first.to_string(),
            "-l",
            &last.to_string(),
        ])
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext");
    normalize(&String::from_utf8_lossy(&out.stdout))
}

/// The 1-based line of the first line of `text` holding `needle`.
fn line_of(text: &str, needle: &str) -> usize {
    text[..text.find(needle).unwrap()].matches('\n').count() + 1
}

#[test]
fn the_official_text_follows_each_convocation_and_the_posted_timetable() {
    let (dir, path, _) = session_naming("reglement.pdf");
    std::fs::write(dir.path().join("reglement.pdf"), official_text(PAGES)).unwrap();
    let kinds = [Kind::Convocation, Kind::ConvocationsLot, Kind::Affichage];
    let files = produce_file(&path, &kinds);
    let letters = pairs(&files, "convocation", None);
    assert!(letters.len() > 1, "several convocations");
    for (pdf, docx) in letters
        .iter()
        .copied()
        .chain(pairs(&files, "affichage", None))
    {
        let what = &pdf.entry.path;
        let pages = pdf_pages(&pdf.bytes);
        // The DOCX counts the document's own pages; the PDF has the
        // règlement's after them.
        assert_eq!(pages, docx.entry.pages + PAGES, "{what}: page count");
        assert_eq!(pdf.entry.pages, pages, "{what}: manifest page count");
        let own = pages_text(&pdf.bytes, 1, docx.entry.pages);
        assert!(!own.contains(OFFICIAL), "{what}: own pages");
        for n in 1..=PAGES {
            let page = docx.entry.pages + n;
            let text = pages_text(&pdf.bytes, page, page);
            assert!(
                text.contains(&format!("{OFFICIAL} {n}")),
                "{what} p. {page}: {text}"
            );
        }
        // The summary is gone, the file is named in both formats.
        let (pdf_text, docx_text) = texts((pdf, docx));
        assert_neither_contains(&pdf_text, &docx_text, "Résumé du règlement général");
        assert_both_contain(&pdf_text, &docx_text, "« reglement.pdf »");
        assert_both_contain(&pdf_text, &docx_text, "texte officiel");
    }
    // The print batch is joined from the letters: each has its règlement.
    let (lot, _) = pairs(&files, "convocations-lot", None)[0];
    let copies = pdf_text(&lot.bytes)
        .matches(&format!("{OFFICIAL} 1"))
        .count();
    assert_eq!(
        copies,
        letters.len(),
        "one règlement per letter in the batch"
    );
}

#[test]
fn the_joined_file_stays_tagged_with_the_official_pages_as_artifacts() {
    let (dir, path, _) = session_naming("reglement.pdf");
    std::fs::write(dir.path().join("reglement.pdf"), official_text(PAGES)).unwrap();
    let files = produce_file(&path, &[Kind::Affichage]);
    let (pdf, _) = pairs(&files, "affichage", None)[0];
    let doc = Document::load_mem(&pdf.bytes).unwrap();
    let catalog = doc.catalog().unwrap();
    assert!(catalog.get(b"StructTreeRoot").is_ok(), "still tagged");
    assert!(
        catalog.get(b"OutputIntents").is_ok(),
        "still an output intent"
    );
    let pages: Vec<_> = doc.get_pages().into_values().collect();
    for id in &pages[pages.len() - PAGES..] {
        let content = String::from_utf8_lossy(&doc.get_page_content(*id)).into_owned();
        assert!(
            content.trim_start().starts_with("/Artifact BMC"),
            "{content}"
        );
        assert!(content.trim_end().ends_with("EMC"), "{content}");
    }
}

#[test]
fn a_reglement_that_cannot_be_joined_is_an_error_at_its_line() {
    for (name, bytes, says) in [
        ("absent.pdf", None, "ne peut pas être lu"),
        (
            "reglement.pdf",
            Some(b"Reglement en texte".to_vec()),
            "ce n'est pas un fichier PDF",
        ),
        (
            "reglement.pdf",
            Some(b"%PDF-1.4\nplus rien".to_vec()),
            "le PDF est illisible",
        ),
    ] {
        let (dir, path, text) = session_naming(name);
        if let Some(bytes) = bytes {
            std::fs::write(dir.path().join(name), bytes).unwrap();
        }
        let line = line_of(&text, "reglement_general");
        let (code, log) = run_sessiondoc(&["check", path.to_str().unwrap()]);
        assert_eq!(code, Some(1), "{log}");
        for part in [
            format!("session.yaml:{line}:"),
            "session.reglement_general : le fichier".to_owned(),
            says.to_owned(),
        ] {
            assert!(log.contains(&part), "«{part}» in:\n{log}");
        }
        // Nor does generate produce anything.
        let out = dir.path().join("sortie");
        let (code, log) = run_sessiondoc(&[
            "generate",
            path.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
        ]);
        assert_eq!(code, Some(1), "{log}");
        assert!(!out.exists(), "nothing written: {log}");
    }
}

#[test]
fn without_the_official_text_check_warns_once_and_the_summary_says_so() {
    let (code, log) = run_sessiondoc(&["check", fixture(SC).to_str().unwrap()]);
    assert_eq!(code, Some(0), "{log}");
    assert_eq!(
        log.matches("session.reglement_general : le texte officiel")
            .count(),
        1,
        "{log}"
    );
    assert!(log.contains("reglement_general: reglement.pdf"), "{log}");
    // With the file, no such warning.
    let (dir, path, _) = session_naming("reglement.pdf");
    std::fs::write(dir.path().join("reglement.pdf"), official_text(1)).unwrap();
    let (code, log) = run_sessiondoc(&["check", path.to_str().unwrap()]);
    assert_eq!(code, Some(0), "{log}");
    assert!(!log.contains("reglement_general"), "{log}");
    // The summary is titled as one.
    let files = produce(SC, &[Kind::Affichage]);
    let (pdf, docx) = pairs(&files, "affichage", None)[0];
    let (pdf_text, docx_text) = texts((pdf, docx));
    assert_both_contain(&pdf_text, &docx_text, "Résumé du règlement général");
}
