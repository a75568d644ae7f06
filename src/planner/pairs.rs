//! The jury pairs (binômes): those the file already gives, and new ones
//! for the candidates whose `jury` is empty, shared evenly.

use crate::fr;
use crate::model::{Date, Jure, Session};

/// Every pair and the candidates it evaluates.
#[derive(Debug, Clone)]
pub struct Pairs {
    /// Juror indices (into `jures`) of each pair.
    pub jurors: Vec<[usize; 2]>,
    /// The pair of each candidate (index into `jurors`).
    pub of_candidate: Vec<usize>,
    /// The candidates whose pair was chosen here.
    pub formed: Vec<usize>,
}

impl Pairs {
    /// The candidates of pair `p`.
    pub fn candidates(&self, p: usize) -> impl Iterator<Item = usize> + '_ {
        (0..self.of_candidate.len()).filter(move |&c| self.of_candidate[c] == p)
    }
}

/// The days a juror can come, among the session's `days`.
pub fn juror_days(j: &Jure, days: &[Date]) -> Vec<usize> {
    (0..days.len())
        .filter(|&d| {
            j.disponibilites
                .as_ref()
                .is_none_or(|list| list.iter().any(|a| a.value == days[d]))
        })
        .collect()
}

/// The days both jurors of a pair can come.
pub fn pair_days(s: &Session, pair: [usize; 2], days: &[Date]) -> Vec<usize> {
    let second = juror_days(&s.jures.value[pair[1]], days);
    juror_days(&s.jures.value[pair[0]], days)
        .into_iter()
        .filter(|d| second.contains(d))
        .collect()
}

/// A juror who may sit on a new pair: accredited to the session's end,
/// not restricted to CCPs the session goes beyond, free one day at least.
fn may_evaluate(s: &Session, j: &Jure, days: &[Date]) -> bool {
    let covered = s.covered_ccp();
    j.habilitation_fin.value >= s.session.fin.value
        && j.ccp.as_ref().is_none_or(|allowed| {
            covered
                .iter()
                .all(|code| allowed.iter().any(|a| a.value == *code))
        })
        && !juror_days(j, days).is_empty()
}

/// Whether juror `j` trained candidate `c` (same person as its trainer).
pub fn trains(s: &Session, j: usize, c: usize) -> bool {
    let juror = &s.jures.value[j];
    let key = |t: &str| fr::collation_key(t).0;
    s.candidats.value[c]
        .formateur
        .as_ref()
        .and_then(|f| s.formateurs.iter().find(|m| m.id.value == f.value))
        .is_some_and(|f| key(&f.nom) == key(&juror.nom) && key(&f.prenom) == key(&juror.prenom))
}

/// The pairs of the session. `Err` names the candidates no pair may take.
pub fn form(s: &Session, days: &[Date]) -> Result<Pairs, Vec<usize>> {
    let index = |id: &str| s.jures.value.iter().position(|j| j.id.value == id);
    let mut jurors: Vec<[usize; 2]> = Vec::new();
    let mut of_candidate = vec![usize::MAX; s.candidats.value.len()];
    let mut formed = Vec::new();
    for (c, cand) in s.candidats.value.iter().enumerate() {
        let ids: Vec<Option<usize>> = cand.jury.value.iter().map(|j| index(&j.value)).collect();
        if let [Some(a), Some(b)] = ids[..] {
            let p = jurors
                .iter()
                .position(|q| *q == [a, b] || *q == [b, a])
                .unwrap_or_else(|| {
                    jurors.push([a, b]);
                    jurors.len() - 1
                });
            of_candidate[c] = p;
        } else {
            formed.push(c);
        }
    }
    if formed.is_empty() {
        return Ok(Pairs {
            jurors,
            of_candidate,
            formed,
        });
    }
    // New pairs from the jurors not yet on one: each with the free juror
    // sharing the most days with them.
    let mut free: Vec<usize> = (0..s.jures.value.len())
        .filter(|&j| jurors.iter().all(|p| !p.contains(&j)))
        .filter(|&j| may_evaluate(s, &s.jures.value[j], days))
        .collect();
    while free.len() >= 2 {
        let first = free.remove(0);
        let shared = |other: usize| pair_days(s, [first, other], days).len();
        let best = (0..free.len()).max_by_key(|&k| (shared(free[k]), std::cmp::Reverse(k)));
        if let Some(k) = best.filter(|&k| shared(free[k]) > 0) {
            jurors.push([first, free.remove(k)]);
        }
    }
    // The most constrained candidates (fewest pairs allowed) first, each
    // to the least loaded pair allowed.
    let allowed = |c: usize| -> Vec<usize> {
        (0..jurors.len())
            .filter(|&p| !jurors[p].iter().any(|&j| trains(s, j, c)))
            .filter(|&p| !pair_days(s, jurors[p], days).is_empty())
            .collect()
    };
    let mut load = vec![0usize; jurors.len()];
    for &p in of_candidate.iter().filter(|&&p| p != usize::MAX) {
        load[p] += 1;
    }
    let mut order = formed.clone();
    order.sort_by_key(|&c| (allowed(c).len(), c));
    let mut stuck = Vec::new();
    for c in order {
        match allowed(c).into_iter().min_by_key(|&p| (load[p], p)) {
            Some(p) => {
                of_candidate[c] = p;
                load[p] += 1;
            }
            None => stuck.push(c),
        }
    }
    if !stuck.is_empty() {
        stuck.sort_unstable();
        return Err(stuck);
    }
    // A pair with no candidate is not kept.
    let used: Vec<usize> = (0..jurors.len()).filter(|&p| load[p] > 0).collect();
    let renumber = |p: usize| used.iter().position(|&u| u == p).unwrap_or(p);
    Ok(Pairs {
        jurors: used.iter().map(|&p| jurors[p]).collect(),
        of_candidate: of_candidate.into_iter().map(renumber).collect(),
        formed,
    })
}
