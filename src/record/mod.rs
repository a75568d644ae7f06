//! The record of the sendings, in the output folder: one dated folder per
//! sending (`envois/2027-01-12/`, then `envois/2027-01-12-2/` for a
//! second one the same day), never rewritten, holding the files as they
//! were sent, a copy of the session file as it was (for a first sending
//! from `--depuis`, the file it corrected too) and the list of who
//! got what, when and how (`envoi.json`). What a person last received is
//! read from it: the next calendar updates or cancels the events of the
//! last one sent, and a rectificative names the day of the last letter.
//! The DDETS is in it too: what it received is read the same way.

pub mod ddets;
mod held;
mod kit;
mod list;

pub use ddets::{Declaration, declaration};
pub use held::apply as held_letters;
/// The folder of a sending's e-mail drafts.
pub use kit::COURRIELS;
pub use list::{Line, label};

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::error::Error;
use crate::model::{Date, ModeConvocation, MoyenEnvoi, Session};
use crate::plan::Plan;

/// The folder of the sendings, in the output folder.
pub const ENVOIS: &str = "envois";

/// The sending folders of an output folder, oldest first: named by their
/// day, then `-2`, `-3`… for later sendings the same day.
pub fn sendings(folder: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(folder.join(ENVOIS)) else {
        return Vec::new();
    };
    let mut found: Vec<((Date, u32), PathBuf)> = entries
        .flatten()
        .filter(|e| e.path().is_dir())
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            order(&name).map(|key| (key, e.path()))
        })
        .collect();
    found.sort();
    found.into_iter().map(|(_, path)| path).collect()
}

/// A sending folder's place in time, from its name (`2027-01-12-2`).
fn order(name: &str) -> Option<(Date, u32)> {
    let (day, nth) = match name.get(10..) {
        Some("") => (name, 1),
        Some(rest) => (name.get(..10)?, rest.strip_prefix('-')?.parse().ok()?),
        None => return None,
    };
    let day = chrono::NaiveDate::parse_from_str(day, "%Y-%m-%d").ok()?;
    Some((Date(day), nth))
}

/// The calendars last sent to each person, by their stem (the path in
/// the output folder without `.ics`): the latest sending's that has one.
pub fn sent_calendars(folder: &Path) -> HashMap<String, String> {
    let mut calendars = HashMap::new();
    for sending in sendings(folder) {
        for (relative, path) in files(&sending, "") {
            let Some(stem) = relative.strip_suffix(".ics") else {
                continue;
            };
            if let Ok(text) = std::fs::read_to_string(&path) {
                calendars.insert(stem.to_owned(), text);
            }
        }
    }
    calendars
}

/// Every file under `dir`, with its path relative to it (`/`-separated).
fn files(dir: &Path, prefix: &str) -> Vec<(String, PathBuf)> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut found = Vec::new();
    for e in entries.flatten() {
        let name = format!("{prefix}{}", e.file_name().to_string_lossy());
        let path = e.path();
        if path.is_dir() {
            found.extend(files(&path, &format!("{name}/")));
        } else {
            found.push((name, path));
        }
    }
    found
}

/// The list of a sending, in its folder: who got what, when, how.
pub const LISTE: &str = "envoi.json";

/// The session file as it was at a sending, in its folder.
pub const SESSION: &str = "session.yaml";

/// The session file a first sending corrected (`--depuis`): the letters
/// sent before the record existed, which its rectificatives replace.
pub const SEED: &str = "session-precedente.yaml";

/// The lines of every sending, oldest first.
pub fn lines(folder: &Path) -> Vec<Line> {
    sendings(folder)
        .iter()
        .filter_map(|s| std::fs::read_to_string(s.join(LISTE)).ok())
        .filter_map(|text| serde_json::from_str::<Vec<Line>>(&text).ok())
        .flatten()
        .collect()
}

/// The day each document was last sent, by its stem (path without its
/// extension): the date a rectificative names.
pub fn last_sent_days(folder: &Path) -> HashMap<String, Date> {
    let mut days = HashMap::new();
    for line in lines(folder) {
        let stem = line
            .document
            .rsplit_once('.')
            .map_or(line.document.as_str(), |(s, _)| s);
        if let Ok(day) = chrono::NaiveDate::parse_from_str(&line.date, "%Y-%m-%d") {
            days.insert(stem.to_owned(), Date(day));
        }
    }
    days
}

/// The session file of the last sending, if there was one.
pub fn last_session(folder: &Path) -> Option<PathBuf> {
    sendings(folder)
        .into_iter()
        .map(|s| s.join(SESSION))
        .rfind(|p| p.is_file())
}

/// What a sending recorded.
pub struct Sending {
    /// Its folder.
    pub folder: PathBuf,
    pub lines: Vec<Line>,
    /// The files of the sending kit, relative to its folder.
    pub kit: Vec<String>,
    /// Those to send a registered letter to whom the file gives no
    /// postal address ("Mme Claire LEJEUNE").
    pub sans_adresse: Vec<String>,
}

/// What [`record`] would record on `day`, without recording it: the
/// documents of the manifest that go to people and that are new or say
/// something else than the last ones each person received.
/// The DDETS is among them when the session's dates are no longer those
/// it knows: the rectificative declaration goes to it.
pub fn pending(folder: &Path, session: &Session, day: Date) -> Result<Vec<Line>, Error> {
    pending_since(folder, session, day, None)
}

/// What [`pending`] says; `first` is the file sent before the record
/// existed (`--depuis`), whose dates the DDETS knows while it is empty.
fn pending_since(
    folder: &Path,
    session: &Session,
    day: Date,
    first: Option<&Session>,
) -> Result<Vec<Line>, Error> {
    let manifest = crate::output::previous_manifest(folder).ok_or_else(|| {
        Error::Io(format!(
            "« {} » n'a pas de manifest.json\u{a0}: produisez d'abord les documents",
            folder.display()
        ))
    })?;
    let mut sent: HashMap<String, String> = HashMap::new();
    // Whether the last document each person received was a cancellation.
    let mut last_was_cancellation: HashMap<String, bool> = HashMap::new();
    for line in lines(folder) {
        let who = format!("{}:{}", line.role, line.id);
        last_was_cancellation.insert(who, is_cancellation(&line.document));
        sent.insert(line.document, line.empreinte);
    }
    // Someone not convened now whose convocation is cancelled (by this
    // sending or by the last one they received) gets that cancellation
    // and nothing else: no livret, no letter « aucun créneau ».
    let convened = crate::changes::convened(&Plan::new(session));
    let cancelled_now: Vec<String> = manifest
        .documents
        .iter()
        .filter(|e| is_cancellation(&e.path))
        .filter_map(person)
        .map(|(role, id)| format!("{role}:{id}"))
        .collect();
    let stopped = |who: &str| {
        !convened.iter().any(|c| c == who)
            && (cancelled_now.iter().any(|c| c == who)
                || last_was_cancellation.get(who) == Some(&true))
    };
    // Someone no longer in the file (a cancellation) is sent to as the
    // file of the last sending said.
    let earlier = last_session(folder)
        .and_then(|p| crate::load::load(&p).ok())
        .map(|(_, s)| s);
    let means_of = |role: &str, id: &str| match &earlier {
        Some(e) if !is_in(session, role, id) => means(e, role, id),
        _ => means(session, role, id),
    };
    // Someone who already received a document gets it again only when
    // the changes since the last sending concern them: their letter then
    // replaces the last one they received.
    let concerned: Option<Vec<String>> = earlier.as_ref().map(|e| {
        let changes = crate::changes::compare(&Plan::new(e), &Plan::new(session));
        crate::changes::concerned(&changes)
    });
    let mut to_send: Vec<Line> = Vec::new();
    for e in &manifest.documents {
        let Some((role, id)) = person(e) else {
            continue;
        };
        if stopped(&format!("{role}:{id}")) && !is_cancellation(&e.path) {
            continue;
        }
        let empreinte = e.fingerprint.clone().unwrap_or_else(|| e.sha256.clone());
        let unconcerned = concerned
            .as_ref()
            .is_some_and(|c| !c.contains(&format!("{role}:{id}")));
        if sent.get(&e.path) == Some(&empreinte) || (sent.contains_key(&e.path) && unconcerned) {
            continue;
        }
        to_send.push(Line {
            role: role.to_owned(),
            moyen: label(means_of(role, &id)).to_owned(),
            id,
            document: e.path.clone(),
            date: day.to_string(),
            empreinte,
        });
    }
    if let Some(Declaration::New { .. }) = declaration(folder, &Plan::new(session), first) {
        let declared = manifest.documents.iter();
        for e in declared.filter(|e| e.kind == crate::kind::Kind::DeclarationSession) {
            to_send.push(Line {
                role: ddets::ROLE.to_owned(),
                id: ddets::ID.to_owned(),
                document: e.path.clone(),
                date: day.to_string(),
                moyen: label(MoyenEnvoi::Courrier).to_owned(),
                empreinte: e.fingerprint.clone().unwrap_or_else(|| e.sha256.clone()),
            });
        }
    }
    Ok(to_send)
}

/// Sends: the documents of the output folder's manifest that go to people
/// (convocations and their calendars, livrets) and that are new or say
/// something else than the last ones each person received are copied
/// as they are into a new dated folder of [`ENVOIS`], with the session
/// file and the list. Nothing when nothing is to send; the folder is
/// written whole or not at all, and never over an earlier one.
pub fn record(
    folder: &Path,
    session_text: &str,
    session: &Session,
    (day, seed): (Date, Option<&Path>),
) -> Result<Option<Sending>, Error> {
    let earlier = last_session(folder)
        .and_then(|p| crate::load::load(&p).ok())
        .map(|(_, s)| s);
    let first = seed
        .filter(|_| earlier.is_none())
        .and_then(|p| crate::load::load(p).ok())
        .map(|(_, s)| s);
    let to_send = pending_since(folder, session, day, first.as_ref())?;
    if to_send.is_empty() {
        return Ok(None);
    }
    let envois = folder.join(ENVOIS);
    std::fs::create_dir_all(&envois).map_err(|e| io(&envois, &e))?;
    let staging = tempfile::Builder::new()
        .prefix(".envoi-en-cours-")
        .tempdir_in(&envois)
        .map_err(|e| io(&envois, &e))?;
    for line in &to_send {
        let to = staging.path().join(&line.document);
        if let Some(parent) = to.parent() {
            std::fs::create_dir_all(parent).map_err(|e| io(parent, &e))?;
        }
        let from = folder.join(&line.document);
        std::fs::copy(&from, &to).map_err(|e| io(&from, &e))?;
    }
    let write = |name: &str, bytes: &[u8]| {
        let path = staging.path().join(name);
        std::fs::write(&path, bytes).map_err(|e| io(&path, &e))
    };
    write(SESSION, session_text.as_bytes())?;
    if let Some(seed) = seed.filter(|_| earlier.is_none()) {
        let text = std::fs::read(seed).map_err(|e| io(seed, &e))?;
        write(SEED, &text)?;
    }
    let list = serde_json::to_vec_pretty(&to_send).map_err(|e| Error::Io(e.to_string()))?;
    write(LISTE, &list)?;
    let kit = kit::write(staging.path(), &to_send, session, earlier.as_ref(), day)?;
    let sans_adresse = kit::without_address(&to_send, session, earlier.as_ref());
    let target = free_name(&envois, day);
    let staged = staging.keep();
    std::fs::rename(&staged, &target).map_err(|e| {
        let _ = std::fs::remove_dir_all(&staged);
        io(&target, &e)
    })?;
    Ok(Some(Sending {
        folder: target,
        lines: to_send,
        kit,
        sans_adresse,
    }))
}

/// How the letters of the person `id` in `role` ("candidat", "jure",
/// "surveillant") are sent: their `envoi`, else by e-mail for a juror or
/// surveillant with an address, else as the session's convocations.
pub fn means(session: &Session, role: &str, id: &str) -> MoyenEnvoi {
    let by_mode = match session.session.convocation.mode {
        ModeConvocation::Recommande => MoyenEnvoi::Courrier,
        ModeConvocation::MainPropre => MoyenEnvoi::MainPropre,
    };
    let (chosen, email) = match role {
        "candidat" => match session.candidats.value.iter().find(|c| c.id.value == id) {
            Some(c) => (c.envoi.as_ref().map(|e| e.value), None),
            None => (None, None),
        },
        "jure" => match session.jures.value.iter().find(|j| j.id.value == id) {
            Some(j) => (j.envoi.as_ref().map(|e| e.value), j.email.as_deref()),
            None => (None, None),
        },
        _ => match session.surveillants.iter().find(|m| m.id.value == id) {
            Some(m) => (m.envoi.as_ref().map(|e| e.value), m.email.as_deref()),
            None => (None, None),
        },
    };
    let by_email = email
        .filter(|e| !e.trim().is_empty())
        .map(|_| MoyenEnvoi::Courriel);
    chosen.or(by_email).unwrap_or(by_mode)
}

/// Whether the person `id` in `role` is in the session file.
fn is_in(session: &Session, role: &str, id: &str) -> bool {
    match role {
        "candidat" => session.candidats.value.iter().any(|c| c.id.value == id),
        "jure" => session.jures.value.iter().any(|j| j.id.value == id),
        _ => session.surveillants.iter().any(|m| m.id.value == id),
    }
}

/// Whether a document is a letter that cancels a convocation.
pub(crate) fn is_cancellation(document: &str) -> bool {
    document.starts_with(crate::kind::Kind::Annulation.spec().file)
}

/// Whom a document of the manifest is sent to, if it is sent to one person.
fn person(e: &crate::output::Entry) -> Option<(&'static str, String)> {
    if !e.kind.spec().sent {
        return None;
    }
    let s = &e.subject;
    let who = [
        ("candidat", &s.candidat),
        ("jure", &s.jure),
        ("surveillant", &s.surveillant),
    ];
    who.into_iter()
        .find_map(|(role, id)| id.clone().map(|id| (role, id)))
}

/// The first folder name of `day` not taken: `2027-01-12`, then `-2`…
fn free_name(envois: &Path, day: Date) -> PathBuf {
    let mut nth = 1;
    loop {
        let name = match nth {
            1 => day.to_string(),
            n => format!("{day}-{n}"),
        };
        let path = envois.join(name);
        if !path.exists() {
            return path;
        }
        nth += 1;
    }
}

fn io(path: &Path, e: &std::io::Error) -> Error {
    Error::Io(format!("« {} »\u{a0}: {e}", path.display()))
}
