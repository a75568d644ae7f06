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
    Write(String),
    /// The run was refused or stopped (files edited by hand, Ctrl-C, an
    /// unknown candidate…).
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
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Wording(m)
            | Error::Render(m)
            | Error::Write(m)
            | Error::Refused(m)
            | Error::Usage(m) => f.write_str(m),
        }
    }
}

impl std::error::Error for Error {}

/// The result of a stage.
pub type Result<T> = std::result::Result<T, Error>;
