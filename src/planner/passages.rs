//! The passages of one test, the pair's study of the files, its
//! deliberation and the lunch break, placed by [`Search`].

use super::busy::{Need, Resource};
use super::pairs::pair_days;
use super::search::{Moment, Search, Stuck, group_minutes};
use crate::model::{Encadrement, NatureCreneau};

impl Search<'_> {
    /// The rooms of test `k`, the pair's own room first.
    fn test_rooms(&self, k: usize, pair: Option<usize>) -> Vec<usize> {
        let s = self.s;
        let mut listed: Vec<usize> = s.epreuves[k]
            .salles
            .value
            .iter()
            .filter_map(|r| s.salles.iter().position(|x| x.id.value == r.value))
            .collect();
        if self.extra.room_for(k) {
            listed.push(s.salles.len());
        }
        let mut rooms: Vec<usize> = Vec::new();
        if let Some(home) = pair.and_then(|p| self.home[p])
            && listed.contains(&home)
        {
            rooms.push(home);
        }
        rooms.extend(
            listed
                .into_iter()
                .filter(|r| !rooms.contains(r))
                .collect::<Vec<_>>(),
        );
        rooms
    }

    pub(super) fn stuck(&self, group: &[usize], pair: Option<usize>, what: &str) -> Stuck {
        Stuck {
            candidates: group.to_vec(),
            pair,
            what: what.to_owned(),
            pinned: None,
            seats: None,
        }
    }

    /// Stuck before a slot of the file.
    pub(super) fn stuck_before(
        &self,
        group: &[usize],
        pair: Option<usize>,
        what: &str,
        slot: &crate::model::Creneau,
    ) -> Stuck {
        Stuck {
            pinned: Some(Box::new(super::search::Pinned::of(slot))),
            ..self.stuck(group, pair, what)
        }
    }

    /// One passage of test `k` for `group`, at the earliest time.
    pub(super) fn passage(&mut self, k: usize, group: &[usize]) -> Result<(), Stuck> {
        let s = self.s;
        let e = &s.epreuves[k];
        let length = group_minutes(s, k, group);
        let mut lower: Moment = group.iter().map(|&c| self.ready[c]).max().unwrap_or((0, 0));
        lower = lower.max(self.not_before);
        let jury = e.encadrement.value == Encadrement::Jury;
        let pair = jury.then(|| self.pairs.of_candidate[group[0]]);
        let days: Vec<usize> = match pair {
            Some(p) => {
                lower = lower.max(self.briefed_pair(p));
                if e.nature.value == NatureCreneau::EntretienFinal {
                    let done = group.iter().filter_map(|&c| self.studied[c]).max();
                    lower = lower.max(done.unwrap_or((0, 0)));
                }
                pair_days(s, self.pairs.jurors[p], self.days)
            }
            None => (0..self.days.len()).collect(),
        };
        let watchers: Vec<Option<usize>> = if jury {
            vec![None]
        } else {
            (0..self.watchers()).map(Some).collect()
        };
        let rooms = self.test_rooms(k, pair);
        let deadline = self.deadline(k, group);
        let own = e.duree.value.0;
        let need = Need {
            length: own,
            no_lunch: jury || self.frame.fits_beside_lunch(own),
            passage: true,
            overrun: length - own,
        };
        for &day in days.iter().filter(|&&d| d >= lower.0) {
            let from = if day == lower.0 { lower.1 } else { 0 };
            let mut best: Option<(u16, Vec<Resource>)> = None;
            for &room in &rooms {
                for &m in &watchers {
                    let mut who: Vec<Resource> =
                        group.iter().map(|&c| Resource::Candidate(c)).collect();
                    if let Some(p) = pair {
                        who.extend(self.pairs.jurors[p].iter().map(|&j| Resource::Juror(j)));
                    }
                    who.extend(m.map(Resource::Surveillant));
                    who.push(Resource::Room(room));
                    if let Some(t) = self.busy.earliest(&who, day, from, need, &self.frame)
                        && best.as_ref().is_none_or(|(b, _)| t < *b)
                    {
                        best = Some((t, who));
                    }
                }
            }
            let Some((t, who)) = best else { continue };
            if let Some((d, slot)) = deadline
                && (day, t + length) > d
            {
                return Err(self.stuck_before(group, pair, &e.intitule, slot));
            }
            // The slot is written with the test's own length; its people and
            // room stay booked while a candidate's extra time runs.
            let slot = self.slot((day, t), e.duree.value.0, e.nature.value, &e.intitule, &who);
            self.book_test(k, (day, t), length, &who, slot);
            for &c in group {
                let own = super::candidate_minutes(s, c, e);
                self.ready[c] = (day, t + own);
                if e.nature.value == NatureCreneau::Epreuve {
                    self.produced[c] = (day, t + own);
                }
            }
            if let Some(p) = pair {
                self.last_eval[p] = self.last_eval[p].max(Some((day, t + length)));
                self.home[p] = who.iter().find_map(|r| match r {
                    Resource::Room(r) => Some(*r),
                    _ => None,
                });
            }
            return Ok(());
        }
        Err(self.stuck(group, pair, &e.intitule))
    }

    /// Test `k` for everyone at once: one start, as many rooms as the
    /// seats require, a surveillant in each (or every juror of the pairs).
    pub(super) fn together(&mut self, k: usize, todo: &[usize]) -> Result<(), Stuck> {
        let s = self.s;
        let e = &s.epreuves[k];
        let length = group_minutes(s, k, todo);
        let jury = e.encadrement.value == Encadrement::Jury;
        // Rooms in the order listed, until every candidate has a seat.
        let mut rooms: Vec<(usize, Vec<usize>)> = Vec::new();
        let mut left = todo;
        for r in self.test_rooms(k, None) {
            if left.is_empty() {
                break;
            }
            let seats = s
                .salles
                .get(r)
                .and_then(|x| x.places.as_ref())
                .map_or(left.len(), |p| p.value as usize);
            let (here, rest) = left.split_at(seats.min(left.len()));
            rooms.push((r, here.to_vec()));
            left = rest;
        }
        // Never a candidate without a seat.
        if !left.is_empty() {
            return Err(Stuck {
                seats: Some((todo.len(), todo.len() - left.len())),
                ..self.stuck(todo, None, &e.intitule)
            });
        }
        let mut lower: Moment = todo.iter().map(|&c| self.ready[c]).max().unwrap_or((0, 0));
        let mut who: Vec<Resource> = todo.iter().map(|&c| Resource::Candidate(c)).collect();
        who.extend(rooms.iter().map(|(r, _)| Resource::Room(*r)));
        if jury {
            for p in 0..self.pairs.jurors.len() {
                lower = lower.max(self.briefed_pair(p));
                who.extend(self.pairs.jurors[p].iter().map(|&j| Resource::Juror(j)));
            }
        }
        let needed = if jury { 0 } else { rooms.len() };
        let deadline = self.deadline(k, todo);
        let own = e.duree.value.0;
        let need = Need {
            length: own,
            no_lunch: jury || self.frame.fits_beside_lunch(own),
            passage: true,
            overrun: length - own,
        };
        for day in lower.0..self.days.len() {
            let mut from = if day == lower.0 { lower.1 } else { 0 };
            while let Some(t) = self.busy.earliest(&who, day, from, need, &self.frame) {
                if let Some((d, slot)) = deadline
                    && (day, t + length) > d
                {
                    return Err(self.stuck_before(todo, None, &e.intitule, slot));
                }
                let free: Vec<usize> = (0..self.watchers())
                    .filter(|&m| {
                        let me = [Resource::Surveillant(m)];
                        self.busy.earliest(
                            &me,
                            day,
                            t,
                            Need {
                                passage: false,
                                ..need
                            },
                            &self.frame,
                        ) == Some(t)
                    })
                    .take(needed)
                    .collect();
                if free.len() < needed {
                    from = t + super::busy::STEP;
                    continue;
                }
                for (i, (room, group)) in rooms.iter().enumerate() {
                    let mut mine: Vec<Resource> =
                        group.iter().map(|&c| Resource::Candidate(c)).collect();
                    if jury {
                        mine.extend(who.iter().filter(|r| matches!(r, Resource::Juror(_))));
                    } else {
                        mine.push(Resource::Surveillant(free[i]));
                    }
                    mine.push(Resource::Room(*room));
                    let slot = self.slot(
                        (day, t),
                        e.duree.value.0,
                        e.nature.value,
                        &e.intitule,
                        &mine,
                    );
                    let slowest = group_minutes(s, k, group);
                    self.book_test(k, (day, t), slowest, &mine, slot);
                }
                for &c in todo {
                    self.ready[c] = (day, t + super::candidate_minutes(s, c, e));
                    if e.nature.value == NatureCreneau::Epreuve {
                        self.produced[c] = self.ready[c];
                    }
                }
                return Ok(());
            }
        }
        Err(self.stuck(todo, None, &e.intitule))
    }

    /// A lunch break on each day the jury works on both sides of it,
    /// unless the file already has one that day.
    pub fn lunch_breaks(&mut self) {
        let (start, end) = self.frame.lunch;
        for (day, date) in self.days.iter().enumerate() {
            let pinned = super::pinned(self.s, NatureCreneau::Pause).any(|c| c.date.value == *date);
            let jury = |c: &&super::NewSlot| c.date == *date && !c.jures.is_empty();
            let before = self.slots.iter().filter(jury).any(|c| c.debut < start);
            let after = self.slots.iter().filter(jury).any(|c| c.fin > end);
            // Never printed over a jury's slot the file gives.
            let covered = self.s.planning.value.iter().any(|c| {
                c.date.value == *date
                    && c.jures.is_some()
                    && c.debut.value.0 < end
                    && start < c.fin.value.0
            });
            if !pinned && !covered && before && after {
                let slot = self.slot(
                    (day, start),
                    end - start,
                    NatureCreneau::Pause,
                    &self.labels.pause.clone(),
                    &[],
                );
                self.slots.push(slot);
            }
        }
    }
}
