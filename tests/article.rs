//! The centre's name with its article: « au Centre… », « à l'AFPA »,
//! « à la Maison… », as `centre.article` gives it or the rule finds it.

use crate::common;

use common::*;
use sessiondoc::compose::Kind;

const SC: &str = "secretaire-comptable.yaml";

/// The reference session, its centre named `nom`, with `article` if given.
fn centre_named(nom: &str, article: Option<&str>) -> String {
    let article = article.map_or(String::new(), |a| format!("  article: \"{a}\"\n"));
    std::fs::read_to_string(fixture(SC)).unwrap().replacen(
        "  nom: Centre de formation Côte Ouest\n",
        &format!("  nom: {nom}\n{article}"),
        1,
    )
}

#[test]
fn the_centre_s_name_takes_its_article_after_a() {
    for (nom, article, said) in [
        (
            "Centre de formation Côte Ouest",
            None,
            "au Centre de formation Côte Ouest,",
        ),
        ("AFPA Cherbourg", None, "à l'AFPA Cherbourg,"),
        (
            "Institut régional du travail",
            None,
            "à l'Institut régional du travail,",
        ),
        (
            "Maison de la formation",
            Some("la"),
            "à la Maison de la formation,",
        ),
        (
            "Ateliers de Normandie",
            Some("les"),
            "aux Ateliers de Normandie,",
        ),
        ("Formaplus", Some("aucun"), "à Formaplus,"),
    ] {
        let files = produce_text(
            &centre_named(nom, article),
            &[
                Kind::ConvocationJure,
                Kind::ConvocationSurveillant,
                Kind::PvCarence,
            ],
        );
        for kind in ["convocation-jure", "convocation-surveillant", "pv-carence"] {
            let (pdf, docx) = texts(pairs(&files, kind, None)[0]);
            assert_both_contain(&pdf, &docx, said);
            if !said.starts_with("au ") {
                assert_neither_contains(&pdf, &docx, &format!("au {nom}"));
            }
        }
    }
}

#[test]
fn an_unknown_article_is_an_error_at_its_line() {
    let text = centre_named("AFPA Cherbourg", Some("du"));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("session.yaml");
    std::fs::write(&path, &text).unwrap();
    let line = text[..text.find("  article:").unwrap()]
        .matches('\n')
        .count()
        + 1;
    let (code, log) = run_sessiondoc(&["check", path.to_str().unwrap()]);
    assert_eq!(code, Some(1), "{log}");
    for part in [
        format!("session.yaml:{line}:"),
        "centre.article : l'article « du » n'est pas connu".to_owned(),
        "« l' » (à l'AFPA)".to_owned(),
    ] {
        assert!(log.contains(&part), "«{part}» in:\n{log}");
    }
}
