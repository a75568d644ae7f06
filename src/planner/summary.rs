//! The figures said after planning, in the terminal and on `--ecrire`:
//! days used against the fewest the pairs' work allows, candidates' days
//! on site, jurors' idle time and days holding only a deliberation, room
//! changes of each pair.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde::Serialize;

use super::demand::pair_name;
use super::{NewSlot, Pairs, Proposal, Who};
use crate::fr;
use crate::model::{Date, NatureCreneau, Selection, Session};

/// A slot reduced to what the figures need.
struct Seen {
    date: Date,
    debut: u16,
    fin: u16,
    nature: NatureCreneau,
    salle: Option<String>,
    candidats: Vec<String>,
    jures: Vec<String>,
}

/// The figures, as the template says them.
#[derive(Debug, Serialize)]
pub struct Summary {
    /// Days holding a slot.
    pub jours: usize,
    /// The fewest days the busiest pair's work needs.
    pub jours_minimum: usize,
    /// (days on site, how many candidates), fewest days first.
    pub candidats_jours: Vec<(usize, usize)>,
    /// Jurors' time waiting between two slots of a day, lunch left out.
    pub attente_jures: String,
    /// The longest such wait.
    pub plus_longue_attente: String,
    /// Juror-days holding only a deliberation.
    pub jours_deliberation_seule: usize,
    /// (pair, room changes between two evaluations of a day).
    pub changements_salle: Vec<(String, usize)>,
    /// The jury's evaluations in a row at most ("3 h").
    pub serie: String,
    /// When more days are used than the least possible: why, for the
    /// pair that ends last.
    pub ecart: Option<Gap>,
    /// What the search gained on the first plan that fitted.
    pub recherche: Option<Gain>,
}

/// The account of the pair that ends last, over the least possible
/// days: the time they offer, what its slots take there, and what is
/// left beyond them.
#[derive(Debug, Serialize)]
pub struct Gap {
    /// "JURE0–JURE1".
    pub binome: String,
    pub candidats: usize,
    /// The least possible days.
    pub jours: usize,
    /// Its work, briefing included, and the gaps (`battement`) between
    /// its slots at the least ("45 h").
    pub travail: String,
    pub battements: String,
    /// The time those days offer it, outside lunch and after the time
    /// every candidate is taken.
    pub offert: String,
    /// What is left for waiting: offered − work − gaps.
    pub marge: String,
    /// Its time without a slot on those days, the gaps apart.
    pub attentes: String,
    /// Of which after its last slot of each day, lunch apart.
    pub fins: String,
    /// Its work left beyond those days, and the candidates it sees there.
    pub reste: String,
    pub reste_candidats: usize,
    /// Its deliberation, one slot ("5 h").
    pub deliberation: String,
}

/// Why the pair that ends last needs more than `fewest` days, from the
/// slots it has in the timetable.
fn gap(s: &Session, proposal: &Proposal, all: &[Seen], fewest: usize) -> Option<Gap> {
    let default = crate::model::Organisation::default();
    let org = s.organisation.as_ref().unwrap_or(&default);
    let pairs = &proposal.pairs;
    let days = super::session_days(s);
    let ids = |p: usize| pairs.jurors[p].map(|j| s.jures.value[j].id.value.clone());
    let mine = |p: usize| {
        let [a, b] = ids(p);
        all.iter()
            .filter(move |x| x.jures.contains(&a) && x.jures.contains(&b))
    };
    // Its first `fewest` days, and its slots there and beyond.
    let split = |p: usize| {
        let own = super::pairs::pair_days(s, pairs.jurors[p], &days);
        let last = own.get(fewest.checked_sub(1)?).map(|&d| days[d])?;
        let (inside, beyond): (Vec<&Seen>, Vec<&Seen>) = mine(p).partition(|x| x.date <= last);
        Some((inside, beyond))
    };
    let minutes = |list: &[&Seen]| {
        list.iter()
            .map(|x| (x.fin - x.debut) as usize)
            .sum::<usize>()
    };
    let p = (0..pairs.jurors.len())
        .filter_map(|p| {
            let (_, beyond) = split(p)?;
            let end = mine(p).map(|x| x.date).max()?;
            Some((end, minutes(&beyond), p))
        })
        .max()?
        .2;
    let (inside, beyond) = split(p)?;
    if beyond.is_empty() {
        return None;
    }
    let bound = super::demand::pair_bound(s, pairs, org, super::frame(org), p);
    let offered = (fewest * bound.per_day).saturating_sub(bound.lost);
    let margin = offered.saturating_sub(bound.work + bound.gaps);
    let waits = offered.saturating_sub(minutes(&inside) + bound.gaps);
    let frame = super::frame(org);
    let mut ends: BTreeMap<Date, u16> = BTreeMap::new();
    for x in &inside {
        let end = ends.entry(x.date).or_default();
        *end = (*end).max(x.fin);
    }
    let after_last: usize = ends
        .values()
        .map(|&end| {
            let lunch = frame.lunch.1.saturating_sub(frame.lunch.0.max(end));
            frame.end.saturating_sub(end).saturating_sub(lunch) as usize
        })
        .sum();
    let mut seen_there: Vec<&String> = beyond.iter().flat_map(|x| &x.candidats).collect();
    seen_there.sort_unstable();
    seen_there.dedup();
    let d = |m: usize| fr::duration(m.min(u16::MAX as usize) as u16);
    Some(Gap {
        binome: pair_name(s, pairs, p),
        candidats: pairs.candidates(p).count(),
        jours: fewest,
        travail: d(bound.work),
        battements: d(bound.gaps),
        offert: d(offered),
        marge: d(margin),
        attentes: d(waits),
        fins: d(after_last.min(waits)),
        reste: d(minutes(&beyond)),
        reste_candidats: seen_there.len(),
        deliberation: d(org.deliberation() as usize * pairs.candidates(p).count()),
    })
}

fn ids(who: &Who, all: &[String]) -> Vec<String> {
    match who {
        Who::Tous => all.to_vec(),
        Who::Ids(ids) => ids.clone(),
    }
}

fn sel_ids(sel: &Option<crate::model::At<Selection>>, all: &[String]) -> Vec<String> {
    match sel.as_ref().map(|v| &v.value) {
        None => Vec::new(),
        Some(Selection::Tous) => all.to_vec(),
        Some(Selection::Ids(list)) => list.iter().map(|i| i.value.clone()).collect(),
    }
}

/// Every slot, the file's and the new ones.
fn seen(s: &Session, slots: &[NewSlot]) -> Vec<Seen> {
    let cands: Vec<String> = s
        .candidats
        .value
        .iter()
        .map(|c| c.id.value.clone())
        .collect();
    let jurors: Vec<String> = s.jures.value.iter().map(|j| j.id.value.clone()).collect();
    let mut all: Vec<Seen> = s
        .planning
        .value
        .iter()
        .map(|c| Seen {
            date: c.date.value,
            debut: c.debut.value.0,
            fin: c.fin.value.0,
            nature: c.nature,
            salle: c.salle.as_ref().map(|r| r.value.clone()),
            candidats: sel_ids(&c.candidats, &cands),
            jures: sel_ids(&c.jures, &jurors),
        })
        .collect();
    all.extend(slots.iter().map(|c| Seen {
        date: c.date,
        debut: c.debut,
        fin: c.fin,
        nature: c.nature,
        salle: c.salle.clone(),
        candidats: ids(&c.candidats, &cands),
        jures: ids(&c.jures, &jurors),
    }));
    all.sort_by_key(|c| (c.date, c.debut, c.fin));
    all
}

fn is_evaluation(n: NatureCreneau) -> bool {
    matches!(
        n,
        NatureCreneau::Epreuve | NatureCreneau::Entretien | NatureCreneau::EntretienFinal
    )
}

/// The figures of the timetable the proposal completes.
pub fn of(s: &Session, proposal: &Proposal, fewest_days: usize) -> Summary {
    let all = seen(s, &proposal.slots);
    let days: BTreeSet<Date> = all.iter().map(|c| c.date).collect();
    let mut on_site: BTreeMap<usize, usize> = BTreeMap::new();
    for c in &s.candidats.value {
        let mine: BTreeSet<Date> = all
            .iter()
            .filter(|x| x.candidats.contains(&c.id.value))
            .map(|x| x.date)
            .collect();
        *on_site.entry(mine.len()).or_default() += 1;
    }
    let default = crate::model::Organisation::default();
    let org = s.organisation.as_ref().unwrap_or(&default);
    let (waiting, longest, only_deliberation) = idle(s, &all);
    let pairs = &proposal.pairs;
    let changements_salle = room_changes(s, &all, pairs);
    Summary {
        jours: days.len(),
        jours_minimum: fewest_days,
        candidats_jours: on_site.into_iter().collect(),
        attente_jures: fr::duration(waiting.min(u32::from(u16::MAX)) as u16),
        plus_longue_attente: fr::duration(longest),
        jours_deliberation_seule: only_deliberation,
        changements_salle,
        serie: fr::duration(org.pause_jury().0),
        ecart: (days.len() > fewest_days)
            .then(|| gap(s, proposal, &all, fewest_days))
            .flatten(),
        recherche: proposal.gain.clone(),
    }
}

/// The jurors' waits between two slots of a day longer than the gap
/// (`battement`), lunch left out: in all, the longest, and the
/// juror-days holding only a deliberation.
fn idle(s: &Session, all: &[Seen]) -> (u32, u16, usize) {
    let default = crate::model::Organisation::default();
    let org = s.organisation.as_ref().unwrap_or(&default);
    let (lunch_a, lunch_b) = org.dejeuner();
    let (mut waiting, mut longest, mut only_deliberation) = (0u32, 0u16, 0usize);
    for j in &s.jures.value {
        let mut by_day: BTreeMap<Date, Vec<&Seen>> = BTreeMap::new();
        for x in all.iter().filter(|x| x.jures.contains(&j.id.value)) {
            by_day.entry(x.date).or_default().push(x);
        }
        for list in by_day.values() {
            if list.iter().all(|x| x.nature == NatureCreneau::Deliberation) {
                only_deliberation += 1;
            }
            for w in list.windows(2) {
                let (a, b) = (w[0].fin, w[1].debut);
                let lunch = lunch_b.0.min(b).saturating_sub(lunch_a.0.max(a));
                let gap = b.saturating_sub(a).saturating_sub(lunch);
                if gap > org.battement() {
                    waiting += u32::from(gap);
                    longest = longest.max(gap);
                }
            }
        }
    }
    (waiting, longest, only_deliberation)
}

/// Each pair's room changes between two evaluations of a day.
fn room_changes(s: &Session, all: &[Seen], pairs: &Pairs) -> Vec<(String, usize)> {
    (0..pairs.jurors.len())
        .map(|p| {
            let [a, b] = pairs.jurors[p].map(|j| s.jures.value[j].id.value.clone());
            let evals: Vec<&Seen> = all
                .iter()
                .filter(|x| is_evaluation(x.nature) && x.jures.contains(&a) && x.jures.contains(&b))
                .collect();
            let moves = evals
                .windows(2)
                .filter(|w| w[0].date == w[1].date && w[0].salle != w[1].salle)
                .count();
            (pair_name(s, pairs, p), moves)
        })
        .collect()
}

/// The figures the search compares, in the order the responsable
/// prefers them: the first that differs decides (derived order).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Score {
    /// Days holding a slot.
    pub days: usize,
    /// Candidates' days on site, all added.
    pub candidate_days: usize,
    /// Candidates whose final interview is later than the day after
    /// their technical interview.
    pub far_finals: usize,
    /// Pairs' room changes between two evaluations of a day, all added.
    pub room_changes: usize,
    /// Jurors' waits, as the summary counts them (minutes).
    pub waits: u32,
}

/// The score of the timetable the file's slots and `slots` make.
pub fn score(s: &Session, slots: &[NewSlot], pairs: &Pairs) -> Score {
    let all = seen(s, slots);
    let days: BTreeSet<Date> = all.iter().map(|c| c.date).collect();
    let index: HashMap<&str, usize> = s
        .candidats
        .value
        .iter()
        .enumerate()
        .map(|(i, c)| (c.id.value.as_str(), i))
        .collect();
    let n = s.candidats.value.len();
    let mut on_site: Vec<BTreeSet<Date>> = vec![BTreeSet::new(); n];
    let mut technical: Vec<Option<Date>> = vec![None; n];
    let mut last: Vec<Option<Date>> = vec![None; n];
    for x in &all {
        for c in x.candidats.iter().filter_map(|id| index.get(id.as_str())) {
            on_site[*c].insert(x.date);
            match x.nature {
                NatureCreneau::Entretien => {
                    technical[*c] = Some(technical[*c].map_or(x.date, |d| d.min(x.date)))
                }
                NatureCreneau::EntretienFinal => last[*c] = last[*c].max(Some(x.date)),
                _ => {}
            }
        }
    }
    let rank = |d: Date| days.range(..d).count();
    let far_finals = (0..n)
        .filter(|&c| match (technical[c], last[c]) {
            (Some(a), Some(b)) => rank(b) > rank(a) + 1,
            _ => false,
        })
        .count();
    Score {
        days: days.len(),
        candidate_days: on_site.iter().map(BTreeSet::len).sum(),
        far_finals,
        room_changes: room_changes(s, &all, pairs).iter().map(|x| x.1).sum(),
        waits: idle(s, &all).0,
    }
}

/// What the search gained on the first plan that fitted, as the summary
/// says it.
#[derive(Debug, Clone, Serialize)]
pub struct Gain {
    /// The builder's runs made.
    pub essais: usize,
    pub jours: usize,
    /// Candidates' days on site.
    pub jours_candidats: usize,
    /// Candidates whose final interview came later than the day after
    /// their technical interview.
    pub entretiens: usize,
    pub changements_salle: usize,
    /// Jurors' waits saved ("12 h"), when any.
    pub attente: Option<String>,
}

impl Gain {
    pub(super) fn between(first: Score, best: Score, essais: usize) -> Gain {
        let waits = first.waits.saturating_sub(best.waits);
        Gain {
            essais,
            jours: first.days.saturating_sub(best.days),
            jours_candidats: first.candidate_days.saturating_sub(best.candidate_days),
            entretiens: first.far_finals.saturating_sub(best.far_finals),
            changements_salle: first.room_changes.saturating_sub(best.room_changes),
            attente: (waits > 0)
                .then(|| crate::fr::duration(waits.min(u32::from(u16::MAX)) as u16)),
        }
    }
}
