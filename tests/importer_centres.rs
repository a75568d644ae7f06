//! `sessiondoc importer` on lists as centres keep them, most made in
//! LibreOffice Calc: contact columns, CERES's « Sexe », postal codes and
//! phone numbers Calc turned into numbers, « Tiers-temps », the date forms
//! of French lists, a trainer by name, a person under a second number, a
//! list imported again with corrections, a title line with a comma.

use crate::common;

use std::path::PathBuf;

use common::{
    calc_list as calc, candidate_in as candidate, import_list as import, import_session as session,
};
use sessiondoc::model::{Civilite, TempsSupplementaire};

/// A session file (the secretaire-comptable fixture) in a new folder.
/// Writes `rows` as `liste.csv` in the session's folder.
fn list(dir: &tempfile::TempDir, rows: &str) -> PathBuf {
    let csv = dir.path().join("liste.csv");
    std::fs::write(&csv, rows).unwrap();
    csv
}

#[test]
fn phone_e_mail_and_sexe_of_a_calc_list_are_imported() {
    let (dir, path, _) = session();
    let csv = list(
        &dir,
        "Sexe;Nom;Prénom;N° candidat;Tél.;Courriel;Adresse;CP;Ville\n\
         F;GIRARD;Anne;1900001;0612345678;anne.girard@example.org;1 rue A;50100;Cherbourg\n\
         H;ROUX;Marc;1900002;02 33 00 00 00;marc.roux@example.org;2 rue B;50100;Cherbourg\n",
    );
    let (code, log) = import(&calc(&csv, "xlsx"), &path, &[]);
    assert_eq!(code, Some(0), "{log}");
    assert!(log.contains("« Tél. » → telephone"), "{log}");
    assert!(log.contains("« Courriel » → email"), "{log}");
    assert!(log.contains("« Sexe » → civilite"), "{log}");
    assert!(!log.contains("ignorées"), "{log}");
    let text = std::fs::read_to_string(&path).unwrap();
    let girard = candidate(&text, "girard");
    assert_eq!(girard.civilite, Civilite::Mme);
    // Calc made the number 612345678 of it: its leading zero is back.
    assert_eq!(girard.telephone.as_deref(), Some("0612345678"));
    assert_eq!(girard.email.as_deref(), Some("anne.girard@example.org"));
    assert!(log.contains("« 612345678 »"), "{log}");
    let roux = candidate(&text, "roux");
    assert_eq!(roux.civilite, Civilite::M);
    assert_eq!(roux.telephone.as_deref(), Some("02 33 00 00 00"));
}

#[test]
fn other_headers_go_to_phone_e_mail_and_civilite_through_colonnes() {
    let (dir, path, _) = session();
    let csv = list(
        &dir,
        "Genre;Nom;Prénom;N° candidat;Joignable au;Contact;Adresse\n\
         F;GIRARD;Anne;1900001;06 12 34 56 78;anne@example.org;1 rue A, 50100 Cherbourg\n",
    );
    let (code, log) = import(
        &csv,
        &path,
        &[
            "--colonnes",
            "Genre=civilite,Joignable au=telephone,Contact=email",
        ],
    );
    assert_eq!(code, Some(0), "{log}");
    let girard = candidate(&std::fs::read_to_string(&path).unwrap(), "girard");
    assert_eq!(girard.civilite, Civilite::Mme);
    assert_eq!(girard.telephone.as_deref(), Some("06 12 34 56 78"));
    assert_eq!(girard.email.as_deref(), Some("anne@example.org"));

    // « Sexe » may be named too, as the field it is.
    let (dir, path, _) = session();
    let csv = list(
        &dir,
        "Sexe;Nom;Prénom;N° candidat;Adresse\nH;ROUX;Marc;1900002;1 rue A\n",
    );
    let (code, log) = import(&csv, &path, &["--colonnes", "Sexe=civilite"]);
    assert_eq!(code, Some(0), "{log}");
}

#[test]
fn a_postal_code_calc_made_a_number_gets_its_five_digits_back() {
    let (dir, path, _) = session();
    let csv = list(
        &dir,
        "Civilité;Nom;Prénom;N° candidat;Adresse;Code postal;Ville\n\
         Mme;GIRARD;Anne;1900001;1 rue A;01000;Bourg-en-Bresse\n\
         M.;ROUX;Marc;1900002;2 rue B;50100;Cherbourg\n",
    );
    let (code, log) = import(&calc(&csv, "ods"), &path, &[]);
    assert_eq!(code, Some(0), "{log}");
    let text = std::fs::read_to_string(&path).unwrap();
    assert_eq!(
        candidate(&text, "girard").adresse,
        ["1 rue A", "01000 Bourg-en-Bresse"]
    );
    assert!(
        log.contains("ligne 2 : code postal « 1000 » lu comme un nombre, écrit « 01000 »"),
        "{log}"
    );
    assert!(!log.contains("ligne 3 : code postal"), "{log}");

    // A code that cannot be one is refused at its row; nothing is written.
    let (dir, path, before) = session();
    let csv = list(
        &dir,
        "Civilité;Nom;Prénom;N° candidat;Adresse;Code postal;Ville\n\
         Mme;GIRARD;Anne;1900001;1 rue A;501;Cherbourg\n",
    );
    let (code, log) = import(&calc(&csv, "xlsx"), &path, &[]);
    assert_eq!(code, Some(1), "{log}");
    assert!(
        log.contains(
            "ligne 2, colonne « Code postal », valeur « 501 » : un code postal a cinq chiffres"
        ),
        "{log}"
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), before);
}

#[test]
fn tiers_temps_in_the_amenagement_column_gives_the_extra_time() {
    let (dir, path, _) = session();
    let csv = list(
        &dir,
        "Civilité;Nom;Prénom;N° candidat;Adresse;Aménagement\n\
         Mme;GIRARD;Anne;1900001;1 rue A;Tiers-temps\n\
         M.;ROUX;Marc;1900002;2 rue B;Table adaptée\n\
         M.;LEROY;Paul;1900003;2 rue B;Pas de tiers-temps, salle au rez-de-chaussée\n",
    );
    let (code, log) = import(&calc(&csv, "xlsx"), &path, &[]);
    assert_eq!(code, Some(0), "{log}");
    let text = std::fs::read_to_string(&path).unwrap();
    let girard = candidate(&text, "girard").amenagement.unwrap().value;
    assert_eq!(
        girard.temps_supplementaire,
        Some(TempsSupplementaire::TiersTemps)
    );
    assert_eq!(girard.description, "Tiers-temps");
    assert!(
        log.contains("ligne 2 : « Tiers-temps » lu comme un tiers-temps"),
        "{log}"
    );
    let roux = candidate(&text, "roux").amenagement.unwrap().value;
    assert_eq!(roux.temps_supplementaire, None);
    assert!(!log.contains("ligne 3 : « Table"), "{log}");
    let leroy = candidate(&text, "leroy").amenagement.unwrap().value;
    assert_eq!(leroy.temps_supplementaire, None);
}

#[test]
fn the_date_forms_of_french_lists_are_read_and_the_others_explained() {
    let (dir, path, _) = session();
    let csv = list(
        &dir,
        "Civilité;Nom;Prénom;N° candidat;Date de naissance;Adresse\n\
         Mme;ADAM;Anne;1900001;12-03-1985;1 rue A\n\
         Mme;BLANC;Rose;1900002;1985/03/12;1 rue A\n\
         Mme;CARON;Lise;1900003;1985-03-12;1 rue A\n\
         Mme;DUVAL;Léa;1900004;12.03.1985;1 rue A\n\
         Mme;ETIENNE;Zoé;1900005;12 mars 1985;1 rue A\n\
         Mme;FABRE;Inès;1900006;1er mars 1985;1 rue A\n",
    );
    let (code, log) = import(&csv, &path, &[]);
    assert_eq!(code, Some(0), "{log}");
    let text = std::fs::read_to_string(&path).unwrap();
    for id in ["adam", "blanc", "caron", "duval", "etienne"] {
        let c = candidate(&text, id);
        assert_eq!(c.date_naissance.unwrap().to_string(), "1985-03-12", "{id}");
    }
    let fabre = candidate(&text, "fabre");
    assert_eq!(fabre.date_naissance.unwrap().to_string(), "1985-03-01");

    let (dir, path, _) = session();
    let csv = list(
        &dir,
        "Civilité;Nom;Prénom;N° candidat;Date de naissance;Adresse\n\
         Mme;ADAM;Anne;1900001;mars 1985;1 rue A\n\
         Mme;BLANC;Rose;1900002;31/02/1985;1 rue A\n",
    );
    let (code, log) = import(&csv, &path, &[]);
    assert_eq!(code, Some(1), "{log}");
    assert!(
        log.contains("valeur « mars 1985 » : date illisible, attendu le jour, le mois et l'année (12/03/1985, 12-03-1985, 1985-03-12 ou 12 mars 1985)"),
        "{log}"
    );
    assert!(
        log.contains("valeur « 31/02/1985 » : ce jour n'existe pas"),
        "{log}"
    );
}

#[test]
fn a_trainer_written_by_name_is_the_trainer_of_the_session() {
    let (dir, path, _) = session();
    let csv = list(
        &dir,
        "Civilité;Nom;Prénom;N° candidat;Adresse;Formateur\n\
         Mme;GIRARD;Anne;1900001;1 rue A;M. ROCHE\n\
         M.;ROUX;Marc;1900002;2 rue B;Antoine Roche\n\
         M.;LEROY;Paul;1900003;2 rue B;Mme TANGUY\n",
    );
    let (code, log) = import(&calc(&csv, "xlsx"), &path, &[]);
    assert_eq!(code, Some(0), "{log}");
    let text = std::fs::read_to_string(&path).unwrap();
    for id in ["girard", "roux"] {
        assert_eq!(
            candidate(&text, id).formateur.unwrap().value,
            "roche",
            "{id}"
        );
    }
    assert!(
        log.contains("ligne 2 : formateur « M. ROCHE » : roche (ROCHE Antoine)"),
        "{log}"
    );
    assert!(
        log.contains("ligne 4 : formateur « Mme TANGUY » : aucun formateur de la session ne porte ce nom ; ajoutez-le sous « formateurs: » ou corrigez la liste"),
        "{log}"
    );
}

#[test]
fn the_same_name_and_birth_date_under_another_number_is_pointed_out() {
    let (dir, path, _) = session();
    let csv = list(
        &dir,
        "Civilité;Nom;Prénom;N° candidat;Date de naissance;Adresse\n\
         Mme;AMRANI;Leïla;1999999;17/03/1994;8 allée des Tilleuls\n\
         M.;ROUX;Marc;1900002;02/01/1991;2 rue B\n\
         M.;ROUX;Marc;1900003;02/01/1991;2 rue B\n",
    );
    let (code, log) = import(&csv, &path, &[]);
    assert_eq!(code, Some(0), "{log}");
    assert!(
        log.contains("ligne 2 : AMRANI Leïla, née le 17 mars 1994, est déjà dans la session sous le N° 1801008 : vérifiez qu'il ne s'agit pas de la même personne"),
        "{log}"
    );
    assert!(
        log.contains(
            "ligne 4 : ROUX Marc, né le 2 janvier 1991, est déjà à la ligne 3 sous le N° 1900002"
        ),
        "{log}"
    );
}

#[test]
fn a_list_imported_again_shows_its_corrections_and_applies_them_on_request() {
    let (dir, path, before) = session();
    let csv = list(
        &dir,
        "Civilité;Nom;Prénom;N° candidat;Date de naissance;Adresse;CP;Ville\n\
         Mme;AMRANI;Leila;1801008;17/03/1994;12 rue Neuve;50100;Cherbourg-en-Cotentin\n\
         M.;BERNARD;Lucas;1801015;02/11/2001;3 impasse du Port;50110;Tourlaville\n",
    );
    let (code, log) = import(&csv, &path, &[]);
    assert_eq!(code, Some(1), "{log}");
    assert!(
        log.contains(
            "ligne 2 : AMRANI Leïla (N° 1801008) est déjà dans la session ; la liste diffère"
        ),
        "{log}"
    );
    assert!(log.contains("prenom : « Leïla » → « Leila »"), "{log}");
    assert!(
        log.contains("adresse : « 8 allée des Tilleuls, 50100 Cherbourg-en-Cotentin » → « 12 rue Neuve, 50100 Cherbourg-en-Cotentin »"),
        "{log}"
    );
    assert!(log.contains("--mettre-a-jour"), "{log}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), before);

    let (code, log) = import(&csv, &path, &["--mettre-a-jour"]);
    assert_eq!(code, Some(0), "{log}");
    assert!(log.contains("1 candidat(s) mis à jour"), "{log}");
    let text = std::fs::read_to_string(&path).unwrap();
    let amrani = candidate(&text, "amrani");
    assert_eq!(amrani.prenom, "Leila");
    assert_eq!(
        amrani.adresse,
        ["12 rue Neuve", "50100 Cherbourg-en-Cotentin"]
    );
    // The rest of the file is as it was: her jury, her result, the others.
    assert_eq!(amrani.jury.value.len(), 2);
    assert!(amrani.resultat.is_some());
    let expected = before
        .replacen("    prenom: Leïla\n", "    prenom: \"Leila\"\n", 1)
        .replacen(
            "    adresse:\n      - 8 allée des Tilleuls\n      - 50100 Cherbourg-en-Cotentin\n",
            "    adresse: [\"12 rue Neuve\", \"50100 Cherbourg-en-Cotentin\"]\n",
            1,
        );
    assert_eq!(text, expected);

    // A civilité cell left empty in the list is no correction.
    let csv = list(
        &dir,
        "Civilité;Nom;Prénom;N° candidat;Adresse;CP;Ville\n\
         ;AMRANI;Leila;1801008;12 rue Neuve;50100;Cherbourg-en-Cotentin\n",
    );
    let (code, log) = import(&csv, &path, &[]);
    assert_eq!(code, Some(1), "{log}");
    assert!(
        log.contains("est déjà dans la session, il n'est pas ajouté de nouveau"),
        "{log}"
    );
    assert!(!log.contains("civilite :"), "{log}");
}

#[test]
fn a_list_without_an_access_route_column_says_everyone_is_in_training() {
    let (dir, path, _) = session();
    let csv = list(
        &dir,
        "Civilité;Nom;Prénom;N° candidat;Adresse\nMme;GIRARD;Anne;1900001;1 rue A\n",
    );
    let (code, log) = import(&csv, &path, &[]);
    assert_eq!(code, Some(0), "{log}");
    assert!(
        log.contains(
            "aucune colonne « Voie d'accès » : les 1 candidat(s) sont inscrits en « formation »"
        ),
        "{log}"
    );
}

#[test]
fn a_csv_whose_title_line_holds_a_comma_is_read() {
    let (dir, path, _) = session();
    let csv = list(
        &dir,
        "Session de janvier, Cherbourg\n\
         Civilité;Nom;Prénom;N° candidat;Adresse\n\
         Mme;GIRARD;Anne;1900001;1 rue A, 50100 Cherbourg\n",
    );
    let (code, log) = import(&csv, &path, &[]);
    assert_eq!(code, Some(0), "{log}");
    let girard = candidate(&std::fs::read_to_string(&path).unwrap(), "girard");
    assert_eq!(girard.adresse, ["1 rue A, 50100 Cherbourg"]);
}

#[test]
fn a_pair_written_by_name_is_the_pair_of_the_session() {
    let (dir, path, _) = session();
    let csv = list(
        &dir,
        "Civilité;Nom;Prénom;N° candidat;Adresse;Jury\n\
         Mme;GIRARD;Anne;1900001;1 rue A;Mme LEJEUNE, M. MOREAU\n\
         M.;ROUX;Marc;1900002;2 rue B;dupont haddad\n",
    );
    let (code, log) = import(&csv, &path, &[]);
    assert_eq!(code, Some(0), "{log}");
    let text = std::fs::read_to_string(&path).unwrap();
    let pair = |id: &str| -> Vec<String> {
        candidate(&text, id)
            .jury
            .value
            .into_iter()
            .map(|j| j.value)
            .collect()
    };
    assert_eq!(pair("girard"), ["lejeune", "moreau"]);
    assert_eq!(pair("roux"), ["dupont", "haddad"]);
    assert!(
        log.contains("ligne 2 : jury « Mme LEJEUNE » : lejeune (LEJEUNE Claire)"),
        "{log}"
    );
}
