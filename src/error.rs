//! The one error type of a run. Every stage says what went wrong in
//! French, naming what the user will recognise (a template, a document, a
//! file); the command line prints it once (`cli::main`).

use std::fmt;

/// Why a command could not do what was asked. Whatever the cause, nothing
/// half-written is left behind.
#[derive(Debug)]
pub enum Error {
    /// A template (`templates/*.j2`, or a centre's own) could not be read
    /// or rendered.
    Wording(String),
    /// A document could not be laid out or encoded.
    Render(String),
    /// A file or folder could not be read or written.
    Io(String),
    /// The run was refused or stopped (files edited by hand, Ctrl-C, an
    /// unknown candidate…): the files themselves could be read.
    Refused(String),
    /// The command was misused (a bad value on the command line).
    Usage(String),
}

impl Error {
    /// The exit status: 2 for a misused command, 1 otherwise.
    pub fn exit_code(&self) -> u8 {
        match self {
            Error::Usage(_) => 2,
            _ => 1,
        }
    }

    /// The same error, its message followed by a line that says what it
    /// left as it was.
    pub fn with_note(self, note: &str) -> Error {
        let add = |m: String| format!("{m}\n{note}");
        match self {
            Error::Wording(m) => Error::Wording(add(m)),
            Error::Render(m) => Error::Render(add(m)),
            Error::Io(m) => Error::Io(add(m)),
            Error::Refused(m) => Error::Refused(add(m)),
            Error::Usage(m) => Error::Usage(add(m)),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Wording(m)
            | Error::Render(m)
            | Error::Io(m)
            | Error::Refused(m)
            | Error::Usage(m) => f.write_str(m),
        }
    }
}

impl std::error::Error for Error {}

/// A system error (a file not found, access denied…) said in French.
pub fn io_fr(e: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    match e.kind() {
        K::NotFound => "fichier ou dossier introuvable".to_owned(),
        K::PermissionDenied => "droits insuffisants sur le fichier ou le dossier (demandez-les, ou travaillez sur une copie)".to_owned(),
        K::AlreadyExists => "le fichier existe déjà".to_owned(),
        K::IsADirectory => "c'est un dossier, pas un fichier".to_owned(),
        K::NotADirectory => "un élément du chemin n'est pas un dossier".to_owned(),
        K::StorageFull => "le disque est plein".to_owned(),
        K::ReadOnlyFilesystem => "le disque est en lecture seule".to_owned(),
        K::InvalidFilename => "nom de fichier trop long ou invalide".to_owned(),
        K::InvalidData => "le contenu du fichier est illisible".to_owned(),
        K::Interrupted => "opération interrompue".to_owned(),
        _ => match e.raw_os_error() {
            Some(code) => format!("erreur du système (code {code})"),
            None => "erreur du système".to_owned(),
        },
    }
}

/// The result of a stage.
pub type Result<T> = std::result::Result<T, Error>;
