//! The `echeancier` command's table of the regulatory deadlines and the
//! notes on moved ones (the deadlines themselves: [`crate::deadlines`]).

use crate::error::Error;
use minijinja::Value;

use crate::compose::EcheancierLabels as Labels;
use crate::deadlines::{Deadline, deadlines, public_holiday};
use crate::fr;
use crate::model::{Date, Session};
use crate::wording::Wording;

/// The marks of past deadlines in the command's table, from the block
/// `libelles` of `echeancier.j2` (its steps: [`Labels`]).
#[derive(serde::Deserialize)]
struct Marks {
    passee: String,
    aujourdhui: String,
}

/// The moved deadlines for the templates: the day the rule gave, and the
/// holiday's key when it was one.
pub fn moved_context(all: &[Deadline]) -> Value {
    let moved: Vec<Value> = all
        .iter()
        .filter_map(|d| d.moved_from)
        .map(|day| {
            minijinja::context! {
                jour => fr::long_date(day),
                ferie => public_holiday(day),
            }
        })
        .collect();
    Value::from(moved)
}

/// For each deadline moved to a working day, the sentence that says so
/// (template block `avancees`, one line per moved deadline in time order).
pub fn moved_notes(
    t: &mut crate::wording::Texts,
    all: &[Deadline],
) -> Result<std::collections::HashMap<&'static str, String>, Error> {
    let moved: Vec<&Deadline> = all.iter().filter(|d| d.moved_from.is_some()).collect();
    let lines = t.lines("avancees")?;
    Ok(moved.iter().map(|d| d.key()).zip(lines).collect())
}

/// The deadlines as printed by the command, past ones marked against `today`.
pub fn table_text(s: &Session, today: Date) -> Result<String, Error> {
    let plan = crate::plan::Plan::new(s);
    let context = minijinja::context! {
        s => Value::from_serialize(&plan.facts),
        aujourdhui => fr::long_date(today),
        avancees => moved_context(&deadlines(s)),
    };
    let (heading, labels, marks, moved_notes) =
        Wording::new(None)?.with("echeancier", context, |t| {
            Ok((
                t.text("commande")?,
                t.labels_as::<Labels>("libelles")?,
                t.labels_as::<Marks>("libelles")?,
                moved_notes(t, &deadlines(s))?,
            ))
        })?;
    let mut out = format!("{heading}\n\n");
    for d in deadlines(s) {
        let mark = if d.date < today {
            marks.passee.as_str()
        } else if d.date == today {
            marks.aujourdhui.as_str()
        } else {
            ""
        };
        let (step, rule) = labels.step(d.step);
        let rule = match moved_notes.get(&d.key()) {
            Some(note) => format!("{rule} ; {note}"),
            None => rule.to_owned(),
        };
        out.push_str(&format!(
            "{mark:<11} {:<28} {step} ({rule})\n",
            fr::long_date(d.date),
        ));
    }
    Ok(out)
}
