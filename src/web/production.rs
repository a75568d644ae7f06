//! Producing the documents from the browser, with its progress: the page
//! is written as the production goes (no script needed): its head at once,
//! then every two seconds how many files are written so far, then what
//! `generate` said and the way to the documents. The production runs in a
//! thread of its own; the server waits for its end before it serves
//! anything else, as for any request.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use crate::error::Error;
use crate::generate::{self, GenerateOptions};
use crate::web::app::App;
use crate::web::http::Reply;
use crate::web::message::Message;

/// How often the page says how far the production is.
const EVERY: Duration = Duration::from_secs(2);

/// Where the production page's lines of progress go, between its head and
/// its foot.
const PROGRESS_MARK: &str = "<!-- progression -->";

impl App {
    /// Checks, then produces every document in PDF and DOCX, the page
    /// written as it goes.
    pub fn produce(&mut self) -> Result<Reply, Error> {
        let loaded = match self.load() {
            Ok(l) => l,
            Err(reply) => return Ok(reply),
        };
        let errors = loaded
            .findings
            .iter()
            .filter(|f| f.severity == "erreur")
            .count();
        let Some(session) = loaded.session.filter(|_| errors == 0) else {
            let values = minijinja::context! { erreurs => errors };
            return Ok(self.message_with(409, Message::NothingProduced, values, ""));
        };
        let folder = generate::default_folder(&loaded.source, &session);
        let page = self.views.render(
            "production.html",
            minijinja::context! { session => self.session_name(), folder => folder.display().to_string() },
        )?;
        let (head, foot) = page.split_once(PROGRESS_MARK).unwrap_or((&page, ""));
        let (head, foot) = (head.to_owned(), foot.to_owned());
        let views = self.views.clone();
        let last = self.last_production.clone();
        let source = loaded.source;
        let (done, outcome) = mpsc::channel();
        let started = Instant::now();
        let worker = std::thread::spawn(move || {
            let options = GenerateOptions {
                output: None,
                ..GenerateOptions::all_into(Path::new(""))
            };
            let result = generate::run(&source, &session, &options)
                .map(|summary| summary.line())
                .map_err(|e| {
                    e.with_note("Aucun fichier du dossier de sortie n'a été modifié.")
                        .to_string()
                });
            let _ = done.send(result);
        });
        Ok(Reply::html_stream(Box::new(move |out: &mut dyn Write| {
            let mut write = |text: &str| {
                let _ = out.write_all(text.as_bytes()).and_then(|()| out.flush());
            };
            write(&head);
            let result = loop {
                match outcome.recv_timeout(EVERY) {
                    Ok(result) => break result,
                    Err(mpsc::RecvTimeoutError::Disconnected) => {
                        break Err("la production s'est arrêtée avant sa fin".to_owned());
                    }
                    Err(mpsc::RecvTimeoutError::Timeout) => {
                        let context = minijinja::context! {
                            files => staged_files(&folder),
                            seconds => started.elapsed().as_secs(),
                        };
                        write(
                            &views
                                .render("production-etape.html", context)
                                .unwrap_or_default(),
                        );
                    }
                }
            };
            let _ = worker.join();
            if let (Ok(line), Ok(mut last)) = (&result, last.lock()) {
                *last = Some(line.clone());
            }
            let context = match &result {
                Ok(line) => minijinja::context! { line },
                Err(error) => minijinja::context! { error },
            };
            write(
                &views
                    .render("production-fin.html", context)
                    .unwrap_or_default(),
            );
            write(&foot);
        })))
    }
}

/// How many files this production has written so far: those of its
/// staging folder (`.sessiondoc-…` beside the output folder), moved into
/// place at the end.
fn staged_files(folder: &Path) -> usize {
    let parent = match folder.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let Ok(entries) = std::fs::read_dir(&parent) else {
        return 0;
    };
    let mut todo: Vec<PathBuf> = entries
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with(".sessiondoc-"))
        .map(|e| e.path().join("new"))
        .collect();
    let mut count = 0;
    while let Some(dir) = todo.pop() {
        for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            match entry.file_type() {
                Ok(t) if t.is_dir() => todo.push(entry.path()),
                Ok(_) => count += 1,
                Err(_) => {}
            }
        }
    }
    count
}
