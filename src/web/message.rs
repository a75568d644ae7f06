//! The pages that say one thing (an error, a refusal), with a way back:
//! each a block of `templates/web/textes.txt`, which also names the roles
//! of a sending and the groups of the documents' page.

use std::collections::HashMap;

use serde::Serialize;

use crate::error::Error;
use crate::web::app::App;
use crate::web::edit::Refusal;
use crate::web::http::Reply;
use crate::web::view::Views;

/// The template of the words the program's answers put in the pages.
const TEXTS: &str = "textes.txt";

/// A message page, by its block in `textes.txt`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Message {
    /// The operation failed; what went wrong follows.
    Failed,
    PageNotFound,
    NoSession,
    /// The file does not read; why follows.
    Unreadable,
    /// The file has errors that stop it loading.
    NotLoaded,
    /// The file changed since the form was shown.
    ChangedOnDisk,
    NoListChosen,
    ListUnreadable,
    NoListWaiting,
    FileNotFound,
    NoDocument,
    UnknownItem,
    /// The planner wrote nothing; why follows.
    PlanningNotWritten,
    /// The file has `erreurs` errors: nothing produced.
    NothingProduced,
    /// The file has `erreurs` errors: nothing sent.
    NothingSent,
}

impl Message {
    /// Every message page, for the tests.
    pub const ALL: &[Message] = &[
        Message::Failed,
        Message::PageNotFound,
        Message::NoSession,
        Message::Unreadable,
        Message::NotLoaded,
        Message::ChangedOnDisk,
        Message::NoListChosen,
        Message::ListUnreadable,
        Message::NoListWaiting,
        Message::FileNotFound,
        Message::NoDocument,
        Message::UnknownItem,
        Message::PlanningNotWritten,
        Message::NothingProduced,
        Message::NothingSent,
    ];

    /// Its block in `textes.txt`.
    pub fn block(self) -> &'static str {
        match self {
            Message::Failed => "echec",
            Message::PageNotFound => "page_introuvable",
            Message::NoSession => "aucune_session",
            Message::Unreadable => "illisible",
            Message::NotLoaded => "non_charge",
            Message::ChangedOnDisk => "fichier_change",
            Message::NoListChosen => "aucune_liste",
            Message::ListUnreadable => "liste_illisible",
            Message::NoListWaiting => "aucune_liste_en_attente",
            Message::FileNotFound => "fichier_introuvable",
            Message::NoDocument => "aucun_document",
            Message::UnknownItem => "element_inconnu",
            Message::PlanningNotWritten => "planning_non_ecrit",
            Message::NothingProduced => "rien_produit",
            Message::NothingSent => "rien_envoye",
        }
    }
}

/// The words of a block of `textes.txt` (`envois`, `publics`).
pub struct Words(HashMap<String, String>);

impl Words {
    /// The words of the block `block`.
    pub fn of(views: &Views, block: &str) -> Result<Words, Error> {
        views.labels(TEXTS, &[block]).map(Words)
    }

    /// The text of `key`; the key itself where the template lacks it (a
    /// test checks that none lacks).
    pub fn get(&self, key: &str) -> String {
        self.0.get(key).cloned().unwrap_or_else(|| key.to_owned())
    }

    /// Whether the template words `key`.
    pub fn has(&self, key: &str) -> bool {
        self.0.contains_key(key)
    }
}

/// The line `key` of the block `block`, rendered with `values` (each on
/// one line: a value never breaks the block's lines); the key itself
/// where the template lacks it (a test checks that none lacks).
fn said(views: &Views, block: &str, key: &str, values: minijinja::Value) -> String {
    views
        .labels_with(TEXTS, &[block], values)
        .ok()
        .and_then(|mut words| words.remove(key))
        .unwrap_or_else(|| key.to_owned())
}

/// `text` on one line.
fn one_line(text: &str) -> String {
    text.replace(['\n', '\r'], " ")
}

/// What a form finds wrong with a value: the line `key` of the block
/// `saisie`, said of the field `label` and its `value`.
pub fn input_problem(views: &Views, key: &str, label: &str, value: &str) -> String {
    let values = minijinja::context! { libelle => one_line(label), valeur => one_line(value) };
    said(views, "saisie", key, values)
}

/// Why a change was not written: the line `key` of the block `ecriture`
/// (`illisible`, `creneau_illisible`, `creneau_ecrit`), with `why`, what
/// the file would say.
pub fn not_written(views: &Views, key: &str, why: &str) -> String {
    said(
        views,
        "ecriture",
        key,
        minijinja::context! { pourquoi => one_line(why) },
    )
}

/// Why the change of the part `block` (`titre.ccp`) was refused, with
/// what to do.
pub fn refusal_words(views: &Views, refusal: &Refusal, block: &str) -> String {
    let parties: Vec<&str> = block.rsplit('.').collect();
    let (key, cle) = match refusal {
        Refusal::NoPart => ("pas_de_partie", ""),
        Refusal::MultiLine(key) => ("plusieurs_lignes", key.as_str()),
        Refusal::NoItem => ("pas_d_element", ""),
        Refusal::FirstKey(key) => ("premiere_cle", key.as_str()),
    };
    said(views, "ecriture", key, minijinja::context! { parties, cle })
}

impl App {
    /// The message page `message`, its words rendered with `values`, then
    /// the lines of `detail` (what went wrong, as the program says it).
    pub fn message_with(
        &self,
        status: u16,
        message: Message,
        values: impl Serialize,
        detail: &str,
    ) -> Reply {
        self.message_page(status, message, values, detail, None)
    }

    /// The page that says the file changed since the form was shown, with
    /// a button to reload the page `reload`.
    pub fn changed_on_disk(&self, reload: &str) -> Reply {
        self.message_page(409, Message::ChangedOnDisk, (), "", Some(reload))
    }

    /// A message page, with its button to `action` when its words name one.
    fn message_page(
        &self,
        status: u16,
        message: Message,
        values: impl Serialize,
        detail: &str,
        action: Option<&str>,
    ) -> Reply {
        let page = self
            .views
            .labels_with(TEXTS, &[message.block()], values)
            .and_then(|words| {
                let said = ["texte", "suite"].into_iter().filter_map(|k| words.get(k));
                let lines: Vec<&str> = said.map(String::as_str).chain(detail.lines()).collect();
                let label = words.get("action");
                self.views.render(
                    "message.html",
                    minijinja::context! {
                        title => words.get("titre"),
                        lines,
                        session => self.session_name(),
                        action => label.and(action),
                        action_label => label,
                    },
                )
            });
        match page {
            Ok(html) => Reply::html(status, html),
            Err(e) => Reply::text(500, &e.to_string()),
        }
    }

    /// The plain text of a request refused, by the key of its reason in
    /// the block `refus`.
    pub fn refusal(&self, status: u16, key: &str) -> Reply {
        let values = minijinja::context! { mo => crate::web::http::MAX_BODY / (1024 * 1024) };
        match self.views.labels_with(TEXTS, &["refus"], values) {
            Ok(words) => Reply::text(status, words.get(key).map_or(key, String::as_str)),
            Err(e) => Reply::text(500, &e.to_string()),
        }
    }

    /// The message page `message`, which says no more than its words.
    pub fn message(&self, status: u16, message: Message) -> Reply {
        self.message_with(status, message, (), "")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_role_nature_refusal_and_problem_is_worded() {
        let views = Views::new().unwrap();
        for message in Message::ALL {
            let words = views
                .labels_with(
                    TEXTS,
                    &[message.block()],
                    minijinja::context! { erreurs => 2 },
                )
                .unwrap();
            assert!(words.contains_key("titre"), "{message:?}");
        }
        let sending = Words::of(&views, "envois").unwrap();
        for role in [
            "candidat",
            "jure",
            crate::record::ddets::ROLE,
            "surveillant",
        ] {
            assert!(sending.has(&format!("role.{role}")), "{role}");
        }
        for nature in ["premier", "rectificatif", "annulation"] {
            assert!(sending.has(&format!("nature.{nature}")), "{nature}");
        }
        let refusals = views.labels(TEXTS, &["refus"]).unwrap();
        for key in ["hote", "jeton", "origine", "trop_gros"] {
            assert!(refusals.contains_key(key), "{key}");
        }
        let input = views.labels(TEXTS, &["saisie"]).unwrap();
        for key in [
            "vide",
            "date",
            "heure",
            "nombre",
            "choix",
            "dates",
            "heures",
            "creneau",
            "jour",
            "debut",
            "salle",
            "chemin",
            "chemin_vide",
        ] {
            assert!(input.contains_key(key), "{key}");
        }
        let writing = views
            .labels_with(
                TEXTS,
                &["ecriture"],
                minijinja::context! { parties => ["a"] },
            )
            .unwrap();
        for key in [
            "pas_de_partie",
            "plusieurs_lignes",
            "pas_d_element",
            "premiere_cle",
            "illisible",
            "creneau_illisible",
            "creneau_ecrit",
        ] {
            assert!(writing.contains_key(key), "{key}");
        }
        let ccp = refusal_words(&views, &Refusal::NoPart, "titre.ccp");
        assert!(
            ccp.contains("« ccp: » dans « titre: »\u{a0}; ajoutez-la"),
            "{ccp}"
        );
        let unread = not_written(&views, "illisible", "ligne 3\nsuite");
        assert!(
            unread.ends_with("illisible (ligne 3 suite)\u{a0}; rien n'a été écrit"),
            "{unread}"
        );
    }
}
