//! The figures said after planning, in the terminal and on `--ecrire`:
//! days used against the fewest the pairs' work allows, candidates' days
//! on site, jurors' idle time and days holding only a deliberation, room
//! changes of each pair.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use super::demand::pair_name;
use super::{Proposal, Who};
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
fn seen(s: &Session, proposal: &Proposal) -> Vec<Seen> {
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
    all.extend(proposal.slots.iter().map(|c| Seen {
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
    let all = seen(s, proposal);
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
    let pairs = &proposal.pairs;
    let changements_salle = (0..pairs.jurors.len())
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
        .collect();
    Summary {
        jours: days.len(),
        jours_minimum: fewest_days,
        candidats_jours: on_site.into_iter().collect(),
        attente_jures: fr::duration(waiting.min(u32::from(u16::MAX)) as u16),
        plus_longue_attente: fr::duration(longest),
        jours_deliberation_seule: only_deliberation,
        changements_salle,
        serie: fr::duration(org.pause_jury().0),
    }
}
