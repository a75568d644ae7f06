//! The sign-in sheets, read back from the PDF and the DOCX.

use crate::common;

use common::*;
use sessiondoc::compose::Kind;

const SC: &str = "secretaire-comptable.yaml";
const CANDIDATES: [&str; 6] = [
    "AMRANI Leïla",
    "BERNARD Lucas",
    "CHEVALIER Camille",
    "DIALLO Mamadou",
    "NGUYEN Thi Hoa",
    "LEFÈVRE-DUMAS Jean-Baptiste",
];
const JURORS: [&str; 4] = [
    "LEJEUNE Claire",
    "MOREAU Patrick",
    "DUPONT Olivier",
    "HADDAD Samira",
];

/// The text of one page of a PDF.
fn page_text(bytes: &[u8], page: usize) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("doc.pdf");
    std::fs::write(&path, bytes).unwrap();
    let n = page.to_string();
    let out = std::process::Command::new("pdftotext")
        .args(["-enc", "UTF-8", "-f", &n, "-l", &n])
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext");
    assert!(out.status.success());
    normalize(&String::from_utf8_lossy(&out.stdout))
}

fn the_sheets(yaml: &str) -> (Vec<u8>, String, String) {
    let files = produce_text(yaml, &[Kind::Emargement]);
    let all = pairs(&files, "emargement", None);
    assert_eq!(all.len(), 1, "one document");
    let (pdf, docx) = all[0];
    assert_eq!(pdf.entry.path, "emargement.pdf");
    assert_eq!(docx.entry.path, "emargement.docx");
    let (pdf_text, docx_text) = texts(all[0]);
    (pdf.bytes.clone(), pdf_text, docx_text)
}

fn sc() -> String {
    std::fs::read_to_string(fixture(SC)).unwrap()
}

#[test]
fn one_sheet_per_half_day_for_the_candidates_and_one_for_the_jury() {
    let (pdf, text, docx) = the_sheets(&sc());
    // Day 1: morning (candidates + surveillant), afternoon (jury only);
    // day 2: morning (candidates + jury), afternoon (deliberation).
    assert_eq!(pdf_pages(&pdf), 6);
    let expected = [
        (
            "Feuille d'émargement des candidats",
            "Lundi 11 janvier 2027 — matin",
        ),
        (
            "Feuille d'émargement du jury et des surveillants",
            "Lundi 11 janvier 2027 — matin",
        ),
        (
            "Feuille d'émargement du jury et des surveillants",
            "Lundi 11 janvier 2027 — après-midi",
        ),
        (
            "Feuille d'émargement des candidats",
            "Mardi 12 janvier 2027 — matin",
        ),
        (
            "Feuille d'émargement du jury et des surveillants",
            "Mardi 12 janvier 2027 — matin",
        ),
        (
            "Feuille d'émargement du jury et des surveillants",
            "Mardi 12 janvier 2027 — après-midi",
        ),
    ];
    for (page, (title, half_day)) in expected.iter().enumerate() {
        let p = page_text(&pdf, page + 1);
        assert!(p.contains(title), "page {}: {title}\n{p}", page + 1);
        assert!(p.contains(half_day), "page {}: {half_day}\n{p}", page + 1);
    }
    for (title, half_day) in expected {
        assert_both_contain(&text, &docx, title);
        assert_both_contain(&text, &docx, half_day);
    }
}

#[test]
fn the_candidates_sheet_lists_every_expected_candidate_with_a_signature_column() {
    let (pdf, text, docx) = the_sheets(&sc());
    for page in [1, 4] {
        let p = page_text(&pdf, page);
        for name in CANDIDATES {
            assert!(p.contains(name), "{name} on page {page}:\n{p}");
        }
        for column in ["Nom Prénom", "Heure d'arrivée", "Signature", "Convocation"] {
            assert!(p.contains(column), "{column} on page {page}:\n{p}");
        }
        for juror in JURORS {
            assert!(!p.contains(juror), "no juror on a candidates' sheet:\n{p}");
        }
    }
    // Each candidate signs twice (two half-days), in both formats.
    for name in CANDIDATES {
        assert_eq!(text.matches(name).count(), 2, "{name} in the PDF");
        assert_eq!(docx.matches(name).count(), 2, "{name} in the DOCX");
    }
    assert_both_contain(&text, &docx, "nom de naissance : ROUSSEAU");
    // The time each one is expected on day 2 (cell order is only reliable
    // in the DOCX; pdftotext reorders table columns).
    assert!(docx.contains("AMRANI Leïla 8 h 30"), "{docx}");
    assert!(
        docx.contains("CHEVALIER Camille nom de naissance : ROUSSEAU 10 h 00"),
        "{docx}"
    );
    let p = page_text(&pdf, 4);
    for time in ["8 h 30", "9 h 15", "10 h 00"] {
        assert!(p.contains(time), "{time}:\n{p}");
    }
}

#[test]
fn the_jury_sheet_lists_the_jurors_and_surveillants_present() {
    let (pdf, text, docx) = the_sheets(&sc());
    // Day 1 morning: the surveillant alone.
    let p = page_text(&pdf, 2);
    assert!(p.contains("PETIT Henri"), "{p}");
    assert!(p.contains("Surveillant"), "{p}");
    assert!(p.contains("Qualité"), "{p}");
    for juror in JURORS {
        assert!(
            !p.contains(juror),
            "{juror} is not there on day 1 morning:\n{p}"
        );
    }
    // Day 1 afternoon and day 2: the four jurors, not the surveillant.
    for page in [3, 5, 6] {
        let p = page_text(&pdf, page);
        for juror in JURORS {
            assert!(p.contains(juror), "{juror} on page {page}:\n{p}");
        }
        assert!(p.contains("Juré"), "{p}");
        assert!(!p.contains("PETIT"), "{p}");
        assert!(p.contains("Signature"), "{p}");
        for name in CANDIDATES {
            assert!(!p.contains(name), "no candidate on the jury's sheet:\n{p}");
        }
    }
    // In the DOCX, each name is followed by its quality.
    assert_both_contain(&text, &docx, "PETIT Henri");
    assert!(docx.contains("PETIT Henri Surveillant"), "{docx}");
    assert!(docx.contains("LEJEUNE Claire Jurée"), "{docx}");
    assert!(docx.contains("MOREAU Patrick Juré "), "{docx}");
}

#[test]
fn a_half_day_lists_only_the_candidates_expected_then() {
    // Lefèvre-Dumas's final interview moves to the afternoon of day 2.
    let text = sc()
        .replace(
            "debut: \"11:40\"\n    fin: \"12:00\"\n    nature: entretien_final\n    intitule: Entretien final\n    salle: s106",
            "debut: \"13:15\"\n    fin: \"13:35\"\n    nature: entretien_final\n    intitule: Entretien final\n    salle: s106",
        )
        .replace(
            "debut: \"13:15\"\n    fin: \"15:30\"\n    nature: deliberation",
            "debut: \"14:00\"\n    fin: \"15:30\"\n    nature: deliberation",
        );
    let (pdf, _, _) = the_sheets(&text);
    assert_eq!(pdf_pages(&pdf), 7);
    let p = page_text(&pdf, 6);
    assert!(p.contains("Feuille d'émargement des candidats"), "{p}");
    assert!(p.contains("Mardi 12 janvier 2027 — après-midi"), "{p}");
    assert!(p.contains("LEFÈVRE-DUMAS Jean-Baptiste"), "{p}");
    assert!(p.contains("13 h 15"), "{p}");
    for name in &CANDIDATES[..5] {
        assert!(!p.contains(name), "{name} is not expected then:\n{p}");
    }
}

#[test]
fn the_sheets_repeat_their_header_row_and_leave_room_to_sign() {
    let files = produce(SC, &[Kind::Emargement]);
    let (_, docx) = pairs(&files, "emargement", None)[0];
    let xml = docx_part(&docx.bytes, "word/document.xml");
    assert!(xml.contains("<w:tblHeader />"), "header rows repeat");
    // 10 mm rows = 567 twips, at least: 6 + 6 candidates, 1 + 4 + 4 + 4 staff.
    assert_eq!(
        xml.matches("<w:trHeight w:val=\"567\" w:hRule=\"atLeast\" />")
            .count(),
        25
    );
}
