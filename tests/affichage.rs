//! The posted timetable and the door signs, read back from the PDF (with
//! each word's box, for the type size) and the DOCX.

use crate::common;

use std::fmt::Write as _;

use common::*;
use sessiondoc::compose::Kind;

const SC: &str = "secretaire-comptable.yaml";
const JURORS: [&str; 4] = ["LEJEUNE", "MOREAU", "DUPONT", "HADDAD"];
/// Height of a word's box as pdftotext gives it, per point of type size
/// (Liberation Sans: 0.94).
const BOX_PER_PT: f32 = 0.93;

/// The page's words between the margins (not the running header and
/// footer): 24 mm from the top, 20 mm from the bottom of a landscape sheet.
fn body(page: &[Word]) -> Vec<&Word> {
    page.iter()
        .filter(|w| w.y0 > 68.0 && w.y0 < 595.0 - 57.0)
        .collect()
}

fn text_of(page: &[Word]) -> String {
    page.iter()
        .map(|w| w.text.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The timetable sheets (landscape day pages) of an affichage PDF.
fn day_sheets(pages: &[Vec<Word>]) -> Vec<&Vec<Word>> {
    pages
        .iter()
        .filter(|p| text_of(p).contains("Déroulement de la session d'examen"))
        .collect()
}

#[test]
fn each_day_of_the_fixtures_fits_one_sheet_in_large_type() {
    // TSMI's second day lists its candidates one a line, each with their
    // time, in eight rows: it goes on to a sheet headed « (suite) ».
    for (fixture, days, continued) in [
        (SC, 2, 0),
        ("tsmi-avant-session.yaml", 2, 1),
        ("ccp-paie-fraude.yaml", 1, 0),
        ("huit-ccp-trois-jours.yaml", 3, 0),
    ] {
        let files = produce(fixture, &[Kind::Affichage]);
        let (pdf, docx) = pairs(&files, "affichage", None)[0];
        let pages = pdf_words(&pdf.bytes);
        let sheets = day_sheets(&pages);
        assert_eq!(sheets.len(), days + continued, "{fixture}: sheets");
        let suites = sheets
            .iter()
            .filter(|s| text_of(s).contains("(suite)"))
            .count();
        assert_eq!(suites, continued, "{fixture}: continuation sheets");
        for sheet in sheets {
            // Nothing on the sheet under 14 pt; the title over 16 pt.
            for w in body(sheet) {
                assert!(
                    w.height() >= 14.0 * BOX_PER_PT,
                    "{fixture}: «{}» is {:.1} pt high",
                    w.text,
                    w.height()
                );
            }
            let title = sheet.iter().find(|w| w.text == "Déroulement").unwrap();
            assert!(title.height() >= 18.0 * BOX_PER_PT);
        }
        let docx = docx_text(&docx.bytes);
        assert_eq!(
            docx.matches("Déroulement de la session d'examen").count(),
            days + continued
        );
    }
}

#[test]
fn the_timetable_rows_are_set_at_16_pt_and_name_candidates_never_jurors() {
    let files = produce(SC, &[Kind::Affichage]);
    let (pdf, docx) = pairs(&files, "affichage", None)[0];
    let pages = pdf_words(&pdf.bytes);
    let day2 = day_sheets(&pages)[1];
    // Candidates as they are called in the hall, at 16 pt.
    for name in ["AMRANI", "Leïla", "DIALLO", "Mamadou", "LEFÈVRE-DUMAS"] {
        let word = day2
            .iter()
            .find(|w| w.text.starts_with(name))
            .unwrap_or_else(|| panic!("{name} on the sheet"));
        assert!(
            word.height() >= 16.0 * BOX_PER_PT,
            "{name}: {:.1}",
            word.height()
        );
    }
    let (pdf_text, docx_text) = texts((pdf, docx));
    // Parallel interviews share a row: each room with its candidates, each
    // candidate with their time.
    for needle in [
        "Salle d'entretien 105 8 h 30 AMRANI Leïla 9 h 15 BERNARD Lucas 10 h 00 CHEVALIER Camille",
        "Salle d'entretien 106 8 h 30 DIALLO Mamadou",
        "Pause déjeuner",
        "Jury",
        "Résumé du règlement général des sessions d'examen",
        "Fraude et tentative de fraude",
    ] {
        assert_both_contain(&pdf_text, &docx_text, needle);
    }
    for juror in JURORS {
        assert_neither_contains(&pdf_text, &docx_text, juror);
    }
}

/// A session of three days with 40 candidates a day, each passing alone,
/// two rooms at a time, the tests alternating so that no series forms.
fn crowded_session() -> String {
    let base = std::fs::read_to_string(fixture(SC)).unwrap();
    let head = base.split("candidats:\n").next().unwrap();
    let head = head.replace("  fin: 2027-01-12\n", "  fin: 2027-01-13\n");
    let mut y = format!("{head}candidats:\n");
    for i in 0..40 {
        let _ = write!(
            y,
            "  - id: c{i}\n    civilite: Mme\n    nom: CANDIDATE{i}\n    prenom: Prénom{i}\n    identifiant: \"{}\"\n    voie: formation\n    adresse:\n      - {i} rue des Essais\n      - 50100 Cherbourg-en-Cotentin\n    jury: [{}]\n",
            1_900_000 + i,
            if i % 2 == 0 {
                "lejeune, moreau"
            } else {
                "dupont, haddad"
            }
        );
    }
    y.push_str("planning:\n");
    for day in ["2027-01-11", "2027-01-12", "2027-01-13"] {
        for i in 0..40 {
            let start = 8 * 60 + (i / 2) * 20;
            let (room, jury) = if i % 2 == 0 {
                ("s105", "lejeune, moreau")
            } else {
                ("s106", "dupont, haddad")
            };
            let title = if (i / 2) % 2 == 0 {
                "Entretien technique"
            } else {
                "Questionnement à partir de productions"
            };
            let _ = write!(
                y,
                "  - date: {day}\n    debut: \"{:02}:{:02}\"\n    fin: \"{:02}:{:02}\"\n    nature: entretien\n    intitule: {title}\n    salle: {room}\n    candidats: [c{i}]\n    jures: [{jury}]\n",
                start / 60,
                start % 60,
                (start + 20) / 60,
                (start + 20) % 60
            );
        }
    }
    y
}

#[test]
fn a_crowded_day_continues_on_sheets_headed_suite_never_under_14_pt() {
    let files = produce_text(&crowded_session(), &[Kind::Affichage]);
    let (pdf, docx) = pairs(&files, "affichage", None)[0];
    let pages = pdf_words(&pdf.bytes);
    let sheets = day_sheets(&pages);
    assert!(sheets.len() > 3, "{} sheets", sheets.len());
    let continued = sheets
        .iter()
        .filter(|s| text_of(s).contains("(suite)"))
        .count();
    assert_eq!(
        continued,
        sheets.len() - 3,
        "every extra sheet says (suite)"
    );
    for sheet in &sheets {
        let text = text_of(sheet);
        // Each sheet starts with the day and the column headers.
        assert!(text.contains("janvier 2027"), "{text}");
        assert!(text.contains("Horaire"), "{text}");
        for w in body(sheet) {
            assert!(
                w.height() >= 14.0 * BOX_PER_PT,
                "«{}» {:.1}",
                w.text,
                w.height()
            );
        }
    }
    // Every candidate is on the timetable of each day, in both formats.
    let (pdf_text, docx_text) = texts((pdf, docx));
    for i in 0..40 {
        let name = format!("CANDIDATE{i} Prénom{i}");
        assert_eq!(pdf_text.matches(&name).count(), 3, "{name}");
        assert_eq!(docx_text.matches(&name).count(), 3, "{name}");
    }
    assert_eq!(
        docx_text.matches("(suite)").count(),
        continued,
        "the DOCX continues the same way"
    );
}

#[test]
fn door_signs_show_the_room_and_its_slots_of_the_day_in_large_type() {
    let files = produce(SC, &[Kind::PanneauSalle]);
    let signs = pairs(&files, "panneau-salle", None);
    assert_eq!(signs.len(), 4, "one per room in use");
    let (pdf, docx) = signs
        .into_iter()
        .find(|(p, _)| p.entry.path.ends_with("panneau-s105.pdf"))
        .unwrap();
    let pages = pdf_words(&pdf.bytes);
    assert_eq!(pages.len(), 2, "one page for each day the room is used");
    let day2 = &pages[1];
    let (pdf_text, docx_text) = texts((pdf, docx));
    for needle in [
        "Salle d'entretien 105",
        "Examen en cours",
        "mardi 12 janvier 2027",
        "8 h 30 – 10 h 45",
        "Entretien technique",
        "11 h 00 – 12 h 00",
        "Entretien final",
    ] {
        assert_both_contain(&pdf_text, &docx_text, needle);
    }
    let big = |word: &str| day2.iter().find(|w| w.text == word).unwrap().height();
    assert!(big("Examen") >= 50.0 * BOX_PER_PT);
    assert!(big("technique") >= 20.0 * BOX_PER_PT);
    for juror in JURORS {
        assert_neither_contains(&pdf_text, &docx_text, juror);
    }
}

#[test]
fn colons_of_the_rows_take_a_no_break_space() {
    // A room and who is in it, who watches: French spacing, as everywhere
    // else in the documents (the template's sentences).
    for (fixture, expected) in [
        (SC, ">\u{a0}: Tous les candidats<"),
        ("huit-ccp-trois-jours.yaml", "Surveillance\u{a0}: M. PETIT"),
    ] {
        let files = produce(fixture, &[Kind::Affichage]);
        let (_, docx) = pairs(&files, "affichage", None)[0];
        // The document's XML as written: no-break spaces kept.
        let xml = docx_part(&docx.bytes, "word/document.xml");
        assert!(
            xml.contains(expected),
            "{fixture}: {expected:?} not in the DOCX"
        );
        let plain: Vec<&str> = xml.split('<').filter(|run| run.contains(" :")).collect();
        assert!(
            plain.is_empty(),
            "{fixture}: colons after a plain space: {plain:?}"
        );
    }
}

#[test]
fn a_day_s_sheets_are_numbered_over_the_day() {
    // TSMI's second day takes two sheets: « page 1 / 2 », « page 2 / 2 ».
    let files = produce("tsmi-avant-session.yaml", &[Kind::Affichage]);
    let (pdf, _) = pairs(&files, "affichage", None)[0];
    let pages = pdf_words(&pdf.bytes);
    let sheets = day_sheets(&pages);
    let numbers: Vec<String> = sheets
        .iter()
        .map(|s| {
            let text = text_of(s);
            let at = text.rfind("page ").expect("a page number");
            text[at..].to_owned()
        })
        .collect();
    assert_eq!(numbers, ["page 1 / 1", "page 1 / 2", "page 2 / 2"]);
}

#[test]
fn the_jury_is_marked_where_it_is_and_two_pairs_are_told_apart_by_room() {
    // The correction of day 1 done by each pair in its own room.
    let text = std::fs::read_to_string(fixture(SC)).unwrap().replacen(
        "    intitule: Correction des productions et étude des dossiers professionnels\n    salle: s105\n    jures: tous\n",
        "    intitule: Correction des productions et étude des dossiers professionnels\n    salle: s105\n    jures: [lejeune, moreau]\n  - date: 2027-01-11\n    debut: \"14:00\"\n    fin: \"17:30\"\n    nature: correction\n    intitule: Correction des productions et étude des dossiers professionnels\n    salle: s106\n    jures: [dupont, haddad]\n",
        1,
    );
    let files = produce_text(&text, &[Kind::Affichage]);
    let (pdf, docx) = texts(pairs(&files, "affichage", None)[0]);
    assert_both_contain(
        &pdf,
        &docx,
        "Correction des productions et étude des dossiers professionnels — Salle d'entretien 105 · Jury — Salle d'entretien 106 · Jury",
    );
    // A pair alone: no room said.
    assert_both_contain(&pdf, &docx, "Accueil et briefing du jury — Jury");
    // The interviews, with the candidates, say the jury is there.
    assert!(docx.contains("Entretien technique (45 min) Jury"), "{docx}");
    assert!(docx.contains("Entretien final (20 min) Jury"), "{docx}");
    // The written test, watched, has no jury.
    assert!(
        !docx.contains("informatique) (4 h 00) Surveillance : M. PETIT Jury"),
        "{docx}"
    );
}
