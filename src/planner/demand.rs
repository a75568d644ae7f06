//! The totals compared before the search (what each pair must do against
//! the time its days offer), and the explanation of a session that does
//! not fit: numbers, what could be placed and what could not.

use serde::Serialize;

use super::NewSlot;
use super::pairs::{Pairs, pair_days};
use super::search::Stuck;
use crate::fr;
use crate::model::{Date, Encadrement, NatureCreneau, Organisation, Passage, Session};

/// Why no timetable fits, as the template says it.
#[derive(Debug, Serialize, Default)]
pub struct Failure {
    /// Candidates no pair may evaluate ("NOM Prénom").
    pub sans_binome: Vec<String>,
    /// Pairs that need more time than their days offer.
    pub manques: Vec<Shortfall>,
    /// What the search could not place.
    pub bloque: Option<Blocked>,
    /// Per test: how many candidates were placed, out of how many.
    pub places: Vec<Count>,
}

/// A pair's need against its days.
#[derive(Debug, Serialize)]
pub struct Shortfall {
    /// "LEJEUNE–MOREAU".
    pub binome: String,
    /// "9 h 40".
    pub besoin: String,
    /// The pair's days, said in full.
    pub jours: Vec<String>,
    /// "8 h 30".
    pub offert: String,
    /// The candidates of the pair.
    pub candidats: usize,
    /// What the need is made of: (count, test title).
    pub detail: Vec<(usize, String)>,
    pub etude: bool,
    pub deliberation: bool,
}

/// The passage the search got stuck on.
#[derive(Debug, Serialize)]
pub struct Blocked {
    pub quoi: String,
    pub candidats: Vec<String>,
    pub binome: Option<String>,
}

/// How many candidates have a test in the proposed timetable.
#[derive(Debug, Serialize)]
pub struct Count {
    pub epreuve: String,
    pub places: usize,
    pub total: usize,
}

fn name(s: &Session, c: usize) -> String {
    let cand = &s.candidats.value[c];
    fr::nom_prenom(cand.nom_affiche(), &cand.prenom)
}

/// "LEJEUNE–MOREAU".
pub fn pair_name(s: &Session, pairs: &Pairs, p: usize) -> String {
    let [a, b] = pairs.jurors[p];
    format!(
        "{}\u{2013}{}",
        s.jures.value[a].nom.to_uppercase(),
        s.jures.value[b].nom.to_uppercase()
    )
}

/// Minutes of a day outside the jury's lunch.
fn day_minutes(org: &Organisation) -> u16 {
    let frame = super::frame(org);
    let lunch = frame
        .lunch
        .1
        .min(frame.end)
        .saturating_sub(frame.lunch.0.max(frame.start));
    (frame.end - frame.start).saturating_sub(lunch)
}

/// The pairs whose work cannot fit in their days, if any.
pub fn shortfalls(
    s: &Session,
    pairs: &Pairs,
    days: &[Date],
    org: &Organisation,
) -> Option<Failure> {
    let has_final = s
        .epreuves
        .iter()
        .any(|e| e.nature.value == NatureCreneau::EntretienFinal);
    let mut manques = Vec::new();
    for p in 0..pairs.jurors.len() {
        let n = pairs.candidates(p).count();
        let mut need = org.briefing() as usize + org.deliberation() as usize * n;
        if has_final {
            need += org.etude_dossiers() as usize * n;
        }
        let mut detail = Vec::new();
        for e in s
            .epreuves
            .iter()
            .filter(|e| e.encadrement.value == Encadrement::Jury)
        {
            let passages = match e.passage.value {
                Passage::Ensemble => 1,
                Passage::Individuel => n,
                Passage::Groupes(g) => n.div_ceil(g.max(1) as usize),
            };
            need += passages * e.duree.value.0 as usize;
            detail.push((passages, e.intitule.clone()));
        }
        let mine = pair_days(s, pairs.jurors[p], days);
        let offered = mine.len() * day_minutes(org) as usize;
        if need > offered {
            manques.push(Shortfall {
                binome: pair_name(s, pairs, p),
                besoin: fr::duration(need.min(u16::MAX as usize) as u16),
                jours: mine.iter().map(|&d| fr::long_date(days[d])).collect(),
                offert: fr::duration(offered.min(u16::MAX as usize) as u16),
                candidats: n,
                detail,
                etude: has_final,
                deliberation: true,
            });
        }
    }
    (!manques.is_empty()).then(|| Failure {
        manques,
        ..Failure::default()
    })
}

impl Failure {
    /// Candidates no pair may evaluate.
    pub fn without_pair(s: &Session, stuck: &[usize]) -> Failure {
        Failure {
            sans_binome: stuck.iter().map(|&c| name(s, c)).collect(),
            ..Failure::default()
        }
    }

    /// The search got stuck: on what, and what it had placed.
    pub fn stuck(s: &Session, pairs: &Pairs, stuck: &Stuck, placed: &[NewSlot]) -> Failure {
        let places = s
            .epreuves
            .iter()
            .map(|e| {
                let done = |id: &str| {
                    let in_new = placed.iter().any(|slot| {
                        slot.intitule == e.intitule
                            && match &slot.candidats {
                                super::Who::Tous => true,
                                super::Who::Ids(ids) => ids.iter().any(|i| i == id),
                            }
                    });
                    let in_file = s
                        .planning
                        .value
                        .iter()
                        .any(|slot| slot.intitule == e.intitule && slot.has_candidat(id));
                    in_new || in_file
                };
                Count {
                    epreuve: e.intitule.clone(),
                    places: s
                        .candidats
                        .value
                        .iter()
                        .filter(|c| done(&c.id.value))
                        .count(),
                    total: s.candidats.value.len(),
                }
            })
            .collect();
        Failure {
            bloque: Some(Blocked {
                quoi: stuck.what.clone(),
                candidats: stuck.candidates.iter().map(|&c| name(s, c)).collect(),
                binome: stuck.pair.map(|p| pair_name(s, pairs, p)),
            }),
            places,
            ..Failure::default()
        }
    }
}
