//! Structure: ids, references, dates and codes.

use std::collections::HashMap;

use super::{Known, at, indexed, known};
use crate::diag::Diagnostic;
use crate::fr;
use crate::model::{At, NatureSession, Selection, Session, Witness};

fn is_slug(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'-')
}

/// Every id list of the file, with its YAML name.
fn id_lists(s: &Session) -> [(&'static str, Vec<&At<String>>); 5] {
    [
        ("jures", s.jures.value.iter().map(|j| &j.id).collect()),
        (
            "surveillants",
            s.surveillants.iter().map(|m| &m.id).collect(),
        ),
        ("formateurs", s.formateurs.iter().map(|m| &m.id).collect()),
        ("salles", s.salles.iter().map(|r| &r.id).collect()),
        (
            "candidats",
            s.candidats.value.iter().map(|c| &c.id).collect(),
        ),
    ]
}

/// Ids are short slugs: lowercase letters, digits, `-` and `_`.
pub fn ids_are_slugs(s: &Session, out: &mut Vec<Diagnostic>) {
    for (list, ids) in id_lists(s) {
        for (i, id) in ids.iter().enumerate() {
            if !is_slug(&id.value) {
                out.push(
                    Diagnostic::error(
                        format!("{list}[{i}].id"),
                        at(id),
                        format!("l'identifiant « {} » contient des caractères non permis", id.value),
                    )
                    .help("un identifiant ne contient que des minuscules sans accent, des chiffres, « - » et « _ » (par exemple\u{a0}: dupont ou salle-105)"),
                );
            }
        }
    }
}

fn has_format(code: &str, prefix: &str, digits: usize) -> bool {
    code.strip_prefix(prefix)
        .is_some_and(|rest| rest.len() == digits && rest.bytes().all(|b| b.is_ascii_digit()))
}

/// Title codes read `TP-NNNNN`, CCP codes `CP-NNNNNN`.
pub fn codes_have_their_format(s: &Session, out: &mut Vec<Diagnostic>) {
    let code = &s.titre.code;
    if !has_format(&code.value, "TP-", 5) {
        out.push(
            Diagnostic::error(
                "titre.code",
                at(code),
                format!("le code du titre « {} » n'a pas le format attendu", code.value),
            )
            .help("format attendu\u{a0}: TP-NNNNN (par exemple TP-00402), tel qu'il figure sur la fiche du titre"),
        );
    }
    for (i, ccp) in s.titre.ccp.value.iter().enumerate() {
        if !has_format(&ccp.code.value, "CP-", 6) {
            out.push(
                Diagnostic::error(
                    format!("titre.ccp[{i}].code"),
                    at(&ccp.code),
                    format!("le code de CCP « {} » n'a pas le format attendu", ccp.code.value),
                )
                .help("format attendu\u{a0}: CP-NNNNNN (par exemple CP-002498), tel qu'il figure sur la fiche du titre"),
            );
        }
    }
}

/// Ids are unique within their list.
pub fn ids_are_unique(s: &Session, out: &mut Vec<Diagnostic>) {
    for (list, ids) in id_lists(s) {
        let mut first: HashMap<&str, usize> = HashMap::new();
        for (i, id) in ids.iter().enumerate() {
            if let Some(prev) = first.get(id.value.as_str()) {
                out.push(
                    Diagnostic::error(
                        format!("{list}[{i}].id"),
                        at(id),
                        format!(
                            "l'identifiant « {} » est déjà utilisé par {list}[{prev}]",
                            id.value
                        ),
                    )
                    .help("donnez à chaque entrée de la liste un identifiant différent"),
                );
            } else {
                first.insert(&id.value, i);
            }
        }
    }
}

/// Every reference to a juror, room, candidate, surveillant or trainer resolves.
pub fn references_resolve(s: &Session, out: &mut Vec<Diagnostic>) {
    let jures = Known::new(s.jures.value.iter().map(|j| &j.id), "le juré", "jurés");
    let surveillants = Known::new(
        s.surveillants.iter().map(|m| &m.id),
        "le surveillant",
        "surveillants",
    );
    let formateurs = Known::new(
        s.formateurs.iter().map(|m| &m.id),
        "le formateur",
        "formateurs",
    );
    let salles = Known::new(s.salles.iter().map(|r| &r.id), "la salle", "salles");
    let candidats = Known::new(
        s.candidats.value.iter().map(|c| &c.id),
        "le candidat",
        "candidats",
    );

    for (i, c) in s.candidats.value.iter().enumerate() {
        jures.resolve(out, &format!("candidats[{i}].jury"), indexed(&c.jury.value));
        let path = format!("candidats[{i}].formateur");
        formateurs.resolve_one(out, &path, c.formateur.as_ref());
    }
    for (i, slot) in s.planning.value.iter().enumerate() {
        salles.resolve_one(out, &format!("planning[{i}].salle"), slot.salle.as_ref());
        let people = [
            ("candidats", &slot.candidats, &candidats),
            ("jures", &slot.jures, &jures),
            ("surveillants", &slot.surveillants, &surveillants),
        ];
        for (field, selection, known) in people {
            if let Some(sel) = selection {
                let path = format!("planning[{i}].{field}");
                known.resolve(out, &path, indexed(sel.value.ids()));
            }
        }
    }
    for (i, f) in s.fraudes.iter().enumerate() {
        let path = format!("fraudes[{i}].candidat");
        candidats.resolve_one(out, &path, Some(&f.candidat));
        witnesses_resolve(i, f, &surveillants.ids, &jures.ids, out);
    }
}

/// The witnesses of fraud report `i` are named, each a surveillant, a
/// juror or « responsable ».
fn witnesses_resolve(
    i: usize,
    f: &crate::model::Fraude,
    surveillants: &[&At<String>],
    jures: &[&At<String>],
    out: &mut Vec<Diagnostic>,
) {
    if let Selection::Tous = f.constate_par.value {
        out.push(
            Diagnostic::error(
                format!("fraudes[{i}].constate_par"),
                at(&f.constate_par),
                "« tous » ne dit pas qui a constaté les faits",
            )
            .help("nommez les surveillants ou jurés témoins, ou « responsable »"),
        );
    }
    for (j, w) in f.constate_par.value.ids().iter().enumerate() {
        let is_known = Witness::of(&w.value) == Witness::Responsable
            || surveillants.iter().chain(jures).any(|k| k.value == w.value);
        if !is_known {
            out.push(
                Diagnostic::error(
                    format!("fraudes[{i}].constate_par[{j}]"),
                    at(w),
                    format!(
                        "le témoin « {} » n'est ni un surveillant, ni un juré, ni « responsable »",
                        w.value
                    ),
                )
                .help(format!(
                    "témoins possibles\u{a0}: {}, responsable",
                    known(surveillants.iter().chain(jures).copied())
                )),
            );
        }
    }
}

/// `fin` is not before `debut`, for the session and for every slot.
pub fn dates_are_in_order(s: &Session, out: &mut Vec<Diagnostic>) {
    let info = &s.session;
    if info.fin.value < info.debut.value {
        out.push(
            Diagnostic::error(
                "session.fin",
                at(&info.fin),
                format!(
                    "la session finit le {} avant d'avoir commencé le {}",
                    fr::long_date(info.fin.value),
                    fr::long_date(info.debut.value)
                ),
            )
            .help("la date de fin doit être le même jour que le début ou après"),
        );
    }
    for (i, slot) in s.planning.value.iter().enumerate() {
        if slot.fin.value < slot.debut.value {
            out.push(
                Diagnostic::error(
                    format!("planning[{i}].fin"),
                    at(&slot.fin),
                    format!(
                        "le créneau « {} » finit à {} avant de commencer à {}",
                        slot.intitule,
                        fr::time(slot.fin.value),
                        fr::time(slot.debut.value)
                    ),
                )
                .help("vérifiez les heures de début et de fin (format attendu\u{a0}: HH:MM, sur 24 heures)"),
            );
        }
    }
}

/// Every slot's date lies within the session's days.
pub fn slots_lie_within_the_session(s: &Session, out: &mut Vec<Diagnostic>) {
    let (debut, fin) = (s.session.debut.value, s.session.fin.value);
    for (i, slot) in s.planning.value.iter().enumerate() {
        let day = slot.date.value;
        if day < debut || day > fin {
            out.push(
                Diagnostic::error(
                    format!("planning[{i}].date"),
                    at(&slot.date),
                    format!(
                        "le créneau « {} » est le {}, hors des jours de la session",
                        slot.intitule,
                        fr::long_date(day)
                    ),
                )
                .help(format!(
                    "la session va du {} au {}\u{a0}: corrigez la date du créneau ou celles de la session",
                    fr::long_date(debut),
                    fr::long_date(fin)
                )),
            );
        }
    }
}

/// A CCP session names at least one CCP of the title.
pub fn ccp_session_names_its_ccp(s: &Session, out: &mut Vec<Diagnostic>) {
    let nature = &s.session.nature;
    if nature.value == NatureSession::Titre {
        return;
    }
    let empty = s.session.ccp.as_ref().is_none_or(|l| l.value.is_empty());
    if empty {
        let place = s.session.ccp.as_ref().map_or(at(nature), at);
        out.push(
            Diagnostic::error(
                "session.ccp",
                place,
                "une session de CCP doit nommer le ou les CCP qu'elle couvre",
            )
            .help(format!(
                "ajoutez par exemple « ccp: [{}] » sous « session: »",
                s.titre
                    .ccp
                    .value
                    .first()
                    .map_or("CP-000000", |c| c.code.value.as_str())
            )),
        );
    }
}

/// Every CCP code used anywhere belongs to the title.
pub fn ccp_codes_belong_to_the_title(s: &Session, out: &mut Vec<Diagnostic>) {
    let title_codes: Vec<&At<String>> = s.titre.ccp.value.iter().map(|c| &c.code).collect();
    let mut uses: Vec<(String, &At<String>)> = Vec::new();
    if let Some(list) = &s.session.ccp {
        uses.extend(
            list.value
                .iter()
                .enumerate()
                .map(|(i, c)| (format!("session.ccp[{i}]"), c)),
        );
    }
    for (i, j) in s.jures.value.iter().enumerate() {
        for (k, c) in j.ccp.iter().flatten().enumerate() {
            uses.push((format!("jures[{i}].ccp[{k}]"), c));
        }
    }
    for (i, c) in s.candidats.value.iter().enumerate() {
        if let Some(r) = &c.resultat {
            for (k, code) in r.value.ccp.iter().enumerate() {
                uses.push((format!("candidats[{i}].resultat.ccp[{k}]"), code));
            }
        }
    }
    for (path, code) in uses {
        if !title_codes.iter().any(|t| t.value == code.value) {
            out.push(
                Diagnostic::error(
                    path,
                    at(code),
                    format!(
                        "le CCP « {} » n'appartient pas au titre {}",
                        code.value, s.titre.code.value
                    ),
                )
                .help(format!(
                    "CCP du titre\u{a0}: {}",
                    known(title_codes.iter().copied())
                )),
            );
        }
    }
}

/// The articles `centre.article` may give.
const ARTICLES: [&str; 5] = ["le", "la", "l'", "les", "aucun"];

/// `centre.article` is one the documents know how to say.
pub fn centre_article_is_known(s: &Session, out: &mut Vec<Diagnostic>) {
    if let Some(article) = &s.centre.article
        && !ARTICLES.contains(&article.value.as_str())
    {
        out.push(
            Diagnostic::error(
                "centre.article",
                at(article),
                format!("l'article « {} » n'est pas connu", article.value),
            )
            .help(
                "écrivez « le » (au Centre…), « la » (à la Maison…), « l' » (à l'AFPA), « les » (aux Ateliers…) ou « aucun » (à Formaplus)",
            ),
        );
    }
}
