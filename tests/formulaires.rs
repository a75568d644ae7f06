//! The blank forms to fill by hand: a PV individuel, a PV de session page
//! and a fraud report, with nothing filled in.

use crate::common;

use common::*;
use sessiondoc::compose::Kind;

#[test]
fn the_blank_forms_hold_the_three_forms_with_every_box_empty() {
    for fixture in ["secretaire-comptable.yaml", "huit-ccp-trois-jours.yaml"] {
        let files = produce(fixture, &[Kind::FormulairesVierges]);
        let (pdf, docx) = texts(pairs(&files, "formulaires-vierges", None)[0]);
        for needle in [
            "PROCÈS-VERBAL INDIVIDUEL",
            "PROCÈS-VERBAL DE SESSION",
            "RAPPORT",
            "Signature du responsable de session",
        ] {
            assert_both_contain(&pdf, &docx, needle);
        }
        for text in [&pdf, &docx] {
            let (ticked, empty) = boxes(text);
            assert_eq!(ticked, 0, "{fixture}: nothing ticked on a blank form");
            assert!(empty > 20, "{fixture}: boxes to tick ({empty})");
        }
        // No candidate is named on a blank form.
        for name in ["AMRANI", "BERNARD Lucas", "NGUYEN", "1801008"] {
            assert_neither_contains(&pdf, &docx, name);
        }
    }
}

#[test]
fn the_blank_session_pv_has_a_short_column_for_each_ccp_and_its_legend() {
    let files = produce("huit-ccp-trois-jours.yaml", &[Kind::FormulairesVierges]);
    let (pdf, docx) = texts(pairs(&files, "formulaires-vierges", None)[0]);
    for n in 1..=8 {
        assert_both_contain(&pdf, &docx, &format!("CCP {n} : CP-00"));
    }
    assert_both_contain(
        &pdf,
        &docx,
        "CCP 8 : CP-002505 – Compétence professionnelle complémentaire numéro 5",
    );
}
