//! `sessiondoc importer LISTE --session SESSION.yaml`: adds the candidates
//! of a spreadsheet (CSV, XLSX, ODS) to a session file without retyping
//! them. The file is changed by inserting text, so its comments and order
//! stay; nothing is written when a row is wrong or the result would not
//! load, and the file is replaced in one step.

mod columns;
mod rows;
mod table;
mod yaml;

use std::collections::BTreeSet;
use std::io::Write;
use std::path::Path;

use crate::error::Error;
use crate::load::{self, Source};

/// What an import did.
pub struct Imported {
    pub added: usize,
    /// Errors `check` finds in the new file (the new candidates' jury and
    /// slots are usually still to be given).
    pub to_complete: usize,
}

/// Imports the candidates of `list` into the session file `session`.
/// `mapping` maps other headers to fields: `En-tête=champ`.
pub fn import(list: &Path, session: &Path, mapping: &[String]) -> Result<Imported, Error> {
    let mapping = parse_mapping(mapping)?;
    let text = std::fs::read_to_string(session).map_err(|e| {
        Error::Write(format!(
            "impossible de lire « {} »\u{a0}: {e}",
            session.display()
        ))
    })?;
    let name = session.display().to_string();
    // The ids already in the file, read from the YAML tree: a file whose
    // candidate list is still empty does not load as a session yet.
    let tree: serde_json::Value = serde_saphyr::from_str(&text).map_err(|_| {
        Error::Refused(format!(
            "« {name} » ne se lit pas\u{a0}: corrigez-le d'abord (sessiondoc check {name})"
        ))
    })?;
    let taken: BTreeSet<String> = tree["candidats"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|c| c["id"].as_str().map(str::to_owned))
        .collect();

    let table = table::read(list)?;
    let fields = columns::fields(&table.headers, &mapping);
    let candidates = rows::candidates(&table, &fields, &taken).map_err(|problems| {
        let lines: Vec<String> = problems
            .iter()
            .map(|p| {
                let value = if p.value.is_empty() {
                    "cellule vide".to_owned()
                } else {
                    format!("valeur « {} »", p.value)
                };
                format!("  ligne {}, colonne « {} », {value}\u{a0}: {}", p.row, p.column, p.what)
            })
            .collect();
        Error::Refused(format!(
            "{} problème(s) dans « {} »\u{a0}; le fichier de session n'a pas été modifié\u{a0}:\n{}",
            problems.len(),
            list.display(),
            lines.join("\n")
        ))
    })?;
    let entries: String = candidates
        .iter()
        .map(yaml::entry)
        .collect::<Vec<_>>()
        .join("\n");
    let updated = yaml::insert(&text, &entries).ok_or_else(|| {
        Error::Refused(format!(
            "« {name} » n'a pas de liste « candidats: »\u{a0}: ajoutez la ligne « candidats: » au fichier"
        ))
    })?;
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
    replace(session, &updated)?;
    Ok(Imported {
        added: candidates.len(),
        to_complete,
    })
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

/// Replaces the file in one step: a new file beside it, renamed over it.
pub(crate) fn replace(path: &Path, text: &str) -> Result<(), Error> {
    let error = |e: &dyn std::fmt::Display| {
        Error::Write(format!(
            "impossible d'écrire « {} »\u{a0}: {e}",
            path.display()
        ))
    };
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut file = tempfile::NamedTempFile::new_in(dir).map_err(|e| error(&e))?;
    file.write_all(text.as_bytes()).map_err(|e| error(&e))?;
    file.as_file().sync_all().map_err(|e| error(&e))?;
    file.persist(path).map_err(|e| error(&e.error))?;
    Ok(())
}
