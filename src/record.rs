//! The record of the sendings, in the output folder: one dated folder per
//! sending (`envois/2027-01-12/`, then `envois/2027-01-12-2/` for a
//! second one the same day), never rewritten, holding the files as they
//! were sent. What a person last received is read from it: the next
//! calendar updates or cancels the events of the last one sent.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// The folder of the sendings, in the output folder.
pub const ENVOIS: &str = "envois";

/// The sending folders of an output folder, oldest first: named by their
/// day, then `-2`, `-3`… for later sendings the same day.
pub fn sendings(folder: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(folder.join(ENVOIS)) else {
        return Vec::new();
    };
    let mut found: Vec<((crate::model::Date, u32), PathBuf)> = entries
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
fn order(name: &str) -> Option<(crate::model::Date, u32)> {
    let (day, nth) = match name.get(10..) {
        Some("") => (name, 1),
        Some(rest) => (name.get(..10)?, rest.strip_prefix('-')?.parse().ok()?),
        None => return None,
    };
    let day = chrono::NaiveDate::parse_from_str(day, "%Y-%m-%d").ok()?;
    Some((crate::model::Date(day), nth))
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
