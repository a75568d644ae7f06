//! `sessiondoc envoyer`: each sending recorded in a dated folder never
//! rewritten (the documents as sent, the session file as it was, the
//! list: person, document, day, means), with only the documents new or
//! changed since each person's last letter; a rectificative names the day
//! of that person's last letter and is dated the day it is sent.

use crate::common;

use std::path::Path;

use common::*;

fn sc() -> String {
    std::fs::read_to_string(fixture("secretaire-comptable.yaml")).unwrap()
}

/// `envoyer` on the session `text`, sent on `day`, into `out`.
fn send(dir: &Path, text: &str, day: &str) -> String {
    let session = dir.join("session.yaml");
    std::fs::write(&session, text).unwrap();
    let out = dir.join("sortie");
    let (status, err) = run_sessiondoc(&[
        "envoyer",
        session.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--date",
        day,
    ]);
    assert_eq!(status, Some(0), "{err}");
    err
}

/// The list of a sending: (role, id, document, date, means).
fn list(out: &Path, day: &str) -> Vec<serde_json::Value> {
    let path = out.join("envois").join(day).join("envoi.json");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
    serde_json::from_str(&text).unwrap()
}

/// Whom a line of a sending is for: "role:id".
fn person_of(l: &serde_json::Value) -> String {
    format!(
        "{}:{}",
        l["role"].as_str().unwrap(),
        l["id"].as_str().unwrap()
    )
}

fn people(lines: &[serde_json::Value]) -> std::collections::BTreeSet<String> {
    lines
        .iter()
        .map(|l| {
            format!(
                "{}:{}",
                l["role"].as_str().unwrap(),
                l["id"].as_str().unwrap()
            )
        })
        .collect()
}

fn letter(out: &Path, day: &str, who: &str) -> String {
    let path = out
        .join("envois")
        .join(day)
        .join(format!("convocations-jures/convocation-jure-{who}.pdf"));
    pdf_text(&std::fs::read(&path).unwrap_or_else(|e| panic!("{path:?}: {e}")))
}

/// Every file under `dir` with its bytes.
fn snapshot(dir: &Path) -> Vec<(std::path::PathBuf, Vec<u8>)> {
    let mut files = Vec::new();
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        if e.path().is_dir() {
            files.extend(snapshot(&e.path()));
        } else {
            files.push((e.path(), std::fs::read(e.path()).unwrap()));
        }
    }
    files.sort();
    files
}

#[test]
fn each_sending_records_what_changed_for_whom_and_names_the_last_letter() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("sortie");
    // 1. The first sending: everyone, by the session's means.
    let v1 = sc();
    send(dir.path(), &v1, "2026-12-04");
    let first = list(&out, "2026-12-04");
    let everyone = people(&first);
    assert!(everyone.contains("candidat:amrani"), "{everyone:?}");
    assert!(everyone.contains("jure:lejeune"), "{everyone:?}");
    assert!(everyone.contains("surveillant:petit"), "{everyone:?}");
    for l in &first {
        assert_eq!(l["date"], "2026-12-04");
        assert_eq!(l["moyen"], "courrier recommandé", "{l}");
    }
    let copy = std::fs::read_to_string(out.join("envois/2026-12-04/session.yaml")).unwrap();
    assert_eq!(copy, v1, "the session file as it was");
    let recorded = snapshot(&out.join("envois/2026-12-04"));
    // Nothing changed: nothing to send, no folder.
    let err = send(dir.path(), &v1, "2026-12-05");
    assert!(err.contains("Rien à envoyer"), "{err}");
    assert!(!out.join("envois/2026-12-05").exists());
    // 2. The jury's briefing moves: the jurors only, rectificative,
    // replacing the letter of 4 December, dated 10 December.
    let v2 = v1.replacen("debut: \"13:30\"", "debut: \"13:00\"", 1);
    send(dir.path(), &v2, "2026-12-10");
    let second = people(&list(&out, "2026-12-10"));
    assert!(second.contains("jure:lejeune"), "{second:?}");
    assert!(
        !second.iter().any(|p| p.starts_with("candidat:")),
        "{second:?}"
    );
    let text = normalize(&letter(&out, "2026-12-10", "lejeune"));
    assert!(
        text.contains("annule et remplace celle du vendredi 4 décembre 2026"),
        "{text}"
    );
    assert!(text.contains("le jeudi 10 décembre 2026"), "{text}");
    // 3. The deliberation changes room: the rectificative replaces the
    // letter each juror last received, that of 10 December.
    let v3 = v2.replacen(
        "intitule: Délibération du jury et rédaction des procès-verbaux\n    salle: s105",
        "intitule: Délibération du jury et rédaction des procès-verbaux\n    salle: s204",
        1,
    );
    assert_ne!(v3, v2);
    send(dir.path(), &v3, "2026-12-15");
    let text = normalize(&letter(&out, "2026-12-15", "lejeune"));
    assert!(
        text.contains("annule et remplace celle du jeudi 10 décembre 2026"),
        "{text}"
    );
    assert!(!text.contains("4 décembre"), "{text}");
    // The earlier sendings are as they were written.
    assert_eq!(snapshot(&out.join("envois/2026-12-04")), recorded);
    assert!(letter(&out, "2026-12-10", "lejeune").contains("4 décembre"));
}

#[test]
fn a_postponement_is_said_in_the_letters_and_to_the_ddets_dated_the_day_sent() {
    let before = sc();
    let after = before
        .replace("2027-01-11", "2027-02-08")
        .replace("2027-01-12", "2027-02-09");
    let dir = tempfile::tempdir().unwrap();
    let avant = dir.path().join("avant.yaml");
    std::fs::write(&avant, &before).unwrap();
    let (source, session) = session_from(&after);
    let mut options = sessiondoc::generate::GenerateOptions::all_into(Path::new("unused"));
    options.only = vec![
        sessiondoc::compose::Kind::Convocation,
        sessiondoc::compose::Kind::ConvocationJure,
        sessiondoc::compose::Kind::DeclarationSession,
    ];
    options.depuis = Some(avant);
    let day = chrono::NaiveDate::from_ymd_opt(2026, 12, 20).unwrap();
    options.date = Some(sessiondoc::model::Date(day));
    let files = sessiondoc::generate::produce(&source, &session, &options).unwrap();
    let said = "La session est reportée du lundi 11 janvier 2027 au lundi 8 février 2027 : elle se tiendra du lundi 8 février 2027 au mardi 9 février 2027.";
    for (kind, who) in [
        ("convocation", Some("amrani")),
        ("convocation-jure", None),
        ("declaration-session", None),
    ] {
        let pair = pairs(&files, kind, who)[0];
        let (pdf, docx) = texts(pair);
        assert_both_contain(&pdf, &docx, said);
        assert_both_contain(&pdf, &docx, "le dimanche 20 décembre 2026");
    }
    let (pdf, docx) = texts(pairs(&files, "declaration-session", None)[0]);
    assert_both_contain(
        &pdf,
        &docx,
        "Cette déclaration rectificative annule et remplace la précédente.",
    );
}

/// The session with a juror's e-mail address, a surveillant handed their
/// letters and a candidate's e-mail address.
fn with_means() -> String {
    let text = sc()
        .replacen(
            "    prenom: Claire\n",
            "    prenom: Claire\n    email: c.lejeune@example.fr\n",
            1,
        )
        .replacen(
            "    prenom: Henri\n",
            "    prenom: Henri\n    envoi: main_propre\n",
            1,
        )
        .replacen(
            "    prenom: Leïla\n",
            "    prenom: Leïla\n    email: l.amrani@example.fr\n",
            1,
        );
    assert_eq!(text.matches("@example.fr\n").count(), 2);
    assert!(text.contains("envoi: main_propre"));
    text
}

#[test]
fn each_person_is_sent_their_letters_by_their_own_means() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("sortie");
    let err = send(dir.path(), &with_means(), "2026-12-04");
    let means = |who: &str| {
        let lines = list(&out, "2026-12-04");
        let found: Vec<String> = lines
            .iter()
            .filter(|l| person_of(l) == who)
            .map(|l| l["moyen"].as_str().unwrap().to_owned())
            .collect();
        assert!(!found.is_empty(), "{who} in {lines:?}");
        found
    };
    // A juror with an e-mail address: by e-mail.
    assert!(means("jure:lejeune").iter().all(|m| m == "courriel"));
    // Without one: as the session's convocations go.
    assert!(
        means("jure:moreau")
            .iter()
            .all(|m| m == "courrier recommandé")
    );
    // As the file says.
    assert!(
        means("surveillant:petit")
            .iter()
            .all(|m| m == "remise en main propre")
    );
    // A candidate's convocation goes as the regulations ask, even with an
    // e-mail address.
    assert!(
        means("candidat:amrani")
            .iter()
            .all(|m| m == "courrier recommandé")
    );
    // The summary says it per person.
    assert!(
        err.lines()
            .any(|l| l.contains("jure lejeune") && l.ends_with("courriel")),
        "{err}"
    );
    assert!(
        err.lines()
            .any(|l| l.contains("surveillant petit") && l.ends_with("remise en main propre")),
        "{err}"
    );
}

#[test]
fn a_candidate_may_be_sent_their_letters_as_the_file_says() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("sortie");
    let text = with_means().replacen(
        "    email: l.amrani@example.fr\n",
        "    email: l.amrani@example.fr\n    envoi: main_propre\n",
        1,
    );
    send(dir.path(), &text, "2026-12-04");
    for l in list(&out, "2026-12-04") {
        if l["id"] == "amrani" {
            assert_eq!(l["moyen"], "remise en main propre", "{l}");
        }
    }
}

/// The session with a second surveillant, Mme Lucie MARTIN, on the first
/// two slots, and a juror, M. Marc ROUX, who does not take part yet.
fn with_reserve() -> String {
    let text = sc()
        .replacen(
            "surveillants:\n  - id: petit\n",
            "surveillants:\n  - id: martin\n    civilite: Mme\n    nom: MARTIN\n    prenom: Lucie\n    email: l.martin@example.fr\n  - id: petit\n",
            1,
        )
        .replacen(
            "\nsurveillants:\n",
            "  - id: roux\n    civilite: M.\n    nom: ROUX\n    prenom: Marc\n    habilitation_fin: 2029-06-30\n\nsurveillants:\n",
            1,
        )
        .replace("    surveillants: [petit]\n", "    surveillants: [petit, martin]\n");
    assert_eq!(text.matches("[petit, martin]").count(), 2);
    assert!(text.contains("id: roux"));
    text
}

/// The file of a sending's folder, whatever its extension.
fn sent_file(out: &Path, day: &str, stem: &str, ext: &str) -> Vec<u8> {
    let path = out.join("envois").join(day).join(format!("{stem}.{ext}"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path:?}: {e}"))
}

#[test]
fn a_person_no_longer_convened_gets_one_letter_of_cancellation() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("sortie");
    let v1 = with_reserve();
    send(dir.path(), &v1, "2026-12-04");
    // A juror replaced, a surveillant removed, a candidate who withdraws.
    let v2 = v1
        .replace("[dupont, haddad]", "[dupont, roux]")
        .replacen(
            "  - id: haddad\n    civilite: Mme\n    nom: HADDAD\n    prenom: Samira\n    habilitation_fin: 2027-12-31\n",
            "",
            1,
        )
        .replace(
            "    surveillants: [petit, martin]\n",
            "    surveillants: [petit]\n",
        )
        .replacen(
            "  - id: martin\n    civilite: Mme\n    nom: MARTIN\n    prenom: Lucie\n    email: l.martin@example.fr\n",
            "",
            1,
        )
        .replacen(
            "  - id: diallo\n",
            "  - id: diallo\n    desistement: 2026-12-08\n",
            1,
        );
    assert!(!v2.contains("martin") && !v2.contains("haddad"));
    send(dir.path(), &v2, "2026-12-10");
    let lines = list(&out, "2026-12-10");
    for (who, stem) in [
        ("jure:haddad", "annulations/annulation-jure-haddad"),
        (
            "surveillant:martin",
            "annulations/annulation-surveillant-martin",
        ),
        ("candidat:diallo", "annulations/annulation-candidat-diallo"),
    ] {
        let mut theirs: Vec<&str> = lines
            .iter()
            .filter(|l| person_of(l) == who)
            .map(|l| l["document"].as_str().unwrap())
            .collect();
        theirs.sort();
        // The letter, and for the staff their calendar with every event
        // cancelled.
        let mut expected = vec![format!("{stem}.docx"), format!("{stem}.pdf")];
        if !who.starts_with("candidat") {
            expected.insert(1, format!("{stem}.ics"));
            let ics = String::from_utf8(sent_file(&out, "2026-12-10", stem, "ics")).unwrap();
            let events = ics.matches("BEGIN:VEVENT").count();
            assert!(events > 0, "{ics}");
            assert_eq!(ics.matches("STATUS:CANCELLED").count(), events, "{ics}");
        }
        assert_eq!(theirs, expected, "{who}: the cancellation only");
        let pdf = pdf_text(&sent_file(&out, "2026-12-10", stem, "pdf"));
        let docx = docx_text(&sent_file(&out, "2026-12-10", stem, "docx"));
        let (pdf, docx) = (normalize(&pdf), normalize(&docx));
        assert_both_contain(
            &pdf,
            &docx,
            "annule la convocation du vendredi 4 décembre 2026",
        );
        assert_both_contain(&pdf, &docx, "le jeudi 10 décembre 2026");
    }
    let (pdf, docx) = (
        normalize(&pdf_text(&sent_file(
            &out,
            "2026-12-10",
            "annulations/annulation-candidat-diallo",
            "pdf",
        ))),
        normalize(&docx_text(&sent_file(
            &out,
            "2026-12-10",
            "annulations/annulation-candidat-diallo",
            "docx",
        ))),
    );
    assert_both_contain(&pdf, &docx, "M. Mamadou DIALLO");
    assert_both_contain(&pdf, &docx, "50700 Brix");
    assert_both_contain(&pdf, &docx, "Vous n'êtes plus convoqué à cette session.");
    // Someone no longer in the file is sent to as the last file said.
    for l in &lines {
        if l["id"] == "martin" {
            assert_eq!(l["moyen"], "courriel", "{l}");
        }
    }
    // The newcomer gets his first convocation, the one who stays is not
    // written to.
    assert!(people(&lines).contains("jure:roux"), "{lines:?}");
    assert!(!people(&lines).contains("candidat:amrani"), "{lines:?}");
    // The next sending cancels nothing again.
    let v3 = v2.replacen("debut: \"13:30\"", "debut: \"13:00\"", 1);
    send(dir.path(), &v3, "2026-12-15");
    let again = people(&list(&out, "2026-12-15"));
    for who in ["jure:haddad", "surveillant:martin", "candidat:diallo"] {
        assert!(!again.contains(who), "{who} in {again:?}");
    }
    assert!(
        !out.join("annulations/annulation-jure-haddad.pdf").exists(),
        "the output folder holds the current state"
    );
}

#[test]
fn each_sending_holds_its_kit_print_file_registered_list_and_email_drafts() {
    use mail_parser::{MessageParser, MimeHeaders};
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("sortie");
    let err = send(dir.path(), &with_means(), "2026-12-04");
    let folder = out.join("envois/2026-12-04");
    let lines = list(&out, "2026-12-04");
    // The print file: the PDF letters of everyone not sent to by e-mail,
    // each starting on a recto, person by person in the order of the list.
    let mut by_person: Vec<(String, Vec<&str>)> = Vec::new();
    for l in lines.iter().filter(|l| l["moyen"] != "courriel") {
        let Some(pdf) = l["document"].as_str().filter(|d| d.ends_with(".pdf")) else {
            continue;
        };
        match by_person.iter_mut().find(|(p, _)| *p == person_of(l)) {
            Some((_, files)) => files.push(pdf),
            None => by_person.push((person_of(l), vec![pdf])),
        }
    }
    // After the letters handed over, one page of récépissé to sign.
    let mut posted: Vec<usize> = Vec::new();
    for (who, files) in &by_person {
        for d in files {
            posted.push(pdf_pages(&std::fs::read(folder.join(d)).unwrap()));
        }
        if who == "surveillant:petit" {
            posted.push(1);
        }
    }
    assert!(posted.len() > 10, "{posted:?}");
    let mut expected = 0;
    for pages in &posted {
        expected += expected % 2 + pages;
    }
    let print = std::fs::read(folder.join("a-imprimer.pdf")).unwrap();
    assert_eq!(pdf_pages(&print), expected, "{posted:?}");
    assert!(err.contains("a-imprimer.pdf"), "{err}");
    let text = pdf_text(&print);
    assert_eq!(
        text.matches("reconnais avoir reçu en main propre").count(),
        1,
        "{text}"
    );
    assert!(
        text.contains("Récépissé de remise en main propre"),
        "{text}"
    );
    assert!(
        text.contains("Je soussigné, M. Henri PETIT, reconnais avoir reçu en main propre"),
        "{text}"
    );
    assert!(text.contains("livret-surveillant-petit.pdf"), "{text}");
    // The registered letters: the candidates with their address, not the
    // surveillant handed his letters nor the juror sent an e-mail.
    let csv = std::fs::read_to_string(folder.join("recommandes.csv")).unwrap();
    let csv = csv.strip_prefix('\u{feff}').expect("a BOM for Excel");
    let rows: Vec<&str> = csv.lines().collect();
    assert_eq!(rows[0], "Destinataire;Adresse;Documents");
    assert!(
        rows.iter()
            .any(|r| r.starts_with("Mme Leïla AMRANI;") && r.contains("convocation-amrani.pdf")),
        "{csv}"
    );
    assert!(
        rows.iter().any(|r| r.starts_with("M. Patrick MOREAU;")),
        "{csv}"
    );
    assert!(!csv.contains(".docx") && !csv.contains(".ics"), "{csv}");
    assert!(
        !csv.contains("LEJEUNE;") && !csv.contains("PETIT;"),
        "{csv}"
    );
    // One e-mail draft, to the juror with an address.
    let drafts: Vec<_> = std::fs::read_dir(folder.join("courriels"))
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(drafts, ["jure-lejeune.eml"]);
    let bytes = std::fs::read(folder.join("courriels/jure-lejeune.eml")).unwrap();
    let mail = MessageParser::default().parse(&bytes).expect("a mail");
    let to = mail.to().and_then(|a| a.first()).unwrap();
    assert_eq!(to.address(), Some("c.lejeune@example.fr"));
    assert_eq!(
        mail.from()
            .and_then(|a| a.first())
            .and_then(|a| a.address()),
        Some("s.garnier@cote-ouest.example.fr")
    );
    assert_eq!(
        mail.subject(),
        Some("Votre convocation — session d'examen n° 375846, Secrétaire comptable")
    );
    let body = mail.body_text(0).unwrap().replace("\r\n", "\n");
    assert!(
        body.starts_with("Madame,\n\nVous trouverez ci-joint votre convocation"),
        "{body}"
    );
    assert!(
        body.contains("Le calendrier joint (fichier .ics)"),
        "{body}"
    );
    assert!(
        body.contains("Mme Sophie GARNIER, responsable de session"),
        "{body}"
    );
    let mut names: Vec<&str> = mail
        .attachments()
        .filter_map(|a| a.attachment_name())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "convocation-jure-lejeune.ics",
            "convocation-jure-lejeune.pdf",
            "livret-jure-lejeune.pdf"
        ]
    );
    assert_eq!(mail.header_raw("X-Unsent").map(str::trim), Some("1"));
}

#[test]
fn a_letter_by_post_carries_the_staff_s_address_and_one_without_is_named() {
    let text = sc()
        .replacen(
            "    prenom: Patrick\n",
            "    prenom: Patrick\n    adresse:\n      - 4 rue des Lilas\n      - 50100 Cherbourg-en-Cotentin\n",
            1,
        )
        .replacen(
            "    prenom: Henri\n",
            "    prenom: Henri\n    adresse: [8 allée des Pins, 50130 Octeville]\n",
            1,
        );
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("sortie");
    let err = send(dir.path(), &text, "2026-12-04");
    let folder = out.join("envois/2026-12-04");
    // Every registered letter is listed, with its address or an empty cell.
    let csv = std::fs::read_to_string(folder.join("recommandes.csv")).unwrap();
    let row = |who: &str| {
        csv.lines()
            .find(|r| {
                r.trim_start_matches('\u{feff}')
                    .starts_with(&format!("{who};"))
            })
            .unwrap_or_else(|| panic!("no row for {who}:\n{csv}"))
            .to_owned()
    };
    assert!(
        row("M. Patrick MOREAU")
            .starts_with("M. Patrick MOREAU;4 rue des Lilas, 50100 Cherbourg-en-Cotentin;"),
        "{csv}"
    );
    assert!(
        row("M. Henri PETIT").starts_with("M. Henri PETIT;8 allée des Pins, 50130 Octeville;"),
        "{csv}"
    );
    let without = [
        "Mme Claire LEJEUNE",
        "M. Olivier DUPONT",
        "Mme Samira HADDAD",
    ];
    for who in without {
        assert!(row(who).starts_with(&format!("{who};;")), "{csv}");
    }
    // The summary names each person without an address, once, and says
    // what to do.
    let said: Vec<&str> = err
        .lines()
        .filter(|l| l.contains("sans adresse postale"))
        .collect();
    assert_eq!(said.len(), without.len(), "{err}");
    for who in without {
        assert_eq!(said.iter().filter(|l| l.contains(who)).count(), 1, "{err}");
    }
    assert!(said.iter().all(|l| l.contains("adresse:")), "{err}");
    // The letters posted carry the address in the envelope window.
    for (stem, lines) in [
        (
            "convocations-jures/convocation-jure-moreau",
            ["4 rue des Lilas", "50100 Cherbourg-en-Cotentin"],
        ),
        (
            "convocations-surveillants/convocation-surveillant-petit",
            ["8 allée des Pins", "50130 Octeville"],
        ),
    ] {
        let pdf = normalize(&pdf_text(&sent_file(&out, "2026-12-04", stem, "pdf")));
        let docx = normalize(&docx_text(&sent_file(&out, "2026-12-04", stem, "docx")));
        for line in lines {
            assert_both_contain(&pdf, &docx, line);
        }
    }
}

#[test]
fn after_a_first_sending_from_an_earlier_file_the_folder_shows_the_letters_sent() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("sortie");
    let before = dir.path().join("avant.yaml");
    std::fs::write(&before, sc()).unwrap();
    // The jury's briefing moved since the letters sent before the record.
    let text = sc().replacen("debut: \"13:30\"", "debut: \"13:00\"", 1);
    let session = dir.path().join("session.yaml");
    std::fs::write(&session, &text).unwrap();
    let run = |command: &str, more: &[&str]| {
        let mut args = vec![
            command,
            session.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
        ];
        args.extend(more);
        let (status, err) = run_sessiondoc(&args);
        assert_eq!(status, Some(0), "{err}");
    };
    run(
        "envoyer",
        &["--date", "2026-12-10", "--depuis", before.to_str().unwrap()],
    );
    let sent = |stem: &str| normalize(&pdf_text(&sent_file(&out, "2026-12-10", stem, "pdf")));
    let juror = "convocations-jures/convocation-jure-lejeune";
    let candidate = "convocations/convocation-amrani";
    assert!(
        sent(juror).contains("annule et remplace celle du vendredi 4 décembre 2026"),
        "{}",
        sent(juror)
    );
    assert!(
        !sent(candidate).contains("rectificative"),
        "{}",
        sent(candidate)
    );
    // A later generate shows each the letter they received.
    run("generate", &[]);
    for stem in [juror, candidate] {
        let shown = normalize(&pdf_text(
            &std::fs::read(out.join(format!("{stem}.pdf"))).unwrap(),
        ));
        assert_eq!(shown, sent(stem), "{stem}");
    }
}
