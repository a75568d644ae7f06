//! What the référentiel requires and how the days are organised
//! (`epreuves`, `organisation`): the input of `sessiondoc planifier`.

use std::fmt;

use serde::Deserialize;
use serde::de::{self, Deserializer, Visitor};

use super::{At, NatureCreneau, Time};

/// One test of the référentiel, in the order each candidate takes it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Epreuve {
    /// The title printed on every document.
    pub intitule: String,
    /// `epreuve`, `entretien` or `entretien_final`.
    pub nature: At<NatureCreneau>,
    pub duree: At<Duree>,
    pub passage: At<Passage>,
    /// The rooms it may use; several rooms hold passages in parallel.
    pub salles: At<Vec<At<String>>>,
    pub encadrement: At<Encadrement>,
}

/// How many candidates take a test at once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Passage {
    /// Every candidate at once.
    Ensemble,
    /// One candidate at a time.
    Individuel,
    /// Groups of at most this many candidates.
    Groupes(u32),
}

/// Who is in the room with the candidates.
#[derive(Debug, Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Encadrement {
    /// The candidate's juror pair.
    Jury,
    /// A surveillant, the jury being away.
    Surveillant,
}

/// How the days are organised; every key has a default.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Organisation {
    /// Earliest start and latest end of a day.
    pub horaires: Option<At<Vec<At<Time>>>>,
    /// Welcome of every candidate, first day, before any test.
    pub accueil: Option<At<Duree>>,
    /// Welcome and briefing of the jury before its first evaluation.
    pub briefing: Option<At<Duree>>,
    /// The lunch break: no juror works in it.
    pub dejeuner: Option<At<Vec<At<Time>>>>,
    /// Per candidate: the pair studies the file before its first final interview.
    pub etude_dossiers: Option<At<Duree>>,
    /// Per candidate: after the pair's last final interview.
    pub deliberation: Option<At<Duree>>,
    /// Between two passages in one room.
    pub battement: Option<At<Duree>>,
    /// The jury's evaluations in a row at most, then its pause: two
    /// lengths written "HH:MM".
    pub pause_jury: Option<At<Vec<At<Time>>>>,
}

/// A length of time, written `"HH:MM"`, kept in minutes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Duree(pub u16);

impl<'de> Deserialize<'de> for Duree {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // Written like a time of day: "00:45".
        Time::deserialize(deserializer).map(|t| Duree(t.0))
    }
}

impl<'de> Deserialize<'de> for Passage {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct PassageVisitor;
        impl Visitor<'_> for PassageVisitor {
            type Value = Passage;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("« ensemble », « individuel » ou un nombre de candidats")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Passage, E> {
                match v.trim() {
                    "ensemble" => Ok(Passage::Ensemble),
                    "individuel" => Ok(Passage::Individuel),
                    other => other.parse().map(Passage::Groupes).map_err(|_| {
                        E::custom(format!(
                            "« {other} » n'est pas un passage\u{a0}: écrivez ensemble (tous les candidats à la fois), individuel, ou le nombre de candidats par groupe (par exemple 2)"
                        ))
                    }),
                }
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Passage, E> {
                u32::try_from(v)
                    .map(Passage::Groupes)
                    .map_err(|_| E::custom(format!("{v} candidats par groupe, c'est trop")))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Passage, E> {
                u64::try_from(v)
                    .map_err(|_| {
                        E::custom(format!(
                            "« {v} » n'est pas un nombre de candidats par groupe"
                        ))
                    })
                    .and_then(|v| self.visit_u64(v))
            }
        }
        deserializer.deserialize_any(PassageVisitor)
    }
}

impl Organisation {
    /// Earliest start and latest end of a day (default 08:00–18:00).
    pub fn horaires(&self) -> (Time, Time) {
        pair_of(&self.horaires).unwrap_or((Time::hm(8, 0), Time::hm(18, 0)))
    }
    /// The jury's lunch break (default 12:00–13:00).
    pub fn dejeuner(&self) -> (Time, Time) {
        pair_of(&self.dejeuner).unwrap_or((Time::hm(12, 0), Time::hm(13, 0)))
    }
    /// Welcome of the candidates, in minutes (default 30).
    pub fn accueil(&self) -> u16 {
        minutes(&self.accueil, 30)
    }
    /// Briefing of the jury, in minutes (default 30).
    pub fn briefing(&self) -> u16 {
        minutes(&self.briefing, 30)
    }
    /// Study of one candidate's file, in minutes (default 15).
    pub fn etude_dossiers(&self) -> u16 {
        minutes(&self.etude_dossiers, 15)
    }
    /// Deliberation per candidate, in minutes (default 10).
    pub fn deliberation(&self) -> u16 {
        minutes(&self.deliberation, 10)
    }
    /// Between two passages in one room, in minutes (default 5).
    pub fn battement(&self) -> u16 {
        minutes(&self.battement, 5)
    }
    /// The jury's evaluations in a row at most, then the length of its
    /// pause, in minutes (default 3 h then 15 min).
    pub fn pause_jury(&self) -> (u16, u16) {
        pair_of(&self.pause_jury).map_or((180, 15), |(a, b)| (a.0, b.0))
    }
}

fn pair_of(value: &Option<At<Vec<At<Time>>>>) -> Option<(Time, Time)> {
    match value.as_ref().map(|v| v.value.as_slice()) {
        Some([a, b]) => Some((a.value, b.value)),
        _ => None,
    }
}

fn minutes(value: &Option<At<Duree>>, default: u16) -> u16 {
    value.as_ref().map_or(default, |d| d.value.0)
}
