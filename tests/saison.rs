//! A season of changes sent one after the other, as a responsable lives
//! it: the first sending; a slot moved; a room changed; a juror replaced
//! and a candidate who withdraws; the session postponed. After each
//! sending: what everyone received before is kept as it was; each new
//! letter is right (a first letter, a rectificative naming the day of the
//! person's last letter, or a cancellation); the letter of each person the
//! output folder shows is the one they last received until a change
//! concerns them; the calendars sent, replayed in order into one calendar,
//! hold exactly the current slots. Then a slot moved after the
//! postponement: the letters do not announce it again, and the DDETS,
//! which received the rectificative declaration with the postponement,
//! is left with it as it was sent. Then the session postponed again: a
//! new declaration to the DDETS, dated the day it is sent.

use crate::common;

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::process::Command;

use common::*;

/// The days of sending, and how the letters write them.
const DAYS: [(&str, &str); 7] = [
    ("2026-12-04", "vendredi 4 décembre 2026"),
    ("2026-12-10", "jeudi 10 décembre 2026"),
    ("2026-12-15", "mardi 15 décembre 2026"),
    ("2026-12-18", "vendredi 18 décembre 2026"),
    ("2026-12-22", "mardi 22 décembre 2026"),
    ("2027-01-05", "mardi 5 janvier 2027"),
    ("2027-01-12", "mardi 12 janvier 2027"),
];

fn long(day: &str) -> &'static str {
    DAYS.iter().find(|(d, _)| *d == day).unwrap().1
}

/// The session files of the season, one per sending.
fn season() -> Vec<String> {
    let v1 = std::fs::read_to_string(fixture("secretaire-comptable.yaml"))
        .unwrap()
        .replacen(
            "\nsurveillants:\n",
            "  - id: roux\n    civilite: M.\n    nom: ROUX\n    prenom: Marc\n    habilitation_fin: 2029-06-30\n\nsurveillants:\n",
            1,
        );
    // The jury's briefing moves.
    let v2 = v1.replacen("debut: \"13:30\"", "debut: \"13:00\"", 1);
    // The deliberation changes room.
    let v3 = v2.replacen(
        "intitule: Délibération du jury et rédaction des procès-verbaux\n    salle: s105",
        "intitule: Délibération du jury et rédaction des procès-verbaux\n    salle: s204",
        1,
    );
    // M. ROUX replaces Mme HADDAD; M. DIALLO withdraws.
    let v4 = v3
        .replace("[dupont, haddad]", "[dupont, roux]")
        .replacen(
            "  - id: haddad\n    civilite: Mme\n    nom: HADDAD\n    prenom: Samira\n    habilitation_fin: 2027-12-31\n",
            "",
            1,
        )
        .replacen("  - id: diallo\n", "  - id: diallo\n    desistement: 2026-12-16\n", 1);
    // The session is postponed by four weeks.
    let v5 = four_weeks_later(&v4);
    // The jury's briefing moves back, after the postponement was sent.
    let v6 = v5.replacen("debut: \"13:00\"", "debut: \"13:30\"", 1);
    // The session is postponed again, by four more weeks.
    let v7 = v6
        .replace("2027-02-08", "2027-03-08")
        .replace("2027-02-09", "2027-03-09");
    let all = vec![v1, v2, v3, v4, v5, v6, v7];
    for pair in all.windows(2) {
        assert_ne!(pair[0], pair[1], "each step changes the file");
    }
    assert!(!all[3].contains("haddad"));
    all
}

/// The session `text` postponed by four weeks.
fn four_weeks_later(text: &str) -> String {
    text.replace("2027-01-11", "2027-02-08")
        .replace("2027-01-12", "2027-02-09")
}

/// `envoyer` on the session `text` (written to `session`), sent on `day`
/// into `out`: `None`, or what it printed when it failed.
fn send(session: &Path, out: &Path, text: &str, day: &str) -> Option<String> {
    std::fs::write(session, text).unwrap();
    let (ok, _, err) = sessiondoc(&[
        "envoyer",
        session.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--date",
        day,
    ]);
    (!ok).then_some(err)
}

fn sessiondoc(args: &[&str]) -> (bool, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_sessiondoc"))
        .args(args)
        .output()
        .unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Every file under `dir`, relative, with its bytes.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut files = BTreeMap::new();
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        if e.path().is_dir() {
            files.extend(snapshot(&e.path()));
        } else {
            files.insert(e.path(), std::fs::read(e.path()).unwrap());
        }
    }
    files
}

/// The list of a sending.
fn list(out: &Path, day: &str) -> Vec<serde_json::Value> {
    let text = std::fs::read_to_string(out.join("envois").join(day).join("envoi.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

/// The letter of a person among their documents of a sending.
fn is_letter(document: &str) -> bool {
    document.ends_with(".pdf")
        && (document.starts_with("convocations") || document.starts_with("annulations/"))
}

/// The livret of a juror or surveillant among their documents of a sending.
fn is_livret(document: &str) -> bool {
    document.ends_with(".pdf") && document.starts_with("livrets-")
}

/// The livret sent at `step` in `path` is a first one for someone who
/// received no letter before, else a rectificative naming the day of
/// their last letter, `before`.
fn livret_names(path: &Path, before: Option<&&str>, step: usize) {
    let text = normalize(&pdf_text(&std::fs::read(path).unwrap()));
    let context = format!("step {step}, {path:?}:\n{text}");
    let Some(before) = before else {
        assert!(!text.contains("rectificati"), "{context}");
        return;
    };
    let at = text.find("rectificati").expect(&context);
    let said: String = text[at..].chars().take(160).collect();
    assert!(said.contains("remplace"), "{context}");
    assert!(
        said.contains(&format!("du {}", long(before))),
        "{said}\n{context}"
    );
}

/// One event of a calendar: its UID, SEQUENCE, whether cancelled, when.
struct Event {
    uid: String,
    sequence: u32,
    cancelled: bool,
    when: (String, String),
}

fn events(path: &Path) -> Vec<Event> {
    let bytes = std::fs::read(path).unwrap();
    let mut parser = ical::IcalParser::new(std::io::BufReader::new(bytes.as_slice()));
    let calendar = parser.next().expect("a calendar").expect("valid iCalendar");
    calendar
        .events
        .iter()
        .map(|e| {
            let text = |n: &str| {
                e.properties
                    .iter()
                    .find(|p| p.name == n)
                    .and_then(|p| p.value.clone())
                    .unwrap_or_default()
            };
            Event {
                uid: text("UID"),
                sequence: text("SEQUENCE").parse().unwrap_or(0),
                cancelled: text("STATUS") == "CANCELLED",
                when: (text("DTSTART"), text("DTEND")),
            }
        })
        .collect()
}

fn calendars(dir: &Path) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = snapshot(dir)
        .into_keys()
        .filter(|p| p.extension().is_some_and(|e| e == "ics"))
        .collect();
    found.sort();
    found
}

/// The calendars of every sending so far, replayed in order into one
/// store keyed by UID: a higher SEQUENCE replaces, CANCELLED removes.
fn replayed(out: &Path, days: &[&str]) -> BTreeMap<String, (String, String)> {
    let mut store: HashMap<String, Event> = HashMap::new();
    for day in days {
        for path in calendars(&out.join("envois").join(day)) {
            for e in events(&path) {
                if let Some(held) = store.get(&e.uid) {
                    assert!(
                        e.sequence >= held.sequence,
                        "{}: SEQUENCE {} after {} ({path:?})",
                        e.uid,
                        e.sequence,
                        held.sequence
                    );
                    if e.sequence == held.sequence {
                        assert_eq!(e.when, held.when, "{}: changed, same SEQUENCE", e.uid);
                    }
                }
                store.insert(e.uid.clone(), e);
            }
        }
    }
    store
        .into_values()
        .filter(|e| !e.cancelled)
        .map(|e| (e.uid, e.when))
        .collect()
}

/// The events of the current calendars of the output folder.
fn current(out: &Path) -> BTreeMap<String, (String, String)> {
    let mut now = BTreeMap::new();
    for folder in ["convocations-jures", "convocations-surveillants"] {
        for path in calendars(&out.join(folder)) {
            for e in events(&path).into_iter().filter(|e| !e.cancelled) {
                assert!(
                    now.insert(e.uid.clone(), e.when).is_none(),
                    "{} twice",
                    e.uid
                );
            }
        }
    }
    now
}

#[test]
fn a_season_of_sendings_leaves_every_letter_and_calendar_right() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("sortie");
    let session = dir.path().join("session.yaml");
    let files = season();
    // Each person's last letter: the day it was sent.
    let mut last: HashMap<String, &str> = HashMap::new();
    // Each person's last convocation: the day and the file.
    let mut held: HashMap<String, (&str, String)> = HashMap::new();
    let mut kept: BTreeMap<PathBuf, Vec<u8>> = BTreeMap::new();
    // Each juror's and surveillant's last livret: the day and the file.
    let mut livrets: HashMap<String, (&str, String)> = HashMap::new();
    for (step, (text, (day, _))) in files.iter().zip(DAYS).enumerate() {
        if let Some(err) = send(&session, &out, text, day) {
            panic!("step {step}: {err}");
        }
        // What was sent before is as it was.
        let envois = snapshot(&out.join("envois"));
        for (path, bytes) in &kept {
            assert_eq!(
                envois.get(path),
                Some(bytes),
                "step {step}: {path:?} rewritten"
            );
        }
        kept = envois;
        // Each letter of this sending against the person's last one.
        let lines = list(&out, day);
        assert!(!lines.is_empty(), "step {step}");
        let mut written: Vec<String> = Vec::new();
        for l in lines
            .iter()
            .filter(|l| is_letter(l["document"].as_str().unwrap()))
        {
            let who = format!(
                "{}:{}",
                l["role"].as_str().unwrap(),
                l["id"].as_str().unwrap()
            );
            let document = l["document"].as_str().unwrap();
            let text = normalize(&pdf_text(
                &std::fs::read(out.join("envois").join(day).join(document)).unwrap(),
            ));
            let context = format!("step {step}, {who}, {document}:\n{text}");
            match last.get(&who) {
                _ if document.starts_with("annulations/") => {
                    let before = last.get(&who).expect("a cancellation after a letter");
                    let said = format!("annule la convocation du {}", long(before));
                    assert!(text.contains(&said), "{context}");
                    assert!(text.contains(&format!("le {}", long(day))), "{context}");
                }
                None => assert!(!text.contains("rectificati"), "{context}"),
                Some(before) => {
                    assert!(text.contains("annule et remplace"), "{context}");
                    assert!(text.contains(&format!("du {}", long(before))), "{context}");
                    assert!(text.contains(&format!("le {}", long(day))), "{context}");
                }
            }
            if [4, 6].contains(&step) && !document.starts_with("annulations/") {
                assert!(text.contains("La session est reportée du"), "{context}");
            }
            // Those who were told of the postponement are not told again.
            if step == 5 {
                assert!(!text.contains("reportée"), "{context}");
            }
            match document.starts_with("annulations/") {
                true => held.remove(&who),
                false => held.insert(who.clone(), (day, document.to_owned())),
            };
            written.push(who);
        }
        // Whom this sending left alone: the output folder shows the letter
        // they last received, rectificative or not.
        for (who, (when, document)) in &held {
            if !written.contains(who) {
                assert_holds(&out, who, when, document, &format!("step {step}"));
            }
        }
        // The livrets sent with the letters name the person's last letter.
        livrets.retain(|who, _| held.contains_key(who));
        let mut with_livret: Vec<String> = Vec::new();
        for l in lines
            .iter()
            .filter(|l| is_livret(l["document"].as_str().unwrap()))
        {
            let who = format!(
                "{}:{}",
                l["role"].as_str().unwrap(),
                l["id"].as_str().unwrap()
            );
            let document = l["document"].as_str().unwrap();
            livret_names(
                &out.join("envois").join(day).join(document),
                last.get(&who),
                step,
            );
            livrets.insert(who.clone(), (day, document.to_owned()));
            with_livret.push(who);
        }
        for (who, (when, document)) in &livrets {
            if !with_livret.contains(who) {
                assert_holds(&out, who, when, document, &format!("step {step}"));
            }
        }
        for who in written {
            last.insert(who, day);
        }
        // The calendars sent so far hold exactly the current slots.
        let days: Vec<&str> = DAYS[..=step].iter().map(|(d, _)| *d).collect();
        assert_eq!(replayed(&out, &days), current(&out), "step {step}");
        // Who gets what at each step.
        let people: Vec<String> = lines
            .iter()
            .map(|l| {
                format!(
                    "{}:{}",
                    l["role"].as_str().unwrap(),
                    l["id"].as_str().unwrap()
                )
            })
            .collect();
        let has = |who: &str| people.iter().any(|p| p == who);
        match step {
            1 | 2 => assert!(
                !people.iter().any(|p| p.starts_with("candidat:")),
                "{people:?}"
            ),
            3 => {
                for who in ["jure:haddad", "candidat:diallo", "jure:roux"] {
                    assert!(has(who), "{who} in {people:?}");
                }
                assert!(!has("candidat:amrani"), "{people:?}");
            }
            4 => {
                assert!(
                    has("candidat:amrani") && has("surveillant:petit"),
                    "{people:?}"
                );
                assert!(!has("jure:haddad") && !has("candidat:diallo"), "{people:?}");
                let before = "du lundi 11 janvier 2027 au lundi 8 février 2027";
                ddets_told(&out, DAYS[4], before);
            }
            5 => {
                assert!(people.iter().all(|p| p.starts_with("jure:")), "{people:?}");
                ddets_holds(&out, DAYS[4].0, "step 5");
            }
            6 => ddets_told(
                &out,
                DAYS[6],
                "du lundi 8 février 2027 au lundi 8 mars 2027",
            ),
            _ => assert!(!has("autorite:ddets"), "{people:?}"),
        }
    }
    // Nothing changed since: a later `generate` leaves everyone's letter
    // as they received it.
    let (ok, _, err) = sessiondoc(&[
        "generate",
        session.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(ok, "{err}");
    for (who, (when, document)) in &held {
        assert_holds(&out, who, when, document, "generate");
    }
    ddets_holds(&out, DAYS[6].0, "generate");
    let after_postponement = held.values().filter(|(when, _)| *when == DAYS[6].0).count();
    assert!(after_postponement > 0, "{held:?}");
    // `changements` for the postponement: every person once, with what to do.
    let before = dir.path().join("avant.yaml");
    std::fs::write(&before, &files[3]).unwrap();
    let postponed = dir.path().join("reportee.yaml");
    std::fs::write(&postponed, &files[4]).unwrap();
    let (ok, report, err) = sessiondoc(&[
        "changements",
        before.to_str().unwrap(),
        postponed.to_str().unwrap(),
    ]);
    assert!(ok, "{err}");
    let named: Vec<&str> = report
        .lines()
        .filter(|l| l.starts_with("  ") && !l.trim_start().starts_with('→'))
        .filter_map(|l| l.split_once(':').map(|(who, _)| who.trim()))
        .collect();
    let mut unique = named.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), named.len(), "{report}");
    let convened = list(&out, "2026-12-22")
        .iter()
        .filter(|l| is_letter(l["document"].as_str().unwrap()))
        .count();
    assert_eq!(named.len(), convened, "{report}");
    let actions = report
        .lines()
        .filter(|l| l.trim_start().starts_with('→'))
        .count();
    assert_eq!(actions, named.len(), "{report}");
}

/// The letter of `who` in the output folder says what the one they
/// received on `when` said.
fn assert_holds(out: &Path, who: &str, when: &str, document: &str, context: &str) {
    let read = |path: PathBuf| normalize(&pdf_text(&std::fs::read(path).unwrap()));
    let sent = read(out.join("envois").join(when).join(document));
    let shown = read(out.join(document));
    assert_eq!(
        shown, sent,
        "{context}: {who}'s letter in the folder is not the one sent on {when}"
    );
}

/// The declaration of the session, PDF and DOCX, in `dir`.
fn declaration(dir: &Path) -> (String, String) {
    let read = |extension: &str| {
        std::fs::read(dir.join(format!("responsable/declaration-session.{extension}"))).unwrap()
    };
    (
        normalize(&pdf_text(&read("pdf"))),
        normalize(&docx_text(&read("docx"))),
    )
}

/// The postponement is said to the DDETS by a rectificative declaration,
/// dated the day it is sent, recorded with the sending, in the print file
/// and the list of registered letters.
fn ddets_told(out: &Path, (day, long): (&str, &str), period: &str) {
    let (pdf, docx) = declaration(out);
    assert_both_contain(&pdf, &docx, "déclaration rectificative annule et remplace");
    assert_both_contain(&pdf, &docx, &format!("La session est reportée {period}"));
    assert_both_contain(&pdf, &docx, &format!("le {long}"));
    let lines = list(out, day);
    let to_ddets: Vec<&str> = lines
        .iter()
        .filter(|l| l["role"] == "autorite" && l["id"] == "ddets")
        .map(|l| l["document"].as_str().unwrap())
        .collect();
    assert!(
        to_ddets.contains(&"responsable/declaration-session.pdf"),
        "{day}: {to_ddets:?}"
    );
    let sending = out.join("envois").join(day);
    assert_eq!(declaration(&sending), (pdf, docx), "{day}");
    let registered = std::fs::read_to_string(sending.join("recommandes.csv")).unwrap();
    assert!(
        registered.contains("DDETS de la Manche") && registered.contains("declaration-session.pdf"),
        "{registered}"
    );
    let printed = normalize(&pdf_text(
        &std::fs::read(sending.join("a-imprimer.pdf")).unwrap(),
    ));
    assert!(printed.contains("déclaration rectificative"), "{day}");
}

/// The DDETS is not written to again: the output folder shows the
/// declaration it received on `day`, as it was sent.
fn ddets_holds(out: &Path, day: &str, context: &str) {
    let sent = declaration(&out.join("envois").join(day));
    assert_eq!(
        declaration(out),
        sent,
        "{context}: the declaration sent on {day}"
    );
}

/// A juror who evaluates in a pair but has no slot of their own in the
/// planning, and a surveillant with no slot: both received a first
/// convocation; the session postponed, both are told, by a rectificative
/// that says so; a later change that does not concern them leaves them
/// the letter they received.
#[test]
fn a_postponement_reaches_everyone_who_received_a_letter() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("sortie");
    let session = dir.path().join("session.yaml");
    let first = std::fs::read_to_string(fixture("secretaire-comptable.yaml"))
        .unwrap()
        .replace("jures: tous", "jures: [dupont, haddad, lejeune, moreau]")
        .replacen(
            "\nsurveillants:\n",
            "  - id: roux\n    civilite: M.\n    nom: ROUX\n    prenom: Marc\n    habilitation_fin: 2029-06-30\n\nsurveillants:\n  - id: martin\n    civilite: Mme\n    nom: MARTIN\n    prenom: Anne\n",
            1,
        )
        .replacen("jury: [dupont, haddad]", "jury: [dupont, roux]", 1);
    let postponed = four_weeks_later(&first);
    // The jury's briefing moves: neither of them is at it.
    let moved = postponed.replacen("debut: \"13:30\"", "debut: \"13:00\"", 1);
    let (days, texts) = (
        ["2026-12-04", "2026-12-22", "2027-01-05"],
        [&first, &postponed, &moved],
    );
    let letters = [
        ("jure:roux", "convocations-jures/convocation-jure-roux.pdf"),
        (
            "surveillant:martin",
            "convocations-surveillants/convocation-surveillant-martin.pdf",
        ),
    ];
    for (day, text) in days.iter().zip(texts) {
        if let Some(err) = send(&session, &out, text, day) {
            panic!("{day}: {err}");
        }
        let sent: Vec<String> = list(&out, day)
            .iter()
            .map(|l| l["document"].as_str().unwrap().to_owned())
            .collect();
        for (who, document) in letters {
            match *day {
                "2027-01-05" => {
                    assert!(!sent.iter().any(|d| d == document), "{day}: {sent:?}");
                    assert_holds(&out, who, days[1], document, day);
                }
                _ => {
                    assert!(sent.iter().any(|d| d == document), "{day}: {sent:?}");
                    let text = normalize(&pdf_text(
                        &std::fs::read(out.join("envois").join(day).join(document)).unwrap(),
                    ));
                    let told = [
                        "annule et remplace celle du vendredi 4 décembre 2026",
                        "La session est reportée du lundi 11 janvier 2027 au lundi 8 février 2027",
                        "le mardi 22 décembre 2026",
                    ];
                    for said in told {
                        assert_eq!(
                            text.contains(said),
                            *day == days[1],
                            "{day}, {said}:\n{text}"
                        );
                    }
                }
            }
        }
    }
    // `changements` names them too, with what to send them.
    let (before, after) = (dir.path().join("avant.yaml"), dir.path().join("apres.yaml"));
    std::fs::write(&before, &first).unwrap();
    std::fs::write(&after, &postponed).unwrap();
    let (ok, report, err) = sessiondoc(&[
        "changements",
        before.to_str().unwrap(),
        after.to_str().unwrap(),
    ]);
    assert!(ok, "{err}");
    let ddets = "Prévenez aussi la DDETS (autorité de certification)\u{a0}: envoyez-lui la déclaration de la session rectificative (declaration-session)";
    assert!(report.contains(ddets), "{report}");
    for name in ["ROUX Marc", "MARTIN Anne"] {
        let line = format!("  {name}\u{a0}: session reportée\n    → envoyer de nouveau");
        assert!(report.contains(&line), "{name}:\n{report}");
    }
}

/// A surveillant whose every slot was removed gets a cancellation; kept in
/// the file without a slot, they are no longer convened: a later
/// postponement sends them nothing, as for a juror who left.
#[test]
fn a_postponement_does_not_write_again_to_a_surveillant_whose_convocation_was_cancelled() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("sortie");
    let session = dir.path().join("session.yaml");
    let first = std::fs::read_to_string(fixture("secretaire-comptable.yaml"))
        .unwrap()
        .replacen(
            "\nformateurs:\n",
            "  - id: martin\n    civilite: Mme\n    nom: MARTIN\n    prenom: Anne\n\nformateurs:\n",
            1,
        )
        .replacen("surveillants: [petit]", "surveillants: [petit, martin]", 1);
    let removed = first.replacen("surveillants: [petit, martin]", "surveillants: [petit]", 1);
    let postponed = four_weeks_later(&removed);
    let days = ["2026-12-04", "2026-12-10", "2026-12-22"];
    let martin = |day: &str| -> Vec<String> {
        list(&out, day)
            .iter()
            .filter(|l| l["id"] == "martin")
            .map(|l| l["document"].as_str().unwrap().to_owned())
            .collect()
    };
    for (day, text) in days.iter().zip([&first, &removed, &postponed]) {
        if let Some(err) = send(&session, &out, text, day) {
            panic!("{day}: {err}");
        }
    }
    let letter = "convocations-surveillants/convocation-surveillant-martin.pdf";
    assert!(
        martin(days[0]).iter().any(|d| d == letter),
        "{:?}",
        martin(days[0])
    );
    // The cancellation alone: no livret with it.
    let cancelled = martin(days[1]);
    assert!(!cancelled.is_empty());
    assert!(
        cancelled.iter().all(|d| d.starts_with("annulations/")),
        "{cancelled:?}"
    );
    assert_eq!(martin(days[2]), Vec::<String>::new());
    // The folder's letter for her, not sent, replaces none.
    let letter = normalize(&pdf_text(&std::fs::read(out.join(letter)).unwrap()));
    assert!(letter.contains("Aucun créneau"), "{letter}");
    assert!(!letter.contains("annule et remplace"), "{letter}");
    // `petit`, still convened, is told of the postponement.
    let petit: Vec<serde_json::Value> = list(&out, days[2])
        .into_iter()
        .filter(|l| l["id"] == "petit")
        .collect();
    assert!(!petit.is_empty());
}
