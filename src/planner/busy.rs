//! When each person and room is taken, day by day, and the earliest time
//! a set of them is free together (5-minute steps).

use std::collections::HashMap;

use crate::model::{Creneau, Date, NatureCreneau, Selection, Session};

/// Every time is a multiple of this many minutes.
pub const STEP: u16 = 5;

/// Something that cannot be in two places at once.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Resource {
    Candidate(usize),
    Juror(usize),
    Surveillant(usize),
    Room(usize),
    /// Who leads the welcome and the briefing: the responsable (0), the
    /// suppléant (1) when there is one.
    Lead(usize),
}

/// The day's frame: its window, the jury's lunch, the gap (`battement`)
/// between two slots of one person and between two passages in one room.
#[derive(Debug, Clone, Copy)]
pub struct Frame {
    pub start: u16,
    pub end: u16,
    pub lunch: (u16, u16),
    pub battement: u16,
    /// A juror's evaluations in a row at most, then their pause (minutes).
    pub run: (u16, u16),
}

/// What a new slot asks for besides its people.
#[derive(Debug, Clone, Copy)]
pub struct Need {
    pub length: u16,
    /// Kept out of the lunch break.
    pub no_lunch: bool,
    /// A test's passage: a room keeps the gap (`battement`) between two.
    pub passage: bool,
    /// Minutes after `length` the people stay (a candidate's extra time),
    /// which may run into the lunch break.
    pub overrun: u16,
}

/// One interval `[start, end)` a resource is taken, marked when it is a
/// test's passage.
#[derive(Debug, Clone, Copy)]
struct Taken {
    start: u16,
    end: u16,
    passage: bool,
    /// The candidates' welcome, which ends with them seated for their
    /// test: no gap needed after it.
    welcome: bool,
}

/// The taken intervals of each resource on each day (day index).
#[derive(Debug, Clone, Default)]
pub struct Busy {
    taken: HashMap<(Resource, usize), Vec<Taken>>,
}

fn round_up(t: u16) -> u16 {
    t.div_ceil(STEP) * STEP
}

impl Frame {
    /// The longer of the morning and the afternoon, in minutes.
    pub fn longest_half_day(&self) -> u16 {
        let morning = self.lunch.0.saturating_sub(self.start);
        let afternoon = self.end.saturating_sub(self.lunch.1);
        morning.max(afternoon)
    }

    /// Whether a test of `length` minutes can keep out of the lunch break
    /// (a longer one, without the jury, may run through it).
    pub fn fits_beside_lunch(&self, length: u16) -> bool {
        length <= self.longest_half_day()
    }
}

impl Busy {
    /// Marks `r` taken on `day` from `start` to `end`.
    pub fn book(&mut self, r: Resource, day: usize, start: u16, end: u16, passage: bool) {
        self.taken.entry((r, day)).or_default().push(Taken {
            start,
            end,
            passage,
            welcome: false,
        });
    }

    /// Marks `r` taken by the candidates' welcome.
    pub fn book_welcome(&mut self, r: Resource, day: usize, start: u16, end: u16) {
        self.taken.entry((r, day)).or_default().push(Taken {
            start,
            end,
            passage: false,
            welcome: true,
        });
    }

    /// The end (gap included) of the latest interval of `r` that overlaps
    /// `[start, end)`; a person keeps the gap between any two of their
    /// slots, a room between two passages.
    fn clash(
        &self,
        r: Resource,
        day: usize,
        start: u16,
        end: u16,
        passage: bool,
        frame: &Frame,
    ) -> Option<u16> {
        let room = matches!(r, Resource::Room(_));
        self.taken
            .get(&(r, day))?
            .iter()
            .map(
                |&Taken {
                     start: s,
                     end: e,
                     passage: other,
                     welcome,
                 }| {
                    let gap = if (!room && !welcome) || (room && passage && other) {
                        frame.battement
                    } else {
                        0
                    };
                    (s, e + gap, gap)
                },
            )
            .filter(|&(s, e, gap)| s < end + gap && start < e)
            .map(|(_, e, _)| e)
            .max()
    }

    /// The earliest start at or after `from` on `day` where every one of
    /// `who` is free for the need's length inside the frame.
    pub fn earliest(
        &self,
        who: &[Resource],
        day: usize,
        from: u16,
        need: Need,
        frame: &Frame,
    ) -> Option<u16> {
        let length = need.length;
        let whole = length + need.overrun;
        let mut t = round_up(from.max(frame.start));
        loop {
            if t + whole > frame.end {
                return None;
            }
            if need.no_lunch && t < frame.lunch.1 && frame.lunch.0 < t + length {
                t = round_up(frame.lunch.1);
                continue;
            }
            let clash = who
                .iter()
                .filter_map(|&r| self.clash(r, day, t, t + whole, need.passage, frame))
                .max();
            let tired = || {
                who.iter()
                    .filter(|r| need.passage && matches!(r, Resource::Juror(_)))
                    .filter_map(|&r| self.rested_at(r, day, (t, t + whole), frame))
                    .max()
            };
            match clash.or_else(tired) {
                Some(e) => t = round_up(e.max(t + 1)),
                None => return Some(t),
            }
        }
    }

    /// When juror `r` may start again, if an evaluation over `span` would
    /// make their run of evaluations (each less than a pause after the
    /// previous) longer than the frame allows.
    fn rested_at(&self, r: Resource, day: usize, span: (u16, u16), frame: &Frame) -> Option<u16> {
        let (longest, pause) = frame.run;
        let mut evals: Vec<(u16, u16)> = self
            .taken
            .get(&(r, day))?
            .iter()
            .filter(|x| x.passage)
            .map(|x| (x.start, x.end))
            .collect();
        evals.push(span);
        evals.sort_unstable();
        let i = evals.iter().position(|&x| x == span)?;
        let (mut a, mut b) = (i, i);
        while a > 0 && evals[a].0 < evals[a - 1].1 + pause {
            a -= 1;
        }
        while b + 1 < evals.len() && evals[b + 1].0 < evals[b].1 + pause {
            b += 1;
        }
        if a == b || evals[b].1.saturating_sub(evals[a].0) <= longest {
            return None;
        }
        Some(if i > a {
            evals[i - 1].1 + pause
        } else {
            span.0 + STEP
        })
    }

    /// Books every person and room of a slot already in the file.
    pub fn book_slot(&mut self, s: &Session, slot: &Creneau, days: &[Date]) {
        let Some(day) = days.iter().position(|d| *d == slot.date.value) else {
            return;
        };
        let (start, end) = (slot.debut.value.0, slot.fin.value.0);
        let ids = |sel: &Option<crate::model::At<Selection>>, all: Vec<&str>| -> Vec<usize> {
            match sel.as_ref().map(|v| &v.value) {
                None => Vec::new(),
                Some(Selection::Tous) => (0..all.len()).collect(),
                Some(Selection::Ids(list)) => list
                    .iter()
                    .filter_map(|i| all.iter().position(|a| *a == i.value))
                    .collect(),
            }
        };
        let candidates = s
            .candidats
            .value
            .iter()
            .map(|c| c.id.value.as_str())
            .collect();
        let jurors = s.jures.value.iter().map(|j| j.id.value.as_str()).collect();
        let surveillants = s.surveillants.iter().map(|m| m.id.value.as_str()).collect();
        let mut who: Vec<Resource> = Vec::new();
        who.extend(
            ids(&slot.candidats, candidates)
                .into_iter()
                .map(Resource::Candidate),
        );
        who.extend(ids(&slot.jures, jurors).into_iter().map(Resource::Juror));
        who.extend(
            ids(&slot.surveillants, surveillants)
                .into_iter()
                .map(Resource::Surveillant),
        );
        if let Some(room) = &slot.salle
            && let Some(r) = s.salles.iter().position(|x| x.id.value == room.value)
        {
            who.push(Resource::Room(r));
        }
        let passage = matches!(
            slot.nature,
            NatureCreneau::Epreuve | NatureCreneau::Entretien | NatureCreneau::EntretienFinal
        );
        if matches!(
            slot.nature,
            NatureCreneau::Accueil | NatureCreneau::Briefing
        ) {
            who.push(Resource::Lead(0));
        }
        for r in who {
            if slot.nature == NatureCreneau::Accueil {
                self.book_welcome(r, day, start, end);
            } else {
                self.book(r, day, start, end, passage);
            }
        }
    }
}
