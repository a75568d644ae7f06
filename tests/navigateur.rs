//! `sessiondoc ouvrir` in a real browser: headless Chromium, driven through
//! chromedriver (Debian's `chromium` and `chromium-driver`; `scripts/tester`
//! installs them), walks the path a responsable takes — a new session, a
//! form filled and saved, a list made with LibreOffice Calc imported, the
//! documents produced, a PDF opened, the zip downloaded — with a
//! screenshot of each step, axe-core's accessibility check of every page
//! (no serious or critical violation) and the browser's log read (no
//! JavaScript error).

use crate::common;

use std::collections::BTreeSet;
use std::net::TcpStream;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{Value, json};
use sessiondoc::web::Server;

/// axe-core, vendored (tests/vendor, MPL-2.0, its notice kept at its head).
const AXE: &str = include_str!("vendor/axe.min.js");

/// Runs axe on the page: its serious or critical violations, one line
/// each, and how many rules the page passed (axe did run).
const AXE_RUN: &str = "const done = arguments[arguments.length - 1];
axe.run(document)
  .then(r => done({ passes: r.passes.length, violations: r.violations
    .filter(v => v.impact === 'serious' || v.impact === 'critical')
    .map(v => v.impact + ' ' + v.id + ': ' + v.help + ' — '
      + v.nodes.map(n => n.target.join(' ')).join(', ')) }))
  .catch(e => done({ passes: 0, violations: ['axe: ' + e] }));";

/// The test's folder: removed at the end, unless the test fails or
/// `GARDER_CAPTURES` is set, so that its screenshots can be looked at.
struct Folder(Option<tempfile::TempDir>);

impl Folder {
    fn path(&self) -> &Path {
        self.0.as_ref().unwrap().path()
    }
}

impl Drop for Folder {
    fn drop(&mut self) {
        if std::thread::panicking() || std::env::var_os("GARDER_CAPTURES").is_some() {
            let kept = self.0.take().unwrap().keep();
            eprintln!("screenshots kept in {}", kept.join("captures").display());
        }
    }
}

/// chromedriver on a free port, ended with the test.
struct Driver {
    child: Child,
    port: u16,
}

impl Drop for Driver {
    /// Ends chromedriver and the Chromium it started (its process group),
    /// also when the test failed before closing the browser.
    fn drop(&mut self) {
        if let Ok(pid) = i32::try_from(self.child.id()) {
            // SAFETY: a signal to the process group this test created.
            unsafe { libc::kill(-pid, libc::SIGTERM) };
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The path of a program on PATH, or `None`.
fn which(program: &str) -> Option<PathBuf> {
    std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|dir| dir.join(program))
            .find(|p| p.is_file())
    })
}

fn free_port() -> u16 {
    std::net::TcpListener::bind(("127.0.0.1", 0))
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn start_driver() -> Driver {
    let program = which("chromedriver").unwrap_or_else(|| {
        panic!(
            "chromedriver is not installed: this test drives Chromium through it. \
             Run scripts/tester (it installs Debian's chromium and chromium-driver), \
             or apt-get install chromium chromium-driver."
        )
    });
    let port = free_port();
    let child = Command::new(program)
        .arg(format!("--port={port}"))
        .process_group(0)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromedriver starts");
    let driver = Driver { child, port };
    let start = Instant::now();
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "chromedriver did not listen on port {port} within 20 s"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    driver
}

/// Chromium, headless, downloading into `downloads`, its console kept.
async fn browser(driver: &Driver, downloads: &Path) -> Client {
    let chromium = ["chromium", "chromium-browser", "google-chrome"]
        .into_iter()
        .find_map(which)
        .unwrap_or_else(|| {
            panic!(
                "Chromium is not installed: run scripts/tester (it installs Debian's chromium \
                 and chromium-driver), or apt-get install chromium chromium-driver."
            )
        });
    let capabilities = json!({
        "browserName": "chrome",
        "goog:chromeOptions": {
            "binary": chromium,
            "args": ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
                     "--disable-gpu", "--window-size=1200,1000", "--lang=fr-FR",
                     "--no-first-run", "--disable-extensions"],
            "prefs": {
                "download.default_directory": downloads,
                "download.prompt_for_download": false,
            },
        },
        "goog:loggingPrefs": { "browser": "ALL" },
    });
    let Value::Object(capabilities) = capabilities else {
        unreachable!()
    };
    ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
        .capabilities(capabilities)
        .connect(&format!("http://127.0.0.1:{}", driver.port))
        .await
        .expect("chromedriver starts Chromium")
}

/// chromedriver's `se/log` command: the browser's console since the last
/// call.
#[derive(Debug)]
struct BrowserLog;

impl fantoccini::wd::WebDriverCompatibleCommand for BrowserLog {
    fn endpoint(
        &self,
        base_url: &url::Url,
        session_id: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base_url.join(&format!(
            "session/{}/se/log",
            session_id.unwrap_or_default()
        ))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        (http::Method::POST, Some(r#"{"type":"browser"}"#.to_owned()))
    }
}

/// One walk through the pages: the browser, where its screenshots go, what
/// went wrong on the way.
struct Walk {
    client: Client,
    base: String,
    shots: PathBuf,
    step: usize,
    problems: Vec<String>,
}

impl Walk {
    async fn goto(&mut self, path: &str) {
        self.client
            .goto(&format!("{}{path}", self.base))
            .await
            .unwrap();
    }

    async fn path(&self) -> String {
        self.client.current_url().await.unwrap().path().to_owned()
    }

    async fn text(&self) -> String {
        self.client
            .find(Locator::Css("body"))
            .await
            .unwrap()
            .text()
            .await
            .unwrap()
    }

    /// A screenshot of the page under `name`, its accessibility checked
    /// by axe and the browser's log read.
    async fn look(&mut self, name: &str, accessibility: bool) {
        self.step += 1;
        let png = self.client.screenshot().await.unwrap();
        let file = self.shots.join(format!("{:02}-{name}.png", self.step));
        std::fs::write(&file, png).unwrap();
        let page = self.path().await;
        if accessibility {
            self.client.execute(AXE, vec![]).await.unwrap();
            let found = self.client.execute_async(AXE_RUN, vec![]).await.unwrap();
            assert!(found["passes"].as_u64() > Some(10), "axe: {found}");
            for violation in found["violations"].as_array().cloned().unwrap_or_default() {
                self.problems.push(format!(
                    "{page}: {}",
                    violation.as_str().unwrap_or_default()
                ));
            }
        }
        // Every error of the console, but the status of the page itself
        // (a form with errors is answered 422 on purpose).
        let own = format!("{}{page} - ", self.base);
        let log = self.client.issue_cmd(BrowserLog).await.unwrap();
        for entry in log.as_array().cloned().unwrap_or_default() {
            let message = entry["message"].as_str().unwrap_or_default();
            let about_the_page = entry["source"] == "network" && message.starts_with(&own);
            if entry["level"] == "SEVERE" && !about_the_page {
                self.problems
                    .push(format!("{page}: console: {}", entry["message"]));
            }
        }
    }

    /// Clicks `css` and waits for the page it leads to.
    async fn click(&self, css: &str) {
        self.client
            .execute("window.pageQuittee = true", vec![])
            .await
            .unwrap();
        self.click_only(css).await;
        let start = Instant::now();
        loop {
            let state = self
                .client
                .execute(
                    "return window.pageQuittee === undefined && document.readyState === 'complete'",
                    vec![],
                )
                .await;
            if state.is_ok_and(|s| s == true) {
                break;
            }
            assert!(
                start.elapsed() < Duration::from_secs(120),
                "clicking {css} led to no page within 120 s"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Clicks `css` (a download: the page stays).
    async fn click_only(&self, css: &str) {
        self.client
            .find(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("no {css} on the page: {e}"))
            .click()
            .await
            .unwrap();
    }

    async fn fill(&self, css: &str, value: &str) {
        let field = self.client.find(Locator::Css(css)).await.unwrap();
        field.clear().await.unwrap();
        field.send_keys(value).await.unwrap();
    }
}

/// The files of a folder, relative, the hidden ones (the layout cache) left
/// out.
fn files_under(root: &Path) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let mut todo = vec![root.to_path_buf()];
    while let Some(dir) = todo.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            if name.starts_with('.') {
                continue;
            }
            if path.is_dir() {
                todo.push(path);
            } else {
                let relative = path.strip_prefix(root).unwrap();
                found.insert(relative.to_string_lossy().replace('\\', "/"));
            }
        }
    }
    found
}

/// Waits for a finished download in `dir` (Chromium writes
/// `.crdownload` until it is complete).
fn downloaded(dir: &Path, extension: &str) -> PathBuf {
    let start = Instant::now();
    loop {
        let done = std::fs::read_dir(dir).unwrap().find_map(|e| {
            let path = e.unwrap().path();
            (path.extension().is_some_and(|x| x == extension)).then_some(path)
        });
        if let Some(path) = done {
            return path;
        }
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "no .{extension} downloaded into {} within 60 s",
            dir.display()
        );
        std::thread::sleep(Duration::from_millis(200));
    }
}

/// The list of candidates, saved as XLSX by LibreOffice Calc.
fn calc_made_list(dir: &Path) -> PathBuf {
    let csv = dir.join("liste.csv");
    std::fs::write(
        &csv,
        "Civilité;Nom;Prénom;N° candidat;Date de naissance;Adresse;Code postal;Ville;Jury\n\
         Mme;NAVIGATEUR;Zoé;1909001;03/04/1995;4 rue des Onglets;50100;Cherbourg-en-Cotentin;\
         Mme LEJEUNE, M. MOREAU\n\
         M.;CHROMIUM;Élie;1909002;21/11/1989;9 quai du Moteur;50130;Octeville;\
         M. DUPONT, Mme HADDAD\n",
    )
    .unwrap();
    common::calc_list(&csv, "xlsx")
}

#[tokio::test(flavor = "current_thread")]
async fn a_session_from_nothing_to_documents_in_chromium() {
    let dir = Folder(Some(
        tempfile::Builder::new()
            .prefix("navigateur-")
            .tempdir()
            .unwrap(),
    ));
    let shots = dir.path().join("captures");
    let downloads = dir.path().join("telechargements");
    std::fs::create_dir_all(&shots).unwrap();
    std::fs::create_dir_all(&downloads).unwrap();
    println!("screenshots: {}", shots.display());

    let server = Server::bind(None, None).unwrap();
    let url = server.url();
    std::thread::spawn(move || server.serve());
    let base = url.split("/?").next().unwrap().to_owned();

    let driver = start_driver();
    let client = browser(&driver, &downloads).await;
    let mut walk = Walk {
        client,
        base,
        shots: shots.clone(),
        step: 0,
        problems: Vec::new(),
    };
    // The address printed, with its token: the token becomes a cookie.
    walk.client.goto(&url).await.unwrap();
    assert_eq!(walk.path().await, "/");
    walk.look("accueil", true).await;

    // A new session, from the example.
    let session = dir.path().join("session.yaml");
    walk.fill("#chemin-nouvelle", &session.display().to_string())
        .await;
    walk.click("form[action='/nouvelle'] button").await;
    assert_eq!(walk.path().await, "/session", "{}", walk.text().await);
    walk.look("session-nouvelle", true).await;
    let example = std::fs::read_to_string(&session).unwrap();

    // The centre's form, filled and saved in place.
    walk.goto("/centre").await;
    walk.look("centre", true).await;
    walk.fill("#nom", "Centre « Essai » du navigateur").await;
    walk.fill("#telephone", "02 33 99 00 11").await;
    walk.click("form[action='/centre'] button[type=submit]")
        .await;
    assert!(
        walk.text()
            .await
            .contains("Enregistré dans le fichier de session"),
        "{}",
        walk.text().await
    );
    walk.look("centre-enregistre", true).await;
    // A required field left empty: said beside it, nothing written.
    walk.fill("#ville", "").await;
    walk.click("form[action='/centre'] button[type=submit]")
        .await;
    assert!(walk.text().await.contains("Ville est à remplir"));
    walk.look("centre-erreur", true).await;

    // The dates and the responsable: their forms, in place.
    walk.goto("/dates").await;
    walk.fill("#tenue", "Tenue de ville, badge du centre").await;
    walk.click("form[action='/dates'] button[type=submit]")
        .await;
    assert!(
        walk.text()
            .await
            .contains("Enregistré dans le fichier de session")
    );
    walk.look("dates", true).await;
    walk.goto("/responsable").await;
    walk.fill("#prenom", "Sophie-Anne").await;
    walk.click("form[action='/responsable'] button[type=submit]")
        .await;
    assert!(
        walk.text()
            .await
            .contains("Enregistré dans le fichier de session")
    );
    walk.look("responsable", true).await;

    // The titre, its CCPs and the convocations' sending: their forms, in
    // place.
    walk.goto("/titre").await;
    walk.fill("#intitule", "Secrétaire-comptable").await;
    walk.click("form[action='/titre'] button[type=submit]")
        .await;
    assert!(
        walk.text()
            .await
            .contains("Enregistré dans le fichier de session")
    );
    walk.look("titre", true).await;
    walk.goto("/ccp").await;
    walk.fill(
        "#l3-intitule",
        "Assurer les travaux courants de comptabilité (bloc 3)",
    )
    .await;
    walk.click("#l3 form[action='/ccp'] button[type=submit]")
        .await;
    assert!(
        walk.text().await.contains("Élément n° 3 enregistré"),
        "{}",
        walk.text().await
    );
    walk.look("ccp", true).await;
    walk.goto("/convocation").await;
    walk.fill("#date", "le 1er décembre").await;
    walk.click("form[action='/convocation'] button[type=submit]")
        .await;
    assert!(
        walk.text()
            .await
            .contains("n'est pas une date au format AAAA-MM-JJ")
    );
    walk.look("convocation-erreur", true).await;
    walk.fill("#date", "2026-12-01").await;
    walk.click("form[action='/convocation'] button[type=submit]")
        .await;
    assert!(
        walk.text()
            .await
            .contains("Enregistré dans le fichier de session")
    );
    walk.look("convocation", true).await;

    // The lists: a juror's item saved in place; a room added, first with
    // a wrong number said beside its field, then taken away; the other
    // lists and the days' organisation, each page checked.
    walk.goto("/jures").await;
    walk.look("jures", true).await;
    walk.fill("#l4-email", "s.haddad@exemple.fr").await;
    walk.click("#l4 form[action='/jures'] button[type=submit]")
        .await;
    assert!(
        walk.text().await.contains("Élément n° 4 enregistré"),
        "{}",
        walk.text().await
    );
    walk.look("jures-enregistre", true).await;
    walk.goto("/salles").await;
    walk.fill("#nouveau-id", "s107").await;
    walk.fill("#nouveau-nom", "Salle 107").await;
    walk.fill("#nouveau-places", "douze").await;
    walk.click("form[action='/salles/ajouter'] button").await;
    assert!(walk.text().await.contains("n'est pas un nombre entier"));
    walk.look("salles-erreur", true).await;
    walk.fill("#nouveau-places", "8").await;
    walk.click("form[action='/salles/ajouter'] button").await;
    assert!(walk.text().await.contains("Salle n° 5 : Salle 107"));
    walk.look("salles-ajoutee", true).await;
    walk.click("#l5 form[action='/salles/retirer'] button")
        .await;
    assert!(walk.text().await.contains("Élément retiré"));
    assert!(!walk.text().await.contains("Salle 107"));
    for page in [
        "/surveillants",
        "/formateurs",
        "/epreuves",
        "/candidats/fiches",
    ] {
        walk.goto(page).await;
        walk.look(&page.trim_start_matches('/').replace('/', "-"), true)
            .await;
    }
    walk.goto("/organisation").await;
    walk.fill("#battement", "00:05").await;
    walk.click("form[action='/organisation'] button[type=submit]")
        .await;
    assert!(
        walk.text()
            .await
            .contains("Enregistré dans le fichier de session")
    );
    walk.look("organisation", true).await;

    // A list made with Calc, imported after its report.
    let list = calc_made_list(dir.path());
    walk.goto("/candidats").await;
    walk.look("candidats", true).await;
    walk.client
        .find(Locator::Css("#liste"))
        .await
        .unwrap()
        .send_keys(&list.display().to_string())
        .await
        .unwrap();
    walk.click("form[action='/candidats/importer'] button")
        .await;
    let report = walk.text().await;
    assert!(report.contains("2 candidat(s) seront ajoutés"), "{report}");
    walk.look("import-rapport", true).await;
    walk.click("form[action='/candidats/confirmer'] button")
        .await;
    assert!(walk.text().await.contains("NAVIGATEUR"));
    walk.look("candidats-importes", true).await;

    // The timetable: the jury's deliberation moved after the interviews
    // to come, then the planner's proposal accepted.
    walk.goto("/planning").await;
    let page = walk.text().await;
    assert!(page.contains("Ce que dit le planificateur"), "{page}");
    assert!(page.contains("proposé : Entretien final"), "{page}");
    walk.look("planning", true).await;
    let mut deliberation = None;
    for option in walk
        .client
        .find_all(Locator::Css("#creneau option"))
        .await
        .unwrap()
    {
        if option.text().await.unwrap().contains("Délibération") {
            deliberation = option.attr("value").await.unwrap();
        }
    }
    let deliberation = deliberation.expect("the deliberation is a slot of the file");
    let form = walk.client.find(Locator::Css("#creneau")).await.unwrap();
    form.select_by_value(&deliberation).await.unwrap();
    walk.client
        .find(Locator::Css("#jour"))
        .await
        .unwrap()
        .select_by_value("2027-01-12")
        .await
        .unwrap();
    walk.fill("#heure", "25:00").await;
    walk.click("form[action='/planning/deplacer'] button").await;
    let page = walk.text().await;
    assert!(page.contains("« 25:00 » n'est pas une heure"), "{page}");
    walk.look("planning-erreur", true).await;
    walk.client
        .find(Locator::Css("#creneau"))
        .await
        .unwrap()
        .select_by_value(&deliberation)
        .await
        .unwrap();
    walk.client
        .find(Locator::Css("#jour"))
        .await
        .unwrap()
        .select_by_value("2027-01-12")
        .await
        .unwrap();
    walk.fill("#heure", "15:15").await;
    walk.click("form[action='/planning/deplacer'] button").await;
    assert!(
        walk.text().await.contains("Le créneau est déplacé"),
        "{}",
        walk.text().await
    );
    walk.look("planning-deplace", true).await;
    walk.click("form[action='/planning/accepter'] button").await;
    assert!(
        walk.text().await.contains("Le planning proposé est écrit"),
        "{}",
        walk.text().await
    );
    walk.look("planning-accepte", true).await;
    let text = std::fs::read_to_string(&session).unwrap();
    assert!(
        text.contains("    debut: \"15:15\"\n    fin: \"17:30\"\n    nature: deliberation"),
        "{text}"
    );

    // The results, as the file holds them.
    walk.goto("/resultats").await;
    assert!(walk.text().await.contains("CCP obtenus"));
    walk.look("resultats", true).await;

    // The documents.
    walk.goto("/session").await;
    walk.look("session", true).await;
    walk.click("form[action='/produire'] button").await;
    assert!(
        walk.text().await.contains("Production terminée"),
        "{}",
        walk.text().await
    );
    walk.look("production", true).await;
    walk.click("#voir-documents").await;
    assert_eq!(walk.path().await, "/documents", "{}", walk.text().await);
    walk.look("documents", true).await;

    // A PDF opened in the browser.
    let pdf = walk
        .client
        .find(Locator::Css("a[href$='.pdf']"))
        .await
        .unwrap()
        .attr("href")
        .await
        .unwrap()
        .unwrap();
    walk.goto(&pdf).await;
    let kind = walk
        .client
        .execute("return document.contentType", vec![])
        .await
        .unwrap();
    assert_eq!(kind, "application/pdf");
    tokio::time::sleep(Duration::from_secs(2)).await;
    walk.look("pdf", false).await;

    // At 200 % zoom (a window half as wide): every page reflows, none
    // scrolls sideways, and axe finds nothing serious there either.
    walk.client.set_window_size(600, 1000).await.unwrap();
    for page in [
        "/",
        "/session",
        "/centre",
        "/dates",
        "/convocation",
        "/titre",
        "/ccp",
        "/responsable",
        "/jures",
        "/surveillants",
        "/formateurs",
        "/salles",
        "/epreuves",
        "/organisation",
        "/candidats",
        "/candidats/fiches",
        "/planning",
        "/resultats",
        "/documents",
        "/envois",
    ] {
        walk.goto(page).await;
        let sideways = walk
            .client
            .execute(
                "return document.documentElement.scrollWidth > document.documentElement.clientWidth",
                vec![],
            )
            .await
            .unwrap();
        if sideways == true {
            walk.problems
                .push(format!("{page}: scrolls sideways at 200 %"));
        }
        let name = format!("zoom-{}", page.trim_start_matches('/').replace('/', "-"));
        walk.look(&name, true).await;
    }
    walk.client.set_window_size(1200, 1000).await.unwrap();

    // The whole folder as a zip, downloaded.
    walk.goto("/documents").await;
    walk.click_only("a[href='/documents.zip']").await;
    let zip = downloaded(&downloads, "zip");
    walk.look("zip-telecharge", false).await;

    // What to send: the list, then the sending recorded and its kit.
    walk.goto("/envois").await;
    assert!(walk.text().await.contains("premier envoi"));
    walk.look("envois", true).await;
    walk.click("form[action='/envois'] button").await;
    let recorded = walk.text().await;
    assert!(recorded.contains("Envoi enregistré"), "{recorded}");
    assert!(recorded.contains("envoi.json"), "{recorded}");
    // The juror given an address gets a draft to send from the mail
    // program.
    assert!(recorded.contains("courriels/"), "{recorded}");
    assert!(recorded.contains("haddad"), "{recorded}");
    walk.look("envois-enregistre", true).await;

    // A session of 240 candidates still to plan, opened: its timetable
    // comes while the planner works, then whole.
    let large = dir.path().join("grande").join("session.yaml");
    std::fs::create_dir_all(large.parent().unwrap()).unwrap();
    std::fs::write(&large, sessiondoc::example::unplanned::sized_session(240)).unwrap();
    walk.goto("/").await;
    walk.fill("#chemin-ouvrir", &large.display().to_string())
        .await;
    walk.click("form[action='/ouvrir'] button").await;
    walk.goto("/planning").await;
    assert!(
        walk.text().await.contains("Accepter le planning proposé"),
        "{}",
        walk.text().await
    );
    walk.look("planning-240", true).await;
    walk.client.close().await.unwrap();

    let unpacked = dir.path().join("zip");
    zip::ZipArchive::new(std::fs::File::open(&zip).unwrap())
        .unwrap()
        .extract(&unpacked)
        .unwrap();
    let generated = dir.path().join("generate");
    let (code, log) = common::run_sessiondoc(&[
        "generate",
        session.to_str().unwrap(),
        "--output",
        generated.to_str().unwrap(),
    ]);
    assert_eq!(code, Some(0), "{log}");
    let from_zip = files_under(&unpacked);
    assert!(from_zip.len() > 20, "{from_zip:?}");
    assert_eq!(from_zip, files_under(&generated));

    // The file after the run still checks, and keeps every comment of the
    // example it started from.
    let (code, log) = common::run_sessiondoc(&["check", session.to_str().unwrap()]);
    assert_eq!(code, Some(0), "{log}");
    let after = std::fs::read_to_string(&session).unwrap();
    for comment in example.lines().filter(|l| l.trim_start().starts_with('#')) {
        assert!(after.contains(comment), "comment lost: {comment}");
    }
    assert!(after.contains("Centre « Essai » du navigateur"));
    assert!(after.contains("  tenue: \"Tenue de ville, badge du centre\""));
    assert!(after.contains("  prenom: \"Sophie-Anne\""));
    assert!(after.contains("  intitule: \"Secrétaire-comptable\""));
    assert!(
        after.contains("      intitule: \"Assurer les travaux courants de comptabilité (bloc 3)\"")
    );
    assert!(after.contains("    date: \"2026-12-01\""));
    assert!(after.contains("    email: \"s.haddad@exemple.fr\""));

    let problems = walk.problems;
    assert!(
        problems.is_empty(),
        "screenshots in {}:\n{}",
        shots.display(),
        problems.join("\n")
    );
}
