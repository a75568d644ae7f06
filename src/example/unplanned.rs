//! Fictitious sessions with no timetable yet, for the planner's tests,
//! `bench` and `exemple --a-planifier`: `n` candidates without a pair,
//! three tests, jurors and days in proportion.

use std::fmt::Write as _;

use super::head::{push_header, surveillant_and_rooms};

/// The session file's text: six jurors, five days (1 to 5 March 2027).
pub fn unplanned_session(n: usize) -> String {
    session_of(n, 6, "2027-03-05")
}

/// A session sized for `n` candidates: six jurors and five days up to 60
/// candidates, twelve jurors and five days up to 120, sixteen jurors and
/// ten days (1 to 12 March 2027) beyond.
pub fn sized_session(n: usize) -> String {
    match n {
        0..=60 => session_of(n, 6, "2027-03-05"),
        61..=120 => session_of(n, 12, "2027-03-05"),
        _ => session_of(n, 16, "2027-03-12"),
    }
}

/// `n` candidates, `jurors` jurors, one interview room per pair, from
/// 1 March 2027 to `last_day`.
fn session_of(n: usize, jurors: usize, last_day: &str) -> String {
    let mut y = String::with_capacity(n * 300 + 4096);
    push_header(&mut y, "900002", last_day);
    y.push_str("jures:\n");
    for j in 0..jurors {
        let _ = writeln!(
            y,
            "  - id: j{j}\n    civilite: Mme\n    nom: JURE{j}\n    prenom: Claire\n    habilitation_fin: 2030-12-31"
        );
    }
    let rooms = (jurors / 2).max(1);
    surveillant_and_rooms(&mut y, "Hall", rooms);
    let listed: Vec<String> = (0..rooms).map(|r| format!("s{r}")).collect();
    let tests = TESTS.replace("[s0, s1, s2]", &format!("[{}]", listed.join(", ")));
    y.push_str(&tests);
    for i in 0..n {
        let _ = writeln!(
            y,
            "  - id: c{i:05}\n    civilite: M.\n    nom: NOM{i}\n    prenom: Hugo\n    identifiant: \"{}\"\n    voie: formation\n    adresse: [{} rue des Essais, 75010 Paris]\n    jury: []",
            3_000_000 + i,
            i + 1
        );
    }
    y.push_str("planning: []\n");
    y
}

/// The three tests, rooms `s0` to `s2` (replaced by the session's).
const TESTS: &str = r#"epreuves:
  - intitule: Épreuve écrite
    nature: epreuve
    duree: "03:00"
    passage: ensemble
    salles: [amphi]
    encadrement: surveillant
  - intitule: Entretien technique
    nature: entretien
    duree: "00:45"
    passage: individuel
    salles: [s0, s1, s2]
    encadrement: jury
  - intitule: Entretien final
    nature: entretien_final
    duree: "00:20"
    passage: individuel
    salles: [s0, s1, s2]
    encadrement: jury
candidats:
"#;
