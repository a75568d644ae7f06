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

/// Children in schema order, per parent element (ECMA-376 Part 1, `CT_*` sequences).
pub const ORDERS: &[(&str, &[&str])] = &[
    (
        "w:pPr",
        &[
            "w:pStyle",
            "w:keepNext",
            "w:keepLines",
            "w:pageBreakBefore",
            "w:framePr",
            "w:widowControl",
            "w:numPr",
            "w:suppressLineNumbers",
            "w:pBdr",
            "w:shd",
            "w:tabs",
            "w:suppressAutoHyphens",
            "w:kinsoku",
            "w:wordWrap",
            "w:overflowPunct",
            "w:topLinePunct",
            "w:autoSpaceDE",
            "w:autoSpaceDN",
            "w:bidi",
            "w:adjustRightInd",
            "w:snapToGrid",
            "w:spacing",
            "w:ind",
            "w:contextualSpacing",
            "w:mirrorIndents",
            "w:suppressOverlap",
            "w:jc",
            "w:textDirection",
            "w:textAlignment",
            "w:textboxTightWrap",
            "w:outlineLvl",
            "w:divId",
            "w:cnfStyle",
            "w:rPr",
            "w:sectPr",
            "w:pPrChange",
        ],
    ),
    (
        "w:rPr",
        &[
            "w:ins",
            "w:del",
            "w:moveFrom",
            "w:moveTo",
            "w14:conflictIns",
            "w14:conflictDel",
            "w:rStyle",
            "w:rFonts",
            "w:b",
            "w:bCs",
            "w:i",
            "w:iCs",
            "w:caps",
            "w:smallCaps",
            "w:strike",
            "w:dstrike",
            "w:outline",
            "w:shadow",
            "w:emboss",
            "w:imprint",
            "w:noProof",
            "w:snapToGrid",
            "w:vanish",
            "w:webHidden",
            "w:color",
            "w:spacing",
            "w:w",
            "w:kern",
            "w:position",
            "w:sz",
            "w:szCs",
            "w:highlight",
            "w:u",
            "w:effect",
            "w:bdr",
            "w:shd",
            "w:fitText",
            "w:vertAlign",
            "w:rtl",
            "w:cs",
            "w:em",
            "w:lang",
            "w:eastAsianLayout",
            "w:specVanish",
            "w14:glow",
            "w14:shadow",
            "w14:reflection",
            "w14:textOutline",
            "w14:textFill",
            "w14:scene3d",
            "w14:props3d",
            "w14:ligatures",
            "w14:numForm",
            "w14:numSpacing",
            "w14:stylisticSets",
            "w14:cntxtAlts",
            "w:oMath",
            "w:rPrChange",
        ],
    ),
    (
        "w:tblPr",
        &[
            "w:tblStyle",
            "w:tblpPr",
            "w:tblOverlap",
            "w:bidiVisual",
            "w:tblW",
            "w:jc",
            "w:tblCellSpacing",
            "w:tblInd",
            "w:tblBorders",
            "w:shd",
            "w:tblLayout",
            "w:tblCellMar",
            "w:tblLook",
            "w:tblCaption",
            "w:tblDescription",
            "w:tblPrChange",
        ],
    ),
    (
        "w:trPr",
        &[
            "w:cnfStyle",
            "w:divId",
            "w:gridBefore",
            "w:gridAfter",
            "w:wBefore",
            "w:wAfter",
            "w:trHeight",
            "w:hidden",
            "w:cantSplit",
            "w:tblHeader",
            "w:tblCellSpacing",
            "w:jc",
            "w:ins",
            "w:del",
            "w:trPrChange",
            "w14:conflictIns",
            "w14:conflictDel",
        ],
    ),
    (
        "w:tcPr",
        &[
            "w:cnfStyle",
            "w:tcW",
            "w:gridSpan",
            "w:hMerge",
            "w:vMerge",
            "w:tcBorders",
            "w:shd",
            "w:noWrap",
            "w:tcMar",
            "w:textDirection",
            "w:tcFitText",
            "w:vAlign",
            "w:hideMark",
            "w:cellIns",
            "w:cellDel",
            "w:cellMerge",
            "w:tcPrChange",
        ],
    ),
    (
        "w:sectPr",
        &[
            "w:headerReference",
            "w:footerReference",
            "w:footnotePr",
            "w:endnotePr",
            "w:type",
            "w:pgSz",
            "w:pgMar",
            "w:paperSrc",
            "w:pgBorders",
            "w:lnNumType",
            "w:pgNumType",
            "w:cols",
            "w:formProt",
            "w:vAlign",
            "w:noEndnote",
            "w:titlePg",
            "w:textDirection",
            "w:bidi",
            "w:rtlGutter",
            "w:docGrid",
            "w:printerSettings",
            "w15:footnoteColumns",
            "w:sectPrChange",
        ],
    ),
    (
        "w:settings",
        &[
            "w:writeProtection",
            "w:view",
            "w:zoom",
            "w:removePersonalInformation",
            "w:removeDateAndTime",
            "w:doNotDisplayPageBoundaries",
            "w:displayBackgroundShape",
            "w:printPostScriptOverText",
            "w:printFractionalCharacterWidth",
            "w:printFormsData",
            "w:embedTrueTypeFonts",
            "w:embedSystemFonts",
            "w:saveSubsetFonts",
            "w:saveFormsData",
            "w:mirrorMargins",
            "w:alignBordersAndEdges",
            "w:bordersDoNotSurroundHeader",
            "w:bordersDoNotSurroundFooter",
            "w:gutterAtTop",
            "w:hideSpellingErrors",
            "w:hideGrammaticalErrors",
            "w:activeWritingStyle",
            "w:proofState",
            "w:formsDesign",
            "w:attachedTemplate",
            "w:linkStyles",
            "w:stylePaneFormatFilter",
            "w:stylePaneSortMethod",
            "w:documentType",
            "w:mailMerge",
            "w:revisionView",
            "w:trackRevisions",
            "w:doNotTrackMoves",
            "w:doNotTrackFormatting",
            "w:documentProtection",
            "w:autoFormatOverride",
            "w:styleLockTheme",
            "w:styleLockQFSet",
            "w:defaultTabStop",
            "w:autoHyphenation",
            "w:consecutiveHyphenLimit",
            "w:hyphenationZone",
            "w:doNotHyphenateCaps",
            "w:showEnvelope",
            "w:summaryLength",
            "w:clickAndTypeStyle",
            "w:defaultTableStyle",
            "w:evenAndOddHeaders",
            "w:bookFoldRevPrinting",
            "w:bookFoldPrinting",
            "w:bookFoldPrintingSheets",
            "w:drawingGridHorizontalSpacing",
            "w:drawingGridVerticalSpacing",
            "w:displayHorizontalDrawingGridEvery",
            "w:displayVerticalDrawingGridEvery",
            "w:doNotUseMarginsForDrawingGridOrigin",
            "w:drawingGridHorizontalOrigin",
            "w:drawingGridVerticalOrigin",
            "w:doNotShadeFormData",
            "w:noPunctuationKerning",
            "w:characterSpacingControl",
            "w:printTwoOnOne",
            "w:strictFirstAndLastChars",
            "w:noLineBreaksAfter",
            "w:noLineBreaksBefore",
            "w:savePreviewPicture",
            "w:doNotValidateAgainstSchema",
            "w:saveInvalidXml",
            "w:ignoreMixedContent",
            "w:alwaysShowPlaceholderText",
            "w:doNotDemarcateInvalidXml",
            "w:saveXmlDataOnly",
            "w:useXSLTWhenSaving",
            "w:saveThroughXslt",
            "w:showXMLTags",
            "w:alwaysMergeEmptyNamespace",
            "w:updateFields",
            "w:hdrShapeDefaults",
            "w:footnotePr",
            "w:endnotePr",
            "w:compat",
            "w:docVars",
            "w:rsids",
            "m:mathPr",
            "w:uiCompat97To2003",
            "w:attachedSchema",
            "w:themeFontLang",
            "w:clrSchemeMapping",
            "w:doNotIncludeSubdocsInStats",
            "w:doNotAutoCompressPictures",
            "w:forceUpgrade",
            "w:captions",
            "w:readModeInkLockDown",
            "sl:schemaLibrary",
            "w:shapeDefaults",
            "w:decimalSymbol",
            "w:listSeparator",
            "w14:docId",
            "w14:discardImageEditingData",
            "w14:defaultImageDpi",
            "w14:conflictMode",
            "w15:chartTrackingRefBased",
            "w15:docId",
        ],
    ),
    (
        "w:tblBorders",
        &[
            "w:top",
            "w:left",
            "w:start",
            "w:bottom",
            "w:right",
            "w:end",
            "w:insideH",
            "w:insideV",
        ],
    ),
    (
        "w:tcBorders",
        &[
            "w:top",
            "w:left",
            "w:start",
            "w:bottom",
            "w:right",
            "w:end",
            "w:insideH",
            "w:insideV",
            "w:tl2br",
            "w:tr2bl",
        ],
    ),
    (
        "w:pBdr",
        &[
            "w:top",
            "w:left",
            "w:bottom",
            "w:right",
            "w:between",
            "w:bar",
        ],
    ),
    (
        "w:style",
        &[
            "w:name",
            "w:aliases",
            "w:basedOn",
            "w:next",
            "w:link",
            "w:autoRedefine",
            "w:hidden",
            "w:uiPriority",
            "w:semiHidden",
            "w:unhideWhenUsed",
            "w:qFormat",
            "w:locked",
            "w:personal",
            "w:personalCompose",
            "w:personalReply",
            "w:rsid",
            "w:pPr",
            "w:rPr",
            "w:tblPr",
            "w:trPr",
            "w:tcPr",
            "w:tblStylePr",
        ],
    ),
    ("w:docDefaults", &["w:rPrDefault", "w:pPrDefault"]),
    ("w:styles", &["w:docDefaults", "w:latentStyles", "w:style"]),
    (
        "w:font",
        &[
            "w:altName",
            "w:panose1",
            "w:charset",
            "w:family",
            "w:notTrueType",
            "w:pitch",
            "w:sig",
            "w:embedRegular",
            "w:embedBold",
            "w:embedItalic",
            "w:embedBoldItalic",
        ],
    ),
    ("w:tbl", &["w:tblPr", "w:tblGrid"]),
    ("w:tr", &["w:tblPrEx", "w:trPr"]),
    ("w:tc", &["w:tcPr"]),
    ("w:p", &["w:pPr"]),
    ("w:r", &["w:rPr"]),
];

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
