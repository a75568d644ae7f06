//! Candidates' identity: one N° candidat each, a plausible birth date.

use std::collections::HashMap;

use super::at;
use crate::diag::Diagnostic;
use crate::fr;

/// Two candidates never share a N° candidat (`identifiant`): the same
/// person entered twice, or a typing mistake on a ministry number.
pub fn identifiants_are_unique(s: &crate::model::Session, out: &mut Vec<Diagnostic>) {
    let mut first: HashMap<&str, &str> = HashMap::new();
    for (i, c) in s.candidats.value.iter().enumerate() {
        let number = c.identifiant.trim();
        match first.get(number) {
            Some(other) => out.push(
                Diagnostic::error(
                    format!("candidats[{i}].identifiant"),
                    at(&c.id),
                    format!(
                        "le candidat « {} » a le même N° candidat (identifiant) « {number} » que « {other} »",
                        c.id.value
                    ),
                )
                .help("chaque candidat a son propre numéro\u{a0}: retirez le doublon ou corrigez le numéro"),
            ),
            None => {
                first.insert(number, &c.id.value);
            }
        }
    }
}

/// A birth date lies between 1900 and the session's first day.
pub fn birth_dates_are_plausible(s: &crate::model::Session, out: &mut Vec<Diagnostic>) {
    let debut = s.session.debut.value;
    for (i, c) in s.candidats.value.iter().enumerate() {
        let Some(born) = c.date_naissance else {
            continue;
        };
        let year = chrono::Datelike::year(&born.0);
        if year < 1900 || born >= debut {
            out.push(
                Diagnostic::error(
                    format!("candidats[{i}].date_naissance"),
                    at(&c.id),
                    format!(
                        "la date de naissance du candidat « {} » ({}) est impossible\u{a0}: elle doit être après 1900 et avant la session ({})",
                        c.id.value,
                        fr::short_date(born),
                        fr::short_date(debut)
                    ),
                )
                .help("écrivez l'année en entier (AAAA-MM-JJ, par exemple 1991-04-12)"),
            );
        }
    }
}
