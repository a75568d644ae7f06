//! The fraud report, read back from the PDF and the DOCX.

use crate::common;

use common::*;
use sessiondoc::compose::Kind;

const FRAUDE: &str = "ccp-paie-fraude.yaml";

#[test]
fn a_fraud_report_names_the_session_the_candidate_and_the_facts() {
    let files = produce(FRAUDE, &[Kind::RapportFraude]);
    let reports = pairs(&files, "rapport-fraude", Some("kone"));
    assert_eq!(reports.len(), 1, "one report for the one incident");
    let (pdf, docx) = texts(reports[0]);
    for needle in [
        "RAPPORT DE FRAUDE OU DE TENTATIVE DE FRAUDE",
        "n° 377102 — TP-00402 – Secrétaire comptable",
        "GRETA Sud Bretagne, Antenne de Vannes",
        "KONÉ Ibrahim",
        "1812002",
        "Épreuve écrite — traitement de la paie d'une entreprise",
        "le mercredi 3 février 2027 à 9 h 40",
        "consulter un téléphone portable",
        "Le téléphone a été retiré au candidat",
    ] {
        assert_both_contain(&pdf, &docx, needle);
    }
    // Another candidate of the session is not named.
    assert_neither_contains(&pdf, &docx, "FERREIRA");
}

#[test]
fn a_fraud_report_names_each_witness_by_role_and_leaves_them_room_to_sign() {
    let text = std::fs::read_to_string(fixture(FRAUDE)).unwrap();
    let text = text.replace(
        "constate_par: [jaouen]",
        "constate_par: [jaouen, riou, responsable]",
    );
    let files = produce_text(&text, &[Kind::RapportFraude]);
    let (pdf, docx) = texts(pairs(&files, "rapport-fraude", Some("kone"))[0]);
    // Listed under « Constaté par », each with a dash…
    for witness in [
        "– JAOUEN Loïc (surveillant)",
        "– RIOU Erwan (juré)",
        "– LE GOFF Katell (responsable de session)",
    ] {
        assert_both_contain(&pdf, &docx, witness);
    }
    // …then under a signature each, the responsable's last.
    for (text, format) in [(&pdf, "pdf"), (&docx, "docx")] {
        let signatures = &text[text.find("Signatures").expect(format)..];
        for caption in [
            "JAOUEN Loïc (surveillant)",
            "RIOU Erwan (juré)",
            "LE GOFF Katell (responsable de session)",
            "Le responsable de session",
        ] {
            assert!(
                normalize(signatures).contains(&normalize(caption)),
                "{format}: « {caption} » under the signatures:\n{signatures}"
            );
        }
    }
}
