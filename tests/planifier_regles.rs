//! The rules on `epreuves`, `organisation`, `disponibilites` and `places`:
//! each test breaks a planifier input with one replacement and checks the
//! French message, the YAML path and the line and column (found in the
//! broken text, never hard-coded). A refused file is not planned.

use sessiondoc::check::check;
use sessiondoc::diag::{Diagnostic, Severity};
use sessiondoc::load::{Source, parse};

const SC: &str = "planifier/secretaire-comptable.yaml";
const TSMI: &str = "planifier/tsmi-avant-session.yaml";

fn fixture(name: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The fixture with the single occurrence of `from` replaced by `to`.
fn broken(name: &str, from: &str, to: &str) -> String {
    let text = fixture(name);
    assert_eq!(text.matches(from).count(), 1, "{from:?} must occur once");
    text.replacen(from, to, 1)
}

/// 1-based line and column of `token` inside the single `context`.
fn position(text: &str, context: &str, token: &str) -> (u64, u64) {
    assert_eq!(
        text.matches(context).count(),
        1,
        "{context:?} must occur once"
    );
    let offset = text.find(context).unwrap() + context.find(token).unwrap();
    let before = &text[..offset];
    let line = before.matches('\n').count() as u64 + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, text[line_start..offset].chars().count() as u64 + 1)
}

/// The one error whose path is `path`, after checking it is there.
fn error_at(text: &str, path: &str) -> Diagnostic {
    let source = Source::from_text("session.yaml", text);
    let session = parse(&source).unwrap_or_else(|d| panic!("does not load: {d:?}"));
    let found = check(&session);
    let mine: Vec<&Diagnostic> = found.iter().filter(|d| d.path == path).collect();
    assert_eq!(mine.len(), 1, "expected one finding at {path}: {found:#?}");
    assert_eq!(mine[0].severity, Severity::Error);
    mine[0].clone()
}

fn assert_place(d: &Diagnostic, (line, column): (u64, u64)) {
    let place = d.place.expect("a place");
    assert_eq!((place.line, place.column), (line, column), "{d:?}");
}

#[test]
fn the_fixtures_pass() {
    for name in [SC, TSMI, "planifier/ccp-paie-fraude.yaml"] {
        let text = fixture(name);
        let session = parse(&Source::from_text("s.yaml", &text)).unwrap();
        let errors: Vec<_> = check(&session)
            .into_iter()
            .filter(|d| d.severity == Severity::Error && !d.path.ends_with(".jury"))
            .collect();
        assert!(errors.is_empty(), "{name}: {errors:#?}");
    }
}

#[test]
fn a_test_in_an_unknown_room() {
    let text = broken(SC, "salles: [s204]", "salles: [s999]");
    let d = error_at(&text, "epreuves[0].salles[0]");
    assert_eq!(d.message, "la salle « s999 » n'existe pas");
    assert!(d.help.as_deref().unwrap().contains("s204"));
    assert_place(&d, position(&text, "salles: [s999]", "s999"));
}

#[test]
fn a_test_with_no_room() {
    let text = broken(SC, "salles: [s204]", "salles: []");
    let d = error_at(&text, "epreuves[0].salles");
    assert!(
        d.message.ends_with("ne nomme aucune salle"),
        "{}",
        d.message
    );
    assert_place(&d, position(&text, "salles: []", "["));
}

#[test]
fn a_test_of_zero_minutes() {
    let text = broken(SC, "duree: \"04:00\"", "duree: \"00:00\"");
    let d = error_at(&text, "epreuves[0].duree");
    assert_eq!(
        d.message,
        "l'épreuve « Mise en situation professionnelle (épreuve écrite sur poste informatique) » dure 0 minute"
    );
    assert_place(&d, position(&text, "duree: \"00:00\"", "\"00:00\""));
}

#[test]
fn groups_of_zero_candidates() {
    let text = broken(
        TSMI,
        "passage: 2\n    salles: [atelier]",
        "passage: 0\n    salles: [atelier]",
    );
    let d = error_at(&text, "epreuves[2].passage");
    assert!(
        d.message.ends_with("passe par groupes de 0 candidat"),
        "{}",
        d.message
    );
    assert_place(&d, position(&text, "passage: 0", "0"));
}

#[test]
fn a_passage_that_is_not_one_is_a_load_error() {
    let text = broken(
        TSMI,
        "passage: 2\n    salles: [atelier]",
        "passage: deux\n    salles: [atelier]",
    );
    let d = parse(&Source::from_text("s.yaml", &text)).unwrap_err();
    assert!(
        d.message.starts_with("« deux » n'est pas un passage"),
        "{}",
        d.message
    );
    assert_eq!(d.line(), Some(position(&text, "passage: deux", "deux").0));
}

#[test]
fn a_nature_that_is_not_a_test() {
    let text = broken(SC, "nature: entretien_final\n", "nature: pause\n");
    let d = error_at(&text, "epreuves[2].nature");
    assert_eq!(
        d.message,
        "l'épreuve « Entretien final » n'a pas la nature d'une épreuve"
    );
    assert_place(&d, position(&text, "nature: pause", "pause"));
}

#[test]
fn a_day_shorter_than_a_test() {
    let text = broken(SC, "duree: \"04:00\"", "duree: \"10:30\"");
    let d = error_at(&text, "epreuves[0].duree");
    let message = d.message.replace('\u{a0}', " ");
    assert!(
        message.ends_with("dure 10 h 30, plus que la journée (10 h de 8 h 00 à 18 h 00)"),
        "{message}"
    );
    assert_place(&d, position(&text, "duree: \"10:30\"", "\"10:30\""));
}

#[test]
fn day_hours_in_the_wrong_order() {
    let text = broken(
        SC,
        "horaires: [\"08:00\", \"18:00\"]",
        "horaires: [\"18:00\", \"08:00\"]",
    );
    let d = error_at(&text, "organisation.horaires[1]");
    assert_eq!(d.message, "« horaires » finit avant de commencer");
    assert_place(
        &d,
        position(&text, "horaires: [\"18:00\", \"08:00\"]", "\"08:00\""),
    );
}

#[test]
fn a_lunch_break_with_one_time() {
    let text = broken(
        SC,
        "dejeuner: [\"12:30\", \"13:30\"]",
        "dejeuner: [\"12:30\"]",
    );
    let d = error_at(&text, "organisation.dejeuner");
    assert_eq!(
        d.message,
        "« dejeuner » doit avoir deux heures, le début et la fin (il en a 1)"
    );
    assert_place(&d, position(&text, "dejeuner: [\"12:30\"]", "["));
}

#[test]
fn a_juror_available_outside_the_session() {
    let text = broken(
        SC,
        "    habilitation_fin: 2027-09-30\n",
        "    habilitation_fin: 2027-09-30\n    disponibilites: [2027-01-12, 2027-01-13]\n",
    );
    let d = error_at(&text, "jures[1].disponibilites[1]");
    assert_eq!(
        d.message,
        "le juré « moreau » est disponible le mercredi 13 janvier 2027, hors des jours de la session"
    );
    assert_place(
        &d,
        position(
            &text,
            "disponibilites: [2027-01-12, 2027-01-13]",
            "2027-01-13",
        ),
    );
}

#[test]
fn a_collective_test_in_too_few_seats() {
    let text = broken(
        SC,
        "nom: Salle informatique 204\n",
        "nom: Salle informatique 204\n    places: 4\n",
    );
    let d = error_at(&text, "epreuves[0].passage");
    assert!(
        d.message
            .ends_with("réunit les 6 candidats, mais ses salles n'ont que 4 places"),
        "{}",
        d.message
    );
    assert_place(&d, position(&text, "passage: ensemble", "ensemble"));
}

#[test]
fn a_room_of_no_seat() {
    let text = broken(
        SC,
        "nom: Salle d'entretien 105\n",
        "nom: Salle d'entretien 105\n    places: 0\n",
    );
    let d = error_at(&text, "salles[2].places");
    assert_eq!(d.message, "la salle « s105 » a 0 place");
    assert_place(&d, position(&text, "places: 0", "0"));
}

#[test]
fn a_test_under_a_surveillant_in_a_session_without_one() {
    let text = broken(
        TSMI,
        "surveillants:\n  - id: tanguy\n    civilite: Mme\n    nom: TANGUY\n    prenom: Nolwenn\n",
        "",
    );
    let d = error_at(&text, "epreuves[0].encadrement");
    assert!(
        d.message
            .ends_with("est encadrée par un surveillant, mais la session n'en a aucun"),
        "{}",
        d.message
    );
    let first = text.find("encadrement: surveillant").unwrap();
    assert_eq!(
        d.line(),
        Some(text[..first].matches('\n').count() as u64 + 1)
    );
}

#[test]
fn a_refused_file_is_not_planned_and_stays_as_it_was() {
    let text = broken(SC, "salles: [s204]", "salles: [s999]");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("session.yaml");
    std::fs::write(&path, &text).unwrap();
    let outcome = sessiondoc::planner::execute(&path, true, false).unwrap();
    assert!(!outcome.success);
    let (line, column) = position(&text, "salles: [s999]", "s999");
    assert!(
        outcome
            .err
            .contains(&format!("session.yaml:{line}:{column}")),
        "{}",
        outcome.err
    );
    assert!(
        outcome.err.contains("la salle « s999 » n'existe pas"),
        "{}",
        outcome.err
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
}
