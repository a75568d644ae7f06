//! A signature never alone on a page: whatever the length of what comes
//! before it, the closing and the signature stay on the page of the last
//! lines they sign, in the convocations, the day checklist and the PV de
//! session. Each case grows a text word by word, so that the page break
//! falls at every place of the document's end in turn.

use crate::common;

use common::*;
use sessiondoc::compose::Kind;

const SC: &str = "secretaire-comptable.yaml";
/// The candidate whose adapted conditions grow.
const ADAPTED: &str = "chevalier";
/// The last word of the text that grows, to find its last line.
const END: &str = "FINDUTEXTE";

/// The page's words between the running header and footer of a portrait
/// page (below the header's rule, 20 mm from the bottom).
fn body(page: &[Word]) -> Vec<&str> {
    page.iter()
        .filter(|w| w.y0 > 55.0 && w.y0 < 842.0 - 57.0)
        .map(|w| w.text.as_str())
        .collect()
}

/// The reference session with `words` more words, then [`END`], at the end
/// of the text `after` starts (a line of the file).
fn grown(after: &str, words: usize) -> String {
    let text = std::fs::read_to_string(fixture(SC)).unwrap();
    let more = " mot".repeat(words);
    let at = text.find(after).unwrap_or_else(|| panic!("{after}")) + after.len();
    let end = text[at..].find('\n').unwrap() + at;
    format!("{}{more} {END}{}", &text[..end], &text[end..])
}

#[test]
fn the_closing_of_a_candidate_s_letter_stays_with_its_last_lines() {
    // A candidate's adapted conditions, the letter's last paragraph before
    // the closing, grow until the letter runs onto a second page.
    let mut crossed = false;
    for words in (0..200).step_by(8) {
        let text = grown("    amenagement: Tiers-temps", words)
            .replace("Tiers-temps supplémentaire", "Poste adapté");
        let files = produce_text(&text, &[Kind::Convocation]);
        for (pdf, _) in pairs(&files, "convocation", Some(ADAPTED)) {
            let pages = pdf_words(&pdf.bytes);
            // The signature, the letter's last lines.
            let signed = pages
                .iter()
                .position(|p| body(p).join(" ").contains("GARNIER Responsable de session"))
                .unwrap_or_else(|| panic!("{}: no signature", pdf.entry.path));
            let page = body(&pages[signed]).join(" ");
            crossed |= signed > 0;
            assert!(
                page.contains(END) && page.contains("distinguées"),
                "{} ({words} words): the closing on page {} without the last lines: {page}",
                pdf.entry.path,
                signed + 1
            );
        }
    }
    assert!(crossed, "the letter never ran onto a second page");
}

#[test]
fn a_signature_box_is_never_alone_on_the_last_page() {
    // A juror's test title grows: the juror's convocation and the day
    // checklist list it, and end with the responsable's signature.
    let cases = [
        (
            Kind::ConvocationJure,
            "convocation-jure",
            "GARNIER, responsable de session",
        ),
        (Kind::JourJ, "jour-j", "(date et signature)"),
    ];
    for words in (0..160).step_by(4) {
        let text = grown("    intitule: Entretien technique", words);
        let kinds: Vec<Kind> = cases.iter().map(|c| c.0).collect();
        let files = produce_text(&text, &kinds);
        for (_, kind, caption) in cases {
            for (pdf, _) in pairs(&files, kind, None) {
                let pages = pdf_words(&pdf.bytes);
                let signed = pages
                    .iter()
                    .rposition(|p| body(p).join(" ").contains(caption))
                    .unwrap_or_else(|| panic!("{}: no signature", pdf.entry.path));
                let last = body(&pages[signed]);
                let text = last.join(" ");
                let caption_words = caption.split_whitespace().count() + 4;
                assert!(
                    last.len() > caption_words + 6,
                    "{} ({words} words): the signature alone on page {}: {text}",
                    pdf.entry.path,
                    signed + 1
                );
            }
        }
    }
}
