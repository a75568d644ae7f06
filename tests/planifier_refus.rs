//! `sessiondoc planifier` refuses: a session that cannot fit (told in
//! numbers, with what was placed and what was not), a file `check`
//! refuses, a file with no test to plan, a pinned later test that an
//! earlier one cannot precede. Each time the file stays byte for byte.

use std::path::{Path, PathBuf};

const SC: &str = "planifier/secretaire-comptable.yaml";
const TSMI: &str = "planifier/tsmi-avant-session.yaml";
const CCP: &str = "planifier/ccp-paie-fraude.yaml";

fn read(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(name);
    std::fs::read_to_string(path).unwrap()
}

/// A copy of `text` in a fresh folder.
fn copy(text: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("session.yaml");
    std::fs::write(&path, text).unwrap();
    (dir, path)
}

/// Runs `planifier --ecrire` on `path`: exit status, and what it says,
/// no-break spaces as plain ones.
fn planifier(path: &Path) -> (i32, String) {
    let o = sessiondoc::planner::execute(path, true, false).unwrap();
    let said = format!("{}{}", o.out, o.err).replace(['\u{a0}', '\u{202f}'], " ");
    (if o.success { 0 } else { 1 }, said)
}

#[test]
fn a_session_that_cannot_fit_is_refused_with_its_numbers_and_the_file_unchanged() {
    // One day of four hours for a pair that needs five.
    let text = read(SC)
        .replacen("fin: 2027-01-12", "fin: 2027-01-11", 1)
        .replacen(
            "horaires: [\"08:00\", \"18:00\"]",
            "horaires: [\"08:00\", \"12:00\"]",
            1,
        );
    let (_dir, path) = copy(&text);
    let (code, err) = planifier(&path);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("Le binôme LEJEUNE–MOREAU a besoin de 5 h (3 candidats : 3 × « Entretien technique », 3 × « Entretien final », briefing, étude des dossiers, délibération) mais la journée du lundi 11 janvier 2027 n'offre que 4 h hors pause"), "{err}");
    assert!(
        err.contains("ajoutez un jour, un second binôme ou allongez les horaires"),
        "{err}"
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);

    // The totals fit, but a written test of nine hours leaves no time for
    // the interviews: what was placed and what was not are named.
    let text = read(SC)
        .replacen("fin: 2027-01-12", "fin: 2027-01-11", 1)
        .replacen("duree: \"04:00\"", "duree: \"09:00\"", 1);
    let (_dir, path) = copy(&text);
    let (code, err) = planifier(&path);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains(
            "Impossible de placer « Entretien technique » pour AMRANI Leïla (binôme LEJEUNE–MOREAU)"
        ),
        "{err}"
    );
    assert!(err.contains("« Mise en situation professionnelle (épreuve écrite sur poste informatique) » : 6 candidats sur 6"), "{err}");
    assert!(
        err.contains("« Entretien technique » : 0 candidat sur 6"),
        "{err}"
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
}

#[test]
fn a_file_check_refuses_is_not_planned() {
    let text = read(SC).replacen(
        "habilitation_fin: 2028-06-30",
        "habilitation_fin: 2026-06-30",
        1,
    );
    let (_dir, path) = copy(&text);
    let (code, err) = planifier(&path);
    assert_eq!(code, 1);
    assert!(
        err.contains("l'habilitation de Mme LEJEUNE Claire prend fin"),
        "{err}"
    );
    assert!(err.contains("session.yaml:"), "{err}");
    assert!(err.contains("Rien n'a été planifié"), "{err}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
}

#[test]
fn a_file_with_a_bad_test_is_not_planned_and_stays_as_it_was() {
    let text = read(SC).replacen("salles: [s204]", "salles: [s999]", 1);
    let (_dir, path) = copy(&text);
    let (code, err) = planifier(&path);
    assert_eq!(code, 1);
    let offset = text.find("s999").unwrap();
    let line = text[..offset].matches('\n').count() + 1;
    let column = offset - text[..offset].rfind('\n').unwrap();
    assert!(
        err.contains(&format!("session.yaml:{line}:{column}")),
        "{err}"
    );
    assert!(err.contains("la salle « s999 » n'existe pas"), "{err}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
}

#[test]
fn a_file_without_tests_nor_planning_says_what_to_add() {
    let text = read(CCP);
    let start = text.find("epreuves:").unwrap();
    let end = text.find("\n# Le planning").unwrap();
    let text = format!("{}{}", &text[..start], &text[end + 1..]);
    let (_dir, path) = copy(&text);
    let (code, err) = planifier(&path);
    assert_eq!(code, 1);
    assert!(
        err.contains("ne décrit pas les épreuves du référentiel"),
        "{err}"
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
}

#[test]
fn a_pinned_later_test_is_never_preceded_by_a_planned_earlier_one() {
    // M. SALL's final interview is pinned first thing on the first day:
    // his earlier tests cannot come before it, so nothing is written.
    let pinned = "  - date: 2027-03-08\n    debut: \"07:30\"\n    fin: \"07:50\"\n    nature: entretien_final\n    intitule: Entretien final\n    salle: bureau3\n    candidats: [c3]\n    jures: tous\n";
    let text = read(TSMI).replacen("planning: []\n", &format!("planning:\n{pinned}"), 1);
    let (_dir, path) = copy(&text);
    let (code, err) = planifier(&path);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains(
            "Impossible de placer « Mise en situation professionnelle — phase 3, étude de cas »"
        ),
        "{err}"
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
}
