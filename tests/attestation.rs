//! The attestations de présence, read back from the PDF and the DOCX.

use crate::common;

use common::*;
use sessiondoc::compose::Kind;

const SC: &str = "secretaire-comptable.yaml";
const RESULT_WORDS: [&str; 5] = ["Réussite", "Échec", "Absent", "admis", "reçu"];

#[test]
fn attestation_states_the_presence_with_the_session_facts() {
    let files = produce(SC, &[Kind::AttestationPresence]);
    let found = pairs(&files, "attestation-presence", Some("bernard"));
    assert_eq!(found.len(), 1);
    assert_eq!(
        found[0].0.entry.path,
        "attestations/attestation-presence-bernard.pdf"
    );
    let (pdf, docx) = texts(found[0]);
    for needle in [
        "ATTESTATION DE PRÉSENCE",
        "Je soussignée Mme Sophie GARNIER, responsable de session, atteste que M. Lucas BERNARD",
        "a participé à la session d'examen n° 375846",
        "du titre professionnel Secrétaire comptable (TP-00402)",
        "du lundi 11 janvier 2027 au mardi 12 janvier 2027",
        "à Cherbourg-en-Cotentin",
        "Fait à Cherbourg-en-Cotentin, le mardi 12 janvier 2027",
        "Cachet du centre agréé",
    ] {
        assert_both_contain(&pdf, &docx, needle);
    }
    assert_neither_contains(&pdf, &docx, "soussigné(e)");
    assert_eq!(pdf_pages(&found[0].0.bytes), 1);
}

#[test]
fn attestation_only_for_present_candidates() {
    let files = produce(SC, &[Kind::AttestationPresence]);
    let all = pairs(&files, "attestation-presence", None);
    let mut ids: Vec<&str> = all
        .iter()
        .map(|(pdf, _)| pdf.entry.subject.candidat.as_deref().unwrap())
        .collect();
    ids.sort();
    assert_eq!(ids, ["amrani", "bernard", "chevalier", "diallo", "nguyen"]);
    assert!(pairs(&files, "attestation-presence", Some("lefevre")).is_empty());
}

#[test]
fn attestation_never_states_a_result() {
    for fixture in [SC, "ccp-paie-fraude.yaml"] {
        let files = produce(fixture, &[Kind::AttestationPresence]);
        let all = pairs(&files, "attestation-presence", None);
        assert!(!all.is_empty());
        for pair in all {
            let (pdf, docx) = texts(pair);
            for word in RESULT_WORDS {
                assert_neither_contains(&pdf, &docx, word);
            }
            assert_neither_contains(&pdf, &docx, "CCP attribués");
        }
    }
}

#[test]
fn attestation_of_a_ccp_session_names_the_ccp() {
    let files = produce("ccp-paie-fraude.yaml", &[Kind::AttestationPresence]);
    let found = pairs(&files, "attestation-presence", Some("kone"));
    let (pdf, docx) = texts(found[0]);
    assert_both_contain(&pdf, &docx, "atteste que M. Ibrahim KONÉ");
    assert_both_contain(
        &pdf,
        &docx,
        "du certificat de compétences professionnelles (CCP) « Préparer la paie et les déclarations sociales courantes » (CP-002501)",
    );
    assert_both_contain(&pdf, &docx, "le mercredi 3 février 2027");
    assert_both_contain(&pdf, &docx, "à Vannes");
}

#[test]
fn no_attestation_before_the_results() {
    let files = produce("tsmi-avant-session.yaml", &[Kind::AttestationPresence]);
    assert!(files.is_empty(), "no attestation without results");
}

#[test]
fn a_juror_s_attestation_gives_their_days_and_hours_for_their_employer() {
    let files = produce(SC, &[Kind::AttestationJure]);
    let all = pairs(&files, "attestation-jure", None);
    let mut ids: Vec<&str> = all
        .iter()
        .map(|(pdf, _)| pdf.entry.subject.jure.as_deref().unwrap())
        .collect();
    ids.sort();
    assert_eq!(ids, ["dupont", "haddad", "lejeune", "moreau"]);
    let lejeune = *all
        .iter()
        .find(|(pdf, _)| pdf.entry.subject.jure.as_deref() == Some("lejeune"))
        .unwrap();
    assert_eq!(
        lejeune.0.entry.path,
        "attestations-jures/attestation-jure-lejeune.pdf"
    );
    let (pdf, docx) = texts(lejeune);
    // The closing sentence is a paragraph of its own.
    let xml = docx_part(&lejeune.1.bytes, "word/document.xml");
    assert!(xml.contains(">La présente attestation"), "one paragraph");
    for needle in [
        "ATTESTATION DE PRÉSENCE",
        "atteste que Mme Claire LEJEUNE a siégé en qualité de membre du jury",
        "de la session d'examen n° 375846",
        "le lundi 11 janvier 2027, de 13 h 30 à 17 h 30 ; le mardi 12 janvier 2027, de 8 h 30 à",
        "pour être remise à son employeur",
        "Cachet du centre agréé",
    ] {
        assert_both_contain(&pdf, &docx, needle);
    }
    // Nobody else, and no result.
    for other in ["MOREAU", "DUPONT", "BERNARD", "AMRANI"] {
        assert_neither_contains(&pdf, &docx, other);
    }
    for word in RESULT_WORDS {
        assert_neither_contains(&pdf, &docx, word);
    }
    assert_eq!(pdf_pages(&lejeune.0.bytes), 1);
}

#[test]
fn no_juror_attestation_before_the_results() {
    let files = produce("tsmi-avant-session.yaml", &[Kind::AttestationJure]);
    assert!(pairs(&files, "attestation-jure", None).is_empty());
}
