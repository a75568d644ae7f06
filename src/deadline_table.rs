//! The `echeancier` command's table of the regulatory deadlines and the
//! notes on moved ones (the deadlines themselves: [`crate::deadlines`]).

use crate::error::Error;
use minijinja::Value;

use crate::deadlines::{Deadline, deadlines, public_holiday};
use crate::fr;
use crate::model::{Date, Session};
use crate::wording::Wording;

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
    let (heading, labels, moved_notes) = Wording::new(None)?.with("echeancier", context, |t| {
        Ok((
            t.text("commande")?,
            t.labels("libelles")?,
            moved_notes(t, &deadlines(s))?,
        ))
    })?;
    let mut out = format!("{heading}\n\n");
    for d in deadlines(s) {
        let mark = if d.date < today {
            labels.get("passee")?
        } else if d.date == today {
            labels.get("aujourdhui")?
        } else {
            String::new()
        };
        let mut rule = labels.get(&format!("{}_regle", d.key()))?;
        if let Some(note) = moved_notes.get(&d.key()) {
            rule = format!("{rule} ; {note}");
        }
        out.push_str(&format!(
            "{mark:<11} {:<28} {} ({rule})\n",
            fr::long_date(d.date),
            labels.get(d.key())?
        ));
    }
    Ok(out)
}
