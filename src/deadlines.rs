//! The regulatory deadlines of a session, computed from its dates, each
//! delay stated once: shared by the check of the file, the `echeancier`
//! document and command, and the letters that quote a deadline.

use crate::model::{Date, Session};

/// The convocation goes out at least this many months before the first day
/// (règlement général des sessions d'examen, arrêté du 21 juillet 2016).
pub const CONVOCATION_MONTHS_BEFORE: i32 = 1;
/// The session's PVs reach the DDETS within this many days of its end.
pub const PV_DAYS_AFTER: i64 = 15;
/// The exams service is called when the exam pli has not come this many
/// days (4 weeks) before the first day (guide de préparation, document
/// 002; the subjects themselves are asked for with the session's creation).
pub const PLI_DAYS_BEFORE: i64 = 28;
/// The session is created in the ministry's system three months and at
/// least this many days before the first day (the stricter of the two).
pub const CREATION_DAYS_BEFORE: i64 = 91;
/// The evaluation grids and ECF booklets are kept this many years.
pub const ARCHIVE_YEARS: i32 = 5;

/// The latest day the convocations may go out for a session starting `debut`.
pub fn convocations_by(debut: Date) -> Date {
    debut.plus_months(-CONVOCATION_MONTHS_BEFORE)
}

/// What a deadline is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::IntoStaticStr)]
#[strum(serialize_all = "lowercase")]
pub enum Step {
    /// The session created in the ministry's system, tests asked for.
    Creation,
    /// The exam pli not received yet: the exams service called.
    Sujets,
    /// The convocations sent.
    Convocations,
    /// The timetable posted in the hall.
    Affichage,
    /// The PVs sent to the authority.
    Pv,
    /// The grids and booklets kept until.
    Archives,
}

impl Step {
    /// Its label key in `templates/echeancier.j2` (and the key the other
    /// templates name it by).
    pub fn key(self) -> &'static str {
        self.into()
    }
}

/// One deadline: what it is for and its date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Deadline {
    pub step: Step,
    pub date: Date,
    /// The day the rule gives, when it is not a working day and the
    /// deadline was moved to the working day before.
    pub moved_from: Option<Date>,
}

impl Deadline {
    /// Its step's label key.
    pub fn key(&self) -> &'static str {
        self.step.key()
    }
}

/// Every deadline, in time order. The three-month step takes the stricter
/// of « 3 mois » (guide) and « 91 jours » (webinar); a step that falls on a
/// Saturday, a Sunday or a public holiday moves to the working day before
/// (the five-year archive period is a date to keep until, not to act by).
pub fn deadlines(s: &Session) -> Vec<Deadline> {
    let (debut, fin) = (s.session.debut.value, s.session.fin.value);
    let mut all: Vec<Deadline> = [
        (
            Step::Creation,
            debut
                .plus_months(-3)
                .min(debut.plus_days(-CREATION_DAYS_BEFORE)),
        ),
        (Step::Sujets, debut.plus_days(-PLI_DAYS_BEFORE)),
        (Step::Convocations, convocations_by(debut)),
        (Step::Affichage, debut.plus_days(-1)),
        (Step::Pv, fin.plus_days(PV_DAYS_AFTER)),
    ]
    .into_iter()
    .map(|(step, date)| {
        let working = working_day_on_or_before(date);
        Deadline {
            step,
            date: working,
            moved_from: (working != date).then_some(date),
        }
    })
    .chain([Deadline {
        step: Step::Archives,
        date: fin.plus_years(ARCHIVE_YEARS),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deadlines_of_the_reference_session() {
        let text = include_str!("../fixtures/secretaire-comptable.yaml");
        let source = crate::load::Source::from_text("s.yaml", text);
        let session = crate::load::parse(&source).unwrap();
        let d = deadlines(&session);
        let find = |key: &str| *d.iter().find(|x| x.key() == key).unwrap();
        let date = |key: &str| crate::fr::long_date(find(key).date);
        assert_eq!(date("convocations"), "vendredi 11 décembre 2026");
        assert_eq!(date("pv"), "mercredi 27 janvier 2027");
        // 3 months before Monday 11 January is Sunday 11 October (stricter
        // than 91 days, Monday 12 October): moved to the Friday before.
        assert_eq!(date("creation"), "vendredi 9 octobre 2026");
        assert_eq!(
            crate::fr::long_date(find("creation").moved_from.unwrap()),
            "dimanche 11 octobre 2026"
        );
        // 4 weeks before Monday 11 January.
        assert_eq!(date("sujets"), "lundi 14 décembre 2026");
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

    /// Every embedded template's text, by file name.
    fn templates() -> Vec<(String, String)> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("templates");
        std::fs::read_dir(dir)
            .unwrap()
            .flatten()
            .filter(|e| e.path().extension().is_some_and(|x| x == "j2"))
            .map(|e| {
                let text = std::fs::read_to_string(e.path()).unwrap();
                (e.file_name().to_string_lossy().into_owned(), text)
            })
            .collect()
    }

    /// The number written just before `unit` each time it occurs.
    fn numbers_before(text: &str, unit: &str) -> Vec<i64> {
        text.match_indices(unit)
            .filter_map(|(at, _)| {
                let word = text[..at].split_whitespace().last()?;
                let word = word
                    .trim_start_matches(['(', '\''])
                    .trim_start_matches("d'");
                match word {
                    "un" => Some(1),
                    "trois" => Some(3),
                    n => n.parse().ok(),
                }
            })
            .collect()
    }

    #[test]
    fn the_templates_state_the_delays_of_the_code() {
        let mut seen = (0, 0);
        for (name, text) in templates() {
            let within = text.match_indices("dans les ").filter_map(|(at, _)| {
                let rest = &text[at + 9..];
                let (n, rest) = rest.split_once(' ')?;
                rest.starts_with("jours").then(|| n.parse::<i64>().ok())?
            });
            for n in within {
                assert_eq!(n, PV_DAYS_AFTER, "{name}: the PV delay");
                seen.0 += 1;
            }
            for n in numbers_before(&text, " mois avant") {
                let creation = CREATION_DAYS_BEFORE / 30;
                assert!(
                    n == i64::from(CONVOCATION_MONTHS_BEFORE) || n == creation,
                    "{name}: « {n} mois avant » is no delay of the code"
                );
                seen.1 += 1;
            }
            for n in numbers_before(&text, " semaines avant") {
                assert_eq!(n * 7, PLI_DAYS_BEFORE, "{name}: the pli's delay");
            }
            for n in numbers_before(&text, " jours)") {
                assert_eq!(n, CREATION_DAYS_BEFORE, "{name}: the creation delay");
            }
        }
        assert!(
            seen.0 >= 4 && seen.1 >= 4,
            "delays found in the templates: {seen:?}"
        );
    }
}
