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
}
