//! What the DDETS received, read from the record of sendings. The
//! declaration of the session goes to it again, rectificative and dated
//! the day it is sent, when the session's dates are no longer those it
//! knows (a postponement); until they change again, the output folder
//! shows that declaration as it was sent.

use std::path::{Path, PathBuf};

use crate::changes::{self, Period};
use crate::model::{Date, Session};
use crate::plan::Plan;

/// How a sending's list names the DDETS: its `role`…
pub const ROLE: &str = "autorite";
/// … and its `id`.
pub const ID: &str = "ddets";

/// What the declaration to the DDETS is, against the record.
pub enum Declaration {
    /// A rectificative to send now: the session is postponed from the
    /// dates the DDETS knows.
    New { report: Period },
    /// The one the DDETS last received, as it was: sent on `day`, with
    /// the session file as it was then, announcing the postponement
    /// `report`.
    Held {
        day: Date,
        session: Box<Session>,
        report: Period,
    },
}

/// The declaration the DDETS should hold now, from the record of
/// `folder`; `first` is the file whose dates the DDETS knew when the
/// record is still empty (the file given with `--depuis`). `None`: the
/// declaration as the session file says, no declaration having been
/// sent again.
pub fn declaration(folder: &Path, now: &Plan, first: Option<&Session>) -> Option<Declaration> {
    let sendings = super::sendings(folder);
    let load = |p: PathBuf| crate::load::load(&p).ok().map(|(_, s)| s);
    // The dates the DDETS knew before the record: those of the file the
    // first sending corrected, else of that sending's own.
    let origin = sendings
        .first()
        .and_then(|s| load(s.join(super::SEED)).or_else(|| load(s.join(super::SESSION))));
    let origin = origin.as_ref().or(first)?;
    let mut sent: Vec<(Date, Session)> = sendings
        .iter()
        .filter(|s| sent_to_ddets(s))
        .filter_map(|s| Some((day_of(s)?, load(s.join(super::SESSION))?)))
        .collect();
    let known = sent.last().map_or(origin, |(_, s)| s);
    if let Some(report) = changes::period(&Plan::new(known), now) {
        return Some(Declaration::New { report });
    }
    let (day, session) = sent.pop()?;
    let before = sent.last().map_or(origin, |(_, s)| s);
    let report = changes::period(&Plan::new(before), &Plan::new(&session))?;
    Some(Declaration::Held {
        day,
        session: Box::new(session),
        report,
    })
}

/// Whether the sending in `folder` sent something to the DDETS.
fn sent_to_ddets(folder: &Path) -> bool {
    std::fs::read_to_string(folder.join(super::LISTE))
        .ok()
        .and_then(|text| serde_json::from_str::<Vec<super::Line>>(&text).ok())
        .is_some_and(|lines| lines.iter().any(|l| l.role == ROLE))
}

/// The day of the sending in `folder`, from its name.
fn day_of(folder: &Path) -> Option<Date> {
    let name = folder.file_name()?.to_string_lossy();
    super::order(&name).map(|(day, _)| day)
}
