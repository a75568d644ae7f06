//! The rules on the files the session file names beside itself: they are
//! read from the disk, so they run apart from the other rules, with the
//! session file's place ([`crate::load::Source`]).

use std::path::Path;

use super::at;
use crate::diag::Diagnostic;
use crate::load::Source;
use crate::model::{At, Session};

/// The rules on the files the session names.
pub fn files(source: &Source, session: &Session) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    match &session.session.reglement_general {
        Some(name) => {
            if let Err(d) = read_reglement(source, name) {
                found.push(d);
            }
        }
        None => found.push(
            Diagnostic::warning(
                "session.reglement_general",
                None,
                "le texte officiel du règlement général des sessions d'examen n'est pas donné\u{a0}: les convocations et le planning affiché n'en portent qu'un résumé",
            )
            .help(
                "enregistrez le texte officiel en PDF à côté du fichier de session et nommez-le dans la section session\u{a0}: « reglement_general: reglement.pdf »",
            ),
        ),
    }
    found
}

/// The bytes and the page count of the official règlement général the
/// session file names (`name`, relative to the session file), or the error
/// to report at its line.
pub fn read_reglement(source: &Source, name: &At<String>) -> Result<(Vec<u8>, usize), Diagnostic> {
    let base = source.path.parent().unwrap_or(Path::new("."));
    let path = base.join(&name.value);
    let error = |why: String, help: &str| {
        Diagnostic::error(
            "session.reglement_general",
            at(name),
            format!("le fichier « {} » {why}", path.display()),
        )
        .help(help.to_owned())
    };
    let bytes = std::fs::read(&path).map_err(|e| {
        error(
            format!("ne peut pas être lu ({})", crate::error::io_fr(&e)),
            "donnez le chemin du PDF du règlement, relatif au fichier de session",
        )
    })?;
    let pages = crate::render::pdf::appendix::pages_of(&bytes).map_err(|why| {
        error(
            format!("ne peut pas être joint\u{a0}: {why}"),
            "enregistrez le texte officiel en PDF, sans mot de passe (« Imprimer » vers PDF)",
        )
    })?;
    Ok((bytes, pages))
}
