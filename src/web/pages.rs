//! The routes: one function per page, chosen by method and path. A new
//! page (results, sending, timetable) is one line in [`App::route`], one
//! function and one template, and one row in [`PARTS`] when `check`'s
//! messages about its part should link to it.

use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::diag::Severity;
use crate::error::Error;
use crate::load::{self, Source};
use crate::model::Session;
use crate::web::app::App;
use crate::web::http::{Reply, Request};
use crate::web::message::{Message, input_problem};
use crate::web::parts;
use crate::web::view::STYLE;

/// The parts of the file that have a page: `check`'s messages whose path
/// starts with the part link to it (the longest part that fits:
/// `titre.ccp[0].code` goes to the CCPs' page, `titre.code` to the
/// titre's). Each page's title is in the block `pages` of
/// `templates/web/formulaires.html`.
pub const PARTS: &[(&str, &str)] = &[
    ("centre", "/centre"),
    ("candidats", "/candidats/fiches"),
    ("planning", "/planning"),
    ("session", "/dates"),
    ("responsable", "/responsable"),
    ("jures", "/jures"),
    ("surveillants", "/surveillants"),
    ("formateurs", "/formateurs"),
    ("salles", "/salles"),
    ("epreuves", "/epreuves"),
    ("organisation", "/organisation"),
    ("titre", "/titre"),
    ("titre.ccp", "/ccp"),
    ("session.convocation", "/convocation"),
];

/// The session file as the pages see it: its text, the session when it
/// loads, and `check`'s messages.
pub struct Loaded {
    pub source: Source,
    pub session: Option<Session>,
    pub findings: Vec<Finding>,
}

/// One message of `check`, for a page.
#[derive(Serialize)]
pub struct Finding {
    /// `erreur` or `avertissement`.
    pub severity: &'static str,
    pub message: String,
    pub help: Option<String>,
    pub line: Option<u64>,
    pub path: String,
    /// The page (and field) it concerns, when there is one.
    pub link: Option<String>,
    /// The id of the field on its page (`nom` for `centre.nom`).
    pub field: Option<String>,
}

impl App {
    /// The answer to a request that passed the guard.
    pub fn route(&mut self, request: &Request) -> Reply {
        if let Some(answer) = self.list_route(request) {
            return answer
                .unwrap_or_else(|e| self.message_with(500, Message::Failed, (), &e.to_string()));
        }
        let answer = match (request.method.as_str(), request.path.as_str()) {
            ("GET", "/") => self.home(None),
            ("GET", "/style.css") => Ok(Reply {
                status: 200,
                content_type: "text/css; charset=utf-8",
                body: STYLE.as_bytes().to_vec(),
                headers: Vec::new(),
                stream: None,
            }),
            // No icon: an empty answer rather than a 404 in the browser's log.
            ("GET", "/favicon.ico") => Ok(Reply {
                status: 204,
                content_type: "image/x-icon",
                body: Vec::new(),
                headers: Vec::new(),
                stream: None,
            }),
            ("POST", "/ouvrir") => self.open(request),
            ("POST", "/nouvelle") => self.create(request),
            ("GET", "/session") => self.summary(),
            ("GET", "/centre") => self.part_page(&parts::CENTRE, request),
            ("POST", "/centre") => self.part_save(&parts::CENTRE, request),
            ("GET", "/candidats") => self.candidates_page(request),
            ("POST", "/candidats/importer") => self.import_preview(request),
            ("POST", "/candidats/confirmer") => self.import_confirm(request),
            ("GET", "/planning") => self.planning_page(request),
            ("POST", "/planning/accepter") => self.planning_accept(request),
            ("POST", "/planning/deplacer") => self.planning_move(request),
            ("GET", "/dates") => self.part_page(&parts::DATES, request),
            ("POST", "/dates") => self.part_save(&parts::DATES, request),
            ("GET", "/responsable") => self.part_page(&parts::RESPONSABLE, request),
            ("POST", "/responsable") => self.part_save(&parts::RESPONSABLE, request),
            ("GET", "/organisation") => self.part_page(&parts::ORGANISATION, request),
            ("POST", "/organisation") => self.part_save(&parts::ORGANISATION, request),
            ("GET", "/titre") => self.part_page(&parts::TITRE, request),
            ("POST", "/titre") => self.part_save(&parts::TITRE, request),
            ("GET", "/convocation") => self.part_page(&parts::CONVOCATION, request),
            ("POST", "/convocation") => self.part_save(&parts::CONVOCATION, request),
            ("GET", "/resultats") => self.results_page(),
            ("GET", "/resultats/grille.xlsx") => self.results_grid(),
            ("POST", "/produire") => self.produce(),
            ("GET", "/documents") => self.documents_page(),
            ("GET", "/envois") => self.sending_page(request),
            ("POST", "/envois") => self.sending_record(request),
            ("GET", "/documents.zip") => self.documents_zip(),
            ("GET", path) if path.starts_with("/fichiers/") => {
                self.document_file(&path["/fichiers/".len()..])
            }
            _ => Ok(self.message(404, Message::PageNotFound)),
        };
        answer.unwrap_or_else(|e| self.message_with(500, Message::Failed, (), &e.to_string()))
    }

    /// The name of the session file open, for the heading of every page.
    pub fn session_name(&self) -> Option<String> {
        self.session.as_ref().map(|p| p.display().to_string())
    }

    /// The session file open, or a page that says to open one.
    pub fn session_path(&self) -> Result<&Path, Reply> {
        self.session
            .as_deref()
            .ok_or_else(|| self.message(409, Message::NoSession))
    }

    /// The answer when the session file does not read, saying why.
    pub fn unreadable(&self, why: &str) -> Reply {
        self.message_with(409, Message::Unreadable, (), why)
    }

    /// The answer when the session file has errors that stop it loading.
    pub fn not_loaded(&self) -> Reply {
        self.message(409, Message::NotLoaded)
    }

    /// Reads, loads and checks the session file open.
    pub fn load(&self) -> Result<Loaded, Reply> {
        let path = self.session_path()?;
        let source = load::read(path).map_err(|d| {
            self.unreadable(&format!("« {} »\u{a0}: {}", path.display(), d.message))
        })?;
        let (session, mut diagnostics) = match load::parse(&source) {
            Ok(session) => {
                // The timetable page's outcome, computed meanwhile.
                self.planned.ask(plan_key(path, &source, &session));
                let found = crate::check::check(&session);
                (Some(session), found)
            }
            Err(d) => (None, vec![d]),
        };
        diagnostics.extend(load::warnings(&source));
        diagnostics.sort_by_key(|d| (d.severity, d.place.map_or(0, |p| p.line)));
        let findings = diagnostics
            .into_iter()
            .map(|d| {
                let path = match d.path.as_str() {
                    "" => d.line().and_then(|l| path_at_line(&source.text, l)),
                    p => Some(p.to_owned()),
                };
                let (link, field) = path.as_deref().map_or((None, None), link_of);
                Finding {
                    severity: match d.severity {
                        Severity::Error => "erreur",
                        Severity::Warning => "avertissement",
                    },
                    line: d.line(),
                    message: d.message,
                    help: d.help,
                    path: d.path,
                    link,
                    field,
                }
            })
            .collect();
        Ok(Loaded {
            source,
            session,
            findings,
        })
    }

    fn home(&self, problem: Option<String>) -> Result<Reply, Error> {
        let context = minijinja::context! {
            session => self.session_name(), problem,
            suggestion => std::env::current_dir().ok().map(|d| d.join("session.yaml").display().to_string()),
        };
        Ok(Reply::html(
            if problem.is_some() { 400 } else { 200 },
            self.views.render("accueil.html", context)?,
        ))
    }

    /// Opens the session file named in the form.
    fn open(&mut self, request: &Request) -> Result<Reply, Error> {
        let form = request.form();
        let path = PathBuf::from(
            crate::web::http::first(&form, "chemin")
                .unwrap_or_default()
                .trim(),
        );
        if !path.is_file() {
            let shown = path.display().to_string();
            return self.home(Some(input_problem(&self.views, "chemin", "", &shown)));
        }
        self.session = Some(path);
        self.pending_import = None;
        Ok(Reply::redirect("/session"))
    }

    /// Writes the example of `init` and opens it.
    fn create(&mut self, request: &Request) -> Result<Reply, Error> {
        let form = request.form();
        let path = PathBuf::from(
            crate::web::http::first(&form, "chemin")
                .unwrap_or_default()
                .trim(),
        );
        if path.as_os_str().is_empty() {
            return self.home(Some(input_problem(&self.views, "chemin_vide", "", "")));
        }
        if let Err(e) = crate::example::init(&path) {
            return self.home(Some(e.to_string()));
        }
        self.session = Some(path);
        self.pending_import = None;
        Ok(Reply::redirect("/session"))
    }

    /// The session at a glance, `check`'s messages at the top.
    fn summary(&self) -> Result<Reply, Error> {
        let loaded = match self.load() {
            Ok(l) => l,
            Err(reply) => return Ok(reply),
        };
        let facts = loaded.session.as_ref().map(|s| {
            minijinja::context! {
                numero => s.session.numero,
                titre => s.titre.intitule,
                centre => s.centre.nom,
                debut => crate::fr::long_date(s.session.debut.value),
                fin => crate::fr::long_date(s.session.fin.value),
                candidats => s.candidats.value.len(),
                jures => s.jures.value.len(),
                creneaux => s.planning.value.len(),
            }
        });
        let errors = loaded
            .findings
            .iter()
            .filter(|f| f.severity == "erreur")
            .count();
        let titles = parts::FormWording::page_titles(&self.views)?;
        let context = minijinja::context! {
            session => self.session_name(), facts, findings => loaded.findings, errors,
            parts => PARTS.iter().map(|(key, url)| minijinja::context! { url, title => titles.get(*key) }).collect::<Vec<_>>(),
        };
        Ok(Reply::html(
            200,
            self.views.render("session.html", context)?,
        ))
    }
}

/// What the planner's outcome for this file depends on: the file, and
/// the last sending recorded in its output folder.
pub fn plan_key(path: &Path, source: &Source, session: &Session) -> crate::web::app::PlanKey {
    let folder = crate::generate::default_folder(source, session);
    (
        path.to_path_buf(),
        source.sha256.clone(),
        crate::record::last_session(&folder),
    )
}

/// The page (with the field's anchor) a diagnostic's path concerns, and
/// the field's id on it.
fn link_of(path: &str) -> (Option<String>, Option<String>) {
    let Some((head, url)) = PARTS
        .iter()
        .filter(|(part, _)| {
            path.strip_prefix(part)
                .is_some_and(|r| r.is_empty() || r.starts_with(['.', '[']))
        })
        .max_by_key(|(part, _)| part.len())
    else {
        return (None, None);
    };
    let rest = path.strip_prefix(head).unwrap_or_default();
    // An item of a list: `jures[1].nom` is the field `l2-nom`, `jures[1]`
    // the item `l2`.
    let is_list = crate::web::lists::LISTS.iter().any(|l| l.block == *head);
    if let Some((index, after)) = Some(rest)
        .filter(|_| is_list)
        .and_then(|r| r.strip_prefix('['))
        .and_then(|r| r.split_once(']'))
        .and_then(|(i, after)| Some((i.parse::<usize>().ok()?, after)))
    {
        let item = format!("l{}", index + 1);
        let key = after
            .strip_prefix('.')
            .map(|r| r.split(['.', '[']).next().unwrap_or_default())
            .filter(|k| !k.is_empty());
        return match key {
            Some(k) => (
                Some(format!("{url}#{item}-{k}")),
                Some(format!("{item}-{k}")),
            ),
            None => (Some(format!("{url}#{item}")), Some(item)),
        };
    }
    let field = rest
        .strip_prefix('.')
        .map(|r| r.split(['.', '[']).next().unwrap_or_default().to_owned())
        .filter(|f| !f.is_empty());
    match &field {
        Some(f) => (Some(format!("{url}#{f}")), field),
        None => (Some((*url).to_owned()), None),
    }
}

/// The part and key written at `line` (1-based), as a path
/// (`centre.ville`): for a message that has a line but no path, such as a
/// value the file cannot read.
fn path_at_line(text: &str, line: u64) -> Option<String> {
    let lines: Vec<&str> = text.lines().take(usize::try_from(line).ok()?).collect();
    let is_key = |l: &&str| {
        let t = l.trim_start();
        !t.is_empty() && !t.starts_with('#') && !t.starts_with('-') && t.contains(':')
    };
    // The keys above the line, each less indented than the one below it:
    // `convocation` then `session` for a line of `session.convocation`.
    let mut keys: Vec<&str> = Vec::new();
    let mut below = usize::MAX;
    for l in lines.iter().rev().filter(|l| is_key(l)) {
        let indent = l.len() - l.trim_start().len();
        if indent < below {
            keys.push(l.split(':').next()?.trim());
            below = indent;
        }
        if indent == 0 {
            break;
        }
    }
    if below != 0 {
        return None;
    }
    keys.reverse();
    Some(keys.join("."))
}
