//! What a run of `generate --depuis` corrects, as the composers read it
//! (built from the changes between two plans: [`crate::changes`]).

use std::collections::HashMap;

/// What a run of `generate --depuis` corrects: the people who receive a
/// corrected document, with the slots (places in the new planning) that
/// changed for them, the date of the convocations it replaces and the day
/// it is sent.
#[derive(Debug, Default)]
pub struct Correction {
    /// The date of the convocations it replaces: "vendredi 4 décembre 2026".
    pub precedente: String,
    /// The day the corrected documents are sent, as long.
    pub envoi: String,
    pub candidats: HashMap<String, Vec<usize>>,
    pub jures: HashMap<String, Vec<usize>>,
    pub surveillants: HashMap<String, Vec<usize>>,
    /// The day each person's last letter was sent, as long, by the stem
    /// of the document (from the record of sendings): what their
    /// rectificative replaces, rather than `precedente`.
    pub precedentes: HashMap<String, String>,
    /// The session's days before and after, when it is postponed.
    pub report: Option<crate::changes::Period>,
    /// The people whose convocation is cancelled: a juror or surveillant
    /// no longer needed, a candidate who withdrew or was removed.
    pub annulations: Vec<Cancelled>,
    /// The people convened now who were not before (`role:id`): their
    /// first letter, dated the day it is sent, replaces nothing.
    pub nouveaux: Vec<String>,
    /// What each person's current letter says, by the stem of their
    /// convocation (and of the livret that goes with it), when the record
    /// of sendings knows what they received:
    /// rather than `envoi`, `precedentes` and `report`.
    pub lettres: HashMap<String, Letter>,
}

/// What a person's current letter says, read against the letters the
/// record of sendings says they received.
#[derive(Debug, Clone)]
pub struct Letter {
    /// The day it is dated, as long.
    pub date: String,
    /// The day of the letter it replaces, as long; `None`: a first letter.
    pub precedente: Option<String>,
    /// The session's days before and after, when it announces that the
    /// session is postponed.
    pub report: Option<crate::changes::Period>,
}

impl Correction {
    /// Whether the person `id` in `role` ("candidat", "jure",
    /// "surveillant") is convened for the first time.
    pub fn is_new(&self, role: &str, id: &str) -> bool {
        self.nouveaux.iter().any(|n| *n == format!("{role}:{id}"))
    }

    /// What the current letter of `stem` says, when the record knows.
    pub fn letter(&self, stem: &str) -> Option<&Letter> {
        self.lettres.get(stem)
    }

    /// The people of `role` who receive a corrected document, with the
    /// slots that changed for them.
    pub fn of_role(&mut self, role: &str) -> &mut HashMap<String, Vec<usize>> {
        match role {
            "candidat" => &mut self.candidats,
            "jure" => &mut self.jures,
            _ => &mut self.surveillants,
        }
    }
}

/// A person whose convocation is cancelled, as their last one named them.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Cancelled {
    /// "candidat", "jure" or "surveillant".
    pub role: &'static str,
    pub id: String,
    /// "Mme" or "M.".
    pub civilite: String,
    /// "Mme Claire LEJEUNE", as on an envelope.
    pub appel: String,
    /// "LEJEUNE Claire".
    pub nom_prenom: String,
    /// Their postal address, when the file gives one.
    pub adresse: Vec<String>,
    /// The stem of their last convocation in the output folder: the
    /// record knows the day it was sent.
    pub convocation: String,
}
