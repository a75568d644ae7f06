//! « Ce qu'il faut envoyer »: what `sessiondoc envoyer` would record now
//! (`record::pending`): to whom, which document, by which means, and
//! whether it is a first sending, a rectificative or a cancellation; a
//! button that records the sending as the command does (the documents
//! produced again against the last sending, then `record::record`), and
//! the sending kits already recorded, each file served from the output
//! folder.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use serde::Serialize;

use crate::error::Error;
use crate::generate::{self, GenerateOptions};
use crate::kind::Kind;
use crate::load;
use crate::model::{Date, Session};
use crate::web::app::App;
use crate::web::documents::encode_path;
use crate::web::http::{Reply, Request, first};
use crate::web::message::{Message, Words};

/// One document to send, as the page shows it.
#[derive(Serialize)]
struct ToSend {
    role: String,
    name: String,
    document: String,
    url: String,
    means: String,
    /// « premier envoi », « rectificatif » or « annulation ».
    nature: String,
}

/// A sending already recorded: its folder's name and files.
#[derive(Serialize)]
struct Recorded {
    name: String,
    files: Vec<(String, String)>,
}

/// Who a line of the record names, in words.
fn person(session: &Session, words: &Words, role: &str, id: &str) -> (String, String) {
    let name = match role {
        "candidat" => session
            .candidat(id)
            .map(|c| format!("{} {}", c.nom_affiche(), c.prenom)),
        "jure" => session.jure(id).map(|j| format!("{} {}", j.nom, j.prenom)),
        crate::record::ddets::ROLE => Some(session.autorite.nom.clone()),
        _ => session
            .surveillant(id)
            .map(|s| format!("{} {}", s.nom, s.prenom)),
    };
    let role = match role {
        "candidat" | "jure" | crate::record::ddets::ROLE => role,
        _ => "surveillant",
    };
    (
        words.get(&format!("role.{role}")),
        name.unwrap_or_else(|| id.to_owned()),
    )
}

/// The address of a file of the output folder.
fn file_url(relative: &str) -> String {
    format!("/fichiers/{}", encode_path(relative))
}

/// What would be sent on `day`, in words.
fn to_send(
    folder: &Path,
    session: &Session,
    words: &Words,
    day: Date,
) -> Result<Vec<ToSend>, Error> {
    let sent: BTreeSet<String> = crate::record::lines(folder)
        .into_iter()
        .map(|l| l.document)
        .collect();
    let kinds: BTreeMap<String, Kind> = crate::output::previous_manifest(folder)
        .map(|m| m.documents)
        .unwrap_or_default()
        .into_iter()
        .map(|e| (e.path, e.kind))
        .collect();
    let lines = crate::record::pending(folder, session, day)?;
    Ok(lines
        .into_iter()
        .map(|line| {
            let (role, name) = person(session, words, &line.role, &line.id);
            let nature = match kinds.get(&line.document) {
                Some(Kind::Annulation) => "annulation",
                _ if sent.contains(&line.document) => "rectificatif",
                _ => "premier",
            };
            let nature = words.get(&format!("nature.{nature}"));
            ToSend {
                role,
                name,
                url: file_url(&line.document),
                document: line.document,
                means: line.moyen,
                nature,
            }
        })
        .collect())
}

/// The sendings recorded in the output folder, the last first.
fn recorded(folder: &Path) -> Vec<Recorded> {
    let mut out: Vec<Recorded> = crate::record::sendings(folder)
        .into_iter()
        .map(|dir| {
            let name = dir
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            // The kit's files, and its e-mail drafts in their folder.
            let in_folder = |sub: &str| {
                std::fs::read_dir(dir.join(sub))
                    .into_iter()
                    .flatten()
                    .flatten()
                    .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
                    .map(|e| {
                        let file = e.file_name().to_string_lossy().into_owned();
                        let shown = [sub, file.as_str()]
                            .iter()
                            .filter(|p| !p.is_empty())
                            .copied()
                            .collect::<Vec<_>>()
                            .join("/");
                        let relative = format!("{}/{name}/{shown}", crate::record::ENVOIS);
                        (shown, file_url(&relative))
                    })
                    .collect::<Vec<_>>()
            };
            let mut files = in_folder("");
            files.extend(in_folder(crate::record::COURRIELS));
            files.sort();
            Recorded { name, files }
        })
        .collect();
    out.reverse();
    out
}

impl App {
    /// What to send now, and the sendings recorded.
    pub fn sending_page(&self, request: &Request) -> Result<Reply, Error> {
        let loaded = match self.load() {
            Ok(l) => l,
            Err(reply) => return Ok(reply),
        };
        let Some(session) = &loaded.session else {
            return Ok(self.not_loaded());
        };
        let folder = generate::default_folder(&loaded.source, session);
        let day = Date::today();
        let words = Words::of(&self.views, "envois")?;
        let (lines, problem) = match to_send(&folder, session, &words, day) {
            Ok(lines) => (lines, None),
            Err(e) => (Vec::new(), Some(e.to_string())),
        };
        let context = minijinja::context! {
            session => self.session_name(), lines, problem,
            day => crate::fr::long_date(day),
            recorded => recorded(&folder),
            just_recorded => request.query("enregistre"),
            nothing => request.query("rien").is_some(),
            empreinte => loaded.source.sha256,
        };
        Ok(Reply::html(200, self.views.render("envois.html", context)?))
    }

    /// Records the sending, as `sessiondoc envoyer`: the documents produced
    /// again against the last sending, then what is new or changed recorded.
    pub fn sending_record(&self, request: &Request) -> Result<Reply, Error> {
        let path = match self.session_path() {
            Ok(p) => p.to_path_buf(),
            Err(reply) => return Ok(reply),
        };
        let form = request.form();
        let (source, session) = match load::load(&path) {
            Ok(loaded) => loaded,
            Err(failure) => return Ok(self.unreadable(&failure.1.message)),
        };
        if source.sha256 != first(&form, "empreinte").unwrap_or_default() {
            return Ok(self.changed_on_disk("/envois"));
        }
        let errors = crate::check::check(&session)
            .iter()
            .filter(|d| d.severity == crate::diag::Severity::Error)
            .count();
        if errors > 0 {
            let values = minijinja::context! { erreurs => errors };
            return Ok(self.message_with(409, Message::NothingSent, values, ""));
        }
        let day = Date::today();
        let folder = generate::default_folder(&source, &session);
        let mut options = GenerateOptions::all_into(&folder);
        options.date = Some(day);
        options.depuis = crate::record::last_session(&folder);
        generate::run(&source, &session, &options)
            .map_err(|e| e.with_note("Rien n'a été envoyé ni modifié."))?;
        Ok(
            match crate::record::record(&folder, &source.text, &session, (day, None))? {
                None => Reply::redirect("/envois?rien=1"),
                Some(sending) => {
                    let name = sending
                        .folder
                        .file_name()
                        .map(|n| n.to_string_lossy().into_owned())
                        .unwrap_or_default();
                    Reply::redirect(&format!("/envois?enregistre={name}"))
                }
            },
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ddets_is_named_as_the_authority_not_as_a_surveillant() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("fixtures/secretaire-comptable.yaml");
        let (_, session) = crate::load::load(&path).unwrap();
        let views = crate::web::view::Views::new().unwrap();
        let words = Words::of(&views, "envois").unwrap();
        let (role, name) = person(&session, &words, crate::record::ddets::ROLE, "ddets");
        assert_eq!(role, "Autorité");
        assert_eq!(name, session.autorite.nom);
    }
}
