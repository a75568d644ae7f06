//! `sessiondoc ouvrir`: the session in the browser, for people who never
//! open a YAML file. A small HTTP server inside the program, on the
//! loopback address only, guarded by a random token ([`guard`]); its
//! pages ([`pages`] and one file per part) are minijinja templates
//! ([`view`]) that call the same stages as the command line: `load`,
//! `check`, `import`, `generate`. One request is served at a time: one
//! person uses it, and a save never races another.

pub mod app;
pub mod candidates;
pub mod documents;
pub mod edit;
pub mod guard;
pub mod http;
pub mod lists;
pub mod message;
pub mod pages;
pub mod parts;
pub mod planning;
pub mod production;
pub mod results;
pub mod sending;
pub mod view;

use std::path::PathBuf;
use std::process::ExitCode;

use crate::error::Error;
use crate::web::app::App;
use crate::web::guard::{Guard, Verdict};
use crate::web::http::{Reply, Request, Unreadable};

/// A server bound to its port, ready to serve.
pub struct Server {
    http: tiny_http::Server,
    app: App,
}

impl Server {
    /// Binds 127.0.0.1 on `port` (a free one when `None`), with a new
    /// token; `session` is the file opened first.
    pub fn bind(port: Option<u16>, session: Option<PathBuf>) -> Result<Server, Error> {
        let http = tiny_http::Server::http(("127.0.0.1", port.unwrap_or(0))).map_err(|e| {
            Error::Io(format!(
                "impossible d'ouvrir le serveur sur 127.0.0.1{}\u{a0}: {e}",
                port.map(|p| format!(":{p}")).unwrap_or_default()
            ))
        })?;
        let port = http
            .server_addr()
            .to_ip()
            .map(|a| a.port())
            .ok_or_else(|| Error::Io("le serveur n'a pas d'adresse IP".to_owned()))?;
        let app = App {
            guard: Guard {
                port,
                token: guard::new_token()?,
            },
            views: std::sync::Arc::new(view::Views::new()?),
            session,
            pending_import: None,
            last_production: Default::default(),
            planned: Default::default(),
        };
        Ok(Server { http, app })
    }

    /// The address to open, with its token.
    pub fn url(&self) -> String {
        format!(
            "http://127.0.0.1:{}/?{}={}",
            self.app.guard.port,
            guard::TOKEN_PARAMETER,
            self.app.guard.token
        )
    }

    /// Serves requests, one at a time, until the process is stopped.
    pub fn serve(mut self) {
        for mut raw in self.http.incoming_requests() {
            let reply = match Request::read(&mut raw) {
                Ok(request) => answer(&mut self.app, &request),
                Err(Unreadable::TooLarge) => self.app.refusal(413, "trop_gros"),
                Err(Unreadable::Broken) => continue,
            };
            reply.send(raw);
        }
    }
}

/// The guard's verdict, then the page.
fn answer(app: &mut App, request: &Request) -> Reply {
    match app.guard.judge(request) {
        Verdict::Refuse(why) => app.refusal(403, why),
        Verdict::KeepToken => {
            // The same page again, the token now out of the address bar;
            // a path that is not one of ours plainly (`//other.site`) goes
            // to the home page.
            let plain = request.path.starts_with('/')
                && !request.path.starts_with("//")
                && request
                    .path
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "/-_.".contains(c));
            let target = if plain { request.path.as_str() } else { "/" };
            Reply::redirect(target).with("Set-Cookie", app.guard.cookie())
        }
        Verdict::Pass => app.route(request),
    }
}

/// `sessiondoc ouvrir`: serves until Ctrl-C.
pub fn ouvrir(
    session: Option<PathBuf>,
    port: Option<u16>,
    browser: bool,
) -> Result<ExitCode, Error> {
    if let Some(path) = &session
        && !path.is_file()
    {
        return Err(Error::Usage(format!(
            "« {} » n'est pas un fichier de session\u{a0}: donnez le chemin d'un fichier .yaml, ou rien pour choisir dans le navigateur",
            path.display()
        )));
    }
    let server = Server::bind(port, session)?;
    let url = server.url();
    crate::stdout::print(&format!(
        "sessiondoc ouvrir\u{a0}: la session est à l'adresse\n  {url}\nGardez cette adresse pour vous (elle donne accès à vos fichiers). Ctrl-C arrête le serveur.\n"
    ));
    if browser {
        open_browser(&url);
    }
    server.serve();
    Ok(ExitCode::SUCCESS)
}

/// Asks the system to open `url` in the default browser; if it cannot,
/// the address printed is enough.
fn open_browser(url: &str) {
    let opener = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(windows) {
        "explorer"
    } else {
        "xdg-open"
    };
    let started = std::process::Command::new(opener)
        .arg(url)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn();
    match started {
        // Reaped when it ends, so that no process is left behind.
        Ok(mut child) => drop(std::thread::spawn(move || child.wait())),
        Err(_) => eprintln!("Le navigateur ne s'est pas ouvert\u{a0}: ouvrez l'adresse ci-dessus."),
    }
}
