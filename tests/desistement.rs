//! A candidate who withdraws keeps their entry with the day they did:
//! no more letters for them, their slots freed in the timetable and the
//! jurors' calendars, and the PVs show them absent, as for a convened
//! candidate who did not come.

use crate::common;

use common::*;
use sessiondoc::compose::Kind;

const TSMI: &str = "tsmi-avant-session.yaml";

/// The session before its days, Maëlle GUÉGUEN (c2) having withdrawn.
fn withdrawn() -> String {
    let text = std::fs::read_to_string(fixture(TSMI)).unwrap();
    let changed = text.replacen(
        "  - id: c2\n",
        "  - id: c2\n    desistement: 2027-02-10\n",
        1,
    );
    assert_ne!(changed, text);
    changed
}

#[test]
fn a_withdrawn_candidate_gets_no_letter_and_is_absent_on_the_pvs() {
    let files = produce_text(
        &withdrawn(),
        &[
            Kind::Convocation,
            Kind::FicheRenseignements,
            Kind::PvIndividuel,
            Kind::Affichage,
            Kind::ConvocationJure,
        ],
    );
    let of = |kind: &str, who: &str| {
        files
            .iter()
            .filter(|f| {
                f.entry.kind.name() == kind && f.entry.subject.candidat.as_deref() == Some(who)
            })
            .count()
    };
    assert_eq!(of("convocation", "c2"), 0, "no convocation");
    assert_eq!(of("fiche-renseignements", "c2"), 0, "no information sheet");
    assert_eq!(
        of("convocation", "c1"),
        2,
        "the others' letters, PDF and DOCX"
    );
    // Her PV: her access route and « Absent » ticked, nothing else.
    let (pdf, docx) = texts(pairs(&files, "pv-individuel", Some("c2"))[0]);
    for text in [&pdf, &docx] {
        assert_eq!(boxes(text).0, 2, "formation + absent in:\n{text}");
    }
    assert_both_contain(&pdf, &docx, "GUÉGUEN");
    // Her slots are freed: no longer posted, no longer in the jurors' calendars.
    let (pdf, docx) = texts(pairs(&files, "affichage", None)[0]);
    assert_neither_contains(&pdf, &docx, "GUÉGUEN");
    let ics = files
        .iter()
        .find(|f| f.entry.format == "ics" && f.entry.subject.jure.as_deref() == Some("bellec"))
        .unwrap();
    let ics = String::from_utf8(ics.bytes.clone()).unwrap();
    assert!(!ics.contains("-c2-"), "{ics}");
    assert!(ics.contains("-c1-"), "{ics}");
}

#[test]
fn the_pv_of_a_candidate_still_convened_is_left_blank() {
    let files = produce_text(&withdrawn(), &[Kind::PvIndividuel]);
    let (pdf, docx) = texts(pairs(&files, "pv-individuel", Some("c1"))[0]);
    for text in [&pdf, &docx] {
        assert_eq!(boxes(text).0, 1, "only the access route ticked in:\n{text}");
    }
}
