//! The values of the session file that are more than text: dates, times
//! (an unquoted `08:30` included) and id lists or `tous`, each read with a
//! French message when it is malformed.

use std::fmt;

use chrono::NaiveDate;
use serde::Deserialize;
use serde::de::{self, Deserializer, SeqAccess, Visitor};

use super::At;

/// A list of ids, or `tous` (everyone).
#[derive(Debug)]
pub enum Selection {
    Tous,
    Ids(Vec<At<String>>),
}

impl Selection {
    /// The ids written, empty for `tous`.
    pub fn ids(&self) -> &[At<String>] {
        match self {
            Selection::Tous => &[],
            Selection::Ids(ids) => ids,
        }
    }

    /// Whether `id` is selected (always true for `tous`).
    pub fn contains(&self, id: &str) -> bool {
        match self {
            Selection::Tous => true,
            Selection::Ids(ids) => ids.iter().any(|i| i.value == id),
        }
    }
}

impl<'de> Deserialize<'de> for Selection {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct SelectionVisitor;
        impl<'de> Visitor<'de> for SelectionVisitor {
            type Value = Selection;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("une liste d'identifiants ou « tous »")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Selection, E> {
                match v {
                    "tous" => Ok(Selection::Tous),
                    other => Err(E::custom(format!(
                        "« {other} » n'est pas une liste\u{a0}: écrivez « tous » ou une liste d'identifiants entre crochets, par exemple [{other}]"
                    ))),
                }
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Selection, A::Error> {
                let mut ids = Vec::new();
                while let Some(id) = seq.next_element::<At<String>>()? {
                    ids.push(id);
                }
                Ok(Selection::Ids(ids))
            }
        }
        deserializer.deserialize_any(SelectionVisitor)
    }
}

/// A calendar day, written `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(pub NaiveDate);

impl Date {
    /// Today, on this computer's clock.
    pub fn today() -> Date {
        Date(chrono::Local::now().date_naive())
    }

    /// The day `days` calendar days later (negative: earlier).
    pub fn plus_days(self, days: i64) -> Date {
        Date(self.0 + chrono::Duration::days(days))
    }

    /// The same day `months` months later (clamped to the month's end).
    pub fn plus_months(self, months: i32) -> Date {
        let d = self.0;
        let shifted = if months >= 0 {
            d.checked_add_months(chrono::Months::new(months.unsigned_abs()))
        } else {
            d.checked_sub_months(chrono::Months::new(months.unsigned_abs()))
        };
        Date(shifted.unwrap_or(d))
    }

    /// The same day `years` years later.
    pub fn plus_years(self, years: i32) -> Date {
        self.plus_months(years * 12)
    }

    /// The day written `YYYY-MM-DD`, or what is wrong with the text.
    fn parse(text: &str) -> Result<Date, String> {
        let v = text.trim();
        let well_formed = v.len() == 10
            && v.bytes().enumerate().all(|(i, b)| match i {
                4 | 7 => b == b'-',
                _ => b.is_ascii_digit(),
            });
        if !well_formed {
            return Err(not_a_date(&v));
        }
        NaiveDate::parse_from_str(v, "%Y-%m-%d")
            .map(Date)
            .map_err(|_| format!("« {v} » n'est pas une date du calendrier"))
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "{}", self.0.format("%Y-%m-%d"))
    }
}

impl serde::Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_string())
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(Scalar {
            expecting: "une date AAAA-MM-JJ",
            read: Date::parse,
            number: |v| Err(not_a_date(v)),
        })
    }
}

/// What is wrong with a text or number that is not written `YYYY-MM-DD`.
fn not_a_date(v: &dyn fmt::Display) -> String {
    format!("« {v} » n'est pas une date au format attendu AAAA-MM-JJ (par exemple 2027-01-11)")
}

/// A time of day, written `"HH:MM"` (24 h), kept as minutes since midnight.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Time(pub u16);

impl Time {
    /// Builds a time from hours and minutes.
    pub fn hm(h: u16, m: u16) -> Time {
        Time(h * 60 + m)
    }
    /// Hours part.
    pub fn hours(self) -> u16 {
        self.0 / 60
    }
    /// Minutes part.
    pub fn minutes(self) -> u16 {
        self.0 % 60
    }
}

impl fmt::Display for Time {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "{:02}:{:02}", self.hours(), self.minutes())
    }
}

impl<'de> Deserialize<'de> for Time {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(Scalar {
            expecting: "une heure \"HH:MM\"",
            read: |v| {
                parse_time(v.trim()).ok_or_else(|| {
                    format!("« {v} » n'est pas une heure au format attendu \"HH:MM\" (par exemple \"08:30\")")
                })
            },
            number: |v| {
                Err(format!("l'heure a été lue comme le nombre {v} : écrivez-la entre guillemets, au format attendu \"HH:MM\" (par exemple \"08:30\")"))
            },
        })
    }
}

/// `H:MM` or `HH:MM`, from 00:00 to 23:59.
pub(super) fn parse_time(v: &str) -> Option<Time> {
    let (h, m) = v.split_once(':')?;
    if h.is_empty() || h.len() > 2 || m.len() != 2 {
        return None;
    }
    let h: u16 = h.parse().ok()?;
    let m: u16 = m.parse().ok()?;
    (h < 24 && m < 60).then(|| Time::hm(h, m))
}

/// The visitor of a value written as one scalar (a date, a time, a text),
/// with its French messages.
pub(super) struct Scalar<T> {
    /// What is expected, as said when something else is written.
    pub expecting: &'static str,
    /// The value a text names, or what is wrong with it.
    pub read: fn(&str) -> Result<T, String>,
    /// The value of a number given instead (by a deserializer that types
    /// its scalars), or what is wrong with it.
    pub number: fn(&dyn fmt::Display) -> Result<T, String>,
}

impl<T> Visitor<'_> for Scalar<T> {
    type Value = T;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(self.expecting)
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<T, E> {
        (self.read)(v).map_err(E::custom)
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<T, E> {
        (self.number)(&v).map_err(E::custom)
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<T, E> {
        (self.number)(&v).map_err(E::custom)
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<T, E> {
        (self.number)(&v).map_err(E::custom)
    }
}

/// Reads a text that a person may have written without quotes as a number
/// (a session number, an identifiant, a phone number).
pub(super) fn text<'de, D: Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
    deserializer.deserialize_str(Scalar {
        expecting: "un texte",
        read: |v| Ok(v.to_owned()),
        number: |v| Ok(v.to_string()),
    })
}

pub(super) fn opt_text<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<String>, D::Error> {
    text(deserializer).map(Some)
}
