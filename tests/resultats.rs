//! `sessiondoc resultats`: the grid the jury fills, written for each
//! reference session, filled by a script as a jury would, converted by
//! LibreOffice Calc to XLSX and ODS, and read back into the session file;
//! each incoherent grid refused with its row, column and value, the file
//! unchanged; the CERES recap.

use crate::common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use calamine::{Data, Reader, open_workbook_auto};
use common::run_sessiondoc as run;
use common::{fixture, session_from};
use sessiondoc::model::{Decision, Session};

const SC: &str = "secretaire-comptable.yaml";

/// The session text without any `resultat:` entry, as before the
/// deliberation.
fn without_results(text: &str) -> String {
    let mut out = String::new();
    let mut skip_deeper_than: Option<usize> = None;
    for line in text.split_inclusive('\n') {
        let indent = line.len() - line.trim_start().len();
        if let Some(level) = skip_deeper_than {
            if !line.trim().is_empty() && indent > level {
                continue;
            }
            skip_deeper_than = None;
        }
        if line.trim_start().starts_with("resultat:") {
            skip_deeper_than = Some(indent);
            continue;
        }
        out.push_str(line);
    }
    out
}

/// A folder with the session file `text` in it.
fn session_file(text: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("session.yaml");
    std::fs::write(&path, text).unwrap();
    (dir, path)
}

fn p(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// The grid's sheet: its rows of text.
fn sheet(path: &Path) -> Vec<Vec<String>> {
    let mut book = open_workbook_auto(path).unwrap();
    let name = book.sheet_names()[0].clone();
    let range = book.worksheet_range(&name).unwrap();
    range
        .rows()
        .map(|r| {
            r.iter()
                .map(|c| match c {
                    Data::Empty => String::new(),
                    other => other.to_string(),
                })
                .collect()
        })
        .collect()
}

/// The cell name of a row and column counted from 0 (`F6`).
fn cell_name(row: usize, col: usize) -> String {
    format!("{}{}", (b'A' + col as u8) as char, row + 1)
}

/// What a jury writes in the grid for each candidate (by N° candidat):
/// the decision, the CCPs marked, the observations.
type Filling = BTreeMap<String, (String, Vec<String>, String)>;

/// Fills the grid `grid` as a jury would, cell by cell, into `out`
/// (the workbook's XML edited by a script, as typed in a cell).
fn fill(grid: &Path, filling: &Filling, out: &Path) {
    let rows = sheet(grid);
    let header = rows
        .iter()
        .position(|r| r.contains(&"Décision".to_owned()))
        .unwrap();
    let col = |name: &str| rows[header].iter().position(|h| h == name).unwrap();
    let mut edits: Vec<(String, String)> = Vec::new();
    for (number, (decision, ccp, observations)) in filling {
        let row = rows.iter().position(|r| r.first() == Some(number)).unwrap();
        for (k, h) in rows[header].iter().enumerate() {
            if h.starts_with("CP-") {
                let mark = if ccp.contains(h) { "X" } else { "" };
                edits.push((cell_name(row, k), mark.to_owned()));
            }
        }
        edits.push((cell_name(row, col("Décision")), decision.clone()));
        edits.push((cell_name(row, col("Observations")), observations.clone()));
    }
    let script = r#"
import json, re, sys, zipfile
src, dst, edits = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
zin = zipfile.ZipFile(src)
zout = zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED)
for item in zin.infolist():
    data = zin.read(item.filename)
    if item.filename == "xl/worksheets/sheet1.xml":
        xml = data.decode("utf-8")
        for ref, value in edits:
            esc = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            pattern = r'<c r="%s"( s="\d+")?[^>]*?(/>|>.*?</c>)' % ref
            new = '<c r="%s"\\1 t="inlineStr"><is><t xml:space="preserve">%s</t></is></c>' % (ref, esc) if value else '<c r="%s"\\1/>' % ref
            xml, n = re.subn(pattern, new, xml, count=1)
            assert n == 1, ref
        data = xml.encode("utf-8")
    zout.writestr(item, data)
zout.close()
"#;
    let status = Command::new("python3")
        .args(["-c", script, p(grid), p(out)])
        .arg(serde_json::to_string(&edits).unwrap())
        .status()
        .unwrap();
    assert!(status.success());
}

/// The workbook converted by LibreOffice Calc to `to` (xlsx or ods) in
/// a folder of its own, with a profile of its own.
fn calc(workbook: &Path, to: &str) -> PathBuf {
    let dir = workbook.parent().unwrap().join(format!("calc-{to}"));
    std::fs::create_dir_all(&dir).unwrap();
    let out = Command::new("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            dir.join("profil").display()
        ))
        .args(["--headless", "--convert-to", to, "--outdir"])
        .arg(&dir)
        .arg(workbook)
        .output()
        .expect("LibreOffice (soffice) is installed");
    let converted = dir.join(workbook.with_extension(to).file_name().unwrap());
    assert!(
        converted.exists(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    converted
}

/// The grid's words for a decision.
fn label(d: Decision) -> &'static str {
    match d {
        Decision::Absent => "Absent",
        Decision::Reussite => "Réussite",
        Decision::ReussitePartielle => "Réussite partielle",
        Decision::Echec => "Échec",
    }
}

/// Each candidate's result, by N° candidat: decision, CCPs (sorted),
/// observations (words joined by one space).
fn results_of(s: &Session) -> Filling {
    s.candidats
        .value
        .iter()
        .filter_map(|c| {
            let r = &c.resultat.as_ref()?.value;
            let mut ccp: Vec<String> = r.ccp.iter().map(|c| c.value.clone()).collect();
            ccp.sort();
            let observations = r.observations.as_deref().unwrap_or("");
            let words = observations
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            Some((
                c.identifiant.clone(),
                (label(r.decision.value).to_owned(), ccp, words),
            ))
        })
        .collect()
}

/// Writes the grid of a reference session without its results, fills it
/// with the session's own results, has Calc convert it to XLSX and ODS,
/// and reads each back: the results are those filled, and the rest of the
/// file is byte for byte what it was.
fn round_trip(fixture_name: &str) {
    let original = std::fs::read_to_string(fixture(fixture_name)).unwrap();
    let filling = results_of(&session_from(&original).1);
    let before = without_results(&original);
    assert!(!before.contains("resultat:"), "{before}");
    let (dir, path) = session_file(&before);
    let grid = dir.path().join("grille.xlsx");
    let (code, err) = run(&["resultats", p(&path), "--grille", p(&grid)]);
    assert_eq!(code, Some(0), "{err}");
    let filled = dir.path().join("grille-remplie.xlsx");
    fill(&grid, &filling, &filled);
    for to in ["xlsx", "ods"] {
        std::fs::write(&path, &before).unwrap();
        let converted = calc(&filled, to);
        let (code, err) = run(&["resultats", p(&path), p(&converted)]);
        assert_eq!(code, Some(0), "{fixture_name} {to}: {err}");
        assert!(
            err.contains(&format!("{} résultat(s) écrit(s)", filling.len())),
            "{err}"
        );
        let after = std::fs::read_to_string(&path).unwrap();
        assert_eq!(
            results_of(&session_from(&after).1),
            filling,
            "{to}: {after}"
        );
        assert_eq!(
            without_results(&after),
            before,
            "{to}: the rest is unchanged"
        );
    }
}

#[test]
fn the_grid_of_the_secretaire_comptable_session_reads_back_into_its_results() {
    round_trip(SC);
}

#[test]
fn the_grid_of_the_ccp_session_reads_back_into_its_results() {
    round_trip("ccp-paie-fraude.yaml");
}

#[test]
fn the_grid_of_the_eight_ccp_session_reads_back_into_its_results() {
    round_trip("huit-ccp-trois-jours.yaml");
}

/// The secretaire-comptable session without results, a list written
/// beside it; `resultats` reads the list. Its status, what it said, and
/// whether the session file is unchanged.
fn read_list(list: &str, extension: &str) -> (Option<i32>, String, bool) {
    let before = without_results(&std::fs::read_to_string(fixture(SC)).unwrap());
    let (dir, path) = session_file(&before);
    let list_path = dir.path().join(format!("liste.{extension}"));
    std::fs::write(&list_path, list).unwrap();
    let (code, err) = run(&["resultats", p(&path), p(&list_path)]);
    let unchanged = std::fs::read_to_string(&path).unwrap() == before;
    (code, err, unchanged)
}

const HEAD: &str = "N° candidat;Nom;Prénom;Date de naissance;CP-002498;CP-002499;CP-002500;CP-002501;Décision;Observations\n";

/// Each incoherent list is refused with its row, column and value, and
/// the session file stays as it was.
#[test]
fn an_incoherent_list_is_refused_with_row_column_and_value() {
    for (rows, said) in [
        (
            "1801008;AMRANI;Leïla;17/03/1994;X;X;;X;Réussite;\n",
            "ligne 2, colonne « Décision », valeur « Réussite » : une réussite attribue tous les CCP de la session, il manque CP-002500",
        ),
        (
            "1790444;DIALLO;Mamadou;;X;;;;Échec;à revoir\n",
            "ligne 2, colonne « Décision », valeur « Échec » : la décision Échec n'attribue aucun CCP (marqués : CP-002498)",
        ),
        (
            "1801015;BERNARD;Lucas;;;;;;Réussite partielle;à revoir\n",
            "ligne 2, colonne « Décision », valeur « Réussite partielle » : une réussite partielle attribue au moins un CCP",
        ),
        (
            "1801015;BERNARD;Lucas;;X;X;X;X;Réussite partielle;\n",
            "ligne 2, colonne « Décision », valeur « Réussite partielle » : une réussite partielle n'attribue pas tous les CCP",
        ),
        (
            "9999999;INCONNU;Paul;;X;X;X;X;Réussite;\n",
            "ligne 2, colonne « N° candidat », valeur « 9999999 » : aucun candidat de la session ne correspond",
        ),
        (
            "1801008;AMRANI;Leïla;;X;X;X;X;;\n",
            "ligne 2, colonne « Décision », cellule vide : la décision manque",
        ),
        (
            "1801008;AMRANI;Leïla;17/03/94;X;X;X;X;Réussite;\n",
            "ligne 2, colonne « Date de naissance », valeur « 17/03/94 » : année sur deux chiffres",
        ),
        (
            "1801008;AMRANI;Leïla;;X;X;X;X;Admis;\n",
            "ligne 2, colonne « Décision », valeur « Admis » : décision inconnue",
        ),
        (
            "1801008;AMRANI;Leïla;;X;X;?;X;Réussite;\n",
            "ligne 2, colonne « CP-002500 », valeur « ? » : marque attendue : X (CCP obtenu) ou rien",
        ),
        (
            "1801008;AMRANI;Leïla;;X;X;X;X;Réussite;\n1801008;AMRANI;Leïla;;X;X;X;X;Réussite;\n",
            "ligne 3, colonne « N° candidat », valeur « 1801008 » : ce candidat est déjà sur la ligne 2",
        ),
    ] {
        let (code, err, unchanged) = read_list(&format!("{HEAD}{rows}"), "csv");
        assert_eq!(code, Some(1), "{rows}: {err}");
        assert!(err.contains(said), "{rows}\nexpected: {said}\ngot: {err}");
        assert!(
            err.contains("le fichier de session n'a pas été modifié"),
            "{err}"
        );
        assert!(unchanged, "{rows}");
    }
}

#[test]
fn a_ccp_the_session_does_not_cover_is_refused() {
    let list = "N° candidat;CP-009999;Décision\n1801008;X;Réussite\n";
    let (code, err, unchanged) = read_list(list, "csv");
    assert_eq!(code, Some(1), "{err}");
    assert!(
        err.contains("ligne 1, colonne « CP-009999 », valeur « CP-009999 » : ce CCP n'est pas un CCP de la session"),
        "{err}"
    );
    assert!(unchanged);
    let list =
        "Nom;Prénom;CCP obtenus;Décision\nBERNARD;Lucas;CP-002498, CP-009999;Réussite partielle\n";
    let (code, err, unchanged) = read_list(list, "csv");
    assert_eq!(code, Some(1), "{err}");
    assert!(
        err.contains("ligne 2, colonne « CCP obtenus », valeur « CP-002498, CP-009999 » : « CP-009999 » n'est pas un CCP de la session"),
        "{err}"
    );
    assert!(unchanged);
}

#[test]
fn any_list_that_names_the_candidate_and_the_decision_is_read() {
    let list = "Nom;Prénom;CCP obtenus;Décision;Préconisations\nBERNARD;Lucas;CP-002498 CP-002500;Réussite partielle;Revoir la paie\nNGUYEN;Thi Hoa;;reussite;\n";
    let (code, err, _) = read_list(
        &list.replace(
            ";;reussite",
            ";CP-002498,CP-002499,CP-002500,CP-002501;reussite",
        ),
        "csv",
    );
    assert_eq!(code, Some(0), "{err}");
    assert!(err.contains("2 résultat(s) écrit(s)"), "{err}");
    assert!(
        err.contains("+ BERNARD Lucas (N° 1801015) : Réussite partielle (CP-002498, CP-002500)"),
        "{err}"
    );
    assert!(
        err.contains("+ NGUYEN Thi Hoa (N° 1801031) : Réussite"),
        "{err}"
    );
    assert!(
        err.contains("Absents de la liste, leur résultat est laissé tel quel : AMRANI Leïla"),
        "{err}"
    );
}

/// The session as it is, results and all: its grid, filled again.
fn full_session_and_grid() -> (tempfile::TempDir, PathBuf, PathBuf, String) {
    let text = std::fs::read_to_string(fixture(SC)).unwrap();
    let (dir, path) = session_file(&text);
    let grid = dir.path().join("grille.xlsx");
    let (code, err) = run(&["resultats", p(&path), "--grille", p(&grid)]);
    assert_eq!(code, Some(0), "{err}");
    (dir, path, grid, text)
}

#[test]
fn the_grid_names_the_session_and_holds_what_is_known() {
    let (_dir, _path, grid, _) = full_session_and_grid();
    let rows = sheet(&grid);
    assert_eq!(rows[0][0], "Résultats de la délibération du jury");
    assert!(
        rows[1][0].contains("TP-00370") || rows[1][0].contains("session n°"),
        "{:?}",
        rows[1]
    );
    let header = &rows[4];
    assert_eq!(
        header,
        &[
            "N° candidat",
            "Nom",
            "Prénom",
            "Date de naissance",
            "Présence",
            "CP-002498",
            "CP-002499",
            "CP-002500",
            "CP-002501",
            "Décision",
            "Observations"
        ]
        .map(str::to_owned)
    );
    // By name, as on the PV; the usage name; the absent one marked.
    let names: Vec<&str> = rows[5..].iter().map(|r| r[1].as_str()).collect();
    assert_eq!(
        names,
        [
            "AMRANI",
            "BERNARD",
            "CHEVALIER",
            "DIALLO",
            "LEFÈVRE-DUMAS",
            "NGUYEN"
        ]
    );
    let lefevre = &rows[9];
    assert_eq!(
        (
            lefevre[0].as_str(),
            lefevre[4].as_str(),
            lefevre[9].as_str()
        ),
        ("1801047", "absent", "Absent")
    );
    assert_eq!(rows[6][3], "02/11/2001");
    assert_eq!(&rows[6][5..10], ["X", "", "X", "", "Réussite partielle"]);
    // Protected, the decision and the marks from lists.
    let xml = {
        use std::io::Read;
        let mut zip = zip::ZipArchive::new(std::fs::File::open(&grid).unwrap()).unwrap();
        let mut s = String::new();
        zip.by_name("xl/worksheets/sheet1.xml")
            .unwrap()
            .read_to_string(&mut s)
            .unwrap();
        s
    };
    assert!(xml.contains("<sheetProtection"), "{xml}");
    assert!(!xml.contains("password"), "no password");
    assert!(
        xml.contains("\"Absent,Réussite,Réussite partielle,Échec\""),
        "{xml}"
    );
}

#[test]
fn an_existing_grid_is_not_replaced_without_force() {
    let (_dir, path, grid, _) = full_session_and_grid();
    std::fs::write(&grid, b"rempli a la main").unwrap();
    let (code, err) = run(&["resultats", p(&path), "--grille", p(&grid)]);
    assert_eq!(code, Some(1), "{err}");
    assert!(err.contains("existe déjà"), "{err}");
    assert_eq!(std::fs::read(&grid).unwrap(), b"rempli a la main");
    let (code, err) = run(&["resultats", p(&path), "--grille", p(&grid), "--force"]);
    assert_eq!(code, Some(0), "{err}");
    assert_ne!(std::fs::read(&grid).unwrap(), b"rempli a la main");
}

#[test]
fn a_second_read_says_what_changes_candidate_by_candidate() {
    let (dir, path, grid, text) = full_session_and_grid();
    let (code, err) = run(&["resultats", p(&path), p(&grid)]);
    assert_eq!(code, Some(0), "{err}");
    assert!(err.contains("Aucun résultat nouveau ni changé"), "{err}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
    let mut filling = results_of(&session_from(&text).1);
    let all: Vec<String> = ["CP-002498", "CP-002499", "CP-002500", "CP-002501"]
        .map(str::to_owned)
        .to_vec();
    filling.insert(
        "1801015".to_owned(),
        ("Réussite".to_owned(), all, String::new()),
    );
    let changed = dir.path().join("grille-2.xlsx");
    fill(&grid, &filling, &changed);
    let (code, err) = run(&["resultats", p(&path), p(&changed), "--essai"]);
    assert_eq!(code, Some(0), "{err}");
    let line =
        "~ BERNARD Lucas (N° 1801015) : Réussite partielle (CP-002498, CP-002500) → Réussite";
    assert!(err.contains(line), "{err}");
    assert!(err.contains("1 résultat(s) à écrire"), "{err}");
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        text,
        "--essai writes nothing"
    );
    let (code, err) = run(&["resultats", p(&path), p(&changed)]);
    assert_eq!(code, Some(0), "{err}");
    assert!(
        err.contains(line) && err.contains("1 résultat(s) écrit(s)"),
        "{err}"
    );
    let after = std::fs::read_to_string(&path).unwrap();
    assert_eq!(without_results(&after), without_results(&text));
    let bernard = session_from(&after).1;
    let bernard = bernard
        .candidats
        .value
        .iter()
        .find(|c| c.identifiant == "1801015")
        .unwrap();
    assert_eq!(bernard.decision(), Some(Decision::Reussite));
    // Only BERNARD's entry changed: the other results are as written.
    assert!(
        after.contains("      observations: >-\n        Le dossier professionnel"),
        "{after}"
    );
}

#[test]
fn a_candidate_marked_absent_can_only_be_absent() {
    let (dir, path, grid, text) = full_session_and_grid();
    let mut filling = results_of(&session_from(&text).1);
    filling.insert(
        "1801047".to_owned(),
        ("Échec".to_owned(), vec![], "x".to_owned()),
    );
    let changed = dir.path().join("grille-2.xlsx");
    fill(&grid, &filling, &changed);
    let (code, err) = run(&["resultats", p(&path), p(&changed)]);
    assert_eq!(code, Some(1), "{err}");
    assert!(
        err.contains("ligne 10, colonne « Décision », valeur « Échec » : M. LEFÈVRE-DUMAS Jean-Baptiste est marqué absent (colonne « Présence ») : seule la décision Absent convient"),
        "{err}"
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
}

#[test]
fn the_ceres_recap_lists_number_name_decision_and_ccp_by_name() {
    let (dir, path, _grid, _) = full_session_and_grid();
    let recap = dir.path().join("ceres.csv");
    let (code, err) = run(&["resultats", p(&path), "--ceres", p(&recap)]);
    assert_eq!(code, Some(0), "{err}");
    let text = std::fs::read_to_string(&recap).unwrap();
    let lines: Vec<&str> = text.trim_start_matches('\u{feff}').lines().collect();
    assert_eq!(lines[0], "N° candidat;Nom;Prénom;Décision;CCP obtenus");
    assert_eq!(
        lines[1],
        "1801008;AMRANI;Leïla;Réussite;CP-002498, CP-002499, CP-002500, CP-002501"
    );
    assert_eq!(
        lines[2],
        "1801015;BERNARD;Lucas;Réussite partielle;CP-002498, CP-002500"
    );
    assert_eq!(lines[4], "1790444;DIALLO;Mamadou;Échec;");
    assert_eq!(lines[5], "1801047;LEFÈVRE-DUMAS;Jean-Baptiste;Absent;");
    assert_eq!(lines.len(), 7);
}

#[test]
fn partial_results_are_counted_and_the_missing_named() {
    let text = std::fs::read_to_string(fixture(SC)).unwrap();
    // AMRANI's and BERNARD's results taken away.
    let cut = text.find("  - id: chevalier").unwrap();
    let partial = format!("{}{}", without_results(&text[..cut]), &text[cut..]);
    let (_dir, path) = session_file(&partial);
    let (code, err) = run(&["check", p(&path)]);
    assert_eq!(code, Some(0), "{err}");
    assert!(
        err.contains(
            "4 résultat(s) sur 6 saisi(s) ; il manque celui de : AMRANI Leïla, BERNARD Lucas"
        ),
        "{err}"
    );
    // At the list of candidates: its first line.
    let line = partial
        .lines()
        .position(|l| l.starts_with("candidats:"))
        .unwrap()
        + 2;
    assert!(err.contains(&format!("session.yaml:{line}:")), "{err}");
    for whole in [text.clone(), without_results(&text)] {
        let (_dir, path) = session_file(&whole);
        let (_, err) = run(&["check", p(&path)]);
        assert!(!err.contains("résultat(s) sur"), "{err}");
    }
}

/// The results read from a grid are those the documents say: the PV of
/// a partial success ticks its CCPs and prints the jury's observations,
/// the attestations go to those present, the public list names those
/// who succeeded (a draft until the DDETS validates the session).
#[test]
fn the_documents_say_the_results_read_from_the_grid() {
    use common::{assert_both_contain, assert_neither_contains, boxes, pairs, produce_text, texts};
    use sessiondoc::compose::Kind;
    let original = std::fs::read_to_string(fixture(SC)).unwrap();
    let filling = results_of(&session_from(&original).1);
    let (dir, path) = session_file(&without_results(&original));
    let grid = dir.path().join("grille.xlsx");
    let (code, err) = run(&["resultats", p(&path), "--grille", p(&grid)]);
    assert_eq!(code, Some(0), "{err}");
    let filled = dir.path().join("grille-remplie.xlsx");
    fill(&grid, &filling, &filled);
    let (code, err) = run(&["resultats", p(&path), p(&filled)]);
    assert_eq!(code, Some(0), "{err}");
    let after = std::fs::read_to_string(&path).unwrap();
    let kinds = [
        Kind::PvIndividuel,
        Kind::AttestationPresence,
        Kind::ListeAdmis,
    ];
    let files = produce_text(&after, &kinds);
    let (pdf, docx) = texts(pairs(&files, "pv-individuel", Some("bernard"))[0]);
    for text in [&pdf, &docx] {
        assert_eq!(
            boxes(text),
            (4, 7),
            "formation + partial + 2 CCP ticked in:\n{text}"
        );
    }
    assert_both_contain(
        &pdf,
        &docx,
        "Bonne maîtrise des travaux courants de comptabilité",
    );
    let present: Vec<&str> = files
        .iter()
        .filter(|f| f.entry.kind == Kind::AttestationPresence && f.entry.format == "pdf")
        .filter_map(|f| f.entry.subject.candidat.as_deref())
        .collect();
    assert_eq!(
        present,
        ["amrani", "bernard", "chevalier", "diallo", "nguyen"]
    );
    let (pdf, docx) = texts(pairs(&files, "liste-admis", None)[0]);
    for name in [
        "AMRANI Leïla",
        "BERNARD Lucas",
        "CHEVALIER Camille",
        "NGUYEN Thi Hoa",
        "NE PAS AFFICHER",
    ] {
        assert_both_contain(&pdf, &docx, name);
    }
    assert_neither_contains(&pdf, &docx, "DIALLO");
    assert_neither_contains(&pdf, &docx, "LEFÈVRE-DUMAS");
}
