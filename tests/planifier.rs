//! `sessiondoc planifier`: each reference fixture with its planning removed
//! and `epreuves`/`organisation` added (fixtures/planifier/) is planned,
//! written, and then passes `check` with no finding; the hard rules hold;
//! a pinned slot stays byte for byte; a second run changes nothing;
//! jurors who may not evaluate never do; 60 candidates in time. The
//! refusals are in tests/planifier_refus.rs.

use crate::common;

use std::path::{Path, PathBuf};
use std::time::Instant;

use common::{fixture, run_sessiondoc as run, session_from};
use sessiondoc::model::{Encadrement, NatureCreneau, Session};

const PLANNED: [&str; 3] = [
    "planifier/secretaire-comptable.yaml",
    "planifier/tsmi-avant-session.yaml",
    "planifier/ccp-paie-fraude.yaml",
];

/// A copy of `text` in a fresh folder.
fn copy(text: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("session.yaml");
    std::fs::write(&path, text).unwrap();
    (dir, path)
}

/// Runs the command on `path`: exit status (0 or 1), and what it says on
/// standard output then standard error, no-break spaces as plain ones.
fn planifier(path: &Path, write: bool) -> (Option<i32>, String) {
    match sessiondoc::planner::execute(path, write, false) {
        Ok(o) => (
            Some(if o.success { 0 } else { 1 }),
            format!("{}{}", o.out, o.err).replace(['\u{a0}', '\u{202f}'], " "),
        ),
        Err(e) => (Some(e.exit_code().into()), e.to_string()),
    }
}

fn read(name: &str) -> String {
    std::fs::read_to_string(fixture(name)).unwrap()
}

/// Every hard rule of the planner, on a planned session.
fn assert_hard_rules(s: &Session) {
    let org = s.organisation.as_ref();
    let (start, end) = org.map_or((480, 1080), |o| (o.horaires().0.0, o.horaires().1.0));
    let lunch = org.map_or((720, 780), |o| (o.dejeuner().0.0, o.dejeuner().1.0));
    for slot in &s.planning.value {
        assert!(
            slot.debut.value.0 >= start && slot.fin.value.0 <= end,
            "{} outside the day",
            slot.intitule
        );
        let jury = slot.jures.as_ref().is_some_and(|j| {
            !j.value.ids().is_empty() || matches!(j.value, sessiondoc::model::Selection::Tous)
        });
        if jury && slot.nature != NatureCreneau::Pause {
            assert!(
                slot.fin.value.0 <= lunch.0 || slot.debut.value.0 >= lunch.1,
                "the jury works through lunch: {} {}",
                slot.intitule,
                slot.debut.value
            );
        }
    }
    for c in &s.candidats.value {
        let id = &c.id.value;
        let mut previous_end = None;
        for e in &s.epreuves {
            let mine: Vec<_> = s
                .planning
                .value
                .iter()
                .filter(|slot| slot.intitule == e.intitule && slot.has_candidat(id))
                .collect();
            assert_eq!(
                mine.len(),
                1,
                "{id} takes « {} » {} times",
                e.intitule,
                mine.len()
            );
            let slot = mine[0];
            assert_eq!(
                slot.minutes(),
                e.duree.value.0,
                "{id}: length of « {} »",
                e.intitule
            );
            let room = &slot.salle.as_ref().expect("a room").value;
            assert!(
                e.salles.value.iter().any(|r| &r.value == room),
                "{id}: « {} » in {room}",
                e.intitule
            );
            let at = (slot.date.value, slot.debut.value);
            assert!(
                previous_end.is_none_or(|p| p <= at),
                "{id}: « {} » before the test listed earlier",
                e.intitule
            );
            previous_end = Some((slot.date.value, slot.fin.value));
            match e.encadrement.value {
                Encadrement::Jury => {
                    for j in &c.jury.value {
                        assert!(
                            slot.has_jure(&j.value),
                            "{id}: « {} » without {}",
                            e.intitule,
                            j.value
                        );
                    }
                }
                Encadrement::Surveillant => {
                    let sel = slot.surveillants.as_ref().expect("a surveillant");
                    assert!(
                        !sel.value.ids().is_empty(),
                        "{id}: « {} » without surveillant",
                        e.intitule
                    );
                }
            }
        }
    }
}

/// Plans the text with `--ecrire` in a copy; returns the file's new text.
fn planned(text: &str) -> String {
    let (_dir, path) = copy(text);
    let (code, err) = planifier(&path, true);
    assert_eq!(code, Some(0), "{err}");
    std::fs::read_to_string(&path).unwrap()
}

#[test]
fn each_fixture_is_planned_passes_check_and_a_second_run_changes_nothing() {
    for name in PLANNED {
        let text = read(name);
        let (_dir, path) = copy(&text);
        let (code, err) = planifier(&path, true);
        assert_eq!(code, Some(0), "{name}: {err}");
        let after = std::fs::read_to_string(&path).unwrap();
        assert_ne!(after, text, "{name}: nothing was written");
        // Every line that was in the file is still there.
        for line in text
            .lines()
            .filter(|l| !l.contains("jury: []") && !l.starts_with("planning:"))
        {
            assert!(after.contains(line), "{name}: line lost: {line}");
        }
        let (_, session) = session_from(&after);
        let findings = sessiondoc::check::check(&session);
        assert!(findings.is_empty(), "{name}: {findings:#?}");
        assert_hard_rules(&session);
        let (code, _) = planifier(&path, true);
        assert_eq!(code, Some(0));
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            after,
            "{name}: a second run changed the file"
        );
    }
}

#[test]
fn the_command_line_shows_the_timetable() {
    let (_dir, path) = copy(&read(PLANNED[2]));
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_sessiondoc"))
        .args(["planifier", path.to_str().unwrap()])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout).replace(['\u{a0}', '\u{202f}'], " ");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains("Mercredi 3 février 2027"), "{stdout}");
    assert!(stdout.contains("+ 08:30–11:30  Épreuve écrite — traitement de la paie d'une entreprise — Salle Ouessant"), "{stdout}");
    assert!(
        stdout.contains("candidats : FERREIRA Ana Luísa"),
        "{stdout}"
    );
    let (code, _) = run(&["planifier", "absent.yaml"]);
    assert_eq!(code, Some(1));
}

#[test]
fn the_same_file_gives_the_same_timetable_and_showing_writes_nothing() {
    let text = read(PLANNED[0]);
    assert_eq!(planned(&text), planned(&text));
    let (_dir, path) = copy(&text);
    let (code, _) = planifier(&path, false);
    assert_eq!(code, Some(0));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
}

/// The `epreuves:` block of a planifier fixture.
fn tests_block(name: &str) -> String {
    let text = read(name);
    let start = text.find("epreuves:").unwrap();
    let end = text[start..]
        .find("\n# L'organisation")
        .map_or(text.len(), |i| start + i + 1);
    text[start..end].to_owned()
}

#[test]
fn planning_a_complete_file_changes_nothing() {
    let reference = read("secretaire-comptable.yaml");
    let text = reference.replacen(
        "planning:\n",
        &format!("{}\nplanning:\n", tests_block(PLANNED[0])),
        1,
    );
    let (_dir, path) = copy(&text);
    let (code, out) = planifier(&path, true);
    assert_eq!(code, Some(0), "{out}");
    assert!(
        out.contains("a déjà un planning complet : rien à planifier"),
        "{out}"
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
}

#[test]
fn a_pinned_slot_is_kept_byte_for_byte() {
    let pinned = "  # Fixé à la main : M. SALL ne peut venir que le matin du 9.\n  - date: 2027-03-09\n    debut: \"09:00\"\n    fin:   \"09:20\"\n    nature: entretien_final\n    intitule: Entretien final\n    salle: bureau3\n    candidats: [c3]\n    jures: tous\n";
    let text = read(PLANNED[1]).replacen("planning: []\n", &format!("planning:\n{pinned}"), 1);
    let after = planned(&text);
    assert!(after.contains(pinned), "the pinned slot changed:\n{after}");
    let (_, session) = session_from(&after);
    assert!(sessiondoc::check::check(&session).is_empty());
    assert_hard_rules(&session);
    let finals = session
        .planning
        .value
        .iter()
        .filter(|c| c.nature == NatureCreneau::EntretienFinal && c.has_candidat("c3"));
    assert_eq!(finals.count(), 1);
}

#[test]
fn jurors_who_may_not_evaluate_never_do() {
    // MOREAU comes on the 12th only; ROCHE trains five candidates; the
    // restricted juror may not evaluate a whole title.
    let extra = "  - id: roche-j\n    civilite: M.\n    nom: ROCHE\n    prenom: Antoine\n    habilitation_fin: 2029-01-31\n  - id: restreint\n    civilite: Mme\n    nom: RESTREINT\n    prenom: Anne\n    habilitation_fin: 2029-01-31\n    ccp: [CP-002498]\n\nsurveillants:";
    let text = read(PLANNED[0])
        .replacen("    habilitation_fin: 2027-09-30\n", "    habilitation_fin: 2027-09-30\n    disponibilites: [2027-01-12]\n", 1)
        .replacen("  - id: haddad\n    civilite: Mme\n    nom: HADDAD\n    prenom: Samira\n    habilitation_fin: 2027-12-31\n\nsurveillants:", extra, 1);
    assert!(text.contains("restreint") && text.contains("disponibilites"));
    let after = planned(&text);
    let (_, s) = session_from(&after);
    assert!(
        sessiondoc::check::check(&s)
            .iter()
            .all(|d| d.severity != sessiondoc::diag::Severity::Error)
    );
    assert_hard_rules(&s);
    for slot in &s.planning.value {
        assert!(
            !slot.has_jure("restreint")
                || slot
                    .jures
                    .as_ref()
                    .is_some_and(|j| matches!(j.value, sessiondoc::model::Selection::Tous))
        );
        if slot.date.value.to_string() == "2027-01-11" {
            assert!(
                !slot.jures.as_ref().is_some_and(|j| j
                    .value
                    .ids()
                    .iter()
                    .any(|i| i.value == "moreau")),
                "MOREAU on the 11th: {}",
                slot.intitule
            );
        }
    }
    for c in &s.candidats.value {
        let ids: Vec<&str> = c.jury.value.iter().map(|j| j.value.as_str()).collect();
        assert!(!ids.contains(&"restreint"), "{}", c.id.value);
        if c.formateur.as_ref().is_some_and(|f| f.value == "roche") {
            assert!(
                !ids.contains(&"roche-j"),
                "ROCHE evaluates his trainee {}",
                c.id.value
            );
        }
    }
    assert!(
        s.candidats
            .value
            .iter()
            .any(|c| c.jury.value.iter().any(|j| j.value == "roche-j")),
        "ROCHE is on no pair"
    );
}

#[test]
fn no_slot_falls_on_a_weekend_day() {
    // Saturday 9 to Tuesday 12 January 2027: Monday and Tuesday are worked.
    let text = read(PLANNED[0]).replace("debut: 2027-01-11", "debut: 2027-01-09");
    let (_, s) = session_from(&planned(&text));
    let days: std::collections::BTreeSet<String> = s
        .planning
        .value
        .iter()
        .map(|slot| slot.date.value.0.to_string())
        .collect();
    assert!(!days.is_empty());
    assert!(
        days.iter().all(|d| d == "2027-01-11" || d == "2027-01-12"),
        "{days:?}"
    );
}

#[test]
fn sixty_candidates_six_jurors_five_days_in_well_under_a_second() {
    let text = sessiondoc::example::unplanned::unplanned_session(60);
    let (_, session) = session_from(&text);
    let labels = sessiondoc::planner::labels().unwrap();
    let started = Instant::now();
    let proposal = sessiondoc::planner::propose(&session, &labels).expect("a timetable");
    let elapsed = started.elapsed();
    assert!(elapsed.as_millis() < 500, "{elapsed:?}");
    let after = planned(&text);
    let (_, s) = session_from(&after);
    let findings = sessiondoc::check::check(&s);
    assert!(findings.is_empty(), "{findings:#?}");
    assert_hard_rules(&s);
    assert!(proposal.slots.len() > 120);
    // Shared evenly: three pairs of twenty.
    for j in ["j0", "j2", "j4"] {
        assert_eq!(
            s.candidats
                .value
                .iter()
                .filter(|c| c.jury.value.iter().any(|i| i.value == j))
                .count(),
            20,
            "{j}"
        );
    }
}

#[test]
fn the_init_example_names_its_tests_and_its_planning_is_complete() {
    let text = sessiondoc::example::EXAMPLE;
    let (_, session) = session_from(text);
    assert_eq!(session.epreuves.len(), 3);
    assert!(
        sessiondoc::check::check(&session)
            .iter()
            .all(|d| d.severity != sessiondoc::diag::Severity::Error)
    );
    let (_dir, path) = copy(text);
    let (code, out) = planifier(&path, true);
    assert_eq!(code, Some(0), "{out}");
    assert!(out.contains("rien à planifier"), "{out}");
    // Without its planning, it is planned again from its tests.
    let start = text.find("planning:\n").unwrap();
    let unplanned = format!("{}planning: []\n", &text[..start]);
    let after = planned(&unplanned);
    let (_, s) = session_from(&after);
    assert!(sessiondoc::check::check(&s).is_empty());
    assert_hard_rules(&s);
}

#[test]
fn a_candidate_s_extra_time_is_planned_on_the_written_test() {
    let text = read(PLANNED[0]).replace(
        "    amenagement: Tiers-temps supplémentaire sur l'épreuve écrite (avis médical du 12/10/2026)",
        "    amenagement:\n      description: Tiers-temps supplémentaire sur l'épreuve écrite (avis médical du 12/10/2026)\n      temps_supplementaire: tiers_temps",
    );
    assert!(
        text.contains("tiers_temps"),
        "the fixture's aménagement moved"
    );
    let (_, session) = session_from(&planned(&text));
    let findings = sessiondoc::check::check(&session);
    assert!(findings.is_empty(), "{findings:#?}");
    let c = session
        .candidats
        .value
        .iter()
        .find(|c| c.amenagement.is_some())
        .unwrap();
    let written = session
        .planning
        .value
        .iter()
        .find(|s| s.nature == NatureCreneau::Epreuve && s.has_candidat(&c.id.value))
        .unwrap();
    let end = sessiondoc::plan::real_end(c, written);
    assert!(end.0 > written.fin.value.0, "no extra time given");
    for other in session.planning.value.iter().filter(|s| {
        s.debut.value.0 >= written.debut.value.0
            && s.date.value == written.date.value
            && !std::ptr::eq(*s, written)
            && (s.has_candidat(&c.id.value)
                || s.salle.as_ref().map(|r| &r.value) == written.salle.as_ref().map(|r| &r.value))
    }) {
        assert!(
            other.debut.value.0 >= end.0,
            "{} starts at {} before the extra time ends",
            other.intitule,
            other.debut.value
        );
    }
}

#[test]
fn a_cr_lf_file_keeps_its_line_endings() {
    let text = read(PLANNED[1]).replace('\n', "\r\n");
    let after = planned(&text);
    assert!(after.len() > text.len(), "nothing was written");
    assert!(
        !after.replace("\r\n", "").contains('\n'),
        "a line ending without CR"
    );
}
