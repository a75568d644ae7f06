//! One line of a sending's list (`envoi.json`): who got which file, on
//! which day, by which means.

use serde::{Deserialize, Serialize};

use crate::model::MoyenEnvoi;

/// One document of a sending: to whom, which file, the day, the means.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Line {
    /// "candidat", "jure" or "surveillant"; "autorite" (id "ddets") for
    /// the declaration sent to the DDETS.
    pub role: String,
    pub id: String,
    /// The file, relative to the sending's folder (and the output folder).
    pub document: String,
    /// The day it was sent, `YYYY-MM-DD`.
    pub date: String,
    /// « courrier recommandé », « courriel » or « remise en main propre ».
    pub moyen: String,
    /// What the document said (its fingerprint, else its sha256).
    pub empreinte: String,
}

/// How a means of sending is said in the record.
pub fn label(means: MoyenEnvoi) -> &'static str {
    match means {
        MoyenEnvoi::Courrier => "courrier recommandé",
        MoyenEnvoi::Courriel => "courriel",
        MoyenEnvoi::MainPropre => "remise en main propre",
    }
}
