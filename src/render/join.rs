//! The print batch of convocations: the letters' own PDF files joined into
//! one (with lopdf), each letter starting on a recto.
//!
//! Every page is the letter's page as it was written, footer included;
//! nothing is laid out again. The batch is PDF/A-2b: one output intent
//! (the letters', all the same sRGB one), its own XMP metadata matching its
//! document information, every font embedded as in the letters. It is for
//! the printer, so it carries no accessibility tags: the letters' structure
//! trees are left out, and with them every reference to them from a page.

use chrono::Datelike;
use lopdf::{Dictionary, Document, LoadOptions, Object, ObjectId, Stream, StringFormat};
use sha2::{Digest, Sha256};

use super::Rendered;
use crate::error::Error;

/// What the batch says of itself (document information and XMP).
const CREATOR: &str = concat!("sessiondoc ", env!("CARGO_PKG_VERSION"));

/// Joins the letters' PDF files, in order, into one print batch titled
/// `title` and dated `date`: a blank page before a letter that would
/// otherwise start on a verso.
pub fn join(title: &str, date: crate::model::Date, letters: &[&[u8]]) -> Result<Rendered, Error> {
    let failed = |e: lopdf::Error| failed(title, e);
    let mut out = Document::with_version("1.7");
    let pages_id = out.new_object_id();
    let mut kids: Vec<Object> = Vec::new();
    let mut intents: Option<Object> = None;
    let mut lang: Option<Object> = None;
    for bytes in letters {
        let options = LoadOptions::with_filter(outside_structure);
        let mut letter = Document::load_mem_with_options(bytes, options).map_err(failed)?;
        letter.renumber_objects_with(out.max_id + 1);
        out.max_id = out.max_id.max(letter.max_id);
        let catalog = letter.catalog().map_err(failed)?;
        if intents.is_none() {
            intents = catalog.get(b"OutputIntents").ok().cloned();
            lang = catalog.get(b"Lang").ok().cloned();
        }
        let pages: Vec<ObjectId> = letter.get_pages().into_values().collect();
        if kids.len() % 2 == 1
            && let Some(first) = pages.first()
        {
            let media_box = inherited(&letter, *first, b"MediaBox").unwrap_or(Object::Null);
            kids.push(out.add_object(blank_page(pages_id, media_box)).into());
        }
        for id in pages {
            // Annotations keep no reference to the structure tree left out.
            for annot in annotations(&letter, id) {
                if let Ok(dict) = letter.get_dictionary_mut(annot) {
                    dict.remove(b"StructParent");
                }
            }
            hang_page(&mut letter, id, pages_id).map_err(failed)?;
            let page = letter.get_dictionary_mut(id).map_err(failed)?;
            page.remove(b"StructParents");
            kids.push(id.into());
        }
        out.objects.append(&mut letter.objects);
    }
    let count = kids.len();
    out.objects.insert(
        pages_id,
        Object::Dictionary(Dictionary::from_iter([
            ("Type", Object::Name(b"Pages".to_vec())),
            ("Kids", Object::Array(kids)),
            ("Count", Object::Integer(count as i64)),
        ])),
    );
    let batch = Batch {
        title,
        date,
        intents,
        lang,
    };
    batch.describe(&mut out, pages_id);
    // The letters' catalogs, page trees, structure trees and metadata are
    // referenced by nothing now: left out.
    finish(out, title, letters, count)
}

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

/// What the batch says of itself, beside its pages.
struct Batch<'a> {
    title: &'a str,
    date: crate::model::Date,
    /// The letters' output intent (PDF/A), and their language.
    intents: Option<Object>,
    lang: Option<Object>,
}

impl Batch<'_> {
    /// Gives `out` its catalog (over the page tree `pages_id`), XMP
    /// metadata and document information.
    fn describe(self, out: &mut Document, pages_id: ObjectId) {
        let dates = Dates::of(self.date);
        let mut metadata = Stream::new(
            Dictionary::from_iter([
                ("Type", Object::Name(b"Metadata".to_vec())),
                ("Subtype", Object::Name(b"XML".to_vec())),
            ]),
            xmp(self.title, &dates).into_bytes(),
        );
        metadata.allows_compression = false;
        let metadata = out.add_object(metadata);
        let mut catalog = Dictionary::from_iter([
            ("Type", Object::Name(b"Catalog".to_vec())),
            ("Pages", Object::Reference(pages_id)),
            ("Metadata", Object::Reference(metadata)),
        ]);
        catalog.set(
            "ViewerPreferences",
            Dictionary::from_iter([("DisplayDocTitle", Object::Boolean(true))]),
        );
        if let Some(intents) = self.intents {
            catalog.set("OutputIntents", intents);
        }
        if let Some(lang) = self.lang {
            catalog.set("Lang", lang);
        }
        let catalog = out.add_object(catalog);
        let info = out.add_object(Dictionary::from_iter([
            ("Title", text_string(self.title)),
            ("Creator", text_string(CREATOR)),
            ("CreationDate", Object::string_literal(dates.pdf.clone())),
            ("ModDate", Object::string_literal(dates.pdf.clone())),
        ]));
        out.trailer.set("Root", catalog);
        out.trailer.set("Info", info);
    }
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

/// An empty page of the given size, for a letter to start on a recto.
fn blank_page(parent: ObjectId, media_box: Object) -> Dictionary {
    Dictionary::from_iter([
        ("Type", Object::Name(b"Page".to_vec())),
        ("Parent", Object::Reference(parent)),
        ("MediaBox", media_box),
        ("Resources", Object::Dictionary(Dictionary::new())),
    ])
}

/// A PDF text string (UTF-16BE with its byte-order mark).
pub(super) fn text_string(text: &str) -> Object {
    let mut bytes = vec![0xFE, 0xFF];
    bytes.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
    Object::String(bytes, StringFormat::Hexadecimal)
}

/// The batch's date in both notations (at midnight UTC, as its letters).
struct Dates {
    pdf: String,
    xmp: String,
}

impl Dates {
    fn of(date: crate::model::Date) -> Dates {
        let (y, m, d) = (date.0.year(), date.0.month(), date.0.day());
        Dates {
            pdf: format!("D:{y:04}{m:02}{d:02}000000Z"),
            xmp: format!("{y:04}-{m:02}-{d:02}T00:00:00Z"),
        }
    }
}

/// The batch's XMP metadata: the same title, creator and dates as its
/// document information, and its PDF/A-2b identification.
fn xmp(title: &str, dates: &Dates) -> String {
    let title = quick_xml::escape::escape(title);
    let xmp = &dates.xmp;
    format!(
        "<?xpacket begin=\"\u{feff}\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n\
<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n\
<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n\
<rdf:Description rdf:about=\"\" \
xmlns:dc=\"http://purl.org/dc/elements/1.1/\" \
xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\" \
xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">\n\
<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">{title}</rdf:li></rdf:Alt></dc:title>\n\
<dc:language><rdf:Bag><rdf:li>fr-FR</rdf:li></rdf:Bag></dc:language>\n\
<xmp:CreatorTool>{CREATOR}</xmp:CreatorTool>\n\
<xmp:CreateDate>{xmp}</xmp:CreateDate>\n\
<xmp:ModifyDate>{xmp}</xmp:ModifyDate>\n\
<pdfaid:part>2</pdfaid:part>\n\
<pdfaid:conformance>B</pdfaid:conformance>\n\
</rdf:Description>\n\
</rdf:RDF>\n\
</x:xmpmeta>\n\
<?xpacket end=\"w\"?>"
    )
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
