//! Producing the documents, and serving them: the list grouped by whom
//! they are for, each file of the output folder (and nothing outside it),
//! the whole folder as a zip.

use std::io::Write;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::error::Error;
use crate::generate::{self, Format};
use crate::kind::Audience;
use crate::web::app::App;
use crate::web::guard::confined;
use crate::web::http::Reply;
use crate::web::message::{Message, Words};

/// The groups of the documents page, in order, each worded in the block
/// `publics` of `templates/web/textes.txt`.
const AUDIENCES: &[(Audience, &str)] = &[
    (Audience::Candidat, "candidat"),
    (Audience::Jure, "jure"),
    (Audience::Surveillant, "surveillant"),
    (Audience::Jury, "jury"),
    (Audience::Public, "public"),
    (Audience::Responsable, "responsable"),
    (Audience::Autorite, "autorite"),
];

/// One file of the list.
#[derive(Serialize)]
struct File {
    path: String,
    url: String,
    format: &'static str,
    pages: usize,
    download: bool,
}

/// The documents of one kind.
#[derive(Serialize)]
struct KindGroup {
    about: &'static str,
    name: &'static str,
    files: Vec<File>,
}

/// The kinds of one audience.
#[derive(Serialize)]
struct Group {
    title: String,
    kinds: Vec<KindGroup>,
}

impl App {
    /// The output folder of the session open (`session-<numéro>` beside
    /// the file, as `generate` makes it).
    fn output_folder(&self) -> Result<PathBuf, Reply> {
        let loaded = self.load()?;
        match &loaded.session {
            Some(session) => Ok(generate::default_folder(&loaded.source, session)),
            None => Err(self.not_loaded()),
        }
    }

    /// The documents produced, grouped by whom they are for.
    pub fn documents_page(&self) -> Result<Reply, Error> {
        let folder = match self.output_folder() {
            Ok(f) => f,
            Err(reply) => return Ok(reply),
        };
        let entries = crate::output::previous_manifest(&folder)
            .map(|m| m.documents)
            .unwrap_or_default();
        let titles = Words::of(&self.views, "publics")?;
        let groups: Vec<Group> = AUDIENCES
            .iter()
            .map(|&(audience, key)| Group {
                title: titles.get(key),
                kinds: crate::kind::KINDS
                    .iter()
                    .filter(|spec| spec.audience == audience)
                    .map(|spec| KindGroup {
                        about: spec.about,
                        name: spec.name,
                        files: entries
                            .iter()
                            .filter(|e| e.kind == spec.kind)
                            .map(|e| File {
                                url: format!("/fichiers/{}", encode_path(&e.path)),
                                path: e.path.clone(),
                                format: e.format.extension(),
                                pages: e.pages,
                                download: e.format != Format::Pdf,
                            })
                            .collect(),
                    })
                    .filter(|k| !k.files.is_empty())
                    .collect(),
            })
            .filter(|g| !g.kinds.is_empty())
            .collect();
        let context = minijinja::context! {
            session => self.session_name(), groups, count => entries.len(),
            folder => folder.display().to_string(), production => self.last_production.lock().ok().and_then(|l| l.clone()),
        };
        Ok(Reply::html(
            200,
            self.views.render("documents.html", context)?,
        ))
    }

    /// A file of the output folder: a PDF shown, any other downloaded.
    pub fn document_file(&self, relative: &str) -> Result<Reply, Error> {
        let folder = match self.output_folder() {
            Ok(f) => f,
            Err(reply) => return Ok(reply),
        };
        let Some(file) = confined(&folder, relative) else {
            return Ok(self.message(404, Message::FileNotFound));
        };
        let bytes = std::fs::read(&file).map_err(|e| Error::Io(crate::error::io_fr(&e)))?;
        let extension = file
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or_default();
        let content_type = match extension {
            "pdf" => "application/pdf",
            "docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "ics" => "text/calendar; charset=utf-8",
            "json" => "application/json",
            _ => "application/octet-stream",
        };
        let name = file
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("document");
        let disposition = if extension == "pdf" {
            "inline"
        } else {
            "attachment"
        };
        Ok(Reply {
            status: 200,
            content_type,
            body: bytes,
            headers: vec![(
                "Content-Disposition",
                format!("{disposition}; filename*=UTF-8''{}", encode_path(name)),
            )],
            stream: None,
        })
    }

    /// The whole output folder as one zip.
    pub fn documents_zip(&self) -> Result<Reply, Error> {
        let folder = match self.output_folder() {
            Ok(f) => f,
            Err(reply) => return Ok(reply),
        };
        let mut files = Vec::new();
        collect_files(&folder, "", &mut files);
        if files.is_empty() {
            return Ok(self.message(404, Message::NoDocument));
        }
        let zip_error = |e: &dyn std::fmt::Display| Error::Io(format!("archive zip\u{a0}: {e}"));
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default();
        for relative in &files {
            let Some(file) = confined(&folder, relative) else {
                continue;
            };
            let bytes = std::fs::read(&file).map_err(|e| Error::Io(crate::error::io_fr(&e)))?;
            zip.start_file(relative.as_str(), options)
                .map_err(|e| zip_error(&e))?;
            zip.write_all(&bytes).map_err(|e| zip_error(&e))?;
        }
        let bytes = zip.finish().map_err(|e| zip_error(&e))?.into_inner();
        let name = format!(
            "{}.zip",
            folder
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or("documents")
        );
        Ok(Reply {
            status: 200,
            content_type: "application/zip",
            body: bytes,
            headers: vec![(
                "Content-Disposition",
                format!("attachment; filename*=UTF-8''{}", encode_path(&name)),
            )],
            stream: None,
        })
    }
}

/// The files of the folder, relative, `/`-separated; hidden ones (the
/// chunks kept for the next run) left out.
fn collect_files(dir: &Path, prefix: &str, files: &mut Vec<String>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<_> = entries.flatten().collect();
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let Some(name) = entry.file_name().to_str().map(str::to_owned) else {
            continue;
        };
        if name.starts_with('.') {
            continue;
        }
        let relative = format!("{prefix}{name}");
        match entry.file_type() {
            Ok(t) if t.is_dir() => collect_files(&entry.path(), &format!("{relative}/"), files),
            Ok(t) if t.is_file() => files.push(relative),
            _ => {}
        }
    }
}

/// A path for a URL: every byte but letters, digits, `-._~/` as `%XX`.
pub(super) fn encode_path(path: &str) -> String {
    path.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_group_of_documents_is_worded() {
        let views = crate::web::view::Views::new().unwrap();
        let groups = Words::of(&views, "publics").unwrap();
        for (_, key) in AUDIENCES {
            assert!(groups.has(key), "{key}");
        }
    }
}
