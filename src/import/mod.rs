//! `sessiondoc importer LISTE --session SESSION.yaml`: adds the candidates
//! of a spreadsheet (CSV, XLSX, ODS) to a session file without retyping
//! them. The file is changed by inserting text, so its comments and order
//! stay; nothing is written when a row is wrong or the result would not
//! load, and the file is replaced in one step.

pub(crate) mod columns;
pub(crate) mod dates;
mod known;
pub(crate) mod rows;
pub(crate) mod table;
mod yaml;

use std::path::Path;

use crate::error::Error;
use crate::load::{self, Source};
use crate::session_text;

/// What an import did.
pub struct Imported {
    pub added: usize,
    /// Candidates already in the session whose values the list corrected
    /// (with `--mettre-a-jour`).
    pub updated: usize,
    /// What the user should read first: which column went to which field,
    /// the columns left out, the rows already in the session.
    pub notes: Vec<String>,
    /// Errors `check` finds in the new file (the new candidates' jury and
    /// slots are usually still to be given).
    pub to_complete: usize,
}

/// Imports the candidates of `list` into the session file `session`.
/// `mapping` maps other headers to fields: `En-tête=champ`; `sheet` names
/// the workbook's sheet (else the first with a header row); with
/// `update`, the candidates already in the session get the values of the
/// list where they differ.
pub fn import(
    list: &Path,
    session: &Path,
    mapping: &[String],
    sheet: Option<&str>,
    update: bool,
) -> Result<Imported, Error> {
    let (imported, updated) = prepare(list, session, mapping, sheet, update)?;
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
    prepare(list, session, mapping, sheet, false).map(|(imported, _)| imported)
}

/// The import's report and the session file's new text.
fn prepare(
    list: &Path,
    session: &Path,
    mapping: &[String],
    sheet: Option<&str>,
    update: bool,
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
    let known = known::Known::read(&text, &name)?;
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
    notes.extend(general_notes(&read, &fields, update));
    let updates = if update { read.updates.as_slice() } else { &[] };
    if read.new.is_empty() && updates.is_empty() {
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
    let updated = with_updates(&text, updates, &name)?;
    let updated = with_new(updated, &read.new, &name)?;
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
        updated: updates.len(),
        notes,
        to_complete,
    };
    Ok((imported, updated))
}

/// What to say about the list as a whole: no access route column, rows
/// that differ from their candidate in the session.
fn general_notes(read: &rows::Read, fields: &[Option<&str>], update: bool) -> Vec<String> {
    let mut notes = Vec::new();
    if !fields.contains(&Some("voie")) && !read.new.is_empty() {
        notes.push(format!(
            "  aucune colonne « Voie d'accès »\u{a0}: les {} candidat(s) sont inscrits en « formation »\u{a0}; pour la VAE ou l'équivalence, ajoutez la colonne (formation, VAE, équivalence) ou corrigez « voie: » dans le fichier",
            read.new.len()
        ));
    }
    if !read.updates.is_empty() && !update {
        notes.push(format!(
            "  {} candidat(s) de la session diffèrent de la liste\u{a0}: relancez avec --mettre-a-jour pour reprendre les valeurs de la liste",
            read.updates.len()
        ));
    }
    notes
}

/// The session text with the new candidates at the end of its list.
fn with_new(text: String, new: &[rows::NewCandidate], name: &str) -> Result<String, Error> {
    if new.is_empty() {
        return Ok(text);
    }
    yaml::insert(&text, new).ok_or_else(|| {
        Error::Refused(format!(
            "« {name} » n'a pas de liste « candidats: »\u{a0}: ajoutez la ligne « candidats: » au fichier"
        ))
    })
}

/// The session text with the corrections of the list applied.
fn with_updates(text: &str, updates: &[rows::Update], name: &str) -> Result<String, Error> {
    updates.iter().try_fold(text.to_owned(), |text, u| {
        yaml::update(&text, &u.id, &u.fields).ok_or_else(|| {
            Error::Refused(format!(
                "le candidat « {} » de « {name} » n'est pas écrit une clé par ligne\u{a0}: corrigez-le à la main\u{a0}; le fichier n'a pas été modifié",
                u.id
            ))
        })
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

/// A problem as said to the user: its row, column and value, then what.
pub(crate) fn problem_line(p: &rows::Problem) -> String {
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
