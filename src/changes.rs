//! What changed between two versions of a session file, per person, the
//! way a responsable thinks of it: whom to write to again, and what to
//! tell them. The comparison is made on the plans (what the documents
//! say), never on the YAML text: reordering the file or editing a comment
//! changes nothing. All the wording is in `templates/changements.j2`: this
//! module gives it data only.

use std::collections::HashMap;

use minijinja::{Value, context};
use serde::Serialize;

use crate::compose::{Composed, file_part};
use crate::error::Error;
use crate::kind::Kind;
use crate::plan::{Cancelled, Correction, PersonView, Plan, SlotView};
use crate::wording::Wording;

/// Every change that concerns someone, grouped by whom to contact.
#[derive(Debug, Default, Serialize)]
pub struct Changes {
    /// The session's first and last days, before and after, when they moved.
    pub periode: Option<Period>,
    /// Candidates whose convocation says something else.
    pub candidats: Vec<PersonChanges>,
    /// Candidates no longer in the session, and new ones ("NOM Prénom").
    pub retires: Vec<String>,
    pub ajoutes: Vec<String>,
    /// Jurors replaced by another on the same slots.
    pub remplacements: Vec<Replacement>,
    /// Jurors whose slots changed (new jurors included, and those who no
    /// longer take part).
    pub jures: Vec<PersonChanges>,
    pub surveillants: Vec<PersonChanges>,
    /// Kinds of internal documents (not sent to anyone) that say something
    /// else: to print again (`affichage`, `pv-session`…).
    pub internes: Vec<Kind>,
}

/// What changed for one person.
#[derive(Debug, Serialize)]
pub struct PersonChanges {
    pub id: String,
    pub nom: String,
    pub lignes: Vec<Change>,
    /// All their changes in one line, when they are all of one sort.
    pub resume: Option<Summary>,
}

/// What one line says of a person whose changes are all of one sort.
#[derive(Debug, Serialize)]
#[serde(tag = "sorte", rename_all = "snake_case")]
pub enum Summary {
    /// The session postponed: every slot of theirs moved with it.
    Report { creneaux: usize },
    /// One room for another on several of their slots.
    Salle {
        avant: String,
        apres: String,
        creneaux: usize,
    },
}

impl Summary {
    /// The one line for `lignes`, if they are all of one sort: slots
    /// moved by a postponement, or several slots from one room to another.
    fn of(lignes: &[Change], postponed: bool) -> Option<Summary> {
        let first = lignes.first()?;
        let moved = |l: &&Change| l.quoi == What::Horaire;
        if postponed && lignes.iter().all(|l| moved(&l) || l.quoi == What::Report) {
            return Some(Summary::Report {
                creneaux: lignes.iter().filter(moved).count(),
            });
        }
        let one_room = lignes
            .iter()
            .all(|l| l.quoi == What::Salle && l.avant == first.avant && l.apres == first.apres);
        (one_room && lignes.len() > 1).then(|| Summary::Salle {
            avant: first.avant.clone(),
            apres: first.apres.clone(),
            creneaux: lignes.len(),
        })
    }
}

/// What a change is about; the template words each (`l.quoi`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum What {
    /// A slot's room.
    Salle,
    /// A slot's day or times.
    Horaire,
    /// A new slot.
    Ajoute,
    /// A slot that no longer exists.
    Supprime,
    /// A candidate's postal address.
    Adresse,
    /// A person's name.
    Nom,
    /// A juror's partners.
    Binome,
    /// The session postponed, for someone none of whose slots moved with
    /// it (they have none of their own).
    Report,
}

/// One change, for the template to word: what, of which slot, the value
/// before and after.
#[derive(Debug, Serialize)]
pub struct Change {
    pub quoi: What,
    pub epreuve: String,
    pub jour: String,
    pub heure: String,
    pub avant: String,
    pub apres: String,
    /// The slot before and after, for a slot moved, added or removed.
    pub creneau_avant: Option<SlotText>,
    pub creneau_apres: Option<SlotText>,
    /// The slot as it is now (its place in the new planning), when it
    /// still exists: to mark it in the corrected documents.
    #[serde(skip)]
    pub creneau: Option<usize>,
}

/// What the template says of a slot: its test, day, times and room.
#[derive(Debug, Clone, Serialize)]
pub struct SlotText {
    pub intitule: String,
    pub jour: String,
    pub debut: String,
    pub fin: String,
    pub salle: Option<String>,
}

impl SlotText {
    fn of(s: &SlotView) -> SlotText {
        SlotText {
            intitule: s.intitule.clone(),
            jour: s.jour.clone(),
            debut: s.debut.clone(),
            fin: s.fin.clone(),
            salle: s.salle.clone(),
        }
    }
}

/// The session's days, before and after a postponement.
#[derive(Debug, Clone, Serialize)]
pub struct Period {
    pub avant_debut: String,
    pub avant_fin: String,
    pub apres_debut: String,
    pub apres_fin: String,
}

/// A juror replaced by another on the same slots.
#[derive(Debug, Serialize)]
pub struct Replacement {
    pub avant: String,
    /// The juror replaced, "M." or "Mme" (for the agreement of « remplacé »).
    pub civilite: crate::model::Civilite,
    pub apres: String,
    pub creneaux: Vec<SlotText>,
}

impl Changes {
    /// Nothing that anyone should be told.
    pub fn is_empty(&self) -> bool {
        self.periode.is_none()
            && self.candidats.is_empty()
            && self.retires.is_empty()
            && self.ajoutes.is_empty()
            && self.remplacements.is_empty()
            && self.jures.is_empty()
            && self.surveillants.is_empty()
            && self.internes.is_empty()
    }
}

impl Changes {
    /// The slots (places in the new planning) that changed for the person
    /// `role:id`, if anything changed for them.
    pub fn slots_of(&self, who: &str) -> Option<Vec<usize>> {
        let (role, id) = who.split_once(':')?;
        let people = match role {
            "candidat" => &self.candidats,
            "jure" => &self.jures,
            _ => &self.surveillants,
        };
        let p = people.iter().find(|p| p.id == id)?;
        Some(p.lignes.iter().filter_map(|l| l.creneau).collect())
    }

    /// The corrections these changes call for; `precedente` is the date of
    /// the earlier convocations, `envoi` the day the corrected ones are sent.
    pub fn correction(&self, precedente: String, envoi: String) -> Correction {
        let by_person = |people: &[PersonChanges]| -> HashMap<String, Vec<usize>> {
            people
                .iter()
                .map(|p| {
                    (
                        p.id.clone(),
                        p.lignes.iter().filter_map(|l| l.creneau).collect(),
                    )
                })
                .collect()
        };
        Correction {
            precedente,
            envoi,
            candidats: by_person(&self.candidats),
            jures: by_person(&self.jures),
            surveillants: by_person(&self.surveillants),
            precedentes: HashMap::new(),
            report: self.periode.clone(),
            annulations: Vec::new(),
            nouveaux: Vec::new(),
            lettres: HashMap::new(),
        }
    }
}

/// Compares two plans of the same session.
pub fn compare(before: &Plan, after: &Plan) -> Changes {
    let mut changes = Changes {
        periode: period(before, after),
        ..Changes::default()
    };
    for c in &before.candidates {
        let Some(now) = after.candidate(&c.id) else {
            changes.retires.push(c.nom_prenom.clone());
            continue;
        };
        let old: Vec<&SlotView> = c.creneaux.iter().collect();
        let new: Vec<&SlotView> = now.creneaux.iter().collect();
        let mut lignes = slot_changes(&old, &new);
        if c.nom_prenom != now.nom_prenom {
            lignes.insert(0, fact(What::Nom, &c.nom_prenom, &now.nom_prenom));
        }
        if c.adresse != now.adresse {
            lignes.push(fact(
                What::Adresse,
                &c.adresse.join(", "),
                &now.adresse.join(", "),
            ));
        }
        if c.desistement.is_none() && now.desistement.is_none() {
            told_of_postponement(&mut lignes, &changes);
        }
        if !lignes.is_empty() {
            changes.candidats.push(PersonChanges {
                id: c.id.clone(),
                nom: now.nom_prenom.clone(),
                lignes,
                resume: None,
            });
        }
    }
    for c in &after.candidates {
        if before.candidate(&c.id).is_none() {
            changes.ajoutes.push(c.nom_prenom.clone());
        }
    }
    compare_jurors(before, after, &mut changes);
    let were = before.surveillants();
    for m in after.surveillants() {
        let old = before.surveillant_slots(&m.id);
        let mut lignes = slot_changes(&old, &after.surveillant_slots(&m.id));
        if were.iter().any(|b| b.id == m.id) {
            told_of_postponement(&mut lignes, &changes);
        }
        if !lignes.is_empty() {
            changes.surveillants.push(PersonChanges {
                id: m.id.clone(),
                nom: m.nom_prenom,
                lignes,
                resume: None,
            });
        }
    }
    let postponed = changes.periode.is_some();
    for p in changes
        .candidats
        .iter_mut()
        .chain(&mut changes.jures)
        .chain(&mut changes.surveillants)
    {
        p.resume = Summary::of(&p.lignes, postponed);
    }
    changes
}

/// A postponement is told to everyone convened before and still now,
/// even when none of their slots moved with it (they have none of their
/// own): a line that says so, for someone with no other change.
fn told_of_postponement(lignes: &mut Vec<Change>, changes: &Changes) {
    if let Some(p) = changes.periode.as_ref().filter(|_| lignes.is_empty()) {
        lignes.push(fact(What::Report, &p.avant_debut, &p.apres_debut));
    }
}

/// The people convened in `before` whose convocation `after` cancels: a
/// candidate who withdrew or was removed, a juror who no longer takes
/// part, a surveillant removed or left without any slot.
pub fn cancelled(before: &Plan, after: &Plan) -> Vec<Cancelled> {
    let mut out = Vec::new();
    for c in before.candidates.iter().filter(|c| c.desistement.is_none()) {
        if after
            .candidate(&c.id)
            .is_none_or(|now| now.desistement.is_some())
        {
            out.push(Cancelled {
                role: "candidat",
                id: c.id.clone(),
                civilite: c.civilite.to_owned(),
                appel: c.appel.clone(),
                nom_prenom: c.nom_prenom.clone(),
                adresse: c.adresse.clone(),
                convocation: format!("convocations/convocation-{}", file_part(&c.id)),
            });
        }
    }
    let now = after.jurors_taking_part();
    for j in before.jurors_taking_part() {
        if !now.iter().any(|n| n.id == j.id) {
            out.push(staff("jure", "convocations-jures/convocation-jure", &j));
        }
    }
    for m in before.surveillants() {
        let kept = after.surveillants().iter().any(|n| n.id == m.id)
            && (before.surveillant_slots(&m.id).is_empty()
                || !after.surveillant_slots(&m.id).is_empty());
        if !kept {
            let stem = "convocations-surveillants/convocation-surveillant";
            out.push(staff("surveillant", stem, &m));
        }
    }
    out
}

/// The session's days before and after, when they moved.
pub fn period(before: &Plan, after: &Plan) -> Option<Period> {
    let (b, a) = (&before.facts, &after.facts);
    ((&b.debut, &b.fin) != (&a.debut, &a.fin)).then(|| Period {
        avant_debut: b.debut.clone(),
        avant_fin: b.fin.clone(),
        apres_debut: a.debut.clone(),
        apres_fin: a.fin.clone(),
    })
}

/// The people `plan` convenes (`role:id`): candidates who did not
/// withdraw, jurors taking part, surveillants with a slot.
pub fn convened(plan: &Plan) -> Vec<String> {
    let candidates = plan
        .candidates
        .iter()
        .filter(|c| c.desistement.is_none())
        .map(|c| format!("candidat:{}", c.id));
    let jurors = plan
        .jurors_taking_part()
        .into_iter()
        .map(|j| format!("jure:{}", j.id));
    let surveillants = plan
        .surveillants()
        .into_iter()
        .filter(|m| !plan.surveillant_slots(&m.id).is_empty())
        .map(|m| format!("surveillant:{}", m.id));
    candidates.chain(jurors).chain(surveillants).collect()
}

/// The people `plan` writes a convocation to (`role:id`): those it
/// convenes and the surveillants with no slot yet, whose convocation
/// says so.
pub fn written_to(plan: &Plan) -> Vec<String> {
    let mut people = convened(plan);
    for m in plan.surveillants() {
        let who = format!("surveillant:{}", m.id);
        if !people.contains(&who) {
            people.push(who);
        }
    }
    people
}

/// The people convened in `after` who were not in `before` (`role:id`).
pub fn newcomers(before: &Plan, after: &Plan) -> Vec<String> {
    let was = convened(before);
    convened(after)
        .into_iter()
        .filter(|p| !was.contains(p))
        .collect()
}

/// Who is concerned by `changes` (`role:id`): the people whose letters
/// say something else, to write to again.
pub fn concerned(changes: &Changes) -> Vec<String> {
    let of = |role: &str, people: &[PersonChanges]| -> Vec<String> {
        people.iter().map(|p| format!("{role}:{}", p.id)).collect()
    };
    [
        of("candidat", &changes.candidats),
        of("jure", &changes.jures),
        of("surveillant", &changes.surveillants),
    ]
    .concat()
}

/// A juror or surveillant whose convocation is cancelled.
fn staff(role: &'static str, stem: &str, p: &PersonView) -> Cancelled {
    Cancelled {
        role,
        id: p.id.clone(),
        civilite: crate::model::written(p.civilite),
        appel: p.appel.clone(),
        nom_prenom: p.nom_prenom.clone(),
        adresse: p.adresse.clone(),
        convocation: format!("{stem}-{}", file_part(&p.id)),
    }
}

/// Jurors: the same ones with other slots, one replaced by another on the
/// same slots, one who no longer takes part, a new one.
fn compare_jurors(before: &Plan, after: &Plan, changes: &mut Changes) {
    let was = before.jurors_taking_part();
    let now = after.jurors_taking_part();
    let key = |s: &&SlotView| (s.date, s.minutes_debut, s.intitule.clone());
    let mut newcomers: Vec<_> = now
        .iter()
        .filter(|j| !was.iter().any(|w| w.id == j.id))
        .collect();
    for j in &was {
        let old = before.juror_slots(&j.id);
        if now.iter().any(|n| n.id == j.id) {
            let mut lignes = slot_changes(&old, &after.juror_slots(&j.id));
            let (partners_before, partners_now) = (partners(before, &j.id), partners(after, &j.id));
            if partners_before != partners_now {
                lignes.insert(
                    0,
                    fact(
                        What::Binome,
                        &partners_before.join(", "),
                        &partners_now.join(", "),
                    ),
                );
            }
            told_of_postponement(&mut lignes, changes);
            if !lignes.is_empty() {
                changes.jures.push(PersonChanges {
                    id: j.id.clone(),
                    nom: j.nom_prenom.clone(),
                    lignes,
                    resume: None,
                });
            }
            continue;
        }
        let keys: Vec<_> = old.iter().map(key).collect();
        let successor = newcomers
            .iter()
            .position(|n| after.juror_slots(&n.id).iter().map(key).collect::<Vec<_>>() == keys);
        match successor {
            Some(i) => {
                let n = newcomers.remove(i);
                changes.remplacements.push(Replacement {
                    avant: j.appel.clone(),
                    civilite: j.civilite,
                    apres: n.appel.clone(),
                    creneaux: old.iter().map(|s| SlotText::of(s)).collect(),
                });
            }
            None => changes.jures.push(PersonChanges {
                id: j.id.clone(),
                nom: j.nom_prenom.clone(),
                lignes: slot_changes(&old, &[]),
                resume: None,
            }),
        }
    }
    for n in newcomers {
        changes.jures.push(PersonChanges {
            id: n.id.clone(),
            nom: n.nom_prenom.clone(),
            lignes: slot_changes(&[], &after.juror_slots(&n.id)),
            resume: None,
        });
    }
}

/// The other jurors of the pairs a juror sits in ("Mme Isabelle ROUX"), as
/// their pack names them.
fn partners(plan: &Plan, id: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for c in plan.juror_candidates(id) {
        for p in &c.jury {
            if p.id != id && !out.contains(&p.appel) {
                out.push(p.appel.clone());
            }
        }
    }
    out.sort();
    out
}

/// The changes between someone's slots before and after. Slots are paired
/// by what they are, never by their place in the list: first the slots that
/// are exactly as they were, then the same test for the same candidates
/// (moved, or in another room), then the same test at the same time (for
/// other candidates). What is left was removed or added.
fn slot_changes(before: &[&SlotView], after: &[&SlotView]) -> Vec<Change> {
    let passes: [fn(&SlotView, &SlotView) -> bool; 3] = [
        |b, a| same_test(b, a) && same_people(b, a) && same_place_and_time(b, a),
        |b, a| same_test(b, a) && same_people(b, a),
        |b, a| same_test(b, a) && (b.date, b.minutes_debut) == (a.date, a.minutes_debut),
    ];
    let mut pair: Vec<Option<usize>> = vec![None; before.len()];
    let mut used = vec![false; after.len()];
    for pass in passes {
        for (i, b) in before.iter().enumerate() {
            if pair[i].is_some() {
                continue;
            }
            if let Some(j) = (0..after.len()).find(|&j| !used[j] && pass(b, after[j])) {
                used[j] = true;
                pair[i] = Some(j);
            }
        }
    }
    let mut out = Vec::new();
    for (b, paired) in before.iter().zip(pair) {
        let Some(j) = paired else {
            out.push(moved(What::Supprime, b, Some(b), None));
            continue;
        };
        let a = after[j];
        if (b.date, &b.debut, &b.fin) != (a.date, &a.debut, &a.fin) {
            out.push(moved(What::Horaire, b, Some(b), Some(a)).now(a));
        }
        if b.salle != a.salle {
            out.push(
                change(
                    What::Salle,
                    b,
                    b.salle.clone().unwrap_or_default(),
                    a.salle.clone().unwrap_or_default(),
                )
                .now(a),
            );
        }
    }
    for (j, a) in after.iter().enumerate() {
        if !used[j] {
            out.push(moved(What::Ajoute, a, None, Some(a)).now(a));
        }
    }
    out
}

/// Two slots of the same test.
fn same_test(b: &SlotView, a: &SlotView) -> bool {
    b.nature == a.nature && b.intitule == a.intitule
}

/// Two slots for the same candidates (by id, or both for all of them).
fn same_people(b: &SlotView, a: &SlotView) -> bool {
    b.tous_les_candidats == a.tous_les_candidats && b.candidat_ids == a.candidat_ids
}

/// Two slots on the same day, at the same times, in the same room.
fn same_place_and_time(b: &SlotView, a: &SlotView) -> bool {
    (b.date, b.minutes_debut, b.minutes_fin, &b.salle_id)
        == (a.date, a.minutes_debut, a.minutes_fin, &a.salle_id)
}

fn change(quoi: What, s: &SlotView, avant: String, apres: String) -> Change {
    Change {
        quoi,
        epreuve: s.intitule.clone(),
        jour: s.jour.clone(),
        heure: s.debut.clone(),
        avant,
        apres,
        creneau_avant: None,
        creneau_apres: None,
        creneau: None,
    }
}

/// A slot moved, added (no `before`) or removed (no `after`).
fn moved(quoi: What, s: &SlotView, before: Option<&SlotView>, after: Option<&SlotView>) -> Change {
    Change {
        creneau_avant: before.map(SlotText::of),
        creneau_apres: after.map(SlotText::of),
        ..change(quoi, s, String::new(), String::new())
    }
}

impl Change {
    /// The change concerns this slot of the new planning.
    fn now(mut self, slot: &SlotView) -> Change {
        self.creneau = Some(slot.index);
        self
    }
}

/// A change that is not about a slot (a name, an address, a juror's
/// partners).
fn fact(quoi: What, avant: &str, apres: &str) -> Change {
    Change {
        quoi,
        epreuve: String::new(),
        jour: String::new(),
        heure: String::new(),
        avant: avant.to_owned(),
        apres: apres.to_owned(),
        creneau_avant: None,
        creneau_apres: None,
        creneau: None,
    }
}

/// The kinds of internal documents whose content differs between two
/// compositions of the same session (documents sent to people are
/// reported per person instead).
pub fn internal_documents(before: &[Composed], after: &[Composed]) -> Vec<Kind> {
    let texts = |docs: &[Composed], kind: Kind| -> Vec<(String, String)> {
        docs.iter()
            .filter(|c| c.kind == kind)
            .map(|c| (c.stem.clone(), c.document.plain_text()))
            .collect()
    };
    Kind::ALL
        .iter()
        .copied()
        .filter(|k| !k.spec().sent)
        .filter(|k| texts(before, *k) != texts(after, *k))
        .collect()
}

/// The block of each kind's template that names it in the report.
pub const NAMES: &str = "nom_changements";

/// The report printed by `sessiondoc changements`, from `templates/changements.j2`.
pub fn report(changes: &Changes, before: &str, after: &str) -> Result<String, Error> {
    let wording = Wording::new(None)?;
    let sortes = wording.kind_names(NAMES, changes.internes.iter().copied())?;
    let context = context! {
        c => Value::from_serialize(changes), avant => before, apres => after, sortes => sortes,
    };
    wording.with("changements", context, |t| {
        if changes.is_empty() {
            Ok(format!("{}\n", t.text("aucun")?))
        } else {
            t.raw("rapport")
        }
    })
}
