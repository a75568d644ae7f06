//! Extra time granted to a candidate must fit in the timetable as written.

use super::at;
use crate::diag::Diagnostic;
use crate::fr;
use crate::model::{Creneau, NatureCreneau, Session};
use crate::plan::{extra_minutes, real_end};

/// A candidate's extra time on a test does not run into their next slot,
/// nor into the next slot held in the same room.
pub fn extra_time_fits(s: &Session, out: &mut Vec<Diagnostic>) {
    let slots = &s.planning.value;
    for (ci, c) in s.candidats.value.iter().enumerate() {
        let Some(amenagement) = &c.amenagement else {
            continue;
        };
        for slot in slots.iter().filter(|slot| extra_minutes(c, slot) > 0) {
            let end = real_end(c, slot);
            let same_room = |o: &Creneau| {
                o.salle.is_some()
                    && o.salle.as_ref().map(|r| &r.value) == slot.salle.as_ref().map(|r| &r.value)
            };
            let clash = slots
                .iter()
                .filter(|o| !std::ptr::eq(*o, slot) && o.date.value == slot.date.value)
                .filter(|o| o.nature != NatureCreneau::Pause)
                .filter(|o| o.has_candidat(&c.id.value) || same_room(o))
                .filter(|o| o.debut.value >= slot.fin.value && o.debut.value < end)
                .min_by_key(|o| o.debut.value);
            let Some(next) = clash else {
                continue;
            };
            let whose = if next.has_candidat(&c.id.value) {
                "de son créneau suivant"
            } else {
                "du créneau suivant de la salle"
            };
            out.push(
                Diagnostic::error(
                    format!("candidats[{ci}].amenagement"),
                    at(amenagement),
                    format!(
                        "avec son temps supplémentaire, le candidat « {} » finit « {} » le {} à {}, après le début {whose}, « {} » ({})",
                        c.id.value,
                        slot.intitule,
                        fr::short_date(slot.date.value),
                        fr::time(end),
                        next.intitule,
                        fr::time(next.debut.value),
                    ),
                )
                .help("laissez après l'épreuve le temps supplémentaire du candidat\u{a0}: décalez le créneau suivant, ou faites-le composer dans une autre salle"),
            );
        }
    }
}

/// Words that say extra time in an `amenagement` written as plain text.
const EXTRA_TIME_WORDS: &[&str] = &[
    "tiers-temps",
    "tiers temps",
    "1/3 temps",
    "temps supplémentaire",
    "temps majoré",
    "majoration de temps",
];

/// An `amenagement` written as plain text that says extra time: no end is
/// computed from it, so every paper would print the written end.
pub fn extra_time_is_structured(s: &Session, out: &mut Vec<Diagnostic>) {
    for (ci, c) in s.candidats.value.iter().enumerate() {
        let Some(amenagement) = &c.amenagement else {
            continue;
        };
        if amenagement.value.temps_supplementaire.is_some() {
            continue;
        }
        let text = amenagement.value.description.to_lowercase();
        if !EXTRA_TIME_WORDS.iter().any(|w| text.contains(w)) {
            continue;
        }
        out.push(
            Diagnostic::warning(
                format!("candidats[{ci}].amenagement"),
                at(amenagement),
                format!(
                    "l'aménagement du candidat « {} » parle de temps supplémentaire, mais il est écrit en texte libre\u{a0}: aucun document ne donnera sa véritable heure de fin",
                    c.id.value
                ),
            )
            .help("écrivez-le sous la forme structurée\u{a0}: « description\u{a0}: » (le texte) et « temps_supplementaire\u{a0}: tiers_temps » (ou une durée, par exemple \"00:30\")"),
        );
    }
}
