//! The chunks of one document ([`super::chunks`]) joined into one PDF that
//! stays what each chunk is: PDF/A-2b and PDF/UA-1 (tagged).
//!
//! The chunks' pages are hung under one page tree, their structure trees
//! merged into one: one structure tree root, the chunks' elements under
//! one `Document` element, the parent tree renumbered (each chunk's
//! `StructParents` keys shifted past the previous chunks'), the role and
//! class maps merged, element identifiers made unique per chunk. The
//! catalog keeps the first chunk's language, `MarkInfo`, viewer
//! preferences (`DisplayDocTitle`) and output intent; the metadata is the
//! first chunk's XMP (with `pdfuaid`) with the whole page count; the
//! document information is the first chunk's. Anything else a chunk's
//! catalog holds (outlines with entries, named destinations, forms) is
//! refused rather than lost. The page numbers, laid out apart, are drawn
//! over the joined pages as artifacts ([`super::overlay`]).

use lopdf::{Dictionary, Document, Object, ObjectId, StringFormat};

use super::objects::{annotations, failed, finish, hang_page};
use super::overlay::lay_over;
use crate::error::Error;
use crate::render::Rendered;

/// What the merge gathers from every chunk.
#[derive(Default)]
struct Merged {
    pages: Vec<Object>,
    elements: Vec<Object>,
    parent_tree: Vec<(i64, Object)>,
    next_key: i64,
    role_map: Dictionary,
    class_map: Dictionary,
    ids: Vec<(Vec<u8>, Object)>,
}

/// The joined document's catalog, added to `out`: over the page tree and
/// the structure tree root `(pages, root)`, with the first chunk's
/// language, marks, viewer preferences, output intent and metadata (its
/// page count made the whole's, `count`).
fn joined_catalog(
    out: &mut Document,
    first: &Dictionary,
    (pages, root): (ObjectId, ObjectId),
    count: usize,
) -> Result<ObjectId, lopdf::Error> {
    let mut catalog = Dictionary::from_iter([
        ("Type", Object::Name(b"Catalog".to_vec())),
        ("Pages", Object::Reference(pages)),
        ("StructTreeRoot", Object::Reference(root)),
    ]);
    for key in [
        &b"Lang"[..],
        b"MarkInfo",
        b"ViewerPreferences",
        b"OutputIntents",
        b"Metadata",
    ] {
        if let Ok(value) = first.get(key) {
            catalog.set(key, value.clone());
        }
    }
    if let Ok(metadata) = first.get(b"Metadata").and_then(Object::as_reference) {
        whole_page_count(out, metadata, count)?;
    }
    Ok(out.add_object(catalog))
}

/// Joins the chunks' PDF files, in order, into one tagged document titled
/// `title`, with the pages of `numbers` laid over its pages.
pub fn join_chunks(title: &str, chunks: &[&[u8]], numbers: &[u8]) -> Result<Rendered, Error> {
    let failed = |e: lopdf::Error| failed(title, e);
    let refused = |what: &str| {
        Error::Render(format!(
            "le PDF « {title} » n'a pas pu être assemblé\u{a0}: {what}"
        ))
    };
    let mut out = Document::with_version("1.7");
    let pages_id = out.new_object_id();
    let root_id = out.new_object_id();
    let document_id = out.new_object_id();
    let mut merged = Merged::default();
    let mut first: Option<(Dictionary, Option<Object>)> = None;
    for (index, bytes) in chunks.iter().enumerate() {
        let mut chunk = Document::load_mem(bytes).map_err(failed)?;
        chunk.renumber_objects_with(out.max_id + 1);
        out.max_id = out.max_id.max(chunk.max_id);
        let catalog = chunk.catalog().map_err(failed)?.clone();
        if let Some(key) = catalog
            .iter()
            .map(|(k, _)| k)
            .find(|k| !understood(&chunk, &catalog, k))
        {
            return Err(refused(&format!(
                "« {} » dans le catalogue d'une partie",
                String::from_utf8_lossy(key)
            )));
        }
        let tree = catalog
            .get(b"StructTreeRoot")
            .and_then(|t| chunk.dereference(t))
            .and_then(|(_, t)| t.as_dict())
            .map_err(|_| refused("une partie n'a pas de structure (non balisée)"))?
            .clone();
        merge_tree(&mut chunk, &tree, index, document_id, &mut merged).map_err(failed)?;
        for id in chunk.get_pages().into_values() {
            hang_page(&mut chunk, id, pages_id).map_err(failed)?;
            shift(&mut chunk, id, b"StructParents", merged.next_key).map_err(failed)?;
            for annot in annotations(&chunk, id) {
                shift(&mut chunk, annot, b"StructParent", merged.next_key).map_err(failed)?;
            }
            merged.pages.push(id.into());
        }
        merged.next_key += next_key(&tree);
        if first.is_none() {
            first = Some((catalog, chunk.trailer.get(b"Info").ok().cloned()));
        }
        out.objects.append(&mut chunk.objects);
    }
    let (catalog, info) = first.ok_or_else(|| refused("aucune partie"))?;
    let count = merged.pages.len();
    let pages: Vec<ObjectId> = merged
        .pages
        .iter()
        .filter_map(|p| p.as_reference().ok())
        .collect();
    lay_over(&mut out, &pages, numbers).map_err(|e| refused(&e.to_string()))?;
    out.objects.insert(
        pages_id,
        Object::Dictionary(Dictionary::from_iter([
            ("Type", Object::Name(b"Pages".to_vec())),
            ("Kids", Object::Array(std::mem::take(&mut merged.pages))),
            ("Count", Object::Integer(count as i64)),
        ])),
    );
    out.objects
        .insert(document_id, document_element(&mut merged, root_id));
    out.objects.insert(root_id, tree_root(merged, document_id));
    let catalog = joined_catalog(&mut out, &catalog, (pages_id, root_id), count).map_err(failed)?;
    out.trailer.set("Root", catalog);
    if let Some(info) = info {
        out.trailer.set("Info", info);
    }
    // The chunks' catalogs, page trees, structure tree roots and metadata
    // but the first's are referenced by nothing now: left out.
    finish(out, title, &[chunks, &[numbers]].concat(), count)
}

/// Whether the merge knows what a chunk's catalog entry is and keeps it:
/// an outline without entries is dropped, as nothing points to it.
fn understood(chunk: &Document, catalog: &Dictionary, key: &[u8]) -> bool {
    match key {
        b"Type" | b"Pages" | b"Lang" | b"MarkInfo" | b"ViewerPreferences" | b"OutputIntents"
        | b"Metadata" | b"StructTreeRoot" => true,
        b"Outlines" => catalog
            .get(b"Outlines")
            .and_then(|o| chunk.dereference(o))
            .and_then(|(_, o)| o.as_dict())
            .is_ok_and(|o| !o.has(b"First")),
        _ => false,
    }
}

/// Adds `offset` to a page's or an annotation's key into the parent tree.
fn shift(doc: &mut Document, id: ObjectId, key: &[u8], offset: i64) -> Result<(), lopdf::Error> {
    let dict = doc.get_dictionary_mut(id)?;
    if let Ok(n) = dict.get(key).and_then(Object::as_i64) {
        dict.set(key, Object::Integer(n + offset));
    }
    Ok(())
}

/// The first key after a chunk's parent tree.
fn next_key(tree: &Dictionary) -> i64 {
    tree.get(b"ParentTreeNextKey")
        .and_then(Object::as_i64)
        .unwrap_or(0)
}

/// Takes a chunk's structure tree into the merge: its elements hung under
/// the one `Document` element, its parent tree shifted, its role and class
/// maps and its identifiers gathered.
fn merge_tree(
    chunk: &mut Document,
    tree: &Dictionary,
    index: usize,
    document_id: ObjectId,
    merged: &mut Merged,
) -> Result<(), lopdf::Error> {
    let mut tops = Vec::new();
    for kid in list(chunk, tree.get(b"K").ok()) {
        let Ok(id) = kid.as_reference() else { continue };
        let element = chunk.get_dictionary(id)?;
        if element.get(b"S").and_then(Object::as_name).ok() == Some(b"Document") {
            tops.extend(list(chunk, element.get(b"K").ok()));
        } else {
            tops.push(kid);
        }
    }
    for top in &tops {
        if let Ok(id) = top.as_reference() {
            chunk.get_dictionary_mut(id)?.set("P", document_id);
        }
    }
    merged.elements.extend(tops);
    if let Ok(parent_tree) = tree.get(b"ParentTree") {
        let mut entries = Vec::new();
        number_tree(chunk, parent_tree, &mut entries);
        let offset = merged.next_key;
        merged
            .parent_tree
            .extend(entries.into_iter().map(|(k, v)| (k + offset, v)));
    }
    for (key, map) in [
        (&b"RoleMap"[..], &mut merged.role_map),
        (b"ClassMap", &mut merged.class_map),
    ] {
        if let Ok((_, Object::Dictionary(entries))) =
            tree.get(key).and_then(|m| chunk.dereference(m))
        {
            for (name, value) in entries.iter() {
                if !map.has(name) {
                    map.set(name.clone(), value.clone());
                }
            }
        }
    }
    unique_ids(chunk, index, &mut merged.ids);
    Ok(())
}

/// The objects of an array, or the one object, behind `object`.
fn list(doc: &Document, object: Option<&Object>) -> Vec<Object> {
    match object.map(|o| doc.dereference(o)) {
        Some(Ok((_, Object::Array(items)))) => items.clone(),
        Some(Ok((Some(id), _))) => vec![Object::Reference(id)],
        Some(Ok((None, item))) => vec![item.clone()],
        _ => Vec::new(),
    }
}

/// The entries of a number tree, its kids' included.
fn number_tree(doc: &Document, node: &Object, entries: &mut Vec<(i64, Object)>) {
    let Ok((_, Object::Dictionary(node))) = doc.dereference(node) else {
        return;
    };
    if let Ok(nums) = node
        .get(b"Nums")
        .and_then(|n| doc.dereference(n))
        .and_then(|(_, n)| n.as_array())
    {
        for pair in nums.chunks(2) {
            if let [key, value] = pair
                && let Ok(key) = key.as_i64()
            {
                entries.push((key, value.clone()));
            }
        }
    }
    for kid in list(doc, node.get(b"Kids").ok()) {
        number_tree(doc, &kid, entries);
    }
}

/// Element identifiers are unique in a document: those of chunk `index`
/// (and the table headers' references to them) take its number.
fn unique_ids(chunk: &mut Document, index: usize, ids: &mut Vec<(Vec<u8>, Object)>) {
    let renamed = |id: &[u8]| [format!("c{index}-").as_bytes(), id].concat();
    for (&object_id, object) in chunk.objects.iter_mut() {
        let Object::Dictionary(dict) = object else {
            continue;
        };
        if dict.get(b"Type").and_then(Object::as_name).ok() != Some(b"StructElem") {
            continue;
        }
        if let Ok(Object::String(id, format)) = dict.get_mut(b"ID") {
            *id = renamed(id);
            *format = StringFormat::Literal;
            ids.push((id.clone(), Object::Reference(object_id)));
        }
        if let Ok(attributes) = dict.get_mut(b"A") {
            let attributes = match attributes {
                Object::Array(items) => items.iter_mut().collect(),
                other => vec![other],
            };
            for attribute in attributes {
                if let Object::Dictionary(attribute) = attribute
                    && let Ok(Object::Array(headers)) = attribute.get_mut(b"Headers")
                {
                    for header in headers {
                        if let Object::String(id, _) = header {
                            *id = renamed(id);
                        }
                    }
                }
            }
        }
    }
}

/// The one `Document` element, holding every chunk's elements in order.
fn document_element(merged: &mut Merged, root_id: ObjectId) -> Object {
    Object::Dictionary(Dictionary::from_iter([
        ("Type", Object::Name(b"StructElem".to_vec())),
        ("S", Object::Name(b"Document".to_vec())),
        ("P", Object::Reference(root_id)),
        ("K", Object::Array(std::mem::take(&mut merged.elements))),
    ]))
}

/// The structure tree root of the merged document.
fn tree_root(mut merged: Merged, document_id: ObjectId) -> Object {
    let nums = merged
        .parent_tree
        .into_iter()
        .flat_map(|(k, v)| [Object::Integer(k), v])
        .collect();
    let mut root = Dictionary::from_iter([
        ("Type", Object::Name(b"StructTreeRoot".to_vec())),
        ("K", Object::Array(vec![Object::Reference(document_id)])),
        (
            "ParentTree",
            Object::Dictionary(Dictionary::from_iter([("Nums", Object::Array(nums))])),
        ),
        ("ParentTreeNextKey", Object::Integer(merged.next_key)),
    ]);
    if !merged.role_map.is_empty() {
        root.set("RoleMap", merged.role_map);
    }
    if !merged.class_map.is_empty() {
        root.set("ClassMap", merged.class_map);
    }
    if !merged.ids.is_empty() {
        // A name tree's keys are in order.
        merged.ids.sort_by(|a, b| a.0.cmp(&b.0));
        let names = merged
            .ids
            .into_iter()
            .flat_map(|(id, element)| [Object::String(id, StringFormat::Literal), element])
            .collect();
        root.set(
            "IDTree",
            Dictionary::from_iter([("Names", Object::Array(names))]),
        );
    }
    Object::Dictionary(root)
}

/// The XMP metadata, the first chunk's, gives the whole page count.
/// Makes the XMP metadata of `out` (if it has any) say `count` pages.
pub(super) fn set_page_count(out: &mut Document, count: usize) -> Result<(), lopdf::Error> {
    let metadata = out
        .catalog()?
        .get(b"Metadata")
        .and_then(Object::as_reference);
    match metadata {
        Ok(metadata) => whole_page_count(out, metadata, count),
        Err(_) => Ok(()),
    }
}

fn whole_page_count(
    out: &mut Document,
    metadata: ObjectId,
    count: usize,
) -> Result<(), lopdf::Error> {
    let stream = out.get_object_mut(metadata)?.as_stream_mut()?;
    let text = String::from_utf8_lossy(&stream.get_plain_content()?).into_owned();
    let (open, close) = ("<xmpTPg:NPages>", "</xmpTPg:NPages>");
    if let (Some(start), Some(end)) = (text.find(open), text.find(close)) {
        let text = format!("{}{open}{count}{}", &text[..start], &text[end..]);
        stream.dict.remove(b"Filter");
        stream.dict.remove(b"DecodeParms");
        stream.set_content(text.into_bytes());
        stream.allows_compression = false;
    }
    Ok(())
}
