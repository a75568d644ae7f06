//! The public list of successful candidates, read back from both formats:
//! what it must say, and what it must never say.

mod common;

use common::*;
use sessiondoc::compose::Kind;

const SC: &str = "secretaire-comptable.yaml";

#[test]
fn the_public_list_names_the_successful_candidates() {
    let files = produce(SC, &[Kind::ListeAdmis]);
    let (pdf, docx) = texts(pairs(&files, "liste-admis", None)[0]);
    for needle in [
        "Liste des candidats admis",
        "Candidats ayant obtenu le titre professionnel",
        "AMRANI Leïla",
        "CHEVALIER Camille",
        "NGUYEN Thi Hoa",
        // A partial success, with the CCPs obtained.
        "Candidats ayant obtenu une partie du titre",
        "BERNARD Lucas",
        "CP-002500 – Assurer les travaux courants de comptabilité",
    ] {
        assert_both_contain(&pdf, &docx, needle);
    }
}

#[test]
fn the_public_list_never_shows_jurors_failures_absences_or_personal_data() {
    let files = produce(SC, &[Kind::ListeAdmis]);
    let (pdf, docx) = texts(pairs(&files, "liste-admis", None)[0]);
    for secret in [
        // Jurors.
        "LEJEUNE",
        "MOREAU",
        "DUPONT",
        "HADDAD",
        // A failed candidate, an absent one.
        "DIALLO",
        "LEFÈVRE-DUMAS",
        // Identifiants, birth dates, addresses, the usage name's birth name.
        "1801008",
        "1790444",
        "17/03/1994",
        "1994",
        "allée des Tilleuls",
        "impasse du Port",
        "50700 Brix",
        "ROUSSEAU",
        // Observations of the jury.
        "consolider",
    ] {
        assert_neither_contains(&pdf, &docx, secret);
    }
}

#[test]
fn no_public_list_before_the_deliberation() {
    let files = produce("tsmi-avant-session.yaml", &[Kind::ListeAdmis]);
    assert!(files.is_empty(), "no list without results");
}
