//! Results: decisions, awarded CCPs, recommendations and fraud reports.

use super::at;
use crate::diag::Diagnostic;
use crate::model::{Decision, Session};

/// `reussite` awards every CCP of the session, `reussite_partielle` some but
/// not all, `echec` and `absent` none.
pub fn decisions_match_their_ccp(s: &Session, out: &mut Vec<Diagnostic>) {
    let covered = s.covered_ccp();
    for (i, c) in s.candidats.value.iter().enumerate() {
        let Some(r) = &c.resultat else { continue };
        let r_val = &r.value;
        let awarded: Vec<&str> = r_val.ccp.iter().map(|c| c.value.as_str()).collect();
        let n_covered = covered.iter().filter(|code| awarded.contains(code)).count();
        let path = format!("candidats[{i}].resultat.ccp");
        let place = r_val
            .ccp
            .first()
            .and_then(at)
            .or_else(|| at(&r_val.decision));
        let problem = match r_val.decision.value {
            Decision::Reussite if n_covered < covered.len() => {
                let missing: Vec<&str> = covered
                    .iter()
                    .copied()
                    .filter(|code| !awarded.contains(code))
                    .collect();
                Some((
                    format!(
                        "une réussite attribue tous les CCP de la session, il manque {}",
                        missing.join(", ")
                    ),
                    "ajoutez les CCP manquants, ou choisissez « reussite_partielle »".to_owned(),
                ))
            }
            Decision::ReussitePartielle if n_covered == 0 => Some((
                "une réussite partielle attribue au moins un CCP".to_owned(),
                "listez les CCP attribués, ou choisissez « echec »".to_owned(),
            )),
            Decision::ReussitePartielle if n_covered == covered.len() => Some((
                "une réussite partielle n'attribue pas tous les CCP de la session".to_owned(),
                "retirez les CCP non acquis, ou choisissez « reussite »".to_owned(),
            )),
            Decision::Echec | Decision::Absent if !awarded.is_empty() => Some((
                format!(
                    "la décision « {} » n'attribue aucun CCP",
                    if r_val.decision.value == Decision::Echec {
                        "echec"
                    } else {
                        "absent"
                    }
                ),
                "videz la liste (ccp: []) ou corrigez la décision".to_owned(),
            )),
            _ => None,
        };
        if let Some((message, help)) = problem {
            out.push(Diagnostic::error(path, place, message).help(help));
        }
    }
}

/// A CCP awarded is one the session covers.
pub fn awarded_ccp_are_covered(s: &Session, out: &mut Vec<Diagnostic>) {
    let covered = s.covered_ccp();
    for (i, c) in s.candidats.value.iter().enumerate() {
        let Some(r) = &c.resultat else { continue };
        for (k, code) in r.value.ccp.iter().enumerate() {
            let in_title = s.ccp(&code.value).is_some();
            if in_title && !covered.contains(&code.value.as_str()) {
                out.push(
                    Diagnostic::error(
                        format!("candidats[{i}].resultat.ccp[{k}]"),
                        at(code),
                        format!(
                            "le CCP « {} » n'est pas couvert par cette session",
                            code.value
                        ),
                    )
                    .help(format!("CCP de la session\u{a0}: {}", covered.join(", "))),
                );
            }
        }
    }
}

/// Warning: a partial success or a failure without the jury's recommendations.
pub fn partial_results_have_recommendations(s: &Session, out: &mut Vec<Diagnostic>) {
    for (i, c) in s.candidats.value.iter().enumerate() {
        let Some(r) = &c.resultat else { continue };
        let decision = r.value.decision.value;
        let needs = matches!(decision, Decision::ReussitePartielle | Decision::Echec);
        let empty = r
            .value
            .observations
            .as_deref()
            .is_none_or(|o| o.trim().is_empty());
        if needs && empty {
            out.push(
                Diagnostic::warning(
                    format!("candidats[{i}].resultat"),
                    at(&r.value.decision),
                    format!(
                        "le candidat « {} » n'a pas obtenu le titre et le jury n'a pas écrit de préconisations",
                        c.id.value
                    ),
                )
                .help("ajoutez « observations: » avec les recommandations du jury"),
            );
        }
    }
}

/// Warning: a fraud report at a time when its candidate had no slot.
pub fn fraud_reports_match_a_slot(s: &Session, out: &mut Vec<Diagnostic>) {
    for (i, f) in s.fraudes.iter().enumerate() {
        if s.candidat(&f.candidat.value).is_none() {
            continue;
        }
        let during = s.planning.value.iter().any(|slot| {
            slot.has_candidat(&f.candidat.value)
                && slot.date.value == f.date.value
                && slot.debut.value <= f.heure.value
                && f.heure.value <= slot.fin.value
        });
        if !during {
            out.push(
                Diagnostic::warning(
                    format!("fraudes[{i}].heure"),
                    at(&f.heure),
                    format!(
                        "le candidat « {} » n'a aucun créneau à cette date et à cette heure",
                        f.candidat.value
                    ),
                )
                .help("vérifiez la date et l'heure des faits"),
            );
        }
    }
}

/// Warning: some results are in, not all; says which candidates lack one.
pub fn results_are_all_in(s: &Session, out: &mut Vec<Diagnostic>) {
    let all = &s.candidats.value;
    let missing: Vec<String> = all
        .iter()
        .filter(|c| c.resultat.is_none())
        .map(|c| crate::fr::nom_prenom(c.nom_affiche(), &c.prenom))
        .collect();
    let done = all.len() - missing.len();
    if done == 0 || missing.is_empty() {
        return;
    }
    out.push(
        Diagnostic::warning(
            "candidats",
            at(&s.candidats),
            format!(
                "{done} résultat(s) sur {} saisi(s)\u{a0}; il manque celui de\u{a0}: {}",
                all.len(),
                missing.join(", ")
            ),
        )
        .help("saisissez-les (sessiondoc resultats SESSION.yaml GRILLE)\u{a0}; d'ici là, leurs PV restent des formulaires vierges et la liste des admis n'est pas produite"),
    );
}

/// The DDETS validates a session once it is over.
pub fn validation_follows_the_session(s: &Session, out: &mut Vec<Diagnostic>) {
    let Some(validated) = &s.session.validation_ddets else {
        return;
    };
    if validated.value < s.session.fin.value {
        out.push(
            Diagnostic::error(
                "session.validation_ddets",
                at(validated),
                format!(
                    "la DDETS ne peut valider la session avant sa fin ({})",
                    crate::fr::long_date(s.session.fin.value)
                ),
            )
            .help("écrivez la date portée sur la validation de la DDETS, ou retirez la clé tant que la session n'est pas validée"),
        );
    }
}
