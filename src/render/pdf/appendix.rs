//! A PDF file the centre has (the official règlement général des sessions)
//! appended, page by page, to one of our PDF files (with lopdf).
//!
//! Our pages, structure tree, output intent and metadata stay as they are;
//! the appended pages are hung at the end of our page tree. Their content
//! is not ours to tag: each page's content is marked as an artifact, so
//! that the file stays PDF/UA (every content tagged or an artifact), and
//! the appended file's own structure tree, metadata and annotations (links
//! a tagged file would have to tag) are left out. The file stays PDF/A-2b
//! only if the appended text is itself self-contained (fonts embedded, no
//! transparency group without colour space): docs/mise-en-page.md says so.

use std::sync::Arc;

use lopdf::{Dictionary, Document, LoadOptions, Object, ObjectId, Stream};

use super::objects::{failed, finish, hang_page, inherited, outside_structure};
use crate::error::Error;
use crate::render::Rendered;

/// A PDF file joined after a document's own pages.
#[derive(Debug, Clone)]
pub struct Appendix {
    /// The file's name, as the session file gives it.
    pub name: String,
    pub bytes: Arc<Vec<u8>>,
}

/// The number of pages of a PDF file a centre gives, or why it cannot be
/// appended (in French, for a message).
pub fn pages_of(bytes: &[u8]) -> Result<usize, String> {
    if !bytes.starts_with(b"%PDF-") {
        return Err("ce n'est pas un fichier PDF".to_owned());
    }
    let doc = Document::load_mem(bytes).map_err(|e| format!("le PDF est illisible ({e})"))?;
    if doc.is_encrypted() {
        return Err("le PDF est protégé par un mot de passe".to_owned());
    }
    match doc.get_pages().len() {
        0 => Err("le PDF n'a aucune page".to_owned()),
        n => Ok(n),
    }
}

/// `ours` (titled `title`, `pages` pages) followed by the pages of
/// `appendix`.
pub fn append(title: &str, ours: &Rendered, appendix: &Appendix) -> Result<Rendered, Error> {
    let failed = |e: lopdf::Error| failed(title, e);
    let mut out = Document::load_mem(&ours.bytes).map_err(failed)?;
    let options = LoadOptions::with_filter(outside_structure);
    let mut extra = Document::load_mem_with_options(&appendix.bytes, options).map_err(failed)?;
    extra.renumber_objects_with(out.max_id + 1);
    out.max_id = out.max_id.max(extra.max_id);
    let root = out
        .catalog()
        .and_then(|c| c.get(b"Pages"))
        .and_then(Object::as_reference)
        .map_err(failed)?;
    let pages: Vec<ObjectId> = extra.get_pages().into_values().collect();
    let mut kids = Vec::with_capacity(pages.len());
    for id in pages {
        for key in [&b"CropBox"[..], b"Rotate"] {
            if let Some(value) = inherited(&extra, id, key) {
                let page = extra.get_dictionary_mut(id).map_err(failed)?;
                if !page.has(key) {
                    page.set(key, value);
                }
            }
        }
        hang_page(&mut extra, id, root).map_err(failed)?;
        as_artifact(&mut extra, id).map_err(failed)?;
        let page = extra.get_dictionary_mut(id).map_err(failed)?;
        for key in [&b"StructParents"[..], b"Annots", b"Tabs"] {
            page.remove(key);
        }
        kids.push(Object::Reference(id));
    }
    let added = kids.len();
    out.max_id = out.max_id.max(extra.max_id);
    out.objects.append(&mut extra.objects);
    let tree = out.get_dictionary_mut(root).map_err(failed)?;
    let count = tree.get(b"Count").and_then(Object::as_i64).unwrap_or(0);
    tree.set("Count", Object::Integer(count + added as i64));
    match tree.get_mut(b"Kids") {
        Ok(Object::Array(list)) => list.extend(kids),
        _ => return Err(failed(lopdf::Error::DictKey("Kids".to_owned()))),
    }
    let total = ours.pages + added;
    super::chunks_joined::set_page_count(&mut out, total).map_err(failed)?;
    finish(out, title, &[&ours.bytes, &appendix.bytes], total)
}

/// Marks everything page `id` draws as an artifact: its content streams
/// between `/Artifact BMC` and `EMC`, each stream kept as it is.
fn as_artifact(doc: &mut Document, id: ObjectId) -> Result<(), lopdf::Error> {
    let contents: Vec<Object> = match doc.get_dictionary(id)?.get(b"Contents") {
        Ok(Object::Reference(r)) => match doc.get_object(*r) {
            Ok(Object::Array(list)) => list.clone(),
            _ => vec![Object::Reference(*r)],
        },
        Ok(Object::Array(list)) => list.clone(),
        _ => Vec::new(),
    };
    // `q`/`Q` keep the graphics state the page leaves from the closing.
    let open = doc.add_object(Stream::new(
        Dictionary::new(),
        b"/Artifact BMC q\n".to_vec(),
    ));
    let close = doc.add_object(Stream::new(Dictionary::new(), b"\nQ EMC\n".to_vec()));
    let mut wrapped = Vec::with_capacity(contents.len() + 2);
    wrapped.push(Object::Reference(open));
    wrapped.extend(contents);
    wrapped.push(Object::Reference(close));
    doc.get_dictionary_mut(id)?
        .set("Contents", Object::Array(wrapped));
    Ok(())
}
