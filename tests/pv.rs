//! The procès-verbaux, read back from the PDF and the DOCX.

use crate::common;

use common::*;
use sessiondoc::compose::Kind;

const SC: &str = "secretaire-comptable.yaml";
const JURORS: [&str; 4] = ["LEJEUNE", "MOREAU", "DUPONT", "HADDAD"];

#[test]
fn pv_individuel_of_a_partial_success_ticks_four_boxes() {
    let files = produce(SC, &[Kind::PvIndividuel]);
    let (pdf, docx) = texts(pairs(&files, "pv-individuel", Some("bernard"))[0]);
    for text in [&pdf, &docx] {
        assert_eq!(
            boxes(text),
            (4, 7),
            "formation + partial + 2 CCP ticked in:\n{text}"
        );
    }
    assert_both_contain(&pdf, &docx, "BERNARD");
    assert_both_contain(&pdf, &docx, "1801015");
    assert_both_contain(
        &pdf,
        &docx,
        "session n° 375846 TP-00402 – Secrétaire comptable",
    );
    for code in ["CP-002498", "CP-002499", "CP-002500", "CP-002501"] {
        assert_both_contain(&pdf, &docx, code);
    }
    assert_both_contain(
        &pdf,
        &docx,
        "Bonne maîtrise des travaux courants de comptabilité",
    );
    assert_both_contain(&pdf, &docx, "LEJEUNE");
    assert_both_contain(&pdf, &docx, "MOREAU");
    assert_neither_contains(&pdf, &docx, "DUPONT");
    assert_neither_contains(&pdf, &docx, "HADDAD");
    assert_both_contain(&pdf, &docx, "15 jours calendaires");
}

#[test]
fn pv_individuel_of_an_absent_candidate_ticks_absent_only() {
    let files = produce(SC, &[Kind::PvIndividuel]);
    let (pdf, docx) = texts(pairs(&files, "pv-individuel", Some("lefevre"))[0]);
    for text in [&pdf, &docx] {
        assert_eq!(boxes(text), (2, 9), "formation + absent in:\n{text}");
    }
    assert_both_contain(&pdf, &docx, "DUPONT");
    assert_neither_contains(&pdf, &docx, "LEJEUNE");
}

#[test]
fn pv_individuel_keeps_birth_and_usage_names() {
    let files = produce(SC, &[Kind::PvIndividuel]);
    let (pdf, docx) = texts(pairs(&files, "pv-individuel", Some("chevalier"))[0]);
    assert_both_contain(&pdf, &docx, "ROUSSEAU");
    assert_both_contain(&pdf, &docx, "CHEVALIER");
    assert_both_contain(&pdf, &docx, "Camille");
}

#[test]
fn pv_individuel_before_the_deliberation_ticks_the_access_route_only() {
    let files = produce("tsmi-avant-session.yaml", &[Kind::PvIndividuel]);
    let pvs = pairs(&files, "pv-individuel", None);
    assert_eq!(pvs.len(), 4);
    let (pdf, docx) = texts(pairs(&files, "pv-individuel", Some("c4"))[0]);
    for text in [&pdf, &docx] {
        assert_eq!(boxes(text), (1, 9), "only VAE ticked in:\n{text}");
    }
    assert_neither_contains(&pdf, &docx, "Bonne maîtrise");
}

#[test]
fn pv_individuel_is_one_page_per_candidate_absent_included() {
    let files = produce(SC, &[Kind::PvIndividuel]);
    let pvs = pairs(&files, "pv-individuel", None);
    assert_eq!(pvs.len(), 6);
    for (pdf, _) in pvs {
        assert_eq!(pdf_pages(&pdf.bytes), 1, "{}", pdf.entry.path);
        assert_eq!(pdf.entry.pages, 1);
    }
}

#[test]
fn pv_session_lists_every_candidate_and_juror() {
    let files = produce(SC, &[Kind::PvSession]);
    let (pdf, docx) = texts(pairs(&files, "pv-session", None)[0]);
    for name in [
        "AMRANI",
        "BERNARD",
        "CHEVALIER",
        "ROUSSEAU",
        "DIALLO",
        "NGUYEN",
        "LEFÈVRE-DUMAS",
    ] {
        assert_both_contain(&pdf, &docx, name);
    }
    for juror in JURORS {
        assert_both_contain(&pdf, &docx, juror);
    }
    assert_both_contain(&pdf, &docx, "PETIT");
    assert_both_contain(
        &pdf,
        &docx,
        "certifie l'exactitude du présent procès-verbal",
    );
    assert_both_contain(
        &pdf,
        &docx,
        "Nombre de rapports de fraude joints au présent procès-verbal : 0",
    );
    assert_both_contain(&pdf, &docx, "Cachet du centre agréé");
    // A candidate who goes by another name: the birth name under it.
    assert_both_contain(&pdf, &docx, "CHEVALIER Camille né(e) ROUSSEAU");
    // 6 candidates × (4 results + 4 CCP): amrani, chevalier, nguyen reussite;
    // bernard partial with 2 CCP; diallo echec; lefevre absent.
    for text in [&pdf, &docx] {
        assert_eq!(boxes(text), (8, 40), "{text}");
    }
}

#[test]
fn pv_session_counts_the_fraud_reports() {
    let files = produce("ccp-paie-fraude.yaml", &[Kind::PvSession]);
    let (pdf, docx) = texts(pairs(&files, "pv-session", None)[0]);
    assert_both_contain(
        &pdf,
        &docx,
        "Nombre de rapports de fraude joints au présent procès-verbal : 1",
    );
    // The session's events under the remarks, one dashed line each.
    assert_both_contain(
        &pdf,
        &docx,
        "– Rapport de fraude joint — KONÉ Ibrahim, mercredi 3 février 2027 à 9 h 40",
    );
    assert_both_contain(&pdf, &docx, "– Retard — LEMOINE Élodie : Arrivée à 08:55");
}

#[test]
fn pv_session_repeats_its_header_row_in_the_docx() {
    let files = produce(SC, &[Kind::PvSession]);
    let (_, docx) = pairs(&files, "pv-session", None)[0];
    let xml = docx_part(&docx.bytes, "word/document.xml");
    assert!(
        xml.contains("<w:tblHeader />"),
        "header rows are marked to repeat"
    );
    assert!(
        xml.contains("w:orient=\"landscape\""),
        "the PV de session is landscape"
    );
}

#[test]
fn pdf_is_pdf_a_2b_with_every_font_embedded() {
    let files = produce(SC, &[Kind::PvIndividuel]);
    let (pdf, _) = pairs(&files, "pv-individuel", Some("amrani"))[0];
    let raw = String::from_utf8_lossy(&pdf.bytes);
    assert!(raw.contains("<pdfaid:part>2</pdfaid:part>"), "PDF/A-2 XMP");
    assert!(
        raw.contains("<pdfaid:conformance>B</pdfaid:conformance>"),
        "PDF/A-2b XMP"
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pv.pdf");
    std::fs::write(&path, &pdf.bytes).unwrap();
    let out = std::process::Command::new("pdffonts")
        .arg(&path)
        .output()
        .expect("pdffonts");
    let table = String::from_utf8_lossy(&out.stdout);
    let fonts: Vec<&str> = table.lines().skip(2).collect();
    assert!(!fonts.is_empty());
    for line in fonts {
        let cols: Vec<&str> = line.split_whitespace().collect();
        // name type encoding emb sub uni object ID
        let emb = cols[cols.len() - 5];
        assert_eq!(emb, "yes", "font not embedded: {line}");
    }
}

/// The session of eight CCPs with the longest centre and titles a form
/// may have to hold: a centre's name, site and address of five lines, each
/// CCP title of 100 to 160 characters, a candidate's observations of a
/// paragraph.
fn longest_pv_session() -> String {
    let text = std::fs::read_to_string(fixture("huit-ccp-trois-jours.yaml")).unwrap();
    let mut text = text
        .replacen(
            "  nom: Centre de formation Côte Ouest\n  site: Site de Cherbourg-en-Cotentin\n  adresse:\n    - 12 rue de Beuzeville\n",
            "  nom: Association régionale pour la formation professionnelle des adultes et la promotion sociale de Normandie occidentale\n  site: Établissement de formation professionnelle de Cherbourg-en-Cotentin, plateau technique tertiaire et numérique\n  adresse:\n    - Zone d'activités économiques des Fourches, bâtiment C, deuxième étage, porte 204\n    - 12 rue de Beuzeville prolongée\n",
            1,
        );
    let long = ", intitulé officiel complet tel que le référentiel le donne";
    for code in 2498..=2505 {
        let key = format!("    - code: CP-00{code}\n      intitule: ");
        let at = text.find(&key).unwrap() + key.len();
        let end = text[at..].find('\n').unwrap() + at;
        text.insert_str(end, long);
    }
    text
}

#[test]
fn pv_individuel_is_one_page_with_the_longest_centre_and_eight_long_ccp() {
    let files = produce_text(&longest_pv_session(), &[Kind::PvIndividuel]);
    let pvs = pairs(&files, "pv-individuel", None);
    let dir = tempfile::tempdir().unwrap();
    let mut docx = Vec::new();
    for (pdf, d) in &pvs {
        assert_eq!(pdf_pages(&pdf.bytes), 1, "{}", pdf.entry.path);
        assert!(pdf_text(&pdf.bytes).contains("intitulé officiel complet"));
        let path = dir.path().join(d.entry.path.replace('/', "-"));
        std::fs::write(&path, &d.bytes).unwrap();
        docx.push(path);
    }
    // The DOCX as LibreOffice lays it out: one page too.
    let out = dir.path().join("lo");
    libreoffice_to_pdf(&docx, &out, &dir.path().join("profil"));
    for path in docx {
        let name = path.with_extension("pdf");
        let pdf = std::fs::read(out.join(name.file_name().unwrap())).unwrap();
        assert_eq!(pdf_pages(&pdf), 1, "{} in LibreOffice", path.display());
    }
}
