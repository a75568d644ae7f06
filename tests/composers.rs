//! The composers, tested on the documents they compose, before any layout:
//! no PDF, no DOCX, no pdftotext, so each test runs in milliseconds. What a
//! document must and must not say is read from its blocks.

use std::collections::HashMap;

use sessiondoc::compose::{Composed, Ctx, Filter, Kind, compose_all};
use sessiondoc::kind::KINDS;
use sessiondoc::plan::Plan;
use sessiondoc::wording::Wording;

use crate::common;

const FIXTURES: [&str; 3] = [
    "secretaire-comptable.yaml",
    "ccp-paie-fraude.yaml",
    "tsmi-avant-session.yaml",
];

/// Every document the fixture `name` gives, composed, not laid out.
pub fn composed(name: &str) -> Vec<Composed> {
    let text = std::fs::read_to_string(common::fixture(name)).unwrap();
    let (_, session) = common::session_from(&text);
    let plan = Plan::new(&session);
    let wording = Wording::new(None).unwrap();
    let no_calendars = HashMap::new();
    let ctx = Ctx {
        plan: &plan,
        wording: &wording,
        logo: None,
        correction: None,
        sent_calendars: &no_calendars,
        stamp: chrono::DateTime::UNIX_EPOCH,
        reglement: None,
    };
    compose_all(&ctx, &Filter::default()).unwrap()
}

/// Every text a document holds (its title, header, footer and blocks), in
/// order, one string each.
fn texts(c: &Composed) -> Vec<String> {
    fn collect(value: &serde_json::Value, out: &mut Vec<String>) {
        match value {
            serde_json::Value::String(s) => out.push(s.clone()),
            serde_json::Value::Array(items) => items.iter().for_each(|v| collect(v, out)),
            serde_json::Value::Object(map) => map.values().for_each(|v| collect(v, out)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    collect(&serde_json::to_value(&c.document).unwrap(), &mut out);
    out
}

fn says(c: &Composed, what: &str) -> bool {
    texts(c).iter().any(|t| t.contains(what))
}

#[test]
fn each_document_goes_to_the_file_its_kind_names() {
    for name in FIXTURES {
        for c in composed(name) {
            let file = c.kind.spec().file;
            assert!(
                c.stem == file || c.stem.starts_with(&format!("{file}-")),
                "{name}: {} written as {}",
                c.kind,
                c.stem
            );
        }
    }
}

#[test]
fn every_kind_is_composed_by_one_of_the_reference_sessions() {
    let kinds: Vec<Kind> = FIXTURES
        .iter()
        .flat_map(|name| composed(name))
        .map(|c| c.kind)
        .collect();
    // The PV de carence only exists when the jury is missing, a letter of
    // cancellation after a sending.
    let occasional = [Kind::PvCarence, Kind::Annulation];
    for spec in KINDS.iter().filter(|s| !occasional.contains(&s.kind)) {
        assert!(kinds.contains(&spec.kind), "no {}", spec.name);
    }
}

#[test]
fn the_public_papers_name_no_juror() {
    for name in FIXTURES {
        let text = std::fs::read_to_string(common::fixture(name)).unwrap();
        let (_, session) = common::session_from(&text);
        let documents = composed(name);
        let public = documents
            .iter()
            .filter(|c| matches!(c.kind, Kind::ListeAdmis | Kind::Affichage));
        for c in public {
            for j in &session.jures.value {
                assert!(!says(c, &j.nom), "{name}: {} names {}", c.stem, j.nom);
            }
        }
    }
}

#[test]
fn the_blank_forms_hold_the_pv_the_session_pv_and_the_fraud_report() {
    let documents = composed("ccp-paie-fraude.yaml");
    let first_heading = |kind: Kind| {
        let c = documents.iter().find(|c| c.kind == kind).unwrap();
        // The text of the first heading block.
        let t = texts(c);
        let mut after = t.iter().skip_while(|t| *t != "heading");
        after
            .nth(1)
            .unwrap_or_else(|| panic!("no heading in {}", c.stem))
            .clone()
    };
    let forms = documents
        .iter()
        .find(|c| c.kind == Kind::FormulairesVierges)
        .unwrap();
    for kind in [Kind::PvIndividuel, Kind::PvSession, Kind::RapportFraude] {
        let heading = first_heading(kind);
        assert!(says(forms, &heading), "the blank forms lack « {heading} »");
    }
}
