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
    /// The session's CCPs fewer than two usable jurors may evaluate.
    pub ccp_sans_jures: Vec<String>,
    /// Pairs that need more time than their days offer.
    pub manques: Vec<Shortfall>,
    /// What the search could not place.
    pub bloque: Option<Blocked>,
    /// Per test: how many candidates were placed, out of how many.
    pub places: Vec<Count>,
    /// The jurors listed who cannot serve.
    pub non_retenus: Vec<super::pairs::LeftOut>,
    /// The changes tried, those that work first.
    pub essais: Vec<Trial>,
}

/// One change tried by planning again.
#[derive(Debug, Serialize)]
pub struct Trial {
    /// Days added (0: the days end later).
    pub jours: usize,
    /// The last day added, said in full, or the new end of the day.
    pub detail: String,
    pub possible: bool,
    /// When it is not enough: the first pair still short, its need and
    /// the time it would be offered ("10 h 05", "8 h 30").
    pub binome: String,
    pub besoin: String,
    pub offert: String,
    /// Or what still cannot be placed.
    pub bloque: String,
    /// What the change is: `jours`, `horaires`, `binome`, `salle` or
    /// `surveillant`.
    pub sorte: &'static str,
    /// One more pair: the candidates it takes ("NOM Prénom"), the pairs
    /// they leave, and their `jury` as it would be ("[dupont, haddad]").
    pub candidats: Vec<String>,
    pub quittent: Vec<String>,
    pub jury: String,
    /// One more room: the tests it is added to.
    pub epreuves: Vec<String>,
}

impl Trial {
    /// A change of days or hours tried, with the refusal it still meets,
    /// if any.
    pub fn new(jours: usize, detail: String, failure: Option<&Failure>) -> Trial {
        let short = failure.and_then(|f| f.manques.first());
        Trial {
            jours,
            detail,
            possible: failure.is_none(),
            binome: short.map(|m| m.binome.clone()).unwrap_or_default(),
            besoin: short.map(|m| m.besoin.clone()).unwrap_or_default(),
            offert: short.map(|m| m.offert.clone()).unwrap_or_default(),
            bloque: failure
                .and_then(|f| f.bloque.as_ref())
                .map(|b| b.quoi.clone())
                .unwrap_or_default(),
            sorte: if jours > 0 { "jours" } else { "horaires" },
            candidats: Vec::new(),
            quittent: Vec::new(),
            jury: String::new(),
            epreuves: Vec::new(),
        }
    }

    /// One more pair tried: `more` taken from `pairs`.
    pub fn pair(
        s: &Session,
        pairs: &Pairs,
        more: &super::pairs::MorePair,
        failure: Option<&Failure>,
    ) -> Trial {
        let mut quittent: Vec<String> = Vec::new();
        for &c in &more.candidates {
            let from = pair_name(s, pairs, pairs.of_candidate[c]);
            if !quittent.contains(&from) {
                quittent.push(from);
            }
        }
        let [a, b] = more.jurors;
        let ids = [a, b].map(|j| s.jures.value[j].id.value.as_str());
        Trial {
            sorte: "binome",
            detail: format!(
                "{}\u{2013}{}",
                s.jures.value[a].nom.to_uppercase(),
                s.jures.value[b].nom.to_uppercase()
            ),
            candidats: more.candidates.iter().map(|&c| name(s, c)).collect(),
            quittent,
            jury: format!("[{}]", ids.join(", ")),
            ..Trial::new(0, String::new(), failure)
        }
    }

    /// One more room tried for the tests `epreuves`.
    pub fn room(epreuves: Vec<String>, failure: Option<&Failure>) -> Trial {
        Trial {
            sorte: "salle",
            epreuves,
            ..Trial::new(0, String::new(), failure)
        }
    }

    /// One more surveillant tried.
    pub fn watcher(failure: Option<&Failure>) -> Trial {
        Trial {
            sorte: "surveillant",
            ..Trial::new(0, String::new(), failure)
        }
    }
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
    /// The file's slot it had to end before.
    pub fixe: Option<super::search::Pinned>,
    /// When seats are missing: the candidates to seat together, the most
    /// seats offered, the seats missing.
    pub places: Option<Seats>,
}

/// The seats a slot of every candidate lacks.
#[derive(Debug, Serialize)]
pub struct Seats {
    pub candidats: usize,
    pub places: usize,
    pub manque: usize,
    /// Over several rooms (a test taken together), or in one (the welcome).
    pub plusieurs_salles: bool,
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
pub(super) fn day_minutes(frame: super::Frame) -> u16 {
    let lunch = frame
        .lunch
        .1
        .min(frame.end)
        .saturating_sub(frame.lunch.0.max(frame.start));
    (frame.end - frame.start).saturating_sub(lunch)
}

/// The minutes a pair of `n` candidates works, and what they are made
/// of: (count, test title).
pub(super) fn pair_need(
    s: &Session,
    org: &Organisation,
    n: usize,
) -> (usize, Vec<(usize, String)>) {
    let has_final = s
        .epreuves
        .iter()
        .any(|e| e.nature.value == NatureCreneau::EntretienFinal);
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
    (need, detail)
}

/// The fewest days the busiest pair's work needs, whole days of the
/// frame's hours: its slots, the gap (`battement`) between two of them in
/// a half day, and the time every candidate is taken (the welcome, the
/// tests taken together without the jury), when the pair can at most be
/// briefed.
pub fn fewest_days(s: &Session, pairs: &Pairs, org: &Organisation, frame: super::Frame) -> usize {
    (0..pairs.jurors.len())
        .map(|p| pair_bound(s, pairs, org, frame, p).days)
        .max()
        .unwrap_or(0)
}

/// A pair's fewest days and what they are made of (minutes).
#[derive(Debug, Clone, Copy)]
pub struct Bound {
    pub days: usize,
    /// The pair's slots, briefing included.
    pub work: usize,
    /// The gaps (`battement`) between them, at the least.
    pub gaps: usize,
    /// The first day's time when every candidate is taken, the briefing
    /// apart.
    pub lost: usize,
    /// A day's minutes outside lunch.
    pub per_day: usize,
}

/// Pair `p`'s fewest days, as [`fewest_days`] counts them.
pub fn pair_bound(
    s: &Session,
    pairs: &Pairs,
    org: &Organisation,
    frame: super::Frame,
    p: usize,
) -> Bound {
    let per_day = day_minutes(frame).max(1) as usize;
    let lunch = (frame.lunch.1 - frame.lunch.0) as usize;
    let together: Vec<usize> = s
        .epreuves
        .iter()
        .filter(|e| {
            e.passage.value == Passage::Ensemble && e.encadrement.value != Encadrement::Jury
        })
        .map(|e| {
            let length = e.duree.value.0 as usize;
            let over_lunch = length > frame.longest_half_day() as usize;
            length.saturating_sub(if over_lunch { lunch } else { 0 })
        })
        .collect();
    let everyone = org.accueil() as usize + together.iter().sum::<usize>();
    let lost = everyone
        .saturating_sub(org.briefing() as usize)
        .min(per_day);
    let half_day = frame.longest_half_day().max(1) as usize;
    let n = pairs.candidates(p).count();
    let (need, detail) = pair_need(s, org, n);
    let studies = (n * org.etude_dossiers() as usize).div_ceil(half_day);
    let slots = 2 + studies + detail.iter().map(|(count, _)| count).sum::<usize>();
    let gaps = |d: usize| slots.saturating_sub(2 * d + 1) * frame.battement as usize;
    let days = (1..)
        .find(|&d: &usize| d * per_day >= need + lost + gaps(d))
        .unwrap_or(1);
    Bound {
        days,
        work: need,
        gaps: gaps(days),
        lost,
        per_day,
    }
}

/// The pairs whose work cannot fit in their days, if any.
pub fn shortfalls(
    s: &Session,
    pairs: &Pairs,
    days: &[Date],
    org: &Organisation,
    frame: super::Frame,
) -> Option<Failure> {
    let has_final = s
        .epreuves
        .iter()
        .any(|e| e.nature.value == NatureCreneau::EntretienFinal);
    let mut manques = Vec::new();
    for p in 0..pairs.jurors.len() {
        let n = pairs.candidates(p).count();
        let (need, detail) = pair_need(s, org, n);
        let mine = pair_days(s, pairs.jurors[p], days);
        let offered = mine.len() * day_minutes(frame) as usize;
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
    /// Candidates no pair may evaluate, and the CCPs that lack jurors.
    pub fn without_pair(s: &Session, stuck: &[usize]) -> Failure {
        let fin = s.session.fin.value;
        let usable: Vec<&crate::model::Jure> = s
            .jures
            .value
            .iter()
            .filter(|j| j.habilitation_fin.value >= fin)
            .collect();
        let ccp_sans_jures = s
            .covered_ccp()
            .into_iter()
            .filter(|code| {
                usable
                    .iter()
                    .filter(|j| {
                        j.ccp
                            .as_ref()
                            .is_none_or(|list| list.iter().any(|a| a.value == *code))
                    })
                    .count()
                    < 2
            })
            .map(str::to_owned)
            .collect();
        Failure {
            sans_binome: stuck.iter().map(|&c| name(s, c)).collect(),
            ccp_sans_jures,
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
                fixe: stuck.pinned.as_deref().cloned(),
                places: stuck.seats.map(|(candidats, places)| Seats {
                    candidats,
                    places,
                    manque: candidats.saturating_sub(places),
                    plusieurs_salles: !stuck.candidates.is_empty(),
                }),
            }),
            places,
            ..Failure::default()
        }
    }
}
