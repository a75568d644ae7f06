//! The output folder holds exactly the current documents: files of the
//! previous manifest no longer produced are removed (or, edited by hand,
//! kept and named), and a restricted run touches nothing outside its scope.

use crate::common;

use std::path::Path;

use common::fixture;
use common::run_sessiondoc as run;

const SC: &str = "secretaire-comptable.yaml";

fn original() -> String {
    std::fs::read_to_string(fixture(SC)).unwrap()
}

/// The fixture without M. LEFÈVRE-DUMAS and his slots.
fn lefevre_withdrawn() -> String {
    let text = original();
    let start = text.find("  - id: lefevre").unwrap();
    let end = text.find("planning:\n").unwrap();
    let text = format!("{}{}", &text[..start], &text[end..]);
    let (head, planning) = text.split_once("planning:\n").unwrap();
    let mut entries = planning.split("\n  - date:");
    let mut out = format!("{head}planning:\n{}", entries.next().unwrap());
    for entry in entries.filter(|e| !e.contains("candidats: [lefevre]")) {
        out.push_str("\n  - date:");
        out.push_str(entry);
    }
    out
}

/// Generates `text` into `out` with `extra` arguments; the log.
fn generate(dir: &Path, text: &str, extra: &[&str]) -> String {
    let path = dir.join("session.yaml");
    std::fs::write(&path, text).unwrap();
    let out = dir.join("out");
    let mut args = vec![
        "generate",
        path.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ];
    args.extend(extra);
    let (code, log) = run(&args);
    assert_eq!(code, Some(0), "{log}");
    log
}

/// The paths the manifest lists.
fn listed(out: &Path) -> Vec<String> {
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("manifest.json")).unwrap()).unwrap();
    manifest["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["path"].as_str().unwrap().to_owned())
        .collect()
}

/// Every file under a folder, relative to it.
fn files(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push(p.strip_prefix(dir).unwrap().display().to_string());
            }
        }
    }
    out.sort();
    out
}

#[test]
fn a_withdrawn_candidates_documents_leave_the_folder() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    generate(dir.path(), &original(), &[]);
    assert!(out.join("convocations/convocation-lefevre.pdf").exists());
    let log = generate(dir.path(), &lefevre_withdrawn(), &[]);
    assert!(
        log.contains("6 fichier(s) de documents qui ne sont plus produits retiré(s)"),
        "{log}"
    );
    let now = files(&out);
    assert!(!now.iter().any(|f| f.contains("lefevre")), "{now:?}");
    // The folder holds exactly what the manifest lists, and its table of
    // contents.
    let mut expected = listed(&out);
    expected.push("manifest.json".to_owned());
    expected.push("index.html".to_owned());
    expected.sort();
    assert_eq!(now, expected);
}

#[test]
fn a_file_edited_by_hand_stays_and_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    generate(dir.path(), &original(), &[]);
    let edited = out.join("pv-individuels/pv-individuel-lefevre.docx");
    let mut bytes = std::fs::read(&edited).unwrap();
    bytes.extend_from_slice(b"edited");
    std::fs::write(&edited, &bytes).unwrap();
    let log = generate(dir.path(), &lefevre_withdrawn(), &[]);
    assert!(
        log.contains("5 fichier(s) de documents qui ne sont plus produits retiré(s)"),
        "{log}"
    );
    assert!(
        log.contains("1 fichier(s) de documents qui ne sont plus produits, modifiés à la main depuis leur production, laissés en place"),
        "{log}"
    );
    assert!(
        log.contains("pv-individuels/pv-individuel-lefevre.docx"),
        "{log}"
    );
    assert_eq!(std::fs::read(&edited).unwrap(), bytes);
    assert!(
        !out.join("pv-individuels/pv-individuel-lefevre.pdf")
            .exists()
    );
}

#[test]
fn a_replaced_jurors_pack_leaves_the_folder() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    generate(dir.path(), &original(), &[]);
    assert!(out.join("livrets-jures/livret-jure-dupont.pdf").exists());
    let after = original()
        .replace(
            "  - id: dupont\n    civilite: M.\n    nom: DUPONT\n    prenom: Olivier",
            "  - id: roux\n    civilite: Mme\n    nom: ROUX\n    prenom: Hélène",
        )
        .replace("[dupont, haddad]", "[roux, haddad]");
    generate(dir.path(), &after, &[]);
    assert!(!out.join("livrets-jures/livret-jure-dupont.pdf").exists());
    assert!(!out.join("livrets-jures/livret-jure-dupont.docx").exists());
    assert!(out.join("livrets-jures/livret-jure-roux.pdf").exists());
}

#[test]
fn a_restricted_run_removes_nothing_outside_what_it_was_asked() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    generate(dir.path(), &original(), &[]);
    // Only the convocations, in PDF: the PDF letter goes, nothing else.
    let log = generate(
        dir.path(),
        &lefevre_withdrawn(),
        &["--only", "convocation", "--format", "pdf"],
    );
    assert!(
        log.contains("1 fichier(s) de documents qui ne sont plus produits retiré(s)"),
        "{log}"
    );
    assert!(!out.join("convocations/convocation-lefevre.pdf").exists());
    for kept in [
        "convocations/convocation-lefevre.docx",
        "pv-individuels/pv-individuel-lefevre.pdf",
        "pv-individuels/pv-individuel-lefevre.docx",
    ] {
        assert!(out.join(kept).exists(), "{kept}");
        assert!(
            listed(&out).contains(&kept.to_owned()),
            "{kept} no longer listed"
        );
    }
    // One candidate's documents: nobody else's go.
    let log = generate(dir.path(), &lefevre_withdrawn(), &["--candidat", "amrani"]);
    assert!(!log.contains("retiré"), "{log}");
    assert!(
        out.join("pv-individuels/pv-individuel-lefevre.pdf")
            .exists()
    );
    // A full run then cleans up the rest.
    generate(dir.path(), &lefevre_withdrawn(), &[]);
    assert!(!files(&out).iter().any(|f| f.contains("lefevre")));
}

#[test]
fn a_restricted_run_keeps_the_other_files_in_the_manifest() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    generate(dir.path(), &original(), &[]);
    let all = listed(&out);
    generate(
        dir.path(),
        &original(),
        &["--only", "pv-session", "--format", "pdf"],
    );
    assert_eq!(listed(&out), all);
    // So that a full run afterwards keeps every file instead of refusing them.
    let log = generate(dir.path(), &original(), &[]);
    assert!(log.contains("inchangés gardés tels quels"), "{log}");
}

#[test]
fn a_file_edited_in_place_with_its_size_and_date_kept_is_still_seen_as_edited() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    generate(dir.path(), &original(), &[]);
    // The next run does not read the files whose size, dates and inode are
    // those recorded; this one keeps its size, its inode and its date.
    let edited = out.join("pv-individuels/pv-individuel-lefevre.docx");
    let modified = std::fs::metadata(&edited).unwrap().modified().unwrap();
    let mut bytes = std::fs::read(&edited).unwrap();
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0xff;
    {
        use std::io::{Seek, SeekFrom, Write};
        let mut file = std::fs::OpenOptions::new()
            .write(true)
            .open(&edited)
            .unwrap();
        file.seek(SeekFrom::Start(middle as u64)).unwrap();
        file.write_all(&bytes[middle..=middle]).unwrap();
        file.set_modified(modified).unwrap();
    }
    assert_eq!(
        std::fs::metadata(&edited).unwrap().modified().unwrap(),
        modified
    );
    let log = generate(dir.path(), &original(), &[]);
    assert!(
        log.lines()
            .any(|l| l.contains("pv-individuels/pv-individuel-lefevre.docx")
                && l.contains("modifié à la main depuis sa production, gardé tel quel")),
        "{log}"
    );
    assert_eq!(std::fs::read(&edited).unwrap(), bytes);
}
