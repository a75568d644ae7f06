//! A juror's attestation de présence, for their employer: one per juror
//! who sat, once the results show that the jury sat; the days and hours
//! of their slots.

use minijinja::{Value, context};

use super::{Composed, Composer, Content, Staff, paperwork, shared};
use crate::error::Error;
use crate::plan::PersonView;

/// One attestation per juror taking part, none before the results.
pub fn each(ctx: &Composer) -> Result<Vec<Composed>, Error> {
    if !ctx.plan.candidates.iter().any(|c| c.decision.is_some()) {
        return Ok(Vec::new());
    }
    ctx.one_per_staff(Staff::Jure, |j| content(ctx, j))
}

/// A day the juror sat: its date and the hours from their first slot to
/// the end of their last.
#[derive(serde::Serialize)]
struct Day<'a> {
    jour: &'a str,
    debut: &'a str,
    fin: &'a str,
    #[serde(skip)]
    minutes_fin: u16,
}

fn content(ctx: &Composer, j: &PersonView) -> Result<Content, Error> {
    let slots = ctx.plan.juror_slots(&j.id);
    let mut days: Vec<Day> = Vec::new();
    for s in slots {
        match days.last_mut() {
            Some(d) if d.jour == s.jour => {
                if s.minutes_fin > d.minutes_fin {
                    d.fin = &s.fin;
                    d.minutes_fin = s.minutes_fin;
                }
            }
            _ => days.push(Day {
                jour: &s.jour,
                debut: &s.debut,
                fin: &s.fin,
                minutes_fin: s.minutes_fin,
            }),
        }
    }
    let extra = context! { j => Value::from_serialize(j), jours => Value::from_serialize(&days) };
    shared::content(ctx, extra, paperwork::attestation)
}
