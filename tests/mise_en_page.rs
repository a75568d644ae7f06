//! A long session-wide document laid out in chunks and joined: one file,
//! numbered through, still PDF/A-2b and PDF/UA-1 (its structure tree read
//! back: every page's marked content belongs to exactly one element).

use crate::common;

use std::collections::HashMap;
use std::path::Path;
use std::process::Command;

use lopdf::{Document, Object, ObjectId};
use sessiondoc::compose::Kind;
use sessiondoc::generate::{self, Format, GenerateOptions};
use sessiondoc::render::pdf::PdfRenderer;
use sessiondoc::render::pdf::chunks::{CHUNK_WEIGHT, CHUNKED_FROM, split, weight};
use sessiondoc::render::{RenderContext, Renderer};

use common::*;

/// The sign-in sheets of a session large enough to be laid out in chunks,
/// and the same document laid out whole.
fn sheets() -> (Vec<u8>, Vec<u8>, usize) {
    let text = sessiondoc::example::large_session(500);
    let (source, session) = session_from(&text);
    let mut options = GenerateOptions::all_into(Path::new("unused"));
    options.formats = vec![Format::Pdf];
    options.only = vec![Kind::Emargement];
    let composition = generate::compose(&source, &session, &options).unwrap();
    let doc = &composition.documents[0].document;
    assert!(weight(doc) >= CHUNKED_FROM, "large enough to be chunked");
    let chunks = split(doc, CHUNK_WEIGHT).len();
    assert!(chunks > 2, "{chunks} chunks");
    let files = generate::render_all(
        &composition,
        &generate::Kept::default(),
        &options.formats,
        false,
        Ok,
    )
    .unwrap();
    let whole = PdfRenderer::new(None)
        .render(&RenderContext::new(doc))
        .unwrap();
    (files[0].bytes.clone(), whole.bytes, chunks)
}

fn tool(name: &str, args: &[&str], pdf: &Path) -> String {
    let out = Command::new(name).args(args).arg(pdf).output().unwrap();
    assert!(
        out.status.success(),
        "{name}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn chunks_joined_say_what_the_whole_says_numbered_through_and_tagged() {
    let (joined, whole, _) = sheets();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("emargement.pdf");
    std::fs::write(&path, &joined).unwrap();
    // The same text, page for page, footers « page x / n » included.
    assert_eq!(pdf_text(&joined), pdf_text(&whole));
    let n = pdf_pages(&whole);
    let text = pdf_text(&joined);
    for x in [1, 2, n / 2, n] {
        assert!(text.contains(&format!("page {x} / {n}")), "page {x} / {n}");
    }
    assert!(
        !text.contains("page 1 / 1\n"),
        "no chunk numbered on its own"
    );
    tool("qpdf", &["--check"], &path);
    let info = tool("pdfinfo", &[], &path);
    assert!(info.contains("Tagged:          yes"), "{info}");
    assert!(info.contains(&format!("Pages:           {n}\n")), "{info}");
    let fonts = tool("pdffonts", &[], &path);
    for line in fonts.lines().skip(2) {
        let columns: Vec<&str> = line.split_whitespace().collect();
        assert_eq!(columns[columns.len() - 5], "yes", "embedded: {line}");
    }
}

#[test]
fn the_joined_catalog_and_metadata_keep_pdf_a_and_ua() {
    let (joined, _, _) = sheets();
    let doc = Document::load_mem(&joined).unwrap();
    let catalog = doc.catalog().unwrap();
    assert_eq!(catalog.get(b"Lang").unwrap().as_str().unwrap(), b"fr-FR");
    let marked = catalog.get(b"MarkInfo").unwrap().as_dict().unwrap();
    assert!(marked.get(b"Marked").unwrap().as_bool().unwrap());
    let prefs = catalog
        .get(b"ViewerPreferences")
        .unwrap()
        .as_dict()
        .unwrap();
    assert!(prefs.get(b"DisplayDocTitle").unwrap().as_bool().unwrap());
    let intents = doc
        .dereference(catalog.get(b"OutputIntents").unwrap())
        .unwrap()
        .1;
    assert_eq!(intents.as_array().unwrap().len(), 1, "one output intent");
    let metadata = catalog.get(b"Metadata").unwrap().as_reference().unwrap();
    let xmp = doc.get_object(metadata).unwrap().as_stream().unwrap();
    let xmp = String::from_utf8(xmp.content.clone()).unwrap();
    let pages = doc.get_pages().len();
    assert!(xmp.contains("<pdfuaid:part>1</pdfuaid:part>"));
    assert!(xmp.contains("<pdfaid:part>2</pdfaid:part>"));
    assert!(xmp.contains(&format!("<xmpTPg:NPages>{pages}</xmpTPg:NPages>")));
    let raw = String::from_utf8_lossy(&joined);
    assert_eq!(raw.matches("<x:xmpmeta").count(), 1, "one XMP packet");
}

/// The marked-content identifiers a page's content shows.
fn mcids(doc: &Document, page: ObjectId) -> Vec<i64> {
    let content = doc.get_page_content(page);
    let content = lopdf::content::Content::decode(&content).unwrap();
    content
        .operations
        .iter()
        .filter(|op| op.operator == "BDC")
        .filter_map(|op| match op.operands.get(1) {
            Some(Object::Dictionary(d)) => d.get(b"MCID").and_then(Object::as_i64).ok(),
            _ => None,
        })
        .collect()
}

#[test]
fn every_page_s_marked_content_belongs_to_one_element_of_one_tree() {
    let (joined, _, _) = sheets();
    let doc = Document::load_mem(&joined).unwrap();
    let catalog = doc.catalog().unwrap();
    let root = doc
        .get_dictionary(
            catalog
                .get(b"StructTreeRoot")
                .unwrap()
                .as_reference()
                .unwrap(),
        )
        .unwrap();
    // One Document element at the top.
    let top = root.get(b"K").unwrap().as_array().unwrap();
    assert_eq!(top.len(), 1);
    let document = doc.get_dictionary(top[0].as_reference().unwrap()).unwrap();
    assert_eq!(document.get(b"S").unwrap().as_name().unwrap(), b"Document");
    let parent_tree = root.get(b"ParentTree").unwrap().as_dict().unwrap();
    let nums = parent_tree.get(b"Nums").unwrap().as_array().unwrap();
    let tree: HashMap<i64, &Object> = nums
        .chunks(2)
        .map(|p| (p[0].as_i64().unwrap(), &p[1]))
        .collect();
    assert_eq!(tree.len() * 2, nums.len(), "every key once");
    let next = root.get(b"ParentTreeNextKey").unwrap().as_i64().unwrap();
    assert!(tree.keys().all(|&k| k < next));
    // Which element each (page, MCID) is claimed by, from the elements.
    let mut claimed: HashMap<(ObjectId, i64), usize> = HashMap::new();
    for object in doc.objects.values() {
        let Ok(element) = object.as_dict() else {
            continue;
        };
        if element.get(b"Type").and_then(Object::as_name).ok() != Some(b"StructElem") {
            continue;
        }
        let page = element.get(b"Pg").and_then(Object::as_reference).ok();
        let kids = match element.get(b"K") {
            Ok(Object::Array(kids)) => kids.clone(),
            Ok(kid) => vec![kid.clone()],
            Err(_) => Vec::new(),
        };
        for kid in kids {
            match kid {
                Object::Integer(mcid) => *claimed.entry((page.unwrap(), mcid)).or_default() += 1,
                Object::Dictionary(mcr) if mcr.has(b"MCID") => {
                    let pg = mcr.get(b"Pg").and_then(Object::as_reference).ok().or(page);
                    let mcid = mcr.get(b"MCID").unwrap().as_i64().unwrap();
                    *claimed.entry((pg.unwrap(), mcid)).or_default() += 1;
                }
                _ => {}
            }
        }
    }
    let mut shown = 0;
    let mut keys = Vec::new();
    for page in doc.get_pages().into_values() {
        let key = doc
            .get_dictionary(page)
            .unwrap()
            .get(b"StructParents")
            .unwrap()
            .as_i64()
            .unwrap();
        keys.push(key);
        let list = doc.dereference(tree[&key]).unwrap().1.as_array().unwrap();
        for mcid in mcids(&doc, page) {
            shown += 1;
            assert_eq!(
                claimed.get(&(page, mcid)),
                Some(&1),
                "MCID {mcid} claimed once"
            );
            let element = list[mcid as usize].as_reference().unwrap();
            let element = doc.get_dictionary(element).unwrap();
            assert_eq!(
                element.get(b"Type").unwrap().as_name().unwrap(),
                b"StructElem"
            );
        }
    }
    assert!(shown > 1000, "{shown} marked contents");
    assert_eq!(
        claimed.len(),
        shown,
        "no element claims content that is not shown"
    );
    keys.sort();
    keys.dedup();
    assert_eq!(keys.len(), doc.get_pages().len(), "each page its own key");
    // Identifiers are unique and every table header reference resolves.
    let ids = root
        .get(b"IDTree")
        .unwrap()
        .as_dict()
        .unwrap()
        .get(b"Names")
        .unwrap()
        .as_array()
        .unwrap();
    let names: Vec<&[u8]> = ids.chunks(2).map(|p| p[0].as_str().unwrap()).collect();
    let mut sorted = names.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(sorted, names, "identifiers unique and in order");
    for object in doc.objects.values() {
        let Ok(element) = object.as_dict() else {
            continue;
        };
        let attributes = match element.get(b"A") {
            Ok(Object::Array(a)) => a.clone(),
            Ok(a) => vec![a.clone()],
            Err(_) => continue,
        };
        for a in attributes {
            if let Ok(headers) = a
                .as_dict()
                .and_then(|a| a.get(b"Headers"))
                .and_then(Object::as_array)
            {
                for h in headers {
                    assert!(names.contains(&h.as_str().unwrap()), "header resolves");
                }
            }
        }
    }
}

#[test]
fn the_joined_file_is_the_same_run_to_run() {
    let (first, _, _) = sheets();
    let (second, _, _) = sheets();
    assert!(first == second, "byte for byte");
}

/// A page drawn in grey levels (PGM), to compare two files' pages.
fn picture(pdf: &[u8], page: usize) -> Vec<u8> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.pdf");
    std::fs::write(&path, pdf).unwrap();
    let page = page.to_string();
    let args = ["-r", "60", "-gray", "-f", &page, "-l", &page];
    let out = Command::new("pdftoppm")
        .args(args)
        .arg(&path)
        .output()
        .unwrap();
    assert!(out.status.success());
    out.stdout
}

#[test]
fn the_page_numbers_fall_where_the_whole_document_puts_them() {
    let (joined, whole, _) = sheets();
    let n = pdf_pages(&whole);
    for page in [1, n / 2, n] {
        assert!(
            picture(&joined, page) == picture(&whole, page),
            "page {page} drawn as the whole document draws it"
        );
    }
}

#[test]
fn page_numbers_are_pagination_artifacts_outside_the_structure_tree() {
    let (joined, _, _) = sheets();
    let mut doc = Document::load_mem(&joined).unwrap();
    let n = doc.get_pages().len();
    for page in doc.get_pages().into_values() {
        let contents = doc
            .get_dictionary(page)
            .unwrap()
            .get(b"Contents")
            .unwrap()
            .as_array()
            .unwrap()
            .clone();
        // The last content stream draws the numbers, as an artifact, and
        // what it draws carries no marked content of the structure tree.
        let last = contents.last().unwrap().as_reference().unwrap();
        let last = doc.get_object(last).unwrap().as_stream().unwrap();
        let last = String::from_utf8(last.get_plain_content().unwrap()).unwrap();
        assert!(
            last.contains("/Artifact <</Type /Pagination /Subtype /Footer>> BDC"),
            "{last}"
        );
        let resources = doc.get_dictionary(page).unwrap().get(b"Resources").unwrap();
        let xobjects = resources.as_dict().unwrap().get(b"XObject").unwrap();
        let form = xobjects.as_dict().unwrap().get(b"SdPageNumber").unwrap();
        let form = doc.get_object(form.as_reference().unwrap()).unwrap();
        let form = form.as_stream().unwrap().get_plain_content().unwrap();
        assert!(!String::from_utf8_lossy(&form).contains("MCID"));
        // Without it, the page shows no number.
        let kept = contents[..contents.len() - 1].to_vec();
        let page = doc.get_dictionary_mut(page).unwrap();
        page.set("Contents", Object::Array(kept));
    }
    let mut bare = Vec::new();
    doc.save_to(&mut bare).unwrap();
    let text = pdf_text(&bare);
    assert!(text.contains("Feuilles d'émargement"), "the rest is shown");
    for x in [1, 2, n] {
        assert!(!text.contains(&format!("page {x} / {n}")), "page {x} / {n}");
    }
    assert!(pdf_text(&joined).contains(&format!("page {n} / {n}")));
}
