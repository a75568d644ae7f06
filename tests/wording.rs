//! The templates say what the composers ask of them: every kind's template
//! renders with the real view of each fixture, every label block a
//! composer reads is registered and written, and a centre's template that
//! lacks a label is refused before anything is written.

use crate::common;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use common::*;
use sessiondoc::compose::{Kind, label_blocks};
use sessiondoc::generate::{self, GenerateOptions};
use sessiondoc::kind::KINDS;
use sessiondoc::wording::Wording;

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
    // A cancellation is only written against a letter sent before: its
    // template is rendered by the sending's tests.
    let never: Vec<_> = KINDS
        .iter()
        .filter(|s| s.kind != Kind::Annulation)
        .filter(|s| !rendered.contains(&s.kind))
        .map(|s| s.name)
        .collect();
    assert!(never.is_empty(), "templates no fixture renders: {never:?}");
}

/// Every template of `templates/` without its `key = text` label lines,
/// written into `dir`.
fn write_templates_without_labels(dir: &Path) {
    for entry in std::fs::read_dir(templates()).unwrap().flatten() {
        // The web page's templates, in their own folder, are not a
        // centre's to replace.
        if entry.path().is_dir() {
            continue;
        }
        let text = std::fs::read_to_string(entry.path()).unwrap();
        if entry.path().extension().is_none_or(|e| e != "j2") {
            std::fs::write(dir.join(entry.file_name()), text).unwrap();
            continue;
        }
        let kept: Vec<&str> = text.lines().filter(|l| !is_label_line(l)).collect();
        std::fs::write(dir.join(entry.file_name()), kept.join("\n")).unwrap();
    }
}

/// `key = text`, as a label block writes it.
fn is_label_line(line: &str) -> bool {
    line.split_once(" = ").is_some_and(|(key, _)| {
        !key.is_empty()
            && key
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
    })
}

/// Why composing `kind` with `options` fails for some fixture, if it does.
fn failure_of(kind: Kind, options: &GenerateOptions) -> Option<String> {
    let mut options = options.clone();
    options.only = vec![kind];
    FIXTURES.iter().find_map(|name| {
        let text = std::fs::read_to_string(fixture(name)).unwrap();
        let (source, session) = session_from(&text);
        generate::compose(&source, &session, &options)
            .err()
            .map(|e| e.to_string())
    })
}

#[test]
fn every_registered_label_is_written_and_every_kind_reading_labels_registers_them() {
    let wording = Wording::new(None).unwrap();
    for spec in KINDS {
        if let Err(e) = wording.check_labels(label_blocks(spec.kind)) {
            panic!("{}: {e}", spec.name);
        }
    }
    // Without any label, a kind that reads some cannot be composed: it must
    // have said which (its blocks registered), and be refused naming them.
    let dir = tempfile::tempdir().unwrap();
    write_templates_without_labels(dir.path());
    let mut options = GenerateOptions::all_into(Path::new("unused"));
    options.templates = Some(dir.path().to_path_buf());
    let mut wrong = Vec::new();
    let mut typed = 0;
    for spec in KINDS {
        let blocks = label_blocks(spec.kind);
        match (failure_of(spec.kind, &options), blocks.first()) {
            (None, None) => {}
            (Some(e), None) => wrong.push(format!(
                "{}: reads labels but registers no block ({e})",
                spec.name
            )),
            (None, Some(b)) => wrong.push(format!(
                "{}: composed without the labels of « {} »",
                spec.name, b.block
            )),
            (Some(e), Some(_)) => {
                typed += 1;
                let named = blocks.iter().any(|b| {
                    e.contains(&format!("modèle « {}.j2 »", b.template))
                        && e.contains(&format!("bloc « {} »", b.block))
                });
                if !named {
                    wrong.push(format!(
                        "{}: refused without naming its template and block: {e}",
                        spec.name
                    ));
                }
            }
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
    // Every kind whose template holds labels was among them.
    let with_labels = KINDS
        .iter()
        .filter(|s| s.embedded.contains("{% block libelles %}"))
        .count();
    assert!(
        with_labels > 0 && typed >= with_labels,
        "{typed} kinds refused for their labels, {with_labels} templates hold some"
    );
}

/// The error of a run with a centre's own copy of `template` from which
/// the lines `dropped` keeps out are taken away (`what` says which, for
/// when none is); and that nothing was written to the output folder.
fn refusal_without(template: &str, what: &str, dropped: impl Fn(&str) -> bool) -> String {
    let centre = tempfile::tempdir().unwrap();
    let own = std::fs::read_to_string(templates().join(template)).unwrap();
    let lacking: String = own
        .lines()
        .filter(|l| !dropped(l))
        .map(|l| format!("{l}\n"))
        .collect();
    assert_ne!(lacking.len(), own.len() + 1, "no {what} in {template}");
    std::fs::write(centre.path().join(template), lacking).unwrap();
    let out = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(fixture("secretaire-comptable.yaml")).unwrap();
    let (source, session) = session_from(&text);
    let mut options = GenerateOptions::all_into(out.path());
    options.templates = Some(centre.path().to_path_buf());
    let Err(err) = generate::run(&source, &session, &options) else {
        panic!("{template} lacking {what} is accepted");
    };
    let written: Vec<_> = std::fs::read_dir(out.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name())
        .collect();
    assert!(
        written.is_empty(),
        "written despite the refusal: {written:?}"
    );
    err.to_string()
}

#[test]
fn a_centre_template_lacking_a_label_is_refused_before_anything_is_written() {
    let err = refusal_without("emargement.j2", "label « visa »", |l| {
        l.starts_with("visa = ")
    });
    assert!(
        err.contains("modèle « emargement.j2 »")
            && err.contains("bloc « libelles »")
            && err.contains("« visa »"),
        "{err}"
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

#[test]
fn a_centre_template_lacking_a_sentence_macro_is_refused_naming_it() {
    let err = refusal_without("affichage.j2", "macro apres_salle", |l| {
        l.contains("macro apres_salle")
    });
    assert!(
        err.contains("modèle « affichage.j2 »") && err.contains("la macro « apres_salle » manque"),
        "{err}"
    );
}

#[test]
fn a_centre_template_not_naming_its_kind_is_refused_before_anything_is_written() {
    // The folder's table of contents names each kind as its template does.
    let err = refusal_without("pv-session.j2", "name of « pv-session »", |l| {
        l.starts_with("pv-session = ")
    });
    assert!(
        err.contains("modèle « pv-session.j2 »")
            && err.contains("bloc « nom_sommaire »")
            && err.contains("« pv-session »"),
        "{err}"
    );
}
