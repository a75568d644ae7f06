//! The test suite, one crate: each module is one concern (a document kind,
//! a command, the rules of `check`…), in `tests/<concern>.rs`, with the
//! helpers of `tests/common`. One crate links the library once, where one
//! crate per file linked it once per file.

mod common;

mod affichage;
mod article;
mod attestation;
mod calendrier;
mod changements;
mod commandes;
mod composers;
mod convocation;
mod desistement;
mod docx_seul;
mod docx_valid;
mod dossier;
mod emargement;
mod envoi;
mod fidelite;
mod formulaires;
mod fraude;
mod hostile;
mod importer;
mod importer_centres;
mod importer_lists;
mod importer_session;
mod lettre_validation;
mod liste_admis;
mod livrets;
mod lot;
mod mise_en_page;
mod mutations;
mod navigateur;
mod noms;
mod page_program;
mod pagination;
mod parties;
mod planifier;
mod planifier_refus;
mod planifier_sessions;
mod print_batch;
mod pv;
mod rectificatives;
mod reglement;
mod reliability;
mod responsable;
mod resultats;
mod rules;
mod saison;
mod same_text;
mod schema;
mod signatures;
mod tester;
mod web;
mod wording;

/// Every file of `tests/` is declared above: Cargo no longer finds test
/// files by itself (`autotests = false`), so a file left out would never run.
#[test]
fn every_test_file_is_a_module_of_the_suite() {
    let root = include_str!("tests.rs");
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let mut missing = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let Some(stem) = path.file_stem().and_then(|s| s.to_str()) else {
            continue;
        };
        let is_module = path.extension().is_some_and(|e| e == "rs") && stem != "tests";
        if is_module && !root.lines().any(|l| l == format!("mod {stem};")) {
            missing.push(stem.to_owned());
        }
    }
    assert!(
        missing.is_empty(),
        "tests/tests.rs must declare: {missing:?}"
    );
}
