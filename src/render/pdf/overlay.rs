//! « page x / n » laid over the pages of a joined document: each page of
//! a document of page numbers only (laid out by the page program, at the
//! place of the footer's number) is drawn over the joined page of the same
//! rank as a Form XObject, inside a pagination artifact, so that the
//! numbers are no part of the structure tree.

use lopdf::{Dictionary, Document, Object, ObjectId, Stream};

use super::objects::inherited;

/// The name of the page numbers' Form XObject in a page's resources.
const NAME: &[u8] = b"SdPageNumber";

/// Draws each page of the PDF `numbers` over the page of `out` of the same
/// rank (`pages`, in order).
pub fn lay_over(out: &mut Document, pages: &[ObjectId], numbers: &[u8]) -> Result<(), Error> {
    let mut numbers = Document::load_mem(numbers)?;
    numbers.renumber_objects_with(out.max_id + 1);
    out.max_id = out.max_id.max(numbers.max_id);
    let sources: Vec<ObjectId> = numbers.get_pages().into_values().collect();
    if sources.len() != pages.len() {
        return Err(Error::Mismatch(sources.len(), pages.len()));
    }
    let mut forms = Vec::with_capacity(pages.len());
    for &source in &sources {
        forms.push(form_of(&numbers, source)?);
    }
    out.objects.append(&mut numbers.objects);
    for (&page, form) in pages.iter().zip(forms) {
        let form = out.add_object(form);
        draw_over(out, page, form)?;
    }
    Ok(())
}

/// Why the page numbers could not be laid over.
#[derive(Debug)]
pub enum Error {
    Pdf(lopdf::Error),
    /// Pages of numbers, pages of the document.
    Mismatch(usize, usize),
}

impl From<lopdf::Error> for Error {
    fn from(e: lopdf::Error) -> Error {
        Error::Pdf(e)
    }
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Error::Pdf(e) => write!(f, "{e}"),
            Error::Mismatch(numbers, pages) => {
                write!(f, "{numbers} numéros de page pour {pages} pages")
            }
        }
    }
}

/// A page of the numbers' document as a Form XObject: its content, its
/// resources (fonts, colour spaces) and its size.
fn form_of(doc: &Document, page: ObjectId) -> Result<Stream, lopdf::Error> {
    let content = doc.get_page_content(page);
    let resources = inherited(doc, page, b"Resources").unwrap_or(Object::Null);
    let media_box = inherited(doc, page, b"MediaBox").unwrap_or(Object::Null);
    let mut form = Stream::new(
        Dictionary::from_iter([
            ("Type", Object::Name(b"XObject".to_vec())),
            ("Subtype", Object::Name(b"Form".to_vec())),
            ("BBox", media_box),
            ("Resources", resources),
        ]),
        content,
    );
    form.compress()?;
    Ok(form)
}

/// Draws `form` over `page`, after its own content, left as it was
/// (enclosed in `q … Q`), marked as a pagination artifact.
fn draw_over(out: &mut Document, page: ObjectId, form: ObjectId) -> Result<(), lopdf::Error> {
    let mut resources = match inherited(out, page, b"Resources") {
        Some(Object::Reference(id)) => out.get_dictionary(id)?.clone(),
        Some(Object::Dictionary(d)) => d,
        _ => Dictionary::new(),
    };
    let mut xobjects = match resources.get(b"XObject") {
        Ok(Object::Reference(id)) => out.get_dictionary(*id)?.clone(),
        Ok(Object::Dictionary(d)) => d.clone(),
        _ => Dictionary::new(),
    };
    xobjects.set(NAME, form);
    resources.set("XObject", xobjects);
    let before = out.add_object(Stream::new(Dictionary::new(), b"q\n".to_vec()));
    let over = format!(
        "\nQ\n/Artifact <</Type /Pagination /Subtype /Footer>> BDC\nq /{} Do Q\nEMC\n",
        String::from_utf8_lossy(NAME)
    );
    let after = out.add_object(Stream::new(Dictionary::new(), over.into_bytes()));
    let dict = out.get_dictionary_mut(page)?;
    let mut contents = vec![Object::Reference(before)];
    match dict.get(b"Contents") {
        Ok(Object::Array(items)) => contents.extend(items.iter().cloned()),
        Ok(item) => contents.push(item.clone()),
        Err(_) => {}
    }
    contents.push(Object::Reference(after));
    dict.set("Contents", Object::Array(contents));
    dict.set("Resources", resources);
    Ok(())
}
