//! The DOCX as a centre's office sees it: valid against the Open XML
//! schemas (openxml-audit, as Word's own SDK checks), and laid out by
//! LibreOffice on as many pages as the PDF, with every word of the PDF.
//!
//! Needs `openxml-audit` (pip) and `soffice` (LibreOffice), as CI installs.

mod common;

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

use common::*;
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
    let out = Command::new("openxml-audit")
        .args(["-r", "-f", "office2019", "-o", "json", "-m", "0"])
        .arg(dir.path())
        .output()
        .expect("openxml-audit is installed (pip install openxml-audit)");
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

/// Each page's text, by pdftotext (pages end with a form feed).
fn page_texts(pdf: &Path) -> Vec<String> {
    let out = Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext is installed (poppler-utils)");
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    let mut pages: Vec<String> = text.split('\x0c').map(str::to_owned).collect();
    pages.pop();
    pages
}

fn words(pages: &[String]) -> BTreeSet<String> {
    pages
        .iter()
        .flat_map(|p| p.split(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
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
            let status = Command::new("soffice")
                .arg(format!(
                    "-env:UserInstallation=file://{}",
                    dir.path().join("profile").display()
                ))
                .args(["--headless", "--convert-to", "pdf", "--outdir"])
                .arg(converted.join(name).join(folder))
                .args(&batch)
                .output()
                .expect("LibreOffice is installed (soffice)");
            assert!(status.status.success(), "soffice failed");
        }
        for f in docx {
            let ours = page_texts(&root.join(f.entry.path.replace(".docx", ".pdf")));
            let theirs = page_texts(
                &converted
                    .join(name)
                    .join(f.entry.path.replace(".docx", ".pdf")),
            );
            // A print batch pads each letter to a recto with a blank page
            // (no footer) that LibreOffice leaves out.
            let padding = if f.entry.kind == "convocations-lot" {
                ours.iter().filter(|p| !p.contains("page ")).count()
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
            // Lines break at other places: a word cut by a hyphen at the
            // end of a line is looked up in the text without separators.
            let squeezed: String = theirs
                .concat()
                .chars()
                .filter(|c| c.is_alphanumeric())
                .collect();
            let missing: Vec<String> = words(&ours)
                .into_iter()
                .filter(|w| !squeezed.contains(w.as_str()))
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
