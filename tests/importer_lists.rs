//! `sessiondoc importer` on lists as people make them in LibreOffice Calc
//! (CSV converted with `soffice`) or Excel (XLSX written here): the
//! headers they write, their date-and-time cells, a title row, a first
//! sheet of notes, a list with nothing to import.

use crate::common;

use std::path::Path;

use common::{
    calc_list as calc, candidate_in as candidate, import_list as import, import_session as session,
};

/// A session file (the secretaire-comptable fixture) in a new folder.
#[test]
fn the_headers_people_write_are_read_and_each_column_is_said() {
    let (dir, path, _) = session();
    let csv = dir.path().join("liste.csv");
    std::fs::write(
        &csv,
        "Civilité;Nom de famille;Prénom(s);N° de candidat;Date naiss.;Adresse;Code postal;Ville;Remarques\n\
         Mme;GIRARD;Anne;1900001;12/05/1990;1 rue A;50100;Cherbourg;à rappeler\n",
    )
    .unwrap();
    let (code, log) = import(&csv, &path, &[]);
    assert_eq!(code, Some(0), "{log}");
    for line in [
        "« Nom de famille » → nom",
        "« Prénom(s) » → prenom",
        "« N° de candidat » → identifiant",
        "« Date naiss. » → date_naissance",
        "ignorées : « Remarques »",
    ] {
        assert!(log.contains(line), "«{line}» in:\n{log}");
    }
    let girard = candidate(&std::fs::read_to_string(&path).unwrap(), "girard");
    assert_eq!(girard.date_naissance.unwrap().to_string(), "1990-05-12");
    assert_eq!(girard.identifiant, "1900001");

    // The format's own field names are headers too.
    let (dir, path, _) = session();
    let csv = dir.path().join("liste.csv");
    std::fs::write(
        &csv,
        "civilite,nom,prenom,identifiant,date_naissance,adresse\nM.,ROUX,Marc,1900002,1991-01-02,\"1 rue B, 50100 Cherbourg\"\n",
    )
    .unwrap();
    let (code, log) = import(&csv, &path, &[]);
    assert_eq!(code, Some(0), "{log}");
    let roux = candidate(&std::fs::read_to_string(&path).unwrap(), "roux");
    assert_eq!(roux.date_naissance.unwrap().to_string(), "1991-01-02");
}

#[test]
fn a_list_without_a_column_for_a_needed_field_says_which() {
    let (dir, path, text) = session();
    let csv = dir.path().join("liste.csv");
    std::fs::write(
        &csv,
        "Civilité;Nom;Prénom;Matricule;Adresse\nMme;GIRARD;Anne;1900001;1 rue A\n",
    )
    .unwrap();
    let (code, log) = import(&csv, &path, &[]);
    assert_eq!(code, Some(1), "{log}");
    assert!(
        log.contains("ne donne : identifiant ; indiquez-la avec --colonnes"),
        "{log}"
    );
    assert!(log.contains("ignorées : « Matricule »"), "{log}");
    assert!(!log.contains("cellule vide"), "{log}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
    let (code, log) = import(&csv, &path, &["--colonnes", "Matricule=identifiant"]);
    assert_eq!(code, Some(0), "{log}");
}

#[test]
fn a_mapping_naming_no_header_of_the_list_is_refused() {
    let (dir, path, text) = session();
    let csv = dir.path().join("liste.csv");
    std::fs::write(
        &csv,
        "Nom;Prénom;N° candidat;Adresse\nGIRARD;Anne;1900001;1 rue A\n",
    )
    .unwrap();
    let (code, log) = import(&csv, &path, &["--colonnes", "Jury du candidat=jury"]);
    assert_eq!(code, Some(2), "{log}");
    assert!(
        log.contains("--colonnes : « Jury du candidat » n'est pas un en-tête de"),
        "{log}"
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
}

#[test]
fn date_and_time_cells_give_their_date_from_calc_and_csv() {
    let rows = "Civilité;Nom;Prénom;N° candidat;Date de naissance;Adresse\n\
                Mme;GIRARD;Anne;1900001;28/02/1999 14:30;1 rue A\n\
                M.;ROUX;Marc;1900002;01/03/2000 00:00;2 rue B\n";
    for to in ["csv", "ods", "xlsx"] {
        let (dir, path, _) = session();
        let csv = dir.path().join("liste.csv");
        std::fs::write(&csv, rows).unwrap();
        let list = if to == "csv" { csv } else { calc(&csv, to) };
        let (code, log) = import(&list, &path, &[]);
        assert_eq!(code, Some(0), "{to}: {log}");
        let text = std::fs::read_to_string(&path).unwrap();
        let girard = candidate(&text, "girard");
        assert_eq!(
            girard.date_naissance.unwrap().to_string(),
            "1999-02-28",
            "{to}"
        );
        let roux = candidate(&text, "roux");
        assert_eq!(
            roux.date_naissance.unwrap().to_string(),
            "2000-03-01",
            "{to}"
        );
    }
}

#[test]
fn a_two_digit_year_is_refused_clearly_at_its_line_under_a_title() {
    let (dir, path, text) = session();
    let csv = dir.path().join("liste.csv");
    std::fs::write(
        &csv,
        "Inscrits de janvier\n\nCivilité;Nom;Prénom;N° candidat;Date de naissance;Adresse\nMme;GIRARD;Anne;1900001;12/04/91;1 rue A\n",
    )
    .unwrap();
    let (code, log) = import(&csv, &path, &[]);
    assert_eq!(code, Some(1), "{log}");
    assert!(
        log.contains(
            "ligne 4, colonne « Date de naissance », valeur « 12/04/91 » : année sur deux chiffres"
        ),
        "{log}"
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
}

#[test]
fn a_list_with_only_its_headers_is_an_error_and_writes_nothing() {
    let (dir, path, text) = session();
    let csv = dir.path().join("liste.csv");
    std::fs::write(&csv, "Civilité;Nom;Prénom;N° candidat;Adresse\r\n").unwrap();
    let modified = std::fs::metadata(&path).unwrap().modified().unwrap();
    let (code, log) = import(&csv, &path, &[]);
    assert_eq!(code, Some(1), "{log}");
    assert!(log.contains("Rien à importer"), "{log}");
    assert!(!log.contains("ajouté"), "{log}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
    assert_eq!(
        std::fs::metadata(&path).unwrap().modified().unwrap(),
        modified
    );
}

/// A workbook whose first sheet is notes, and whose list has a title row
/// and a blank row above its headers.
fn workbook_with_notes(path: &Path) {
    use rust_xlsxwriter::Workbook;
    let mut book = Workbook::new();
    let notes = book.add_worksheet().set_name("Notes").unwrap();
    notes
        .write_string(0, 0, "Liste à envoyer avant le 15")
        .unwrap();
    notes.write_string(1, 0, "Vérifier les adresses").unwrap();
    let list = book.add_worksheet().set_name("Candidats").unwrap();
    list.write_string(0, 0, "Session de janvier — candidats inscrits")
        .unwrap();
    for (col, h) in ["Civilité", "Nom", "Prénom", "N° candidat", "Adresse"]
        .iter()
        .enumerate()
    {
        list.write_string(2, col as u16, *h).unwrap();
    }
    for (col, v) in ["Mme", "GIRARD", "Anne", "1900001", "1 rue A"]
        .iter()
        .enumerate()
    {
        list.write_string(3, col as u16, *v).unwrap();
    }
    book.save(path).unwrap();
}

#[test]
fn the_sheet_and_the_row_of_the_headers_are_found() {
    let (dir, path, _) = session();
    let list = dir.path().join("liste.xlsx");
    workbook_with_notes(&list);
    let (code, log) = import(&list, &path, &[]);
    assert_eq!(code, Some(0), "{log}");
    assert!(log.contains("feuille « Candidats »"), "{log}");
    assert!(log.contains("1 candidat(s) ajouté(s)"), "{log}");
    let girard = candidate(&std::fs::read_to_string(&path).unwrap(), "girard");
    assert_eq!(girard.identifiant, "1900001");

    // Asked for the notes, it says there is no header row there.
    let (dir, path, text) = session();
    let list = dir.path().join("liste.xlsx");
    workbook_with_notes(&list);
    let (code, log) = import(&list, &path, &["--feuille", "Notes"]);
    assert_eq!(code, Some(1), "{log}");
    assert!(
        log.contains("aucune ligne d'en-têtes reconnue dans la feuille « Notes »"),
        "{log}"
    );
    let (code, log) = import(&list, &path, &["--feuille", "Inscrits"]);
    assert_eq!(code, Some(2), "{log}");
    assert!(
        log.contains("pas de feuille « Inscrits » (feuilles : Notes, Candidats)"),
        "{log}"
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
}

#[test]
fn a_missing_list_or_an_unknown_format_is_said_in_french() {
    let (dir, path, _) = session();
    let (code, log) = import(&dir.path().join("absente.xlsx"), &path, &[]);
    assert_eq!(code, Some(1), "{log}");
    assert!(log.contains("fichier ou dossier introuvable"), "{log}");
    assert!(!log.contains("os error"), "{log}");
    let odd = dir.path().join("liste.dat");
    std::fs::write(&odd, "pas un classeur").unwrap();
    let (code, log) = import(&odd, &path, &[]);
    assert_eq!(code, Some(1), "{log}");
    assert!(log.contains("ne se lit ni comme un classeur"), "{log}");
    assert!(!log.contains("Cannot"), "{log}");
}

#[test]
fn one_name_and_first_name_column_made_in_calc_is_split_by_its_capitals() {
    let (dir, path, before) = session();
    let csv = dir.path().join("noms.csv");
    std::fs::write(
        &csv,
        "Civilité;Nom et prénom;N° candidat;Adresse;CP;Ville\n\
         Mme;de LA TOUR Anne-Sophie;1900011;1 rue A;50100;Cherbourg\n\
         M.;Yann LE GALL;1900012;2 rue B;50100;Cherbourg\n",
    )
    .unwrap();
    let list = calc(&csv, "xlsx");
    let (code, log) = import(&list, &path, &[]);
    assert_eq!(code, Some(0), "{log}");
    assert!(log.contains("« Nom et prénom » → nom_prenom"), "{log}");
    let after = std::fs::read_to_string(&path).unwrap();
    let anne = candidate(&after, "la-tour");
    assert_eq!(
        (anne.nom.as_str(), anne.prenom.as_str()),
        ("de LA TOUR", "Anne-Sophie")
    );
    let yann = candidate(&after, "le-gall");
    assert_eq!(
        (yann.nom.as_str(), yann.prenom.as_str()),
        ("LE GALL", "Yann")
    );

    // A cell whose name is not in capitals is refused with its row, and
    // the session file is left as it was.
    std::fs::write(&path, &before).unwrap();
    std::fs::write(
        &csv,
        "Civilité;Nom et prénom;N° candidat;Adresse;CP;Ville\n\
         Mme;Dupont Marie;1900013;1 rue A;50100;Cherbourg\n",
    )
    .unwrap();
    let list = calc(&csv, "xlsx");
    let (code, log) = import(&list, &path, &[]);
    assert_ne!(code, Some(0), "{log}");
    assert!(log.contains("ligne 2"), "{log}");
    assert!(log.contains("« Dupont Marie »"), "{log}");
    assert!(log.contains("écrivez le nom en capitales"), "{log}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), before);
}

#[test]
fn a_first_name_in_capitals_beside_a_name_that_is_not_is_pointed_out() {
    let (dir, path, _) = session();
    let csv = dir.path().join("inversee.csv");
    std::fs::write(
        &csv,
        "Civilité;Nom;Prénom;N° candidat;Adresse;CP;Ville\n\
         Mme;Marie;DUPONT;1900021;1 rue A;50100;Cherbourg\n\
         M.;LEROY;Paul;1900022;2 rue B;50100;Cherbourg\n",
    )
    .unwrap();
    let (code, log) = import(&csv, &path, &[]);
    assert_eq!(code, Some(0), "{log}");
    assert!(
        log.contains(
            "ligne 2 : le prénom « DUPONT » est en capitales, le nom « Marie » ne l'est pas"
        ),
        "{log}"
    );
    assert!(!log.contains("ligne 3 : le prénom"), "{log}");
}
