//! The public list of successful candidates, read back from both formats:
//! what it must say, and what it must never say.

use crate::common;

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

const DRAFT: &str = "PROJET — NE PAS AFFICHER avant la validation de la session par la DDETS";

#[test]
fn the_public_list_is_a_draft_until_the_ddets_has_validated_the_session() {
    let files = produce(SC, &[Kind::ListeAdmis]);
    let (pdf, docx) = texts(pairs(&files, "liste-admis", None)[0]);
    assert_both_contain(&pdf, &docx, DRAFT);
    // Above everything else, where whoever posts it reads first.
    assert!(
        pdf.find("PROJET") < pdf.find("Liste des candidats admis"),
        "{pdf}"
    );
    assert!(
        docx.find("PROJET") < docx.find("Liste des candidats admis"),
        "{docx}"
    );
}

#[test]
fn once_validated_the_public_list_is_final_and_dated() {
    let text = std::fs::read_to_string(fixture(SC)).unwrap().replacen(
        "  nature: titre\n",
        "  nature: titre\n  validation_ddets: 2027-02-01\n",
        1,
    );
    let files = produce_text(&text, &[Kind::ListeAdmis]);
    let (pdf, docx) = texts(pairs(&files, "liste-admis", None)[0]);
    assert_neither_contains(&pdf, &docx, "PROJET");
    assert_neither_contains(&pdf, &docx, "NE PAS AFFICHER");
    assert_both_contain(
        &pdf,
        &docx,
        "Liste affichée après validation de la session par les services de l'État le 1er février 2027.",
    );
    assert_both_contain(&pdf, &docx, "AMRANI Leïla");
}

#[test]
fn generate_says_once_that_the_list_is_a_draft() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("sortie");
    let (code, err) = run_sessiondoc(&[
        "generate",
        fixture(SC).to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--only",
        "liste-admis",
        "--format",
        "pdf",
    ]);
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(
        err.matches("La liste des admis est un projet : ne l'affichez pas avant que la DDETS ait validé la session")
            .count(),
        1,
        "{err}"
    );
    // Not said of a run that does not produce it.
    let (code, err) = run_sessiondoc(&[
        "generate",
        fixture(SC).to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--only",
        "echeancier",
        "--format",
        "pdf",
    ]);
    assert_eq!(code, Some(0), "{err}");
    assert!(!err.contains("projet"), "{err}");
}

#[test]
fn a_validation_before_the_end_of_the_session_is_an_error() {
    let text = std::fs::read_to_string(fixture(SC)).unwrap().replacen(
        "  nature: titre\n",
        "  nature: titre\n  validation_ddets: 2027-01-05\n",
        1,
    );
    let (_, session) = session_from(&text);
    let found = sessiondoc::check::check(&session);
    let d = found
        .iter()
        .find(|d| d.path == "session.validation_ddets")
        .unwrap_or_else(|| panic!("{found:?}"));
    assert_eq!(d.severity, sessiondoc::diag::Severity::Error);
    assert!(
        d.message
            .starts_with("la DDETS ne peut valider la session avant sa fin"),
        "{}",
        d.message
    );
    let line = text
        .lines()
        .position(|l| l.contains("validation_ddets"))
        .unwrap()
        + 1;
    assert_eq!(d.place.map(|p| p.line as usize), Some(line));
}
