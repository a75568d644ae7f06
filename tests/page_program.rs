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
