//! The convocations, single and in one print file, read back from the PDF
//! and the DOCX.

use crate::common;

use common::*;
use sessiondoc::compose::Kind;

const SC: &str = "secretaire-comptable.yaml";
const TSMI: &str = "tsmi-avant-session.yaml";
const CCP: &str = "ccp-paie-fraude.yaml";
const FIXTURES: [&str; 3] = [SC, TSMI, CCP];

fn convocations(fixture: &str) -> Vec<sessiondoc::output::Produced> {
    produce(fixture, &[Kind::Convocation, Kind::ConvocationsLot])
}

/// The texts of one candidate's convocation.
fn letter(files: &[sessiondoc::output::Produced], id: &str) -> (String, String) {
    let found = pairs(files, "convocation", Some(id));
    assert_eq!(found.len(), 1, "one convocation for {id}");
    texts(found[0])
}

/// Whether `word` occurs in `text` as a whole word (not inside another).
fn has_word(text: &str, word: &str) -> bool {
    let word = normalize(word);
    text.match_indices(&word).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + word.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// Every name that must not appear on `id`'s convocation: the other
/// candidates (birth and usage names, first names), the jurors, the
/// surveillants and the trainers.
fn foreign_names(fixture: &str, id: &str) -> Vec<String> {
    let text = std::fs::read_to_string(fixture_path(fixture)).unwrap();
    let (_, s) = session_from(&text);
    let mut names = Vec::new();
    for c in s.candidats.value.iter().filter(|c| c.id.value != id) {
        names.push(c.nom.to_uppercase());
        names.extend(c.nom_usage.iter().map(|n| n.to_uppercase()));
        names.push(c.prenom.clone());
    }
    for j in &s.jures.value {
        names.push(j.nom.to_uppercase());
        names.push(j.prenom.clone());
    }
    for m in s.surveillants.iter().chain(&s.formateurs) {
        names.push(m.nom.to_uppercase());
        names.push(m.prenom.clone());
    }
    names
}

fn fixture_path(name: &str) -> std::path::PathBuf {
    common::fixture(name)
}

fn candidate_ids(fixture: &str) -> Vec<String> {
    let text = std::fs::read_to_string(fixture_path(fixture)).unwrap();
    let (_, s) = session_from(&text);
    s.candidats
        .value
        .iter()
        .map(|c| c.id.value.clone())
        .collect()
}

#[test]
fn convocation_is_addressed_to_the_candidate_and_dated_in_french() {
    let files = convocations(SC);
    let (pdf, docx) = letter(&files, "chevalier");
    for needle in [
        "Mme Camille CHEVALIER",
        "21 rue Gambetta",
        "Appartement 4",
        "50100 Cherbourg-en-Cotentin",
        "Centre de formation Côte Ouest",
        "12 rue de Beuzeville",
        "02 33 00 12 34",
        "examens@cote-ouest.example.fr",
        "Cherbourg-en-Cotentin, le vendredi 4 décembre 2026",
        "Lettre recommandée avec accusé de réception",
        "Objet : convocation à la session d'examen n° 375846",
        "Secrétaire comptable",
        "du lundi 11 janvier 2027 au mardi 12 janvier 2027",
        "Madame,",
        "Vous êtes convoquée",
        "Sophie GARNIER",
        "Responsable de session",
    ] {
        assert_both_contain(&pdf, &docx, needle);
    }
    let found = pairs(&files, "convocation", Some("chevalier"));
    assert_eq!(
        found[0].0.entry.path,
        "convocations/convocation-chevalier.pdf"
    );
    assert_eq!(
        found[0].1.entry.path,
        "convocations/convocation-chevalier.docx"
    );
}

#[test]
fn convocation_gives_the_arrival_the_final_interview_and_the_tests() {
    let files = convocations(SC);
    let (pdf, docx) = letter(&files, "chevalier");
    assert_both_contain(
        &pdf,
        &docx,
        "le lundi 11 janvier 2027 à 8\u{a0}h\u{a0}00 — Hall d'accueil, bâtiment A",
    );
    assert_both_contain(
        &pdf,
        &docx,
        "le mardi 12 janvier 2027 à 11\u{a0}h\u{a0}40 — Salle d'entretien 105",
    );
    assert_both_contain(&pdf, &docx, "Entretien technique");
    assert_both_contain(&pdf, &docx, "Mise en situation professionnelle");
    assert_both_contain(&pdf, &docx, "Tenue de ville correcte");
    // What to bring, lateness and phones.
    assert_both_contain(&pdf, &docx, "pièce d'identité en cours de validité");
    assert_both_contain(&pdf, &docx, "la présente convocation");
    assert_both_contain(&pdf, &docx, "votre dossier professionnel");
    assert_both_contain(
        &pdf,
        &docx,
        "l'heure de fin de l'épreuve n'est pas modifiée",
    );
    assert_both_contain(&pdf, &docx, "téléphone");
    // The tests are the candidate's own, the others' times are not there.
    let (pdf, docx) = letter(&files, "bernard");
    assert_both_contain(&pdf, &docx, "le mardi 12 janvier 2027 à 11 h 20");
    for other in [
        "11 h 00",
        "10 h 45",
        "Délibération",
        "briefing",
        "Correction",
    ] {
        assert_neither_contains(&pdf, &docx, other);
    }
}

#[test]
fn convocation_prints_the_adapted_conditions_as_typed() {
    let files = convocations(SC);
    let (pdf, docx) = letter(&files, "chevalier");
    assert_both_contain(&pdf, &docx, "Conditions aménagées");
    assert_both_contain(
        &pdf,
        &docx,
        "Tiers-temps supplémentaire sur l'épreuve écrite (avis médical du 12/10/2026)",
    );
    let (pdf, docx) = letter(&files, "amrani");
    assert_neither_contains(&pdf, &docx, "Conditions aménagées");
    assert_neither_contains(&pdf, &docx, "Tiers-temps");
}

#[test]
fn convocation_of_a_vae_candidate_asks_for_the_notification() {
    let files = convocations(SC);
    let (pdf, docx) = letter(&files, "diallo");
    assert_both_contain(&pdf, &docx, "M. Mamadou DIALLO");
    assert_both_contain(&pdf, &docx, "5 route de Valognes");
    assert_both_contain(&pdf, &docx, "votre notification de recevabilité");
    assert_both_contain(&pdf, &docx, "validation des acquis de l'expérience");
    assert_both_contain(&pdf, &docx, "Vous êtes convoqué à");
    let (pdf, docx) = letter(&files, "amrani");
    assert_neither_contains(&pdf, &docx, "votre notification de recevabilité");
}

#[test]
fn convocation_has_the_timetable_and_the_reglement_in_annex() {
    for fixture in FIXTURES {
        let files = convocations(fixture);
        for id in candidate_ids(fixture) {
            let (pdf, docx) = letter(&files, &id);
            assert_both_contain(&pdf, &docx, "Annexe 1 — Votre planning individuel");
            for column in ["Jour", "Début", "Fin", "Durée", "Épreuve", "Salle"] {
                assert_both_contain(&pdf, &docx, column);
            }
            assert_both_contain(
                &pdf,
                &docx,
                "Annexe 2 — Résumé du règlement général des sessions d'examen",
            );
            assert_both_contain(&pdf, &docx, "arrêté du 21 juillet 2016");
            for heading in [
                "Convocation",
                "Contrôle de l'identité",
                "Retard",
                "Téléphones et sources d'information",
                "Fraude et tentative de fraude",
                "Résultats",
            ] {
                assert_both_contain(&pdf, &docx, heading);
            }
            assert_both_contain(
                &pdf,
                &docx,
                "seul le représentant territorial du ministère du Travail (DDETS) les notifie",
            );
            assert_both_contain(&pdf, &docx, "jamais le jury");
        }
    }
}

#[test]
fn convocation_names_no_other_candidate_and_no_juror() {
    for fixture in FIXTURES {
        let files = convocations(fixture);
        for id in candidate_ids(fixture) {
            let (pdf, docx) = letter(&files, &id);
            for name in foreign_names(fixture, &id) {
                assert!(
                    !has_word(&pdf, &name),
                    "{fixture}: the PDF convocation of {id} names «{name}»:\n{pdf}"
                );
                assert!(
                    !has_word(&docx, &name),
                    "{fixture}: the DOCX convocation of {id} names «{name}»:\n{docx}"
                );
            }
        }
    }
}

#[test]
fn convocation_handed_over_has_a_tear_off_receipt() {
    let files = convocations(TSMI);
    let (pdf, docx) = letter(&files, "c4");
    for needle in [
        "Remise en main propre contre décharge",
        "Saint-Nazaire, le lundi 1er février 2027",
        "M. Dominique PERRIN",
        "33 avenue de la République",
        "44550 Montoir-de-Bretagne",
        "le lundi 8 mars 2027 à 7 h 30",
        "le mardi 9 mars 2027 à 17 h 30",
        "Vêtements de travail et chaussures de sécurité obligatoires ; lunettes de protection fournies par le centre",
        "votre notification de recevabilité",
        "Décharge à découper et à remettre au centre",
        "Je soussigné M. Dominique PERRIN, reconnais avoir reçu ma convocation",
        "Fait à",
        "Signature du candidat",
        "Yannick QUÉRÉ",
    ] {
        assert_both_contain(&pdf, &docx, needle);
    }
    assert_neither_contains(&pdf, &docx, "Lettre recommandée avec accusé de réception");
    // The receipt agrees with the candidate.
    let (pdf, docx) = letter(&files, "c2");
    assert_both_contain(
        &pdf,
        &docx,
        "Je soussignée Mme Maëlle GUÉGUEN, reconnais avoir reçu ma convocation",
    );

    // Sent by registered letter: no receipt.
    let files = convocations(SC);
    let (pdf, docx) = letter(&files, "amrani");
    assert_neither_contains(&pdf, &docx, "reconnais avoir reçu");
    assert_neither_contains(&pdf, &docx, "Signature du candidat");
    assert_neither_contains(&pdf, &docx, "Remise en main propre contre décharge");
}

#[test]
fn convocation_to_a_ccp_session_names_the_ccp() {
    let files = convocations(CCP);
    let (pdf, docx) = letter(&files, "kone");
    assert_both_contain(&pdf, &docx, "M. Ibrahim KONÉ");
    assert_both_contain(
        &pdf,
        &docx,
        "certificat de compétences professionnelles (CCP)",
    );
    assert_both_contain(
        &pdf,
        &docx,
        "« Préparer la paie et les déclarations sociales courantes » (CP-002501)",
    );
    assert_both_contain(&pdf, &docx, "qui se déroulera le mercredi 3 février 2027");
    assert_both_contain(&pdf, &docx, "le mercredi 3 février 2027 à 8 h 15");
    assert_both_contain(&pdf, &docx, "Vannes, le lundi 28 décembre 2026");
    // Not a title session, no clothing given.
    assert_neither_contains(&pdf, &docx, "votre dossier professionnel");
    assert_neither_contains(&pdf, &docx, "Tenue professionnelle");
}

#[test]
fn lot_holds_every_letter_each_on_a_recto() {
    for fixture in FIXTURES {
        let files = convocations(fixture);
        let ids = candidate_ids(fixture);
        let lot = pairs(&files, "convocations-lot", None);
        assert_eq!(lot.len(), 1, "{fixture}: one print file");
        assert_eq!(lot[0].0.entry.path, "convocations-lot.pdf");
        let (lot_pdf, lot_docx) = texts(lot[0]);

        // Each letter starts on an odd page: every letter but the last is
        // padded to an even number of pages.
        let pages: Vec<usize> = ids
            .iter()
            .map(|id| pdf_pages(&pairs(&files, "convocation", Some(id))[0].0.bytes))
            .collect();
        let last = pages.len() - 1;
        let expected: usize = pages
            .iter()
            .enumerate()
            .map(|(i, &n)| if i < last { n + n % 2 } else { n })
            .sum();
        assert_eq!(pdf_pages(&lot[0].0.bytes), expected, "{fixture}");

        for text in [&lot_pdf, &lot_docx] {
            assert_eq!(
                text.matches("Annexe 1 — Votre planning individuel").count(),
                ids.len(),
                "{fixture}: one letter per candidate"
            );
        }
        for id in &ids {
            let (pdf, docx) = letter(&files, id);
            // The recipient's block (first lines of the address) is in the lot.
            let text = std::fs::read_to_string(fixture_path(fixture)).unwrap();
            let (_, s) = session_from(&text);
            let c = s
                .candidats
                .value
                .iter()
                .find(|c| &c.id.value == id)
                .unwrap();
            for line in &c.adresse {
                assert_both_contain(&lot_pdf, &lot_docx, line);
                assert_both_contain(&pdf, &docx, line);
            }
        }
    }
}

/// Whether a PDF carries accessibility tags (pdfinfo's "Tagged:").
fn tagged(pdf: &[u8]) -> bool {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("doc.pdf");
    std::fs::write(&path, pdf).unwrap();
    let out = std::process::Command::new("pdfinfo")
        .arg(&path)
        .output()
        .unwrap();
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .any(|l| l.starts_with("Tagged:") && l.ends_with("yes"))
}

#[test]
fn the_print_batch_is_made_of_the_letters_pages() {
    let files = convocations(SC);
    let lot = pairs(&files, "convocations-lot", None)[0];
    let lot_pdf = pdf_text(&lot.0.bytes);
    // Each letter's own footer, with the candidate's name, in the batch:
    // the pages are the letters' own.
    for (id, name) in [
        ("amrani", "AMRANI Leïla"),
        ("lefevre", "LEFÈVRE-DUMAS Jean-Baptiste"),
        ("chevalier", "CHEVALIER Camille"),
    ] {
        let footer = format!("Convocation — {name} — session n° 375846");
        let letter = pdf_text(&pairs(&files, "convocation", Some(id))[0].0.bytes);
        assert!(letter.contains(&footer), "{letter}");
        assert_eq!(
            lot_pdf.matches(&footer).count(),
            letter.matches(&footer).count(),
            "{name}: every page of the letter, with its footer, is in the batch"
        );
    }
    // Letters go to people: tagged (PDF/UA). The batch goes to the printer.
    let letter = pairs(&files, "convocation", Some("amrani"))[0];
    assert!(tagged(&letter.0.bytes));
    assert!(!tagged(&lot.0.bytes));
}

#[test]
fn filter_keeps_only_the_asked_candidates() {
    let text = std::fs::read_to_string(fixture_path(SC)).unwrap();
    let (source, session) = session_from(&text);
    let mut options =
        sessiondoc::generate::GenerateOptions::all_into(std::path::Path::new("unused"));
    options.formats = vec![sessiondoc::generate::Format::Pdf];
    options.only = vec![Kind::Convocation, Kind::ConvocationsLot];
    options.candidats = vec!["bernard".to_owned()];
    let files = sessiondoc::generate::produce(&source, &session, &options).unwrap();
    let singles: Vec<_> = files
        .iter()
        .filter(|f| f.entry.kind == Kind::Convocation)
        .collect();
    assert_eq!(singles.len(), 1);
    assert_eq!(
        singles[0].entry.subject.candidat.as_deref(),
        Some("bernard")
    );
    let lot = files
        .iter()
        .find(|f| f.entry.kind == Kind::ConvocationsLot)
        .expect("a lot");
    let text = pdf_text(&lot.bytes);
    assert!(text.contains("M. Lucas BERNARD"));
    assert!(!text.contains("AMRANI"));
}

#[test]
fn user_text_prints_exactly_as_typed() {
    let text = std::fs::read_to_string(fixture_path(SC)).unwrap();
    let hostile = "{{ 7*7 }} *gras* #strong[x] <w:t>&amp; \\\"ok\\\" : ;";
    let text = text.replace(
        "amenagement: Tiers-temps supplémentaire sur l'épreuve écrite (avis médical du 12/10/2026)",
        &format!("amenagement: \"{hostile}\""),
    );
    assert!(text.contains("{{ 7*7 }}"));
    let files = produce_text(&text, &[Kind::Convocation]);
    let (pdf, docx) = letter(&files, "chevalier");
    assert_both_contain(
        &pdf,
        &docx,
        "{{ 7*7 }} *gras* #strong[x] <w:t>&amp; \"ok\" : ;",
    );
    assert_neither_contains(&pdf, &docx, "49");
}

#[test]
fn own_names_are_found_by_the_word_check() {
    // The check of foreign names would see a name if it were there.
    let files = convocations(SC);
    let (pdf, docx) = letter(&files, "chevalier");
    for text in [&pdf, &docx] {
        assert!(has_word(text, "CHEVALIER"));
        assert!(has_word(text, "Camille"));
        assert!(!has_word(text, "CHEVAL"));
    }
}

#[test]
fn the_responsable_signs_with_the_family_name_in_capitals_as_written() {
    // A particle written in lowercase stays so (« de SAINT-EXUPÉRY »).
    let text = std::fs::read_to_string(fixture_path(SC)).unwrap();
    let text = text.replacen("  nom: GARNIER\n", "  nom: de Saint-Exupéry\n", 1);
    assert!(text.contains("de Saint-Exupéry"));
    let files = produce_text(&text, &[Kind::Convocation]);
    let (pdf, docx) = letter(&files, "chevalier");
    assert_both_contain(&pdf, &docx, "Sophie de SAINT-EXUPÉRY");
    assert_neither_contains(&pdf, &docx, "DE SAINT-EXUPÉRY");
}

/// Why `kind` is refused with a centre's copy of `template` in which
/// `line` is left out: the start-up check of the kind's registered labels,
/// and composing it for the SC fixture (both must refuse).
fn refusals_without(template: &str, line: &str, kind: Kind) -> (Option<String>, Option<String>) {
    use sessiondoc::generate::{self, GenerateOptions};
    let dir = tempfile::tempdir().unwrap();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("templates");
    let text = std::fs::read_to_string(root.join(template)).unwrap();
    let lacking = text.replacen(line, "", 1);
    assert_ne!(lacking, text, "{line:?} is in {template}");
    std::fs::write(dir.path().join(template), lacking).unwrap();
    let wording = sessiondoc::wording::Wording::new(Some(dir.path())).unwrap();
    let checked = wording
        .check_labels(sessiondoc::compose::label_blocks(kind))
        .err()
        .map(|e| e.to_string());
    let (source, session) = session_from(&std::fs::read_to_string(fixture_path(SC)).unwrap());
    let mut options = GenerateOptions::all_into(std::path::Path::new("unused"));
    options.templates = Some(dir.path().to_path_buf());
    options.only = vec![kind];
    let composed = generate::compose(&source, &session, &options)
        .err()
        .map(|e| e.to_string());
    (checked, composed)
}

#[test]
fn a_centre_letter_template_lacking_a_label_is_refused_before_anything_is_composed() {
    for (template, line, kind, block, key) in [
        (
            "convocation.j2",
            "modifie = modifié\n",
            Kind::Convocation,
            "colonnes",
            "modifie",
        ),
        (
            "convocation.j2",
            "tenue = Tenue professionnelle\n",
            Kind::ConvocationsLot,
            "libelles",
            "tenue",
        ),
        (
            "convocation-jure.j2",
            "tous = Tous les candidats\n",
            Kind::ConvocationJure,
            "libelles",
            "tous",
        ),
        (
            "convocation-surveillant.j2",
            "candidat = Candidats\n",
            Kind::ConvocationSurveillant,
            "libelles",
            "candidat",
        ),
        (
            "livret-jure.j2",
            "suppleant = Suppléant(e)\n",
            Kind::LivretJure,
            "libelles",
            "suppleant",
        ),
        (
            "livret-surveillant.j2",
            "certification = Certification\n",
            Kind::LivretSurveillant,
            "libelles",
            "certification",
        ),
    ] {
        let (checked, composed) = refusals_without(template, line, kind);
        for err in [checked, composed] {
            let Some(err) = err else {
                panic!("{template} without {key} is accepted for {kind:?}");
            };
            assert!(
                err.contains(&format!("modèle « {template} »"))
                    && err.contains(&format!("« {key} »"))
                    && err.contains(&format!("bloc « {block} »")),
                "{err}"
            );
        }
    }
}
