//! Example sessions: the commented file of `init`, and large fictitious
//! sessions for tests and measurements (`exemple`, `bench`).

mod head;
mod planned;
pub mod unplanned;

pub use planned::large_session;

use crate::error::Error;
use std::path::Path;

/// The commented example written by `sessiondoc init`.
pub const EXAMPLE: &str = include_str!("../../templates/exemple-session.yaml");

/// `sessiondoc init FILE`: writes the example, never over an existing file.
pub fn init(file: &Path) -> Result<(), Error> {
    let created = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(file);
    let mut f = match created {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            return Err(Error::Refused(format!(
                "« {} » existe déjà\u{a0}: il n'est pas remplacé. Choisissez un autre nom, par exemple « sessiondoc init nouvelle-session.yaml ».",
                file.display()
            )));
        }
        Err(e) => {
            return Err(Error::Io(format!(
                "impossible de créer « {} »\u{a0}: {}",
                file.display(),
                crate::error::io_fr(&e)
            )));
        }
    };
    use std::io::Write;
    f.write_all(EXAMPLE.as_bytes()).map_err(|e| {
        Error::Io(format!(
            "impossible d'écrire « {} »\u{a0}: {}",
            file.display(),
            crate::error::io_fr(&e)
        ))
    })?;
    // The schema the example's first line names, beside it (an editor with
    // a YAML language server then completes and checks the file).
    let schema = file
        .parent()
        .unwrap_or(Path::new(""))
        .join(crate::schema::FILE_NAME);
    if !schema.exists() {
        std::fs::write(&schema, crate::schema::SCHEMA).map_err(|e| {
            Error::Io(format!(
                "impossible d'écrire « {} »\u{a0}: {}",
                schema.display(),
                crate::error::io_fr(&e)
            ))
        })?;
    }
    eprintln!(
        "Fichier d'exemple écrit\u{a0}: {}\nÉtapes suivantes\u{a0}: modifiez-le, puis « sessiondoc check {0} » et « sessiondoc generate {0} ».\nUn éditeur qui lit les schémas YAML (VS Code avec l'extension YAML, par exemple) complète et vérifie le fichier pendant la saisie grâce à « {} ».",
        file.display(),
        schema.display()
    );
    Ok(())
}

/// `sessiondoc exemple --candidats N FILE`: planned, or without planning
/// nor pairs (`--a-planifier`).
pub fn write_example(file: &Path, candidates: usize, unplanned: bool) -> Result<(), Error> {
    let text = if unplanned {
        unplanned::sized_session(candidates)
    } else {
        large_session(candidates)
    };
    std::fs::write(file, text).map_err(|e| {
        Error::Io(format!(
            "impossible d'écrire « {} »\u{a0}: {}",
            file.display(),
            crate::error::io_fr(&e)
        ))
    })
}
