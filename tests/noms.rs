//! Family names are printed in capitals as written: a particle the file
//! writes in lowercase stays so (« de SAINT-EXUPÉRY »), in every document
//! and both formats.

use crate::common;

use common::{docx_text, fixture, pairs, pdf_text, produce_text};
use sessiondoc::compose::Kind;

#[test]
fn a_particle_written_in_lowercase_stays_so() {
    let text = std::fs::read_to_string(fixture("secretaire-comptable.yaml"))
        .unwrap()
        .replacen("    nom: AMRANI\n", "    nom: de SAINT-EXUPÉRY\n", 1)
        .replacen("  nom: LEJEUNE\n", "  nom: van der BERG\n", 1);
    let files = produce_text(
        &text,
        &[
            Kind::Convocation,
            Kind::PvIndividuel,
            Kind::PvSession,
            Kind::Affichage,
        ],
    );
    for (kind, who) in [
        ("convocation", Some("amrani")),
        ("pv-individuel", Some("amrani")),
        ("pv-session", None),
        ("affichage", None),
    ] {
        for (pdf, docx) in pairs(&files, kind, who) {
            for (format, said) in [
                ("pdf", pdf_text(&pdf.bytes)),
                ("docx", docx_text(&docx.bytes)),
            ] {
                // A line may break at the hyphen.
                let said = said.replace('\n', " ").replace('-', "");
                assert!(said.contains("de SAINTEXUPÉRY"), "{kind} {format}: {said}");
                assert!(!said.contains("DE SAINT"), "{kind} {format}: {said}");
                if kind.starts_with("pv") {
                    assert!(said.contains("van der BERG"), "{kind} {format}: {said}");
                }
            }
        }
    }
}

#[test]
fn a_particle_in_lowercase_sorts_under_the_name_itself() {
    // AMRANI, first by name, becomes « de SAINT-EXUPÉRY »: listed under S,
    // after NGUYEN, on the PV de session and the public list alike.
    let text = std::fs::read_to_string(fixture("secretaire-comptable.yaml"))
        .unwrap()
        .replacen("    nom: AMRANI\n", "    nom: de SAINT-EXUPÉRY\n", 1);
    let files = produce_text(&text, &[Kind::PvSession, Kind::ListeAdmis]);
    for kind in ["pv-session", "liste-admis"] {
        for (pdf, docx) in pairs(&files, kind, None) {
            for (format, said) in [
                ("pdf", pdf_text(&pdf.bytes)),
                ("docx", docx_text(&docx.bytes)),
            ] {
                let said = said.replace('\n', " ").replace('-', "");
                let saint = said.find("de SAINTEXUPÉRY");
                let nguyen = said.find("NGUYEN");
                assert!(
                    saint.is_some() && nguyen.is_some() && nguyen < saint,
                    "{kind} {format}: {said}"
                );
            }
        }
    }
}
