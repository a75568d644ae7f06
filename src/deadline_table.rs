//! The `echeancier` command's table of the regulatory deadlines and the
//! notes on moved ones (the deadlines themselves: [`crate::deadlines`]; the
//! notes, as the document says them: [`crate::compose::moved_notes`]).

use crate::error::Error;
use minijinja::Value;

use crate::compose::EcheancierLabels as Labels;
use crate::compose::{moved_context, moved_notes};
use crate::deadlines::deadlines;
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
