//! Puts WordprocessingML in the form its schema requires, after docx-rs.
//!
//! docx-rs writes the children of property elements (`w:pPr`, `w:rPr`,
//! `w:tcPr`, `w:sectPr`, `w:settings`…) in the order its builders were
//! called, and Word checks that order against the schema's `CT_*`
//! sequences. Rather than patch every builder of the crate, one pass over
//! each part reorders the children of the elements listed in [`ORDERS`]
//! (stably, so that repeated children keep their order) and drops the
//! attributes the schema does not declare ([`UNDECLARED`]). The pass is
//! generic: a new docx-rs release that writes another order is fixed by the
//! same table, and the validator test in `tests/docx_valid.rs` says when an
//! element is missing from it.

use quick_xml::events::{BytesStart, Event};
use quick_xml::{Reader, Writer};

use super::schema_order::ORDERS;

/// An element read whole, so that its children can be reordered.
enum Node {
    Element {
        start: BytesStart<'static>,
        children: Vec<Node>,
    },
    Empty(BytesStart<'static>),
    Other(Event<'static>),
}

impl Node {
    fn name(&self) -> Option<&str> {
        match self {
            Node::Element { start, .. } | Node::Empty(start) => Some(start.name().into_inner()),
            Node::Other(_) => None,
        }
    }
}

/// Attributes docx-rs writes that the schema does not declare, per element.
const UNDECLARED: &[(&str, &str)] = &[("w:gridCol", "w:type")];

/// Property elements that say nothing when empty; docx-rs writes them even
/// where the schema forbids them (`w:rPr` in a style's `w:pPr`).
const DROPPED_WHEN_EMPTY: &[&str] = &["w:rPr", "w:pPr"];

/// An empty element that can go.
fn says_nothing(start: &BytesStart<'_>) -> bool {
    DROPPED_WHEN_EMPTY
        .iter()
        .any(|n| *n == start.name().into_inner())
        && start.attributes().next().is_none()
}

/// The schema order of `name`'s children, if it is an element we reorder.
fn order_of(name: &str) -> Option<&'static [&'static str]> {
    ORDERS
        .iter()
        .find(|(parent, _)| *parent == name)
        .map(|(_, order)| *order)
}

/// Rewrites one XML part: children in schema order, no undeclared
/// attribute. Everything else passes through unchanged.
pub fn canonicalise(xml: &[u8]) -> Result<Vec<u8>, quick_xml::Error> {
    let mut reader = Reader::from_reader(xml);
    let mut writer = Writer::new(Vec::with_capacity(xml.len()));
    loop {
        match reader.read_event()? {
            Event::Eof => break,
            Event::Start(start) if order_of(start.name().into_inner()).is_some() => {
                let node = read_element(&mut reader, declared(start.into_owned()))?;
                write_node(&mut writer, node)?;
            }
            Event::Start(start) => writer.write_event(Event::Start(declared(start)))?,
            Event::Empty(start) if says_nothing(&start) => {}
            Event::Empty(start) => writer.write_event(Event::Empty(declared(start)))?,
            event => writer.write_event(event)?,
        }
    }
    Ok(writer.into_inner())
}

/// Reads the rest of an element whose start tag was just read, and sorts
/// the children of every element of [`ORDERS`] in it.
fn read_element(
    reader: &mut Reader<&[u8]>,
    start: BytesStart<'static>,
) -> Result<Node, quick_xml::Error> {
    let mut children = Vec::new();
    loop {
        match reader.read_event()? {
            Event::Start(child) => {
                children.push(read_element(reader, declared(child.into_owned()))?);
            }
            Event::Empty(child) if says_nothing(&child) => {}
            Event::Empty(child) => children.push(Node::Empty(declared(child.into_owned()))),
            Event::End(_) => break,
            Event::Eof => {
                return Err(quick_xml::Error::Syntax(
                    quick_xml::errors::SyntaxError::UnclosedTag,
                ));
            }
            event => children.push(Node::Other(event.into_owned())),
        }
    }
    if let Some(order) = order_of(start.name().into_inner()) {
        let rank = |node: &Node| {
            node.name()
                .and_then(|n| order.iter().position(|o| *o == n))
                .unwrap_or(order.len())
        };
        children.sort_by_key(rank);
    }
    Ok(Node::Element { start, children })
}

fn write_node(writer: &mut Writer<Vec<u8>>, node: Node) -> Result<(), quick_xml::Error> {
    match node {
        Node::Element { start, children } => {
            let end = start.to_end().into_owned();
            writer.write_event(Event::Start(start))?;
            for child in children {
                write_node(writer, child)?;
            }
            writer.write_event(Event::End(end))?;
        }
        Node::Empty(start) => writer.write_event(Event::Empty(start))?,
        Node::Other(event) => writer.write_event(event)?,
    }
    Ok(())
}

/// The start tag without the attributes [`UNDECLARED`] names for it.
fn declared(start: BytesStart<'_>) -> BytesStart<'_> {
    let name = start.name().into_inner();
    let drop: Vec<&str> = UNDECLARED
        .iter()
        .filter(|(element, _)| *element == name)
        .map(|(_, attribute)| *attribute)
        .collect();
    if drop.is_empty() {
        return start;
    }
    let mut kept = BytesStart::new(name.to_owned());
    for attribute in start.attributes().flatten() {
        if !drop.iter().any(|d| *d == attribute.key.into_inner()) {
            kept.push_attribute(attribute);
        }
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(xml: &str) -> String {
        String::from_utf8(canonicalise(xml.as_bytes()).unwrap()).unwrap()
    }

    #[test]
    fn run_properties_take_schema_order() {
        let out = run(
            r#"<w:r><w:rPr><w:sz w:val="20"/><w:b/><w:rFonts w:ascii="A"/></w:rPr><w:t>x</w:t></w:r>"#,
        );
        assert_eq!(
            out,
            r#"<w:r><w:rPr><w:rFonts w:ascii="A"/><w:b/><w:sz w:val="20"/></w:rPr><w:t>x</w:t></w:r>"#
        );
    }

    #[test]
    fn paragraph_properties_come_first_and_runs_keep_their_order() {
        let out = run(
            r#"<w:p><w:r><w:t>a</w:t></w:r><w:pPr><w:jc w:val="left"/><w:spacing/></w:pPr><w:r><w:t>b &amp; c</w:t></w:r></w:p>"#,
        );
        assert_eq!(
            out,
            r#"<w:p><w:pPr><w:spacing/><w:jc w:val="left"/></w:pPr><w:r><w:t>a</w:t></w:r><w:r><w:t>b &amp; c</w:t></w:r></w:p>"#
        );
    }

    #[test]
    fn empty_properties_go() {
        let out = run(r#"<w:style><w:pPr><w:rPr /></w:pPr><w:name w:val="N"/></w:style>"#);
        assert_eq!(
            out,
            r#"<w:style><w:name w:val="N"/><w:pPr></w:pPr></w:style>"#
        );
    }

    #[test]
    fn undeclared_attributes_go() {
        let out = run(r#"<w:tblGrid><w:gridCol w:w="100" w:type="dxa"/></w:tblGrid>"#);
        assert_eq!(out, r#"<w:tblGrid><w:gridCol w:w="100"/></w:tblGrid>"#);
    }
}
