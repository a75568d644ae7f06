//! `sessiondoc changements AVANT APRES`: what changed, per person to
//! contact again, compared on what the documents say.

use crate::common;

use std::process::Command;

use common::fixture;
use common::run_sessiondoc as run;

const SC: &str = "secretaire-comptable.yaml";

fn original() -> String {
    std::fs::read_to_string(fixture(SC)).unwrap()
}

/// Runs `changements` on the fixture and an edited copy of it; returns the
/// exit status and what it printed.
fn changes(after: &str) -> (Option<i32>, String) {
    changes_from(SC, after)
}

/// The same for another fixture.
fn changes_from(fixture_name: &str, after: &str) -> (Option<i32>, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("apres.yaml");
    std::fs::write(&path, after).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_sessiondoc"))
        .args(["changements", fixture(fixture_name).to_str().unwrap()])
        .arg(&path)
        .output()
        .unwrap();
    let text =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    (out.status.code(), text.replace('\u{a0}', " "))
}

/// The lines that name people to contact (not the headings, not the
/// internal documents, not the help of a warning about the file).
fn people_lines(report: &str) -> Vec<&str> {
    report
        .lines()
        .filter(|l| l.starts_with("  ") && l.contains(" : "))
        .filter(|l| !l.trim_start().starts_with("= aide"))
        .collect()
}

/// The session text without the planning entries that contain `marker`.
fn without_slots(text: &str, marker: &str) -> String {
    let (head, planning) = text.split_once("planning:\n").unwrap();
    let mut entries = planning.split("\n  - date:");
    let mut out = format!("{head}planning:\n{}", entries.next().unwrap());
    for entry in entries {
        if !entry.contains(marker) {
            out.push_str("\n  - date:");
            out.push_str(entry);
        }
    }
    out
}

#[test]
fn a_room_change_names_the_candidate_and_her_jurors() {
    let after = original().replacen(
        "    intitule: Entretien technique\n    salle: s105\n    candidats: [amrani]",
        "    intitule: Entretien technique\n    salle: s204\n    candidats: [amrani]",
        1,
    );
    let (code, report) = changes(&after);
    assert_eq!(code, Some(0), "{report}");
    let line = "AMRANI Leïla : Entretien technique du mardi 12 janvier 2027, 8 h 30 : Salle d'entretien 105 → Salle informatique 204";
    assert!(
        report.contains(&format!("Candidats à prévenir de nouveau :\n  {line}")),
        "{report}"
    );
    assert!(report.contains("  LEJEUNE Claire : Entretien technique du mardi 12 janvier 2027, 8 h 30 : Salle d'entretien 105 → Salle informatique 204"));
    // Nobody else is named.
    assert_eq!(people_lines(&report).len(), 3, "{report}");
    // The posted timetable and the door signs are printed again; the
    // public list says the same.
    assert!(report.contains("Documents internes à imprimer de nouveau (sans personne à prévenir) :\n  affichage du déroulement\n  panneaux de salle\n"), "{report}");
    assert!(!report.contains("liste des admis"), "{report}");
    for other in ["BERNARD", "DIALLO", "DUPONT", "HADDAD", "PETIT"] {
        assert!(!report.contains(other), "{other} named:\n{report}");
    }
}

#[test]
fn a_moved_slot_says_from_when_to_when() {
    let after = original().replacen(
        "    debut: \"11:40\"\n    fin: \"12:00\"\n    nature: entretien_final\n    intitule: Entretien final\n    salle: s106\n    candidats: [lefevre]",
        "    debut: \"12:00\"\n    fin: \"12:20\"\n    nature: entretien_final\n    intitule: Entretien final\n    salle: s106\n    candidats: [lefevre]",
        1,
    );
    // The jury's lunch break starts later too.
    let after = after.replacen(
        "    debut: \"12:00\"\n    fin: \"13:15\"",
        "    debut: \"12:20\"\n    fin: \"13:15\"",
        1,
    );
    let (code, report) = changes(&after);
    assert_eq!(code, Some(0), "{report}");
    assert!(report.contains("  LEFÈVRE-DUMAS Jean-Baptiste : Entretien final du mardi 12 janvier 2027, 11 h 40, déplacé : mardi 12 janvier 2027, 11 h 40 – 12 h 00 → mardi 12 janvier 2027, 12 h 00 – 12 h 20"), "{report}");
    assert!(!report.contains("AMRANI"), "{report}");
}

#[test]
fn a_replaced_juror_is_said_replaced_on_the_same_slots() {
    let after = original()
        .replace(
            "  - id: dupont\n    civilite: M.\n    nom: DUPONT\n    prenom: Olivier",
            "  - id: roux\n    civilite: Mme\n    nom: ROUX\n    prenom: Hélène",
        )
        .replace("[dupont, haddad]", "[roux, haddad]");
    let (code, report) = changes(&after);
    assert_eq!(code, Some(0), "{report}");
    assert!(report.contains("Jurés à prévenir de nouveau :\n  Jury : M. Olivier DUPONT remplacé par Mme Hélène ROUX (créneaux : Accueil et briefing du jury, lundi 11 janvier 2027"), "{report}");
    // The newcomer gets a convocation, the one replaced is told.
    assert!(report.contains("→ envoyer la convocation du juré et son calendrier (convocation-jure) à Mme Hélène ROUX\u{202f}; prévenir M. Olivier DUPONT de son remplacement"), "{report}");
    // The candidates' convocations name no juror: no candidate to contact.
    assert!(!report.contains("Candidats à prévenir"), "{report}");
}

#[test]
fn a_withdrawn_candidate_is_listed_and_nobody_else() {
    let text = original();
    let start = text.find("  - id: lefevre").unwrap();
    let end = text.find("planning:").unwrap();
    let after = format!("{}{}", &text[..start], &text[end..]);
    let after = without_slots(&after, "candidats: [lefevre]");
    let (code, report) = changes(&after);
    assert_eq!(code, Some(0), "{report}");
    assert!(
        report.contains("  candidat retiré : LEFÈVRE-DUMAS Jean-Baptiste"),
        "{report}"
    );
    assert!(!report.contains("AMRANI"), "{report}");
}

#[test]
fn a_postponed_session_is_said_first() {
    let after = original()
        .replace("2027-01-11", "2027-02-08")
        .replace("2027-01-12", "2027-02-09");
    let (code, report) = changes(&after);
    assert_eq!(code, Some(0), "{report}");
    assert!(report.contains("Session reportée : du lundi 11 janvier 2027 au mardi 12 janvier 2027 → du lundi 8 février 2027 au mardi 9 février 2027"), "{report}");
    assert!(report.contains("DDETS"), "{report}");
    // Every candidate is told the new dates.
    for name in ["AMRANI Leïla", "BERNARD Lucas", "DIALLO Mamadou"] {
        assert!(
            report.contains(&format!("  {name} : ")),
            "{name}:\n{report}"
        );
    }
}

#[test]
fn nothing_is_reported_for_the_same_session_reordered_or_commented() {
    let text = original();
    let (code, report) = changes(&text);
    assert_eq!(code, Some(0));
    assert!(report.contains("Aucun changement"), "{report}");
    // Rooms moved above the jurors, a comment added: the documents say the same.
    let salles_start = text.find("salles:\n").unwrap();
    let salles_end = text.find("candidats:\n").unwrap();
    let salles = &text[salles_start..salles_end];
    let reordered = text.replacen(salles, "", 1).replacen(
        "jures:\n",
        &format!("# Les salles d'abord.\n{salles}jures:\n"),
        1,
    );
    assert_ne!(reordered, text);
    let (code, report) = changes(&reordered);
    assert_eq!(code, Some(0), "{report}");
    assert!(report.contains("Aucun changement"), "{report}");
}

#[test]
fn an_invalid_file_fails_with_its_diagnostics() {
    let after = original().replace(
        "    salle: s105\n    candidats: [amrani]",
        "    salle: s999\n    candidats: [amrani]",
    );
    let (code, report) = changes(&after);
    assert_eq!(code, Some(1));
    assert!(
        report.contains("apres.yaml:") && report.contains("s999"),
        "{report}"
    );
}

#[test]
fn generate_depuis_writes_corrected_letters_only_for_the_people_concerned() {
    use std::os::unix::fs::MetadataExt;
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let before = fixture(SC);
    let (code, log) = run(&[
        "generate",
        before.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, Some(0), "{log}");
    let ino = |rel: &str| std::fs::metadata(out.join(rel)).unwrap().ino();
    let bernard = ino("convocations/convocation-bernard.pdf");

    // Mme AMRANI's interview moves to another room.
    let after = dir.path().join("apres.yaml");
    std::fs::write(
        &after,
        original().replacen(
            "    intitule: Entretien technique\n    salle: s105\n    candidats: [amrani]",
            "    intitule: Entretien technique\n    salle: s204\n    candidats: [amrani]",
            1,
        ),
    )
    .unwrap();
    let (code, log) = run(&[
        "generate",
        after.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--depuis",
        before.to_str().unwrap(),
    ]);
    assert_eq!(code, Some(0), "{log}");
    let read = |rel: &str| std::fs::read(out.join(rel)).unwrap();
    let corrected =
        "Convocation rectificative — annule et remplace la convocation du vendredi 4 décembre 2026";
    let (pdf, docx) = (
        common::pdf_text(&read("convocations/convocation-amrani.pdf")),
        common::docx_text(&read("convocations/convocation-amrani.docx")),
    );
    common::assert_both_contain(&pdf, &docx, corrected);
    // The changed slot is marked in the timetable annex.
    common::assert_both_contain(&pdf, &docx, "Entretien technique modifié");
    // Other candidates' letters are left as they were.
    assert_eq!(ino("convocations/convocation-bernard.pdf"), bernard);
    let other = common::pdf_text(&read("convocations/convocation-bernard.pdf"));
    assert!(!other.contains("rectificative"), "{other}");
    // The jurors of that interview get a corrected pack, the others not.
    let lejeune = common::pdf_text(&read("livrets-jures/livret-jure-lejeune.pdf"));
    assert!(lejeune.contains("Livret rectificatif — annule et remplace celui qui accompagnait votre convocation du vendredi 4 décembre 2026"), "{lejeune}");
    let haddad = common::pdf_text(&read("livrets-jures/livret-jure-haddad.pdf"));
    assert!(!haddad.contains("rectificatif"), "{haddad}");
}

#[test]
fn a_corrected_letter_sent_late_is_warned_about_naming_the_rule() {
    let dir = tempfile::tempdir().unwrap();
    let after = dir.path().join("apres.yaml");
    std::fs::write(
        &after,
        original()
            .replacen("    date: 2026-12-04", "    date: 2026-12-28", 1)
            .replacen(
                "    intitule: Entretien technique\n    salle: s105\n    candidats: [amrani]",
                "    intitule: Entretien technique\n    salle: s204\n    candidats: [amrani]",
                1,
            ),
    )
    .unwrap();
    let out = dir.path().join("out");
    let (code, log) = run(&[
        "generate",
        after.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--only",
        "convocation",
        "--depuis",
        fixture(SC).to_str().unwrap(),
    ]);
    assert_eq!(code, Some(0), "{log}");
    assert!(log.contains("avertissement"), "{log}");
    assert!(
        log.contains("moins d'un mois avant le début de la session"),
        "{log}"
    );
    assert!(
        log.contains("règle : la convocation part au moins un mois avant le début de la session"),
        "{log}"
    );
}

/// The session text with the items of its `candidats:` list in reverse order.
fn candidates_reversed(text: &str) -> String {
    let start = text.find("candidats:\n  - id:").unwrap() + "candidats:\n".len();
    let end = start + text[start..].find("\nplanning:").unwrap() + 1;
    let items: Vec<String> = text[start..end]
        .split("  - id:")
        .filter(|s| !s.is_empty())
        .map(|s| format!("  - id:{}", s.trim_end_matches('\n')))
        .collect();
    assert!(items.len() > 2, "{items:?}");
    let reversed: Vec<String> = items.into_iter().rev().collect();
    format!(
        "{}{}\n{}",
        &text[..start],
        reversed.join("\n"),
        &text[end..]
    )
}

#[test]
fn reversing_the_candidates_changes_nothing() {
    let reversed = candidates_reversed(&original());
    assert_ne!(reversed, original());
    let (code, report) = changes(&reversed);
    assert_eq!(code, Some(0), "{report}");
    assert!(report.contains("Aucun changement"), "{report}");
}

#[test]
fn a_rerun_with_the_candidates_reversed_rewrites_nothing() {
    use std::os::unix::fs::MetadataExt;
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let run_on = |text: &str| {
        let path = dir.path().join("session.yaml");
        std::fs::write(&path, text).unwrap();
        let (code, log) = run(&[
            "generate",
            path.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
        ]);
        assert_eq!(code, Some(0), "{log}");
    };
    run_on(&original());
    let inodes = || -> Vec<(String, u64)> {
        let mut all = Vec::new();
        for sub in walk(&out) {
            if !sub.ends_with("manifest.json") {
                let ino = std::fs::metadata(&sub).unwrap().ino();
                all.push((sub.display().to_string(), ino));
            }
        }
        all.sort();
        all
    };
    let first = inodes();
    run_on(&candidates_reversed(&original()));
    assert_eq!(inodes(), first, "files were rewritten");
}

/// Every file under a folder.
fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}

/// The TSMI fixture without its second candidate and her slots.
fn tsmi_without_c2() -> String {
    let text = std::fs::read_to_string(fixture("tsmi-avant-session.yaml")).unwrap();
    let start = text.find("  - id: c2\n").unwrap();
    let end = text.find("  - id: c3\n").unwrap();
    let text = format!("{}{}", &text[..start], &text[end..]).replace("[c1, c2]", "[c1]");
    without_slots(&text, "candidats: [c2]")
}

#[test]
fn a_withdrawal_reports_only_the_withdrawn_candidates_slots() {
    let (code, report) = changes_from("tsmi-avant-session.yaml", &tsmi_without_c2());
    assert_eq!(code, Some(0), "{report}");
    assert!(!report.contains("déplacé"), "{report}");
    // Each juror loses c2's two slots (11 h 50 and 16 h 50), nothing else.
    let jurors: Vec<&str> = people_lines(&report)
        .into_iter()
        .filter(|l| !l.contains("candidat retiré"))
        .collect();
    assert_eq!(jurors.len(), 4, "{report}");
    for line in jurors {
        assert!(line.contains("créneau supprimé"), "{line}");
        assert!(
            line.contains("11 h 50 – 12 h 30") || line.contains("16 h 50 – 17 h 10"),
            "{line}"
        );
    }
}

#[test]
fn a_replaced_jurors_partner_is_told() {
    // Mme HADDAD is replaced: her partner M. DUPONT now evaluates with
    // someone else (his corrected pack: tests/rectificatives.rs).
    let after = original()
        .replace(
            "  - id: haddad\n    civilite: Mme\n    nom: HADDAD\n    prenom: Samira",
            "  - id: roux\n    civilite: Mme\n    nom: ROUX\n    prenom: Isabelle",
        )
        .replace("[dupont, haddad]", "[dupont, roux]");
    let (code, report) = changes(&after);
    assert_eq!(code, Some(0), "{report}");
    assert!(
        report.contains("  Jury : Mme Samira HADDAD remplacée par Mme Isabelle ROUX (créneaux"),
        "{report}"
    );
    assert!(
        report.contains(
            "  DUPONT Olivier : évalue désormais avec Mme Isabelle ROUX (au lieu de Mme Samira HADDAD)"
        ),
        "{report}"
    );
    assert!(!report.contains("LEJEUNE"), "{report}");
}

/// The lines of the report that say what to do (`→ envoyer …`).
fn action_lines(report: &str) -> Vec<&str> {
    report
        .lines()
        .filter(|l| l.trim_start().starts_with("→ envoyer"))
        .collect()
}

#[test]
fn a_postponement_is_one_line_per_person_each_with_the_action() {
    let after = original()
        .replace("2027-01-11", "2027-02-08")
        .replace("2027-01-12", "2027-02-09");
    let (code, report) = changes(&after);
    assert_eq!(code, Some(0), "{report}");
    // Six candidates, four jurors, one surveillant: one line each.
    let people = people_lines(&report);
    assert_eq!(people.len(), 11, "{report}");
    assert!(
        report.contains("  AMRANI Leïla : session reportée, ses 4 créneaux aux nouvelles dates\n    → envoyer de nouveau sa convocation (convocation)\n"),
        "{report}"
    );
    assert!(
        report.contains("  LEJEUNE Claire : session reportée, ses 9 créneaux aux nouvelles dates\n    → envoyer de nouveau sa convocation et son calendrier (convocation-jure)\n"),
        "{report}"
    );
    assert_eq!(action_lines(&report).len(), 11, "{report}");
}

#[test]
fn a_room_change_is_one_line_per_person_candidates_included() {
    let after = original().replace("salle: s105", "salle: s204");
    let (code, report) = changes(&after);
    assert_eq!(code, Some(0), "{report}");
    assert!(
        report.contains(
            "  LEJEUNE Claire : 9 créneaux, Salle d'entretien 105 → Salle informatique 204\n"
        ),
        "{report}"
    );
    assert!(
        report.contains("  AMRANI Leïla : 2 créneaux, Salle d'entretien 105 → Salle informatique 204\n    → envoyer de nouveau sa convocation (convocation)\n"),
        "{report}"
    );
    // Every person named once, each with what to do.
    let people = people_lines(&report);
    let mut names: Vec<&str> = people
        .iter()
        .map(|l| l.split(" : ").next().unwrap())
        .collect();
    let count = names.len();
    names.dedup();
    assert_eq!(names.len(), count, "{report}");
    assert_eq!(action_lines(&report).len(), count, "{report}");
}
