//! A fictitious session with no timetable yet, for the planner's tests and
//! `bench`: `n` candidates without a pair, six jurors, five days, three
//! tests.

use std::fmt::Write as _;

/// The session file's text.
pub fn unplanned_session(n: usize) -> String {
    let mut y = String::with_capacity(n * 300 + 4096);
    crate::example::push_header(&mut y, "900002", "2027-03-05");
    y.push_str("jures:\n");
    for j in 0..6 {
        let _ = writeln!(
            y,
            "  - id: j{j}\n    civilite: Mme\n    nom: JURE{j}\n    prenom: Claire\n    habilitation_fin: 2030-12-31"
        );
    }
    crate::example::surveillant_and_rooms(&mut y, "Hall", 3);
    y.push_str(
        r#"epreuves:
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
"#,
    );
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
