//! What each document says, computed once from a checked session: French
//! dates, a candidate's own slots, a juror's candidates, the results.
//!
//! The views are plain serializable values: the composers read them, and
//! the wording templates receive them as their context.

mod correction;
mod extra_time;
mod fraud;
mod half_day;
mod views;
pub use correction::{Cancelled, Correction, Letter};
pub use extra_time::{applies, duration_hm, extra_for, extra_minutes, real_end, real_minutes};
pub use fraud::{FraudView, WitnessRole};
pub use half_day::HalfDay;
pub use views::{CandidateView, CcpView, Facts, LateEnd, PersonView, SlotView};

use crate::fr;
use crate::model::{
    Candidat, Creneau, Date, Decision, Jure, Membre, ModeConvocation, NatureCreneau, NatureSession,
    Selection, Session, Voie,
};

/// Everything the composers need, computed once per run.
pub struct Plan<'a> {
    session: &'a Session,
    pub facts: Facts,
    pub candidates: Vec<CandidateView>,
    pub slots: Vec<SlotView>,
    /// The session's days that have slots, in order.
    pub days: Vec<Date>,
}

impl<'a> Plan<'a> {
    /// Computes every view of a checked session.
    pub fn new(s: &'a Session) -> Plan<'a> {
        let person = |p: &crate::model::Personne| {
            PersonView::new("", p.civilite, &p.nom, &p.prenom, &p.telephone, &p.email)
        };
        let covered = s.covered_ccp();
        let ccp_view = |code: &str| CcpView {
            code: code.to_owned(),
            intitule: s.ccp(code).map(|c| c.intitule.clone()).unwrap_or_default(),
        };
        let info = &s.session;
        let facts = Facts {
            centre_nom: s.centre.nom.clone(),
            centre_site: s.centre.site.clone(),
            centre_adresse: s.centre.adresse.clone(),
            centre_ville: s.centre.ville.clone(),
            centre_telephone: s.centre.telephone.clone(),
            centre_email: s.centre.email.clone(),
            autorite_nom: s.autorite.nom.clone(),
            autorite_adresse: s.autorite.adresse.clone(),
            ministere: s.autorite.ministere.clone(),
            titre_code: s.titre.code.value.clone(),
            titre_intitule: s.titre.intitule.clone(),
            titre_sigle: s.titre.sigle.clone(),
            titre_ccp: s
                .titre
                .ccp
                .value
                .iter()
                .map(|c| ccp_view(&c.code.value))
                .collect(),
            ccp: covered.iter().map(|c| ccp_view(c)).collect(),
            numero: info.numero.clone(),
            nature: info.nature.value,
            est_titre: info.nature.value == NatureSession::Titre,
            debut: fr::long_date(info.debut.value),
            fin: fr::long_date(info.fin.value),
            debut_court: fr::short_date(info.debut.value),
            fin_court: fr::short_date(info.fin.value),
            un_seul_jour: info.debut.value == info.fin.value,
            convocation_date: fr::long_date(info.convocation.date.value),
            convocation_mode: info.convocation.mode,
            remise_en_main_propre: info.convocation.mode == ModeConvocation::MainPropre,
            tenue: info.tenue.clone(),
            responsable: person(&s.responsable),
            suppleant: s.suppleant.as_ref().map(person),
            nb_candidats: s.candidats.value.len(),
            nb_fraudes: s.fraudes.len(),
            resultats_connus: s.has_results(),
            millesime: info.millesime.clone(),
            validation_ddets: info
                .validation_ddets
                .as_ref()
                .map(|d| fr::day_month_year(d.value)),
            reglement_general: info.reglement_general.as_ref().map(|r| r.value.clone()),
            centre_article: match &s.centre.article {
                Some(a) if a.value == "aucun" => String::new(),
                Some(a) => a.value.clone(),
                None => fr::article_of(&s.centre.nom).to_owned(),
            },
        };
        let mut slots: Vec<SlotView> = s
            .planning
            .value
            .iter()
            .enumerate()
            .map(|(i, c)| slot_view(s, i, c))
            .filter(|v| !freed(s, v))
            .collect();
        slots.sort_by_key(|v| (v.date, v.minutes_debut, v.index));
        // Session-wide lists are in alphabetical order, as on the ministry's
        // PV: the order of the file changes nothing in the documents.
        let mut candidates: Vec<CandidateView> = s
            .candidats
            .value
            .iter()
            .map(|c| candidate_view(s, c, &slots))
            .collect();
        candidates.sort_by_cached_key(|c| (fr::collation_key(&c.nom_prenom), c.id.clone()));
        let mut days: Vec<Date> = slots.iter().map(|v| v.date).collect();
        days.dedup();
        Plan {
            session: s,
            facts,
            candidates,
            slots,
            days,
        }
    }

    /// The candidate view with this id.
    pub fn candidate(&self, id: &str) -> Option<&CandidateView> {
        self.candidates.iter().find(|c| c.id == id)
    }

    /// The slots of a juror, in time order.
    pub fn juror_slots(&self, id: &str) -> Vec<&SlotView> {
        self.slots_where(|c| c.has_jure(id))
    }

    /// The slots of a surveillant, in time order.
    pub fn surveillant_slots(&self, id: &str) -> Vec<&SlotView> {
        self.slots_where(|c| c.has_surveillant(id))
    }

    /// The slots whose entry in the session file passes `keep`, in time order.
    fn slots_where(&self, keep: impl Fn(&Creneau) -> bool) -> Vec<&SlotView> {
        let planning = &self.session.planning.value;
        self.slots
            .iter()
            .filter(|v| keep(&planning[v.index]))
            .collect()
    }

    /// The candidates a juror evaluates (their pair includes the juror).
    pub fn juror_candidates(&self, id: &str) -> Vec<&CandidateView> {
        self.candidates
            .iter()
            .filter(|c| c.jury.iter().any(|j| j.id == id))
            .collect()
    }

    /// Every juror who takes part in the session (in a pair or a slot), in
    /// alphabetical order.
    pub fn jurors_taking_part(&self) -> Vec<PersonView> {
        let s = self.session;
        let jurors = s
            .jures
            .value
            .iter()
            .filter(|j| {
                let id = &j.id.value;
                s.candidats
                    .value
                    .iter()
                    .any(|c| c.jury.value.iter().any(|p| &p.value == id))
                    || s.planning.value.iter().any(|c| c.has_jure(id))
            })
            .map(juror_view)
            .collect();
        alphabetical(jurors)
    }

    /// The first day of the session: the date every document is dated by.
    pub fn first_day(&self) -> Date {
        self.session.session.debut.value
    }

    /// The regulatory deadlines of the session, in time order.
    pub fn deadlines(&self) -> Vec<crate::deadlines::Deadline> {
        crate::deadlines::deadlines(self.session)
    }

    /// A juror as printed.
    pub fn juror(&self, id: &str) -> Option<PersonView> {
        self.session.jure(id).map(juror_view)
    }

    /// Every surveillant as printed, in alphabetical order.
    pub fn surveillants(&self) -> Vec<PersonView> {
        alphabetical(self.session.surveillants.iter().map(member_view).collect())
    }

    /// The rooms in use, with their slots in time order.
    pub fn rooms_in_use(&self) -> Vec<(String, String, Vec<&SlotView>)> {
        self.session
            .salles
            .iter()
            .filter_map(|r| {
                let used: Vec<&SlotView> = self
                    .slots
                    .iter()
                    .filter(|v| v.salle_id.as_deref() == Some(&r.id.value))
                    .collect();
                (!used.is_empty()).then(|| (r.id.value.clone(), r.nom.clone(), used))
            })
            .collect()
    }
}

/// People in alphabetical order of their names (then ids).
fn alphabetical(mut people: Vec<PersonView>) -> Vec<PersonView> {
    people.sort_by_cached_key(|p| (fr::collation_key(&p.nom_prenom), p.id.clone()));
    people
}

/// A juror as printed.
fn juror_view(j: &Jure) -> PersonView {
    let view = PersonView::new(
        &j.id.value,
        j.civilite,
        &j.nom,
        &j.prenom,
        &j.telephone,
        &j.email,
    );
    PersonView {
        adresse: j.adresse.clone(),
        ..view
    }
}

/// A surveillant or trainer as printed.
fn member_view(m: &Membre) -> PersonView {
    let view = PersonView::new(
        &m.id.value,
        m.civilite,
        &m.nom,
        &m.prenom,
        &m.telephone,
        &m.email,
    );
    PersonView {
        adresse: m.adresse.clone(),
        ..view
    }
}

fn slot_view(s: &Session, index: usize, c: &Creneau) -> SlotView {
    // The people of a slot as (id, "NOM Prénom"), in alphabetical order.
    let names = |sel: Option<&crate::model::At<Selection>>,
                 all: &dyn Fn() -> Vec<(String, String)>,
                 one: &dyn Fn(&str) -> Option<String>|
     -> Vec<(String, String)> {
        let mut people: Vec<(String, String)> = match sel.map(|s| &s.value) {
            None => Vec::new(),
            Some(Selection::Tous) => all(),
            Some(Selection::Ids(ids)) => ids
                .iter()
                .filter_map(|i| one(&i.value).map(|n| (i.value.clone(), n)))
                .collect(),
        };
        people.sort_by_cached_key(|(id, name)| (fr::collation_key(name), id.clone()));
        people
    };
    // A candidate who withdrew is no longer in any slot.
    let candidats = names(c.candidats.as_ref(), &Vec::new, &|id| {
        s.candidat(id)
            .filter(|c| c.desistement.is_none())
            .map(|c| fr::nom_prenom(c.nom_affiche(), &c.prenom))
    });
    let jures = names(
        c.jures.as_ref(),
        &|| {
            s.jures
                .value
                .iter()
                .map(|j| (j.id.value.clone(), fr::nom_prenom(&j.nom, &j.prenom)))
                .collect()
        },
        &|id| s.jure(id).map(|j| fr::nom_prenom(&j.nom, &j.prenom)),
    );
    let surveillants = names(
        c.surveillants.as_ref(),
        &|| {
            s.surveillants
                .iter()
                .map(|m| (m.id.value.clone(), fr::nom_prenom(&m.nom, &m.prenom)))
                .collect()
        },
        &|id| s.surveillant(id).map(|m| fr::nom_prenom(&m.nom, &m.prenom)),
    );
    let only_names = |people: Vec<(String, String)>| people.into_iter().map(|(_, n)| n).collect();
    let salle = c
        .salle
        .as_ref()
        .map(|r| s.salle(&r.value).map_or(r.value.clone(), |x| x.nom.clone()));
    SlotView {
        index,
        date: c.date.value,
        jour: fr::long_date(c.date.value),
        jour_court: fr::short_date(c.date.value),
        debut: fr::time(c.debut.value),
        fin: fr::time(c.fin.value),
        duree: duration_hm(c.minutes()),
        duree_hm: duration_hm(c.minutes()),
        fin_prevue: None,
        nature: c.nature,
        intitule: c.intitule.clone(),
        salle,
        salle_id: c.salle.as_ref().map(|r| r.value.clone()),
        tous_les_candidats: c
            .candidats
            .as_ref()
            .is_some_and(|s| matches!(s.value, Selection::Tous)),
        candidat_ids: candidats.iter().map(|(id, _)| id.clone()).collect(),
        candidats: only_names(candidats),
        avec_jury: c.jures.is_some(),
        jures: only_names(jures),
        surveillants: only_names(surveillants),
        surveillance: posted_names(s, c),
        amenages: late_ends(s, c),
        matin: c.debut.value.hours() < 13,
        minutes_debut: c.debut.value.0,
        minutes_fin: c.fin.value.0,
    }
}

fn candidate_view(s: &Session, c: &Candidat, slots: &[SlotView]) -> CandidateView {
    let planning = &s.planning.value;
    let withdrawn = c.desistement.is_some();
    let creneaux: Vec<SlotView> = slots
        .iter()
        .filter(|v| !withdrawn && planning[v.index].has_candidat(&c.id.value))
        .map(|v| own_slot(c, &planning[v.index], v))
        .collect();
    let temps_supplementaire = creneaux
        .iter()
        .filter(|v| v.fin_prevue.is_some())
        .cloned()
        .collect();
    let jury = c
        .jury
        .value
        .iter()
        .filter_map(|id| s.jure(&id.value))
        .map(juror_view)
        .collect();
    let resultat = c.resultat.as_ref().map(|r| &r.value);
    // A convened candidate who withdrew did not come: absent.
    let decision = c.decision().or(withdrawn.then_some(Decision::Absent));
    let ccp_obtenus = resultat
        .map(|r| {
            s.titre
                .ccp
                .value
                .iter()
                .filter(|t| r.ccp.iter().any(|a| a.value == t.code.value))
                .map(|t| CcpView {
                    code: t.code.value.clone(),
                    intitule: t.intitule.clone(),
                })
                .collect()
        })
        .unwrap_or_default();
    CandidateView {
        id: c.id.value.clone(),
        civilite: fr::civilite(c.civilite),
        nom_naissance: c.nom.clone(),
        nom_usage: c.nom_usage.clone(),
        prenom: c.prenom.clone(),
        nom_prenom: fr::nom_prenom(c.nom_affiche(), &c.prenom),
        appel: format!(
            "{} {} {}",
            fr::civilite(c.civilite),
            c.prenom,
            fr::capitals(c.nom_affiche())
        ),
        identifiant: c.identifiant.clone(),
        date_naissance: c.date_naissance.map(fr::short_date),
        voie: c.voie,
        est_vae: c.voie == Voie::Vae,
        adresse: c.adresse.clone(),
        telephone: c.telephone.clone(),
        email: c.email.clone(),
        amenagement: c.amenagement.as_ref().map(|a| a.value.description.clone()),
        temps_supplementaire,
        retard: c.retard.clone(),
        arrivee: creneaux.first().cloned(),
        entretien_final: creneaux
            .iter()
            .find(|v| v.nature == NatureCreneau::EntretienFinal)
            .cloned(),
        creneaux,
        jury,
        decision,
        present: decision.is_some_and(|d| d != Decision::Absent),
        ccp_obtenus,
        observations: resultat.and_then(|r| r.observations.clone()),
        formateur: c.formateur.as_ref().map(|f| f.value.clone()),
        desistement: c.desistement.as_ref().map(|d| fr::long_date(d.value)),
    }
}

/// Whether a slot was only for candidates who withdrew: it is freed.
fn freed(s: &Session, v: &SlotView) -> bool {
    let planning = &s.planning.value;
    let named = planning[v.index]
        .candidats
        .as_ref()
        .is_some_and(|c| matches!(&c.value, Selection::Ids(ids) if !ids.is_empty()));
    named && v.candidat_ids.is_empty()
}

/// A candidate's own view of a slot: its end and length their own.
fn own_slot(c: &Candidat, slot: &Creneau, view: &SlotView) -> SlotView {
    let mut own = view.clone();
    if extra_minutes(c, slot) > 0 {
        own.fin_prevue = Some(own.fin.clone());
        own.fin = fr::time(real_end(c, slot));
        own.duree = duration_hm(real_minutes(c, slot));
        own.duree_hm = duration_hm(real_minutes(c, slot));
        own.minutes_fin = real_end(c, slot).0;
    }
    own
}

/// The surveillants of a slot as posted in the hall: civility and name.
fn posted_names(s: &Session, slot: &Creneau) -> Vec<String> {
    s.surveillants
        .iter()
        .filter(|m| slot.has_surveillant(&m.id.value))
        .map(|m| {
            let name = format!("{} {}", fr::civilite(m.civilite), fr::capitals(&m.nom));
            (fr::collation_key(&m.nom), m.id.value.clone(), name)
        })
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .map(|(_, _, name)| name)
        .collect()
}

/// The candidates of a slot who finish it later than written.
fn late_ends(s: &Session, slot: &Creneau) -> Vec<LateEnd> {
    let mut late: Vec<LateEnd> = s
        .candidats
        .value
        .iter()
        .filter(|c| c.desistement.is_none() && extra_minutes(c, slot) > 0)
        .map(|c| LateEnd {
            nom_prenom: fr::nom_prenom(c.nom_affiche(), &c.prenom),
            fin: fr::time(real_end(c, slot)),
            duree_hm: duration_hm(real_minutes(c, slot)),
            minutes_fin: real_end(c, slot).0,
        })
        .collect();
    late.sort_by_cached_key(|l| fr::collation_key(&l.nom_prenom));
    late
}
