//! The page program's shortcuts change no byte of the PDF: every document
//! of a fixture rendered by the embedded program and by the same program
//! written with the plain constructs the shortcuts replace gives the same
//! file (`docs/temps.md`, third pass).

use sessiondoc::page::PROGRAM;
use sessiondoc::render::pdf::PdfRenderer;
use sessiondoc::render::{RenderContext, Renderer};

/// Each shortcut of `templates/document.typ`, with the plain construct it
/// stands for.
const SHORTCUTS: [(&str, &str); 2] = [
    (
        r#"#let lines-of(s) = if s.contains("\n") { s.split("\n").map(l => [#l]).join(linebreak()) } else { [#s] }"#,
        r#"#let lines-of(s) = s.split("\n").map(l => [#l]).join(linebreak())"#,
    ),
    (
        r#"    if p.align == "center" or p.align == "right" {
      align(aligns.at(p.align), if body == none { [] } else { body })
    } else if body == none { [] } else { body },"#,
        r#"    align(aligns.at(p.align), if body == none { [] } else { body }),"#,
    ),
];

#[test]
fn the_page_program_s_shortcuts_change_no_byte_of_the_pdf() {
    let plain = SHORTCUTS
        .iter()
        .fold(PROGRAM.to_owned(), |program, (short, plain)| {
            assert!(
                program.contains(short),
                "raccourci absent du programme de page\u{a0}: {short}"
            );
            program.replace(short, plain)
        });
    let ours = PdfRenderer::new(None);
    let reference = PdfRenderer::new(Some(plain));
    let documents = crate::composers::composed("secretaire-comptable.yaml");
    assert!(documents.len() > 40, "{} documents", documents.len());
    for c in &documents {
        let a = ours.render(&RenderContext::new(&c.document)).unwrap();
        let b = reference.render(&RenderContext::new(&c.document)).unwrap();
        assert!(a.bytes == b.bytes, "« {} » diffère", c.document.title);
    }
}

/// The footer as it was: one footer for the whole document, asking which
/// section its page is in, and the number beside the text in one `context`
/// (which holds the document's data, so that no two documents place it
/// alike). Each piece of the program, then the piece it replaces.
const WHOLE_DOCUMENT_FOOTER: [(&str, &str); 4] = [
    (
        r#"#let page-label = doc.page_label
#let page-number(x, y) = [#page-label #x / #y]
#let section-footer(i, footer-text) = if numbered-later {
  context {
    // The room the number will take, kept free.
    let width = measure(page-number(8888, 8888)).width
    set text(size: small-size, fill: muted)
    footer-rule
    v(-1.5mm)
    grid(columns: (1fr, width), column-gutter: 4mm, [#footer-text], [])
  }
} else {
  set text(size: small-size, fill: muted)
  footer-rule
  v(-1.5mm)
  grid(columns: (1fr, auto), column-gutter: 4mm,
    [#footer-text],
    context page-number(counter(page).get().first(),
      counter(page).at(label("section-end-" + str(i))).first()))
}"#,
        r#"#let section = counter("section")
#let page-number(x, y) = [#doc.page_label #x / #y]
#let page-footer = context {
  let i = section.get().first()
  let x = counter(page).get().first()
  let y = if numbered-later { x } else {
    counter(page).at(label("section-end-" + str(i))).first()
  }
  let own = doc.sections.at(i).at("footer", default: none)
  let footer-text = if own == none { doc.footer } else { own }
  if x <= y {
    set text(size: small-size, fill: muted)
    footer-rule
    v(-1.5mm)
    if numbered-later {
      grid(columns: (1fr, measure(page-number(8888, 8888)).width), column-gutter: 4mm,
        [#footer-text], [])
    } else {
      grid(columns: (1fr, auto), column-gutter: 4mm,
        [#footer-text],
        page-number(x, y))
    }
  }
}"#,
    ),
    (
        r#"#let section = counter("section")
#let padding-footer = if numbered-later {
  context {
    let own = doc.sections.at(section.get().first()).at("footer", default: none)
    section-footer(none, if own == none { doc.footer } else { own })
  }
} else { context none }"#,
        "",
    ),
    ("  footer: padding-footer,", "  footer: page-footer,"),
    (
        r#"  let own = s.at("footer", default: none)
  set page(flipped: s.landscape,
    footer: section-footer(i, if own == none { doc.footer } else { own }))"#,
        "  set page(flipped: s.landscape)",
    ),
];

#[test]
fn a_document_laid_out_after_one_like_it_takes_one_pass_and_the_same_bytes() {
    let before =
        WHOLE_DOCUMENT_FOOTER
            .iter()
            .fold(PROGRAM.to_owned(), |program, (ours, before)| {
                assert!(
                    program.contains(ours),
                    "morceau absent du programme de page\u{a0}: {ours}"
                );
                program.replace(ours, before)
            });
    let ours = PdfRenderer::new(None);
    let reference = PdfRenderer::new(Some(before));
    let documents = crate::composers::composed("secretaire-comptable.yaml");
    let mut chunks = 0;
    for c in &documents {
        let a = ours.render(&RenderContext::new(&c.document)).unwrap();
        let b = reference.render(&RenderContext::new(&c.document)).unwrap();
        assert!(a.bytes == b.bytes, "« {} » diffère", c.document.title);
        let (a, _) = ours.render_chunk(&c.document).unwrap();
        let (b, _) = reference.render_chunk(&c.document).unwrap();
        assert!(
            a.bytes == b.bytes,
            "« {} » (morceau) diffère",
            c.document.title
        );
        chunks += 1;
    }
    let laid_out = documents.len() + chunks;
    // Every document of the old program took two passes; with ours, only
    // the first of a kind and those whose pages differ from the last one's.
    assert_eq!(reference.passes(), 2 * laid_out);
    assert!(
        ours.passes() * 10 < reference.passes() * 7,
        "{} passes pour {laid_out} mises en page",
        ours.passes()
    );
}
