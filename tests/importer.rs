//! `sessiondoc importer`: the fixtures' candidates, exported as a centre's
//! office software would (CSV in Windows-1252 with `;`, XLSX with real date
//! cells), come back into the session file, which passes `check`; a bad
//! row changes nothing and is named.

use crate::common;

use std::path::Path;

use common::run_sessiondoc as run;
use common::{fixture, session_from};
use sessiondoc::model::{Candidat, Civilite, Voie};

const HEADERS: [&str; 14] = [
    "Civilité",
    "Nom de naissance",
    "Nom d'usage",
    "Prénom",
    "Date de naissance",
    "N° candidat",
    "Adresse",
    "Code postal",
    "Ville",
    "Voie d'accès",
    "Formateur",
    "Aménagement",
    "Code",
    "Jury",
];
const MAPPING: &str = "Code=id,Jury=jury";

/// Runs `sessiondoc importer LIST --session SESSION --colonnes MAPPING`.
fn import(list: &Path, session: &Path, mapping: &str) -> (Option<i32>, String) {
    run(&[
        "importer",
        list.to_str().unwrap(),
        "--session",
        session.to_str().unwrap(),
        "--colonnes",
        mapping,
    ])
}

/// A candidate as the cells of a row; the birth date as `(y, m, d)`.
fn cells(c: &Candidat) -> (Vec<String>, Option<(i32, u32, u32)>) {
    let (street, town) = c.adresse.split_at(c.adresse.len() - 1);
    let (postcode, city) = town[0].split_once(' ').unwrap();
    let date = c.date_naissance.map(|d| {
        use chrono::Datelike;
        (d.0.year(), d.0.month(), d.0.day())
    });
    let row = vec![
        match c.civilite {
            Civilite::M => "Monsieur".to_owned(),
            Civilite::Mme => "Madame".to_owned(),
        },
        c.nom.clone(),
        c.nom_usage.clone().unwrap_or_default(),
        c.prenom.clone(),
        date.map(|(y, m, d)| format!("{d:02}/{m:02}/{y}"))
            .unwrap_or_default(),
        c.identifiant.clone(),
        street.join("\n"),
        postcode.to_owned(),
        city.to_owned(),
        match c.voie {
            Voie::Formation => "Formation",
            Voie::Vae => "VAE",
            Voie::Equivalence => "Équivalence",
        }
        .to_owned(),
        c.formateur
            .as_ref()
            .map(|f| f.value.clone())
            .unwrap_or_default(),
        c.amenagement
            .as_ref()
            .map(|a| a.value.description.clone())
            .unwrap_or_default(),
        c.id.value.clone(),
        c.jury
            .value
            .iter()
            .map(|j| j.value.as_str())
            .collect::<Vec<_>>()
            .join(", "),
    ];
    (row, date)
}

/// The fixture without its candidates (the `candidats:` key left empty).
fn without_candidates(text: &str) -> String {
    let start = text.find("\ncandidats:\n").unwrap() + "\ncandidats:\n".len();
    let end = start + text[start..].find("\nplanning:").unwrap();
    format!("{}\n{}", &text[..start], &text[end..])
}

fn csv_windows_1252(candidates: &[Candidat]) -> Vec<u8> {
    let quote = |s: &str| format!("\"{}\"", s.replace('"', "\"\""));
    let mut text = HEADERS.join(";") + "\r\n";
    for c in candidates {
        let row: Vec<String> = cells(c).0.iter().map(|v| quote(v)).collect();
        text.push_str(&(row.join(";") + "\r\n"));
    }
    encoding_rs::WINDOWS_1252.encode(&text).0.into_owned()
}

fn xlsx(candidates: &[Candidat], path: &Path) {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    for (col, h) in HEADERS.iter().enumerate() {
        sheet.write_string(0, col as u16, *h).unwrap();
    }
    let date_format = Format::new().set_num_format("dd/mm/yyyy");
    for (i, c) in candidates.iter().enumerate() {
        let row = i as u32 + 1;
        let (values, date) = cells(c);
        for (col, v) in values.iter().enumerate() {
            if col == 4 {
                if let Some((y, m, d)) = date {
                    let dt = ExcelDateTime::from_ymd(y as u16, m as u8, d as u8).unwrap();
                    sheet
                        .write_datetime_with_format(row, 4, &dt, &date_format)
                        .unwrap();
                }
            } else if !v.is_empty() {
                sheet.write_string(row, col as u16, v).unwrap();
            }
        }
    }
    book.save(path).unwrap();
}

/// What a candidate says, for comparing the imported ones with the originals.
fn summary(c: &Candidat) -> String {
    format!(
        "{} {:?} {} {:?} {} {} {:?} {:?} {:?} {:?} {:?} {:?}",
        c.id.value,
        c.civilite,
        c.nom,
        c.nom_usage,
        c.prenom,
        c.identifiant,
        c.date_naissance.map(|d| d.to_string()),
        c.voie,
        c.adresse,
        c.formateur.as_ref().map(|f| &f.value),
        c.amenagement.as_ref().map(|a| &a.value.description),
        c.jury.value.iter().map(|j| &j.value).collect::<Vec<_>>()
    )
}

fn import_and_compare(name: &str, list_name: &str, write_list: impl Fn(&[Candidat], &Path)) {
    let text = std::fs::read_to_string(fixture(name)).unwrap();
    let (_, original) = session_from(&text);
    let dir = tempfile::tempdir().unwrap();
    let session = dir.path().join("session.yaml");
    std::fs::write(&session, without_candidates(&text)).unwrap();
    let list = dir.path().join(list_name);
    write_list(&original.candidats.value, &list);
    let (code, log) = import(&list, &session, MAPPING);
    assert_eq!(code, Some(0), "{name}: {log}");
    assert!(
        log.contains(&format!(
            "{} candidat(s) ajouté(s)",
            original.candidats.value.len()
        )),
        "{log}"
    );
    let (code, log) = run(&["check", session.to_str().unwrap()]);
    assert_eq!(
        code,
        Some(0),
        "{name}: the imported file passes check:\n{log}"
    );
    let imported = std::fs::read_to_string(&session).unwrap();
    let (_, now) = session_from(&imported);
    let before: Vec<String> = original.candidats.value.iter().map(summary).collect();
    let after: Vec<String> = now.candidats.value.iter().map(summary).collect();
    assert_eq!(after, before, "{name}");
    // Everything else of the file is as it was, comments included.
    assert!(imported.starts_with(text.split("\ncandidats:\n").next().unwrap()));
    assert!(imported.ends_with(&text[text.find("\nplanning:").unwrap()..]));
}

#[test]
fn the_fixtures_candidates_come_back_from_a_windows_csv() {
    for name in [
        "secretaire-comptable.yaml",
        "tsmi-avant-session.yaml",
        "ccp-paie-fraude.yaml",
    ] {
        import_and_compare(name, "liste.csv", |c, path| {
            std::fs::write(path, csv_windows_1252(c)).unwrap()
        });
    }
}

#[test]
fn the_fixtures_candidates_come_back_from_a_workbook() {
    for name in [
        "secretaire-comptable.yaml",
        "tsmi-avant-session.yaml",
        "ccp-paie-fraude.yaml",
    ] {
        import_and_compare(name, "liste.xlsx", xlsx);
    }
}

#[test]
fn a_bad_row_changes_nothing_and_is_named() {
    let text = std::fs::read_to_string(fixture("secretaire-comptable.yaml")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let session = dir.path().join("session.yaml");
    std::fs::write(&session, &text).unwrap();
    let list = dir.path().join("liste.csv");
    std::fs::write(
        &list,
        "Civilité;Nom;Prénom;Date de naissance;N° candidat;Adresse;Code postal;Ville;Voie d'accès;Code\n\
         Mme;MARTIN;Julie;12/05/1990;1900001;1 rue A;50100;Cherbourg;Formation;martin\n\
         M.;DURAND;Paul;31/02/1990;1900002;2 rue B;50100;Cherbourg;apprentissage;durand\n\
         Mme;;Inès;01/01/1991;1900003;3 rue C;50100;Cherbourg;VAE;\n\
         Mme;AMRANI;Leïla;01/01/1991;1900004;4 rue D;50100;Cherbourg;VAE;amrani\n",
    )
    .unwrap();
    let (code, log) = import(&list, &session, "Code=id");
    assert_eq!(code, Some(1), "{log}");
    for line in [
        "ligne 3, colonne « Date de naissance », valeur « 31/02/1990 » : ce jour n'existe pas (le mois n'a pas autant de jours)",
        "ligne 3, colonne « Voie d'accès », valeur « apprentissage » : voie d'accès inconnue",
        "ligne 4, colonne « Nom », cellule vide : le nom manque",
        "ligne 5, colonne « Code », valeur « amrani » : cet identifiant est déjà pris",
        "le fichier de session n'a pas été modifié",
    ] {
        assert!(log.contains(line), "«{line}» in:\n{log}");
    }
    assert_eq!(
        std::fs::read_to_string(&session).unwrap(),
        text,
        "nothing written"
    );
}

#[test]
fn ids_made_from_any_latin_name_are_valid_and_a_bad_given_id_is_named() {
    let text = std::fs::read_to_string(fixture("secretaire-comptable.yaml")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let session = dir.path().join("session.yaml");
    std::fs::write(&session, &text).unwrap();
    let list = dir.path().join("liste.csv");
    std::fs::write(
        &list,
        "Civilité;Nom;Prénom;N° candidat;Adresse;Code postal;Ville;Jury\n\
         Mme;GÓMEZ;Lucía;1900001;1 rue A;50100;Cherbourg;lejeune moreau\n\
         M.;ŒUVRAY;Noé;1900002;2 rue B;50100;Cherbourg;lejeune moreau\n",
    )
    .unwrap();
    let (code, log) = import(&list, &session, "Jury=jury");
    assert_eq!(code, Some(0), "{log}");
    let imported = std::fs::read_to_string(&session).unwrap();
    assert!(
        imported.contains("  - id: gomez\n") && imported.contains("  - id: oeuvray\n"),
        "{imported}"
    );
    // Their ids pass check's rule (the remaining findings are their slots).
    let (_, check) = run(&["check", session.to_str().unwrap()]);
    assert!(!check.contains("identifiant"), "{check}");

    std::fs::write(&session, &text).unwrap();
    std::fs::write(&list, "Nom;Prénom;Civilité;N° candidat;Adresse;Code\nMARTIN;Julie;Mme;1900003;1 rue A, 50100 Cherbourg;Julie Martin\n").unwrap();
    let (code, log) = import(&list, &session, "Code=id");
    assert_eq!(code, Some(1), "{log}");
    assert!(
        log.contains("ligne 2, colonne « Code », valeur « Julie Martin » : identifiant invalide"),
        "{log}"
    );
    assert_eq!(std::fs::read_to_string(&session).unwrap(), text);
}
