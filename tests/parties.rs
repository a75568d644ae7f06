//! The chunks of a long document are kept as PDF files in the layout
//! cache, out of the output folder: a re-run reads back those that say the same and
//! lays out only the others, and the file it joins is the one a first run
//! makes.

use crate::common;

use std::collections::BTreeMap;
use std::path::Path;
use std::time::SystemTime;

use sessiondoc::compose::Kind;
use sessiondoc::generate::{self, Format, GenerateOptions};
use sessiondoc::output::{Manifest, PARTS};

use common::*;

/// The sign-in sheets of a 500-candidate session, PDF, into `folder`.
fn run(text: &str, folder: &Path) -> generate::Summary {
    let (source, session) = session_from(text);
    let mut options = GenerateOptions::all_into(folder);
    options.formats = vec![Format::Pdf];
    options.only = vec![Kind::Emargement];
    generate::run(&source, &session, &options).unwrap()
}

/// The chunk files, by name, with when each was last written.
fn parts(folder: &Path) -> BTreeMap<String, SystemTime> {
    assert!(!folder.join(PARTS).exists(), "no cache in the folder");
    std::fs::read_dir(sessiondoc::output::parts_dir(folder))
        .unwrap()
        .filter(|e| {
            let name = e.as_ref().unwrap().file_name();
            name != "dossier" && name != sessiondoc::file_stamps::FILE
        })
        .map(|e| {
            let e = e.unwrap();
            let written = e.metadata().unwrap().modified().unwrap();
            (e.file_name().to_string_lossy().into_owned(), written)
        })
        .collect()
}

fn manifest(folder: &Path) -> Manifest {
    serde_json::from_slice(&std::fs::read(folder.join("manifest.json")).unwrap()).unwrap()
}

#[test]
fn a_re_run_lays_out_only_the_chunks_that_changed_and_joins_the_same_file() {
    let text = sessiondoc::example::large_session(500);
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    run(&text, &out);
    let first = parts(&out);
    assert!(first.len() > 2, "{} chunks", first.len());
    // The manifest lists the chunks on the document, never as documents.
    let listed = manifest(&out);
    assert_eq!(listed.documents.len(), 1);
    let entry = &listed.documents[0];
    assert_eq!(entry.path, "emargement.pdf");
    let names: Vec<String> = entry
        .parts
        .iter()
        .map(|p| format!("{}.pdf", p.key))
        .collect();
    let mut sorted = names.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(sorted, first.keys().cloned().collect::<Vec<_>>());

    // One candidate renamed: the chunks showing that name are laid out
    // again, the others read back, untouched.
    let changed = text.replacen("nom: ROBERT100\n", "nom: ROBERT-CENT\n", 1);
    assert_ne!(changed, text);
    std::thread::sleep(std::time::Duration::from_millis(20));
    run(&changed, &out);
    let second = parts(&out);
    let kept: Vec<&String> = second
        .iter()
        .filter(|(name, written)| first.get(*name) == Some(written))
        .map(|(name, _)| name)
        .collect();
    let new = second.len() - kept.len();
    assert!(
        !kept.is_empty() && new >= 1,
        "{} kept, {new} new",
        kept.len()
    );
    assert!(
        new < second.len(),
        "{new} of {} laid out again",
        second.len()
    );
    // The chunks nothing is joined from any more are gone.
    assert!(first.keys().filter(|n| !second.contains_key(*n)).count() == new);
    let joined = std::fs::read(out.join("emargement.pdf")).unwrap();
    assert!(pdf_text(&joined).contains("ROBERT-CENT"));

    // The same file as a first run into an empty folder.
    let fresh = dir.path().join("fresh");
    run(&changed, &fresh);
    assert!(joined == std::fs::read(fresh.join("emargement.pdf")).unwrap());
}

#[test]
fn a_chunk_file_changed_since_written_is_laid_out_again() {
    let text = sessiondoc::example::large_session(500);
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    run(&text, &out);
    let expected = std::fs::read(out.join("emargement.pdf")).unwrap();
    // Every chunk file spoiled; the document itself forced to be remade.
    for name in parts(&out).keys() {
        std::fs::write(
            sessiondoc::output::parts_dir(&out).join(name),
            b"%PDF-1.7 not a chunk",
        )
        .unwrap();
    }
    std::fs::remove_file(out.join("emargement.pdf")).unwrap();
    run(&text, &out);
    assert!(expected == std::fs::read(out.join("emargement.pdf")).unwrap());
    for name in parts(&out).keys() {
        let bytes = std::fs::read(sessiondoc::output::parts_dir(&out).join(name)).unwrap();
        assert!(bytes.len() > 1000, "{name} written again");
    }
}

#[test]
fn the_cache_of_a_folder_that_is_gone_goes_at_the_next_run() {
    let text = sessiondoc::example::large_session(120);
    let dir = tempfile::tempdir().unwrap();
    let (gone, kept) = (dir.path().join("ancien"), dir.path().join("actuel"));
    run(&text, &gone);
    let gone_cache = sessiondoc::output::parts_dir(&gone);
    assert!(
        gone_cache.join("dossier").exists(),
        "the cache names its folder"
    );
    std::fs::remove_dir_all(&gone).unwrap();
    run(&text, &kept);
    assert!(!gone_cache.exists(), "the deleted folder's cache stays");
    assert!(sessiondoc::output::parts_dir(&kept).is_dir());
}
