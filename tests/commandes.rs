//! The commands a new user meets first, on sessions as they are in a
//! real season: `echeancier` on a file just started, `generate` after a
//! file was edited by hand, `--date` out of the session's time, a centre's
//! template folder with a misspelt file.

use crate::common;

use std::path::{Path, PathBuf};

use common::fixture;
use common::run_sessiondoc as run;

/// The fixture's text with the top-level block `key` written `key: []`.
fn emptied(text: &str, key: &str) -> String {
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let start = lines
        .iter()
        .position(|l| l.starts_with(&format!("{key}:")))
        .unwrap();
    let end = lines[start + 1..]
        .iter()
        .position(|l| !l.starts_with([' ', '#', '-', '\n']))
        .map_or(lines.len(), |i| start + 1 + i);
    format!(
        "{}{key}: []\n\n{}",
        lines[..start].concat(),
        lines[end..].concat()
    )
}

/// A session file in a new folder.
fn session_file(text: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("session.yaml");
    std::fs::write(&path, text).unwrap();
    (dir, path)
}

fn fixture_text() -> String {
    std::fs::read_to_string(fixture("secretaire-comptable.yaml")).unwrap()
}

#[test]
fn echeancier_on_a_file_just_started_prints_the_deadlines() {
    let mut text = fixture_text();
    for key in ["jures", "candidats", "planning"] {
        text = emptied(&text, key);
    }
    let (_dir, path) = session_file(&text);
    let (code, _) = run(&["check", path.to_str().unwrap()]);
    assert_eq!(code, Some(1), "the file just started is not complete");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_sessiondoc"))
        .args([
            "echeancier",
            path.to_str().unwrap(),
            "--aujourdhui",
            "2026-10-01",
        ])
        .output()
        .unwrap();
    let table = String::from_utf8_lossy(&out.stdout);
    let log = String::from_utf8_lossy(&out.stderr).replace('\u{a0}', " ");
    assert_eq!(out.status.code(), Some(0), "{log}");
    assert!(table.contains("2027"), "{table}");
    assert!(!log.contains("erreur :"), "{log}");
    assert!(
        log.contains("Note : ces échéances ne dépendent que des dates de la session"),
        "{log}"
    );
    assert!(log.contains("voyez « sessiondoc check "), "{log}");
}

/// Runs `generate` of `session` into `out` with more arguments.
fn generate(session: &Path, out: &Path, more: &[&str]) -> (Option<i32>, String) {
    let mut args = vec![
        "generate",
        session.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ];
    args.extend_from_slice(more);
    run(&args)
}

#[test]
fn generate_with_nothing_new_keeps_a_file_edited_by_hand_and_succeeds() {
    let (dir, path) = session_file(&fixture_text());
    let out = dir.path().join("out");
    let only = ["--only", "echeancier,emargement", "--format", "docx"];
    let (code, log) = generate(&path, &out, &only);
    assert_eq!(code, Some(0), "{log}");
    let edited = out.join("echeancier.docx");
    std::fs::write(&edited, b"mes notes").unwrap();
    let (code, log) = generate(&path, &out, &only);
    assert_eq!(code, Some(0), "{log}");
    assert!(
        log.contains("modifié à la main depuis sa production, gardé tel quel"),
        "{log}"
    );
    assert!(log.contains("echeancier.docx"), "{log}");
    assert_eq!(std::fs::read(&edited).unwrap(), b"mes notes");

    // When what it says changed, the file is not replaced either, and the
    // run says why and what to do.
    std::fs::write(&path, fixture_text().replace("Cherbourg", "Caen")).unwrap();
    let (code, log) = generate(&path, &out, &only);
    assert_eq!(code, Some(1), "{log}");
    assert!(log.contains("--force"), "{log}");
    assert_eq!(std::fs::read(&edited).unwrap(), b"mes notes");
}

#[test]
fn date_is_refused_after_the_session_began_or_before_the_convocations() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let session = fixture("secretaire-comptable.yaml");
    let corrected = |date: &str| {
        run(&[
            "generate",
            session.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
            "--depuis",
            session.to_str().unwrap(),
            "--date",
            date,
            "--only",
            "echeancier",
        ])
    };
    let (code, log) = corrected("2027-01-20");
    assert_eq!(code, Some(2), "{log}");
    assert!(
        log.contains("--date mercredi 20 janvier 2027 : c'est après le début de la session (lundi 11 janvier 2027)"),
        "{log}"
    );
    assert!(
        log.contains("entre le 4 décembre 2026 et le 11 janvier 2027"),
        "{log}"
    );
    let (code, log) = corrected("2026-11-20");
    assert_eq!(code, Some(2), "{log}");
    assert!(
        log.contains(
            "c'est avant l'envoi des convocations qu'ils rectifient (vendredi 4 décembre 2026"
        ),
        "{log}"
    );
    assert!(!out.exists());
    // Late but possible: done, with a warning.
    let (code, log) = corrected("2027-01-04");
    assert_eq!(code, Some(0), "{log}");
    assert!(log.contains("moins d'un mois avant le début"), "{log}");
}

#[test]
fn a_template_file_of_no_template_name_is_named_with_the_closest_one() {
    let (dir, path) = session_file(&fixture_text());
    let own = dir.path().join("modeles");
    std::fs::create_dir(&own).unwrap();
    let convocation = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("templates/convocation-jure.j2"),
    )
    .unwrap();
    std::fs::write(own.join("convocation_jure.j2"), &convocation).unwrap();
    std::fs::write(own.join("notes.txt"), "à relire").unwrap();
    let out = dir.path().join("out");
    let templates = ["--templates", own.to_str().unwrap(), "--only", "echeancier"];
    let (code, log) = generate(&path, &out, &templates);
    assert_eq!(code, Some(1), "{log}");
    assert!(
        log.contains("« convocation_jure.j2 » : vouliez-vous dire « convocation-jure.j2 » ?"),
        "{log}"
    );
    assert!(!log.contains("notes.txt"), "{log}");
    assert!(!out.exists());
    std::fs::rename(
        own.join("convocation_jure.j2"),
        own.join("convocation-jure.j2"),
    )
    .unwrap();
    let (code, log) = generate(&path, &out, &templates);
    assert_eq!(code, Some(0), "{log}");
}

/// The line of `text` that is exactly `line`, counted from 1.
fn line_of(text: &str, line: &str) -> usize {
    text.lines().position(|l| l == line).unwrap() + 1
}

#[test]
fn yaml_mistakes_are_reported_where_a_person_would_look() {
    let text = fixture_text();
    // A tab that indents a line.
    let tabbed = text.replacen("    nom: PETIT\n", "\tnom: PETIT\n", 1);
    let line = line_of(&tabbed, "\tnom: PETIT");
    let (_dir, path) = session_file(&tabbed);
    let (code, log) = run(&["check", path.to_str().unwrap()]);
    assert_eq!(code, Some(1), "{log}");
    assert!(
        log.contains(&format!("session.yaml:{line}:1")),
        "{line}: {log}"
    );
    assert!(
        log.contains("remplacez la tabulation par des espaces"),
        "{log}"
    );

    // A quote opened and not closed: the parser stops far below.
    let unclosed = text.replacen(
        "  tenue: Tenue de ville correcte\n",
        "  tenue: \"Tenue de ville correcte\n",
        1,
    );
    let line = line_of(&unclosed, "  tenue: \"Tenue de ville correcte");
    let (_dir, path) = session_file(&unclosed);
    let (code, log) = run(&["check", path.to_str().unwrap()]);
    assert_eq!(code, Some(1), "{log}");
    assert!(
        log.contains(&format!("session.yaml:{line}:10")),
        "{line}: {log}"
    );
    assert!(
        log.contains("des guillemets ouverts ne sont pas refermés sur cette ligne"),
        "{log}"
    );
    assert!(log.contains("ajoutez le guillemet fermant"), "{log}");
    assert!(!log.contains("du texte suit les guillemets"), "{log}");
}

#[test]
fn an_output_folder_that_cannot_be_written_says_what_to_do() {
    let (_dir, path) = session_file(&fixture_text());
    let (code, log) = generate(&path, Path::new("/proc/x"), &["--only", "echeancier"]);
    assert_eq!(code, Some(1), "{log}");
    assert!(!log.contains("introuvable"), "{log}");
    assert!(!log.contains("os error"), "{log}");
    assert!(
        log.contains("choisissez un autre dossier de sortie avec -o DOSSIER"),
        "{log}"
    );
    // Warnings about the file may come first; the error is a line of its own.
    assert!(log.lines().any(|l| l.starts_with("erreur : ")), "{log}");
}

#[test]
fn usage_errors_and_help_speak_one_french() {
    let (code, log) = run(&["generate", "x.yaml", "--only", "convocations"]);
    assert_eq!(code, Some(2), "{log}");
    assert!(
        log.starts_with("erreur : valeur « convocations » refusée"),
        "{log}"
    );
    assert!(log.contains("vouliez-vous dire « convocation » ?"), "{log}");
    assert!(
        log.contains("Pour l'aide : sessiondoc generate --help"),
        "{log}"
    );

    let help = std::process::Command::new(env!("CARGO_BIN_EXE_sessiondoc"))
        .args(["--help"])
        .output()
        .unwrap();
    let help = String::from_utf8_lossy(&help.stdout).into_owned();
    assert!(help.contains("Commandes\u{a0}:"), "{help}");
    assert!(help.contains("Options\u{a0}:"), "{help}");
    let generate = std::process::Command::new(env!("CARGO_BIN_EXE_sessiondoc"))
        .args(["generate", "--help"])
        .output()
        .unwrap();
    let generate = String::from_utf8_lossy(&generate.stdout).into_owned();
    assert!(generate.contains("Arguments\u{a0}:"), "{generate}");
    assert!(generate.contains("Options\u{a0}:"), "{generate}");
    for english in ["Commands:", "Options:", "Arguments:", "Usage:"] {
        assert!(
            !help.contains(english) && !generate.contains(english),
            "{english}"
        );
    }

    // A finding of check: one form, « erreur : ».
    let (_dir, path) = session_file(
        &fixture_text().replace("jury: [lejeune, moreau]", "jury: [lejeune, moreauu]"),
    );
    let (code, log) = run(&["check", path.to_str().unwrap()]);
    assert_eq!(code, Some(1), "{log}");
    assert!(log.contains("erreur : "), "{log}");
    assert!(!log.contains("erreur: "), "{log}");
    assert!(log.contains("aide : "), "{log}");
}

#[test]
fn the_folder_has_a_table_of_contents_and_a_zip_on_request() {
    let (dir, path) = session_file(&fixture_text());
    let out = dir.path().join("session-375846");
    let (code, log) = generate(&path, &out, &["--format", "docx", "--zip"]);
    assert_eq!(code, Some(0), "{log}");
    let index = std::fs::read_to_string(out.join("index.html")).unwrap();
    let before = index.find("<h2>Avant la session</h2>").unwrap();
    let day = index.find("<h2>Le jour de la session</h2>").unwrap();
    let after = index.find("<h2>Après la session</h2>").unwrap();
    assert!(before < day && day < after, "{index}");
    let row = |what: &str| {
        let at = index
            .find(what)
            .unwrap_or_else(|| panic!("{what}: {index}"));
        let end = at + index[at..].find("</tr>").unwrap();
        (at, &index[at..end])
    };
    let (at, convocations) = row("Convocations des candidats (6)");
    assert!(at > before && at < day, "{index}");
    assert!(convocations.contains("chaque candidat"), "{convocations}");
    assert!(
        convocations.contains("<a href=\"convocations/\">"),
        "{convocations}"
    );
    let (at, admis) = row("Liste des admis");
    assert!(at > after, "{index}");
    assert!(admis.contains("liste-admis.docx"), "{admis}");
    // Names are data: no markup of the session gets through.
    assert!(!index.contains("<script"), "{index}");

    let archive = dir.path().join("session-375846.zip");
    assert!(log.contains("Archive du dossier : "), "{log}");
    let zip = zip::ZipArchive::new(std::fs::File::open(&archive).unwrap()).unwrap();
    let names: Vec<&str> = zip.file_names().collect();
    assert!(names.contains(&"session-375846/index.html"), "{names:?}");
    assert!(
        names.contains(&"session-375846/convocations/convocation-amrani.docx"),
        "{names:?}"
    );
    assert!(
        !names.iter().any(|n| n.contains("manifest.json")),
        "{names:?}"
    );

    // A table of contents edited by hand is kept, and that is said.
    std::fs::write(out.join("index.html"), "mon sommaire").unwrap();
    let (code, log) = generate(&path, &out, &["--format", "docx"]);
    assert_eq!(code, Some(0), "{log}");
    assert!(
        log.contains("sommaire modifié à la main, gardé tel quel"),
        "{log}"
    );
    assert_eq!(
        std::fs::read_to_string(out.join("index.html")).unwrap(),
        "mon sommaire"
    );
}

#[test]
fn the_table_of_contents_prints_user_text_as_text() {
    let text = fixture_text().replacen(
        "  intitule: Secrétaire comptable\n",
        "  intitule: \"Secrétaire <script>alert(1)</script> & co\"\n",
        1,
    );
    assert!(text.contains("<script>"), "the title was not replaced");
    let (dir, path) = session_file(&text);
    let out = dir.path().join("out");
    let (code, log) = generate(&path, &out, &["--only", "echeancier", "--format", "docx"]);
    assert_eq!(code, Some(0), "{log}");
    let index = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert!(!index.contains("<script>"), "{index}");
    assert!(index.contains("&lt;script&gt;"), "{index}");
}

#[test]
fn the_table_of_contents_knows_how_each_kind_is_named() {
    // A kind its template does not name in `nom_sommaire` would fail the page.
    let wording = sessiondoc::wording::Wording::new(None).unwrap();
    let kinds = sessiondoc::kind::Kind::ALL.iter().copied();
    let names = wording
        .kind_names(sessiondoc::sommaire::NAMES, kinds)
        .unwrap_or_else(|e| panic!("{e}"));
    for spec in sessiondoc::kind::KINDS {
        assert!(!names[spec.name].is_empty(), "« {} » unnamed", spec.name);
    }
}

#[test]
fn changements_names_every_internal_kind() {
    // A kind not sent to people is reported by the name its template gives
    // it in `nom_changements`.
    let wording = sessiondoc::wording::Wording::new(None).unwrap();
    let internal = sessiondoc::kind::KINDS.iter().filter(|s| !s.sent);
    let names = wording
        .kind_names(sessiondoc::changes::NAMES, internal.clone().map(|s| s.kind))
        .unwrap_or_else(|e| panic!("{e}"));
    for spec in internal {
        assert!(!names[spec.name].is_empty(), "« {} » unnamed", spec.name);
    }
}

/// A command whose output is piped into a reader that stopped reading
/// (`sessiondoc echeancier … | head -1`): its output ends there, without a
/// panic and with success.
#[test]
fn a_reader_that_stops_reading_ends_the_output_not_the_program() {
    let fixture = common::fixture("secretaire-comptable.yaml");
    let fixture = fixture.to_str().unwrap();
    for args in [vec!["schema"], vec!["echeancier", fixture]] {
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_sessiondoc"))
            .args(&args)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        // The reader is gone before anything is written.
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        assert_eq!(out.status.code(), Some(0), "{args:?}: {stderr}");
    }
}
