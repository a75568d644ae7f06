//! The référentiel's tests and the organisation of the days (`epreuves`,
//! `organisation`, `disponibilites`, `places`): what `planifier` needs to
//! be able to build a timetable.

use std::fmt::Display;

use super::{Known, at, indexed, known};
use crate::diag::Diagnostic;
use crate::fr;
use crate::model::{At, Duree, Encadrement, Epreuve, NatureCreneau, Passage, Session};

/// Each test names known rooms, a nature that is a test, a length and a
/// group size that are not zero, and a surveillant when it needs one.
pub fn tests_are_well_formed(s: &Session, out: &mut Vec<Diagnostic>) {
    let salles = Known::new(s.salles.iter().map(|r| &r.id), "la salle", "salles");
    for (i, e) in s.epreuves.iter().enumerate() {
        if !matches!(
            e.nature.value,
            NatureCreneau::Epreuve | NatureCreneau::Entretien | NatureCreneau::EntretienFinal
        ) {
            out.push(
                test_error(i, e, "nature", &e.nature, "n'a pas la nature d'une épreuve")
                    .help("nature d'une épreuve\u{a0}: epreuve, entretien ou entretien_final (accueil, briefing, correction, délibération et pause sont prévus par planifier)"),
            );
        }
        if e.duree.value.0 == 0 {
            out.push(
                test_error(i, e, "duree", &e.duree, "dure 0 minute")
                    .help("écrivez sa durée \"HH:MM\", par exemple \"00:45\""),
            );
        }
        if e.passage.value == Passage::Groupes(0) {
            out.push(
                test_error(i, e, "passage", &e.passage, "passe par groupes de 0 candidat")
                    .help("écrivez ensemble, individuel, ou un nombre de candidats par groupe d'au moins 1"),
            );
        }
        if e.salles.value.is_empty() {
            out.push(
                test_error(i, e, "salles", &e.salles, "ne nomme aucune salle").help(format!(
                    "salles connues\u{a0}: {}",
                    known(salles.ids.iter().copied())
                )),
            );
        }
        salles.resolve(
            out,
            &format!("epreuves[{i}].salles"),
            indexed(&e.salles.value),
        );
        if e.encadrement.value == Encadrement::Surveillant && s.surveillants.is_empty() {
            out.push(
                test_error(i, e, "encadrement", &e.encadrement, "est encadrée par un surveillant, mais la session n'en a aucun")
                    .help("ajoutez un surveillant sous « surveillants: » ou écrivez « encadrement: jury »"),
            );
        }
    }
}

/// A test taken by everyone at once fits in the seats of its rooms.
pub fn collective_tests_have_seats(s: &Session, out: &mut Vec<Diagnostic>) {
    let n = s.candidats.value.len();
    for (i, e) in s.epreuves.iter().enumerate() {
        if e.passage.value != Passage::Ensemble {
            continue;
        }
        let seats: Option<u32> = e
            .salles
            .value
            .iter()
            .map(|r| {
                s.salle(&r.value)
                    .and_then(|room| room.places.as_ref().map(|p| p.value))
            })
            .sum();
        if let Some(seats) = seats
            && (seats as usize) < n
        {
            out.push(
                test_error(i, e, "passage", &e.passage, format!("réunit les {n} candidats, mais ses salles n'ont que {seats} places"))
                    .help("ajoutez une salle à « salles: » de l'épreuve, ou faites-la passer par groupes (passage: N)"),
            );
        }
    }
    for (i, room) in s.salles.iter().enumerate() {
        if let Some(p) = room.places.as_ref().filter(|p| p.value == 0) {
            out.push(
                Diagnostic::error(
                    format!("salles[{i}].places"),
                    at(p),
                    format!("la salle « {} » a 0 place", room.id.value),
                )
                .help("écrivez le nombre de places assises, ou retirez « places: »"),
            );
        }
    }
}

/// `horaires` and `dejeuner` are two times in order, `pause_jury` two
/// lengths, and the day is long enough for each test.
pub fn the_day_holds_every_test(s: &Session, out: &mut Vec<Diagnostic>) {
    let Some(org) = &s.organisation else {
        return window_holds_tests(s, out);
    };
    for (key, value) in [("horaires", &org.horaires), ("dejeuner", &org.dejeuner)] {
        let Some(v) = value else { continue };
        let path = format!("organisation.{key}");
        match v.value.as_slice() {
            [a, b] if a.value < b.value => {}
            [_, b] => out.push(
                Diagnostic::error(
                    format!("{path}[1]"),
                    at(b),
                    format!("« {key} » finit avant de commencer"),
                )
                .help("écrivez le début puis la fin, par exemple [\"08:00\", \"18:00\"]"),
            ),
            _ => out.push(
                Diagnostic::error(
                    &path,
                    at(v),
                    format!(
                        "« {key} » doit avoir deux heures, le début et la fin (il en a {})",
                        v.value.len()
                    ),
                )
                .help("par exemple [\"12:00\", \"13:00\"]"),
            ),
        }
    }
    if let Some(v) = &org.pause_jury
        && v.value.len() != 2
    {
        out.push(
            Diagnostic::error(
                "organisation.pause_jury",
                at(v),
                format!(
                    "« pause_jury » doit avoir deux durées, les évaluations d'affilée au plus puis la pause (il en a {})",
                    v.value.len()
                ),
            )
            .help("par exemple [\"03:00\", \"00:15\"]\u{a0}: 3 heures d'évaluations au plus, puis 15 minutes de pause"),
        );
    }
    window_holds_tests(s, out);
}

/// Each test fits in the day's window (said at the test's length).
fn window_holds_tests(s: &Session, out: &mut Vec<Diagnostic>) {
    let (start, end) = s
        .organisation
        .as_ref()
        .map_or(crate::model::Organisation::default().horaires(), |o| {
            o.horaires()
        });
    let window = end.0.saturating_sub(start.0);
    for (i, e) in s.epreuves.iter().enumerate() {
        let Duree(length) = e.duree.value;
        if length > window && window > 0 {
            out.push(
                test_error(
                    i,
                    e,
                    "duree",
                    &e.duree,
                    format!(
                        "dure {}, plus que la journée ({} de {} à {})",
                        fr::duration(length),
                        fr::duration(window),
                        fr::time(start),
                        fr::time(end)
                    ),
                )
                .help("allongez les horaires (organisation.horaires) ou corrigez la durée"),
            );
        }
    }
}

/// An error at the key `key` of the `i`th test, said of the test by its
/// title: « l'épreuve « … » {what} ».
fn test_error<T>(
    i: usize,
    e: &Epreuve,
    key: &str,
    value: &At<T>,
    what: impl Display,
) -> Diagnostic {
    Diagnostic::error(
        format!("epreuves[{i}].{key}"),
        at(value),
        format!("l'épreuve « {} » {what}", e.intitule),
    )
}

/// A juror's days of availability are days of the session.
pub fn availabilities_are_session_days(s: &Session, out: &mut Vec<Diagnostic>) {
    let (debut, fin) = (s.session.debut.value, s.session.fin.value);
    for (i, j) in s.jures.value.iter().enumerate() {
        for (k, day) in j.disponibilites.iter().flatten().enumerate() {
            if day.value < debut || day.value > fin {
                out.push(
                    Diagnostic::error(
                        format!("jures[{i}].disponibilites[{k}]"),
                        at(day),
                        format!(
                            "le juré « {} » est disponible le {}, hors des jours de la session",
                            j.id.value,
                            fr::long_date(day.value)
                        ),
                    )
                    .help(format!(
                        "la session va du {} au {}",
                        fr::long_date(debut),
                        fr::long_date(fin)
                    )),
                );
            }
        }
    }
}

/// A juror named in a slot can come that day (`disponibilites`).
pub fn jurors_come_on_their_days(s: &Session, out: &mut Vec<Diagnostic>) {
    for (i, slot) in s.planning.value.iter().enumerate() {
        let Some(sel) = &slot.jures else { continue };
        for (k, id) in sel.value.ids().iter().enumerate() {
            let Some(j) = s.jure(&id.value) else { continue };
            let Some(days) = &j.disponibilites else {
                continue;
            };
            if days.iter().any(|d| d.value == slot.date.value) {
                continue;
            }
            let listed: Vec<String> = days.iter().map(|d| fr::long_date(d.value)).collect();
            out.push(
                Diagnostic::error(
                    format!("planning[{i}].jures[{k}]"),
                    at(id),
                    format!(
                        "le juré « {} » est placé le {} (« {} »), jour où il n'est pas disponible",
                        id.value,
                        fr::long_date(slot.date.value),
                        slot.intitule
                    ),
                )
                .help(format!(
                    "il est disponible le {}\u{a0}: déplacez le créneau ou confiez-le à un autre juré",
                    listed.join(", ")
                )),
            );
        }
    }
}
