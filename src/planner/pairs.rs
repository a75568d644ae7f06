//! The jury pairs (binômes): those the file already gives, and new ones
//! for the candidates whose `jury` is empty, shared in proportion to the
//! days each pair can give; the jurors who cannot serve are left out and
//! said why.

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
    /// The jurors on no pair because they cannot serve.
    pub left_out: Vec<LeftOut>,
}

/// A juror listed but not retained, and why.
#[derive(Debug, Clone, serde::Serialize)]
pub struct LeftOut {
    /// "PONS".
    pub nom: String,
    /// Why: `habilitation`, `ccp` or `disponibilites`.
    pub raison: &'static str,
    /// The accreditation's last day ("30 avril 2027"), or the CCPs allowed.
    pub detail: String,
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

/// Why a juror may not sit on a new pair (accredited to the session's
/// end, not restricted to CCPs the session goes beyond, free one day at
/// least), or `None` when they may.
fn cannot_serve(s: &Session, j: &Jure, days: &[Date]) -> Option<LeftOut> {
    let covered = s.covered_ccp();
    let why = |raison, detail| LeftOut {
        nom: j.nom.to_uppercase(),
        raison,
        detail,
    };
    if j.habilitation_fin.value < s.session.fin.value {
        return Some(why(
            "habilitation",
            fr::day_month_year(j.habilitation_fin.value),
        ));
    }
    if let Some(allowed) = &j.ccp
        && !covered
            .iter()
            .all(|code| allowed.iter().any(|a| a.value == *code))
    {
        let codes: Vec<&str> = allowed.iter().map(|a| a.value.as_str()).collect();
        return Some(why("ccp", codes.join(", ")));
    }
    juror_days(j, days)
        .is_empty()
        .then(|| why("disponibilites", String::new()))
}

/// The jurors on no pair written in the file who cannot serve, and why.
pub fn unusable(s: &Session, days: &[Date]) -> Vec<LeftOut> {
    s.jures
        .value
        .iter()
        .filter(|j| {
            !s.candidats
                .value
                .iter()
                .any(|c| c.jury.value.iter().any(|i| i.value == j.id.value))
        })
        .filter_map(|j| cannot_serve(s, j, days))
        .collect()
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

/// The minutes a pair's day offers and those one candidate takes it.
#[derive(Debug, Clone, Copy)]
pub struct Effort {
    pub per_day: usize,
    pub per_candidate: usize,
}

/// One more pair a refusal tries, from jurors on no pair: its jurors and
/// the candidates it takes, as if their `jury` named it.
#[derive(Debug, Clone, Default)]
pub struct MorePair {
    pub jurors: [usize; 2],
    pub candidates: Vec<usize>,
}

/// The pairs of the session, none given more candidates than its days
/// hold while another pair has room; with `more`, its candidates written
/// to its pair. `Err` names the candidates no pair may take.
pub fn form(
    s: &Session,
    days: &[Date],
    effort: Effort,
    more: Option<&MorePair>,
) -> Result<Pairs, Vec<usize>> {
    let index = |id: &str| s.jures.value.iter().position(|j| j.id.value == id);
    let mut jurors: Vec<[usize; 2]> = Vec::new();
    let mut of_candidate = vec![usize::MAX; s.candidats.value.len()];
    let mut formed = Vec::new();
    for (c, cand) in s.candidats.value.iter().enumerate() {
        let mut ids: Vec<Option<usize>> = cand.jury.value.iter().map(|j| index(&j.value)).collect();
        if let Some(m) = more.filter(|m| m.candidates.contains(&c)) {
            ids = m.jurors.iter().copied().map(Some).collect();
        }
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
    let left_out = unusable(s, days);
    let mut free: Vec<usize> = (0..s.jures.value.len())
        .filter(|&j| jurors.iter().all(|p| !p.contains(&j)))
        .filter(|&j| cannot_serve(s, &s.jures.value[j], days).is_none())
        .collect();
    if formed.is_empty() {
        return Ok(Pairs {
            jurors,
            of_candidate,
            formed,
            left_out,
        });
    }
    // New pairs from the jurors not yet on one: each with the free juror
    // sharing the most days with them.
    while free.len() >= 2 {
        let first = free.remove(0);
        let shared = |other: usize| pair_days(s, [first, other], days).len();
        let best = (0..free.len()).max_by_key(|&k| (shared(free[k]), std::cmp::Reverse(k)));
        if let Some(k) = best.filter(|&k| shared(free[k]) > 0) {
            jurors.push([first, free.remove(k)]);
        }
    }
    // The most constrained candidates (fewest pairs allowed) first, each
    // to the pair allowed with the fewest candidates per day it can give.
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
    let capacity: Vec<usize> = jurors
        .iter()
        .map(|&pair| pair_days(s, pair, days).len().max(1))
        .collect();
    // The candidates each pair's days hold at most.
    let room: Vec<usize> = capacity
        .iter()
        .map(|&d| d * effort.per_day / effort.per_candidate.max(1))
        .collect();
    // A pair with room first, then (load + 1) / capacity, compared
    // without division.
    let fuller = |p: usize, q: usize, load: &[usize]| {
        (load[p] >= room[p])
            .cmp(&(load[q] >= room[q]))
            .then(((load[p] + 1) * capacity[q]).cmp(&((load[q] + 1) * capacity[p])))
            .then(p.cmp(&q))
    };
    let mut order = formed.clone();
    order.sort_by_key(|&c| (allowed(c).len(), c));
    let mut stuck = Vec::new();
    for c in order {
        match allowed(c).into_iter().min_by(|&p, &q| fuller(p, q, &load)) {
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
        left_out,
    })
}

/// The jurors on no pair who may serve, and the two of them sharing the
/// most days (the first such in the list and their best partner).
fn spare_pair(s: &Session, pairs: &Pairs, days: &[Date]) -> Option<[usize; 2]> {
    let free: Vec<usize> = (0..s.jures.value.len())
        .filter(|&j| pairs.jurors.iter().all(|p| !p.contains(&j)))
        .filter(|&j| cannot_serve(s, &s.jures.value[j], days).is_none())
        .collect();
    free.iter()
        .flat_map(|&a| free.iter().filter(move |&&b| b > a).map(move |&b| [a, b]))
        .filter(|&pair| !pair_days(s, pair, days).is_empty())
        .max_by_key(|&pair| (pair_days(s, pair, days).len(), std::cmp::Reverse(pair)))
}

/// One more pair from the jurors on none, taking from the pairs with the
/// most candidates per day (the last of them in the list) while that
/// evens the load; `None` when no two such jurors share a day.
pub fn one_more(s: &Session, pairs: &Pairs, days: &[Date]) -> Option<MorePair> {
    taken_by(s, pairs, days, spare_pair(s, pairs, days)?)
}

/// With one juror alone on no pair who may serve: a pair of them and a
/// juror of a pair, those whose own days their pair uses least first
/// (days the two share outside that pair's days, then days shared).
pub fn with_spare(s: &Session, pairs: &Pairs, days: &[Date]) -> Vec<MorePair> {
    let free: Vec<usize> = (0..s.jures.value.len())
        .filter(|&j| pairs.jurors.iter().all(|p| !p.contains(&j)))
        .filter(|&j| cannot_serve(s, &s.jures.value[j], days).is_none())
        .collect();
    let [spare] = free[..] else {
        return Vec::new();
    };
    let mut partners: Vec<(usize, usize, usize)> = Vec::new();
    for pair in &pairs.jurors {
        let used = pair_days(s, *pair, days);
        for &j in pair {
            let shared = pair_days(s, [spare, j], days);
            let outside = shared.iter().filter(|d| !used.contains(d)).count();
            if !shared.is_empty() && partners.iter().all(|&(_, _, x)| x != j) {
                partners.push((outside, shared.len(), j));
            }
        }
    }
    partners.sort_by_key(|&(outside, shared, j)| {
        (std::cmp::Reverse(outside), std::cmp::Reverse(shared), j)
    });
    partners
        .into_iter()
        .filter_map(|(_, _, j)| taken_by(s, pairs, days, [spare, j]))
        .collect()
}

/// The candidates pair `new` takes from the pairs with the most
/// candidates per day (the last of them in the list) while that evens
/// the load; `None` when it takes none.
fn taken_by(s: &Session, pairs: &Pairs, days: &[Date], new: [usize; 2]) -> Option<MorePair> {
    let capacity = |pair: [usize; 2]| pair_days(s, pair, days).len().max(1);
    let cap: Vec<usize> = pairs.jurors.iter().map(|&p| capacity(p)).collect();
    let new_cap = capacity(new);
    let mut mine: Vec<Vec<usize>> = (0..pairs.jurors.len())
        .map(|p| {
            pairs
                .candidates(p)
                .filter(|&c| !new.iter().any(|&j| trains(s, j, c)))
                .collect()
        })
        .collect();
    let mut load: Vec<usize> = (0..pairs.jurors.len())
        .map(|p| pairs.candidates(p).count())
        .collect();
    let mut moved = Vec::new();
    // The busiest pair with a candidate the new pair may take, while the
    // new pair stays no busier than that one was.
    while let Some(p) = (0..load.len())
        .filter(|&p| !mine[p].is_empty())
        .max_by(|&p, &q| (load[p] * cap[q]).cmp(&(load[q] * cap[p])).then(q.cmp(&p)))
        .filter(|&p| (moved.len() + 1) * cap[p] <= load[p] * new_cap)
    {
        moved.extend(mine[p].pop());
        load[p] -= 1;
    }
    moved.sort_unstable();
    (!moved.is_empty()).then_some(MorePair {
        jurors: new,
        candidates: moved,
    })
}
