//! People: the jury, accreditations, and conflicts of interest.

use super::{at, known, same_person};
use crate::diag::Diagnostic;
use crate::fr;
use crate::model::{Membre, MoyenEnvoi, Session};

/// A session needs at least two accredited jurors.
pub fn at_least_two_jurors(s: &Session, out: &mut Vec<Diagnostic>) {
    let n = s.jures.value.len();
    if n < 2 {
        out.push(
            Diagnostic::error(
                "jures",
                at(&s.jures),
                format!("la session n'a que {n} juré(s)\u{a0}: il en faut au moins deux"),
            )
            .help("ajoutez un juré habilité sur le titre, ou contactez la DDETS si le jury ne peut pas être constitué"),
        );
    }
}

/// Every candidate is evaluated by a pair of two distinct jurors.
pub fn each_candidate_has_a_pair(s: &Session, out: &mut Vec<Diagnostic>) {
    for (i, c) in s.candidats.value.iter().enumerate() {
        let jury = &c.jury.value;
        let path = format!("candidats[{i}].jury");
        if jury.len() != 2 {
            out.push(
                Diagnostic::error(
                    &path,
                    at(&c.jury),
                    format!(
                        "le candidat « {} » a {} juré(s)\u{a0}: il faut un binôme de deux jurés",
                        c.id.value,
                        jury.len()
                    ),
                )
                .help(format!(
                    "écrivez deux identifiants de jurés, par exemple [{}]",
                    known(s.jures.value.iter().take(2).map(|j| &j.id))
                )),
            );
        } else if jury[0].value == jury[1].value {
            out.push(
                Diagnostic::error(
                    format!("{path}[1]"),
                    at(&jury[1]),
                    format!(
                        "le binôme du candidat « {} » nomme deux fois le même juré",
                        c.id.value
                    ),
                )
                .help("un binôme est formé de deux jurés différents"),
            );
        }
    }
}

/// A juror's accreditation runs at least to the session's last day: an
/// error when the juror evaluates a candidate or sits in a slot, a warning
/// when they are only listed (the planner leaves them out).
pub fn accreditations_cover_the_session(s: &Session, out: &mut Vec<Diagnostic>) {
    let fin = s.session.fin.value;
    for (i, j) in s.jures.value.iter().enumerate() {
        if j.habilitation_fin.value >= fin {
            continue;
        }
        let id = &j.id.value;
        let serves = s
            .candidats
            .value
            .iter()
            .any(|c| c.jury.value.iter().any(|k| &k.value == id))
            || s.planning.value.iter().any(|slot| slot.has_jure(id));
        let message = format!(
            "l'habilitation de {} prend fin le {}, avant le dernier jour de la session ({})",
            fr::full_name(j.civilite, &j.nom, &j.prenom),
            fr::long_date(j.habilitation_fin.value),
            fr::long_date(fin)
        );
        let path = format!("jures[{i}].habilitation_fin");
        let place = at(&j.habilitation_fin);
        out.push(if serves {
            Diagnostic::error(path, place, message)
                .help("faites renouveler l'habilitation par la DDETS ou choisissez un autre juré habilité")
        } else {
            Diagnostic::warning(path, place, format!("{message}\u{a0}; ce juré n'évalue personne"))
                .help("il ne peut siéger dans aucun binôme\u{a0}: faites renouveler son habilitation par la DDETS ou retirez-le de la liste")
        });
    }
}

/// A juror restricted to some CCPs evaluates no candidate on others.
pub fn restricted_jurors_keep_to_their_ccp(s: &Session, out: &mut Vec<Diagnostic>) {
    let covered = s.covered_ccp();
    for (i, c) in s.candidats.value.iter().enumerate() {
        for (k, id) in c.jury.value.iter().enumerate() {
            let Some(j) = s.jure(&id.value) else { continue };
            let Some(allowed) = &j.ccp else { continue };
            let outside: Vec<&str> = covered
                .iter()
                .copied()
                .filter(|code| !allowed.iter().any(|a| a.value == *code))
                .collect();
            if !outside.is_empty() {
                out.push(
                    Diagnostic::error(
                        format!("candidats[{i}].jury[{k}]"),
                        at(id),
                        format!(
                            "le juré « {} » n'est habilité que pour {} et ne peut pas évaluer {}",
                            id.value,
                            known(allowed.iter()),
                            outside.join(", ")
                        ),
                    )
                    .help("choisissez un juré habilité sur tous les CCP de la session"),
                );
            }
        }
    }
}

fn trainer<'a>(s: &'a Session, id: &str) -> Option<&'a Membre> {
    s.formateurs.iter().find(|f| f.id.value == id)
}

/// A juror is not the trainer of a candidate they evaluate.
pub fn jurors_do_not_evaluate_their_trainees(s: &Session, out: &mut Vec<Diagnostic>) {
    for (i, c) in s.candidats.value.iter().enumerate() {
        let Some(f) = c.formateur.as_ref().and_then(|f| trainer(s, &f.value)) else {
            continue;
        };
        for (k, id) in c.jury.value.iter().enumerate() {
            let Some(j) = s.jure(&id.value) else { continue };
            if same_person(&j.nom, &j.prenom, &f.nom, &f.prenom) {
                out.push(
                    Diagnostic::error(
                        format!("candidats[{i}].jury[{k}]"),
                        at(id),
                        format!(
                            "le juré « {} » est le formateur du candidat « {} » et ne peut pas l'évaluer",
                            id.value, c.id.value
                        ),
                    )
                    .help("confiez ce candidat à un binôme sans lien avec lui"),
                );
            }
        }
    }
}

/// A surveillant is not a candidate's trainer nor the responsable.
pub fn surveillants_are_neither_trainers_nor_responsable(s: &Session, out: &mut Vec<Diagnostic>) {
    let r = &s.responsable;
    for (i, m) in s.surveillants.iter().enumerate() {
        let path = format!("surveillants[{i}]");
        if same_person(&m.nom, &m.prenom, &r.nom, &r.prenom) {
            out.push(
                Diagnostic::error(
                    &path,
                    at(&m.id),
                    format!("le surveillant « {} » est le responsable de session", m.id.value),
                )
                .help("le responsable de session ne peut pas être le surveillant\u{a0}: désignez une autre personne"),
            );
        }
        let trains = s.candidats.value.iter().find(|c| {
            c.formateur
                .as_ref()
                .and_then(|f| trainer(s, &f.value))
                .is_some_and(|f| same_person(&m.nom, &m.prenom, &f.nom, &f.prenom))
        });
        if let Some(c) = trains {
            out.push(
                Diagnostic::error(
                    &path,
                    at(&m.id),
                    format!(
                        "le surveillant « {} » est le formateur du candidat « {} »",
                        m.id.value, c.id.value
                    ),
                )
                .help("le formateur d'un candidat ne peut pas surveiller la session\u{a0}: désignez une autre personne"),
            );
        }
    }
}

/// Warning: the responsable de session trained the candidates.
pub fn responsable_is_not_the_trainer(s: &Session, out: &mut Vec<Diagnostic>) {
    let r = &s.responsable;
    for (i, c) in s.candidats.value.iter().enumerate() {
        let Some(fid) = &c.formateur else { continue };
        let Some(f) = trainer(s, &fid.value) else {
            continue;
        };
        if same_person(&r.nom, &r.prenom, &f.nom, &f.prenom) {
            out.push(
                Diagnostic::warning(
                    format!("candidats[{i}].formateur"),
                    at(fid),
                    format!(
                        "le responsable de session est le formateur du candidat « {} »",
                        c.id.value
                    ),
                )
                .help("le responsable de session ne devrait pas être le formateur des candidats\u{a0}: confiez la session au suppléant si possible"),
            );
            return;
        }
    }
}

/// Warning: a person to reach by e-mail (`envoi: courriel`) without an
/// e-mail address.
pub fn courriel_needs_an_address(s: &Session, out: &mut Vec<Diagnostic>) {
    let candidates = s.candidats.value.iter().enumerate().map(|(i, c)| {
        let path = format!("candidats[{i}].envoi");
        (path, "le candidat", &c.id, &c.envoi, &c.email)
    });
    let jurors = s.jures.value.iter().enumerate().map(|(i, j)| {
        let path = format!("jures[{i}].envoi");
        (path, "le juré", &j.id, &j.envoi, &j.email)
    });
    let surveillants = s.surveillants.iter().enumerate().map(|(i, m)| {
        let path = format!("surveillants[{i}].envoi");
        (path, "le surveillant", &m.id, &m.envoi, &m.email)
    });
    for (path, who, id, envoi, email) in candidates.chain(jurors).chain(surveillants) {
        let Some(envoi) = envoi.as_ref().filter(|e| e.value == MoyenEnvoi::Courriel) else {
            continue;
        };
        if email.as_deref().is_some_and(|e| !e.trim().is_empty()) {
            continue;
        }
        out.push(
            Diagnostic::warning(
                &path,
                at(envoi),
                format!(
                    "{who} « {} » reçoit ses lettres par courriel (envoi: courriel) mais n'a pas d'adresse e-mail",
                    id.value
                ),
            )
            .help("ajoutez son adresse (email: …), ou choisissez envoi: courrier (lettre recommandée) ou envoi: main_propre (remise en main propre)"),
        );
    }
}
