//! The timetable: overlaps, breaks, late hours and the order of the day.

use std::collections::{BTreeMap, HashMap};

use super::at;
use crate::diag::{Diagnostic, Place};
use crate::fr;
use crate::model::{At, Creneau, Date, NatureCreneau, NatureSession, Selection, Session, Time};

fn overlaps(a: &Creneau, b: &Creneau) -> bool {
    a.date.value == b.date.value && a.debut.value < b.fin.value && b.debut.value < a.fin.value
}

/// Where a person's presence in a slot is written: their own id, or `tous`.
fn place_in(sel: &At<Selection>, id: &str) -> Option<Place> {
    match &sel.value {
        Selection::Tous => at(sel),
        Selection::Ids(ids) => ids.iter().find(|i| i.value == id).and_then(at),
    }
}

struct Role<'a> {
    /// YAML key of the slot's list ("candidats", "jures", "surveillants").
    key: &'static str,
    /// "le candidat", "le juré", "le surveillant".
    one: &'static str,
    /// "les candidats", …
    many: &'static str,
    /// Every id of this kind.
    ids: Vec<&'a str>,
    pick: fn(&Creneau) -> Option<&At<Selection>>,
}

impl Role<'_> {
    /// « le candidat « x » est », or « les candidats « x », « y » sont »
    /// naming five at most.
    fn who(&self, ids: &[&str]) -> String {
        if ids.len() == 1 {
            return format!("{} « {} » est", self.one, ids[0]);
        }
        let shown: Vec<String> = ids.iter().take(5).map(|i| format!("« {i} »")).collect();
        let more = if ids.len() > 5 {
            format!(" et {} autres", ids.len() - 5)
        } else {
            String::new()
        };
        format!("{} {}{more} sont", self.many, shown.join(", "))
    }
}

/// A candidate, juror, surveillant or room is never in two overlapping slots.
pub fn nobody_is_in_two_places(s: &Session, out: &mut Vec<Diagnostic>) {
    let slots = &s.planning.value;
    let roles = [
        Role {
            key: "candidats",
            one: "le candidat",
            many: "les candidats",
            ids: s
                .candidats
                .value
                .iter()
                .map(|c| c.id.value.as_str())
                .collect(),
            pick: |c| c.candidats.as_ref(),
        },
        Role {
            key: "jures",
            one: "le juré",
            many: "les jurés",
            ids: s.jures.value.iter().map(|j| j.id.value.as_str()).collect(),
            pick: |c| c.jures.as_ref(),
        },
        Role {
            key: "surveillants",
            one: "le surveillant",
            many: "les surveillants",
            ids: s.surveillants.iter().map(|m| m.id.value.as_str()).collect(),
            pick: |c| c.surveillants.as_ref(),
        },
    ];
    for role in &roles {
        people_clash(slots, role, out);
    }
    rooms_clash(slots, out);
}

/// No person of this role is in two overlapping slots.
fn people_clash(slots: &[Creneau], role: &Role, out: &mut Vec<Diagnostic>) {
    // Slots of each person, then every overlapping pair, grouped by pair.
    let mut by_person: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, slot) in slots.iter().enumerate() {
        let Some(sel) = (role.pick)(slot) else {
            continue;
        };
        match &sel.value {
            Selection::Tous => {
                for id in &role.ids {
                    by_person.entry(id).or_default().push(i);
                }
            }
            Selection::Ids(ids) => {
                for id in ids {
                    by_person.entry(&id.value).or_default().push(i);
                }
            }
        }
    }
    // Each slot of a person is reported once, with the first earlier slot
    // it overlaps: n overlapping slots give n - 1 findings, not n²/2.
    let mut clashes: BTreeMap<(usize, usize), Vec<&str>> = BTreeMap::new();
    for (id, mine) in &by_person {
        for (y, &b) in mine.iter().enumerate() {
            let first = mine[..y]
                .iter()
                .find(|&&a| a != b && overlaps(&slots[a], &slots[b]));
            if let Some(&a) = first {
                clashes.entry((a.min(b), a.max(b))).or_default().push(id);
            }
        }
    }
    for ((a, b), mut ids) in clashes {
        ids.sort_by_key(|id| role.ids.iter().position(|k| k == id));
        let Some(sel) = (role.pick)(&slots[b]) else {
            continue;
        };
        let who = role.who(&ids);
        out.push(
            Diagnostic::error(
                format!("planning[{b}].{}", role.key),
                place_in(sel, ids[0]),
                format!(
                    "{who} dans deux créneaux qui se chevauchent\u{a0}: « {} » ({}) et « {} » ({})",
                    slots[a].intitule,
                    span_text(&slots[a]),
                    slots[b].intitule,
                    span_text(&slots[b])
                ),
            )
            .help(format!("décalez l'un des deux créneaux ou retirez la personne de l'un d'eux (voir planning[{a}])")),
        );
    }
}

/// No room holds two overlapping slots.
fn rooms_clash(slots: &[Creneau], out: &mut Vec<Diagnostic>) {
    let mut by_room: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, slot) in slots.iter().enumerate() {
        if let Some(room) = &slot.salle {
            by_room.entry(&room.value).or_default().push(i);
        }
    }
    let mut room_clashes: Vec<(usize, usize)> = Vec::new();
    for mine in by_room.values() {
        for (y, &b) in mine.iter().enumerate() {
            if let Some(&a) = mine[..y].iter().find(|&&a| overlaps(&slots[a], &slots[b])) {
                room_clashes.push((a, b));
            }
        }
    }
    room_clashes.sort_unstable();
    for (a, b) in room_clashes {
        let Some(room) = &slots[b].salle else {
            continue;
        };
        out.push(
            Diagnostic::error(
                format!("planning[{b}].salle"),
                at(room),
                format!(
                    "la salle « {} » accueille deux créneaux qui se chevauchent\u{a0}: « {} » ({}) et « {} » ({})",
                    room.value,
                    slots[a].intitule,
                    span_text(&slots[a]),
                    slots[b].intitule,
                    span_text(&slots[b])
                ),
            )
            .help(format!("choisissez une autre salle ou décalez l'un des créneaux (voir planning[{a}])")),
        );
    }
}

fn span_text(slot: &Creneau) -> String {
    format!(
        "{} de {} à {}",
        fr::long_date(slot.date.value),
        fr::time(slot.debut.value),
        fr::time(slot.fin.value)
    )
}

/// Warning: a collective written test (`epreuve` with `candidats: tous`) is
/// split over several start times, so not every candidate takes it at once.
pub fn written_tests_are_taken_together(s: &Session, out: &mut Vec<Diagnostic>) {
    let slots = &s.planning.value;
    let is_collective = |c: &Creneau| {
        c.nature == NatureCreneau::Epreuve
            && c.candidats
                .as_ref()
                .is_some_and(|sel| matches!(sel.value, Selection::Tous))
    };
    for (i, collective) in slots.iter().enumerate().filter(|(_, c)| is_collective(c)) {
        let split = slots.iter().enumerate().find(|(j, other)| {
            *j != i
                && other.nature == NatureCreneau::Epreuve
                && other.intitule == collective.intitule
                && (other.date.value, other.debut.value)
                    != (collective.date.value, collective.debut.value)
        });
        // Two collective sittings: said once, at the later one. An earlier
        // sitting for some candidates only is reported too.
        if let Some((j, other)) = split
            && (j > i || !is_collective(other))
        {
            out.push(
                Diagnostic::warning(
                    format!("planning[{j}].debut"),
                    at(&other.debut),
                    format!(
                        "l'épreuve écrite « {} » est prévue pour tous les candidats mais aussi à un autre moment ({})",
                        collective.intitule,
                        span_text(other)
                    ),
                )
                .help(format!("une épreuve écrite collective se passe en même temps pour tous les candidats (voir planning[{i}])")),
            );
        }
    }
}

/// Warning: on a day the jury works more than 6 hours, each juror has a
/// break of at least 45 minutes between 11:30 and 14:30.
pub fn jury_has_a_lunch_break(s: &Session, out: &mut Vec<Diagnostic>) {
    let slots = &s.planning.value;
    let (window_start, window_end) = (Time::hm(11, 30), Time::hm(14, 30));
    let mut warned_days: Vec<Date> = Vec::new();
    for j in &s.jures.value {
        let mut days: BTreeMap<Date, Vec<&Creneau>> = BTreeMap::new();
        for slot in slots
            .iter()
            .filter(|c| c.has_jure(&j.id.value) && c.nature != NatureCreneau::Pause)
        {
            days.entry(slot.date.value).or_default().push(slot);
        }
        for (day, mut day_slots) in days {
            day_slots.sort_by_key(|c| c.debut.value);
            let start = day_slots[0].debut.value;
            let end = day_slots.iter().map(|c| c.fin.value).max().unwrap_or(start);
            if end.0.saturating_sub(start.0) <= 6 * 60 || warned_days.contains(&day) {
                continue;
            }
            // Free time inside the lunch window, between the juror's slots.
            let mut busy_until = start;
            let mut has_break = false;
            for slot in &day_slots {
                let gap_start = busy_until.max(window_start);
                let gap_end = slot.debut.value.min(window_end);
                if gap_end.0 >= gap_start.0 + 45 {
                    has_break = true;
                }
                busy_until = busy_until.max(slot.fin.value);
            }
            if !has_break {
                warned_days.push(day);
                let first = day_slots[0];
                out.push(
                    Diagnostic::warning(
                        format!("planning[{}]", slot_index(slots, first)),
                        at(&first.date),
                        format!(
                            "le {}, le jury travaille plus de 6 heures sans pause d'au moins 45 minutes entre 11 h 30 et 14 h 30",
                            fr::long_date(day)
                        ),
                    )
                    .help("prévoyez une pause déjeuner du jury (nature: pause) d'au moins 45 minutes"),
                );
            }
        }
    }
}

fn slot_index(slots: &[Creneau], slot: &Creneau) -> usize {
    slots
        .iter()
        .position(|c| std::ptr::eq(c, slot))
        .unwrap_or(0)
}

/// Warning: a slot ends after 18:00.
pub fn nothing_after_six_pm(s: &Session, out: &mut Vec<Diagnostic>) {
    for (i, slot) in s.planning.value.iter().enumerate() {
        if slot.fin.value > Time::hm(18, 0) {
            out.push(
                Diagnostic::warning(
                    format!("planning[{i}].fin"),
                    at(&slot.fin),
                    format!(
                        "le créneau « {} » finit à {}, après 18 h",
                        slot.intitule,
                        fr::time(slot.fin.value)
                    ),
                )
                .help(
                    "il est préconisé de ne pas dépasser 18 h pour la fin d'une session d'examen",
                ),
            );
        }
    }
}

/// Whether two slots may hold the same juror: both name their jurors and
/// share one, or one of them names none.
fn may_share_a_juror(a: &Creneau, b: &Creneau) -> bool {
    let named = |c: &Creneau| match c.jures.as_ref().map(|j| &j.value) {
        Some(crate::model::Selection::Ids(ids)) if !ids.is_empty() => Some(ids.clone()),
        _ => None,
    };
    match (named(a), named(b)) {
        (Some(x), Some(y)) => x.iter().any(|j| y.iter().any(|k| k.value == j.value)),
        _ => true,
    }
}

/// A deliberation starts after the last final interview of its jury ends
/// (each pair deliberates on its own candidates).
pub fn deliberation_follows_final_interviews(s: &Session, out: &mut Vec<Diagnostic>) {
    let slots = &s.planning.value;
    for (i, slot) in slots.iter().enumerate() {
        if slot.nature != NatureCreneau::Deliberation {
            continue;
        }
        let Some(last_final) = slots
            .iter()
            .filter(|c| c.nature == NatureCreneau::EntretienFinal && may_share_a_juror(c, slot))
            .max_by_key(|c| (c.date.value, c.fin.value))
        else {
            continue;
        };
        if (slot.date.value, slot.debut.value) < (last_final.date.value, last_final.fin.value) {
            out.push(
                Diagnostic::error(
                    format!("planning[{i}].debut"),
                    at(&slot.debut),
                    format!(
                        "la délibération commence ({}) avant la fin du dernier entretien final ({})",
                        span_text(slot),
                        span_text(last_final)
                    ),
                )
                .help("le jury délibère après l'entretien final du dernier candidat\u{a0}: décalez la délibération"),
            );
        }
    }
}

/// Warning: in a titre session, every candidate has a final interview.
pub fn each_candidate_has_a_final_interview(s: &Session, out: &mut Vec<Diagnostic>) {
    if s.session.nature.value != NatureSession::Titre {
        return;
    }
    let finals: Vec<&Creneau> = s
        .planning
        .value
        .iter()
        .filter(|c| c.nature == NatureCreneau::EntretienFinal)
        .collect();
    for (i, c) in s.candidats.value.iter().enumerate() {
        if !finals.iter().any(|f| f.has_candidat(&c.id.value)) {
            out.push(
                Diagnostic::warning(
                    format!("candidats[{i}]"),
                    at(&c.id),
                    format!(
                        "le candidat « {} » n'a pas d'entretien final au planning",
                        c.id.value
                    ),
                )
                .help("ajoutez un créneau « nature: entretien_final » pour ce candidat"),
            );
        }
    }
}

/// The jury's lunch break (a `pause` naming no candidate nor surveillant)
/// holds no evaluation of its jurors (a test or interview they hold): the
/// evaluation is moved, or the break is.
pub fn lunch_holds_no_jury_slot(s: &Session, out: &mut Vec<Diagnostic>) {
    let slots = &s.planning.value;
    for (i, pause) in slots.iter().enumerate() {
        let nobody = pause.candidats.is_none() && pause.surveillants.is_none();
        if pause.nature != NatureCreneau::Pause || !nobody {
            continue;
        }
        let under = slots.iter().find(|c| {
            matches!(
                c.nature,
                NatureCreneau::Epreuve | NatureCreneau::Entretien | NatureCreneau::EntretienFinal
            ) && c.date.value == pause.date.value
                && c.jures.as_ref().is_some_and(|j| match &j.value {
                    Selection::Tous => true,
                    Selection::Ids(ids) => !ids.is_empty(),
                })
                && may_share_a_juror(c, pause)
                && c.debut.value < pause.fin.value
                && pause.debut.value < c.fin.value
        });
        if let Some(slot) = under {
            out.push(
                Diagnostic::error(
                    format!("planning[{i}].debut"),
                    at(&pause.debut),
                    format!(
                        "la pause « {} » ({}) recouvre « {} » ({})",
                        pause.intitule,
                        span_text(pause),
                        slot.intitule,
                        span_text(slot)
                    ),
                )
                .help("le jury ne peut pas être en pause et en séance\u{a0}: décalez la pause ou le créneau"),
            );
        }
    }
}
