//! Large sample sessions, planned and with results, for `bench` and the
//! tests at scale (`sessiondoc exemple --candidats N`).

use std::fmt::Write as _;

use super::head::{push_header, surveillant_and_rooms};

const FIRST_NAMES: [&str; 12] = [
    "Camille", "Léa", "Hugo", "Inès", "Lucas", "Chloé", "Nathan", "Manon", "Théo", "Zoé", "Noé",
    "Éloïse",
];
const LAST_NAMES: [&str; 12] = [
    "MARTIN", "BERNARD", "DUBOIS", "THOMAS", "ROBERT", "RICHARD", "PETIT", "DURAND", "LEROY",
    "MOREAU", "SIMON", "LAURENT",
];

/// A valid session of `n` candidates over three days: a collective written
/// test on day 1, technical interviews on day 2, final interviews and the
/// deliberation on day 3; one jury pair and one room per 12 candidates;
/// results filled in.
pub fn large_session(n: usize) -> String {
    let n = n.max(1);
    let pairs = n.div_ceil(12);
    let mut y = String::with_capacity(n * 700 + 4096);
    push_header(&mut y, "900001", "2027-03-03");
    y.push_str("jures:\n");
    for j in 0..pairs * 2 {
        let _ = writeln!(
            y,
            "  - id: j{j}\n    civilite: {}\n    nom: JURE{j}\n    prenom: {}\n    habilitation_fin: 2030-12-31",
            if j % 2 == 0 { "Mme" } else { "M." },
            FIRST_NAMES[j % 12]
        );
    }
    surveillant_and_rooms(&mut y, "Hall d'accueil", pairs);
    y.push_str("candidats:\n");
    for i in 0..n {
        push_candidate(&mut y, i, pairs);
    }
    push_planning(&mut y, n, pairs);
    y
}

/// Candidate `i` of a large session, with a result: one in ten absent, two
/// in ten partly successful, one in ten failed, the others successful.
fn push_candidate(y: &mut String, i: usize, pairs: usize) {
    let pair = i % pairs;
    let (decision, ccp, obs) = match i % 10 {
        0 => ("absent", "[]", ""),
        1 | 2 => (
            "reussite_partielle",
            "[CP-002498, CP-002500]",
            "\n      observations: Le jury recommande de consolider la paie.",
        ),
        3 => (
            "echec",
            "[]",
            "\n      observations: Le jury préconise une formation complémentaire.",
        ),
        _ => (
            "reussite",
            "[CP-002498, CP-002499, CP-002500, CP-002501]",
            "",
        ),
    };
    let _ = writeln!(
        y,
        "  - id: c{i:05}\n    civilite: {}\n    nom: {}{i}\n    prenom: {}\n    identifiant: \"{}\"\n    voie: {}\n    adresse:\n      - {} rue des Essais\n      - 75010 Paris\n    jury: [j{}, j{}]\n    resultat:\n      decision: {decision}\n      ccp: {ccp}{obs}",
        if i.is_multiple_of(2) { "Mme" } else { "M." },
        LAST_NAMES[i % 12],
        FIRST_NAMES[(i / 12) % 12],
        2_000_000 + i,
        if i.is_multiple_of(7) {
            "vae"
        } else {
            "formation"
        },
        i + 1,
        pair * 2,
        pair * 2 + 1
    );
}

/// The slots of the first day: date, start, end, nature, title, and the
/// rest of the slot (room and people).
const DAY_ONE: [(&str, &str, &str, &str, &str, &str); 5] = [
    (
        "2027-03-01",
        "08:00",
        "08:30",
        "accueil",
        "Accueil des candidats",
        "\n    salle: accueil\n    candidats: tous\n    surveillants: [surv]",
    ),
    (
        "2027-03-01",
        "08:30",
        "12:30",
        "epreuve",
        "Épreuve écrite",
        "\n    salle: amphi\n    candidats: tous\n    surveillants: [surv]",
    ),
    (
        "2027-03-01",
        "12:30",
        "13:30",
        "pause",
        "Pause déjeuner",
        "",
    ),
    (
        "2027-03-01",
        "13:30",
        "14:00",
        "briefing",
        "Accueil et briefing du jury",
        "\n    salle: amphi\n    jures: tous",
    ),
    (
        "2027-03-01",
        "14:00",
        "17:30",
        "correction",
        "Correction des productions",
        "\n    salle: amphi\n    jures: tous",
    ),
];

/// The timetable: the first day's slots, each candidate's technical
/// interview on day 2 and final interview on day 3, then the deliberation.
fn push_planning(y: &mut String, n: usize, pairs: usize) {
    y.push_str("planning:\n");
    let slot = |y: &mut String,
                (date, debut, fin, nature, intitule, rest): (
        &str,
        &str,
        &str,
        &str,
        &str,
        &str,
    )| {
        let _ = writeln!(
            y,
            "  - date: {date}\n    debut: \"{debut}\"\n    fin: \"{fin}\"\n    nature: {nature}\n    intitule: {intitule}{rest}"
        );
    };
    for day_one in DAY_ONE {
        slot(y, day_one);
    }
    let hm = |minutes: usize| format!("{:02}:{:02}", minutes / 60, minutes % 60);
    for i in 0..n {
        let pair = i % pairs;
        let rank = i / pairs;
        let rest = format!(
            "\n    salle: s{pair}\n    candidats: [c{i:05}]\n    jures: [j{}, j{}]",
            pair * 2,
            pair * 2 + 1
        );
        let interviews = [
            ("2027-03-02", 30, "entretien", "Entretien technique"),
            ("2027-03-03", 20, "entretien_final", "Entretien final"),
        ];
        for (date, minutes, nature, intitule) in interviews {
            let start = 8 * 60 + rank * minutes;
            let (start, end) = (hm(start), hm(start + minutes));
            slot(y, (date, &start, &end, nature, intitule, &rest));
        }
    }
    let deliberation = (
        "2027-03-03",
        "13:00",
        "15:00",
        "deliberation",
        "Délibération du jury",
        "\n    salle: amphi\n    jures: tous",
    );
    slot(y, deliberation);
}
