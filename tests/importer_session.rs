//! `sessiondoc importer` and the session file it completes: a list
//! imported twice adds no one twice, ids are made from the whole name,
//! any layout of the `candidats:` list is accepted, names YAML could
//! misread stay texts, and the file keeps its mode, link and line endings.

use crate::common;

use std::path::{Path, PathBuf};

use common::run_sessiondoc as run;
use common::{fixture, session_from};

fn fixture_text() -> String {
    std::fs::read_to_string(fixture("secretaire-comptable.yaml")).unwrap()
}

/// A folder with `session.yaml` holding `text`, and `liste.csv` holding
/// `rows` under the usual headers.
fn files(text: &str, rows: &str) -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let session = dir.path().join("session.yaml");
    std::fs::write(&session, text).unwrap();
    let list = dir.path().join("liste.csv");
    std::fs::write(
        &list,
        format!("Civilité;Nom;Nom d'usage;Prénom;N° candidat;Adresse;Jury\n{rows}"),
    )
    .unwrap();
    (dir, session, list)
}

fn import(list: &Path, session: &Path) -> (Option<i32>, String) {
    run(&[
        "importer",
        list.to_str().unwrap(),
        "--session",
        session.to_str().unwrap(),
    ])
}

/// The ids of the session file's candidates, in order.
fn ids(session: &Path) -> Vec<String> {
    let (_, s) = session_from(&std::fs::read_to_string(session).unwrap());
    s.candidats
        .value
        .iter()
        .map(|c| c.id.value.clone())
        .collect()
}

const TWO: &str = "Mme;GIRARD;;Anne;1900001;1 rue A;lejeune moreau\n\
                   M.;ROUX;;Marc;1900002;2 rue B;lejeune moreau\n";

#[test]
fn a_list_imported_twice_adds_no_one_twice() {
    let (dir, session, list) = files(&fixture_text(), TWO);
    let (code, log) = import(&list, &session);
    assert_eq!(code, Some(0), "{log}");
    let once = std::fs::read_to_string(&session).unwrap();
    let (code, log) = import(&list, &session);
    assert_eq!(code, Some(1), "{log}");
    for line in [
        "ligne 2 : GIRARD Anne (N° 1900001) est déjà dans la session",
        "ligne 3 : ROUX Marc (N° 1900002) est déjà dans la session",
        "Rien à importer",
    ] {
        assert!(log.contains(line), "«{line}» in:\n{log}");
    }
    assert_eq!(std::fs::read_to_string(&session).unwrap(), once);

    // One known, one new: only the new one is added, the known one said.
    std::fs::write(
        &list,
        "Civilité;Nom;Prénom;N° candidat;Adresse\nMme;GIRARD;Anne;1900001;1 rue A\nMme;AMRANI;Leïla;1801008;8 allée\nM.;PETIT;Léo;1900003;3 rue C\n",
    )
    .unwrap();
    let (code, log) = import(&list, &session);
    assert_eq!(code, Some(0), "{log}");
    assert!(log.contains("1 candidat(s) ajouté(s)"), "{log}");
    assert!(
        log.contains("ligne 3 : AMRANI Leïla (N° 1801008) est déjà dans la session"),
        "{log}"
    );
    let all = ids(&session);
    assert_eq!(
        all.iter().filter(|i| i.starts_with("girard")).count(),
        1,
        "{all:?}"
    );
    assert_eq!(
        all.iter().filter(|i| i.starts_with("amrani")).count(),
        1,
        "{all:?}"
    );
    drop(dir);
}

#[test]
fn ids_are_made_from_the_whole_name_and_namesakes_by_their_first_name() {
    let long = "A".repeat(300);
    let rows = format!(
        "M.;de SAINT-EXUPÉRY;;Antoine;1900001;1 rue A;\n\
         M.;LE GALL;;Yann;1900002;2 rue B;\n\
         Mme;DURAND;MARTIN-LEFÈBVRE;Julie;1900003;3 rue C;\n\
         M.;MARTIN;;Paul;1900004;4 rue D;\n\
         M.;MARTIN;;Pierre;1900005;5 rue E;\n\
         M.;MARTIN;;Pierre;1900006;6 rue F;\n\
         Mme;{long};;Eva;1900007;7 rue G;\n"
    );
    let (_dir, session, list) = files(&fixture_text(), &rows);
    let (code, log) = import(&list, &session);
    assert_eq!(code, Some(0), "{log}");
    let all = ids(&session);
    let new = &all[all.len() - 7..];
    assert_eq!(
        &new[..6],
        [
            "saint-exupery",
            "le-gall",
            "martin-lefebvre",
            "martin",
            "martin-pierre",
            "martin-pierre-2"
        ]
    );
    assert!(
        new[6].len() <= 40 && new[6].starts_with("aaaa"),
        "{}",
        new[6]
    );
}

/// The fixture with its candidates' items written at column 0.
fn items_at_column_0(text: &str) -> String {
    let start = text.find("\ncandidats:\n").unwrap() + "\ncandidats:\n".len();
    let end = text.find("\nplanning:").unwrap();
    let list: String = text[start..end]
        .split_inclusive('\n')
        .map(|l| l.strip_prefix("  ").unwrap_or(l))
        .collect();
    format!("{}{list}{}", &text[..start], &text[end..])
}

#[test]
fn a_list_written_at_column_0_is_completed() {
    let text = items_at_column_0(&fixture_text());
    assert!(text.contains("\n- id: amrani\n  civilite: Mme\n"));
    let (_dir, session, list) = files(&text, TWO);
    let (code, log) = run(&["check", session.to_str().unwrap()]);
    assert_eq!(code, Some(0), "the file is valid as it is: {log}");
    let (code, log) = import(&list, &session);
    assert_eq!(code, Some(0), "{log}");
    let after = std::fs::read_to_string(&session).unwrap();
    assert!(
        after.contains("\n- id: girard\n  civilite: Mme\n"),
        "{after}"
    );
    assert_eq!(ids(&session).len(), 8);
}

#[test]
fn names_yaml_could_misread_stay_texts() {
    let rows = "Mme;NULL;;Yes;1900001;1 rue A;\n\
                M.;YES;;No;1900002;2 rue B;\n\
                M.;NO;;True;1900003;3 rue C;\n\
                Mme;TRUE;;Null;1900004;4 rue D;\n\
                M.;~;;Off;1900005;5 rue E;\n";
    let (_dir, session, list) = files(&fixture_text(), rows);
    let (code, log) = import(&list, &session);
    assert_eq!(code, Some(0), "{log}");
    let (_, s) = session_from(&std::fs::read_to_string(&session).unwrap());
    let names: Vec<String> = s.candidats.value[6..]
        .iter()
        .map(|c| format!("{} {} {}", c.id.value, c.nom, c.prenom))
        .collect();
    assert_eq!(
        names,
        [
            "null NULL Yes",
            "yes YES No",
            "no NO True",
            "true TRUE Null",
            "candidat ~ Off"
        ]
    );
}

#[cfg(unix)]
#[test]
fn the_session_file_keeps_its_mode_its_link_and_its_line_endings() {
    use std::os::unix::fs::PermissionsExt;
    let crlf = fixture_text().replace('\n', "\r\n");
    let (dir, session, list) = files(&crlf, TWO);
    std::fs::set_permissions(&session, std::fs::Permissions::from_mode(0o640)).unwrap();
    let link = dir.path().join("lien.yaml");
    std::os::unix::fs::symlink(&session, &link).unwrap();
    let (code, log) = import(&list, &link);
    assert_eq!(code, Some(0), "{log}");
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    let mode = std::fs::metadata(&session).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o640);
    let after = std::fs::read_to_string(&session).unwrap();
    assert!(
        after.contains("- id: girard"),
        "the link's target is completed"
    );
    assert!(
        !after.replace("\r\n", "").contains('\n'),
        "every line ends with CR LF"
    );
    assert!(after.starts_with(crlf.split("\r\ncandidats:").next().unwrap()));
}
