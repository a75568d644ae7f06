//! The placement: greedy, test by test in the référentiel's order, each
//! passage at the earliest time where its candidates, jury or
//! surveillant, and room are free (5-minute steps).

use super::busy::{Busy, Frame, Need, Resource};
use super::pairs::Pairs;
use super::{Labels, NewSlot, Who, candidate_minutes};
use crate::model::{Creneau, Date, Encadrement, NatureCreneau, Passage, Selection, Session};

/// A day (index into the session's days) and a minute.
pub type Moment = (usize, u16);

/// What could not be placed.
#[derive(Debug, Clone)]
pub struct Stuck {
    pub candidates: Vec<usize>,
    pub pair: Option<usize>,
    pub what: String,
    /// The file's slot that the passage should have ended before.
    pub pinned: Option<Box<Pinned>>,
    /// The candidates to seat together and the most seats their rooms
    /// offer, when seats are what is missing.
    pub seats: Option<(usize, usize)>,
}

/// A slot of the file, as a refusal names it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Pinned {
    pub intitule: String,
    pub jour: String,
    pub heure: String,
}

impl Pinned {
    /// The slot's title, day and start.
    pub fn of(slot: &Creneau) -> Pinned {
        Pinned {
            intitule: slot.intitule.clone(),
            jour: crate::fr::long_date(slot.date.value),
            heure: super::hm(slot.debut.value.0),
        }
    }
}

/// What a refusal tries besides the file's own resources: one more room
/// for some tests, one more surveillant. The room comes after the file's
/// rooms (and after each of those tests' rooms), the surveillant after
/// its surveillants, as the file would list them once added.
#[derive(Debug, Clone, Copy, Default)]
pub struct Extra {
    /// The tests (bit `k` for test `k`) that get one more room.
    pub rooms: u64,
    pub surveillant: bool,
}

impl Extra {
    /// Whether test `k` gets the room added.
    pub fn room_for(self, k: usize) -> bool {
        k < 64 && self.rooms & (1 << k) != 0
    }
}

/// The state of one placement attempt.
#[derive(Clone)]
pub struct Search<'a> {
    pub(super) s: &'a Session,
    pub(super) days: &'a [Date],
    pub(super) frame: Frame,
    pub(super) pairs: &'a Pairs,
    pub(super) labels: &'a Labels,
    pub(super) busy: Busy,
    /// When each candidate may start their next test.
    pub(super) ready: Vec<Moment>,
    /// When each juror has been briefed.
    pub(super) briefed: Vec<Option<Moment>>,
    /// When each candidate's written productions are done.
    pub(super) produced: Vec<Moment>,
    /// When each candidate's file has been studied by their pair.
    pub(super) studied: Vec<Option<Moment>>,
    /// The end of each pair's latest evaluation.
    pub(super) last_eval: Vec<Option<Moment>>,
    /// The room each pair last used.
    pub(super) home: Vec<Option<usize>>,
    /// Each candidate's rank: lower goes first.
    pub(super) rank: Vec<usize>,
    /// No new passage or deliberation before this moment.
    pub(super) not_before: Moment,
    /// The room or surveillant a refusal tries adding.
    pub(super) extra: Extra,
    /// (day, minute): no briefing of that day starts before the minute.
    pub(super) briefing_from: Vec<(usize, u16)>,
    pub slots: Vec<NewSlot>,
}

fn has(sel: &Option<crate::model::At<Selection>>, id: &str) -> bool {
    sel.as_ref().is_some_and(|s| s.value.contains(id))
}

impl<'a> Search<'a> {
    /// A search with the file's own slots booked (they are pinned).
    pub fn new(
        s: &'a Session,
        days: &'a [Date],
        frame: Frame,
        pairs: &'a Pairs,
        labels: &'a Labels,
        rank: Vec<usize>,
    ) -> Search<'a> {
        let mut busy = Busy::default();
        for slot in &s.planning.value {
            busy.book_slot(s, slot, days);
        }
        let n_pairs = pairs.jurors.len();
        let mut search = Search {
            s,
            days,
            frame,
            pairs,
            labels,
            busy,
            ready: vec![(0, frame.start); s.candidats.value.len()],
            briefed: vec![None; s.jures.value.len()],
            produced: vec![(0, 0); s.candidats.value.len()],
            studied: vec![None; s.candidats.value.len()],
            last_eval: vec![None; n_pairs],
            home: vec![None; n_pairs],
            rank,
            not_before: (0, 0),
            extra: Extra::default(),
            briefing_from: Vec::new(),
            slots: Vec::new(),
        };
        search.read_pinned();
        search
    }

    fn day_of(&self, slot: &Creneau) -> Option<usize> {
        self.days.iter().position(|d| *d == slot.date.value)
    }

    /// Who is already briefed, which pair studied or deliberated, where
    /// each candidate stands after their welcome.
    fn read_pinned(&mut self) {
        let s = self.s;
        for slot in &s.planning.value {
            let Some(day) = self.day_of(slot) else {
                continue;
            };
            let end = (day, slot.fin.value.0);
            for (j, juror) in s.jures.value.iter().enumerate() {
                if slot.nature == NatureCreneau::Briefing && has(&slot.jures, &juror.id.value) {
                    self.briefed[j] = Some(end);
                }
            }
            for p in 0..self.pairs.jurors.len() {
                let both = self.pairs.jurors[p]
                    .iter()
                    .all(|&j| has(&slot.jures, &s.jures.value[j].id.value));
                // The files a study of the file covers: those of the
                // candidates whose final interview the file gives too (or
                // all, when the session has no final interview).
                if both && slot.nature == NatureCreneau::Correction {
                    let first_final = s
                        .epreuves
                        .iter()
                        .position(|e| e.nature.value == NatureCreneau::EntretienFinal);
                    for c in self.pairs.candidates(p) {
                        if first_final.is_none_or(|k| self.pinned(c, k).is_some()) {
                            self.studied[c] = self.studied[c].max(Some(end));
                        }
                    }
                }
                if both && is_evaluation(slot.nature) {
                    self.last_eval[p] = self.last_eval[p].max(Some(end));
                }
            }
            if slot.nature == NatureCreneau::Accueil {
                for (c, cand) in s.candidats.value.iter().enumerate() {
                    if has(&slot.candidats, &cand.id.value) {
                        self.ready[c] = self.ready[c].max(end);
                    }
                }
            }
        }
    }

    /// The file's slot of candidate `c` for test `k`, if there is one:
    /// the slot of the test's nature that names the candidate.
    pub fn pinned(&self, c: usize, k: usize) -> Option<&'a Creneau> {
        let e = &self.s.epreuves[k];
        let id = &self.s.candidats.value[c].id.value;
        // By nature and candidate; by title too when two tests share a nature.
        let shared = self
            .s
            .epreuves
            .iter()
            .filter(|x| x.nature.value == e.nature.value)
            .count()
            > 1;
        self.s.planning.value.iter().find(|slot| {
            slot.nature == e.nature.value
                && has(&slot.candidats, id)
                && (!shared || slot.intitule == e.intitule)
        })
    }

    /// The earliest test after `k` that the file already gives one of
    /// `group`, and its start: test `k` must end before it.
    pub(super) fn deadline(&self, k: usize, group: &[usize]) -> Option<(Moment, &'a Creneau)> {
        group
            .iter()
            .flat_map(|&c| {
                (k + 1..self.s.epreuves.len()).filter_map(move |later| self.pinned(c, later))
            })
            .filter_map(|slot| Some(((self.day_of(slot)?, slot.debut.value.0), slot)))
            .min_by_key(|(moment, _)| *moment)
    }

    /// Books a new slot and keeps it.
    pub(super) fn book(
        &mut self,
        day: usize,
        start: u16,
        end: u16,
        who: &[Resource],
        slot: NewSlot,
    ) {
        let passage = is_evaluation(slot.nature);
        for &r in who {
            if slot.nature == NatureCreneau::Accueil {
                self.busy.book_welcome(r, day, start, end);
            } else {
                self.busy.book(r, day, start, end, passage);
            }
        }
        self.slots.push(slot);
    }

    /// Books a passage of test `k` lasting `length` for the slowest: each
    /// candidate for their own time, the room, jurors and surveillant
    /// until the slowest is done.
    pub(super) fn book_test(
        &mut self,
        k: usize,
        (day, start): Moment,
        length: u16,
        who: &[Resource],
        slot: NewSlot,
    ) {
        let e = &self.s.epreuves[k];
        for &r in who {
            let end = match r {
                Resource::Candidate(c) => start + candidate_minutes(self.s, c, e),
                _ => start + length,
            };
            self.busy.book(r, day, start, end, true);
        }
        self.slots.push(slot);
    }

    /// A new slot's text, people given by index.
    pub(super) fn slot(
        &self,
        (day, start): Moment,
        length: u16,
        nature: NatureCreneau,
        intitule: &str,
        who: &[Resource],
    ) -> NewSlot {
        let s = self.s;
        let mut candidats = Vec::new();
        let mut jures = Vec::new();
        let mut surveillants = Vec::new();
        let mut salle = None;
        for &r in who {
            match r {
                Resource::Candidate(c) => candidats.push(s.candidats.value[c].id.value.clone()),
                Resource::Juror(j) => jures.push(s.jures.value[j].id.value.clone()),
                Resource::Surveillant(m) => {
                    surveillants.extend(s.surveillants.get(m).map(|x| x.id.value.clone()))
                }
                Resource::Room(r) => salle = s.salles.get(r).map(|x| x.id.value.clone()),
                Resource::Lead(_) => {}
            }
        }
        let every = |n: usize, total: usize, ids: Vec<String>| {
            if n == total && total > 1 {
                Who::Tous
            } else {
                Who::Ids(ids)
            }
        };
        NewSlot {
            date: self.days[day],
            debut: start,
            fin: start + length,
            nature,
            intitule: intitule.to_owned(),
            salle,
            candidats: every(candidats.len(), s.candidats.value.len(), candidats),
            jures: Who::Ids(jures),
            surveillants: Who::Ids(surveillants),
        }
    }

    /// The rooms, the one added included (indices `0..rooms()`).
    pub(super) fn rooms(&self) -> usize {
        self.s.salles.len() + usize::from(self.extra.rooms != 0)
    }

    /// The surveillants, the one added included.
    pub(super) fn watchers(&self) -> usize {
        self.s.surveillants.len() + usize::from(self.extra.surveillant)
    }

    /// How many people may lead the welcome or a briefing: the
    /// responsable, and the suppléant when there is one.
    pub(super) fn leads(&self) -> usize {
        1 + usize::from(self.s.suppleant.is_some())
    }

    /// The welcome of every candidate, first thing on the first day.
    pub fn welcome(&mut self, minutes: u16) -> Result<(), Stuck> {
        let s = self.s;
        let pinned = super::pinned(s, NatureCreneau::Accueil).next().is_some();
        if pinned || minutes == 0 || s.candidats.value.is_empty() {
            return Ok(());
        }
        let everyone: Vec<Resource> = (0..s.candidats.value.len())
            .map(Resource::Candidate)
            .collect();
        // Only a room with a seat for every candidate.
        let seats = |r: usize| {
            s.salles
                .get(r)
                .and_then(|x| x.places.as_ref())
                .map(|p| p.value as usize)
        };
        let rooms: Vec<usize> = (0..self.rooms())
            .filter(|&r| seats(r).is_none_or(|p| p >= everyone.len()))
            .collect();
        if rooms.is_empty() {
            let most = (0..self.rooms()).filter_map(seats).max().unwrap_or(0);
            return Err(Stuck {
                candidates: Vec::new(),
                pair: None,
                what: self.labels.accueil.clone(),
                pinned: None,
                seats: Some((everyone.len(), most)),
            });
        }
        for day in 0..self.days.len() {
            for &room in &rooms {
                let watchers: Vec<Option<usize>> = if self.watchers() == 0 {
                    vec![None]
                } else {
                    (0..self.watchers()).map(Some).collect()
                };
                for (m, lead) in watchers
                    .iter()
                    .flat_map(|&m| (0..self.leads()).map(move |l| (m, l)))
                {
                    let mut who = everyone.clone();
                    who.push(Resource::Room(room));
                    who.push(Resource::Lead(lead));
                    who.extend(m.map(Resource::Surveillant));
                    if let Some(t) = self.busy.earliest(
                        &who,
                        day,
                        0,
                        Need {
                            length: minutes,
                            no_lunch: self.frame.fits_beside_lunch(minutes),
                            passage: false,
                            overrun: 0,
                        },
                        &self.frame,
                    ) {
                        let slot = self.slot(
                            (day, t),
                            minutes,
                            NatureCreneau::Accueil,
                            &self.labels.accueil,
                            &who,
                        );
                        self.book(day, t, t + minutes, &who, slot);
                        self.ready = vec![(day, t + minutes); s.candidats.value.len()];
                        return Ok(());
                    }
                }
            }
        }
        Err(Stuck {
            candidates: Vec::new(),
            pair: None,
            what: self.labels.accueil.clone(),
            pinned: None,
            seats: None,
        })
    }

    /// The test `k` for every candidate who does not have it yet.
    pub fn test(&mut self, k: usize) -> Result<(), Stuck> {
        self.test_for(k, None)
    }

    /// The test `k` for the candidates `only` (or all) who do not have it
    /// yet.
    pub(super) fn test_for(&mut self, k: usize, only: Option<&[usize]>) -> Result<(), Stuck> {
        let s = self.s;
        let e = &s.epreuves[k];
        let mut todo = Vec::new();
        for c in 0..s.candidats.value.len() {
            if only.is_some_and(|o| !o.contains(&c)) {
                continue;
            }
            match self
                .pinned(c, k)
                .and_then(|slot| Some((self.day_of(slot)?, slot.fin.value.0)))
            {
                Some(end) => {
                    self.ready[c] = self.ready[c].max(end);
                    if e.nature.value == NatureCreneau::Epreuve {
                        self.produced[c] = self.produced[c].max(end);
                    }
                }
                None => todo.push(c),
            }
        }
        if todo.is_empty() {
            return Ok(());
        }
        todo.sort_by_key(|&c| (self.ready[c], self.rank[c]));
        if e.passage.value == Passage::Ensemble {
            return self.together(k, &todo);
        }
        let size = match e.passage.value {
            Passage::Groupes(n) => n.max(1) as usize,
            _ => 1,
        };
        let size = e
            .salles
            .value
            .iter()
            .filter_map(|r| {
                s.salle(&r.value)?
                    .places
                    .as_ref()
                    .map(|p| p.value.max(1) as usize)
            })
            .min()
            .map_or(size, |seats| seats.min(size));
        let jury = e.encadrement.value == Encadrement::Jury;
        let mut groups: Vec<Vec<usize>> = Vec::new();
        let keys: Vec<Option<usize>> = if jury {
            (0..self.pairs.jurors.len()).map(Some).collect()
        } else {
            vec![None]
        };
        for key in keys {
            let mine: Vec<usize> = todo
                .iter()
                .copied()
                .filter(|&c| key.is_none_or(|p| self.pairs.of_candidate[c] == p))
                .collect();
            groups.extend(mine.chunks(size).map(<[usize]>::to_vec));
        }
        groups.sort_by_key(|g| {
            let ready = g.iter().map(|&c| self.ready[c]).max();
            (ready, g.iter().map(|&c| self.rank[c]).min())
        });
        for group in groups {
            self.passage(k, &group)?;
        }
        Ok(())
    }
}

/// Whether a slot of this nature is the jury evaluating.
fn is_evaluation(n: NatureCreneau) -> bool {
    matches!(
        n,
        NatureCreneau::Epreuve | NatureCreneau::Entretien | NatureCreneau::EntretienFinal
    )
}

/// The minutes of test `k` for the slowest of `group`.
pub(super) fn group_minutes(s: &Session, k: usize, group: &[usize]) -> u16 {
    group
        .iter()
        .map(|&c| candidate_minutes(s, c, &s.epreuves[k]))
        .max()
        .unwrap_or(s.epreuves[k].duree.value.0)
}
