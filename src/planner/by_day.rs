//! The plan a responsable would draw: each pair sees its candidates a day
//! at a time, the technical interviews of a few, the study of their files
//! and their final interviews on one day, as many as that day holds; its
//! deliberation at the end of its last day of finals. Candidates come on
//! the day of the common tests and on their day with the jury. Tried
//! first; the test-by-test order is kept for the sessions it does not fit.

use super::busy::Frame;
use super::improve::Tuning;
use super::pairs::Pairs;
use super::search::{Search, Stuck};
use super::{Labels, NewSlot};
use crate::model::{Date, Encadrement, NatureCreneau, Organisation, Passage, Session};

/// The index of the first test a pair gives one candidate or group at a
/// time, when every test from it on is one.
fn first_pair_test(s: &Session) -> Option<usize> {
    let by_pair = |k: usize| {
        let e = &s.epreuves[k];
        e.encadrement.value == Encadrement::Jury && e.passage.value != Passage::Ensemble
    };
    let first = (0..s.epreuves.len()).find(|&k| by_pair(k))?;
    (first..s.epreuves.len()).all(by_pair).then_some(first)
}

/// The session's timetable a day of each pair at a time, `per_day` its
/// candidates a day at most (fewer where `tuning` caps a pair's day),
/// and how many candidates each pair sees each day; `None` when some
/// pair's candidates cannot be seen a day at a time.
pub(super) fn attempt(
    (s, days, frame, extra): (&Session, &[Date], Frame, super::search::Extra),
    org: &Organisation,
    pairs: &Pairs,
    labels: &Labels,
    rank: Vec<usize>,
    per_day: usize,
    tuning: &Tuning,
) -> Option<(Vec<NewSlot>, Vec<Vec<usize>>)> {
    let tail = first_pair_test(s)?;
    let first_final = s
        .epreuves
        .iter()
        .position(|e| e.nature.value == NatureCreneau::EntretienFinal);
    if first_final.is_some_and(|k| k < tail) {
        return None;
    }
    let mut search = Search::new(s, days, frame, pairs, labels, rank);
    search.extra = extra;
    search.briefing_from = tuning.briefing_from.clone();
    search.welcome(org.accueil()).ok()?;
    search.briefings(org.briefing()).ok()?;
    for k in 0..tail {
        search.test(k).ok()?;
    }
    let mut counts = vec![vec![0; days.len()]; pairs.jurors.len()];
    for (p, seen) in counts.iter_mut().enumerate() {
        let mut todo: Vec<usize> = pairs.candidates(p).collect();
        todo.sort_by_key(|&c| search.rank[c]);
        let mut day = 0;
        while !todo.is_empty() {
            if day >= days.len() {
                return None;
            }
            let capped = tuning.cap(p, day).map(|c| c.saturating_sub(seen[day]));
            let most = capped.unwrap_or(per_day).min(per_day.max(1));
            let most = most.min(todo.len());
            let found = (1..=most).rev().find_map(|n| {
                let mut trial = search.clone();
                trial.not_before = (day, 0);
                let before = trial.slots.len();
                trial
                    .batch(
                        p,
                        &todo[..n],
                        (tail, first_final),
                        org,
                        n == todo.len() && !search.shares_a_juror(p),
                    )
                    .ok()?;
                let same_day = trial.slots[before..]
                    .iter()
                    .filter(|x| x.nature != NatureCreneau::Correction)
                    .all(|x| x.date == days[day]);
                same_day.then_some((n, trial))
            });
            match found {
                Some((n, trial)) => {
                    search = trial;
                    todo.drain(..n);
                    seen[day] += n;
                }
                None => day += 1,
            }
        }
    }
    search.not_before = (0, 0);
    // A pair sharing a juror with another deliberates once both are done.
    let shared: Vec<usize> = (0..pairs.jurors.len())
        .filter(|&p| search.shares_a_juror(p))
        .collect();
    for p in shared {
        search.deliberation_of(p, org.deliberation()).ok()?;
    }
    search.lunch_breaks();
    Some((search.slots, counts))
}

impl Search<'_> {
    /// The pair tests from `tail` on for `group` (the study of their files
    /// before the first final), and the pair's deliberation when `last`.
    fn batch(
        &mut self,
        p: usize,
        group: &[usize],
        (tail, first_final): (usize, Option<usize>),
        org: &Organisation,
        last: bool,
    ) -> Result<(), Stuck> {
        for k in tail..self.s.epreuves.len() {
            if Some(k) == first_final {
                self.study_of(p, org.etude_dossiers(), Some(group))?;
            }
            self.test_for(k, Some(group))?;
        }
        if last {
            self.deliberation_of(p, org.deliberation())?;
        }
        Ok(())
    }
}
