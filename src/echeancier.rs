//! The regulatory deadlines of a session, computed from its dates: shared
//! by the `echeancier` document and the `echeancier` command.

use crate::error::Error;
use minijinja::Value;

use crate::fr;
use crate::model::{Date, Session};
use crate::wording::Wording;

/// One deadline: its label key in `templates/echeancier.j2` and its date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Deadline {
    pub key: &'static str,
    pub date: Date,
}

/// Every deadline, in time order.
pub fn deadlines(s: &Session) -> Vec<Deadline> {
    let (debut, fin) = (s.session.debut.value, s.session.fin.value);
    let mut all: Vec<Deadline> = [
        ("creation", debut.plus_days(-91)),
        ("sujets", debut.plus_days(-30)),
        ("convocations", debut.plus_months(-1)),
        ("affichage", debut.plus_days(-1)),
        ("pv", fin.plus_days(15)),
        ("archives", fin.plus_years(5)),
    ]
    .into_iter()
    .map(|(key, date)| Deadline { key, date })
    .collect();
    all.sort_by_key(|d| d.date);
    all
}

/// The deadlines as printed by the command, past ones marked against `today`.
pub fn table_text(s: &Session, today: Date) -> Result<String, Error> {
    let plan = crate::plan::Plan::new(s);
    let context = minijinja::context! {
        s => Value::from_serialize(&plan.facts),
        aujourdhui => fr::long_date(today),
    };
    let (heading, labels) = Wording::new(None)?.with("echeancier", context, |t| {
        Ok((t.text("commande")?, t.labels("libelles")?))
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
        let rule = labels.get(&format!("{}_regle", d.key))?;
        out.push_str(&format!(
            "{mark:<11} {:<28} {} ({rule})\n",
            fr::long_date(d.date),
            labels.get(d.key)?
        ));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deadlines_of_the_reference_session() {
        let text = include_str!("../fixtures/secretaire-comptable.yaml");
        let source = crate::load::Source::from_text("s.yaml", text);
        let session = crate::load::parse(&source).unwrap();
        let d = deadlines(&session);
        let date = |key: &str| fr::long_date(d.iter().find(|x| x.key == key).unwrap().date);
        assert_eq!(date("convocations"), "vendredi 11 décembre 2026");
        assert_eq!(date("pv"), "mercredi 27 janvier 2027");
        assert_eq!(date("creation"), "lundi 12 octobre 2026");
        assert_eq!(date("sujets"), "samedi 12 décembre 2026");
        assert_eq!(date("affichage"), "dimanche 10 janvier 2027");
        assert_eq!(date("archives"), "lundi 12 janvier 2032");
    }
}
