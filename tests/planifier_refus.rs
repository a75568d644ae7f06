//! `sessiondoc planifier` refuses: a session that cannot fit (told in
//! numbers, with what was placed and what was not), a file `check`
//! refuses, a file with no test to plan, a pinned later test that an
//! earlier one cannot precede. Each time the file stays byte for byte.

use crate::common;

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
    assert!(err.contains("Essayé pour vous :"), "{err}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);

    // The totals fit, but a written test of nine hours leaves no time for
    // the interviews: what was placed and what was not are named (no
    // extra time, which would make the written test alone too long).
    let text = read(SC)
        .replacen("fin: 2027-01-12", "fin: 2027-01-11", 1)
        .replacen("duree: \"04:00\"", "duree: \"09:00\"", 1)
        .replacen("      temps_supplementaire: tiers_temps\n", "", 1);
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
    // A juror whose accreditation has ended, placed in a slot.
    let text = read(SC)
        .replacen(
            "habilitation_fin: 2028-06-30",
            "habilitation_fin: 2026-06-30",
            1,
        )
        .replacen("planning: []\n", "planning:\n  - date: 2027-01-11\n    debut: \"08:00\"\n    fin: \"08:30\"\n    nature: briefing\n    intitule: Briefing\n    jures: [lejeune, moreau]\n", 1);
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

#[test]
fn the_refusal_tries_its_advice_and_the_change_it_says_works_does() {
    // One day where two are needed.
    let text = read(SC).replacen("fin: 2027-01-12", "fin: 2027-01-11", 1);
    let (_dir, path) = copy(&text);
    let (code, err) = planifier(&path);
    assert_eq!(code, 1, "{err}");
    let first = err
        .lines()
        .skip_while(|l| !l.contains("Essayé pour vous"))
        .nth(1)
        .unwrap_or_default();
    assert_eq!(
        first.trim(),
        "Avec un jour de plus (session jusqu'au mardi 12 janvier 2027) : possible",
        "{err}"
    );
    // That change, made, plans the session.
    let (_dir, path) = copy(&read(SC));
    assert_eq!(planifier(&path).0, 0);
}

#[test]
fn a_ccp_without_two_qualified_jurors_is_named_once() {
    // Every juror restricted to the first CCP.
    let text = read(SC).replace(
        "    habilitation_fin: 20",
        "    ccp: [CP-002498]\n    habilitation_fin: 20",
    );
    let (_dir, path) = copy(&text);
    let (code, err) = planifier(&path);
    assert_eq!(code, 1, "{err}");
    assert_eq!(
        err.matches("CP-002499 n'a pas deux jurés").count(),
        1,
        "{err}"
    );
    assert!(
        !err.contains("Aucun binôme ne peut évaluer AMRANI"),
        "{err}"
    );
}

#[test]
fn the_errors_come_alone_without_the_warnings_about_slots_to_plan() {
    let bad = read(SC).replacen("    jury: []", "    jury: [lejeune, lejeune]", 1);
    let (_dir, path) = copy(&bad);
    let (code, err) = planifier(&path);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("nomme deux fois le même juré"), "{err}");
    assert!(!err.contains("n'a pas d'entretien final"), "{err}");
}

/// The lines under « Essayé pour vous ».
fn tried(err: &str) -> Vec<String> {
    err.lines()
        .skip_while(|l| !l.contains("Essayé pour vous"))
        .skip(1)
        .take_while(|l| l.starts_with("    Avec"))
        .map(|l| l.trim().to_owned())
        .collect()
}

#[test]
fn the_refusal_offers_the_smallest_change_that_works_and_no_day_past_18_h() {
    // One day where two are needed, days already ending at 18:00.
    let text = read(SC).replacen("fin: 2027-01-12", "fin: 2027-01-11", 1);
    let (_dir, path) = copy(&text);
    let (code, err) = planifier(&path);
    assert_eq!(code, 1, "{err}");
    let lines = tried(&err);
    assert_eq!(
        lines,
        ["Avec un jour de plus (session jusqu'au mardi 12 janvier 2027) : possible"],
        "{err}"
    );
}

#[test]
fn a_change_that_does_not_suffice_says_by_how_much() {
    // Days of 08:00 to 16:00: one more day is enough, days to 18:00 are
    // not, by a figure; two more days are not offered.
    let text = read(SC)
        .replacen("fin: 2027-01-12", "fin: 2027-01-11", 1)
        .replacen(
            "horaires: [\"08:00\", \"18:00\"]",
            "horaires: [\"08:00\", \"16:00\"]",
            1,
        );
    let (_dir, path) = copy(&text);
    let (code, err) = planifier(&path);
    assert_eq!(code, 1, "{err}");
    let lines = tried(&err);
    assert_eq!(lines.len(), 2, "{err}");
    for line in &lines {
        assert!(
            line.ends_with(": possible") || line.contains("ne suffit pas : "),
            "{line}\n{err}"
        );
        assert!(!line.contains("19:00") && !line.contains("18:05"), "{err}");
    }
    // The first, made, plans the session.
    let first = &lines[0];
    assert!(first.ends_with(": possible"), "{err}");
    let fixed = if first.contains("jour de plus") {
        text.replacen("fin: 2027-01-11", "fin: 2027-01-12", 1)
    } else {
        let end = first.split("jusqu'à ").nth(1).unwrap()[..5].to_owned();
        text.replacen("\"16:00\"]", &format!("\"{end}\"]"), 1)
    };
    let (_dir, path) = copy(&fixed);
    let (code, said) = planifier(&path);
    assert_eq!(code, 0, "{first}\n{said}");
}

/// `text` with `line` added after the first line of the entry `- id: id`
/// that starts with `after`.
fn add_in_entry(text: &str, id: &str, after: &str, line: &str) -> String {
    let start = text.find(&format!("  - id: {id}\n")).unwrap();
    let at = start + text[start..].find(after).unwrap();
    let end = at + text[at..].find('\n').unwrap() + 1;
    format!("{}{line}{}", &text[..end], &text[end..])
}

#[test]
fn one_more_pair_from_the_jurors_on_none_is_tried_and_applied_plans_the_session() {
    // Every candidate written to LEJEUNE–MOREAU, who come on 12 January
    // only; DUPONT and HADDAD are listed but on no pair.
    let mut text = read(SC).replace("    jury: []", "    jury: [lejeune, moreau]");
    for j in ["lejeune", "moreau"] {
        text = add_in_entry(
            &text,
            j,
            "habilitation_fin",
            "    disponibilites: [2027-01-12]\n",
        );
    }
    let (_dir, path) = copy(&text);
    let (code, err) = planifier(&path);
    assert_eq!(code, 1, "{err}");
    let lines = tried(&err);
    let first = lines.first().unwrap_or_else(|| panic!("{err}"));
    assert!(
        first.starts_with("Avec un binôme de plus, DUPONT–HADDAD, pour ")
            && first.ends_with(
                "(leur « jury » devient [dupont, haddad], au lieu de LEJEUNE–MOREAU) : possible"
            ),
        "{err}"
    );
    // A day more does not suffice, said with its figure.
    assert!(
        lines.iter().any(|l| l.starts_with("Avec un jour de plus")
            && l.ends_with(
                "ne suffit pas : le binôme LEJEUNE–MOREAU a besoin de 9 h 30 pour 9 h offertes"
            )),
        "{err}"
    );
    // Made as said: the candidates named get [dupont, haddad].
    let (fixed, moved) = given_the_pair(&text, first, "jury: [dupont, haddad]");
    assert!(moved > 0, "{first}");
    let (_dir, path) = copy(&fixed);
    let (code, said) = planifier(&path);
    assert_eq!(code, 0, "{first}\n{said}");
}

#[test]
fn one_more_room_is_tried_when_rooms_block_and_applied_plans_the_session() {
    // Three pairs sharing one interview room.
    let text = sessiondoc::example::unplanned::sized_session(40)
        .replace("salles: [s0, s1, s2]", "salles: [s0]");
    let (_dir, path) = copy(&text);
    let (code, err) = planifier(&path);
    assert_eq!(code, 1, "{err}");
    let lines = tried(&err);
    assert_eq!(
        lines.first().map(String::as_str),
        Some(
            "Avec une salle de plus pour « Entretien technique » et « Entretien final » (ajoutée à « salles » et à leurs salles) : possible"
        ),
        "{err}"
    );
    // Made: a room at the end of `salles` and of the tests' rooms.
    let fixed = text.replace("salles: [s0]", "salles: [s0, s9]").replacen(
        "epreuves:\n",
        "  - id: s9\n    nom: Salle d'entretien 109\nepreuves:\n",
        1,
    );
    let (_dir, path) = copy(&fixed);
    let (code, said) = planifier(&path);
    assert_eq!(code, 0, "{said}");
}

#[test]
fn one_more_surveillant_is_tried_when_a_watched_test_lacks_one() {
    // The written test needs two rooms, hence two surveillants; one is listed.
    let text = read(SC)
        .replacen(
            "    nom: Salle informatique 204\n",
            "    nom: Salle informatique 204\n    places: 3\n",
            1,
        )
        .replacen("salles: [s204]", "salles: [s204, accueil]", 1);
    let (_dir, path) = copy(&text);
    let (code, err) = planifier(&path);
    assert_eq!(code, 1, "{err}");
    let lines = tried(&err);
    assert_eq!(
        lines.first().map(String::as_str),
        Some("Avec un surveillant de plus : possible"),
        "{err}"
    );
    assert!(
        lines
            .iter()
            .all(|l| l.ends_with(": possible") || l.contains(": ne suffit pas : ")),
        "{err}"
    );
    // A room more leaves the same test stuck for the same candidates:
    // rooms are not what blocks, it is not offered.
    assert!(
        !lines
            .iter()
            .any(|l| l.starts_with("Avec une salle de plus")),
        "{err}"
    );
    let fixed = add_in_entry(
        &text,
        "petit",
        "prenom:",
        "  - id: martin\n    civilite: Mme\n    nom: MARTIN\n    prenom: Julie\n",
    );
    let (_dir, path) = copy(&fixed);
    let (code, said) = planifier(&path);
    assert_eq!(code, 0, "{said}");
}

#[test]
fn candidates_without_a_seat_are_refused_naming_what_and_the_seats_missing() {
    // Every room holds 30 at most: no room seats the 40 candidates for
    // their welcome (the written test itself may use two rooms).
    let mut text = sessiondoc::example::unplanned::sized_session(40);
    for (id, name) in [
        ("accueil", "Hall"),
        ("amphi", "Amphithéâtre"),
        ("s0", "Salle d'entretien 100"),
        ("s1", "Salle d'entretien 101"),
        ("s2", "Salle d'entretien 102"),
    ] {
        text = text.replacen(
            &format!("  - id: {id}\n    nom: {name}\n"),
            &format!("  - id: {id}\n    nom: {name}\n    places: 30\n"),
            1,
        );
    }
    let text = text.replacen("salles: [amphi]", "salles: [amphi, s0]", 1);
    let (_dir, path) = copy(&text);
    let (code, err) = planifier(&path);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("« Accueil des candidats, vérification des convocations et des pièces d'identité » réunit les 40 candidats, mais la plus grande salle n'a que 30 places : il en manque 10."),
        "{err}"
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
}

#[test]
fn a_test_taken_together_never_leaves_a_candidate_without_a_seat() {
    // `check` says it first; the planner, asked directly, refuses too.
    let text = sessiondoc::example::unplanned::sized_session(40).replacen(
        "  - id: amphi\n    nom: Amphithéâtre\n",
        "  - id: amphi\n    nom: Amphithéâtre\n    places: 30\n",
        1,
    );
    let (_, session) = common::session_from(&text);
    let labels = sessiondoc::planner::labels().unwrap();
    let failure = sessiondoc::planner::propose(&session, &labels).unwrap_err();
    let seats = failure.bloque.as_ref().and_then(|b| b.places.as_ref());
    assert_eq!(
        seats.map(|p| (p.candidats, p.places, p.manque)),
        Some((40, 30, 10))
    );
}

#[test]
fn a_single_spare_juror_is_paired_with_a_juror_whose_time_is_free_when_that_plans() {
    // Every candidate written to LEJEUNE–MOREAU, who share 12 January
    // only; LEJEUNE also comes on the 11th and 13th. DUPONT alone is on
    // no pair.
    let text = read(SC)
        .replace("    jury: []", "    jury: [lejeune, moreau]")
        .replacen("fin: 2027-01-12", "fin: 2027-01-13", 1);
    let text = add_in_entry(
        &text,
        "moreau",
        "habilitation_fin",
        "    disponibilites: [2027-01-12]\n",
    );
    let start = text.find("  - id: haddad\n").unwrap();
    let end = start + text[start..].find("\n\n").unwrap() + 1;
    let text = format!("{}{}", &text[..start], &text[end..]);
    let (_dir, path) = copy(&text);
    let (code, err) = planifier(&path);
    assert_eq!(code, 1, "{err}");
    let lines = tried(&err);
    let first = lines.first().unwrap_or_else(|| panic!("{err}"));
    assert!(
        first.starts_with("Avec un binôme de plus, DUPONT–LEJEUNE, pour ")
            && first.ends_with(
                "(leur « jury » devient [dupont, lejeune], au lieu de LEJEUNE–MOREAU) : possible"
            ),
        "{err}"
    );
    // Made as said, the session plans.
    let (fixed, moved) = given_the_pair(&text, first, "jury: [dupont, lejeune]");
    assert!(moved > 0, "{first}");
    let (_dir, path) = copy(&fixed);
    let (code, said) = planifier(&path);
    assert_eq!(code, 0, "{first}\n{said}");
}

/// `text` with the candidates a refusal's line `first` names (« pour A,
/// B (leur … ») moved from LEJEUNE–MOREAU to `jury`, and how many moved.
fn given_the_pair(text: &str, first: &str, jury: &str) -> (String, usize) {
    let named = first
        .split(", pour ")
        .nth(1)
        .and_then(|r| r.split(" (leur").next())
        .unwrap();
    let (_, session) = common::session_from(text);
    let mut fixed = text.to_owned();
    let mut moved = 0;
    for c in &session.candidats.value {
        let name = sessiondoc::fr::nom_prenom(c.nom_affiche(), &c.prenom);
        if named.split(", ").any(|n| n == name) {
            let start = fixed.find(&format!("  - id: {}\n", c.id.value)).unwrap();
            let old = "jury: [lejeune, moreau]";
            let at = start + fixed[start..].find(old).unwrap();
            fixed.replace_range(at..at + old.len(), jury);
            moved += 1;
        }
    }
    (fixed, moved)
}
