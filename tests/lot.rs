//! The print batch of convocations: each letter its own footer, naming
//! its candidate, in both formats.

use crate::common;

use common::*;
use sessiondoc::compose::Kind;

const SC: &str = "secretaire-comptable.yaml";

/// The text of a DOCX part's `w:t` runs, joined.
fn part_text(xml: &str) -> String {
    xml.split("<w:t")
        .skip(1)
        .filter_map(|s| s.split_once('>').and_then(|(_, r)| r.split_once("</w:t>")))
        .map(|(t, _)| t)
        .collect()
}

#[test]
fn each_letter_of_the_print_batch_has_its_own_footer_in_both_formats() {
    // The batch alone: laid out from its own sections, not the letters' pages.
    let files = produce(SC, &[Kind::ConvocationsLot]);
    let (pdf, docx) = pairs(&files, "convocations-lot", None)[0];
    let pdf = pdf_text(&pdf.bytes);
    let document = docx_part(&docx.bytes, "word/document.xml");
    // Each section (a letter) ends with its properties, naming its footer.
    let sections: Vec<&str> = document.split("</w:sectPr>").collect();
    let letters = &sections[..sections.len() - 1];
    assert_eq!(letters.len(), 6, "one section per letter");
    let mut footers = Vec::new();
    for body in letters {
        let id = body.rsplit("r:id=\"rIdFooter").next().unwrap();
        let n: String = id.chars().take_while(char::is_ascii_digit).collect();
        let footer = part_text(&docx_part(&docx.bytes, &format!("word/footer{n}.xml")));
        let name = footer
            .strip_prefix("Convocation — ")
            .and_then(|f| f.split(" — session").next())
            .unwrap_or_else(|| panic!("no name in the footer « {footer} »"))
            .to_owned();
        // The footer names the letter's own recipient.
        let surname = name.split(' ').next().unwrap();
        assert!(part_text(body).contains(surname), "{name}");
        assert!(
            pdf.contains(&format!("Convocation — {name} — session n° 375846")),
            "{pdf}"
        );
        footers.push(name);
    }
    footers.dedup();
    assert_eq!(footers.len(), 6, "{footers:?}");
}
