//! The local search that improves the first plan that fits. Each move is
//! a change to the builder's choices, and the builder is run again with
//! it (so every slot passes the builder's own checks): the jury's
//! briefing just before its first slot of the day rather than first
//! thing; the last day of the pairs that wait there given one more
//! candidate from the day before (so that a pair's morning is not spent
//! waiting for its long deliberation), again while it helps, without
//! the pairs it makes end a day later when it does not, or else pair by
//! pair. A run is kept
//! only when it is better in the order the responsable prefers (fewer
//! days, candidates on site fewer days, the technical and final
//! interview of a candidate on the same day or the next, a pair kept in
//! one room, fewer idle gaps: [`Score`]). Bounded by a number of runs,
//! not by the clock: the same file always gives the same timetable.

use super::busy::{Frame, STEP};
use super::summary::{Gain, Score};
use super::{NewSlot, Pairs, Who};
use crate::model::{Date, NatureCreneau, Session};

/// The builder's runs the search makes at most, the first plan apart.
pub const RUNS: usize = 7;

/// A wait on a pair's last day (minutes) worth moving candidates there.
const WORTH_MOVING: u16 = 30;

/// The builder's choices the search changes.
#[derive(Debug, Clone, Default)]
pub struct Tuning {
    /// (day, minute): no briefing of that day starts before the minute.
    pub briefing_from: Vec<(usize, u16)>,
    /// `caps[p][day]`: how many candidates pair `p` sees that day at most
    /// (the day-at-a-time builder); none for a pair left to the builder.
    pub caps: Vec<Vec<usize>>,
}

impl Tuning {
    /// The most candidates pair `p` sees on `day`, when capped.
    pub fn cap(&self, p: usize, day: usize) -> Option<usize> {
        self.caps.get(p)?.get(day).copied()
    }
}

/// A run of the builder: its slots and, for the day-at-a-time builder,
/// how many candidates each pair sees each day.
pub type Run = (Vec<NewSlot>, Option<Vec<Vec<usize>>>);

/// What the search needs of the session.
pub struct Context<'a> {
    pub s: &'a Session,
    pub days: &'a [Date],
    pub frame: Frame,
    pub pairs: &'a Pairs,
}

/// The best plan found from `seed` within [`RUNS`] runs of `rebuild`,
/// and what it gained.
pub fn improve(
    seed: Run,
    score: impl Fn(&[NewSlot]) -> Score,
    rebuild: impl Fn(&Tuning) -> Option<Run>,
    cx: Context,
) -> (Vec<NewSlot>, Gain) {
    let first = score(&seed.0);
    let mut best = (seed, Tuning::default(), first);
    let mut runs = 0;
    if runs < RUNS
        && let Some(tuning) = late_briefings(&cx, &best.0.0, &best.1)
    {
        runs += 1;
        if let Some(run) = rebuild(&tuning) {
            let found = score(&run.0);
            if found < best.2 {
                best = (run, tuning, found);
            }
        }
    }
    // One more candidate on the last day of every waiting pair at once;
    // when that is worse, again without the pairs it made end later, or
    // else pair by pair.
    let mut groups = std::collections::VecDeque::from([waiting_pairs(&cx, &best.0)]);
    while runs < RUNS
        && let Some(group) = groups.pop_front()
    {
        let Some(tuning) = moved_to_last_day(&best, &group) else {
            continue;
        };
        runs += 1;
        let Some(run) = rebuild(&tuning) else {
            continue;
        };
        let found = score(&run.0);
        if found < best.2 {
            best = (run, tuning, found);
            groups = [waiting_pairs(&cx, &best.0)].into();
            continue;
        }
        let later = ending_later(&best.0, &run);
        let kept: Vec<usize> = group
            .iter()
            .copied()
            .filter(|p| !later.contains(p))
            .collect();
        if kept.len() < group.len() {
            groups.push_front(kept);
        } else if group.len() > 1 {
            groups.extend(group.iter().map(|&p| vec![p]));
        }
    }
    let gain = Gain::between(first, best.2, runs);
    (best.0.0, gain)
}

/// The ids of a new slot's jurors.
fn jurors(slot: &NewSlot) -> &[String] {
    match &slot.jures {
        Who::Ids(ids) => ids,
        Who::Tous => &[],
    }
}

/// `tuning` with each briefing of `slots` starting as late as its jurors'
/// next slot of the day (new or the file's) allows, gap kept, lunch
/// avoided; `None` when no briefing would move.
fn late_briefings(cx: &Context, slots: &[NewSlot], tuning: &Tuning) -> Option<Tuning> {
    let frame = cx.frame;
    let mut from = Vec::new();
    for b in slots.iter().filter(|x| x.nature == NatureCreneau::Briefing) {
        let Some(day) = cx.days.iter().position(|d| *d == b.date) else {
            continue;
        };
        let briefed = jurors(b);
        let next = slots
            .iter()
            .filter(|x| x.date == b.date && x.debut >= b.fin)
            .filter(|x| jurors(x).iter().any(|j| briefed.contains(j)))
            .map(|x| x.debut);
        // The file's slots of those jurors that day too.
        let pinned = cx.s.planning.value.iter().filter(|x| {
            x.date.value == b.date
                && x.jures
                    .as_ref()
                    .is_some_and(|sel| briefed.iter().any(|j| sel.value.contains(j)))
        });
        let next = next
            .chain(pinned.map(|x| x.debut.value.0).filter(|&t| t >= b.fin))
            .min();
        let Some(next) = next else {
            continue;
        };
        let length = b.fin - b.debut;
        let mut at = next.saturating_sub(length + frame.battement) / STEP * STEP;
        if at < frame.lunch.1 && frame.lunch.0 < at + length {
            at = frame.lunch.0.saturating_sub(length);
        }
        if at > b.debut {
            from.push((day, at));
        }
    }
    (!from.is_empty()).then(|| Tuning {
        briefing_from: from,
        ..tuning.clone()
    })
}

/// The pairs whose last day holds a wait of [`WORTH_MOVING`] or more
/// (their first juror's), longest first.
fn waiting_pairs(cx: &Context, run: &Run) -> Vec<usize> {
    let Some(counts) = &run.1 else {
        return Vec::new();
    };
    let s = cx.s;
    let (lunch_a, lunch_b) = cx.frame.lunch;
    let mut found: Vec<(u16, usize)> = Vec::new();
    for (p, seen) in counts.iter().enumerate() {
        let Some(last) = seen.iter().rposition(|&n| n > 0) else {
            continue;
        };
        let id = &s.jures.value[cx.pairs.jurors[p][0]].id.value;
        let mut mine: Vec<(u16, u16)> = run
            .0
            .iter()
            .filter(|x| x.date == cx.days[last] && jurors(x).contains(id))
            .map(|x| (x.debut, x.fin))
            .collect();
        mine.sort_unstable();
        let longest = mine
            .windows(2)
            .map(|w| {
                let (a, b) = (w[0].1, w[1].0);
                let lunch = lunch_b.min(b).saturating_sub(lunch_a.max(a));
                b.saturating_sub(a).saturating_sub(lunch)
            })
            .max()
            .unwrap_or(0);
        if longest >= WORTH_MOVING {
            found.push((longest, p));
        }
    }
    found.sort_by_key(|&(wait, p)| (std::cmp::Reverse(wait), p));
    found.into_iter().map(|(_, p)| p).collect()
}

/// The pairs whose last day in `run` comes after their last day in
/// `best`.
fn ending_later(best: &Run, run: &Run) -> Vec<usize> {
    let (Some(before), Some(after)) = (&best.1, &run.1) else {
        return Vec::new();
    };
    let last = |counts: &Vec<usize>| counts.iter().rposition(|&n| n > 0);
    (0..before.len().min(after.len()))
        .filter(|&p| last(&after[p]) > last(&before[p]))
        .collect()
}

/// The best run's tuning with one candidate of each pair of `pairs`
/// taken from the day before its last and seen on its last day; `None`
/// for no pair.
fn moved_to_last_day(best: &(Run, Tuning, Score), pairs: &[usize]) -> Option<Tuning> {
    let counts = best.0.1.as_ref().filter(|_| !pairs.is_empty())?;
    let mut tuning = best.1.clone();
    tuning.caps.resize(counts.len(), Vec::new());
    for &p in pairs {
        let used: Vec<usize> = (0..counts[p].len()).filter(|&d| counts[p][d] > 0).collect();
        let [.., before, _] = used[..] else {
            return None;
        };
        let mut caps = counts[p].clone();
        caps[before] -= 1;
        for cap in caps.iter_mut().skip(before + 1) {
            *cap = usize::MAX;
        }
        tuning.caps[p] = caps;
    }
    Some(tuning)
}
