//! The letter to each candidate after the results (lettre-validation),
//! read back from the PDF and the DOCX: the parchemin for a full success,
//! the CCPs acquired and those that remain for a partial one, nothing for
//! a failure or an absence.

use crate::common;

use common::*;
use sessiondoc::compose::Kind;

const SC: &str = "secretaire-comptable.yaml";
const KIND: &str = "lettre-validation";
const JURORS: [&str; 4] = ["LEJEUNE", "MOREAU", "DUPONT", "HADDAD"];

fn today() -> String {
    sessiondoc::fr::long_date(sessiondoc::model::Date::today())
}

/// The texts of the letter to `id`, which must be one page.
fn letter(files: &[sessiondoc::output::Produced], id: &str) -> (String, String) {
    let found = pairs(files, KIND, Some(id));
    assert_eq!(found.len(), 1, "one letter to {id}");
    assert_eq!(
        found[0].0.entry.path,
        format!("lettres-validation/lettre-validation-{id}.pdf")
    );
    assert_eq!(
        pdf_pages(&found[0].0.bytes),
        1,
        "the letter to {id} on one page"
    );
    texts(found[0])
}

/// No other candidate, no juror, no identifiant or birth date.
fn names_nobody_else(pdf: &str, docx: &str, others: &[&str]) {
    for name in others.iter().chain(JURORS.iter()) {
        assert_neither_contains(pdf, docx, name);
    }
}

#[test]
fn a_full_success_says_how_the_parchemin_comes() {
    let files = produce(SC, &[Kind::LettreValidation]);
    let (pdf, docx) = letter(&files, "amrani");
    for needle in [
        "Mme Leïla AMRANI",
        "8 allée des Tilleuls",
        "50100 Cherbourg-en-Cotentin",
        &format!("Fait à Cherbourg-en-Cotentin, le {today}", today = today()),
        "Objet : obtention du titre professionnel Secrétaire comptable — session d'examen n° 375846",
        "Madame,",
        "le jury de la session d'examen n° 375846 du titre professionnel Secrétaire comptable (TP-00402), qui s'est tenue du lundi 11 janvier 2027 au mardi 12 janvier 2027",
        "a décidé de vous délivrer le titre professionnel Secrétaire comptable (TP-00402).",
        "Ce résultat vous est communiqué sous réserve de la validation de la session par la DDETS.",
        "Votre parchemin vous sera adressé à l'adresse indiquée sur votre fiche de renseignements",
        "Mme Sophie GARNIER, responsable de session",
    ] {
        assert_both_contain(&pdf, &docx, needle);
    }
    for wrong in [
        "livret de certification",
        "réussite partielle",
        "il vous reste",
        "1801008",
        "17 mars 1994",
    ] {
        assert_neither_contains(&pdf, &docx, wrong);
    }
    names_nobody_else(
        &pdf,
        &docx,
        &["BERNARD", "CHEVALIER", "DIALLO", "NGUYEN", "LEFÈVRE"],
    );
}

#[test]
fn a_partial_success_names_the_ccps_acquired_and_those_to_complete() {
    let files = produce(SC, &[Kind::LettreValidation]);
    let (pdf, docx) = letter(&files, "bernard");
    for needle in [
        "M. Lucas BERNARD",
        "3 impasse du Port",
        "Objet : certificats de compétences professionnelles (CCP) acquis — session d'examen n° 375846",
        "Monsieur,",
        "vous a attribué les certificats de compétences professionnelles (CCP) suivants, au titre d'une réussite partielle :",
        "– Assister une équipe dans la communication des informations et l'organisation des activités (CP-002498)",
        "– Assurer les travaux courants de comptabilité (CP-002500)",
        "Ces CCP vous restent acquis : ils sont inscrits dans votre livret de certification",
        "Pour obtenir le titre professionnel Secrétaire comptable, il vous reste à acquérir les CCP suivants :",
        "– Traiter les opérations administratives liées à la gestion commerciale et aux ressources humaines (CP-002499)",
        "– Préparer la paie et les déclarations sociales courantes (CP-002501)",
        "lors d'une prochaine session, en parcours progressif, muni de votre livret de certification",
        "votre parcours d'accès à la validation totale",
        "Observations et recommandations du jury : « Bonne maîtrise des travaux courants de comptabilité.",
        "Veuillez agréer, Monsieur,",
    ] {
        assert_both_contain(&pdf, &docx, needle);
    }
    // Nothing of a full success, and no length of time the domain
    // documents do not give.
    for wrong in [
        "parchemin",
        "délivrer le titre",
        "5 ans",
        "cinq ans",
        "définitivement",
    ] {
        assert_neither_contains(&pdf, &docx, wrong);
    }
    names_nobody_else(
        &pdf,
        &docx,
        &["AMRANI", "CHEVALIER", "DIALLO", "NGUYEN", "LEFÈVRE"],
    );
}

#[test]
fn no_letter_after_a_failure_or_an_absence() {
    let files = produce(SC, &[Kind::LettreValidation]);
    let mut ids: Vec<&str> = pairs(&files, KIND, None)
        .iter()
        .map(|(pdf, _)| pdf.entry.subject.candidat.as_deref().unwrap())
        .collect();
    ids.sort();
    assert_eq!(ids, ["amrani", "bernard", "chevalier", "nguyen"]);
}

#[test]
fn no_letter_before_the_results() {
    let files = produce("tsmi-avant-session.yaml", &[Kind::LettreValidation]);
    assert!(pairs(&files, KIND, None).is_empty());
}

#[test]
fn a_ccp_session_names_the_ccp_and_the_rest_of_the_titre() {
    let files = produce("ccp-paie-fraude.yaml", &[Kind::LettreValidation]);
    assert!(pairs(&files, KIND, Some("kone")).is_empty(), "a failure");
    let (pdf, docx) = letter(&files, "lemoine");
    for needle in [
        "vous a attribué le certificat de compétences professionnelles (CCP) suivant :",
        "– Préparer la paie et les déclarations sociales courantes (CP-002501)",
        "Ce CCP vous reste acquis",
        "Pour obtenir le titre professionnel Secrétaire comptable, les CCP suivants du titre doivent aussi être acquis, s'ils ne le sont pas déjà :",
        "(CP-002500)",
    ] {
        assert_both_contain(&pdf, &docx, needle);
    }
    assert_neither_contains(&pdf, &docx, "parchemin");
    assert_neither_contains(&pdf, &docx, "réussite partielle");
    names_nobody_else(&pdf, &docx, &["KONÉ", "FERREIRA", "RIOU", "CARADEC"]);
}

#[test]
fn once_validated_the_letter_says_when() {
    let text = std::fs::read_to_string(fixture(SC)).unwrap().replacen(
        "  nature: titre\n",
        "  nature: titre\n  validation_ddets: 2027-02-01\n",
        1,
    );
    let files = produce_text(&text, &[Kind::LettreValidation]);
    let (pdf, docx) = letter(&files, "nguyen");
    assert_both_contain(
        &pdf,
        &docx,
        "La DDETS a validé la session le 1er février 2027.",
    );
    assert_neither_contains(&pdf, &docx, "sous réserve");
}
