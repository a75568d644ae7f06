//! The jury's own slots, placed by [`Search`]: the briefing before its
//! first evaluation, the study of the files before its first final
//! interview, the deliberation after its last.

use super::busy::{Need, Resource};
use super::pairs::pair_days;
use super::search::{Moment, Search, Stuck};
use crate::model::{Encadrement, NatureCreneau};

impl Search<'_> {
    /// The rooms the jury works in (those of its tests), then the others.
    pub(super) fn jury_rooms(&self, pair: Option<usize>) -> Vec<usize> {
        let s = self.s;
        let mut rooms: Vec<usize> = pair.and_then(|p| self.home[p]).into_iter().collect();
        for (k, e) in s.epreuves.iter().enumerate() {
            if e.encadrement.value != Encadrement::Jury {
                continue;
            }
            for r in &e.salles.value {
                if let Some(i) = s.salles.iter().position(|x| x.id.value == r.value) {
                    rooms.push(i);
                }
            }
            if self.extra.room_for(k) {
                rooms.push(s.salles.len());
            }
        }
        rooms.extend(0..self.rooms());
        let mut seen = Vec::new();
        rooms.retain(|r| {
            let first = !seen.contains(r);
            seen.push(*r);
            first
        });
        rooms
    }

    /// The earliest moment from `lower` on the days `allowed` where the
    /// jurors and `also` (with one of `rooms`) are free for `length`
    /// minutes.
    pub(super) fn jury_time(
        &self,
        (jurors, also): (&[usize], &[Resource]),
        rooms: &[usize],
        allowed: &[usize],
        lower: Moment,
        length: u16,
    ) -> Option<(Moment, Vec<Resource>)> {
        for &day in allowed.iter().filter(|&&d| d >= lower.0) {
            let from = if day == lower.0 { lower.1 } else { 0 };
            let mut best: Option<(u16, Vec<Resource>)> = None;
            for &room in rooms {
                let mut who: Vec<Resource> = jurors.iter().map(|&j| Resource::Juror(j)).collect();
                who.extend_from_slice(also);
                who.push(Resource::Room(room));
                if let Some(t) = self.busy.earliest(
                    &who,
                    day,
                    from,
                    Need {
                        length,
                        no_lunch: true,
                        passage: false,
                        overrun: 0,
                    },
                    &self.frame,
                ) && best.as_ref().is_none_or(|(b, _)| t < *b)
                {
                    best = Some((t, who));
                }
            }
            if let Some((t, who)) = best {
                return Some(((day, t), who));
            }
        }
        None
    }

    /// One briefing per first working day, for every juror of the pairs
    /// starting that day who has not had one.
    pub fn briefings(&mut self, minutes: u16) -> Result<(), Stuck> {
        // Each juror on the first day of any of their pairs.
        let mut first: Vec<(usize, usize)> = Vec::new();
        for p in 0..self.pairs.jurors.len() {
            let days = pair_days(self.s, self.pairs.jurors[p], self.days);
            for &j in &self.pairs.jurors[p] {
                if self.briefed[j].is_none()
                    && let Some(&d) = days.first()
                {
                    match first.iter_mut().find(|(x, _)| *x == j) {
                        Some(seen) => seen.1 = seen.1.min(d),
                        None => first.push((j, d)),
                    }
                }
            }
        }
        let mut by_day: std::collections::BTreeMap<usize, Vec<usize>> = Default::default();
        for (j, d) in first {
            by_day.entry(d).or_default().push(j);
        }
        for (day, jurors) in by_day {
            if minutes == 0 {
                for &j in &jurors {
                    self.briefed[j] = Some((day, 0));
                }
                continue;
            }
            let rooms = self.jury_rooms(None);
            // Led by the responsable or the suppléant, whoever is free first.
            let from = self
                .briefing_from
                .iter()
                .find(|(d, _)| *d == day)
                .map_or(0, |&(_, t)| t);
            let found = (0..self.leads())
                .filter_map(|l| {
                    let lead = [Resource::Lead(l)];
                    self.jury_time((&jurors, &lead), &rooms, &[day], (day, from), minutes)
                })
                .min_by_key(|(moment, _)| *moment);
            let Some(((d, t), who)) = found else {
                return Err(Stuck {
                    candidates: Vec::new(),
                    pair: None,
                    what: self.labels.briefing.clone(),
                    pinned: None,
                    seats: None,
                });
            };
            let slot = self.slot(
                (d, t),
                minutes,
                NatureCreneau::Briefing,
                &self.labels.briefing,
                &who,
            );
            self.book(d, t, t + minutes, &who, slot);
            for &j in &jurors {
                self.briefed[j] = Some((d, t + minutes));
            }
        }
        Ok(())
    }

    /// The moment pair `p`'s jurors are both briefed.
    pub(super) fn briefed_pair(&self, p: usize) -> Moment {
        let [a, b] = self.pairs.jurors[p];
        self.briefed[a].max(self.briefed[b]).unwrap_or((0, 0))
    }

    /// Each pair studies its candidates' files (`etude_dossiers` per
    /// candidate) before their final interviews, in as many slots as
    /// needed: each as long as the pair's first free time allows (a half
    /// day at most), after the productions of the candidates it covers.
    pub fn studies(&mut self, per_candidate: u16) -> Result<(), Stuck> {
        if per_candidate == 0 {
            return Ok(());
        }
        for p in 0..self.pairs.jurors.len() {
            self.study_of(p, per_candidate, None)?;
        }
        Ok(())
    }

    /// Pair `p` studies the files of its candidates `only` (or all) not
    /// studied yet.
    pub(super) fn study_of(
        &mut self,
        p: usize,
        per_candidate: u16,
        only: Option<&[usize]>,
    ) -> Result<(), Stuck> {
        if per_candidate == 0 {
            return Ok(());
        }
        let cap = (self.frame.longest_half_day() / per_candidate).max(1) as usize;
        let label = self.labels.correction.clone();
        let mut todo: Vec<usize> = self
            .pairs
            .candidates(p)
            .filter(|&c| self.studied[c].is_none() && only.is_none_or(|o| o.contains(&c)))
            .collect();
        // Those whose final interview the file already gives first, the
        // earliest first.
        todo.sort_by_key(|&c| {
            let pinned = self.pinned_final(c);
            (pinned.is_none(), pinned, self.produced[c], self.rank[c])
        });
        while !todo.is_empty() {
            let taken = self.study_chunk(p, &todo, cap, per_candidate, &label)?;
            todo.drain(..taken);
        }
        Ok(())
    }

    /// The index of the first final interview among the tests.
    fn first_final(&self) -> Option<usize> {
        self.s
            .epreuves
            .iter()
            .position(|e| e.nature.value == NatureCreneau::EntretienFinal)
    }

    /// When the file's final interview of candidate `c` starts, if the
    /// file gives it.
    fn pinned_final(&self, c: usize) -> Option<Moment> {
        let slot = self.pinned(c, self.first_final()?)?;
        let day = self.days.iter().position(|d| *d == slot.date.value)?;
        Some((day, slot.debut.value.0))
    }

    /// One study slot of pair `p` for the first of `todo`: at the pair's
    /// earliest free time, as many files as fit there (`cap` at most);
    /// returns how many it covers.
    fn study_chunk(
        &mut self,
        p: usize,
        todo: &[usize],
        cap: usize,
        per_candidate: u16,
        label: &str,
    ) -> Result<usize, Stuck> {
        let days = pair_days(self.s, self.pairs.jurors[p], self.days);
        let rooms = self.jury_rooms(Some(p));
        let lower = |n: usize| {
            let produced = todo[..n].iter().map(|&c| self.produced[c]).max();
            self.briefed_pair(p).max(produced.unwrap_or((0, 0)))
        };
        let jurors = self.pairs.jurors[p];
        // Before the final interviews the file already gives.
        let deadline = |n: usize| todo[..n].iter().filter_map(|&c| self.pinned_final(c)).min();
        let at = |n: usize| {
            let length = per_candidate * n as u16;
            self.jury_time((&jurors, &[]), &rooms, &days, lower(n), length)
                .filter(|((day, t), _)| deadline(n).is_none_or(|d| (*day, t + length) <= d))
        };
        let Some((first, _)) = at(1) else {
            let group: Vec<usize> = self.pairs.candidates(p).collect();
            let k = self.first_final();
            return Err(match k.and_then(|k| self.pinned(todo[0], k)) {
                Some(slot) => self.stuck_before(&group, Some(p), label, slot),
                None => self.stuck(&group, Some(p), label),
            });
        };
        let most = cap.min(todo.len());
        let (n, (moment, who)) = (1..=most)
            .rev()
            .find_map(|n| at(n).filter(|(m, _)| *m == first).map(|found| (n, found)))
            .unwrap_or_else(|| (1, at(1).expect("placed once already")));
        let length = per_candidate * n as u16;
        let slot = self.slot(moment, length, NatureCreneau::Correction, label, &who);
        self.book(moment.0, moment.1, moment.1 + length, &who, slot);
        for &c in &todo[..n] {
            self.studied[c] = Some((moment.0, moment.1 + length));
        }
        Ok(n)
    }

    /// Each pair deliberates (`deliberation` × candidates) after its own
    /// last evaluation: at the end of its last day of finals when it fits.
    pub fn deliberations(&mut self, per_candidate: u16) -> Result<(), Stuck> {
        for p in 0..self.pairs.jurors.len() {
            self.deliberation_of(p, per_candidate)?;
        }
        Ok(())
    }

    /// Pair `p`'s deliberation, after its last evaluation and after the
    /// file's final interviews that may concern it (those naming one of
    /// its jurors, or no juror).
    pub(super) fn deliberation_of(&mut self, p: usize, per_candidate: u16) -> Result<(), Stuck> {
        let s = self.s;
        let [a, b] = self.pairs.jurors[p];
        let (ida, idb) = (&s.jures.value[a].id.value, &s.jures.value[b].id.value);
        let pinned = super::pinned(s, NatureCreneau::Deliberation).any(|c| has_both(c, ida, idb));
        let n = self.pairs.candidates(p).count() as u16;
        if pinned || n == 0 || per_candidate == 0 {
            return Ok(());
        }
        let theirs = |c: &&crate::model::Creneau| match c.jures.as_ref().map(|j| &j.value) {
            Some(crate::model::Selection::Ids(ids)) if !ids.is_empty() => {
                ids.iter().any(|i| i.value == *ida || i.value == *idb)
            }
            _ => true,
        };
        let pinned_final = super::pinned(s, NatureCreneau::EntretienFinal)
            .filter(theirs)
            .filter_map(|c| {
                Some((
                    self.days.iter().position(|d| *d == c.date.value)?,
                    c.fin.value.0,
                ))
            })
            .max();
        let length = per_candidate * n;
        // After the evaluations of every pair holding one of its jurors.
        let shared = (0..self.pairs.jurors.len())
            .filter(|&q| self.pairs.jurors[q].iter().any(|j| [a, b].contains(j)))
            .filter_map(|q| self.last_eval[q])
            .max();
        let lower = self.last_eval[p]
            .max(shared)
            .max(pinned_final)
            .unwrap_or(self.briefed_pair(p))
            .max(self.not_before);
        let label = self.labels.deliberation.clone();
        self.pair_slot(p, NatureCreneau::Deliberation, &label, lower, length)?;
        Ok(())
    }

    /// Whether a juror of pair `p` sits on another pair too.
    pub(super) fn shares_a_juror(&self, p: usize) -> bool {
        let mine = self.pairs.jurors[p];
        (0..self.pairs.jurors.len())
            .any(|q| q != p && self.pairs.jurors[q].iter().any(|j| mine.contains(j)))
    }

    /// Books `length` minutes of `nature` for pair `p` at the first time
    /// from `lower` when both jurors and a room are free on the pair's
    /// days; returns its day and start, or where the search got stuck.
    fn pair_slot(
        &mut self,
        p: usize,
        nature: NatureCreneau,
        label: &str,
        lower: Moment,
        length: u16,
    ) -> Result<Moment, Stuck> {
        let days = pair_days(self.s, self.pairs.jurors[p], self.days);
        let rooms = self.jury_rooms(Some(p));
        let Some(((day, t), who)) =
            self.jury_time((&self.pairs.jurors[p], &[]), &rooms, &days, lower, length)
        else {
            let group: Vec<usize> = self.pairs.candidates(p).collect();
            return Err(self.stuck(&group, Some(p), label));
        };
        let slot = self.slot((day, t), length, nature, label, &who);
        self.book(day, t, t + length, &who, slot);
        Ok((day, t))
    }
}

fn has_both(c: &crate::model::Creneau, a: &str, b: &str) -> bool {
    c.jures
        .as_ref()
        .is_some_and(|s| s.value.contains(a) && s.value.contains(b))
}
