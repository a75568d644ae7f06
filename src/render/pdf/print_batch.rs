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
use lopdf::{Dictionary, Document, LoadOptions, Object, ObjectId, Stream};

use super::objects::{
    annotations, failed, finish, hang_page, inherited, outside_structure, text_string,
};
use crate::error::Error;
use crate::render::Rendered;

/// What the batch says of itself (document information and XMP).
const CREATOR: &str = concat!("sessiondoc ", env!("CARGO_PKG_VERSION"));

/// Joins the letters' PDF files, in order, into one print batch titled
/// `title` and dated `date`: a blank page before a letter that would
/// otherwise start on a verso.
pub fn join_letters(
    title: &str,
    date: crate::model::Date,
    letters: &[&[u8]],
) -> Result<Rendered, Error> {
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

/// An empty page of the given size, for a letter to start on a recto.
fn blank_page(parent: ObjectId, media_box: Object) -> Dictionary {
    Dictionary::from_iter([
        ("Type", Object::Name(b"Page".to_vec())),
        ("Parent", Object::Reference(parent)),
        ("MediaBox", media_box),
        ("Resources", Object::Dictionary(Dictionary::new())),
    ])
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
