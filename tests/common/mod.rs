//! Helpers shared by the integration tests: load a fixture, produce its
//! documents in memory, and read them back as text (pdftotext for the PDF,
//! the `w:t` runs of word/document.xml for the DOCX).
#![allow(dead_code)]

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;

use sessiondoc::compose::Kind;
use sessiondoc::generate::{self, Format, GenerateOptions};
use sessiondoc::load::{self, Source};
use sessiondoc::model::Session;
use sessiondoc::output::Produced;

/// Path of a file under `fixtures/`.
pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(name)
}

/// Loads a session from text (must be valid).
pub fn session_from(text: &str) -> (Source, Session) {
    let source = Source::from_text("session.yaml", text);
    let session = load::parse(&source).unwrap_or_else(|d| panic!("invalid session: {d:?}"));
    (source, session)
}

/// The documents of `kinds` for a fixture file, both formats, in memory.
pub fn produce(fixture_name: &str, kinds: &[Kind]) -> Vec<Produced> {
    let text = std::fs::read_to_string(fixture(fixture_name)).expect("fixture");
    produce_text(&text, kinds)
}

/// The documents of `kinds` for a session text, both formats, in memory.
pub fn produce_text(text: &str, kinds: &[Kind]) -> Vec<Produced> {
    let (source, session) = session_from(text);
    let diagnostics = sessiondoc::check::check(&session);
    assert!(
        diagnostics
            .iter()
            .all(|d| d.severity != sessiondoc::diag::Severity::Error),
        "session has errors: {diagnostics:?}"
    );
    let mut options = GenerateOptions::all_into(Path::new("unused"));
    options.formats = vec![Format::Pdf, Format::Docx];
    options.only = kinds.to_vec();
    generate::produce(&source, &session, &options).expect("documents produced")
}

/// The files of one kind (optionally for one candidate), as (pdf, docx) pairs.
pub fn pairs<'a>(
    files: &'a [Produced],
    kind: &str,
    candidat: Option<&str>,
) -> Vec<(&'a Produced, &'a Produced)> {
    let of = |format: &str| -> Vec<&'a Produced> {
        files
            .iter()
            .filter(|f| f.entry.kind.name() == kind && f.entry.format == format)
            .filter(|f| candidat.is_none() || f.entry.subject.candidat.as_deref() == candidat)
            .collect()
    };
    let (pdfs, docxs) = (of("pdf"), of("docx"));
    assert_eq!(pdfs.len(), docxs.len(), "as many PDF as DOCX for {kind}");
    pdfs.into_iter().zip(docxs).collect()
}

/// The text of a PDF, by pdftotext (reading order, no layout).
pub fn pdf_text(bytes: &[u8]) -> String {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("doc.pdf");
    std::fs::write(&path, bytes).expect("write pdf");
    let out = Command::new("pdftotext")
        .arg("-enc")
        .arg("UTF-8")
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext is installed (poppler-utils: scripts/tester installs it)");
    assert!(out.status.success(), "pdftotext failed");
    normalize(&String::from_utf8_lossy(&out.stdout))
}

/// The number of pages of a PDF, by pdfinfo.
pub fn pdf_pages(bytes: &[u8]) -> usize {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("doc.pdf");
    std::fs::write(&path, bytes).expect("write pdf");
    let out = Command::new("pdfinfo")
        .arg(&path)
        .output()
        .expect("pdfinfo is installed (poppler-utils: scripts/tester installs it)");
    let text = String::from_utf8_lossy(&out.stdout);
    text.lines()
        .find_map(|l| {
            l.strip_prefix("Pages:")
                .map(|n| n.trim().parse().expect("page count"))
        })
        .expect("Pages line")
}

/// One XML part of a DOCX package.
pub fn docx_part(bytes: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("docx is a zip");
    let mut part = zip.by_name(name).expect("part present");
    let mut xml = String::new();
    part.read_to_string(&mut xml).expect("utf-8 part");
    xml
}

/// The text of a DOCX body: each paragraph on its own line.
pub fn docx_text(bytes: &[u8]) -> String {
    let xml = docx_part(bytes, "word/document.xml");
    let mut out = String::new();
    let mut rest = xml.as_str();
    while let Some(i) = rest.find('<') {
        let Some(j) = rest[i..].find('>') else { break };
        let tag = &rest[i + 1..i + j];
        let after = &rest[i + j + 1..];
        if tag.starts_with("w:t")
            && (tag.len() == 3 || tag.as_bytes()[3] == b' ')
            && !tag.ends_with('/')
        {
            let end = after.find("</w:t>").unwrap_or(after.len());
            out.push_str(&unescape(&after[..end]));
            rest = &after[end..];
            continue;
        }
        if tag == "/w:p" || tag == "/w:tc" || tag.starts_with("w:br") {
            out.push('\n');
        }
        rest = after;
    }
    normalize(&out)
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// Folds every run of white space (no-break spaces included) into one space.
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        if c.is_whitespace() || c == '\u{a0}' || c == '\u{202f}' {
            space = true;
        } else {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(c);
        }
    }
    out
}

/// Both texts of a pair.
pub fn texts(pair: (&Produced, &Produced)) -> (String, String) {
    (pdf_text(&pair.0.bytes), docx_text(&pair.1.bytes))
}

/// Asserts that both texts contain `needle` (white space folded).
pub fn assert_both_contain(pdf: &str, docx: &str, needle: &str) {
    let needle = normalize(needle);
    assert!(pdf.contains(&needle), "PDF lacks «{needle}»:\n{pdf}");
    assert!(docx.contains(&needle), "DOCX lacks «{needle}»:\n{docx}");
}

/// Asserts that neither text contains `needle`.
pub fn assert_neither_contains(pdf: &str, docx: &str, needle: &str) {
    let needle = normalize(needle);
    assert!(
        !pdf.contains(&needle),
        "PDF must not say «{needle}»:\n{pdf}"
    );
    assert!(
        !docx.contains(&needle),
        "DOCX must not say «{needle}»:\n{docx}"
    );
}

/// Counts ticked and empty boxes.
pub fn boxes(text: &str) -> (usize, usize) {
    (text.matches('☒').count(), text.matches('☐').count())
}

/// A word as laid out on a PDF page, with its box in points (from the top
/// left corner).
pub struct Word {
    pub text: String,
    pub x0: f32,
    pub y0: f32,
    pub x1: f32,
    pub y1: f32,
}

impl Word {
    /// The height of the word's box: about 0.94 of its type size.
    pub fn height(&self) -> f32 {
        self.y1 - self.y0
    }
}

/// The words of each page of a PDF file, by `pdftotext -bbox`: as laid
/// out, a word cut at the end of a line stays two words.
pub fn pdf_words_of_file(pdf: &Path) -> Vec<Vec<Word>> {
    let out = Command::new("pdftotext")
        .args(["-bbox", "-enc", "UTF-8"])
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext is installed (poppler-utils: scripts/tester installs it)");
    let html = String::from_utf8_lossy(&out.stdout);
    let attr = |tag: &str, name: &str| -> f32 {
        let key = format!("{name}=\"");
        tag.find(&key)
            .and_then(|i| tag[i + key.len()..].split('"').next())
            .and_then(|v| v.parse().ok())
            .unwrap_or(0.0)
    };
    html.split("<page ")
        .skip(1)
        .map(|page| {
            page.split("<word ")
                .skip(1)
                .filter_map(|piece| {
                    let (tag, rest) = piece.split_once('>')?;
                    Some(Word {
                        text: unescape(rest.split("</word>").next()?),
                        x0: attr(tag, "xMin"),
                        y0: attr(tag, "yMin"),
                        x1: attr(tag, "xMax"),
                        y1: attr(tag, "yMax"),
                    })
                })
                .collect()
        })
        .collect()
}

/// The words of each page of a PDF in memory.
pub fn pdf_words(bytes: &[u8]) -> Vec<Vec<Word>> {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("doc.pdf");
    std::fs::write(&path, bytes).expect("write pdf");
    pdf_words_of_file(&path)
}

/// Runs the `sessiondoc` binary; its exit status and standard error, with
/// no-break spaces as plain ones.
pub fn run_sessiondoc(args: &[&str]) -> (Option<i32>, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_sessiondoc"))
        .args(args)
        .output()
        .expect("binary runs");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).replace('\u{a0}', " "),
    )
}

/// Converts DOCX files to PDF into `out`, as LibreOffice shows them to a
/// user, with its own profile in `profile` (two tests may convert at once).
pub fn libreoffice_to_pdf(docx: &[PathBuf], out: &Path, profile: &Path) {
    let status = Command::new("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(out)
        .args(docx)
        .output()
        .expect("LibreOffice is installed (soffice: scripts/tester installs it)");
    assert!(status.status.success(), "soffice failed");
}

/// A copy of the reference session `secretaire-comptable.yaml` in a
/// folder of its own: the folder, the file, its text.
pub fn import_session() -> (tempfile::TempDir, PathBuf, String) {
    let text = std::fs::read_to_string(fixture("secretaire-comptable.yaml")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("session.yaml");
    std::fs::write(&path, &text).unwrap();
    (dir, path, text)
}

/// `sessiondoc importer LIST --session SESSION MORE…`: exit status and
/// what it says.
pub fn import_list(list: &Path, session: &Path, more: &[&str]) -> (Option<i32>, String) {
    let mut args = vec![
        "importer",
        list.to_str().unwrap(),
        "--session",
        session.to_str().unwrap(),
    ];
    args.extend_from_slice(more);
    run_sessiondoc(&args)
}

/// The CSV converted by LibreOffice Calc, read as a French user's Calc
/// reads it (`;`, UTF-8, French dates), to `ods` or `xlsx`, with a
/// profile of its own so that two tests may convert at once.
pub fn calc_list(csv: &Path, to: &str) -> PathBuf {
    let dir = csv.parent().unwrap();
    let profile = format!(
        "-env:UserInstallation=file://{}",
        dir.join("profil").display()
    );
    let out = std::process::Command::new("soffice")
        .arg(profile)
        .args([
            "--headless",
            "--infilter=CSV:59,34,76,1,,1036",
            "--convert-to",
            to,
            "--outdir",
        ])
        .arg(dir)
        .arg(csv)
        .output()
        .expect("LibreOffice (soffice) is installed");
    let converted = csv.with_extension(to);
    assert!(
        converted.exists(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    converted
}

/// The candidate `id` of the session file's text, loaded.
pub fn candidate_in(text: &str, id: &str) -> sessiondoc::model::Candidat {
    let (_, s) = session_from(text);
    s.candidats
        .value
        .into_iter()
        .find(|c| c.id.value == id)
        .unwrap_or_else(|| panic!("no candidate {id} in:\n{text}"))
}
