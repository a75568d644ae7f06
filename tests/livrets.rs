//! The briefing packs of the jurors and of the surveillants, read back from
//! the PDF and the DOCX.

use crate::common;

use common::*;
use sessiondoc::compose::Kind;
use sessiondoc::output::Produced;

const SC: &str = "secretaire-comptable.yaml";
const PAIR_1: [&str; 2] = ["lejeune", "moreau"];
const PAIR_2: [&str; 2] = ["dupont", "haddad"];
const CANDIDATES_1: [&str; 3] = ["AMRANI Leïla", "BERNARD Lucas", "CHEVALIER Camille"];
const CANDIDATES_2: [&str; 3] = [
    "DIALLO Mamadou",
    "NGUYEN Thi Hoa",
    "LEFÈVRE-DUMAS Jean-Baptiste",
];
const AMENAGEMENT: &str =
    "Tiers-temps supplémentaire sur l'épreuve écrite (avis médical du 12/10/2026)";

/// The (pdf, docx) pair of one person's pack.
fn pack<'a>(files: &'a [Produced], kind: &str, who: &str) -> (&'a Produced, &'a Produced) {
    let of = |format: &str| -> &'a Produced {
        let found: Vec<&Produced> = files
            .iter()
            .filter(|f| f.entry.kind.name() == kind && f.entry.format == format)
            .filter(|f| {
                f.entry.subject.jure.as_deref() == Some(who)
                    || f.entry.subject.surveillant.as_deref() == Some(who)
            })
            .collect();
        assert_eq!(found.len(), 1, "one {format} {kind} for {who}");
        found[0]
    };
    (of("pdf"), of("docx"))
}

#[test]
fn one_pack_per_juror_taking_part_and_per_surveillant() {
    let files = produce(SC, &[Kind::LivretJure, Kind::LivretSurveillant]);
    let jurors = pairs(&files, "livret-jure", None);
    assert_eq!(jurors.len(), 4);
    for id in PAIR_1.iter().chain(&PAIR_2) {
        let (pdf, docx) = pack(&files, "livret-jure", id);
        assert_eq!(
            pdf.entry.path,
            format!("livrets-jures/livret-jure-{id}.pdf")
        );
        assert_eq!(
            docx.entry.path,
            format!("livrets-jures/livret-jure-{id}.docx")
        );
    }
    let surveillants = pairs(&files, "livret-surveillant", None);
    assert_eq!(surveillants.len(), 1);
    let (pdf, _) = pack(&files, "livret-surveillant", "petit");
    assert_eq!(
        pdf.entry.path,
        "livrets-surveillants/livret-surveillant-petit.pdf"
    );
}

#[test]
fn a_jurors_pack_lists_exactly_the_candidates_they_evaluate() {
    let files = produce(SC, &[Kind::LivretJure]);
    for (jurors, own, others, partner_of) in [
        (PAIR_1, CANDIDATES_1, CANDIDATES_2, ["MOREAU", "LEJEUNE"]),
        (PAIR_2, CANDIDATES_2, CANDIDATES_1, ["HADDAD", "DUPONT"]),
    ] {
        for (k, id) in jurors.iter().enumerate() {
            let (pdf, docx) = texts(pack(&files, "livret-jure", id));
            for name in own {
                assert_both_contain(&pdf, &docx, name);
            }
            for name in others {
                assert_neither_contains(&pdf, &docx, name);
            }
            // Their own pair partner only, never the jurors of the other pair.
            assert_both_contain(&pdf, &docx, partner_of[k]);
            let other_pair = if jurors == PAIR_1 { PAIR_2 } else { PAIR_1 };
            for other in other_pair {
                assert_neither_contains(&pdf, &docx, &other.to_uppercase());
            }
        }
    }
}

#[test]
fn a_jurors_pack_shows_the_access_route_and_the_adapted_conditions_as_typed() {
    let files = produce(SC, &[Kind::LivretJure]);
    let (pdf, docx) = texts(pack(&files, "livret-jure", "lejeune"));
    assert_both_contain(&pdf, &docx, AMENAGEMENT);
    assert_both_contain(&pdf, &docx, "Formation");
    assert_both_contain(&pdf, &docx, "nom de naissance : ROUSSEAU");
    let (pdf, docx) = texts(pack(&files, "livret-jure", "dupont"));
    assert_neither_contains(&pdf, &docx, "Tiers-temps");
    assert_both_contain(&pdf, &docx, "VAE");
}

#[test]
fn a_jurors_pack_has_their_timetable_only() {
    let files = produce(SC, &[Kind::LivretJure]);
    let (pdf, docx) = texts(pack(&files, "livret-jure", "lejeune"));
    for needle in [
        "Lundi 11 janvier 2027",
        "Mardi 12 janvier 2027",
        "Accueil et briefing du jury",
        "Entretien technique",
        "Entretien final",
        "Délibération du jury et rédaction des procès-verbaux",
        "Salle d'entretien 105",
        "45 min",
    ] {
        assert_both_contain(&pdf, &docx, needle);
    }
    // The other pair's room and the candidates' written test are not theirs.
    assert_neither_contains(&pdf, &docx, "Salle d'entretien 106");
    assert_neither_contains(&pdf, &docx, "Salle informatique 204");
}

#[test]
fn a_jurors_pack_has_the_facts_the_documents_the_rules_and_the_declaration() {
    let files = produce(SC, &[Kind::LivretJure]);
    let (pdf, docx) = texts(pack(&files, "livret-jure", "moreau"));
    for needle in [
        // Session facts and whom to call.
        "TP-00402 – Secrétaire comptable",
        "375846",
        "du lundi 11 janvier 2027 au mardi 12 janvier 2027",
        "12 rue de Beuzeville",
        "Mme Sophie GARNIER",
        "02 33 00 12 40",
        "M. Thomas LEBRUN",
        // The documents handed over.
        "(REAC)",
        "référentiel d'évaluation (RE)",
        "(DTE) jury",
        "grilles d'évaluation",
        "dossier professionnel",
        // The rules.
        "au moins deux jurés habilités",
        "en dehors de toute autre présence",
        "Le jury ne communique jamais les résultats aux candidats",
        "signé uniquement par le binôme de jurés qui a évalué le candidat",
        "signé par tous les jurés",
        // The declaration.
        "Déclaration d'absence de lien avec les candidats",
        "Je soussigné, M. Patrick MOREAU",
        "déclare n'avoir aucun lien personnel ou professionnel avec les candidats",
        "Fait à Cherbourg-en-Cotentin",
        "Signature",
    ] {
        assert_both_contain(&pdf, &docx, needle);
    }
    let (pdf, docx) = texts(pack(&files, "livret-jure", "lejeune"));
    assert_both_contain(&pdf, &docx, "Je soussignée, Mme Claire LEJEUNE");
}

#[test]
fn the_declaration_is_on_a_page_of_its_own() {
    let files = produce(SC, &[Kind::LivretJure]);
    let (pdf, _) = pack(&files, "livret-jure", "lejeune");
    let pages = pdf_pages(&pdf.bytes);
    assert!(pages >= 2);
    let last = last_page_text(&pdf.bytes, pages);
    assert!(last.contains("Déclaration d'absence de lien"), "{last}");
    for name in CANDIDATES_1 {
        assert!(last.contains(name), "{name} in the declaration:\n{last}");
    }
    // Each candidate with their identifiant and access route.
    assert!(last.contains("AMRANI Leïla (1801008, Formation)"), "{last}");
}

fn last_page_text(bytes: &[u8], page: usize) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("doc.pdf");
    std::fs::write(&path, bytes).unwrap();
    let out = std::process::Command::new("pdftotext")
        .args([
            "-enc",
            "UTF-8",
            "-f",
            &page.to_string(),
            "-l",
            &page.to_string(),
        ])
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext");
    normalize(&String::from_utf8_lossy(&out.stdout))
}

#[test]
fn user_text_in_a_pack_prints_as_typed() {
    let text = std::fs::read_to_string(fixture(SC)).unwrap();
    let typed = "Tiers-temps {{ 7*7 }} {% if x %} <b>&amp;</b> « sic »";
    let text = text.replace(AMENAGEMENT, &format!("\"{typed}\""));
    let files = produce_text(&text, &[Kind::LivretJure]);
    let (pdf, docx) = texts(pack(&files, "livret-jure", "lejeune"));
    assert_both_contain(&pdf, &docx, typed);
}

#[test]
fn the_surveillants_pack_has_the_phone_the_slots_and_the_rules() {
    let files = produce(SC, &[Kind::LivretSurveillant]);
    let (pdf, docx) = texts(pack(&files, "livret-surveillant", "petit"));
    for needle in [
        "M. Henri PETIT",
        "02 33 00 12 40",
        // Their slots.
        "Lundi 11 janvier 2027",
        "Accueil des candidats, vérification des convocations",
        "Mise en situation professionnelle (épreuve écrite sur poste informatique)",
        "Salle informatique 204",
        "12 h 30",
        // The rules.
        "éteindre leur téléphone mobile",
        "aucune source d'information autre que celles prévues",
        "l'heure de fin de l'épreuve n'est pas modifiée",
        // Fraud.
        "En cas de fraude ou de tentative de fraude",
        "Notez aussitôt par écrit les faits constatés",
        "est décidé par le responsable de session",
        "Prévenez le responsable de session (02 33 00 12 40)",
        "rapport de fraude",
        // Who may not invigilate.
        "Un formateur qui a été chargé de la formation ou de l'accompagnement d'un candidat ne peut pas assurer la surveillance",
        "Signature",
    ] {
        assert_both_contain(&pdf, &docx, needle);
    }
    // Not the jurors' business.
    assert_neither_contains(&pdf, &docx, "Entretien final");
    assert_neither_contains(&pdf, &docx, "LEJEUNE");
}

#[test]
fn without_the_responsables_phone_the_surveillant_calls_the_centre() {
    let files = produce("ccp-paie-fraude.yaml", &[Kind::LivretSurveillant]);
    let (pdf, docx) = texts(pack(&files, "livret-surveillant", "jaouen"));
    assert_both_contain(
        &pdf,
        &docx,
        "appelez le responsable de session au 02 97 00 11 22",
    );
    assert_both_contain(
        &pdf,
        &docx,
        "certificat(s) de compétences professionnelles (CCP)",
    );
    assert_both_contain(&pdf, &docx, "CP-002501");
}

#[test]
fn packs_are_in_french_typography() {
    let files = produce(SC, &[Kind::LivretJure]);
    let (pdf, docx) = pack(&files, "livret-jure", "lejeune");
    let raw = docx_text_raw(&docx.bytes);
    assert!(raw.contains("Session n°"), "{raw}");
    assert!(
        raw.contains("Tél.\u{a0}: 02 33 00 12 40"),
        "no-break space before the colon"
    );
    assert!(
        raw.contains("«\u{202f}Secrétaire comptable\u{202f}»"),
        "guillemets"
    );
    assert!(!pdf_text(&pdf.bytes).is_empty());
}

/// The DOCX body text without folding the no-break spaces.
fn docx_text_raw(bytes: &[u8]) -> String {
    let xml = docx_part(bytes, "word/document.xml");
    let mut out = String::new();
    for piece in xml.split("<w:t").skip(1) {
        if !(piece.starts_with('>') || piece.starts_with(' ')) {
            continue; // <w:tbl>, <w:tc>, <w:tr>…
        }
        if let Some(start) = piece.find('>') {
            if piece[..start].ends_with('/') {
                continue;
            }
            let rest = &piece[start + 1..];
            if let Some(end) = rest.find("</w:t>") {
                out.push_str(&rest[..end]);
            }
        }
    }
    out
}
