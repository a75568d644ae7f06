//! `sessiondoc ouvrir`: the local server refuses what is not its user's
//! (wrong Host, no token, a form from another site, a path out of the
//! output folder, a too large upload), and serves its pages: the session
//! with `check`'s messages, the centre saved in place, a list imported
//! after its report, the documents produced and served.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};

use sessiondoc::web::Server;

/// A server on a free port, serving a copy of a fixture in a temporary
/// folder.
struct Running {
    port: u16,
    token: String,
    dir: tempfile::TempDir,
}

impl Running {
    fn start(fixture: &str) -> Running {
        let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
        Running::with_text(&std::fs::read_to_string(fixtures.join(fixture)).unwrap())
    }

    /// A server serving a session file of this text.
    fn with_text(text: &str) -> Running {
        let dir = tempfile::tempdir().unwrap();
        let session = dir.path().join("session.yaml");
        std::fs::write(&session, text).unwrap();
        let server = Server::bind(None, Some(session)).unwrap();
        let url = server.url();
        let rest = url.strip_prefix("http://127.0.0.1:").unwrap();
        let (port, token) = rest.split_once("/?jeton=").unwrap();
        std::thread::spawn(move || server.serve());
        Running {
            port: port.parse().unwrap(),
            token: token.to_owned(),
            dir,
        }
    }

    fn session(&self) -> PathBuf {
        self.dir.path().join("session.yaml")
    }

    fn host(&self) -> String {
        format!("127.0.0.1:{}", self.port)
    }

    fn cookie(&self) -> String {
        format!("sessiondoc_jeton={}", self.token)
    }

    /// Sends one request, returns the status, the head and the body.
    fn raw(&self, method: &str, target: &str, headers: &[(&str, String)], body: &[u8]) -> Answer {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).unwrap();
        let mut head = format!(
            "{method} {target} HTTP/1.1\r\nConnection: close\r\nContent-Length: {}\r\n",
            body.len()
        );
        for (name, value) in headers {
            head.push_str(&format!("{name}: {value}\r\n"));
        }
        head.push_str("\r\n");
        stream.write_all(head.as_bytes()).unwrap();
        stream.write_all(body).unwrap();
        let mut bytes = Vec::new();
        stream.read_to_end(&mut bytes).unwrap();
        let split = bytes.windows(4).position(|w| w == b"\r\n\r\n").unwrap();
        let head = String::from_utf8_lossy(&bytes[..split]).into_owned();
        let status = head.split(' ').nth(1).unwrap().parse().unwrap();
        let mut body = bytes[split + 4..].to_vec();
        if head.contains("Transfer-Encoding: chunked") {
            body = unchunked(&body);
        }
        Answer { status, head, body }
    }

    /// A GET as the user's browser sends it.
    fn get(&self, target: &str) -> Answer {
        self.raw(
            "GET",
            target,
            &[("Host", self.host()), ("Cookie", self.cookie())],
            b"",
        )
    }

    /// A form POST as the user's browser sends it.
    fn post(&self, target: &str, content_type: &str, body: &[u8]) -> Answer {
        let headers = [
            ("Host", self.host()),
            ("Cookie", self.cookie()),
            ("Origin", format!("http://{}", self.host())),
            ("Content-Type", content_type.to_owned()),
        ];
        self.raw("POST", target, &headers, body)
    }

    fn post_form(&self, target: &str, fields: &[(&str, &str)]) -> Answer {
        let body: Vec<String> = fields
            .iter()
            .map(|(n, v)| format!("{n}={}", encode(v)))
            .collect();
        self.post(
            target,
            "application/x-www-form-urlencoded",
            body.join("&").as_bytes(),
        )
    }
}

/// A chunked body, its pieces joined; it must end with its last, empty,
/// chunk.
fn unchunked(mut body: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    loop {
        let line = body.windows(2).position(|w| w == b"\r\n").unwrap();
        let size = usize::from_str_radix(std::str::from_utf8(&body[..line]).unwrap(), 16).unwrap();
        if size == 0 {
            assert_eq!(&body[line..], b"\r\n\r\n");
            return out;
        }
        out.extend_from_slice(&body[line + 2..line + 2 + size]);
        assert_eq!(&body[line + 2 + size..line + 4 + size], b"\r\n");
        body = &body[line + 4 + size..];
    }
}

struct Answer {
    status: u16,
    head: String,
    body: Vec<u8>,
}

impl Answer {
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    fn header(&self, name: &str) -> Option<String> {
        self.head.lines().find_map(|l| {
            let (n, v) = l.split_once(':')?;
            n.eq_ignore_ascii_case(name).then(|| v.trim().to_owned())
        })
    }
}

fn encode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// The sha256 of the session file, as the pages put it in their forms.
fn hash_of(path: &Path) -> String {
    sessiondoc::digest::sha256_hex(&std::fs::read(path).unwrap())
}

#[test]
fn a_wrong_host_is_refused() {
    let server = Running::start("secretaire-comptable.yaml");
    for host in [
        "evil.example:80",
        &format!("evil.example:{}", server.port),
        "127.0.0.1",
        "127.0.0.1:1",
    ] {
        let answer = server.raw(
            "GET",
            "/session",
            &[("Host", host.to_owned()), ("Cookie", server.cookie())],
            b"",
        );
        assert_eq!(answer.status, 403, "Host {host}");
        assert!(answer.text().contains("Host"), "{}", answer.text());
    }
    let localhost = format!("localhost:{}", server.port);
    let answer = server.raw(
        "GET",
        "/session",
        &[("Host", localhost), ("Cookie", server.cookie())],
        b"",
    );
    assert_eq!(answer.status, 200);
}

#[test]
fn a_request_without_the_token_is_refused() {
    let server = Running::start("secretaire-comptable.yaml");
    let no_token = server.raw("GET", "/session", &[("Host", server.host())], b"");
    assert_eq!(no_token.status, 403);
    assert!(no_token.text().contains("jeton"), "{}", no_token.text());
    let wrong = format!("sessiondoc_jeton={}0", &server.token[1..]);
    let wrong_cookie = server.raw(
        "GET",
        "/session",
        &[("Host", server.host()), ("Cookie", wrong)],
        b"",
    );
    assert_eq!(wrong_cookie.status, 403);
    let css = server.raw("GET", "/style.css", &[("Host", server.host())], b"");
    assert_eq!(css.status, 403, "even the style sheet needs the token");
}

#[test]
fn the_token_of_the_address_becomes_a_strict_cookie() {
    let server = Running::start("secretaire-comptable.yaml");
    let first = server.raw(
        "GET",
        &format!("/?jeton={}", server.token),
        &[("Host", server.host())],
        b"",
    );
    assert_eq!(first.status, 303);
    assert_eq!(first.header("Location").as_deref(), Some("/"));
    let cookie = first.header("Set-Cookie").unwrap();
    assert!(cookie.starts_with(&server.cookie()), "{cookie}");
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"),
        "{cookie}"
    );
    let again = server.raw(
        "GET",
        &format!("/centre?jeton={}", server.token),
        &[("Host", server.host())],
        b"",
    );
    assert_eq!(again.header("Location").as_deref(), Some("/centre"));
    let elsewhere = server.raw(
        "GET",
        &format!("//evil.example?jeton={}", server.token),
        &[("Host", server.host())],
        b"",
    );
    assert_eq!(
        elsewhere.header("Location").as_deref(),
        Some("/"),
        "never a redirect to another site"
    );
    let home = server.get("/");
    assert_eq!(home.status, 200);
    assert_eq!(
        home.header("Content-Security-Policy").as_deref(),
        Some("default-src 'self'")
    );
    assert_eq!(
        home.header("X-Content-Type-Options").as_deref(),
        Some("nosniff")
    );
    assert_eq!(
        home.header("Referrer-Policy").as_deref(),
        Some("same-origin")
    );
    assert!(
        !home.text().contains("http://") && !home.text().contains("https://"),
        "nothing from the network"
    );
}

#[test]
fn a_form_from_another_site_is_refused() {
    let server = Running::start("secretaire-comptable.yaml");
    let before = std::fs::read_to_string(server.session()).unwrap();
    let body = format!(
        "empreinte={}&nom=Pirate&site=S&ville=V",
        hash_of(&server.session())
    );
    for origin in [
        Some("http://evil.example"),
        Some("null"),
        Some(&format!("https://127.0.0.1:{}", server.port)[..]),
        None,
    ] {
        let mut headers = vec![
            ("Host", server.host()),
            ("Cookie", server.cookie()),
            (
                "Content-Type",
                "application/x-www-form-urlencoded".to_owned(),
            ),
        ];
        if let Some(origin) = origin {
            headers.push(("Origin", origin.to_owned()));
        }
        let answer = server.raw("POST", "/centre", &headers, body.as_bytes());
        assert_eq!(answer.status, 403, "Origin {origin:?}");
        assert!(answer.text().contains("Origin"));
    }
    assert_eq!(std::fs::read_to_string(server.session()).unwrap(), before);
}

#[test]
fn paths_out_of_the_output_folder_are_refused() {
    let server = Running::start("secretaire-comptable.yaml");
    let out = server.dir.path().join("session-375846");
    std::fs::create_dir(&out).unwrap();
    std::fs::write(out.join("a.pdf"), "%PDF-1.7 dedans").unwrap();
    std::fs::write(server.dir.path().join("secret.pdf"), "%PDF-1.7 SECRET").unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(server.dir.path().join("secret.pdf"), out.join("lien.pdf")).unwrap();
    let inside = server.get("/fichiers/a.pdf");
    assert_eq!(inside.status, 200);
    assert_eq!(inside.text(), "%PDF-1.7 dedans");
    assert_eq!(
        inside.header("Content-Type").as_deref(),
        Some("application/pdf")
    );
    for target in [
        "/fichiers/../secret.pdf",
        "/fichiers/%2e%2e/secret.pdf",
        "/fichiers/%2E%2E%2Fsecret.pdf",
        "/fichiers/..%5csecret.pdf",
        "/fichiers//etc/passwd",
        "/fichiers/%2Fetc%2Fpasswd",
        "/fichiers/lien.pdf",
        "/fichiers/../session.yaml",
    ] {
        let answer = server.get(target);
        assert_ne!(answer.status, 200, "{target}");
        assert!(
            !answer.text().contains("SECRET") && !answer.text().contains("root:"),
            "{target}"
        );
    }
}

#[test]
fn a_too_large_upload_is_refused() {
    let server = Running::start("secretaire-comptable.yaml");
    let big = vec![b'a'; sessiondoc::web::http::MAX_BODY + 1];
    let answer = server.post(
        "/candidats/importer",
        "multipart/form-data; boundary=X",
        &big,
    );
    assert_eq!(answer.status, 413);
}

#[test]
fn the_session_page_shows_checks_messages_linked_to_their_part() {
    let server = Running::start("secretaire-comptable.yaml");
    let text = std::fs::read_to_string(server.session()).unwrap();
    // A town the file cannot read: the message links to the centre's field.
    let broken = text.replacen("  ville: Cherbourg-en-Cotentin", "  ville: [Cherbourg]", 1);
    assert_ne!(broken, text);
    std::fs::write(server.session(), broken).unwrap();
    let html = server.get("/session").text();
    assert!(html.contains("1 erreur(s)"), "{html}");
    assert!(html.contains("href=\"&#x2f;centre#ville\""), "{html}");
    let centre = server.get("/centre").text();
    assert!(
        centre.contains("aria-describedby=\"aide-ville erreur-ville\""),
        "{centre}"
    );
    assert!(centre.contains("id=\"erreur-ville\""), "{centre}");
    assert!(centre.contains("href=\"#ville\""), "{centre}");
    // A juror unknown to the file: the message links to the candidate's
    // form, and the form shows it beside the field.
    let unknown = text.replacen("jury: [lejeune, moreau]", "jury: [lejeune, inconnu]", 1);
    assert_ne!(unknown, text);
    std::fs::write(server.session(), unknown).unwrap();
    let html = server.get("/session").text();
    assert!(
        html.contains("href=\"&#x2f;candidats&#x2f;fiches#l1-jury\""),
        "{html}"
    );
    let form = server.get("/candidats/fiches").text();
    assert!(form.contains("id=\"erreur-l1-jury\""), "{form}");
}

#[test]
fn the_centre_is_saved_in_place_keeping_comments() {
    let server = Running::start("secretaire-comptable.yaml");
    let path = server.session();
    let before = std::fs::read_to_string(&path).unwrap();
    let hash = hash_of(&path);
    let fields = [
        ("empreinte", hash.as_str()),
        ("nom", "Centre <script>alert(1)</script> & fils"),
        ("site", "Site de Caen"),
        ("ville", "Caen"),
        ("telephone", ""),
        ("email", "contact@centre.fr"),
    ];
    let saved = server.post_form("/centre", &fields);
    assert_eq!(saved.status, 303, "{}", saved.text());
    let after = std::fs::read_to_string(&path).unwrap();
    assert!(
        after.contains("  nom: \"Centre <script>alert(1)</script> & fils\""),
        "{after}"
    );
    assert!(after.contains("  ville: \"Caen\""));
    assert!(
        !after.contains("  telephone: \"02 33 00 12 34\""),
        "an emptied optional value is taken away"
    );
    let comments = |t: &str| {
        t.lines()
            .filter(|l| l.trim_start().starts_with('#'))
            .map(str::to_owned)
            .collect::<Vec<_>>()
    };
    assert_eq!(comments(&after), comments(&before));
    // User text is data: shown escaped, never as markup.
    let page = server.get("/centre?enregistre=1").text();
    assert!(
        page.contains("Centre &lt;script&gt;alert(1)&lt;&#x2f;script&gt; &amp; fils"),
        "{page}"
    );
    assert!(!page.contains("<script>"));
    // The same form again, with the hash of the file before: refused.
    let stale = server.post_form("/centre", &fields);
    assert_eq!(stale.status, 409);
    assert!(
        stale.text().contains("Recharger la page"),
        "{}",
        stale.text()
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), after);
}

#[test]
fn a_required_field_left_empty_is_said_beside_it_and_nothing_is_written() {
    let server = Running::start("secretaire-comptable.yaml");
    let before = std::fs::read_to_string(server.session()).unwrap();
    let hash = hash_of(&server.session());
    let answer = server.post_form(
        "/centre",
        &[
            ("empreinte", &hash),
            ("nom", " "),
            ("site", "S"),
            ("ville", "V"),
        ],
    );
    assert_eq!(answer.status, 422);
    let html = answer.text();
    assert!(html.contains("href=\"#nom\""), "{html}");
    assert!(
        html.contains("aria-describedby=\"aide-nom erreur-nom\""),
        "{html}"
    );
    assert!(html.contains("Nom du centre est à remplir."), "{html}");
    assert_eq!(std::fs::read_to_string(server.session()).unwrap(), before);
}

/// A multipart body with the list and the hash.
fn upload(file_name: &str, list: &[u8], hash: &str) -> Vec<u8> {
    let mut body = Vec::new();
    body.extend_from_slice(
        format!("--B0\r\nContent-Disposition: form-data; name=\"empreinte\"\r\n\r\n{hash}\r\n")
            .as_bytes(),
    );
    body.extend_from_slice(format!("--B0\r\nContent-Disposition: form-data; name=\"liste\"; filename=\"{file_name}\"\r\nContent-Type: text/csv\r\n\r\n").as_bytes());
    body.extend_from_slice(list);
    body.extend_from_slice(b"\r\n--B0--\r\n");
    body
}

#[test]
fn a_list_is_imported_after_its_report() {
    let server = Running::start("secretaire-comptable.yaml");
    let path = server.session();
    let before = std::fs::read_to_string(&path).unwrap();
    let list = "Civilité;Nom;Prénom;N° candidat;Date de naissance;Adresse;Code postal;Ville\r\nMadame;NOUVELLE;Zoé;99887766;02/03/1990;1 rue A;14000;Caen\r\nMonsieur;AUTRE;Léo;99887767;04/05/1991;2 rue B;14000;Caen\r\n";
    let preview = server.post(
        "/candidats/importer",
        "multipart/form-data; boundary=B0",
        &upload("liste.csv", list.as_bytes(), &hash_of(&path)),
    );
    assert_eq!(preview.status, 200);
    let html = preview.text();
    assert!(html.contains("2 candidat(s) seront ajoutés"), "{html}");
    assert!(html.contains("« Nom » → nom"), "{html}");
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        before,
        "nothing written before confirmation"
    );
    let done = server.post_form("/candidats/confirmer", &[("empreinte", &hash_of(&path))]);
    assert_eq!(done.status, 303, "{}", done.text());
    let after = std::fs::read_to_string(&path).unwrap();
    assert!(after.contains("NOUVELLE") && after.contains("99887767"));
    assert!(server.get("/candidats?importe=2").text().contains("Zoé"));
}

#[test]
fn a_wrong_list_is_reported_row_by_row_and_nothing_is_written() {
    let server = Running::start("secretaire-comptable.yaml");
    let path = server.session();
    let before = std::fs::read_to_string(&path).unwrap();
    let list = "Civilité;Nom;Prénom;N° candidat;Date de naissance;Adresse;Code postal;Ville\r\nMadame;NOUVELLE;Zoé;99887766;02/03/90;1 rue A;14000;Caen\r\n";
    let preview = server.post(
        "/candidats/importer",
        "multipart/form-data; boundary=B0",
        &upload("liste.csv", list.as_bytes(), &hash_of(&path)),
    );
    let html = preview.text();
    assert!(
        html.contains("Cette liste ne peut pas être importée"),
        "{html}"
    );
    assert!(html.contains("valeur « 02&#x2f;03&#x2f;90 »"), "{html}");
    assert!(!html.contains("Confirmer l'import"));
    let confirm = server.post_form("/candidats/confirmer", &[("empreinte", &hash_of(&path))]);
    assert_eq!(confirm.status, 409);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), before);
}

#[test]
fn documents_are_produced_listed_served_and_zipped() {
    let server = Running::start("secretaire-comptable.yaml");
    // The page is written as the production goes: its head, then the
    // summary and the way to the documents.
    let produced = server.post_form("/produire", &[]);
    assert_eq!(produced.status, 200, "{}", produced.text());
    let text = produced.text();
    let head = text.find("<h1>Production des documents</h1>").unwrap();
    let end = text.find("Production terminée").unwrap();
    assert!(head < end, "{text}");
    assert!(text.contains("id=\"voir-documents\""), "{text}");
    assert!(text.trim_end().ends_with("</html>"), "{text}");
    assert!(produced.header("Content-Security-Policy").is_some());
    let page = server.get("/documents");
    let html = page.text().replace("&#x2f;", "/");
    assert!(
        html.contains("Pour les candidats") && html.contains("Pour la DDETS"),
        "{html}"
    );
    let pdf_link = html
        .split("href=\"")
        .skip(1)
        .map(|s| s.split('"').next().unwrap())
        .find(|l| l.starts_with("/fichiers/") && l.ends_with(".pdf"))
        .unwrap()
        .to_owned();
    let pdf = server.get(&pdf_link);
    assert_eq!(pdf.status, 200);
    assert!(pdf.body.starts_with(b"%PDF"));
    assert!(
        pdf.header("Content-Disposition")
            .unwrap()
            .starts_with("inline")
    );
    let zip = server.get("/documents.zip");
    assert_eq!(zip.status, 200);
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(zip.body)).unwrap();
    let folder = server.dir.path().join("session-375846");
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(folder.join("manifest.json")).unwrap()).unwrap();
    let listed = manifest["documents"].as_array().unwrap();
    assert!(archive.by_name("manifest.json").is_ok());
    for entry in listed {
        let name = entry["path"].as_str().unwrap();
        let mut bytes = Vec::new();
        archive
            .by_name(name)
            .unwrap()
            .read_to_end(&mut bytes)
            .unwrap();
        assert_eq!(bytes, std::fs::read(folder.join(name)).unwrap(), "{name}");
    }
}

#[test]
fn a_new_session_starts_from_the_example_and_never_over_a_file() {
    let server = Running::start("secretaire-comptable.yaml");
    let new = server.dir.path().join("nouvelle.yaml");
    let created = server.post_form("/nouvelle", &[("chemin", new.to_str().unwrap())]);
    assert_eq!(created.status, 303, "{}", created.text());
    assert_eq!(
        std::fs::read_to_string(&new).unwrap(),
        sessiondoc::example::EXAMPLE
    );
    assert!(server.get("/session").text().contains("nouvelle.yaml"));
    // The same name again: refused, the file as it was.
    std::fs::write(&new, "# à moi\n").unwrap();
    let again = server.post_form("/nouvelle", &[("chemin", new.to_str().unwrap())]);
    assert_eq!(again.status, 400);
    assert!(again.text().contains("existe déjà"), "{}", again.text());
    assert_eq!(std::fs::read_to_string(&new).unwrap(), "# à moi\n");
    let missing = server.post_form("/ouvrir", &[("chemin", "/nulle/part.yaml")]);
    assert_eq!(missing.status, 400);
    assert!(
        missing.text().contains("n&#x27;est pas un fichier"),
        "{}",
        missing.text()
    );
    assert!(
        missing
            .text()
            .contains("aria-describedby=\"aide-ouvrir probleme\"")
    );
}

#[test]
fn a_slot_is_moved_in_place_and_a_wrong_time_is_said_beside_its_field() {
    let server = Running::start("secretaire-comptable.yaml");
    let path = server.session();
    let before = std::fs::read_to_string(&path).unwrap();
    let page = server.get("/planning");
    assert_eq!(page.status, 200, "{}", page.text());
    for said in ["<caption>Lundi", "Ce que dit le planificateur", "n° 1"] {
        assert!(page.text().contains(said), "{said} in:\n{}", page.text());
    }
    let hash = hash_of(&path);
    let wrong = server.post_form(
        "/planning/deplacer",
        &[
            ("empreinte", hash.as_str()),
            ("creneau", "1"),
            ("jour", "2027-01-11"),
            ("heure", "7h45"),
            ("salle", ""),
        ],
    );
    assert_eq!(wrong.status, 422);
    let text = wrong.text();
    assert!(
        text.contains("<p class=\"erreur\" id=\"erreur-heure\">« 7h45 » n&#x27;est pas une heure"),
        "{text}"
    );
    assert!(text.contains("aria-describedby=\"aide-heure erreur-heure\""));
    // What was chosen stays chosen.
    assert!(text.contains("value=\"7h45\""), "{text}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), before);

    let moved = server.post_form(
        "/planning/deplacer",
        &[
            ("empreinte", hash.as_str()),
            ("creneau", "1"),
            ("jour", "2027-01-11"),
            ("heure", "07:45"),
            ("salle", ""),
        ],
    );
    assert_eq!(moved.status, 303, "{}", moved.text());
    let after = std::fs::read_to_string(&path).unwrap();
    let changed: Vec<(&str, &str)> = before
        .lines()
        .zip(after.lines())
        .filter(|(a, b)| a != b)
        .collect();
    assert_eq!(before.lines().count(), after.lines().count());
    assert_eq!(changed.len(), 2, "{changed:?}");
    assert!(after.contains("debut: \"07:45\""), "{after}");
    assert!(
        after.contains("fin: \"08:15\""),
        "the slot keeps its length"
    );
}

#[test]
fn the_dates_are_saved_in_place_and_a_wrong_date_is_said_beside_its_field() {
    let server = Running::start("secretaire-comptable.yaml");
    let path = server.session();
    let before = std::fs::read_to_string(&path).unwrap();
    let page = server.get("/dates").text();
    assert!(page.contains("value=\"2027-01-11\""), "{page}");
    let hash = hash_of(&path);
    let mut fields = vec![
        ("empreinte", hash.as_str()),
        ("numero", "375846"),
        ("nature", "titre"),
        ("debut", "11/01/2027"),
        ("fin", "2027-01-12"),
        ("tenue", ""),
    ];
    let wrong = server.post_form("/dates", &fields);
    assert_eq!(wrong.status, 422);
    assert!(
        wrong
            .text()
            .contains("<p class=\"erreur\" id=\"erreur-debut\">« 11&#x2f;01&#x2f;2027 » n&#x27;est pas une date"),
        "{}",
        wrong.text()
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), before);
    fields[3] = ("debut", "2027-01-11");
    let saved = server.post_form("/dates", &fields);
    assert_eq!(saved.status, 303, "{}", saved.text());
    let after = std::fs::read_to_string(&path).unwrap();
    assert!(after.contains("  debut: \"2027-01-11\""), "{after}");
    assert!(
        !after.contains("  tenue:"),
        "an emptied optional value is taken away"
    );
    let comments = |t: &str| {
        t.lines()
            .filter(|l| l.trim_start().starts_with('#'))
            .map(str::to_owned)
            .collect::<Vec<_>>()
    };
    assert_eq!(comments(&after), comments(&before));
    let (code, log) = {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_sessiondoc"))
            .args(["check", path.to_str().unwrap()])
            .output()
            .unwrap();
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    assert_eq!(code, Some(0), "{log}");
}

#[test]
fn the_results_are_shown_in_the_grids_words_and_the_grid_downloads() {
    let server = Running::start("secretaire-comptable.yaml");
    let page = server.get("/resultats");
    assert_eq!(page.status, 200, "{}", page.text());
    let text = page.text();
    for said in [
        "<th scope=\"col\">CCP obtenus</th>",
        "<td>Réussite</td>",
        "CP-002498",
    ] {
        assert!(text.contains(said), "{said} in:\n{text}");
    }
    let grid = server.get("/resultats/grille.xlsx");
    assert_eq!(grid.status, 200, "{}", grid.text());
    assert!(grid.body.starts_with(b"PK"), "an XLSX is a zip");
    assert!(
        grid.header("Content-Disposition")
            .is_some_and(|d| d.contains("grille-resultats.xlsx"))
    );
}

#[test]
fn a_slot_without_a_room_is_given_one_under_its_end() {
    let server = Running::start("secretaire-comptable.yaml");
    let path = server.session();
    let hash = hash_of(&path);
    let moved = server.post_form(
        "/planning/deplacer",
        &[
            ("empreinte", hash.as_str()),
            ("creneau", "3"),
            ("jour", "2027-01-11"),
            ("heure", "12:45"),
            ("salle", "s106"),
        ],
    );
    assert_eq!(moved.status, 303, "{}", moved.text());
    let after = std::fs::read_to_string(&path).unwrap();
    assert!(
        after.contains(
            "    debut: \"12:45\"\n    fin: \"13:45\"\n    salle: s106\n    nature: pause"
        ),
        "{after}"
    );
}

/// The comment lines of a file, in order.
fn comment_lines(text: &str) -> Vec<String> {
    text.lines()
        .filter(|l| l.trim_start().starts_with('#'))
        .map(str::to_owned)
        .collect()
}

/// `sessiondoc check` on `path`: its exit code and what it said.
fn check_of(path: &Path) -> (Option<i32>, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_sessiondoc"))
        .args(["check", path.to_str().unwrap()])
        .output()
        .unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn a_juror_is_changed_added_and_removed_in_place() {
    let server = Running::start("secretaire-comptable.yaml");
    let path = server.session();
    let before = std::fs::read_to_string(&path).unwrap();
    let page = server.get("/jures").text();
    for said in [
        "id=\"l2-habilitation_fin\"",
        "value=\"2027-09-30\"",
        "<legend class=\"masque\">Juré n°\u{a0}2\u{a0}: MOREAU Patrick</legend>",
        "<label for=\"l2-civilite\">",
        "aria-describedby=\"aide-l2-habilitation_fin\"",
        "id=\"nouveau-id\"",
    ] {
        assert!(page.contains(said), "{said} in:\n{page}");
    }
    let hash = hash_of(&path);
    let mut moreau = vec![
        ("empreinte", hash.as_str()),
        ("ligne", "2"),
        ("id", "moreau"),
        ("civilite", "M."),
        ("nom", "MOREAU"),
        ("prenom", "Patrick"),
        ("telephone", ""),
        ("email", "p.moreau@exemple.fr"),
        ("habilitation_fin", "30/09/2028"),
        ("ccp", ""),
        ("disponibilites", "2027-01-11, 2027-01-12"),
        ("envoi", ""),
    ];
    let wrong = server.post_form("/jures", &moreau);
    assert_eq!(wrong.status, 422);
    let text = wrong.text();
    assert!(
        text.contains("<p class=\"erreur\" id=\"erreur-l2-habilitation_fin\">« 30&#x2f;09&#x2f;2028 » n&#x27;est pas une date"),
        "{text}"
    );
    assert!(
        text.contains("aria-describedby=\"aide-l2-habilitation_fin erreur-l2-habilitation_fin\"")
    );
    assert!(text.contains("href=\"#l2-habilitation_fin\""), "{text}");
    assert!(
        text.contains("value=\"30&#x2f;09&#x2f;2028\""),
        "what was given stays"
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), before);

    moreau[8] = ("habilitation_fin", "2028-09-30");
    let saved = server.post_form("/jures", &moreau);
    assert_eq!(saved.status, 303, "{}", saved.text());
    let after = std::fs::read_to_string(&path).unwrap();
    assert!(
        after.contains("  - id: \"moreau\"\n    civilite: M.\n    nom: \"MOREAU\"\n    prenom: \"Patrick\"\n    habilitation_fin: \"2028-09-30\"\n    email: \"p.moreau@exemple.fr\"\n    disponibilites: [2027-01-11, 2027-01-12]\n  - id: dupont\n"),
        "{after}"
    );
    assert_eq!(comment_lines(&after), comment_lines(&before));
    assert_eq!(check_of(&path).0, Some(0), "{}", check_of(&path).1);

    // A juror added at the end of the list, then taken away: the file as
    // it was.
    let hash = hash_of(&path);
    let added = server.post_form(
        "/jures/ajouter",
        &[
            ("empreinte", hash.as_str()),
            ("id", "martin"),
            ("civilite", "Mme"),
            ("nom", "MARTIN"),
            ("prenom", "Léa"),
            ("habilitation_fin", "2029-01-31"),
            ("envoi", "courrier"),
        ],
    );
    assert_eq!(added.status, 303, "{}", added.text());
    let with_martin = std::fs::read_to_string(&path).unwrap();
    assert!(
        with_martin.contains("    habilitation_fin: 2027-12-31\n  - id: \"martin\"\n    civilite: Mme\n    nom: \"MARTIN\"\n    prenom: \"Léa\"\n    habilitation_fin: \"2029-01-31\"\n    envoi: courrier\n\nsurveillants:"),
        "{with_martin}"
    );
    let page = server.get("/jures?ajoute=1").text();
    assert!(page.contains("Juré n°\u{a0}5\u{a0}: MARTIN Léa"), "{page}");
    let hash = hash_of(&path);
    let removed = server.post_form(
        "/jures/retirer",
        &[("empreinte", hash.as_str()), ("ligne", "5")],
    );
    assert_eq!(removed.status, 303, "{}", removed.text());
    assert_eq!(std::fs::read_to_string(&path).unwrap(), after);
    // The same removal again, from the page as it was: refused.
    let stale = server.post_form(
        "/jures/retirer",
        &[("empreinte", hash.as_str()), ("ligne", "4")],
    );
    assert_eq!(stale.status, 409);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), after);
}

#[test]
fn checks_messages_about_an_item_stand_beside_its_field() {
    let server = Running::start("secretaire-comptable.yaml");
    let text = std::fs::read_to_string(server.session()).unwrap();
    let expired = text.replacen(
        "habilitation_fin: 2027-09-30",
        "habilitation_fin: 2026-09-30",
        1,
    );
    assert_ne!(expired, text);
    std::fs::write(server.session(), expired).unwrap();
    let summary = server.get("/session").text();
    assert!(
        summary.contains("href=\"&#x2f;jures#l2-habilitation_fin\""),
        "{summary}"
    );
    let page = server.get("/jures").text();
    assert!(page.contains("id=\"erreur-l2-habilitation_fin\""), "{page}");
    assert!(page.contains("aria-invalid=\"true\" aria-describedby=\"aide-l2-habilitation_fin erreur-l2-habilitation_fin\""), "{page}");
    assert!(page.contains("href=\"#l2-habilitation_fin\""), "{page}");
}

#[test]
fn rooms_tests_and_the_days_organisation_are_written_in_place() {
    let server = Running::start("secretaire-comptable.yaml");
    let path = server.session();
    let before = std::fs::read_to_string(&path).unwrap();
    let hash = hash_of(&path);
    let room = |places: &'static str| {
        [
            ("empreinte", hash.clone()),
            ("ligne", "2".to_owned()),
            ("id", "s204".to_owned()),
            ("nom", "Salle informatique 204".to_owned()),
            ("places", places.to_owned()),
        ]
    };
    let as_refs =
        |f: &[(&'static str, String)]| f.iter().map(|(k, v)| (*k, v.clone())).collect::<Vec<_>>();
    let wrong: Vec<(&str, String)> = as_refs(&room("douze"));
    let wrong: Vec<(&str, &str)> = wrong.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let answer = server.post_form("/salles", &wrong);
    assert_eq!(answer.status, 422);
    assert!(
        answer
            .text()
            .contains("« douze » n&#x27;est pas un nombre entier"),
        "{}",
        answer.text()
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), before);

    // The file has no tests yet: the list is added at its end.
    let test = server.post_form(
        "/epreuves/ajouter",
        &[
            ("empreinte", hash.as_str()),
            ("intitule", "Entretien technique"),
            ("nature", "entretien"),
            ("duree", "00:45"),
            ("passage", "individuel"),
            ("salles", "s105, s106"),
            ("encadrement", "jury"),
        ],
    );
    assert_eq!(test.status, 303, "{}", test.text());
    let after = std::fs::read_to_string(&path).unwrap();
    assert!(
        after.ends_with("\nepreuves:\n  - intitule: \"Entretien technique\"\n    nature: entretien\n    duree: \"00:45\"\n    passage: \"individuel\"\n    salles: [\"s105\", \"s106\"]\n    encadrement: jury\n"),
        "{after}"
    );
    let hash = hash_of(&path);
    let wrong = server.post_form(
        "/organisation",
        &[
            ("empreinte", hash.as_str()),
            ("horaires", "8h, 18h"),
            ("battement", "5 min"),
        ],
    );
    assert_eq!(wrong.status, 422);
    let text = wrong.text();
    assert!(text.contains("id=\"erreur-horaires\""), "{text}");
    assert!(
        text.contains(
            "<p class=\"erreur\" id=\"erreur-battement\">« 5 min » n&#x27;est pas au format HH:MM"
        ),
        "{text}"
    );
    let saved = server.post_form(
        "/organisation",
        &[
            ("empreinte", hash.as_str()),
            ("horaires", "07:30, 18:00"),
            ("battement", "00:10"),
        ],
    );
    assert_eq!(saved.status, 303, "{}", saved.text());
    let organised = std::fs::read_to_string(&path).unwrap();
    assert!(
        organised.ends_with("    encadrement: jury\n\norganisation:\n  horaires: [\"07:30\", \"18:00\"]\n  battement: \"00:10\"\n"),
        "{organised}"
    );
    assert_eq!(comment_lines(&organised), comment_lines(&before));
    let page = server.get("/organisation").text();
    assert!(page.contains("value=\"07:30, 18:00\""), "{page}");
    assert!(
        server
            .get("/epreuves")
            .text()
            .contains("value=\"s105, s106\"")
    );
}

#[test]
fn what_to_send_is_shown_then_recorded_with_its_kit() {
    let server = Running::start("secretaire-comptable.yaml");
    let before = server.get("/envois").text();
    assert!(
        before.contains("produisez d&#x27;abord les documents"),
        "{before}"
    );
    assert_eq!(server.post_form("/produire", &[]).status, 200);
    let page = server.get("/envois").text();
    for said in [
        "Candidat&nbsp;: AMRANI Leïla",
        "premier envoi",
        "courrier recommandé",
        "Enregistrer l'envoi du",
        "Aucun envoi n'a encore été enregistré",
    ] {
        assert!(page.contains(said), "{said} in:\n{page}");
    }
    assert!(!page.contains("rectificatif"), "{page}");
    let recorded = server.post_form("/envois", &[("empreinte", &hash_of(&server.session()))]);
    assert_eq!(recorded.status, 303, "{}", recorded.text());
    let location = recorded.header("Location").unwrap();
    assert!(location.starts_with("/envois?enregistre="), "{location}");
    let day = location.trim_start_matches("/envois?enregistre=");
    let folder = server.dir.path().join("session-375846/envois").join(day);
    assert!(folder.join("envoi.json").is_file());
    let page = server.get(&location).text();
    assert!(page.contains("Envoi enregistré"), "{page}");
    assert!(page.contains("Rien à envoyer"), "{page}");
    let kit = format!("href=\"&#x2f;fichiers&#x2f;envois&#x2f;{day}&#x2f;envoi.json\"");
    assert!(page.contains(&kit), "{kit} in:\n{page}");
    let served = server.get(&format!("/fichiers/envois/{day}/envoi.json"));
    assert_eq!(served.status, 200);
    assert!(served.text().contains("\"amrani\""));

    // A candidate's address changed, the documents produced again: her
    // convocation is a rectificative to send.
    let text = std::fs::read_to_string(server.session()).unwrap();
    let moved = text.replacen(
        "      - 8 allée des Tilleuls",
        "      - 9 allée des Tilleuls",
        1,
    );
    assert_ne!(moved, text);
    std::fs::write(server.session(), moved).unwrap();
    assert_eq!(server.post_form("/produire", &[]).status, 200);
    let page = server.get("/envois").text();
    assert!(page.contains("rectificatif"), "{page}");
    assert!(page.contains("AMRANI Leïla"), "{page}");
    assert!(!page.contains("HADDAD"), "{page}");
    // A page shown before the file changed records nothing.
    let stale = server.post_form("/envois", &[("empreinte", "0")]);
    assert_eq!(stale.status, 409);
}

#[test]
fn the_proposal_follows_a_test_changed_on_its_page() {
    let server = Running::start("planifier/secretaire-comptable.yaml");
    // The first time, the page may come in two steps while the planner
    // works; shown again, unchanged: the same page.
    server.get("/planning");
    let page = server.get("/planning").text();
    assert!(page.contains("Entretien technique"), "{page}");
    assert!(!page.contains("Entretien oral"), "{page}");
    assert_eq!(server.get("/planning").text(), page);
    // The test renamed on its own page: the next proposal says so.
    let hash = hash_of(&server.session());
    let renamed = server.post_form(
        "/epreuves",
        &[
            ("empreinte", hash.as_str()),
            ("ligne", "2"),
            ("intitule", "Entretien oral"),
            ("nature", "entretien"),
            ("duree", "00:45"),
            ("passage", "individuel"),
            ("salles", "s105, s106"),
            ("encadrement", "jury"),
        ],
    );
    assert_eq!(renamed.status, 303, "{}", renamed.text());
    let page = server.get("/planning").text();
    assert!(page.contains("Entretien oral"), "{page}");
    assert!(!page.contains("Entretien technique"), "{page}");
}

#[test]
fn the_titre_and_its_ccps_are_written_in_place() {
    let server = Running::start("secretaire-comptable.yaml");
    let path = server.session();
    let before = std::fs::read_to_string(&path).unwrap();
    let page = server.get("/titre").text();
    for said in [
        "<legend>Le titre professionnel</legend>",
        "<label for=\"code\">Code du titre (obligatoire)</label>",
        "value=\"TP-00402\"",
        "<a href=\"/ccp\"",
    ] {
        assert!(page.contains(said), "{said} in:\n{page}");
    }
    // A code without its format: written, then `check` says so beside it.
    let titre = |code: &str| {
        let hash = hash_of(&path);
        server.post_form(
            "/titre",
            &[
                ("empreinte", hash.as_str()),
                ("code", code),
                ("intitule", "Secrétaire comptable"),
                ("sigle", "SC"),
            ],
        )
    };
    let saved = titre("TP-402");
    assert_eq!(saved.status, 303, "{}", saved.text());
    let page = server.get("/titre").text();
    assert!(
        page.contains("<p class=\"erreur\" id=\"erreur-code\">le code du titre « TP-402 » n&#x27;a pas le format attendu"),
        "{page}"
    );
    assert!(
        page.contains("aria-invalid=\"true\" aria-describedby=\"aide-code erreur-code\""),
        "{page}"
    );
    let summary = server.get("/session").text();
    assert!(summary.contains("href=\"&#x2f;titre#code\""), "{summary}");
    assert_eq!(titre("TP-00402").status, 303);
    let after = std::fs::read_to_string(&path).unwrap();
    assert!(
        after.contains("titre:\n  code: \"TP-00402\"\n  intitule: \"Secrétaire comptable\"\n  sigle: \"SC\"\n  ccp:\n"),
        "{after}"
    );

    // The CCPs: one changed in place, one added after the last, then taken
    // away; a wrong code said beside its field by `check`.
    let page = server.get("/ccp").text();
    for said in [
        "<legend class=\"masque\">CCP n°\u{a0}2\u{a0}: CP-002499</legend>",
        "id=\"l4-intitule\"",
        "id=\"nouveau-code\"",
    ] {
        assert!(page.contains(said), "{said} in:\n{page}");
    }
    let hash = hash_of(&path);
    let changed = server.post_form(
        "/ccp",
        &[
            ("empreinte", hash.as_str()),
            ("ligne", "4"),
            ("code", "CP-002501"),
            ("intitule", "Préparer la paie"),
        ],
    );
    assert_eq!(changed.status, 303, "{}", changed.text());
    let changed = std::fs::read_to_string(&path).unwrap();
    assert!(
        changed.contains(
            "    - code: \"CP-002501\"\n      intitule: \"Préparer la paie\"\n\nsession:"
        ),
        "{changed}"
    );
    let hash = hash_of(&path);
    let added = server.post_form(
        "/ccp/ajouter",
        &[
            ("empreinte", hash.as_str()),
            ("code", "CP-25"),
            ("intitule", "Un CCP de plus"),
        ],
    );
    assert_eq!(added.status, 303, "{}", added.text());
    let with_fifth = std::fs::read_to_string(&path).unwrap();
    assert!(
        with_fifth.contains("      intitule: \"Préparer la paie\"\n    - code: \"CP-25\"\n      intitule: \"Un CCP de plus\"\n\nsession:"),
        "{with_fifth}"
    );
    let page = server.get("/ccp").text();
    assert!(
        page.contains("<p class=\"erreur\" id=\"erreur-l5-code\">le code de CCP « CP-25 » n&#x27;a pas le format attendu"),
        "{page}"
    );
    let hash = hash_of(&path);
    let removed = server.post_form(
        "/ccp/retirer",
        &[("empreinte", hash.as_str()), ("ligne", "5")],
    );
    assert_eq!(removed.status, 303, "{}", removed.text());
    assert_eq!(std::fs::read_to_string(&path).unwrap(), changed);
    assert_eq!(comment_lines(&changed), comment_lines(&before));
    assert_eq!(check_of(&path).0, Some(0), "{}", check_of(&path).1);
}

#[test]
fn the_convocations_sending_is_written_in_place() {
    let server = Running::start("secretaire-comptable.yaml");
    let path = server.session();
    let before = std::fs::read_to_string(&path).unwrap();
    let page = server.get("/convocation").text();
    for said in [
        "<legend>L&#x27;envoi des convocations</legend>",
        "value=\"2026-12-04\"",
        "<option value=\"recommande\" selected>",
        "Format attendu&nbsp;: AAAA-MM-JJ",
    ] {
        assert!(page.contains(said), "{said} in:\n{page}");
    }
    let hash = hash_of(&path);
    let wrong = server.post_form(
        "/convocation",
        &[
            ("empreinte", hash.as_str()),
            ("date", "4 décembre"),
            ("mode", ""),
        ],
    );
    assert_eq!(wrong.status, 422);
    let text = wrong.text();
    assert!(
        text.contains(
            "<p class=\"erreur\" id=\"erreur-date\">« 4 décembre » n&#x27;est pas une date"
        ),
        "{text}"
    );
    assert!(
        text.contains("<p class=\"erreur\" id=\"erreur-mode\">Mode d&#x27;envoi est à remplir."),
        "{text}"
    );
    assert!(text.contains("href=\"#mode\""), "{text}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), before);
    let saved = server.post_form(
        "/convocation",
        &[
            ("empreinte", hash.as_str()),
            ("date", "2026-12-01"),
            ("mode", "main_propre"),
        ],
    );
    assert_eq!(saved.status, 303, "{}", saved.text());
    let after = std::fs::read_to_string(&path).unwrap();
    assert!(
        after.contains("  convocation:\n    date: \"2026-12-01\"\n    mode: main_propre\n"),
        "{after}"
    );
    assert_eq!(after.lines().count(), before.lines().count());
    assert_eq!(comment_lines(&after), comment_lines(&before));
    assert_eq!(check_of(&path).0, Some(0), "{}", check_of(&path).1);
    // Too late a sending: `check`'s message stands beside the date.
    let late = after.replace("date: \"2026-12-01\"", "date: 2027-01-05");
    std::fs::write(&path, late).unwrap();
    let page = server.get("/convocation").text();
    assert!(page.contains("id=\"erreur-date\""), "{page}");
    let summary = server.get("/session").text();
    assert!(
        summary.contains("href=\"&#x2f;convocation#date\""),
        "{summary}"
    );
}

#[test]
fn every_form_says_its_rule_for_required_fields_as_its_fields_have_it() {
    let server = Running::start("secretaire-comptable.yaml");
    for page in [
        "/",
        "/centre",
        "/titre",
        "/ccp",
        "/dates",
        "/convocation",
        "/responsable",
        "/jures",
        "/surveillants",
        "/formateurs",
        "/salles",
        "/epreuves",
        "/organisation",
        "/candidats",
        "/planning",
    ] {
        let text = server.get(page).text();
        let marked = text.contains("(obligatoire)</label>");
        let rule = [
            "marqués «&nbsp;obligatoire&nbsp;»",
            "Champ obligatoire.",
            "Tous les champs sont obligatoires",
        ];
        let says_rule = rule.iter().any(|r| text.contains(r));
        assert_eq!(
            marked, says_rule,
            "{page}: marks and rule disagree:\n{text}"
        );
        if !marked && text.contains("<input type=\"text\"") {
            assert!(
                text.contains("Tous les champs sont facultatifs."),
                "{page}:\n{text}"
            );
        }
    }
    let organisation = server.get("/organisation").text();
    assert!(
        organisation.contains("Tous les champs sont facultatifs."),
        "{organisation}"
    );
}

#[test]
fn the_timetable_is_planned_ahead_and_its_page_answers_at_once() {
    let server = Running::with_text(&sessiondoc::example::unplanned::sized_session(240));
    // Asked for at once: its head comes first, saying the planner is at
    // work, then the rest when the proposal is ready.
    let first = server.get("/planning");
    assert_eq!(first.status, 200);
    assert!(
        first.head.contains("Transfer-Encoding: chunked"),
        "{}",
        first.head
    );
    let text = first.text();
    let waiting = text
        .find("Le planificateur calcule sa proposition")
        .expect(&text);
    let ready = text.find("Proposition calculée.").expect(&text);
    assert!(waiting < ready);
    assert!(text.contains("<table class=\"grille\">"), "{text}");
    assert!(text.contains("Accepter le planning proposé"), "{text}");
    assert!(text.trim_end().ends_with("</html>"), "{text}");
    // Shown again, the file unchanged: the page at once, whole.
    let again = server.get("/planning");
    assert!(!again.head.contains("chunked"), "{}", again.head);
    assert!(!again.text().contains("calcule sa proposition"));
    assert!(again.text().contains("Accepter le planning proposé"));

    // A save, then any page: the planner starts on the new file meanwhile,
    // and the timetable is ready when asked for.
    let hash = hash_of(&server.session());
    let saved = server.post_form(
        "/organisation",
        &[("empreinte", hash.as_str()), ("battement", "00:10")],
    );
    assert_eq!(saved.status, 303, "{}", saved.text());
    assert_eq!(server.get("/session").status, 200);
    // The planner's time at 240 candidates is about 0.2 s: six seconds
    // leave it time enough on a busy machine.
    std::thread::sleep(std::time::Duration::from_secs(6));
    let page = server.get("/planning");
    assert!(
        !page.head.contains("chunked"),
        "not planned ahead: {}",
        page.head
    );
    assert!(page.text().contains("Accepter le planning proposé"));
}

#[test]
fn a_candidate_is_changed_in_place_on_their_form() {
    let server = Running::start("secretaire-comptable.yaml");
    let path = server.session();
    let before = std::fs::read_to_string(&path).unwrap();
    assert!(
        server
            .get("/candidats")
            .text()
            .contains("href=\"/candidats/fiches\"")
    );
    let page = server.get("/candidats/fiches").text();
    for said in [
        "<legend class=\"masque\">Candidat n°\u{a0}1\u{a0}: AMRANI Leïla</legend>",
        "<label for=\"l1-date_naissance\">",
        "value=\"1994-03-17\"",
        "value=\"8 allée des Tilleuls, 50100 Cherbourg-en-Cotentin\"",
        "<option value=\"vae\">VAE</option>",
        "id=\"nouveau-identifiant\"",
        "<a href=\"/candidats\" aria-current=\"page\">Les candidats</a>",
    ] {
        assert!(page.contains(said), "{said} in:\n{page}");
    }
    let hash = hash_of(&path);
    let mut amrani = vec![
        ("empreinte", hash.as_str()),
        ("ligne", "1"),
        ("id", "amrani"),
        ("civilite", "Mme"),
        ("nom", "AMRANI"),
        ("nom_usage", ""),
        ("prenom", "Leïla"),
        ("identifiant", "1801008"),
        ("date_naissance", "17/03/1994"),
        ("voie", "formation"),
        (
            "adresse",
            "9 allée des Tilleuls, 50100 Cherbourg-en-Cotentin",
        ),
        ("telephone", ""),
        ("email", ""),
        ("formateur", "roche"),
        ("jury", "lejeune, moreau"),
        ("desistement", ""),
        ("envoi", ""),
    ];
    let wrong = server.post_form("/candidats/fiches", &amrani);
    assert_eq!(wrong.status, 422);
    assert!(wrong.text().contains(
        "id=\"erreur-l1-date_naissance\">« 17&#x2f;03&#x2f;1994 » n&#x27;est pas une date"
    ));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), before);
    amrani[8] = ("date_naissance", "1994-03-17");
    let saved = server.post_form("/candidats/fiches", &amrani);
    assert_eq!(saved.status, 303, "{}", saved.text());
    let after = std::fs::read_to_string(&path).unwrap();
    assert!(after.contains("9 allée des Tilleuls"), "{after}");
    assert!(!after.contains("8 allée des Tilleuls"), "{after}");
    assert_eq!(comment_lines(&after), comment_lines(&before));
    let (code, said) = check_of(&path);
    assert_eq!(code, Some(0), "{said}");
}
