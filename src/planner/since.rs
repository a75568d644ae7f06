//! Planning again after the letters went out (`planifier --depuis
//! AVANT.yaml`): the slots of the timetable announced then that still hold
//! are kept as they were (the welcome, the briefings, the tests and
//! interviews), each candidate without a pair keeps the pair announced, and
//! only the rest is planned around them; the deliberations and the lunch
//! breaks are placed again. The summary says how many
//! people get a new letter (`changes`).

use serde::Serialize;

use super::pairs::juror_days;
use super::{NewSlot, Who};
use crate::diag::Place;
use crate::model::{Creneau, Date, NatureCreneau, Selection, Session};
use crate::session_text::flow;

/// What re-planning kept and what it tells.
#[derive(Debug, Serialize, Default)]
pub struct Since {
    /// The file announced before.
    pub avant: String,
    /// Slots announced and kept, and announced slots that must move.
    pub gardes: usize,
    pub deplaces: usize,
    /// People whose letter says something else, or a first letter.
    pub candidats: usize,
    pub jures: usize,
    pub surveillants: usize,
}

fn ids(sel: &Option<crate::model::At<Selection>>) -> Option<Vec<String>> {
    match sel.as_ref().map(|s| &s.value) {
        None => Some(Vec::new()),
        Some(Selection::Tous) => None,
        Some(Selection::Ids(list)) => Some(list.iter().map(|i| i.value.clone()).collect()),
    }
}

fn who(sel: &Option<crate::model::At<Selection>>) -> Who {
    ids(sel).map_or(Who::Tous, Who::Ids)
}

/// An announced slot as the planner writes one.
fn as_new(slot: &Creneau) -> NewSlot {
    NewSlot {
        date: slot.date.value,
        debut: slot.debut.value.0,
        fin: slot.fin.value.0,
        nature: slot.nature,
        intitule: slot.intitule.clone(),
        salle: slot.salle.as_ref().map(|r| r.value.clone()),
        candidats: who(&slot.candidats),
        jures: who(&slot.jures),
        surveillants: who(&slot.surveillants),
    }
}

/// Whether two selections may hold one same person.
fn meet(a: &Option<crate::model::At<Selection>>, b: &Option<crate::model::At<Selection>>) -> bool {
    match (ids(a), ids(b)) {
        (Some(x), Some(y)) => x.iter().any(|i| y.contains(i)),
        (None, Some(y)) => !y.is_empty(),
        (Some(x), None) => !x.is_empty(),
        (None, None) => true,
    }
}

/// The pair announced to candidate `id` before, or the one the file gives.
fn pair_of(s: &Session, before: &Session, id: &str) -> Vec<String> {
    let of = |x: &Session| {
        x.candidat(id)
            .map(|c| {
                c.jury
                    .value
                    .iter()
                    .map(|j| j.value.clone())
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    };
    let now = of(s);
    if now.is_empty() { of(before) } else { now }
}

/// Whether an announced slot still holds in the session `s` on `days`.
fn holds(s: &Session, before: &Session, slot: &Creneau, days: &[Date]) -> bool {
    if !days.contains(&slot.date.value) {
        return false;
    }
    let every = |list: Option<Vec<String>>, known: &dyn Fn(&str) -> bool| {
        list.is_none_or(|l| l.iter().all(|i| known(i)))
    };
    let juror_ok = |id: &str| {
        s.jures.value.iter().any(|j| {
            j.id.value == id
                && j.habilitation_fin.value >= s.session.fin.value
                && !juror_days(j, &[slot.date.value]).is_empty()
        })
    };
    let all_jurors_ok =
        ids(&slot.jures).is_some() || s.jures.value.iter().all(|j| juror_ok(&j.id.value));
    let room_ok = slot
        .salle
        .as_ref()
        .is_none_or(|r| s.salles.iter().any(|x| x.id.value == r.value));
    let people_ok = every(ids(&slot.candidats), &|i| s.candidat(i).is_some())
        && every(ids(&slot.jures), &juror_ok)
        && every(ids(&slot.surveillants), &|i| {
            s.surveillants.iter().any(|m| m.id.value == i)
        });
    // An interview stays with the pair the candidate keeps.
    let same_pair = match (ids(&slot.candidats), ids(&slot.jures)) {
        (Some(cands), Some(mut jurors)) if !jurors.is_empty() => {
            jurors.sort();
            cands.iter().all(|c| {
                let mut pair = pair_of(s, before, c);
                pair.sort();
                pair == jurors
            })
        }
        _ => true,
    };
    // Nothing the file gives already at that time for the same people.
    let free = !s.planning.value.iter().any(|x| {
        x.date.value == slot.date.value
            && x.debut.value < slot.fin.value
            && slot.debut.value < x.fin.value
            && (meet(&x.candidats, &slot.candidats)
                || meet(&x.jures, &slot.jures)
                || meet(&x.surveillants, &slot.surveillants)
                || (x.salle.is_some()
                    && x.salle.as_ref().map(|r| &r.value) == slot.salle.as_ref().map(|r| &r.value)))
    });
    all_jurors_ok && room_ok && people_ok && same_pair && free
}

/// The announced slots to add to the file: those that still hold, of the
/// natures people are told about, and that the file does not give
/// already; a candidate with one interview that must move has all their
/// interviews planned again. With how many must move and how many stay.
pub fn kept<'b>(
    s: &Session,
    before: &'b Session,
    days: &[Date],
) -> (Vec<&'b Creneau>, usize, usize) {
    let told =
        |c: &&Creneau| !matches!(c.nature, NatureCreneau::Deliberation | NatureCreneau::Pause);
    let announced: Vec<&Creneau> = before.planning.value.iter().filter(told).collect();
    let (mut keep, moved): (Vec<&Creneau>, Vec<&Creneau>) =
        announced.iter().partition(|c| holds(s, before, c, days));
    let interview = |c: &Creneau| {
        matches!(
            c.nature,
            NatureCreneau::Entretien | NatureCreneau::EntretienFinal
        ) || (c.nature == NatureCreneau::Epreuve && ids(&c.jures).is_some_and(|j| !j.is_empty()))
    };
    let affected: Vec<String> = moved
        .iter()
        .filter(|c| interview(c))
        .filter_map(|c| ids(&c.candidats))
        .flatten()
        .collect();
    keep.retain(|c| {
        !(interview(c) && ids(&c.candidats).is_some_and(|l| l.iter().any(|i| affected.contains(i))))
    });
    let moved = announced.len() - keep.len();
    let stay = keep.len();
    // Already in the file as it is: not written twice.
    keep.retain(|c| {
        !s.planning.value.iter().any(|x| {
            (x.date.value, x.debut.value, x.fin.value, x.nature)
                == (c.date.value, c.debut.value, c.fin.value, c.nature)
                && ids(&x.candidats) == ids(&c.candidats)
        })
    });
    (keep, moved, stay)
}

/// The file's text with the announced slots `keep` added to its planning
/// and each candidate without a pair given the pair announced, when both
/// its jurors are still in the session; `None` when the text is not
/// written so that it can be completed.
pub fn merged(text: &str, s: &Session, before: &Session, keep: &[&Creneau]) -> Option<String> {
    let mut edits: Vec<(usize, usize, String)> = Vec::new();
    for c in s.candidats.value.iter().filter(|c| c.jury.value.is_empty()) {
        let pair = pair_of(s, before, &c.id.value);
        if pair.len() != 2
            || !pair
                .iter()
                .all(|j| s.jures.value.iter().any(|x| x.id.value == *j))
        {
            continue;
        }
        let from = Place::of(&c.jury.referenced)?.bytes?.0;
        let open = from + text[from..].find('[')?;
        let close = open + text[open..].find(']')?;
        edits.push((open, close + 1, flow(&pair)));
    }
    edits.sort_by_key(|e| std::cmp::Reverse(e.0));
    let mut out = text.to_owned();
    for (start, end, with) in edits {
        out.replace_range(start..end, &with);
    }
    let slots: Vec<NewSlot> = keep.iter().map(|c| as_new(c)).collect();
    if slots.is_empty() {
        return Some(out);
    }
    super::write::insert_slots(&out, &slots)
}

/// How many people get a new letter between the session announced and the
/// one planned now.
pub fn letters(before: &Session, after: &Session) -> (usize, usize, usize) {
    let changes = crate::changes::compare(
        &crate::plan::Plan::new(before),
        &crate::plan::Plan::new(after),
    );
    (
        changes.candidats.len() + changes.ajoutes.len(),
        changes.jures.len(),
        changes.surveillants.len(),
    )
}
