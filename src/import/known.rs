//! What the session file already holds that a list is compared with: its
//! candidates (to leave out, to update, to tell apart from a namesake
//! under another number), its trainers and its jurors (written by name).
//! Read from the YAML tree: a file still being filled in does not load
//! as a session yet.

use std::collections::{BTreeMap, BTreeSet};

use super::columns::normalise;
use crate::error::Error;

/// The candidates and trainers already in the session file.
pub struct Known {
    /// The candidates' ids.
    pub ids: BTreeSet<String>,
    /// The candidates, as their values are written.
    pub candidates: Vec<KnownCandidate>,
    /// The trainers: id, name, first name.
    pub formateurs: Vec<(String, String, String)>,
    /// The jurors: id, name, first name.
    pub jures: Vec<(String, String, String)>,
}

/// A candidate of the file: its id and the values a list may give, as
/// text (the address lines joined by « , »).
pub struct KnownCandidate {
    pub id: String,
    pub identifiant: String,
    pub values: BTreeMap<&'static str, String>,
}

/// The fields a list gives that a candidate of the file is compared on.
pub const COMPARED: [&str; 8] = [
    "civilite",
    "nom",
    "nom_usage",
    "prenom",
    "date_naissance",
    "adresse",
    "telephone",
    "email",
];

impl Known {
    /// What the session file `text` (named `name`) holds.
    pub fn read(text: &str, name: &str) -> Result<Known, Error> {
        let tree: serde_json::Value = serde_saphyr::from_str(text).map_err(|_| {
            Error::Refused(format!(
                "« {name} » ne se lit pas\u{a0}: corrigez-le d'abord (sessiondoc check {name})"
            ))
        })?;
        let list = tree["candidats"].as_array().cloned().unwrap_or_default();
        let candidates: Vec<KnownCandidate> = list
            .iter()
            .map(|c| KnownCandidate {
                id: text_of(&c["id"]),
                identifiant: text_of(&c["identifiant"]),
                values: COMPARED.iter().map(|f| (*f, value_of(&c[*f]))).collect(),
            })
            .collect();
        let people = |key: &str| -> Vec<(String, String, String)> {
            tree[key]
                .as_array()
                .cloned()
                .unwrap_or_default()
                .iter()
                .map(|f| (text_of(&f["id"]), text_of(&f["nom"]), text_of(&f["prenom"])))
                .collect()
        };
        Ok(Known {
            ids: candidates.iter().map(|c| c.id.clone()).collect(),
            candidates,
            formateurs: people("formateurs"),
            jures: people("jures"),
        })
    }

    /// The candidate of the file with this N° candidat.
    pub fn by_identifiant(&self, identifiant: &str) -> Option<&KnownCandidate> {
        self.candidates
            .iter()
            .find(|c| c.identifiant == identifiant)
    }

    /// The trainer a cell names: see [`named`].
    pub fn formateur(&self, cell: &str) -> Option<&(String, String, String)> {
        named(&self.formateurs, cell)
    }

    /// The juror a cell names: see [`named`].
    pub fn jure(&self, cell: &str) -> Option<&(String, String, String)> {
        named(&self.jures, cell)
    }
}

/// The person of `people` (id, name, first name) a cell names: their id, or
/// their name with or without civilité and first name (« Mme TANGUY »,
/// « Anne Tanguy »). `None` when nobody, or more than one, answers to it.
fn named<'a>(
    people: &'a [(String, String, String)],
    cell: &str,
) -> Option<&'a (String, String, String)> {
    if let Some(f) = people.iter().find(|f| f.0 == cell) {
        return Some(f);
    }
    let words: Vec<String> = normalise(cell)
        .split(' ')
        .map(str::to_owned)
        .skip_while(|w| {
            [
                "m",
                "mr",
                "mme",
                "madame",
                "monsieur",
                "mlle",
                "mademoiselle",
            ]
            .contains(&w.as_str())
        })
        .collect();
    let name = words.join(" ");
    let matching: Vec<_> = people
        .iter()
        .filter(|(_, nom, prenom)| {
            [
                normalise(nom),
                normalise(&format!("{prenom} {nom}")),
                normalise(&format!("{nom} {prenom}")),
            ]
            .contains(&name)
        })
        .collect();
    match matching.as_slice() {
        [one] => Some(one),
        _ => None,
    }
}

/// A scalar of the tree as text.
fn text_of(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Number(n) => n.to_string(),
        _ => String::new(),
    }
}

/// A value as a list gives it: a scalar, or lines joined by « , ».
fn value_of(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::Array(items) => items.iter().map(text_of).collect::<Vec<_>>().join(", "),
        other => text_of(other),
    }
}
