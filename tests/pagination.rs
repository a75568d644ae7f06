//! « page x / n » in the DOCX of several sections, as LibreOffice shows
//! it: each section (a letter of a print batch, a day of the posted
//! timetable, a juror's pack) numbers its pages from 1 and gives its own
//! number of pages, as the PDF does.

use crate::common;

use std::process::Command;

use common::*;
use sessiondoc::compose::Kind;
use sessiondoc::output::Produced;

/// The « page x / n » of each page of a PDF file that has one, in order.
fn footers_of_file(pdf: &std::path::Path) -> Vec<String> {
    let out = Command::new("pdftotext")
        .args(["-enc", "UTF-8", "-layout"])
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext is installed");
    String::from_utf8_lossy(&out.stdout)
        .split('\u{c}')
        .filter_map(|page| page_number(&normalize(page)))
        .collect()
}

/// The last « page x / n » or « page x » of a page's text.
fn page_number(text: &str) -> Option<String> {
    let at = text.rfind("page ")?;
    let digits = |s: &str| {
        s.chars()
            .take_while(char::is_ascii_digit)
            .collect::<String>()
    };
    let rest = &text[at + 5..];
    let x = digits(rest);
    if x.is_empty() {
        return None;
    }
    let after = &rest[x.len()..];
    Some(match after.strip_prefix(" / ").map(digits) {
        Some(n) if !n.is_empty() => format!("page {x} / {n}"),
        _ => format!("page {x}"),
    })
}

/// The footers of our PDF and of LibreOffice's PDF of our DOCX.
fn both_footers(pair: (&Produced, &Produced)) -> (Vec<String>, Vec<String>) {
    let dir = tempfile::tempdir().unwrap();
    let ours = dir.path().join("ours.pdf");
    std::fs::write(&ours, &pair.0.bytes).unwrap();
    let docx = dir.path().join("doc.docx");
    std::fs::write(&docx, &pair.1.bytes).unwrap();
    let out = dir.path().join("out");
    libreoffice_to_pdf(&[docx], &out, &dir.path().join("profile"));
    (
        footers_of_file(&ours),
        footers_of_file(&out.join("doc.pdf")),
    )
}

#[test]
fn libreoffice_numbers_the_pages_of_each_section_as_the_pdf() {
    let print_batch = produce("secretaire-comptable.yaml", &[Kind::ConvocationsLot]);
    let packs = produce("secretaire-comptable.yaml", &[Kind::LivretJure]);
    let posted = produce("tsmi-avant-session.yaml", &[Kind::Affichage]);
    let cases = [
        pairs(&print_batch, "convocations-lot", None)[0],
        pairs(&packs, "livret-jure", None)[0],
        pairs(&posted, "affichage", None)[0],
    ];
    for pair in cases {
        let path = &pair.0.entry.path;
        let (ours, libreoffice) = both_footers(pair);
        assert!(
            ours.iter().filter(|f| f.as_str() == "page 1 / 1").count() < ours.len(),
            "{path}: a section of several pages: {ours:?}"
        );
        assert!(ours.iter().all(|f| f.contains(" / ")), "{path}: {ours:?}");
        assert_eq!(libreoffice, ours, "{path}: LibreOffice's footers");
    }
}

#[test]
fn the_posted_timetable_numbers_each_day_in_libreoffice() {
    // TSMI's second day takes two sheets; the summary of the règlement
    // follows on a page of its own.
    let posted = produce("tsmi-avant-session.yaml", &[Kind::Affichage]);
    let (_, libreoffice) = both_footers(pairs(&posted, "affichage", None)[0]);
    assert_eq!(
        libreoffice,
        ["page 1 / 1", "page 1 / 2", "page 2 / 2", "page 1 / 1"]
    );
}

#[test]
fn a_juror_pack_of_a_large_session_has_the_pdf_s_pages_in_libreoffice() {
    // At 60 candidates a juror's timetable fills its first page: a cell
    // left empty (no candidate in a slot of the whole jury) must be no
    // taller in LibreOffice than in the PDF.
    let text = sessiondoc::example::large_session(60);
    let files = produce_text(&text, &[Kind::LivretJure]);
    let (pdf, docx) = pairs(&files, "livret-jure", None)[0];
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("doc.docx");
    std::fs::write(&path, &docx.bytes).unwrap();
    let out = dir.path().join("out");
    libreoffice_to_pdf(&[path], &out, &dir.path().join("profile"));
    let libreoffice = std::fs::read(out.join("doc.pdf")).unwrap();
    assert_eq!(pdf_pages(&libreoffice), pdf_pages(&pdf.bytes));
}
