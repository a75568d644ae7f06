//! The views of the plan: plain serializable values that the composers
//! read and the wording templates receive as their context.

use serde::Serialize;

use crate::fr;
use crate::model::{Civilite, Date, Decision, ModeConvocation, NatureCreneau, NatureSession, Voie};

/// A person as printed.
#[derive(Debug, Clone, Serialize)]
pub struct PersonView {
    pub id: String,
    pub civilite: Civilite,
    pub nom: String,
    pub prenom: String,
    /// "GARNIER Sophie".
    pub nom_prenom: String,
    /// "Mme Sophie GARNIER", as on an envelope.
    pub appel: String,
    pub telephone: Option<String>,
    pub email: Option<String>,
    /// Their postal address, when the file gives one.
    pub adresse: Vec<String>,
}

impl PersonView {
    pub(super) fn new(
        id: &str,
        c: Civilite,
        nom: &str,
        prenom: &str,
        tel: &Option<String>,
        email: &Option<String>,
    ) -> Self {
        PersonView {
            id: id.to_owned(),
            civilite: c,
            nom: nom.to_owned(),
            prenom: prenom.to_owned(),
            nom_prenom: fr::nom_prenom(nom, prenom),
            appel: format!("{} {} {}", fr::civilite(c), prenom, fr::capitals(nom)),
            telephone: tel.clone(),
            email: email.clone(),
            adresse: Vec::new(),
        }
    }
}

/// A CCP as printed.
#[derive(Debug, Clone, Serialize)]
pub struct CcpView {
    pub code: String,
    pub intitule: String,
}

/// A slot as printed.
#[derive(Debug, Clone, Serialize)]
pub struct SlotView {
    /// Index in `planning`.
    pub index: usize,
    pub date: Date,
    /// "lundi 11 janvier 2027".
    pub jour: String,
    /// "11/01/2027".
    pub jour_court: String,
    pub debut: String,
    pub fin: String,
    /// "4 h 00", "20 min": a length in the one form of every document.
    pub duree: String,
    /// "2 h 00", as on the ministry's typical timetable.
    pub duree_hm: String,
    /// For a candidate's own slot lengthened by their extra time: the end
    /// written in the timetable (`fin` is then their real end).
    pub fin_prevue: Option<String>,
    pub nature: NatureCreneau,
    pub intitule: String,
    pub salle: Option<String>,
    pub salle_id: Option<String>,
    /// Candidates by name; empty for `tous` (see `tous_les_candidats`) or none.
    pub candidats: Vec<String>,
    /// The same candidates by id, in the same order: what the slot is for.
    #[serde(skip)]
    pub candidat_ids: Vec<String>,
    pub tous_les_candidats: bool,
    /// Jurors by name (never printed on public sheets).
    pub jures: Vec<String>,
    pub avec_jury: bool,
    pub surveillants: Vec<String>,
    /// The surveillants as posted: "Mme TANGUY".
    pub surveillance: Vec<String>,
    /// The candidates of this slot who finish later (extra time).
    pub amenages: Vec<LateEnd>,
    /// Morning (before 13:00) or afternoon.
    pub matin: bool,
    pub minutes_debut: u16,
    pub minutes_fin: u16,
}

impl SlotView {
    /// The latest real end of a candidate with extra time, when it is later
    /// than the written end: until when the room stays in use.
    pub fn late_end(&self) -> Option<&LateEnd> {
        self.amenages
            .iter()
            .filter(|l| l.minutes_fin > self.minutes_fin)
            .max_by_key(|l| l.minutes_fin)
    }
}

/// A candidate who finishes a slot later than written (extra time).
#[derive(Debug, Clone, Serialize)]
pub struct LateEnd {
    pub nom_prenom: String,
    /// Their real end.
    pub fin: String,
    pub duree_hm: String,
    /// Their real end, in minutes since midnight: how long the room stays
    /// in use.
    #[serde(skip)]
    pub minutes_fin: u16,
}

/// A candidate with everything a document may print about them.
#[derive(Debug, Clone, Serialize)]
pub struct CandidateView {
    pub id: String,
    pub civilite: &'static str,
    pub nom_naissance: String,
    pub nom_usage: Option<String>,
    pub prenom: String,
    /// "CHEVALIER Camille" (usage name when there is one).
    pub nom_prenom: String,
    /// "Mme Camille CHEVALIER".
    pub appel: String,
    pub identifiant: String,
    pub date_naissance: Option<String>,
    pub voie: Voie,
    pub est_vae: bool,
    pub adresse: Vec<String>,
    pub telephone: Option<String>,
    pub email: Option<String>,
    /// The adapted conditions, as described.
    pub amenagement: Option<String>,
    /// The slots their extra time lengthens, with their real end.
    pub temps_supplementaire: Vec<SlotView>,
    pub retard: Option<String>,
    /// Every slot that involves the candidate, in time order.
    pub creneaux: Vec<SlotView>,
    /// The first of them: the arrival time.
    pub arrivee: Option<SlotView>,
    pub entretien_final: Option<SlotView>,
    /// The juror pair.
    pub jury: Vec<PersonView>,
    pub decision: Option<Decision>,
    pub present: bool,
    pub ccp_obtenus: Vec<CcpView>,
    pub observations: Option<String>,
    pub formateur: Option<String>,
    /// The day they withdrew, as long: "mercredi 10 février 2027".
    pub desistement: Option<String>,
}

/// The facts every document shares.
#[derive(Debug, Clone, Serialize)]
pub struct Facts {
    pub centre_nom: String,
    pub centre_site: String,
    pub centre_adresse: Vec<String>,
    pub centre_ville: String,
    pub centre_telephone: Option<String>,
    pub centre_email: Option<String>,
    pub autorite_nom: String,
    pub autorite_adresse: Vec<String>,
    /// The ministry heading the PVs, if given.
    pub ministere: Option<String>,
    pub titre_code: String,
    pub titre_intitule: String,
    pub titre_sigle: Option<String>,
    /// Every CCP of the title, in PV order.
    pub titre_ccp: Vec<CcpView>,
    /// The CCPs this session covers.
    pub ccp: Vec<CcpView>,
    pub numero: String,
    pub nature: NatureSession,
    pub est_titre: bool,
    pub debut: String,
    pub fin: String,
    pub debut_court: String,
    pub fin_court: String,
    pub un_seul_jour: bool,
    pub convocation_date: String,
    pub convocation_mode: ModeConvocation,
    pub remise_en_main_propre: bool,
    pub tenue: Option<String>,
    pub responsable: PersonView,
    pub suppleant: Option<PersonView>,
    pub nb_candidats: usize,
    pub nb_fraudes: usize,
    pub resultats_connus: bool,
    /// The millésime of the titre's version, if given.
    pub millesime: Option<String>,
    /// The day the DDETS validated the session (« 3 février 2027 »), if
    /// it has.
    pub validation_ddets: Option<String>,
    /// The file of the official règlement général joined to the
    /// convocations and the posted timetable, as the session file names it.
    pub reglement_general: Option<String>,
    /// The article the centre's name takes: « le », « la », « l' »,
    /// « les » or « » (none), given or found by [`crate::fr::article_of`].
    pub centre_article: String,
}
