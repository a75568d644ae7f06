//! The lopdf plumbing the joined PDF files share (the print batch, the
//! chunks of one document, the appended règlement): pages hung under a
//! page tree, inherited attributes, annotations, the file identifier and
//! the saving of the whole.

use lopdf::{Document, Object, ObjectId, StringFormat};
use sha2::{Digest, Sha256};

use crate::error::Error;
use crate::render::Rendered;

/// Saves a joined document of `pages` pages: identified by a hash of its
/// title and of the files joined (`parts`), without the objects nothing
/// refers to any more, renumbered.
pub(super) fn finish(
    mut out: Document,
    title: &str,
    parts: &[&[u8]],
    pages: usize,
) -> Result<Rendered, Error> {
    let id = identifier(title, parts);
    out.trailer.set(
        "ID",
        Object::Array(vec![
            Object::String(id.clone(), StringFormat::Hexadecimal),
            Object::String(id, StringFormat::Hexadecimal),
        ]),
    );
    out.prune_objects();
    out.renumber_objects();
    let mut bytes = Vec::new();
    out.save_to(&mut bytes)
        .map_err(|e| failed(title, lopdf::Error::from(e)))?;
    Ok(Rendered { bytes, pages })
}

/// The error of a PDF that could not be joined.
pub(super) fn failed(title: &str, e: lopdf::Error) -> Error {
    Error::Render(format!(
        "le PDF « {title} » n'a pas pu être assemblé\u{a0}: {e}"
    ))
}

/// Hangs a page read from one of the joined files under the joined page
/// tree `parent`, with the size and resources it inherited in its file.
pub(super) fn hang_page(
    doc: &mut Document,
    id: ObjectId,
    parent: ObjectId,
) -> Result<(), lopdf::Error> {
    let media_box = inherited(doc, id, b"MediaBox");
    let resources = inherited(doc, id, b"Resources");
    let page = doc.get_dictionary_mut(id)?;
    page.set("Parent", parent);
    for (key, value) in [(&b"MediaBox"[..], media_box), (b"Resources", resources)] {
        if let Some(value) = value
            && !page.has(key)
        {
            page.set(key, value);
        }
    }
    Ok(())
}

/// Keeps an object of a letter unless it belongs to the letter's structure
/// tree or is its metadata, which the batch leaves out: not even read in.
pub(super) fn outside_structure(id: ObjectId, object: &mut Object) -> Option<(ObjectId, Object)> {
    let kind = match object {
        Object::Dictionary(dict) => dict.get(b"Type").ok(),
        Object::Stream(stream) => stream.dict.get(b"Type").ok(),
        _ => None,
    };
    let left_out = kind
        .and_then(|k| k.as_name().ok())
        .is_some_and(|k| matches!(k, b"StructElem" | b"StructTreeRoot" | b"Metadata"));
    // lopdf keeps `object` itself, or (inside an object stream) the copy.
    (!left_out).then(|| (id, object.clone()))
}

/// A page attribute, from the page or the page tree above it.
pub(super) fn inherited(doc: &Document, mut id: ObjectId, key: &[u8]) -> Option<Object> {
    for _ in 0..32 {
        let node = doc.get_dictionary(id).ok()?;
        if let Ok(value) = node.get(key) {
            return Some(value.clone());
        }
        id = node.get(b"Parent").ok()?.as_reference().ok()?;
    }
    None
}

/// The annotations of a page.
pub(super) fn annotations(doc: &Document, page: ObjectId) -> Vec<ObjectId> {
    let list = match doc.get_dictionary(page).and_then(|p| p.get(b"Annots")) {
        Ok(Object::Array(list)) => list,
        Ok(Object::Reference(id)) => match doc.get_object(*id) {
            Ok(Object::Array(list)) => list,
            _ => return Vec::new(),
        },
        _ => return Vec::new(),
    };
    list.iter().filter_map(|a| a.as_reference().ok()).collect()
}

/// A PDF text string (UTF-16BE with its byte-order mark).
pub(super) fn text_string(text: &str) -> Object {
    let mut bytes = vec![0xFE, 0xFF];
    bytes.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
    Object::String(bytes, StringFormat::Hexadecimal)
}

/// The file identifier: a hash of the title and of the letters, so that
/// the same letters always make the same file.
pub(super) fn identifier(title: &str, letters: &[&[u8]]) -> Vec<u8> {
    let mut hash = Sha256::new();
    hash.update(title.as_bytes());
    for letter in letters {
        hash.update(Sha256::digest(letter));
    }
    hash.finalize()[..16].to_vec()
}
