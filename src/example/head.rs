//! What every sample session shares: its fixed header (centre, titre,
//! dates) and its surveillant and rooms.

use std::fmt::Write as _;

/// The centre, authority, title, session and responsable of a fictitious
/// session; `{numero}` and `{fin}` are filled by [`push_header`].
const HEADER: &str = r#"# Session fictive générée pour les essais et les mesures.
centre:
  nom: Centre de formation d'essai
  site: Site principal
  adresse:
    - 1 rue de l'Essai
    - 75001 Paris
  ville: Paris
  telephone: "01 00 00 00 00"
autorite:
  nom: DDETS de Paris
  adresse:
    - 2 rue de l'Administration
    - 75002 Paris
titre:
  code: TP-00402
  intitule: Secrétaire comptable
  sigle: SC
  ccp:
    - code: CP-002498
      intitule: Assister une équipe dans la communication des informations et l'organisation des activités
    - code: CP-002499
      intitule: Traiter les opérations administratives liées à la gestion commerciale et aux ressources humaines
    - code: CP-002500
      intitule: Assurer les travaux courants de comptabilité
    - code: CP-002501
      intitule: Préparer la paie et les déclarations sociales courantes
session:
  numero: "{numero}"
  nature: titre
  debut: 2027-03-01
  fin: {fin}
  tenue: Tenue de ville correcte
  convocation:
    date: 2027-01-15
    mode: recommande
responsable:
  civilite: Mme
  nom: RESPONSABLE
  prenom: Sophie
  telephone: "01 00 00 00 01"
"#;

/// The fixed part of a fictitious session numbered `numero`, from 1 March
/// 2027 to `fin`.
pub(super) fn push_header(y: &mut String, numero: &str, fin: &str) {
    y.push_str(&HEADER.replace("{numero}", numero).replace("{fin}", fin));
}

/// The surveillant and the rooms of a fictitious session: a hall named
/// `hall`, the amphitheatre and `interview_rooms` interview rooms.
pub(super) fn surveillant_and_rooms(y: &mut String, hall: &str, interview_rooms: usize) {
    y.push_str(
        "surveillants:\n  - id: surv\n    civilite: M.\n    nom: SURVEILLANT\n    prenom: Henri\n",
    );
    let _ = write!(
        y,
        "salles:\n  - id: accueil\n    nom: {hall}\n  - id: amphi\n    nom: Amphithéâtre\n"
    );
    for r in 0..interview_rooms {
        let _ = writeln!(y, "  - id: s{r}\n    nom: Salle d'entretien {}", 100 + r);
    }
}
