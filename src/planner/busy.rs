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
}

/// The day's frame: its window, the jury's lunch, the gap between two
/// passages in one room.
#[derive(Debug, Clone, Copy)]
pub struct Frame {
    pub start: u16,
    pub end: u16,
    pub lunch: (u16, u16),
    pub battement: u16,
}

/// What a new slot asks for besides its people.
#[derive(Debug, Clone, Copy)]
pub struct Need {
    pub length: u16,
    /// Kept out of the lunch break.
    pub no_lunch: bool,
    /// A test's passage: a room keeps the gap (`battement`) between two.
    pub passage: bool,
}

/// One interval `[start, end)` a resource is taken, marked when it is a
/// test's passage.
#[derive(Debug, Clone, Copy)]
struct Taken {
    start: u16,
    end: u16,
    passage: bool,
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
    /// Whether a test of `length` minutes can keep out of the lunch break
    /// (a longer one, without the jury, may run through it).
    pub fn fits_beside_lunch(&self, length: u16) -> bool {
        let morning = self.lunch.0.saturating_sub(self.start);
        let afternoon = self.end.saturating_sub(self.lunch.1);
        length <= morning.max(afternoon)
    }
}

impl Busy {
    /// Marks `r` taken on `day` from `start` to `end`.
    pub fn book(&mut self, r: Resource, day: usize, start: u16, end: u16, passage: bool) {
        self.taken.entry((r, day)).or_default().push(Taken {
            start,
            end,
            passage,
        });
    }

    /// The end (gap included) of the latest interval of `r` that overlaps
    /// `[start, end)`; two passages in one room keep the gap between them.
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
                 }| {
                    let gap = if room && passage && other {
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
        let mut t = round_up(from.max(frame.start));
        loop {
            if t + length > frame.end {
                return None;
            }
            if need.no_lunch && t < frame.lunch.1 && frame.lunch.0 < t + length {
                t = round_up(frame.lunch.1);
                continue;
            }
            match who
                .iter()
                .filter_map(|&r| self.clash(r, day, t, t + length, need.passage, frame))
                .max()
            {
                Some(e) => t = round_up(e.max(t + 1)),
                None => return Some(t),
            }
        }
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
        for r in who {
            self.book(r, day, start, end, passage);
        }
    }
}
