//! `sessiondoc resultats`: the jury's results after the deliberation. The
//! command writes a grid the jury fills (`grid`), reads a filled grid or
//! any list with recognisable columns back (`read`) into each candidate's
//! `resultat` in the session file (`yaml`), only when every row is
//! coherent, and writes the recap typed into CERES (`recap`).

mod grid;
mod read;
mod recap;
mod yaml;

use std::path::Path;

use minijinja::context;
use serde::Deserialize;

use crate::error::Error;
use crate::fr;
use crate::load::{self, Source};
use crate::model::{Decision, Session};
use crate::session_text;
use crate::wording::Wording;

/// The words of the grid and of the recap (`templates/resultats.j2`,
/// block `libelles`).
#[derive(Deserialize)]
pub struct Labels {
    pub feuille: String,
    pub numero: String,
    pub nom: String,
    pub prenom: String,
    pub naissance: String,
    pub presence: String,
    pub absent: String,
    pub decision: String,
    pub observations: String,
    pub choix_absent: String,
    pub choix_reussite: String,
    pub choix_partielle: String,
    pub choix_echec: String,
    pub marque: String,
    pub ccp_obtenus: String,
}

impl Labels {
    /// The word the grid shows for a decision.
    pub fn decision(&self, d: Decision) -> &str {
        match d {
            Decision::Absent => &self.choix_absent,
            Decision::Reussite => &self.choix_reussite,
            Decision::ReussitePartielle => &self.choix_partielle,
            Decision::Echec => &self.choix_echec,
        }
    }
}

/// The grid's wording: its labels, title, subtitle and instructions.
pub struct GridTexts {
    pub labels: Labels,
    pub titre: String,
    pub sous_titre: String,
    pub consigne: String,
}

/// The wording of `templates/resultats.j2` for this session.
pub fn texts(s: &Session) -> Result<GridTexts, Error> {
    let ctx = context! {
        titre_code => s.titre.code.value,
        titre_intitule => s.titre.intitule,
        numero => s.session.numero,
        debut => fr::short_date(s.session.debut.value),
        fin => fr::short_date(s.session.fin.value),
    };
    Wording::new(None)?.with("resultats", ctx, |t| {
        Ok(GridTexts {
            labels: t.labels_as("libelles")?,
            titre: t.text("titre")?,
            sous_titre: t.text("sous_titre")?,
            consigne: t.text("consigne")?,
        })
    })
}

/// One candidate's result as read from a row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewResult {
    pub decision: Decision,
    /// The CCP codes obtained, in the session's order.
    pub ccp: Vec<String>,
    pub observations: Option<String>,
}

/// The session file, read and parsed; a file that does not load is to
/// be corrected first.
fn load_session(path: &Path) -> Result<(Source, Session), Error> {
    load::load(path).map_err(|failure| {
        let (_, d) = *failure;
        Error::Refused(format!(
            "« {} » ne se lit pas ({})\u{a0}: corrigez-le d'abord (sessiondoc check {})",
            path.display(),
            d.message,
            path.display()
        ))
    })
}

/// Writes the grid of the session `session` to `grid`; an existing file
/// is replaced only with `force`.
pub fn write_grid(session: &Path, grid: &Path, force: bool) -> Result<(), Error> {
    let (_, s) = load_session(session)?;
    let texts = texts(&s)?;
    let bytes = grid::workbook(&s, &texts)?;
    write_new_file(grid, &bytes, force)
}

/// Writes the CERES recap of the session's results to `path`; an
/// existing file is replaced only with `force`.
pub fn write_recap(session: &Path, path: &Path, force: bool) -> Result<(), Error> {
    let (_, s) = load_session(session)?;
    let texts = texts(&s)?;
    write_new_file(path, recap::csv(&s, &texts.labels)?.as_bytes(), force)
}

/// What reading a grid found and did.
pub struct Read {
    /// What to read first: the columns read, the rows left empty.
    pub notes: Vec<String>,
    /// One line a candidate whose result is new or changes.
    pub changes: Vec<String>,
    /// Whether the session file was written.
    pub written: bool,
}

/// Reads the results of `list` into the session file `session`; with
/// `dry_run`, only says what would change.
pub fn read_grid(
    session: &Path,
    list: &Path,
    sheet: Option<&str>,
    dry_run: bool,
) -> Result<Read, Error> {
    let (source, s) = load_session(session)?;
    let texts = texts(&s)?;
    let labels = &texts.labels;
    let covered: Vec<String> = s.covered_ccp().iter().map(|c| (*c).to_owned()).collect();
    let is_header = |cell: &str| read::role(cell, labels).is_some();
    let table = crate::import::table::read(list, sheet, &is_header)?;
    let found = read::results(&table, &s, labels, &covered).map_err(|problems| {
        Error::Refused(format!(
            "{} problème(s) dans « {} »\u{a0}; le fichier de session n'a pas été modifié\u{a0}:\n{}",
            problems.len(),
            list.display(),
            problems
                .iter()
                .map(crate::import::problem_line)
                .collect::<Vec<_>>()
                .join("\n")
        ))
    })?;
    let changed: Vec<&(usize, NewResult)> = found
        .results
        .iter()
        .filter(|(i, new)| !yaml::same(s.candidats.value[*i].resultat.as_ref(), new))
        .collect();
    let changes = changed
        .iter()
        .map(|(i, new)| change_line(&s, *i, new, labels))
        .collect();
    let mut notes = found.notes;
    if changed.is_empty() || dry_run {
        return Ok(Read {
            notes,
            changes,
            written: false,
        });
    }
    let updated = yaml::write(&source.text, &s, &changed)?;
    let updated = session_text::with_line_endings_of(&source.text, updated);
    refuse_incoherent(&source.name, &updated)?;
    session_text::replace(session, &updated)?;
    notes.shrink_to_fit();
    Ok(Read {
        notes,
        changes,
        written: true,
    })
}

/// Refuses a text whose results `check` finds wrong, or that no longer
/// loads: the grid was read row by row, so this is a last safeguard.
fn refuse_incoherent(name: &str, text: &str) -> Result<(), Error> {
    let session = load::parse(&Source::from_text(name, text)).map_err(|d| {
        Error::Refused(format!(
            "les résultats rendraient « {name} » illisible ({})\u{a0}; le fichier n'a pas été modifié",
            d.message
        ))
    })?;
    let wrong: Vec<String> = crate::check::check(&session)
        .into_iter()
        .filter(|d| d.severity == crate::diag::Severity::Error && d.path.contains("resultat"))
        .map(|d| format!("  {}\u{a0}: {}", d.path, d.message))
        .collect();
    if wrong.is_empty() {
        return Ok(());
    }
    Err(Error::Refused(format!(
        "les résultats lus ne passent pas la vérification\u{a0}; le fichier n'a pas été modifié\u{a0}:\n{}",
        wrong.join("\n")
    )))
}

/// « NOM Prénom (N° …)\u{a0}: avant → après ».
fn change_line(s: &Session, i: usize, new: &NewResult, labels: &Labels) -> String {
    let c = &s.candidats.value[i];
    let who = format!(
        "{} (N° {})",
        fr::nom_prenom(c.nom_affiche(), &c.prenom),
        c.identifiant
    );
    let shown = |decision: Decision, ccp: &[String]| {
        if ccp.is_empty() || decision == Decision::Reussite {
            labels.decision(decision).to_owned()
        } else {
            format!("{} ({})", labels.decision(decision), ccp.join(", "))
        }
    };
    let after = shown(new.decision, &new.ccp);
    match &c.resultat {
        None => format!("  + {who}\u{a0}: {after}"),
        Some(old) => {
            let old_ccp: Vec<String> = old.value.ccp.iter().map(|c| c.value.clone()).collect();
            let before = shown(old.value.decision.value, &old_ccp);
            if before == after {
                format!("  ~ {who}\u{a0}: {after}, observations modifiées")
            } else {
                format!("  ~ {who}\u{a0}: {before} → {after}")
            }
        }
    }
}

/// Writes `bytes` to `path` in one step, never over an existing file
/// unless `force`.
fn write_new_file(path: &Path, bytes: &[u8], force: bool) -> Result<(), Error> {
    use std::io::Write;
    if !force && path.exists() {
        return Err(Error::Refused(format!(
            "« {} » existe déjà\u{a0}: il n'est pas remplacé (il a pu être rempli)\u{a0}; donnez un autre nom, ou ajoutez --force pour le remplacer",
            path.display()
        )));
    }
    let error = |e: &std::io::Error| {
        Error::Io(format!(
            "impossible d'écrire « {} »\u{a0}: {}",
            path.display(),
            crate::error::io_fr(e)
        ))
    };
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut file = tempfile::NamedTempFile::new_in(dir).map_err(|e| error(&e))?;
    file.write_all(bytes).map_err(|e| error(&e))?;
    // A file for people: readable as any file they would save.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::Permissions::from_mode(0o644);
        file.as_file()
            .set_permissions(mode)
            .map_err(|e| error(&e))?;
    }
    file.as_file().sync_all().map_err(|e| error(&e))?;
    if force {
        file.persist(path).map_err(|e| error(&e.error))?;
    } else {
        file.persist_noclobber(path).map_err(|e| error(&e.error))?;
    }
    Ok(())
}
