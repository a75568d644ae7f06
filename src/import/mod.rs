//! `sessiondoc importer LISTE --session SESSION.yaml`: adds the candidates
//! of a spreadsheet (CSV, XLSX, ODS) to a session file without retyping
//! them. The file is changed by inserting text, so its comments and order
//! stay; nothing is written when a row is wrong or the result would not
//! load, and the file is replaced in one step.

mod columns;
mod rows;
mod table;
mod yaml;

use std::path::Path;

use crate::error::Error;
use crate::load::{self, Source};
use crate::session_text;

/// What an import did.
pub struct Imported {
    pub added: usize,
    /// What the user should read first: which column went to which field,
    /// the columns left out, the rows already in the session.
    pub notes: Vec<String>,
    /// Errors `check` finds in the new file (the new candidates' jury and
    /// slots are usually still to be given).
    pub to_complete: usize,
}

/// Imports the candidates of `list` into the session file `session`.
/// `mapping` maps other headers to fields: `En-tête=champ`; `sheet` names
/// the workbook's sheet (else the first with a header row).
pub fn import(
    list: &Path,
    session: &Path,
    mapping: &[String],
    sheet: Option<&str>,
) -> Result<Imported, Error> {
    let (imported, updated) = prepare(list, session, mapping, sheet)?;
    session_text::replace(session, &updated)?;
    Ok(imported)
}

/// What importing `list` would do, the session file left as it is: the
/// same report, or the same refusal, as [`import`].
pub fn preview(
    list: &Path,
    session: &Path,
    mapping: &[String],
    sheet: Option<&str>,
) -> Result<Imported, Error> {
    prepare(list, session, mapping, sheet).map(|(imported, _)| imported)
}

/// The import's report and the session file's new text.
fn prepare(
    list: &Path,
    session: &Path,
    mapping: &[String],
    sheet: Option<&str>,
) -> Result<(Imported, String), Error> {
    let mapping = parse_mapping(mapping)?;
    let text = std::fs::read_to_string(session).map_err(|e| {
        Error::Io(format!(
            "impossible de lire « {} »\u{a0}: {}",
            session.display(),
            crate::error::io_fr(&e)
        ))
    })?;
    let name = session.display().to_string();
    let known = known_candidates(&text, &name)?;
    let mapped: Vec<String> = mapping.iter().map(|(h, _)| columns::normalise(h)).collect();
    let is_header = |cell: &str| {
        columns::usual_field(cell).is_some() || mapped.contains(&columns::normalise(cell))
    };
    let table = table::read(list, sheet, &is_header)?;
    let headers: Vec<String> = table
        .headers
        .iter()
        .map(|h| columns::normalise(h))
        .collect();
    if let Some((header, _)) = mapping
        .iter()
        .find(|(h, _)| !headers.contains(&columns::normalise(h)))
    {
        return Err(Error::Usage(format!(
            "--colonnes\u{a0}: « {header} » n'est pas un en-tête de « {} » (en-têtes\u{a0}: {})",
            list.display(),
            table.headers.join(", ")
        )));
    }
    let fields = columns::fields(&table.headers, &mapping);
    let mut notes = columns_read(&table, &fields);
    // The name and first name may come from one « Nom et prénom » column.
    let given = |f| {
        fields.contains(&Some(f))
            || (matches!(f, "nom" | "prenom") && fields.contains(&Some("nom_prenom")))
    };
    let missing: Vec<&str> = ["civilite", "nom", "prenom", "identifiant"]
        .into_iter()
        .filter(|f| !given(f))
        .collect();
    if !missing.is_empty() {
        return Err(Error::Refused(format!(
            "{}\nAucune colonne de « {} » ne donne\u{a0}: {}\u{a0}; indiquez-la avec --colonnes En-tête=champ. Le fichier de session n'a pas été modifié.",
            notes.join("\n"),
            list.display(),
            missing.join(", ")
        )));
    }
    let read = rows::candidates(&table, &fields, &known).map_err(|problems| {
        Error::Refused(format!(
            "{} problème(s) dans « {} »\u{a0}; le fichier de session n'a pas été modifié\u{a0}:\n{}",
            problems.len(),
            list.display(),
            problems.iter().map(problem_line).collect::<Vec<_>>().join("\n")
        ))
    })?;
    notes.extend(read.notes.iter().map(|l| format!("  {l}")));
    if read.new.is_empty() {
        let why = if table.rows.is_empty() {
            "aucune ligne de candidat sous les en-têtes".to_owned()
        } else {
            format!(
                "ses {} candidat(s) sont déjà dans la session",
                table.rows.len()
            )
        };
        return Err(Error::Refused(format!(
            "{}\nRien à importer de « {} »\u{a0}: {why}\u{a0}; le fichier de session n'a pas été modifié.",
            notes.join("\n"),
            list.display()
        )));
    }
    let updated = yaml::insert(&text, &read.new).ok_or_else(|| {
        Error::Refused(format!(
            "« {name} » n'a pas de liste « candidats: »\u{a0}: ajoutez la ligne « candidats: » au fichier"
        ))
    })?;
    let updated = session_text::with_line_endings_of(&text, updated);
    let new_session = load::parse(&Source::from_text(&name, &updated)).map_err(|d| {
        Error::Refused(format!(
            "l'import rendrait « {name} » illisible ({}) ; le fichier n'a pas été modifié",
            d.message
        ))
    })?;
    let to_complete = crate::check::check(&new_session)
        .iter()
        .filter(|d| d.severity == crate::diag::Severity::Error)
        .count();
    let imported = Imported {
        added: read.new.len(),
        notes,
        to_complete,
    };
    Ok((imported, updated))
}

/// The ids and N° candidat of the candidates already in the file, read
/// from the YAML tree: a file whose candidate list is still empty does not
/// load as a session yet.
fn known_candidates(text: &str, name: &str) -> Result<rows::Known, Error> {
    let tree: serde_json::Value = serde_saphyr::from_str(text).map_err(|_| {
        Error::Refused(format!(
            "« {name} » ne se lit pas\u{a0}: corrigez-le d'abord (sessiondoc check {name})"
        ))
    })?;
    let list = tree["candidats"].as_array().cloned().unwrap_or_default();
    let text_of = |v: &serde_json::Value| match v {
        serde_json::Value::String(s) => Some(s.clone()),
        serde_json::Value::Number(n) => Some(n.to_string()),
        _ => None,
    };
    Ok(rows::Known {
        ids: list.iter().filter_map(|c| text_of(&c["id"])).collect(),
        identifiants: list
            .iter()
            .filter_map(|c| text_of(&c["identifiant"]))
            .collect(),
    })
}

/// Which column goes to which field, and the columns left out.
fn columns_read(table: &table::Table, fields: &[Option<&'static str>]) -> Vec<String> {
    let mut notes = vec![match &table.sheet {
        Some(sheet) => format!("Colonnes lues (feuille « {sheet} »)\u{a0}:"),
        None => "Colonnes lues\u{a0}:".to_owned(),
    }];
    let mut ignored = Vec::new();
    for (header, field) in table.headers.iter().zip(fields) {
        match field {
            Some(f) => notes.push(format!("  « {header} » → {f}")),
            None if !header.trim().is_empty() => ignored.push(format!("« {header} »")),
            None => {}
        }
    }
    if !ignored.is_empty() {
        notes.push(format!(
            "  ignorées\u{a0}: {} (--colonnes En-tête=champ pour en lire une)",
            ignored.join(", ")
        ));
    }
    notes
}

fn problem_line(p: &rows::Problem) -> String {
    let value = if p.value.is_empty() {
        "cellule vide".to_owned()
    } else {
        format!("valeur « {} »", p.value)
    };
    format!(
        "  ligne {}, colonne « {} », {value}\u{a0}: {}",
        p.row, p.column, p.what
    )
}

/// `En-tête=champ` pairs, each field a known one.
fn parse_mapping(mapping: &[String]) -> Result<Vec<(String, String)>, Error> {
    mapping
        .iter()
        .map(|m| {
            let (header, field) = m.split_once('=').ok_or_else(|| {
                Error::Usage(format!(
                    "--colonnes\u{a0}: « {m} » n'est pas de la forme En-tête=champ"
                ))
            })?;
            let field = field.trim();
            if !columns::FIELDS.contains(&field) {
                return Err(Error::Usage(format!(
                    "--colonnes\u{a0}: champ « {field} » inconnu (champs\u{a0}: {})",
                    columns::FIELDS.join(", ")
                )));
            }
            Ok((header.trim().to_owned(), field.to_owned()))
        })
        .collect()
}
