//! `generate --depuis AVANT.yaml`: corrected documents for the people a
//! change concerns, dated the day they are sent, naming the first ones.

use crate::common;

use std::os::unix::fs::MetadataExt;
use std::path::Path;

use common::fixture;
use common::run_sessiondoc as run;

const SC: &str = "secretaire-comptable.yaml";

fn original() -> String {
    std::fs::read_to_string(fixture(SC)).unwrap()
}

/// The fixture with Mme AMRANI's interview in another room.
fn room_changed() -> String {
    original().replacen(
        "    intitule: Entretien technique\n    salle: s105\n    candidats: [amrani]",
        "    intitule: Entretien technique\n    salle: s204\n    candidats: [amrani]",
        1,
    )
}

/// Generates the fixture into `out`, then `after` with `--depuis` the
/// fixture and `extra` arguments; returns the second run's log.
fn correct(dir: &Path, after: &str, extra: &[&str]) -> String {
    let out = dir.join("out");
    let (code, log) = run(&[
        "generate",
        fixture(SC).to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, Some(0), "{log}");
    let path = dir.join("apres.yaml");
    std::fs::write(&path, after).unwrap();
    let mut args = vec![
        "generate",
        path.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--depuis",
    ];
    let before = fixture(SC);
    args.push(before.to_str().unwrap());
    args.extend(extra);
    let (code, log) = run(&args);
    assert_eq!(code, Some(0), "{log}");
    log.replace('\u{a0}', " ")
}

fn texts(out: &Path, stem: &str) -> (String, String) {
    let read = |ext: &str| std::fs::read(out.join(format!("{stem}.{ext}"))).unwrap();
    (
        common::pdf_text(&read("pdf")),
        common::docx_text(&read("docx")),
    )
}

#[test]
fn a_corrected_letter_is_dated_the_day_it_is_sent_and_names_the_first_one() {
    let dir = tempfile::tempdir().unwrap();
    correct(dir.path(), &room_changed(), &["--date", "2026-12-10"]);
    let out = dir.path().join("out");
    let (pdf, docx) = texts(&out, "convocations/convocation-amrani");
    common::assert_both_contain(
        &pdf,
        &docx,
        "Cherbourg-en-Cotentin, le jeudi 10 décembre 2026",
    );
    common::assert_both_contain(
        &pdf,
        &docx,
        "annule et remplace la convocation du vendredi 4 décembre 2026",
    );
    assert!(!pdf.contains("le vendredi 4 décembre 2026\n"), "{pdf}");
    // So is the corrected convocation of a juror of that interview.
    let (pdf, docx) = texts(&out, "convocations-jures/convocation-jure-lejeune");
    common::assert_both_contain(
        &pdf,
        &docx,
        "Cherbourg-en-Cotentin, le jeudi 10 décembre 2026",
    );
    common::assert_both_contain(
        &pdf,
        &docx,
        "annule et remplace celle du vendredi 4 décembre 2026",
    );
    // A letter nothing changed for keeps its date.
    let (pdf, docx) = texts(&out, "convocations-jures/convocation-jure-haddad");
    common::assert_both_contain(&pdf, &docx, "le vendredi 4 décembre 2026");
    let (pdf, docx) = texts(&out, "convocations/convocation-bernard");
    common::assert_both_contain(
        &pdf,
        &docx,
        "Cherbourg-en-Cotentin, le vendredi 4 décembre 2026",
    );
    assert!(!pdf.contains("10 décembre"), "{pdf}");
}

#[test]
fn a_corrected_letter_is_dated_today_by_default() {
    let dir = tempfile::tempdir().unwrap();
    correct(dir.path(), &room_changed(), &[]);
    let today = sessiondoc::fr::long_date(sessiondoc::model::Date::today());
    let (pdf, docx) = texts(&dir.path().join("out"), "convocations/convocation-amrani");
    common::assert_both_contain(&pdf, &docx, &format!("Cherbourg-en-Cotentin, le {today}"));
}

#[test]
fn changing_the_convocation_date_alone_rewrites_no_convocation() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let after = original().replacen("    date: 2026-12-04", "    date: 2026-12-09", 1);
    assert_ne!(after, original());
    let letters = [
        "convocations/convocation-amrani.pdf",
        "convocations/convocation-bernard.docx",
        "convocations-lot.pdf",
    ];
    let inodes = || -> Vec<u64> {
        letters
            .iter()
            .map(|l| std::fs::metadata(out.join(l)).map_or(0, |m| m.ino()))
            .collect()
    };
    let log = correct(dir.path(), &after, &["--date", "2026-12-09"]);
    assert!(log.contains("0 document ("), "{log}");
    let first = inodes();
    // The same once more: still nothing rewritten.
    let path = dir.path().join("apres.yaml");
    let (code, log) = run(&[
        "generate",
        path.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--depuis",
        fixture(SC).to_str().unwrap(),
    ]);
    assert_eq!(code, Some(0), "{log}");
    assert_eq!(inodes(), first);
    let (pdf, docx) = texts(&out, "convocations/convocation-amrani");
    common::assert_both_contain(
        &pdf,
        &docx,
        "Cherbourg-en-Cotentin, le vendredi 4 décembre 2026",
    );
    assert!(!pdf.contains("rectificative"), "{pdf}");
}

#[test]
fn a_replaced_jurors_partner_gets_a_corrected_pack() {
    let after = original()
        .replace(
            "  - id: haddad\n    civilite: Mme\n    nom: HADDAD\n    prenom: Samira",
            "  - id: roux\n    civilite: Mme\n    nom: ROUX\n    prenom: Isabelle",
        )
        .replace("[dupont, haddad]", "[dupont, roux]");
    let dir = tempfile::tempdir().unwrap();
    correct(dir.path(), &after, &["--date", "2026-12-10"]);
    let out = dir.path().join("out");
    let (pdf, docx) = texts(&out, "livrets-jures/livret-jure-dupont");
    common::assert_both_contain(&pdf, &docx, "Livret rectificatif");
    common::assert_both_contain(&pdf, &docx, "avec Mme Isabelle ROUX");
    let (lejeune, _) = texts(&out, "livrets-jures/livret-jure-lejeune");
    assert!(!lejeune.contains("rectificatif"), "{lejeune}");
}

#[test]
fn corrected_documents_sent_late_are_warned_about() {
    let dir = tempfile::tempdir().unwrap();
    let log = correct(dir.path(), &room_changed(), &["--date", "2026-12-28"]);
    assert!(
        log.contains("les documents rectificatifs partent le lundi 28 décembre 2026, moins d'un mois avant le début de la session"),
        "{log}"
    );
    assert!(
        log.contains("règle : la convocation part au moins un mois avant le début de la session"),
        "{log}"
    );
}

#[test]
fn date_is_refused_without_depuis_or_when_not_a_date() {
    let (code, log) = run(&[
        "generate",
        fixture(SC).to_str().unwrap(),
        "--date",
        "2026-12-10",
    ]);
    assert_eq!(code, Some(2), "{log}");
    let dir = tempfile::tempdir().unwrap();
    let (code, log) = run(&[
        "generate",
        fixture(SC).to_str().unwrap(),
        "-o",
        dir.path().join("out").to_str().unwrap(),
        "--depuis",
        fixture(SC).to_str().unwrap(),
        "--date",
        "10/12/2026",
    ]);
    assert_ne!(code, Some(0), "{log}");
    assert!(
        log.contains("« 10/12/2026 » n'est pas une date AAAA-MM-JJ"),
        "{log}"
    );
    assert!(!dir.path().join("out").exists());
}
