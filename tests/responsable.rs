//! The responsable's own papers (preparation guide, session-day checklist,
//! letters to the DDETS), the jurors' and surveillants' convocations with
//! their calendar files, and the candidates' information sheets: read back
//! from the PDF and the DOCX, the calendars parsed by an iCalendar parser.

use crate::common;

use common::*;
use sessiondoc::compose::Kind;
use sessiondoc::output::Produced;

const SC: &str = "secretaire-comptable.yaml";

fn sc() -> String {
    std::fs::read_to_string(fixture(SC)).unwrap()
}

/// The (pdf, docx) texts of the one document of `kind` about `who`.
fn texts_of(files: &[Produced], kind: &str, who: Option<&str>) -> (String, String) {
    let of = |format: &str| -> &Produced {
        let found: Vec<&Produced> = files
            .iter()
            .filter(|f| f.entry.kind.name() == kind && f.entry.format == format)
            .filter(|f| {
                let e = &f.entry;
                who.is_none()
                    || [&e.subject.jure, &e.subject.surveillant, &e.subject.candidat]
                        .iter()
                        .any(|id| id.as_deref() == who)
            })
            .collect();
        assert_eq!(found.len(), 1, "one {format} {kind} for {who:?}");
        found[0]
    };
    (pdf_text(&of("pdf").bytes), docx_text(&of("docx").bytes))
}

fn both(texts: &(String, String), needles: &[&str]) {
    for n in needles {
        assert_both_contain(&texts.0, &texts.1, n);
    }
}

fn neither(texts: &(String, String), needles: &[&str]) {
    for n in needles {
        assert_neither_contains(&texts.0, &texts.1, n);
    }
}

#[test]
fn the_preparation_guide_is_filled_in_with_its_deadlines() {
    let files = produce(SC, &[Kind::Preparation]);
    assert!(files.iter().all(|f| f.entry.kind == Kind::Preparation));
    let t = texts_of(&files, "preparation", None);
    both(
        &t,
        &[
            "Centre de formation Côte Ouest",
            "Site de Cherbourg-en-Cotentin",
            "TP-00402 – Secrétaire comptable",
            "Formation : 5 — VAE : 1",
            "Mme Sophie GARNIER",
            "M. Thomas LEBRUN",
            "Réglementaire",
            "Conseil",
            "Fait le",
            "Observations",
            // Three months before Monday 11 January 2027 is Sunday 11
            // October: the Friday before; and 15 days after the 12th.
            "09/10/2026",
            "27/01/2027",
            "Conserver les documents relatifs aux candidats",
        ],
    );
}

#[test]
fn the_preparation_guide_has_the_millesime_and_every_regulatory_task() {
    let text = sc().replacen(
        "  numero: \"375846\"\n",
        "  numero: \"375846\"\n  millesime: \"2024\"\n",
        1,
    );
    let t = texts_of(
        &produce_text(&text, &[Kind::Preparation]),
        "preparation",
        None,
    );
    both(
        &t,
        &[
            "Millésime",
            "Informer la DDETS en cas de délégation de responsabilité.",
            "En cas de remplacement exceptionnel du responsable de session, informer la DDETS.",
            "constater les absences, en informer le jury et les consigner au PV de session",
            "Établir les procès-verbaux de la session.",
            // The pli not received 4 weeks before Monday 11 January.
            "14/12/2026",
        ],
    );
    // The DOCX reads the header row by row; the PDF, column by column.
    assert!(t.1.contains("Millésime 2024"), "{}", t.1);
    assert!(t.0.contains("2024") && !sc().contains("2024"), "{}", t.0);
}

#[test]
fn the_day_checklist_names_who_is_expected_each_day() {
    let t = texts_of(&produce(SC, &[Kind::JourJ]), "jour-j", None);
    both(
        &t,
        &[
            "Le jour de la session — lundi 11 janvier 2027",
            "Le jour de la session — mardi 12 janvier 2027",
            "LEJEUNE Claire, MOREAU Patrick",
            "PETIT Henri",
            "AMRANI Leïla",
            "LEFÈVRE-DUMAS Jean-Baptiste",
            "la session est annulée",
            "sans que l'heure de fin de l'épreuve soit modifiée",
            "Aucun formateur des candidats sur le plateau technique",
            "Grilles d'évaluation remplies par le jury et livrets ECF des candidats conservés cinq ans",
            "signé par chaque juré et par le surveillant",
        ],
    );
    assert!(boxes(&t.0).1 >= 20, "boxes to tick");
}

/// Each day's part of a day checklist's text, in order.
fn each_day(text: &str) -> Vec<String> {
    text.split("Le jour de la session — ")
        .skip(1)
        .map(str::to_owned)
        .collect()
}

#[test]
fn the_day_checklist_has_each_day_s_own_checks() {
    // Eight CCPs over three days, the jury's briefing and correction taken
    // off the first day: a day without jury, then interviews, then the
    // final interviews and the deliberation.
    let text = std::fs::read_to_string(fixture("huit-ccp-trois-jours.yaml")).unwrap();
    let start = text
        .find("  - date: 2027-01-11\n    debut: \"13:30\"")
        .unwrap();
    let end = text.find("  # Jour 2").unwrap();
    let text = format!("{}{}", &text[..start], &text[end..]);
    let (pdf, docx) = texts_of(&produce_text(&text, &[Kind::JourJ]), "jour-j", None);
    let (pdf, docx) = (each_day(&pdf), each_day(&docx));
    assert_eq!((pdf.len(), docx.len()), (3, 3), "three days:\n{pdf:#?}");
    let days: Vec<(String, String)> = pdf.into_iter().zip(docx).collect();
    let welcome = [
        "pièce d'identité, adresse postale, convocation",
        "vêtement de travail (Tenue de ville correcte), équipement de protection, outillage, habilitation particulière (permis…) lorsque le titre l'exige",
        "convocation, notification de recevabilité pour les candidats en VAE ;",
    ];
    for day in &days {
        both(day, &welcome);
    }
    // Day 1: the written test, surveilled, the subjects opened; no juror.
    both(
        &days[0],
        &[
            "lundi 11 janvier 2027",
            "Plis vérifiés cachetés",
            "DTE candidat remis aux candidats",
            "Surveillant présent et informé des conditions de surveillance et des dispositions à appliquer en cas de fraude : PETIT Henri",
            "Temps supplémentaire : CHEVALIER-DE-LA-GRANDE-COMBE Camille, Mise en situation professionnelle (épreuve écrite sur poste informatique), fin à 13 h 50 au lieu de 12 h 30.",
            "Sujets et DTE ramassés auprès des candidats",
        ],
    );
    neither(
        &days[0],
        &[
            "procès-verbal de carence",
            "membres du jury",
            "en présence du jury",
            "PV de session contresigné",
        ],
    );
    // Day 2: the jury, no subjects opened, no surveillant, no closing.
    both(
        &days[1],
        &[
            "LEJEUNE Claire",
            "procès-verbal de carence",
            "Identité des jurés vérifiée",
        ],
    );
    neither(
        &days[1],
        &[
            "Plis vérifiés",
            "Surveillant",
            "PV de session contresigné",
            "Temps supplémentaire :",
            "Sujets et DTE ramassés",
        ],
    );
    // Day 3: the deliberation and the closing of the PVs.
    both(
        &days[2],
        &[
            "Jury délibérant hors de toute autre présence",
            "PV de session contresigné par le responsable de session",
            "livrets ECF des candidats conservés cinq ans",
            "Dossiers professionnels rendus aux candidats",
        ],
    );
    neither(&days[2], &["Plis vérifiés", "Surveillant présent"]);
    for day in &days[..2] {
        neither(day, &["Jury délibérant", "PV de session contresigné"]);
    }
}

#[test]
fn the_letters_leave_blank_what_is_not_known_and_count_every_route() {
    // Before the session: the number of fraud reports is not known yet.
    let files = produce("tsmi-avant-session.yaml", &[Kind::TransmissionPv]);
    let transmission = texts_of(&files, "transmission-pv", None);
    both(&transmission, &["……… rapport(s) de fraude ;"]);
    neither(&transmission, &["aucun rapport de fraude", "aucune fraude"]);
    // A candidate by équivalence is counted with the others, and the
    // declaration is dated the day it is produced, not its deadline.
    let text = sc().replacen("voie: formation", "voie: equivalence", 1);
    let files = produce_text(&text, &[Kind::DeclarationSession]);
    let declaration = texts_of(&files, "declaration-session", None);
    let today = sessiondoc::fr::long_date(sessiondoc::model::Date::today());
    both(
        &declaration,
        &[
            "Nombre de candidats : 6, dont 4 issus de formation, 1 en VAE et 1 par équivalence.",
            &format!("Fait à Cherbourg-en-Cotentin, le {today}"),
        ],
    );
    neither(&declaration, &["le vendredi 9 octobre 2026"]);
    // Each paragraph of the letter its own.
    let docx = files
        .iter()
        .find(|f| f.entry.kind == Kind::DeclarationSession && f.entry.format == "docx")
        .unwrap();
    let xml = docx_part(&docx.bytes, "word/document.xml");
    assert!(xml.contains("M. Thomas LEBRUN.</w:t>"), "{xml}");
    assert!(!xml.contains("LEBRUN. Vous trouverez"), "{xml}");
}

#[test]
fn the_letters_to_the_ddets_say_what_the_rules_ask() {
    let files = produce(
        SC,
        &[
            Kind::DeclarationSession,
            Kind::TransmissionPv,
            Kind::PvCarence,
        ],
    );
    let declaration = texts_of(&files, "declaration-session", None);
    both(
        &declaration,
        &[
            "DDETS de la Manche — Service certification",
            "477 boulevard de la Dollée",
            "dont 5 issus de formation et 1 en VAE",
            "du lundi 11 janvier 2027 au mardi 12 janvier 2027",
            "Responsable de session : Mme Sophie GARNIER",
            "Responsable de session suppléant : M. Thomas LEBRUN",
            "Annexe — Planning et organisation",
            "Délibération du jury",
            "8 h 30 – 12 h 30",
        ],
    );
    let transmission = texts_of(&files, "transmission-pv", None);
    both(
        &transmission,
        &[
            "l'original du procès-verbal de session",
            "6 procès-verbaux individuels",
            "aucun rapport de fraude",
            "Les résultats de la session sont enregistrés dans CERES",
            "Cachet du centre",
        ],
    );
    neither(&transmission, &["À poster", "au plus tard"]);
    let carence = texts_of(&files, "pv-carence", None);
    both(
        &carence,
        &[
            "Procès-verbal de carence de jury",
            "LEJEUNE Claire",
            "HADDAD Samira",
            "La session est reportée au",
            "DDETS de la Manche",
        ],
    );
    // Nobody's private details go to the DDETS in these letters.
    neither(&declaration, &["1801008", "8 allée des Tilleuls"]);
}

#[test]
fn the_pv_de_carence_says_what_becomes_of_the_subjects_and_who_came() {
    let files = produce(SC, &[Kind::PvCarence]);
    let carence = texts_of(&files, "pv-carence", None);
    both(
        &carence,
        &[
            "Les candidats convoqués, et ceux qui se sont présentés",
            "Candidat convoqué",
            "AMRANI Leïla",
            "LEFÈVRE-DUMAS Jean-Baptiste",
            "Les plis d'examen n'ont pas été ouverts : ils restent cachetés",
            "renvoyés au service expéditeur si la session est annulée",
        ],
    );
    assert!(
        boxes(&carence.0).1 >= 2 * 6 + 2 * 4,
        "a box per candidate and juror"
    );
}

#[test]
fn a_fraud_is_counted_in_the_cover_letter() {
    let files = produce("ccp-paie-fraude.yaml", &[Kind::TransmissionPv]);
    let t = texts_of(&files, "transmission-pv", None);
    both(&t, &["1 rapport de fraude"]);
    neither(&t, &["aucun rapport de fraude"]);
}

#[test]
fn each_juror_and_surveillant_is_convened_to_their_own_slots() {
    let files = produce(SC, &[Kind::ConvocationJure, Kind::ConvocationSurveillant]);
    let lejeune = texts_of(&files, "convocation-jure", Some("lejeune"));
    both(
        &lejeune,
        &[
            "Convocation du membre du jury",
            "Mme Claire LEJEUNE",
            "Vous êtes convoquée en qualité de membre du jury",
            "Salle d'entretien 105",
            "Entretien technique",
            "AMRANI Leïla",
            "dossier technique d'évaluation (DTE) jury",
            "lien personnel ou professionnel",
            "02 33 00 12 40",
        ],
    );
    // Not the other pair's room nor candidates.
    neither(&lejeune, &["Salle d'entretien 106", "DIALLO Mamadou"]);
    let petit = texts_of(&files, "convocation-surveillant", Some("petit"));
    both(
        &petit,
        &[
            "Convocation du surveillant",
            "M. Henri PETIT",
            "pour assurer la surveillance des épreuves",
            "Salle informatique 204",
            "livret du surveillant",
        ],
    );
    let count = |kind: &str, format: &str| {
        files
            .iter()
            .filter(|f| f.entry.kind.name() == kind && f.entry.format == format)
            .count()
    };
    assert_eq!(count("convocation-jure", "pdf"), 4);
    assert_eq!(count("convocation-jure", "ics"), 4);
    assert_eq!(count("convocation-surveillant", "ics"), 1);
}

#[test]
fn the_information_sheet_shows_what_is_known_with_room_to_correct() {
    let with_contact = sc().replacen(
        "    adresse:\n      - 8 allée des Tilleuls",
        "    telephone: \"06 12 34 56 78\"\n    email: leila.amrani@example.fr\n    adresse:\n      - 8 allée des Tilleuls",
        1,
    );
    assert_ne!(with_contact, sc());
    let files = produce_text(&with_contact, &[Kind::FicheRenseignements]);
    let amrani = texts_of(&files, "fiche-renseignements", Some("amrani"));
    both(
        &amrani,
        &[
            "Fiche de renseignements du candidat",
            "AMRANI",
            "Leïla",
            "17/03/1994",
            "8 allée des Tilleuls, 50100",
            "leila.amrani@example.fr",
            "06 12 34 56 78",
            "Correction éventuelle",
            "Signature du candidat",
        ],
    );
    neither(&amrani, &["BERNARD", "1801015"]);
    let chevalier = texts_of(&files, "fiche-renseignements", Some("chevalier"));
    both(&chevalier, &["ROUSSEAU", "CHEVALIER", "Camille"]);
    // One sheet per candidate.
    let sheets = files.iter().filter(|f| f.entry.format == "pdf").count();
    assert_eq!(sheets, 6);
}

#[test]
fn every_new_kind_is_known_to_only() {
    for name in [
        "preparation",
        "jour-j",
        "declaration-session",
        "transmission-pv",
        "pv-carence",
        "convocation-jure",
        "convocation-surveillant",
        "fiche-renseignements",
    ] {
        let kind = Kind::from_name(name).unwrap_or_else(|| panic!("{name} is a kind"));
        let files = produce(SC, &[kind]);
        assert!(!files.is_empty(), "{name} makes something");
        assert!(
            files.iter().all(|f| f.entry.kind.name() == name),
            "{name} only"
        );
    }
}
