//! Adapted exam conditions (aménagement des épreuves) of a disabled
//! candidate: a plain text as before, or a description with the extra time
//! granted (`tiers_temps` or a duration `"HH:MM"`).

use std::fmt;

use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, Visitor};

use super::values::{Scalar, parse_time};

/// The adapted conditions granted to a candidate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Amenagement {
    /// What is granted, as printed.
    pub description: String,
    /// Extra time on the written tests, if granted.
    pub temps_supplementaire: Option<TempsSupplementaire>,
}

/// Extra time on a test.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TempsSupplementaire {
    /// One third of the test's duration, rounded up to the minute.
    TiersTemps,
    /// A fixed number of minutes (written `"HH:MM"`).
    Minutes(u16),
}

impl TempsSupplementaire {
    /// The extra minutes for a test of `minutes`.
    pub fn for_duration(self, minutes: u16) -> u16 {
        match self {
            TempsSupplementaire::TiersTemps => minutes.div_ceil(3),
            TempsSupplementaire::Minutes(m) => m,
        }
    }
}

impl<'de> Deserialize<'de> for TempsSupplementaire {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(Scalar {
            expecting: "« tiers_temps » ou une durée \"HH:MM\"",
            read: |v| match v.trim() {
                "tiers_temps" => Ok(TempsSupplementaire::TiersTemps),
                other => parse_time(other)
                    .filter(|t| t.0 > 0)
                    .map(|t| TempsSupplementaire::Minutes(t.0))
                    .ok_or_else(|| format!("« {v} » n'est pas un temps supplémentaire\u{a0}: écrivez « tiers_temps » ou une durée \"HH:MM\" (par exemple \"00:30\")")),
            },
            number: |v| {
                Err(format!("le temps supplémentaire a été lu comme le nombre {v} : écrivez « tiers_temps » ou une durée entre guillemets, \"HH:MM\" (par exemple \"00:30\")"))
            },
        })
    }
}

/// The written form with keys.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Detailed {
    description: String,
    temps_supplementaire: Option<TempsSupplementaire>,
}

impl<'de> Deserialize<'de> for Amenagement {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct AmenagementVisitor;
        impl<'de> Visitor<'de> for AmenagementVisitor {
            type Value = Amenagement;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("un texte, ou description et temps_supplementaire")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Amenagement, E> {
                Ok(Amenagement {
                    description: v.to_owned(),
                    temps_supplementaire: None,
                })
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Amenagement, A::Error> {
                let d = Detailed::deserialize(de::value::MapAccessDeserializer::new(map))?;
                Ok(Amenagement {
                    description: d.description,
                    temps_supplementaire: d.temps_supplementaire,
                })
            }
        }
        deserializer.deserialize_any(AmenagementVisitor)
    }
}
