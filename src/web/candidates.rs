//! The candidates: the list in the file, and the import of a list chosen
//! in the browser — the importer's report first, the file written only
//! once the user confirms, and only if it did not change meanwhile.

use serde::Serialize;

use crate::error::Error;
use crate::web::app::{App, Pending};
use crate::web::http::{Reply, Request, first};
use crate::web::message::Message;

/// One row of the list.
#[derive(Serialize)]
struct Row {
    id: String,
    nom: String,
    prenom: String,
    identifiant: String,
    jury: String,
}

impl App {
    /// The list of candidates and the import form.
    pub fn candidates_page(&self, request: &Request) -> Result<Reply, Error> {
        let loaded = match self.load() {
            Ok(l) => l,
            Err(reply) => return Ok(reply),
        };
        let rows: Vec<Row> = loaded
            .session
            .iter()
            .flat_map(|s| s.candidats.value.iter())
            .map(|c| Row {
                id: c.id.value.clone(),
                nom: c.nom_usage.clone().unwrap_or_else(|| c.nom.clone()),
                prenom: c.prenom.clone(),
                identifiant: c.identifiant.clone(),
                jury: c
                    .jury
                    .value
                    .iter()
                    .map(|j| j.value.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
            })
            .collect();
        let findings: Vec<_> = loaded
            .findings
            .iter()
            .filter(|f| {
                f.link
                    .as_deref()
                    .is_some_and(|l| l.starts_with("/candidats"))
            })
            .collect();
        let context = minijinja::context! {
            session => self.session_name(), rows, findings, empreinte => loaded.source.sha256,
            loads => loaded.session.is_some(), imported => request.query("importe"),
            max_mo => crate::web::http::MAX_BODY / (1024 * 1024),
        };
        Ok(Reply::html(
            200,
            self.views.render("candidats.html", context)?,
        ))
    }

    /// Reads the chosen list and shows what importing it would do.
    pub fn import_preview(&mut self, request: &Request) -> Result<Reply, Error> {
        let path = match self.session_path() {
            Ok(p) => p.to_path_buf(),
            Err(reply) => return Ok(reply),
        };
        let parts = request.multipart().unwrap_or_default();
        let seen = parts
            .iter()
            .find(|p| p.name == "empreinte")
            .map(|p| String::from_utf8_lossy(&p.bytes).into_owned())
            .unwrap_or_default();
        let Some(file) = parts
            .iter()
            .find(|p| p.name == "liste" && !p.bytes.is_empty())
        else {
            return Ok(self.message(400, Message::NoListChosen));
        };
        let extension = file
            .file_name
            .as_deref()
            .and_then(|n| n.rsplit_once('.'))
            .map(|(_, e)| e.to_ascii_lowercase())
            .filter(|e| ["csv", "txt", "xlsx", "ods"].contains(&e.as_str()));
        let Some(extension) = extension else {
            return Ok(self.message(400, Message::ListUnreadable));
        };
        let current = crate::digest::sha256_hex(&std::fs::read(&path).unwrap_or_default());
        if current != seen {
            return Ok(self.changed_on_disk("/candidats"));
        }
        let folder = tempfile::tempdir().map_err(|e| Error::Io(crate::error::io_fr(&e)))?;
        let list = folder.path().join(format!("liste.{extension}"));
        std::fs::write(&list, &file.bytes).map_err(|e| Error::Io(crate::error::io_fr(&e)))?;
        let report = crate::import::preview(&list, &path, &[], None);
        let file_name = file.file_name.clone().unwrap_or_default();
        let (notes, added, to_complete, refused) = match report {
            Ok(done) => (done.notes, done.added, done.to_complete, None),
            Err(e) => (
                Vec::new(),
                0,
                0,
                Some(
                    e.to_string()
                        .replace(&list.display().to_string(), &file_name),
                ),
            ),
        };
        self.pending_import = refused.is_none().then(|| Pending {
            _folder: folder,
            list,
            session_sha256: current.clone(),
        });
        let context = minijinja::context! {
            session => self.session_name(), file_name, notes, added, to_complete,
            refused => refused.as_deref().map(|r| r.lines().collect::<Vec<_>>()),
            empreinte => current,
        };
        Ok(Reply::html(200, self.views.render("import.html", context)?))
    }

    /// Writes the candidates of the list shown into the file.
    pub fn import_confirm(&mut self, request: &Request) -> Result<Reply, Error> {
        let path = match self.session_path() {
            Ok(p) => p.to_path_buf(),
            Err(reply) => return Ok(reply),
        };
        let form = request.form();
        let seen = first(&form, "empreinte").unwrap_or_default();
        let Some(pending) = self.pending_import.take() else {
            return Ok(self.message(409, Message::NoListWaiting));
        };
        let current = crate::digest::sha256_hex(&std::fs::read(&path).unwrap_or_default());
        if current != seen || current != pending.session_sha256 {
            return Ok(self.changed_on_disk("/candidats"));
        }
        let done = crate::import::import(&pending.list, &path, &[], None, false)?;
        Ok(Reply::redirect(&format!(
            "/candidats?importe={}",
            done.added
        )))
    }
}
