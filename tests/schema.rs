//! The JSON Schema of the session file: every reference session is valid
//! against it, and structural mistakes are not.

use crate::common;

use common::fixture;

fn validator() -> jsonschema::Validator {
    let schema: serde_json::Value = serde_json::from_str(sessiondoc::schema::SCHEMA).unwrap();
    jsonschema::draft202012::new(&schema).expect("a valid draft 2020-12 schema")
}

/// A session file's YAML as JSON, as an editor's language server sees it.
fn as_json(yaml: &str) -> serde_json::Value {
    serde_saphyr::from_str(yaml).expect("YAML")
}

fn errors(yaml: &str) -> Vec<String> {
    validator()
        .iter_errors(&as_json(yaml))
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

#[test]
fn every_reference_session_and_the_init_example_are_valid() {
    for name in [
        "secretaire-comptable.yaml",
        "tsmi-avant-session.yaml",
        "ccp-paie-fraude.yaml",
        "injection-balisage.yaml",
        "huit-ccp-trois-jours.yaml",
        "planifier/secretaire-comptable.yaml",
        "planifier/tsmi-avant-session.yaml",
        "planifier/ccp-paie-fraude.yaml",
    ] {
        let text = std::fs::read_to_string(fixture(name)).unwrap();
        assert_eq!(errors(&text), Vec::<String>::new(), "{name}");
    }
    assert_eq!(errors(sessiondoc::example::EXAMPLE), Vec::<String>::new());
}

#[test]
fn structural_mistakes_are_invalid() {
    let text = std::fs::read_to_string(fixture("secretaire-comptable.yaml")).unwrap();
    for (what, broken) in [
        (
            "a missing key",
            text.replacen("  ville: Cherbourg-en-Cotentin\n", "", 1),
        ),
        (
            "a list where a text is expected",
            text.replacen("  tenue: Tenue de ville correcte", "  tenue: [a, b]", 1),
        ),
        (
            "an unknown value",
            text.replacen("    voie: vae", "    voie: apprentissage", 1),
        ),
        (
            "an unknown key",
            text.replacen("    nom: DIALLO", "    nom: DIALLO\n    surnom: Mam", 1),
        ),
        (
            "a title code without its format",
            text.replacen("  code: TP-00402", "  code: TP240", 1),
        ),
        (
            "a CCP code without its format",
            text.replacen("    - code: CP-002498", "    - code: CP2498", 1),
        ),
        (
            "an hour that does not exist",
            text.replacen("    debut: \"08:30\"", "    debut: \"25:30\"", 1),
        ),
        (
            "minutes that do not exist",
            text.replacen("    debut: \"08:30\"", "    debut: \"8:75\"", 1),
        ),
        (
            "a malformed date",
            text.replacen("  debut: 2027-01-11", "  debut: 11/01/2027", 1),
        ),
    ] {
        assert_ne!(broken, text, "{what}: the edit applies");
        assert!(!errors(&broken).is_empty(), "{what} is refused");
    }
}

#[test]
fn mistakes_in_the_planning_keys_are_invalid() {
    let text = std::fs::read_to_string(fixture("planifier/tsmi-avant-session.yaml")).unwrap();
    for (what, from, to) in [
        (
            "an unknown passage",
            "passage: 2\n    salles: [atelier]",
            "passage: deux\n    salles: [atelier]",
        ),
        (
            "groups of 0",
            "passage: 2\n    salles: [atelier]",
            "passage: 0\n    salles: [atelier]",
        ),
        (
            "an unknown supervision",
            "encadrement: jury\n  - intitule: Mise",
            "encadrement: formateur\n  - intitule: Mise",
        ),
        (
            "a nature that is not a test",
            "nature: entretien_final\n",
            "nature: pause\n",
        ),
        ("a length as a number", "duree: \"02:00\"", "duree: 120"),
        (
            "one time for the day",
            "horaires: [\"07:30\", \"18:00\"]",
            "horaires: [\"07:30\"]",
        ),
        (
            "an unknown organisation key",
            "  accueil: \"01:00\"",
            "  acceuil: \"01:00\"",
        ),
        (
            "seats as text",
            "nom: Atelier de maintenance\n",
            "nom: Atelier de maintenance\n    places: beaucoup\n",
        ),
    ] {
        assert_eq!(text.matches(from).count(), 1, "{what}: {from:?} once");
        let broken = text.replacen(from, to, 1);
        assert!(!errors(&broken).is_empty(), "{what} is refused");
    }
}

#[test]
fn every_field_has_a_french_description() {
    let schema: serde_json::Value = serde_json::from_str(sessiondoc::schema::SCHEMA).unwrap();
    fn walk(v: &serde_json::Value, path: &str, missing: &mut Vec<String>) {
        if let Some(props) = v.get("properties").and_then(|p| p.as_object()) {
            for (key, field) in props {
                if field
                    .get("description")
                    .and_then(|d| d.as_str())
                    .is_none_or(str::is_empty)
                {
                    missing.push(format!("{path}.{key}"));
                }
                walk(field, &format!("{path}.{key}"), missing);
            }
        }
        if let Some(items) = v.get("items") {
            walk(items, &format!("{path}[]"), missing);
        }
    }
    let mut missing = Vec::new();
    walk(&schema, "", &mut missing);
    assert!(missing.is_empty(), "no description: {missing:?}");
}

#[test]
fn init_writes_the_schema_its_first_line_names() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("session.yaml");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_sessiondoc"))
        .arg("init")
        .arg(&file)
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.starts_with("# yaml-language-server: $schema=session.schema.json\n"));
    let schema = std::fs::read_to_string(dir.path().join("session.schema.json")).unwrap();
    assert_eq!(schema, sessiondoc::schema::SCHEMA);
    let printed = std::process::Command::new(env!("CARGO_BIN_EXE_sessiondoc"))
        .arg("schema")
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&printed.stdout), schema);
}

#[test]
fn what_check_refuses_the_schema_refuses_and_a_valid_hour_passes_both() {
    let text = std::fs::read_to_string(fixture("secretaire-comptable.yaml")).unwrap();
    for (edit, valid) in [
        (text.replacen("  code: TP-00402", "  code: TP240", 1), false),
        (
            text.replacen("    debut: \"08:30\"", "    debut: \"25:30\"", 1),
            false,
        ),
        (
            text.replacen("    debut: \"08:30\"", "    debut: \"8:30\"", 1),
            true,
        ),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("session.yaml");
        std::fs::write(&path, &edit).unwrap();
        let (code, log) = common::run_sessiondoc(&["check", path.to_str().unwrap()]);
        assert_eq!(code == Some(0), valid, "check: {log}");
        assert_eq!(
            errors(&edit).is_empty(),
            valid,
            "schema: {:?}",
            errors(&edit)
        );
    }
}

#[test]
fn an_hour_without_quotes_is_a_warning_that_says_to_quote_it() {
    let text = std::fs::read_to_string(fixture("secretaire-comptable.yaml"))
        .unwrap()
        .replacen("    debut: \"08:30\"", "    debut: 8:30", 1);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("session.yaml");
    std::fs::write(&path, &text).unwrap();
    let (code, log) = common::run_sessiondoc(&["check", path.to_str().unwrap()]);
    assert_eq!(code, Some(0), "a warning, not an error: {log}");
    let line = text[..text.find("debut: 8:30").unwrap()]
        .matches('\n')
        .count()
        + 1;
    for part in [
        format!("session.yaml:{line}:12"),
        "l'heure 8:30 est écrite sans guillemets : un lecteur YAML 1.1".to_owned(),
        "le nombre 510".to_owned(),
        "écrivez-la entre guillemets : \"08:30\"".to_owned(),
        // The other: the reference session's aménagement, extra time
        // written as plain text; and no official règlement named.
        "3 avertissements".to_owned(),
    ] {
        assert!(log.contains(&part), "«{part}» in:\n{log}");
    }
}
