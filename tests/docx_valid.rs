//! The DOCX as a centre's office sees it: valid against the Open XML
//! schemas (openxml-audit, as Word's own SDK checks), and laid out by
//! LibreOffice on as many pages as the PDF, with every word of the PDF.
//!
//! Needs `openxml-audit` and
//! `soffice` (LibreOffice), which `scripts/tester` installs.

use crate::common;

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

use common::*;
use sessiondoc::compose::Kind;
use sessiondoc::generate::{self, Format, GenerateOptions};
use sessiondoc::output::Produced;

/// The reference sessions, and one with 8 CCPs, long names and 3 days.
const SESSIONS: &[&str] = &[
    "secretaire-comptable.yaml",
    "tsmi-avant-session.yaml",
    "ccp-paie-fraude.yaml",
    "injection-balisage.yaml",
    "huit-ccp-trois-jours.yaml",
];

/// Validator findings that are not errors in the transitional schema Word
/// reads, each with its reason. None so far.
const FALSE_POSITIVES: &[(&str, &str)] = &[];

/// Writes every document of a session into `dir`, as `generate` would.
fn write_session(name: &str, dir: &Path) -> Vec<Produced> {
    let files = produce(name, &[]);
    for f in &files {
        let path = dir.join(&f.entry.path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &f.bytes).unwrap();
    }
    files
}

#[test]
fn every_docx_is_valid_open_xml() {
    let dir = tempfile::tempdir().unwrap();
    let mut count = 0;
    for name in SESSIONS {
        let files = write_session(name, &dir.path().join(name));
        count += files.iter().filter(|f| f.entry.format == "docx").count();
    }
    let out = Command::new("python3")
        .args([
            "-m",
            "openxml_audit",
            "-r",
            "-f",
            "office2019",
            "-o",
            "json",
            "-m",
            "0",
        ])
        .arg(dir.path())
        .output()
        .expect("python3 runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        !stderr.contains("No module named"),
        "openxml-audit is installed (scripts/tester installs it): {stderr}"
    );
    let reports: Vec<serde_json::Value> =
        serde_json::from_slice(&out.stdout).expect("openxml-audit prints JSON");
    assert_eq!(reports.len(), count, "every DOCX validated");
    let mut errors = Vec::new();
    for report in &reports {
        for e in report["errors"].as_array().into_iter().flatten() {
            let description = e["description"].as_str().unwrap_or_default();
            if FALSE_POSITIVES.iter().any(|(d, _)| description.contains(d)) {
                continue;
            }
            errors.push(format!(
                "{} {} {}: {description}",
                report["file"], e["part_uri"], e["path"]
            ));
        }
    }
    assert!(
        errors.is_empty(),
        "{} errors:\n{}",
        errors.len(),
        errors.join("\n")
    );
}

/// The letters-and-digits tokens of the pages' words.
fn tokens(pages: &[Vec<Word>]) -> BTreeSet<String> {
    pages
        .iter()
        .flatten()
        .flat_map(|w| w.text.split(|c: char| !c.is_alphanumeric()))
        .filter(|t| !t.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Pairs of words drawn over each other on a page (text that runs over its
/// neighbour).
fn overlaps(pages: &[Vec<Word>]) -> Vec<String> {
    let mut found = Vec::new();
    for (n, words) in pages.iter().enumerate() {
        for (i, a) in words.iter().enumerate() {
            for b in &words[i + 1..] {
                let dx = a.x1.min(b.x1) - a.x0.max(b.x0);
                let dy = a.y1.min(b.y1) - a.y0.max(b.y0);
                if dx > 1.0 && dy > 1.0 {
                    found.push(format!("page {}: «{}» over «{}»", n + 1, a.text, b.text));
                }
            }
        }
    }
    found
}

/// The tokens of a text.
fn tokens_of(text: &str) -> BTreeSet<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
        .map(str::to_owned)
        .collect()
}

#[test]
fn no_text_runs_over_its_neighbour_in_any_pdf() {
    let dir = tempfile::tempdir().unwrap();
    let mut problems = Vec::new();
    for name in SESSIONS {
        let text = std::fs::read_to_string(fixture(name)).unwrap();
        let (source, session) = session_from(&text);
        let mut options = GenerateOptions::all_into(Path::new("unused"));
        options.formats = vec![Format::Pdf];
        let composition = generate::compose(&source, &session, &options).unwrap();
        let files = generate::render_all(
            &composition,
            &generate::Kept::default(),
            &options.formats,
            false,
            Ok,
        )
        .unwrap();
        for composed in &composition.documents {
            let path = composed.path("pdf");
            let Some(file) = files.iter().find(|f| f.entry.path == path) else {
                panic!("{path} produced");
            };
            let pdf = dir.path().join("doc.pdf");
            std::fs::write(&pdf, &file.bytes).unwrap();
            let pages = pdf_words_of_file(&pdf);
            for o in overlaps(&pages) {
                problems.push(format!("{name} {path}: {o}"));
            }
            // Text that runs into its neighbour reads as one fused word.
            let doc = &composed.document;
            let said = tokens_of(&format!(
                "{}\n{}\n{}\n{}",
                doc.plain_text(),
                doc.header.join("\n"),
                doc.footer,
                doc.page_label
            ));
            let fused: Vec<String> = tokens(&pages)
                .into_iter()
                .filter(|t| !said.contains(t) && !t.chars().all(|c| c.is_ascii_digit()))
                .collect();
            if !fused.is_empty() {
                problems.push(format!(
                    "{name} {path}: words the document does not say {fused:?}"
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn libreoffice_shows_the_pages_and_words_of_the_pdf() {
    let dir = tempfile::tempdir().unwrap();
    let converted = dir.path().join("libreoffice");
    let mut mismatches = Vec::new();
    let mut compared = 0;
    for name in ["secretaire-comptable.yaml", "huit-ccp-trois-jours.yaml"] {
        let root = dir.path().join(name);
        let files = write_session(name, &root);
        let docx: Vec<&Produced> = files.iter().filter(|f| f.entry.format == "docx").collect();
        let mut folders: Vec<&str> = docx
            .iter()
            .map(|f| f.entry.path.rsplit_once('/').map_or("", |(d, _)| d))
            .collect();
        folders.dedup();
        for folder in folders {
            let batch: Vec<_> = docx
                .iter()
                .filter(|f| f.entry.path.rsplit_once('/').map_or("", |(d, _)| d) == folder)
                .map(|f| root.join(&f.entry.path))
                .collect();
            libreoffice_to_pdf(
                &batch,
                &converted.join(name).join(folder),
                &dir.path().join("profile"),
            );
        }
        for f in docx {
            let ours = pdf_words_of_file(&root.join(f.entry.path.replace(".docx", ".pdf")));
            let theirs = pdf_words_of_file(
                &converted
                    .join(name)
                    .join(f.entry.path.replace(".docx", ".pdf")),
            );
            // A print batch pads each letter to a recto with a blank page
            // (no footer) that LibreOffice leaves out.
            let padding = if f.entry.kind == Kind::ConvocationsLot {
                ours.iter()
                    .filter(|p| !p.iter().any(|w| w.text == "page"))
                    .count()
            } else {
                0
            };
            if ours.len() - padding != theirs.len() {
                mismatches.push(format!(
                    "{name} {}: {} pages in the PDF, {} in LibreOffice",
                    f.entry.path,
                    ours.len() - padding,
                    theirs.len()
                ));
            }
            // Every word of the PDF, and none cut inside a cell.
            let missing: Vec<String> = tokens(&ours)
                .difference(&tokens(&theirs))
                .cloned()
                .collect();
            if !missing.is_empty() {
                mismatches.push(format!("{name} {}: missing {missing:?}", f.entry.path));
            }
            compared += 1;
        }
    }
    assert!(compared > 60, "{compared} documents compared");
    assert!(mismatches.is_empty(), "{}", mismatches.join("\n"));
}
