//! Extra time (tiers-temps or a fixed duration) granted to a disabled
//! candidate: the one place that says which slots it applies to and how
//! long a candidate really has for each. `check` and the views use it; a
//! planner can too.

use crate::model::{Candidat, Creneau, NatureCreneau, Time};

/// Whether a candidate's extra time applies to a slot: the tests
/// (`nature: epreuve`) they take; interviews keep their length.
pub fn applies(c: &Candidat, slot: &Creneau) -> bool {
    slot.nature == NatureCreneau::Epreuve && slot.has_candidat(&c.id.value)
}

/// The extra minutes a candidate has in a slot (0 when none applies).
pub fn extra_minutes(c: &Candidat, slot: &Creneau) -> u16 {
    if slot.has_candidat(&c.id.value) {
        extra_for(c, slot.nature, slot.minutes())
    } else {
        0
    }
}

/// The extra minutes a candidate has for a test of this nature and length
/// (0 when none applies): what a planner gives them before the slot exists.
pub fn extra_for(c: &Candidat, nature: NatureCreneau, minutes: u16) -> u16 {
    let extra = c
        .amenagement
        .as_ref()
        .and_then(|a| a.value.temps_supplementaire);
    match extra {
        Some(extra) if nature == NatureCreneau::Epreuve => extra.for_duration(minutes),
        _ => 0,
    }
}

/// How long a candidate really has for a slot, in minutes: its length plus
/// their extra time.
pub fn real_minutes(c: &Candidat, slot: &Creneau) -> u16 {
    slot.minutes() + extra_minutes(c, slot)
}

/// The time a candidate really finishes a slot (may pass midnight's count
/// of minutes; `check` reports a day that cannot hold it).
pub fn real_end(c: &Candidat, slot: &Creneau) -> Time {
    Time(slot.debut.value.0 + real_minutes(c, slot))
}

/// "2 h 00", "1 h 30", "40 min": a length as every document prints it (the
/// ministry's typical timetable), in one form.
pub fn duration_hm(minutes: u16) -> String {
    match (minutes / 60, minutes % 60) {
        (0, m) => format!("{m}\u{a0}min"),
        (h, m) => format!("{h}\u{a0}h\u{a0}{m:02}"),
    }
}
