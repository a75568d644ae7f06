//! The templates say what the composers ask of them: every kind's template
//! renders with the real view of each fixture, and every label a composer
//! looks up is written in a block of that name in a template.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use common::*;
use sessiondoc::generate::{self, GenerateOptions};
use sessiondoc::kind::KINDS;

/// Every fixture that is a whole valid session.
const FIXTURES: &[&str] = &[
    "secretaire-comptable.yaml",
    "ccp-paie-fraude.yaml",
    "tsmi-avant-session.yaml",
    "huit-ccp-trois-jours.yaml",
    "injection-balisage.yaml",
];

fn templates() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("templates")
}

#[test]
fn every_kind_template_renders_with_each_fixture() {
    let mut rendered = BTreeSet::new();
    for name in FIXTURES {
        let text = std::fs::read_to_string(fixture(name)).unwrap();
        let (source, session) = session_from(&text);
        // The templates read from templates/, as a centre's own would be.
        let mut options = GenerateOptions::all_into(Path::new("unused"));
        options.templates = Some(templates());
        let composition = generate::compose(&source, &session, &options)
            .unwrap_or_else(|e| panic!("{name}: a template fails to render: {e}"));
        rendered.extend(composition.documents.iter().map(|c| c.kind));
    }
    let never: Vec<_> = KINDS
        .iter()
        .filter(|s| !rendered.contains(&s.kind))
        .map(|s| s.name)
        .collect();
    assert!(never.is_empty(), "templates no fixture renders: {never:?}");
}

/// The label keys written in each `{% block NAME %}` of every template.
fn written_labels() -> BTreeMap<String, BTreeSet<String>> {
    let dir = templates();
    let mut blocks: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        if entry.path().extension().is_none_or(|e| e != "j2") {
            continue;
        }
        let text = std::fs::read_to_string(entry.path()).unwrap();
        let mut block: Option<String> = None;
        for line in text.lines().map(str::trim) {
            if let Some(rest) = line.strip_prefix("{% block ") {
                block = rest.split_whitespace().next().map(str::to_owned);
            } else if line.starts_with("{% endblock") {
                block = None;
            } else if let (Some(b), Some((key, _))) = (&block, line.split_once('=')) {
                let key = key.trim();
                if !key.is_empty() && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
                    blocks.entry(b.clone()).or_default().insert(key.to_owned());
                }
            }
        }
    }
    blocks
}

/// `(file, block, key)` of every label a composer looks up: `x.get("key")`
/// where `x` was bound by `let x = t.labels("block")`.
fn asked_labels() -> Vec<(String, String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/compose");
    let mut asked = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let file = entry.file_name().to_string_lossy().into_owned();
        let text = std::fs::read_to_string(entry.path()).unwrap();
        let mut bound: BTreeMap<String, String> = BTreeMap::new();
        for line in text.lines() {
            if let Some((var, block)) = binding(line) {
                bound.insert(var, block);
            }
            for (var, key) in lookups(line) {
                if let Some(block) = bound.get(&var) {
                    asked.push((file.clone(), block.clone(), key));
                }
            }
        }
    }
    asked
}

/// `let x = t.labels("block")` → `(x, block)`.
fn binding(line: &str) -> Option<(String, String)> {
    let rest = line.trim().strip_prefix("let ")?;
    let (var, rest) = rest.split_once('=')?;
    let block = rest.split_once(".labels(\"")?.1.split_once('"')?.0;
    Some((var.trim().to_owned(), block.to_owned()))
}

/// Every `x.get("key")` on a line → `(x, key)`.
fn lookups(line: &str) -> Vec<(String, String)> {
    let mut found = Vec::new();
    let mut rest = line;
    while let Some(at) = rest.find(".get(\"") {
        let var: String = rest[..at]
            .chars()
            .rev()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        let after = &rest[at + 6..];
        if let Some((key, _)) = after.split_once('"') {
            found.push((var, key.to_owned()));
        }
        rest = after;
    }
    found
}

#[test]
fn every_label_a_composer_asks_for_is_written() {
    let written = written_labels();
    let asked = asked_labels();
    // Fewer as the composers read typed labels (checked by `check_labels`).
    assert!(!asked.is_empty(), "label look-ups found: {}", asked.len());
    let missing: Vec<_> = asked
        .iter()
        .filter(|(_, block, key)| written.get(block).is_none_or(|keys| !keys.contains(key)))
        .collect();
    assert!(
        missing.is_empty(),
        "labels asked for and written in no template block: {missing:?}"
    );
}

#[test]
fn a_centre_page_program_with_other_margins_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let program = std::fs::read_to_string(templates().join("document.typ")).unwrap();
    let (source, session) =
        session_from(&std::fs::read_to_string(fixture("secretaire-comptable.yaml")).unwrap());
    let mut options = GenerateOptions::all_into(Path::new("unused"));
    options.templates = Some(dir.path().to_path_buf());
    // The same geometry: accepted.
    std::fs::write(dir.path().join("document.typ"), &program).unwrap();
    assert!(generate::compose(&source, &session, &options).is_ok());
    // Other margins: the DOCX and the column widths would not follow.
    let wider = program.replace("#let margin-x = 18mm", "#let margin-x = 25mm");
    assert_ne!(wider, program);
    std::fs::write(dir.path().join("document.typ"), wider).unwrap();
    let Err(err) = generate::compose(&source, &session, &options) else {
        panic!("a page program with other margins is accepted");
    };
    let err = err.to_string();
    assert!(
        err.contains("modèle « document.typ »")
            && err.contains("diffère de celle du modèle fourni"),
        "{err}"
    );
}
