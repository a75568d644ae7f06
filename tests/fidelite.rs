//! Each document read against the ministry's guide, checklist, webinar and
//! PV layouts: one test per point, reading the PDF and the DOCX back.

use crate::common;

use std::process::Command;

use common::*;
use sessiondoc::compose::Kind;
use sessiondoc::output::Produced;

const SC: &str = "secretaire-comptable.yaml";
const HUIT: &str = "huit-ccp-trois-jours.yaml";
const CCP: &str = "ccp-paie-fraude.yaml";
/// Height of a word's box as pdftotext gives it, per point of type size.
const BOX_PER_PT: f32 = 0.93;

/// Each DOCX as LibreOffice lays it out (converted to PDF).
fn libreoffice_pdfs(docx: &[&Produced]) -> Vec<Vec<u8>> {
    let dir = tempfile::tempdir().unwrap();
    let mut paths = Vec::new();
    for (i, f) in docx.iter().enumerate() {
        let path = dir.path().join(format!("doc{i}.docx"));
        std::fs::write(&path, &f.bytes).unwrap();
        paths.push(path);
    }
    let out = dir.path().join("out");
    libreoffice_to_pdf(&paths, &out, &dir.path().join("profile"));
    (0..docx.len())
        .map(|i| std::fs::read(out.join(format!("doc{i}.pdf"))).unwrap())
        .collect()
}

/// The page count LibreOffice gives each DOCX.
fn libreoffice_pages(docx: &[&Produced]) -> Vec<(String, usize)> {
    let pdfs = libreoffice_pdfs(docx);
    docx.iter()
        .zip(pdfs)
        .map(|(f, pdf)| (f.entry.path.clone(), pdf_pages(&pdf)))
        .collect()
}

#[test]
fn justified_lines_and_the_opening_title_sit_as_libreoffice_lays_them() {
    // A juror's pack of a large session: its opening paragraphs are
    // justified, and one of them needs its spaces shrunk to keep a word.
    let text = sessiondoc::example::large_session(60);
    let files = produce_text(&text, &[Kind::LivretJure]);
    let (pdf, docx) = pairs(&files, "livret-jure", None)[0];
    let lines = |bytes: &[u8]| -> Vec<String> {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("doc.pdf");
        std::fs::write(&path, bytes).unwrap();
        let out = Command::new("pdftotext")
            .args(["-enc", "UTF-8", "-l", "1"])
            .arg(&path)
            .arg("-")
            .output()
            .expect("pdftotext is installed");
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .skip_while(|l| !l.starts_with("Nous vous remercions"))
            .take(7)
            .map(str::to_owned)
            .collect()
    };
    let ours = lines(&pdf.bytes);
    assert_eq!(ours.len(), 7, "{ours:?}");
    assert_eq!(ours, lines(&libreoffice_pdfs(&[docx])[0]));
    // The title that opens the page has no space above it, as in the PDF.
    let body = docx_part(&docx.bytes, "word/document.xml");
    let title = &body[body.find(r#"w:val="Heading1""#).unwrap()..];
    let spacing = &title[title.find("<w:spacing").unwrap()..];
    assert!(
        spacing.starts_with(r#"<w:spacing w:before="0""#),
        "{spacing:.80}"
    );
}

#[test]
fn pv_individuel_is_one_sheet_with_eight_ccp_and_long_names_in_both_formats() {
    let files = produce(HUIT, &[Kind::PvIndividuel, Kind::FormulairesVierges]);
    let pvs = pairs(&files, "pv-individuel", None);
    assert_eq!(pvs.len(), 6);
    for (pdf, _) in &pvs {
        assert_eq!(pdf_pages(&pdf.bytes), 1, "{}", pdf.entry.path);
        // The CCP titles stay readable: 8 pt at least.
        let words = pdf_words(&pdf.bytes);
        let ccp = words[0]
            .iter()
            .find(|w| w.text == "Compétence")
            .expect("a CCP title");
        assert!(ccp.height() >= 8.0 * BOX_PER_PT, "{:.1}", ccp.height());
        let text = pdf_text(&pdf.bytes);
        assert!(text.contains("Fait à Cherbourg-en-Cotentin"));
    }
    let docx: Vec<&Produced> = pvs.iter().map(|(_, d)| *d).collect();
    for (path, pages) in libreoffice_pages(&docx) {
        assert_eq!(pages, 1, "{path} in LibreOffice");
    }
    // The blank form: the PV individuel and its « Fait à » on one page.
    let (pdf, _) = pairs(&files, "formulaires-vierges", None)[0];
    let pages = pdf_words(&pdf.bytes);
    let page_of = |word: &str| {
        pages
            .iter()
            .position(|p| p.iter().any(|w| w.text == word))
            .unwrap_or_else(|| panic!("{word} in the blank forms"))
    };
    assert_eq!(page_of("INDIVIDUEL"), page_of("Fait"));
}

#[test]
fn pv_individuel_title_footnote_and_ministry_as_on_the_form() {
    let files = produce(HUIT, &[Kind::PvIndividuel]);
    let (pdf, docx) = texts(pairs(&files, "pv-individuel", Some("bernard"))[0]);
    assert_both_contain(
        &pdf,
        &docx,
        "POUR L'OBTENTION DU TITRE PROFESSIONNEL : session n° 375846 TP-00402 – Secrétaire comptable",
    );
    assert_both_contain(&pdf, &docx, "Par équivalence ou correspondance*");
    assert_both_contain(
        &pdf,
        &docx,
        "* Candidat qui a obtenu des CCP du titre par équivalence ou par correspondance",
    );
    assert_both_contain(&pdf, &docx, "MINISTÈRE DU TRAVAIL ET DE L'EMPLOI");
    // The jury beside the CCPs: one table, the pair then the responsable.
    let jury = pdf.find("Composition du jury").unwrap();
    let ccp = pdf.find("CCP attribués").unwrap();
    let responsable = pdf.find("Responsable de session").unwrap();
    assert!(jury < ccp && ccp < responsable, "{pdf}");
    // No ministry line when the session file names none.
    let files = produce(SC, &[Kind::PvIndividuel]);
    let (pdf, docx) = texts(pairs(&files, "pv-individuel", Some("bernard"))[0]);
    assert_neither_contains(&pdf, &docx, "MINISTÈRE");
    assert_both_contain(&pdf, &docx, "Centre de formation Côte Ouest");
}

#[test]
fn pv_de_session_notes_remarks_and_keeps_to_the_ccp_of_the_session() {
    let files = produce(CCP, &[Kind::PvSession, Kind::FormulairesVierges]);
    let (pdf, docx) = texts(pairs(&files, "pv-session", None)[0]);
    assert_both_contain(&pdf, &docx, "Remarques et observations");
    // The late arrival, printed nowhere else before.
    assert_both_contain(
        &pdf,
        &docx,
        "Arrivée à 08:55, autorisée à composer sans prolongation de l'épreuve",
    );
    assert_both_contain(&pdf, &docx, "Rapport de fraude joint");
    // One CCP covered: no partial success, no CCP columns, and only that CCP.
    assert_neither_contains(&pdf, &docx, "Réussite partielle");
    assert_neither_contains(&pdf, &docx, "CCP 1");
    assert_both_contain(&pdf, &docx, "CCP de la session : CP-002501");
    assert_neither_contains(&pdf, &docx, "CP-002498");
    // The blank form leaves the fraud count to be written.
    let (pdf, docx) = texts(pairs(&files, "formulaires-vierges", None)[0]);
    assert_both_contain(
        &pdf,
        &docx,
        "Nombre de rapports de fraude joints au présent procès-verbal : …….",
    );
    assert_neither_contains(&pdf, &docx, "procès-verbal : 0");
    // A titre session keeps a column per CCP and the partial success.
    let files = produce(HUIT, &[Kind::PvSession]);
    let (pdf, docx) = texts(pairs(&files, "pv-session", None)[0]);
    assert_both_contain(&pdf, &docx, "Réussite partielle");
    assert_both_contain(&pdf, &docx, "CCP 8 : CP-002505");
}

#[test]
fn extra_time_gives_the_candidate_their_real_end_everywhere() {
    let files = produce(
        HUIT,
        &[Kind::Convocation, Kind::LivretJure, Kind::Affichage],
    );
    let (pdf, docx) = texts(pairs(&files, "convocation", Some("chevalier"))[0]);
    // 08:30–12:30 plus a third: 13:50 in the candidate's own timetable.
    assert_both_contain(&pdf, &docx, "13 h 50");
    assert_both_contain(
        &pdf,
        &docx,
        "temps supplémentaire compris (fin prévue pour les autres candidats : 12 h 30)",
    );
    assert_both_contain(&pdf, &docx, "5 h 20");
    // Another candidate keeps the written end.
    let (pdf, docx) = texts(pairs(&files, "convocation", Some("amrani"))[0]);
    assert_neither_contains(&pdf, &docx, "13 h 50");
    let juror = files
        .iter()
        .filter(|f| f.entry.path.contains("livret-jure-lejeune"))
        .collect::<Vec<_>>();
    let (pdf, docx) = (pdf_text(&juror[0].bytes), docx_text(&juror[1].bytes));
    let (pdf, docx) = if juror[0].entry.format == "pdf" {
        (pdf, docx)
    } else {
        (pdf_text(&juror[1].bytes), docx_text(&juror[0].bytes))
    };
    assert_both_contain(&pdf, &docx, "fin à 13 h 50 au lieu de 12 h 30");
    // The posted timetable says how long the room stays in use, for whom
    // it does not: an accommodation is not made public.
    let (pdf, docx) = texts(pairs(&files, "affichage", None)[0]);
    assert_both_contain(&pdf, &docx, "Salle occupée jusqu'à 13 h 50");
    assert_neither_contains(&pdf, &docx, "temps supplémentaire");
    assert_neither_contains(&pdf, &docx, "CHEVALIER-DE-LA-GRANDE-COMBE Camille :");
}

#[test]
fn extra_time_is_on_every_staff_paper_and_the_door_sign() {
    let files = produce(
        HUIT,
        &[
            Kind::ConvocationSurveillant,
            Kind::LivretSurveillant,
            Kind::ConvocationJure,
            Kind::PanneauSalle,
        ],
    );
    let late = "CHEVALIER-DE-LA-GRANDE-COMBE Camille : fin à 13 h 50 (temps supplémentaire)";
    for kind in ["convocation-surveillant", "livret-surveillant"] {
        let (pdf, docx) = texts(pairs(&files, kind, None)[0]);
        assert_both_contain(&pdf, &docx, late);
    }
    // Camille CHEVALIER is evaluated by LEJEUNE and MOREAU, not by DUPONT.
    let juror = |id: &str| {
        let of = |format: &str| {
            files
                .iter()
                .find(|f| {
                    f.entry.kind == Kind::ConvocationJure
                        && f.entry.format == format
                        && f.entry.subject.jure.as_deref() == Some(id)
                })
                .unwrap()
        };
        texts((of("pdf"), of("docx")))
    };
    let said = "CHEVALIER-DE-LA-GRANDE-COMBE Camille dispose d'un temps supplémentaire : Mise en situation professionnelle (épreuve écrite sur poste informatique) (11/01/2027), fin à 13 h 50 au lieu de 12 h 30.";
    let (pdf, docx) = juror("lejeune");
    assert_both_contain(&pdf, &docx, said);
    let (pdf, docx) = juror("dupont");
    assert_neither_contains(&pdf, &docx, "temps supplémentaire");
    // The written test's room is in use until the last candidate finishes.
    let (pdf, docx) = texts(
        pairs(&files, "panneau-salle", None)
            .into_iter()
            .find(|(p, _)| p.entry.path.ends_with("panneau-s204.pdf"))
            .unwrap(),
    );
    assert_both_contain(&pdf, &docx, "8 h 30 – 13 h 50");
    assert_neither_contains(&pdf, &docx, "12 h 30");
}

#[test]
fn a_plain_text_amenagement_is_printed_as_written_with_no_time_computed() {
    let files = produce(SC, &[Kind::Convocation]);
    let (pdf, docx) = texts(pairs(&files, "convocation", Some("chevalier"))[0]);
    assert_both_contain(
        &pdf,
        &docx,
        "Tiers-temps supplémentaire sur l'épreuve écrite (avis médical du 12/10/2026)",
    );
    assert_neither_contains(&pdf, &docx, "temps supplémentaire compris");
}

#[test]
fn every_convocation_tells_how_to_ask_for_adapted_conditions() {
    let files = produce(SC, &[Kind::Convocation]);
    for id in ["amrani", "bernard", "diallo", "nguyen", "lefevre"] {
        let (pdf, docx) = texts(pairs(&files, "convocation", Some(id))[0]);
        assert_both_contain(
            &pdf,
            &docx,
            "Situation de handicap : si vous êtes en situation de handicap, vous pouvez demander que les épreuves soient adaptées à votre situation.",
        );
        assert_both_contain(&pdf, &docx, "avec la prescription médicale qui la justifie");
    }
    // The candidate who has them is told what they are instead.
    let (pdf, docx) = texts(pairs(&files, "convocation", Some("chevalier"))[0]);
    assert_both_contain(&pdf, &docx, "Conditions aménagées");
    assert_neither_contains(&pdf, &docx, "Situation de handicap");
}

#[test]
fn posted_timetable_as_the_ministry_typical_one() {
    let files = produce(SC, &[Kind::Affichage]);
    let (pdf, docx) = pairs(&files, "affichage", None)[0];
    let (pdf_t, docx_t) = texts((pdf, docx));
    // Each test's length, who is present (jurors only as « Jury »).
    assert_both_contain(&pdf_t, &docx_t, "(4 h 00)");
    assert_both_contain(&pdf_t, &docx_t, "(20 min)");
    assert_neither_contains(&pdf_t, &docx_t, "(0 h 20)");
    assert_both_contain(&pdf_t, &docx_t, "Surveillance : M. PETIT");
    assert_both_contain(&pdf_t, &docx_t, "Responsable de session : Mme GARNIER");
    for juror in ["LEJEUNE", "MOREAU", "DUPONT", "HADDAD"] {
        assert_neither_contains(&pdf_t, &docx_t, juror);
    }
    // One candidate a line, each with their time.
    let pages = pdf_words(&pdf.bytes);
    let line_of = |name: &str| {
        pages
            .iter()
            .flatten()
            .find(|w| w.text == name)
            .unwrap_or_else(|| panic!("{name}"))
            .y0
    };
    assert!(line_of("AMRANI") < line_of("BERNARD"));
    assert!(line_of("BERNARD") < line_of("CHEVALIER"));
    let docx_xml = docx_part(&docx.bytes, "word/document.xml");
    assert!(
        docx_xml.contains("8 h 30 AMRANI Leïla")
            || docx_xml.contains("8\u{a0}h\u{a0}30 AMRANI Leïla")
    );
    // The règlement's posted sheet holds on one page, in type read standing.
    let reglement: Vec<_> = pages
        .iter()
        .filter(|p| {
            p.iter()
                .any(|w| w.text == "Règlement" || w.text == "Résultats")
        })
        .filter(|p| !p.iter().any(|w| w.text == "Déroulement"))
        .collect();
    assert_eq!(reglement.len(), 1, "the règlement on one sheet");
    let body = reglement[0]
        .iter()
        .find(|w| w.text == "délibère")
        .expect("the results paragraph");
    assert!(body.height() >= 12.0 * BOX_PER_PT, "{:.1}", body.height());
}

#[test]
fn the_schedule_uses_three_calendar_months_and_working_days() {
    let files = produce(SC, &[Kind::Echeancier]);
    let (pdf, docx) = texts(pairs(&files, "echeancier", None)[0]);
    // Monday 11 January: 3 months before is Sunday 11 October, moved to Friday.
    assert_both_contain(&pdf, &docx, "vendredi 9 octobre 2026");
    assert_both_contain(
        &pdf,
        &docx,
        "le dimanche 11 octobre 2026 n'est pas un jour ouvré : échéance avancée au jour ouvré précédent",
    );
    // The timetable is posted on the Friday before.
    assert_both_contain(&pdf, &docx, "vendredi 8 janvier 2027");
    assert_neither_contains(&pdf, &docx, "dimanche 10 janvier 2027 Afficher");
    assert_neither_contains(&pdf, &docx, "lundi 12 octobre 2026");
}

#[test]
fn the_schedule_asks_for_the_subjects_once_as_the_guide_says() {
    let files = produce(SC, &[Kind::Echeancier]);
    let (pdf, docx) = texts(pairs(&files, "echeancier", None)[0]);
    // The declaration, the session and the subjects' request: one
    // réglementaire step three months before, with spare subjects.
    for needle in [
        "Déclarer la session à la DDETS",
        "envoyer la demande d'épreuves (DTE : toujours 1 ou 2 sujets en plus du nombre de candidats)",
        "réglementaire : au moins 3 mois avant le début",
        // The pli not received 4 weeks before Monday 11 January.
        "Contacter le service des examens si le pli d'examen n'est pas reçu",
        "lundi 14 décembre 2026",
    ] {
        assert_both_contain(&pdf, &docx, needle);
    }
    assert_neither_contains(&pdf, &docx, "Commander les sujets");
    assert_neither_contains(&pdf, &docx, "30 jours");
}

#[test]
fn juror_pack_states_durations_and_the_duties_of_the_jury() {
    let files = produce(SC, &[Kind::LivretJure]);
    let (pdf, docx) = texts(pairs(&files, "livret-jure", None)[0]);
    assert_neither_contains(
        &pdf,
        &docx,
        "Les horaires de chaque épreuve sont ceux du référentiel",
    );
    for duty in [
        "La durée de chaque épreuve est celle que fixe le référentiel d'évaluation",
        "Le jury statue sur la mise en situation professionnelle avant de réaliser l'entretien final.",
        "Des préconisations (recommandations au candidat) sont demandées en cas de réussite partielle ou d'échec",
        "charte de déontologie des membres de jury",
        "Le jury ne communique jamais les résultats aux candidats",
    ] {
        assert_both_contain(&pdf, &docx, duty);
    }
}

#[test]
fn fraud_measures_are_the_responsable_s_and_the_reglement_is_a_summary() {
    let files = produce(SC, &[Kind::LivretSurveillant, Kind::Convocation]);
    let (pdf, docx) = texts(pairs(&files, "livret-surveillant", None)[0]);
    assert_neither_contains(&pdf, &docx, "ne l'excluez pas");
    assert_both_contain(&pdf, &docx, "est décidé par le responsable de session");
    let (pdf, docx) = texts(pairs(&files, "convocation", Some("amrani"))[0]);
    assert_neither_contains(&pdf, &docx, "en principe autorisé");
    assert_both_contain(
        &pdf,
        &docx,
        "Annexe 2 — Résumé du règlement général des sessions d'examen",
    );
    assert_both_contain(&pdf, &docx, "arrêté du 21 juillet 2016");
    assert_neither_contains(&pdf, &docx, "Extraits du règlement");
    // Only what the ministry's documents say: no sanction, no law they
    // do not cite, no measure they do not give.
    for said_nowhere in [
        "loi du 23 décembre 1901",
        "sanction",
        "interdiction de se présenter",
        "Les mesures prises sur le moment",
        "peut être retiré",
    ] {
        assert_neither_contains(&pdf, &docx, said_nowhere);
    }
}

#[test]
fn attestation_gives_the_birth_name_when_it_differs() {
    let files = produce(SC, &[Kind::AttestationPresence]);
    let (pdf, docx) = texts(pairs(&files, "attestation-presence", Some("chevalier"))[0]);
    assert_both_contain(&pdf, &docx, "Mme Camille CHEVALIER, née ROUSSEAU le");
    let (pdf, docx) = texts(pairs(&files, "attestation-presence", Some("amrani"))[0]);
    assert_neither_contains(&pdf, &docx, "née AMRANI");
}
