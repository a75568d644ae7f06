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
    /// The day the rule gives, when it is not a working day and the
    /// deadline was moved to the working day before.
    pub moved_from: Option<Date>,
}

/// Every deadline, in time order. The three-month step takes the stricter
/// of « 3 mois » (guide) and « 91 jours » (webinar); a step that falls on a
/// Saturday, a Sunday or a public holiday moves to the working day before
/// (the five-year archive period is a date to keep until, not to act by).
pub fn deadlines(s: &Session) -> Vec<Deadline> {
    let (debut, fin) = (s.session.debut.value, s.session.fin.value);
    let mut all: Vec<Deadline> = [
        ("creation", debut.plus_months(-3).min(debut.plus_days(-91))),
        ("sujets", debut.plus_days(-30)),
        ("convocations", debut.plus_months(-1)),
        ("affichage", debut.plus_days(-1)),
        ("pv", fin.plus_days(15)),
    ]
    .into_iter()
    .map(|(key, date)| {
        let working = working_day_on_or_before(date);
        Deadline {
            key,
            date: working,
            moved_from: (working != date).then_some(date),
        }
    })
    .chain([Deadline {
        key: "archives",
        date: fin.plus_years(5),
        moved_from: None,
    }])
    .collect();
    all.sort_by_key(|d| d.date);
    all
}

/// The day itself if it is a working day, else the working day before.
pub fn working_day_on_or_before(mut day: Date) -> Date {
    while !is_working_day(day) {
        day = day.plus_days(-1);
    }
    day
}

/// Neither a Saturday, a Sunday nor a public holiday.
pub fn is_working_day(day: Date) -> bool {
    use chrono::{Datelike, Weekday};
    !matches!(day.0.weekday(), Weekday::Sat | Weekday::Sun) && public_holiday(day).is_none()
}

/// The French public holiday (code du travail, art. L3133-1) on that day,
/// by its key in `templates/echeancier.j2`, if any.
pub fn public_holiday(day: Date) -> Option<&'static str> {
    use chrono::Datelike;
    let fixed = match (day.0.month(), day.0.day()) {
        (1, 1) => Some("jour_de_l_an"),
        (5, 1) => Some("fete_du_travail"),
        (5, 8) => Some("victoire_1945"),
        (7, 14) => Some("fete_nationale"),
        (8, 15) => Some("assomption"),
        (11, 1) => Some("toussaint"),
        (11, 11) => Some("armistice"),
        (12, 25) => Some("noel"),
        _ => None,
    };
    let easter = easter_sunday(day.0.year());
    fixed.or(match (day.0 - easter.0).num_days() {
        1 => Some("lundi_de_paques"),
        39 => Some("ascension"),
        50 => Some("lundi_de_pentecote"),
        _ => None,
    })
}

/// Easter Sunday of a Gregorian year (the anonymous algorithm of Meeus,
/// Jones and Butcher).
fn easter_sunday(year: i32) -> Date {
    let a = year % 19;
    let (b, c) = (year / 100, year % 100);
    let (d, e) = (b / 4, b % 4);
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let (i, k) = (c / 4, c % 4);
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    let date = chrono::NaiveDate::from_ymd_opt(year, month as u32, day as u32);
    Date(date.expect("Easter is a calendar day"))
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
    Ok(moved.iter().map(|d| d.key).zip(lines).collect())
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
        let mut rule = labels.get(&format!("{}_regle", d.key))?;
        if let Some(note) = moved_notes.get(&d.key) {
            rule = format!("{rule} ; {note}");
        }
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
        let find = |key: &str| *d.iter().find(|x| x.key == key).unwrap();
        let date = |key: &str| fr::long_date(find(key).date);
        assert_eq!(date("convocations"), "vendredi 11 décembre 2026");
        assert_eq!(date("pv"), "mercredi 27 janvier 2027");
        // 3 months before Monday 11 January is Sunday 11 October (stricter
        // than 91 days, Monday 12 October): moved to the Friday before.
        assert_eq!(date("creation"), "vendredi 9 octobre 2026");
        assert_eq!(
            fr::long_date(find("creation").moved_from.unwrap()),
            "dimanche 11 octobre 2026"
        );
        assert_eq!(date("sujets"), "vendredi 11 décembre 2026");
        // Posted on Friday for a Monday session.
        assert_eq!(date("affichage"), "vendredi 8 janvier 2027");
        assert_eq!(find("convocations").moved_from, None);
        assert_eq!(date("archives"), "lundi 12 janvier 2032");
    }

    #[test]
    fn public_holidays_of_france() {
        let day = |s: &str| Date(chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap());
        assert_eq!(easter_sunday(2027), day("2027-03-28"));
        assert_eq!(easter_sunday(2024), day("2024-03-31"));
        assert_eq!(easter_sunday(2025), day("2025-04-20"));
        assert_eq!(public_holiday(day("2027-03-29")), Some("lundi_de_paques"));
        assert_eq!(public_holiday(day("2027-05-06")), Some("ascension"));
        assert_eq!(
            public_holiday(day("2027-05-17")),
            Some("lundi_de_pentecote")
        );
        assert_eq!(public_holiday(day("2026-11-11")), Some("armistice"));
        assert_eq!(public_holiday(day("2027-03-30")), None);
        // Easter Monday 2027, then the weekend: back to Friday 26 March.
        assert_eq!(
            working_day_on_or_before(day("2027-03-29")),
            day("2027-03-26")
        );
        // 1 and 8 May 2026 are Fridays: Thursday 7 May for the 8th.
        assert_eq!(
            working_day_on_or_before(day("2026-05-08")),
            day("2026-05-07")
        );
    }
}
