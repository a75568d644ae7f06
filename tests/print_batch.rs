//! The print batch of convocations, joined from the letters' own PDF files:
//! what it is made of, what it claims to be, and how a re-run makes it.

use crate::common;

use std::path::Path;
use std::process::Command;

use common::*;

const SC: &str = "secretaire-comptable.yaml";

fn generate_into(session: &Path, out: &Path) {
    let (code, stderr) = run_sessiondoc(&[
        "generate",
        session.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, Some(0), "{stderr}");
}

/// The file's objects as qpdf writes them uncompressed, as text.
fn uncompressed(pdf: &Path) -> String {
    let plain = pdf.with_extension("qdf.pdf");
    let status = Command::new("qpdf")
        .args(["--qdf", "--object-streams=disable"])
        .arg(pdf)
        .arg(&plain)
        .status()
        .unwrap();
    assert!(status.success());
    String::from_utf8_lossy(&std::fs::read(plain).unwrap()).into_owned()
}

#[test]
fn the_batch_claims_pdf_a_2b_and_keeps_its_rules() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    generate_into(&fixture(SC), &out);
    let lot = out.join("convocations-lot.pdf");
    let raw = uncompressed(&lot);
    // One output intent (the letters' sRGB), once.
    assert_eq!(
        raw.matches("/OutputIntents").count(),
        1,
        "one output intent"
    );
    assert_eq!(raw.matches("/S /GTS_PDFA1").count(), 1);
    // Its own XMP: PDF/A-2b, with the title and dates of its information.
    assert!(raw.contains("<pdfaid:part>2</pdfaid:part>"));
    assert!(raw.contains("<pdfaid:conformance>B</pdfaid:conformance>"));
    assert_eq!(raw.matches("<x:xmpmeta").count(), 1, "one XMP packet");
    assert!(
        raw.contains("<rdf:li xml:lang=\"x-default\">Convocations — session n° 375846</rdf:li>")
    );
    assert!(raw.contains("<xmp:CreateDate>2027-01-11T00:00:00Z</xmp:CreateDate>"));
    assert!(raw.contains("/CreationDate (D:20270111000000Z)"));
    let info = Command::new("pdfinfo").arg(&lot).output().unwrap();
    let info = String::from_utf8_lossy(&info.stdout);
    assert!(info.contains("Convocations — session n° 375846"), "{info}");
    // No structure tree, and nothing pointing into one.
    for key in [
        "/StructTreeRoot",
        "/StructParents",
        "/StructParent ",
        "/ParentTree",
    ] {
        assert!(!raw.contains(key), "no {key} in the batch");
    }
    // Every font embedded.
    let fonts = Command::new("pdffonts").arg(&lot).output().unwrap();
    let fonts = String::from_utf8_lossy(&fonts.stdout);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(!rows.is_empty());
    for row in rows {
        let columns: Vec<&str> = row.split_whitespace().collect();
        let emb = columns[columns.len() - 5];
        assert_eq!(emb, "yes", "font not embedded: {row}");
    }
    let check = Command::new("qpdf")
        .arg("--check")
        .arg(&lot)
        .output()
        .unwrap();
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stdout)
    );
}

#[test]
fn a_rerun_joins_the_kept_letters_into_the_same_batch() {
    let dir = tempfile::tempdir().unwrap();
    let session = dir.path().join("session.yaml");
    let text = std::fs::read_to_string(fixture(SC)).unwrap();
    std::fs::write(&session, &text).unwrap();
    let out = dir.path().join("out");
    generate_into(&session, &out);
    // One slot renamed: one letter redone, the others read back.
    let changed = text.replacen(
        "    nature: entretien_final\n    intitule: Entretien final\n",
        "    nature: entretien_final\n    intitule: Entretien final avec le jury\n",
        1,
    );
    assert_ne!(changed, text);
    std::fs::write(&session, &changed).unwrap();
    generate_into(&session, &out);
    // The same batch as a run from nothing on the changed session.
    let fresh = dir.path().join("fresh");
    generate_into(&session, &fresh);
    let again = std::fs::read(out.join("convocations-lot.pdf")).unwrap();
    let whole = std::fs::read(fresh.join("convocations-lot.pdf")).unwrap();
    assert!(again == whole, "the re-run's batch is the fresh run's");
    let batch = pdf_text(&again);
    assert!(batch.contains("Entretien final avec le jury"));
    assert!(!batch.contains("Entretien final\n"));
}

#[test]
fn a_kept_letter_edited_behind_the_manifest_is_not_joined() {
    let dir = tempfile::tempdir().unwrap();
    let session = dir.path().join("session.yaml");
    let text = std::fs::read_to_string(fixture(SC)).unwrap();
    std::fs::write(&session, &text).unwrap();
    let out = dir.path().join("out");
    generate_into(&session, &out);
    // Someone edits a letter: it is no longer the one the manifest lists,
    // so it is laid out again, not joined as it is now.
    let letter = out.join("convocations/convocation-bernard.pdf");
    let mut bytes = std::fs::read(&letter).unwrap();
    bytes.extend_from_slice(b"\n% edited\n");
    std::fs::write(&letter, &bytes).unwrap();
    std::fs::write(
        &session,
        text.replacen("Entretien final\n", "Entretien final oral\n", 1),
    )
    .unwrap();
    let (code, stderr) = run_sessiondoc(&[
        "generate",
        session.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    // The edited letter would be replaced: refused, the folder as it was.
    assert_ne!(code, Some(0));
    assert!(stderr.contains("convocation-bernard.pdf"), "{stderr}");
    assert_eq!(std::fs::read(&letter).unwrap(), bytes);
}
