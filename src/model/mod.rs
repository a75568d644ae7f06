//! The typed session file (format version 1, see `docs/format.md`).
//!
//! Every value that a check may point at is wrapped in [`Spanned`], so a
//! semantic error (an unknown juror, an overlap, an expired accreditation)
//! is reported at its own line and column. A key whose value is an
//! `Option` may be left out (serde reads it as `None`).

use serde::{Deserialize, Serialize};
pub use serde_saphyr::Spanned;

mod amenagement;
mod epreuves;
mod values;
pub use amenagement::{Amenagement, TempsSupplementaire};
pub use epreuves::{Duree, Encadrement, Epreuve, Organisation, Passage};
pub use values::{Date, Selection, Time};
use values::{opt_text, text};

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
    /// The référentiel's tests, for `planifier`.
    #[serde(default)]
    pub epreuves: Vec<Epreuve>,
    /// How the days are organised, for `planifier`.
    pub organisation: Option<Organisation>,
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
    pub email: Option<String>,
    /// A PNG or SVG logo, relative to the session file.
    pub logo: Option<At<String>>,
    /// The article the centre's name takes (« le », « la », « l' »,
    /// « les », « aucun »): « au Centre… », « à l'AFPA ».
    pub article: Option<At<String>>,
}

/// The State service that receives the procès-verbaux.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Autorite {
    pub nom: String,
    pub adresse: Vec<String>,
    /// The ministry heading the PVs, as on its form (optional).
    pub ministere: Option<String>,
}

/// The professional title and its CCP blocks.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Titre {
    pub code: At<String>,
    pub intitule: String,
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
    pub ccp: Option<At<Vec<At<String>>>>,
    pub debut: At<Date>,
    pub fin: At<Date>,
    pub tenue: Option<String>,
    pub convocation: Convocation,
    /// The millésime of the titre's version (« 2024 »), as the guide de
    /// préparation prints it.
    #[serde(default, deserialize_with = "opt_text")]
    pub millesime: Option<String>,
    /// The day the DDETS validated the session: the public list is final
    /// from then, a draft before.
    pub validation_ddets: Option<At<Date>>,
    /// The official règlement général des sessions, a PDF file relative to
    /// the session file: its pages follow every convocation and the posted
    /// timetable.
    pub reglement_general: Option<At<String>>,
}

/// What the session certifies.
#[derive(Debug, Deserialize, Serialize, Clone, Copy, PartialEq, Eq)]
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
#[derive(Debug, Deserialize, Serialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum ModeConvocation {
    /// Lettre recommandée avec accusé de réception.
    Recommande,
    /// Remise en main propre contre décharge.
    MainPropre,
}

/// Madame or Monsieur.
#[derive(Debug, Deserialize, Serialize, Clone, Copy, PartialEq, Eq)]
pub enum Civilite {
    #[serde(rename = "M.")]
    M,
    #[serde(rename = "Mme")]
    Mme,
}

/// How a value of one of the file's enums is written in the file: serde's
/// own name for it (`Civilite::M` is `M.`, `Voie::Vae` is `vae`).
pub fn written<T: Serialize>(value: T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(name)) => name,
        // Every enum of the file is written as a plain name.
        _ => String::new(),
    }
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
    pub email: Option<String>,
    /// The day the accreditation ends.
    pub habilitation_fin: At<Date>,
    /// The CCP codes this juror is restricted to, if any.
    pub ccp: Option<Vec<At<String>>>,
    /// The days this juror can come (default: every day of the session).
    pub disponibilites: Option<Vec<At<Date>>>,
    /// How their letters are sent (default: see [`MoyenEnvoi`]).
    pub envoi: Option<At<MoyenEnvoi>>,
    /// Their postal address, one line per item, for the letters sent by
    /// post (optional).
    #[serde(default)]
    pub adresse: Vec<String>,
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
    pub email: Option<String>,
    /// How their letters are sent (default: see [`MoyenEnvoi`]).
    pub envoi: Option<At<MoyenEnvoi>>,
    /// Their postal address, one line per item, for the letters sent by
    /// post (optional).
    #[serde(default)]
    pub adresse: Vec<String>,
}

/// A room.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Salle {
    pub id: At<String>,
    pub nom: String,
    /// Seats, when it matters for the timetable.
    pub places: Option<At<u32>>,
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
    pub nom_usage: Option<String>,
    #[serde(deserialize_with = "text")]
    pub identifiant: String,
    pub date_naissance: Option<Date>,
    pub voie: Voie,
    pub adresse: Vec<String>,
    /// For the information sheet, as known.
    #[serde(default, deserialize_with = "opt_text")]
    pub telephone: Option<String>,
    pub email: Option<String>,
    pub formateur: Option<At<String>>,
    /// Adapted conditions: a plain text, or a description with extra time.
    pub amenagement: Option<At<Amenagement>>,
    pub retard: Option<String>,
    /// The juror pair (binôme) who evaluate this candidate.
    pub jury: At<Vec<At<String>>>,
    pub resultat: Option<At<Resultat>>,
    /// The day the candidate withdrew: no more letters, absent on the PVs.
    pub desistement: Option<At<Date>>,
    /// How their letters are sent (default: see [`MoyenEnvoi`]).
    pub envoi: Option<At<MoyenEnvoi>>,
}

/// Access route to the title.
#[derive(Debug, Deserialize, Serialize, Clone, Copy, PartialEq, Eq)]
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
    pub observations: Option<String>,
}

/// The four results of the PV.
#[derive(Debug, Deserialize, Serialize, Clone, Copy, PartialEq, Eq)]
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
    pub salle: Option<At<String>>,
    pub candidats: Option<At<Selection>>,
    pub jures: Option<At<Selection>>,
    pub surveillants: Option<At<Selection>>,
}

/// What happens in a slot.
#[derive(Debug, Deserialize, Serialize, Clone, Copy, PartialEq, Eq)]
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

/// Whom a witness id of `constate_par` names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Witness<'a> {
    /// `responsable`: the responsable de session.
    Responsable,
    /// A surveillant's or juror's id.
    Person(&'a str),
}

impl<'a> Witness<'a> {
    /// The witness a `constate_par` id names.
    pub fn of(id: &'a str) -> Witness<'a> {
        if id == "responsable" {
            Witness::Responsable
        } else {
            Witness::Person(id)
        }
    }
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

/// How a person's letters are sent. Without `envoi` in the file: by
/// e-mail for a juror or surveillant who has an address, else as the
/// session's convocations go (`convocation.mode`); a candidate's, as the
/// session's convocations go, the regulations asking for a registered
/// letter or a hand delivery.
#[derive(Debug, Deserialize, Serialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum MoyenEnvoi {
    /// Lettre recommandée avec accusé de réception.
    Courrier,
    /// Courriel, from the responsable's own mail program.
    Courriel,
    /// Remise en main propre contre récépissé.
    MainPropre,
}
