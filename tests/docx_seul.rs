//! A DOCX-only run (`--format docx`) lays nothing out that it can take
//! from elsewhere: a DOCX needs no page count, only the manifest does.
//! Each count is taken from a current file of the same document in the
//! output folder, else from the document laid out alone; the print batch's
//! is summed from its letters', never from the batch laid out whole.

use crate::common;

use std::collections::BTreeMap;
use std::path::Path;

use common::fixture;

const SC: &str = "secretaire-comptable.yaml";

/// Runs `generate` on the fixture with the run's statistics; how many
/// documents Typst laid out.
fn generate(out: &Path, extra: &[&str]) -> usize {
    generate_session(&fixture(SC), out, extra)
}

/// Runs `generate` on a session file with the run's statistics; how many
/// documents Typst laid out.
fn generate_session(session: &Path, out: &Path, extra: &[&str]) -> usize {
    let exe = Path::new(env!("CARGO_BIN_EXE_sessiondoc"));
    let run = sessiondoc::bench::generate_with_stats(exe, session, out, extra)
        .output()
        .expect("binary runs");
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(run.status.success(), "{stderr}");
    sessiondoc::bench::stat(&stderr, "layouts")
        .unwrap_or_else(|| panic!("no layout count in « {stderr} »")) as usize
}

/// The manifest's entries of one format: path → (pages, sha256).
fn entries(out: &Path, format: &str) -> BTreeMap<String, (u64, String)> {
    let text = std::fs::read_to_string(out.join("manifest.json")).unwrap();
    let manifest: serde_json::Value = serde_json::from_str(&text).unwrap();
    manifest["documents"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["format"] == format)
        .map(|e| {
            let path = e["path"].as_str().unwrap().to_owned();
            let pages = e["pages"].as_u64().unwrap();
            (path, (pages, e["sha256"].as_str().unwrap().to_owned()))
        })
        .collect()
}

/// Both formats into a folder of its own: the reference counts.
fn full_run(dir: &Path) -> std::path::PathBuf {
    let full = dir.join("complet");
    generate(&full, &[]);
    full
}

/// A session of 60 candidates, written into `dir`.
fn sixty(dir: &Path) -> std::path::PathBuf {
    let path = dir.join("soixante.yaml");
    std::fs::write(&path, sessiondoc::example::large_session(60)).unwrap();
    path
}

#[test]
fn a_docx_only_batch_is_summed_from_its_letters_laid_out_a_few_at_a_time() {
    let dir = tempfile::tempdir().unwrap();
    let session = sixty(dir.path());
    let full = dir.path().join("complet");
    generate_session(&session, &full, &[]);
    let out = dir.path().join("lot");
    let args = ["--format", "docx", "--only", "convocations-lot"];
    let layouts = generate_session(&session, &out, &args);
    assert_eq!(layouts, 3, "60 letters 25 at a time, not the batch whole");
    let batch = &entries(&out, "docx")["convocations-lot.docx"];
    let joined = &entries(&full, "pdf")["convocations-lot.pdf"];
    assert_eq!(
        batch.0, joined.0,
        "the joined PDF's pages, blank rectos included"
    );
    assert_eq!(batch, &entries(&full, "docx")["convocations-lot.docx"]);
}

#[test]
fn a_docx_only_run_lays_each_document_out_once_and_never_the_batch() {
    let dir = tempfile::tempdir().unwrap();
    let full = full_run(dir.path());
    let out = dir.path().join("docx");
    let layouts = generate(&out, &["--format", "docx"]);
    let docx = entries(&out, "docx");
    assert_eq!(layouts, docx.len() - 1, "every document but the batch");
    assert_eq!(
        docx,
        entries(&full, "docx"),
        "the same files, the same counts"
    );
}

#[test]
fn a_docx_only_run_takes_its_counts_from_the_current_pdfs() {
    let dir = tempfile::tempdir().unwrap();
    let out = full_run(dir.path());
    let before = entries(&out, "docx");
    let layouts = generate(&out, &["--format", "docx", "--force"]);
    assert_eq!(
        layouts, 0,
        "every count from a PDF the manifest says is current"
    );
    assert_eq!(entries(&out, "docx"), before);
}

#[test]
fn a_pdf_changed_since_written_gives_no_count() {
    let dir = tempfile::tempdir().unwrap();
    let session = sixty(dir.path());
    let out = dir.path().join("complet");
    generate_session(&session, &out, &[]);
    let before = entries(&out, "docx");
    // Two letters' PDFs edited by hand, and their DOCX gone: each is laid
    // out alone, the 58 others' counts taken from their files.
    for id in ["c00007", "c00050"] {
        let letter = out.join(format!("convocations/convocation-{id}.pdf"));
        let mut bytes = std::fs::read(&letter).unwrap();
        bytes.extend_from_slice(b"\n% edited\n");
        std::fs::write(&letter, bytes).unwrap();
        std::fs::remove_file(out.join(format!("convocations/convocation-{id}.docx"))).unwrap();
    }
    let args = ["--format", "docx", "--only", "convocations-lot", "--force"];
    let layouts = generate_session(&session, &out, &args);
    assert_eq!(layouts, 2, "the two edited letters, each alone");
    let after = entries(&out, "docx");
    assert_eq!(
        after["convocations-lot.docx"],
        before["convocations-lot.docx"]
    );
}
