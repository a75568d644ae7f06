//! The typed session file (format version 1, see `docs/format.md`).
//!
//! Every value that a check may point at is wrapped in [`Spanned`], so a
//! semantic error (an unknown juror, an overlap, an expired accreditation)
//! is reported at its own line and column.

use std::fmt;

use chrono::NaiveDate;
use serde::Deserialize;
use serde::de::{self, Deserializer, SeqAccess, Visitor};
pub use serde_saphyr::Spanned;

/// A value with the place it was written in the session file.
pub type At<T> = Spanned<T>;

/// One exam session, as written in the session file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Session {
    pub centre: Centre,
    pub autorite: Autorite,
    pub titre: Titre,
    pub session: SessionInfo,
    pub responsable: Personne,
    #[serde(default)]
    pub suppleant: Option<Personne>,
    pub jures: At<Vec<Jure>>,
    #[serde(default)]
    pub surveillants: Vec<Membre>,
    #[serde(default)]
    pub formateurs: Vec<Membre>,
    pub salles: Vec<Salle>,
    pub candidats: At<Vec<Candidat>>,
    pub planning: At<Vec<Creneau>>,
    #[serde(default)]
    pub fraudes: Vec<Fraude>,
}

/// The approved centre (centre agréé).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Centre {
    pub nom: String,
    pub site: String,
    pub adresse: Vec<String>,
    /// The town printed in « Fait à … ».
    pub ville: String,
    #[serde(default, deserialize_with = "opt_text")]
    pub telephone: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
    /// A PNG or SVG logo, relative to the session file.
    #[serde(default)]
    pub logo: Option<At<String>>,
}

/// The State service that receives the procès-verbaux.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Autorite {
    pub nom: String,
    pub adresse: Vec<String>,
}

/// The professional title and its CCP blocks.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Titre {
    pub code: At<String>,
    pub intitule: String,
    #[serde(default)]
    pub sigle: Option<String>,
    pub ccp: At<Vec<Ccp>>,
}

/// A certificat de compétences professionnelles of the title.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ccp {
    pub code: At<String>,
    pub intitule: String,
}

/// Number, kind, dates and convocation of the session.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SessionInfo {
    #[serde(deserialize_with = "text")]
    pub numero: String,
    pub nature: At<NatureSession>,
    #[serde(default)]
    pub ccp: Option<At<Vec<At<String>>>>,
    pub debut: At<Date>,
    pub fin: At<Date>,
    #[serde(default)]
    pub tenue: Option<String>,
    pub convocation: Convocation,
}

/// What the session certifies.
#[derive(Debug, Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum NatureSession {
    Titre,
    Ccp,
    Ccs,
}

/// How and when the convocations go out.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Convocation {
    pub date: At<Date>,
    pub mode: ModeConvocation,
}

/// The sending mode of the convocations.
#[derive(Debug, Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum ModeConvocation {
    /// Lettre recommandée avec accusé de réception.
    Recommande,
    /// Remise en main propre contre décharge.
    MainPropre,
}

/// Madame or Monsieur.
#[derive(Debug, Deserialize, Clone, Copy, PartialEq, Eq)]
pub enum Civilite {
    #[serde(rename = "M.")]
    M,
    #[serde(rename = "Mme")]
    Mme,
}

/// A person with no id (the responsable de session, the substitute).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Personne {
    pub civilite: Civilite,
    pub nom: String,
    pub prenom: String,
    #[serde(default, deserialize_with = "opt_text")]
    pub telephone: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
}

/// An accredited juror.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Jure {
    pub id: At<String>,
    pub civilite: Civilite,
    pub nom: String,
    pub prenom: String,
    #[serde(default, deserialize_with = "opt_text")]
    pub telephone: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
    /// The day the accreditation ends.
    pub habilitation_fin: At<Date>,
    /// The CCP codes this juror is restricted to, if any.
    #[serde(default)]
    pub ccp: Option<Vec<At<String>>>,
}

/// A surveillant or a trainer: a person with an id.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Membre {
    pub id: At<String>,
    pub civilite: Civilite,
    pub nom: String,
    pub prenom: String,
    #[serde(default, deserialize_with = "opt_text")]
    pub telephone: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
}

/// A room.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Salle {
    pub id: At<String>,
    pub nom: String,
}

/// A candidate.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Candidat {
    pub id: At<String>,
    pub civilite: Civilite,
    pub prenom: String,
    /// Birth name.
    pub nom: String,
    /// Usage (married) name.
    #[serde(default)]
    pub nom_usage: Option<String>,
    #[serde(deserialize_with = "text")]
    pub identifiant: String,
    #[serde(default)]
    pub date_naissance: Option<Date>,
    pub voie: Voie,
    pub adresse: Vec<String>,
    #[serde(default)]
    pub formateur: Option<At<String>>,
    #[serde(default)]
    pub amenagement: Option<String>,
    #[serde(default)]
    pub retard: Option<String>,
    /// The juror pair (binôme) who evaluate this candidate.
    pub jury: At<Vec<At<String>>>,
    #[serde(default)]
    pub resultat: Option<At<Resultat>>,
}

/// Access route to the title.
#[derive(Debug, Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Voie {
    Formation,
    Vae,
    Equivalence,
}

/// The jury's decision, filled in after the deliberation.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Resultat {
    pub decision: At<Decision>,
    #[serde(default)]
    pub ccp: Vec<At<String>>,
    #[serde(default)]
    pub observations: Option<String>,
}

/// The four results of the PV.
#[derive(Debug, Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    Absent,
    Reussite,
    ReussitePartielle,
    Echec,
}

/// One slot of the timetable.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Creneau {
    pub date: At<Date>,
    pub debut: At<Time>,
    pub fin: At<Time>,
    pub nature: NatureCreneau,
    pub intitule: String,
    #[serde(default)]
    pub salle: Option<At<String>>,
    #[serde(default)]
    pub candidats: Option<At<Selection>>,
    #[serde(default)]
    pub jures: Option<At<Selection>>,
    #[serde(default)]
    pub surveillants: Option<At<Selection>>,
}

/// What happens in a slot.
#[derive(Debug, Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum NatureCreneau {
    Accueil,
    Briefing,
    Epreuve,
    Entretien,
    EntretienFinal,
    Correction,
    Deliberation,
    Pause,
}

/// A fraud or attempted-fraud incident.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fraude {
    pub candidat: At<String>,
    pub date: At<Date>,
    pub heure: At<Time>,
    pub epreuve: String,
    pub faits: String,
    pub mesures: String,
    /// Surveillant or juror ids, or `responsable`.
    pub constate_par: At<Selection>,
}

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
                        "« {other} » n'est pas une liste : écrivez « tous » ou une liste d'identifiants entre crochets, par exemple [{other}]"
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
        struct DateVisitor;
        impl Visitor<'_> for DateVisitor {
            type Value = Date;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("une date AAAA-MM-JJ")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Date, E> {
                let v = v.trim();
                let well_formed = v.len() == 10
                    && v.bytes().enumerate().all(|(i, b)| match i {
                        4 | 7 => b == b'-',
                        _ => b.is_ascii_digit(),
                    });
                if !well_formed {
                    return Err(E::custom(format!(
                        "« {v} » n'est pas une date au format attendu AAAA-MM-JJ (par exemple 2027-01-11)"
                    )));
                }
                NaiveDate::parse_from_str(v, "%Y-%m-%d")
                    .map(Date)
                    .map_err(|_| E::custom(format!("« {v} » n'est pas une date du calendrier")))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Date, E> {
                Err(E::custom(format!(
                    "« {v} » n'est pas une date au format attendu AAAA-MM-JJ (par exemple 2027-01-11)"
                )))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Date, E> {
                self.visit_i64(v as i64)
            }
        }
        deserializer.deserialize_str(DateVisitor)
    }
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
        struct TimeVisitor;
        impl Visitor<'_> for TimeVisitor {
            type Value = Time;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("une heure \"HH:MM\"")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Time, E> {
                parse_time(v.trim()).ok_or_else(|| {
                    E::custom(format!(
                        "« {v} » n'est pas une heure au format attendu \"HH:MM\" (par exemple \"08:30\")"
                    ))
                })
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Time, E> {
                Err(E::custom(format!(
                    "l'heure a été lue comme le nombre {v} : écrivez-la entre guillemets, au format attendu \"HH:MM\" (par exemple \"08:30\")"
                )))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Time, E> {
                self.visit_i64(v as i64)
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Time, E> {
                Err(E::custom(format!(
                    "l'heure a été lue comme le nombre {v} : écrivez-la entre guillemets, au format attendu \"HH:MM\" (par exemple \"08:30\")"
                )))
            }
        }
        deserializer.deserialize_str(TimeVisitor)
    }
}

fn parse_time(v: &str) -> Option<Time> {
    let (h, m) = v.split_once(':')?;
    if h.is_empty() || h.len() > 2 || m.len() != 2 {
        return None;
    }
    let h: u16 = h.parse().ok()?;
    let m: u16 = m.parse().ok()?;
    (h < 24 && m < 60).then(|| Time::hm(h, m))
}

/// Reads a text that a person may have written without quotes as a number
/// (a session number, an identifiant, a phone number).
fn text<'de, D: Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
    struct TextVisitor;
    impl Visitor<'_> for TextVisitor {
        type Value = String;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("un texte")
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<String, E> {
            Ok(v.to_owned())
        }
        fn visit_i64<E: de::Error>(self, v: i64) -> Result<String, E> {
            Ok(v.to_string())
        }
        fn visit_u64<E: de::Error>(self, v: u64) -> Result<String, E> {
            Ok(v.to_string())
        }
    }
    deserializer.deserialize_str(TextVisitor)
}

fn opt_text<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<String>, D::Error> {
    text(deserializer).map(Some)
}

impl Session {
    /// The CCP codes this session covers: the title's for a titre session,
    /// those listed under `session.ccp` otherwise.
    pub fn covered_ccp(&self) -> Vec<&str> {
        match (&self.session.nature.value, &self.session.ccp) {
            (NatureSession::Titre, _) | (_, None) => self
                .titre
                .ccp
                .value
                .iter()
                .map(|c| c.code.value.as_str())
                .collect(),
            (_, Some(list)) => list.value.iter().map(|c| c.value.as_str()).collect(),
        }
    }

    /// Whether every candidate has a result (the deliberation took place).
    pub fn has_results(&self) -> bool {
        !self.candidats.value.is_empty()
            && self.candidats.value.iter().all(|c| c.resultat.is_some())
    }

    /// The candidate with this id.
    pub fn candidat(&self, id: &str) -> Option<&Candidat> {
        self.candidats.value.iter().find(|c| c.id.value == id)
    }

    /// The juror with this id.
    pub fn jure(&self, id: &str) -> Option<&Jure> {
        self.jures.value.iter().find(|j| j.id.value == id)
    }

    /// The surveillant with this id.
    pub fn surveillant(&self, id: &str) -> Option<&Membre> {
        self.surveillants.iter().find(|s| s.id.value == id)
    }

    /// The room with this id.
    pub fn salle(&self, id: &str) -> Option<&Salle> {
        self.salles.iter().find(|s| s.id.value == id)
    }

    /// The title's CCP with this code.
    pub fn ccp(&self, code: &str) -> Option<&Ccp> {
        self.titre.ccp.value.iter().find(|c| c.code.value == code)
    }
}

impl Candidat {
    /// The name used in every document: the usage name when there is one.
    pub fn nom_affiche(&self) -> &str {
        self.nom_usage.as_deref().unwrap_or(&self.nom)
    }

    /// The decision, if the deliberation took place.
    pub fn decision(&self) -> Option<Decision> {
        self.resultat.as_ref().map(|r| r.value.decision.value)
    }
}

impl Creneau {
    /// Whether this slot involves the candidate.
    pub fn has_candidat(&self, id: &str) -> bool {
        self.candidats
            .as_ref()
            .is_some_and(|s| s.value.contains(id))
    }
    /// Whether this slot involves the juror.
    pub fn has_jure(&self, id: &str) -> bool {
        self.jures.as_ref().is_some_and(|s| s.value.contains(id))
    }
    /// Whether this slot involves the surveillant.
    pub fn has_surveillant(&self, id: &str) -> bool {
        self.surveillants
            .as_ref()
            .is_some_and(|s| s.value.contains(id))
    }
    /// Length in minutes.
    pub fn minutes(&self) -> u16 {
        self.fin.value.0.saturating_sub(self.debut.value.0)
    }
}
