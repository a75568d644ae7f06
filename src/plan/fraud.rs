//! The fraud reports as printed: the plan's view of `fraudes`.

use serde::Serialize;

use super::Plan;
use crate::fr;
use crate::model::Witness;

/// A fraud incident as printed.
#[derive(Debug, Serialize)]
pub struct FraudView {
    /// Its number in the session (1 for the first entry of `fraudes`).
    pub numero: usize,
    pub candidat_id: String,
    pub candidat: String,
    pub identifiant: String,
    pub epreuve: String,
    pub jour: String,
    pub heure: String,
    pub faits: String,
    pub mesures: String,
    /// Each witness: "NOM Prénom" and their role in the session.
    pub temoins: Vec<(String, WitnessRole)>,
}

/// What a witness of a fraud is in the session.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum WitnessRole {
    Responsable,
    Surveillant,
    Jure,
    /// Named in `constate_par` but neither a juror nor a surveillant.
    Autre,
}

impl Plan<'_> {
    /// Every fraud report of the session, in the order of the file.
    pub fn fraud_reports(&self) -> Vec<FraudView> {
        let s = self.session;
        s.fraudes
            .iter()
            .enumerate()
            .map(|(i, f)| {
                let candidate = self.candidate(&f.candidat.value);
                let temoins = f
                    .constate_par
                    .value
                    .ids()
                    .iter()
                    .map(|id| {
                        let id = match Witness::of(&id.value) {
                            Witness::Responsable => {
                                return (
                                    self.facts.responsable.nom_prenom.clone(),
                                    WitnessRole::Responsable,
                                );
                            }
                            Witness::Person(id) => id,
                        };
                        if let Some(m) = s.surveillant(id) {
                            (fr::nom_prenom(&m.nom, &m.prenom), WitnessRole::Surveillant)
                        } else if let Some(j) = s.jure(id) {
                            (fr::nom_prenom(&j.nom, &j.prenom), WitnessRole::Jure)
                        } else {
                            (id.to_owned(), WitnessRole::Autre)
                        }
                    })
                    .collect();
                FraudView {
                    numero: i + 1,
                    candidat_id: f.candidat.value.clone(),
                    candidat: candidate
                        .map_or_else(|| f.candidat.value.clone(), |c| c.nom_prenom.clone()),
                    identifiant: candidate.map(|c| c.identifiant.clone()).unwrap_or_default(),
                    epreuve: f.epreuve.clone(),
                    jour: fr::long_date(f.date.value),
                    heure: fr::time(f.heure.value),
                    faits: f.faits.clone(),
                    mesures: f.mesures.clone(),
                    temoins,
                }
            })
            .collect()
    }
}
