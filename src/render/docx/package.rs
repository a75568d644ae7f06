//! The DOCX package: the parts docx-rs builds, put in schema form
//! ([`super::canonical`]), with what docx-rs cannot say (repeated header
//! rows, language, title) and the parts it leaves out (a theme); parts that
//! nothing uses (comments, numbering, footnotes, custom properties) are not
//! written. The relationships and content types are written here, for the
//! parts actually in the package.

use std::io::{Cursor, Write};

use docx_rs::{BuildXML, Docx, Footer};
use zip::DateTime;
use zip::write::{SimpleFileOptions, ZipWriter};

use super::canonical::canonicalise;
use super::tables::HEADER_ROW_MARK;
use crate::error::Error;

const THEME: &str = include_str!("theme.xml");
const XML_DECL: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#;
const RELS_NS: &str = "http://schemas.openxmlformats.org/package/2006/relationships";
const REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const WORD_CT: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml";

/// Builds the package of `docx`, with `extra_footers` after its own (as
/// `rIdFooter2`…), titled `title`, and zips it.
pub fn package(docx: Docx, extra_footers: Vec<Footer>, title: &str) -> Result<Vec<u8>, Error> {
    let xml = docx.build();
    let mut ids = 0u32;
    let document = mark_header_rows(&utf8(xml.document)?);
    let document = part(&document, &mut ids)?;
    let headers = xml
        .headers
        .into_iter()
        .map(|h| part(&utf8(h)?, &mut ids))
        .collect::<Result<Vec<_>, _>>()?;
    let footers = xml
        .footers
        .into_iter()
        .chain(extra_footers.iter().map(BuildXML::build))
        .map(|f| part(&utf8(f)?, &mut ids))
        .collect::<Result<Vec<_>, _>>()?;
    let styles = utf8(xml.styles)?.replacen(
        "</w:rPr></w:rPrDefault>",
        r#"<w:lang w:val="fr-FR" w:eastAsia="fr-FR" w:bidi="ar-SA" /></w:rPr></w:rPrDefault>"#,
        1,
    );
    let core = utf8(xml.doc_props.core)?.replacen(
        "</cp:coreProperties>",
        &format!(
            "<dc:title>{}</dc:title><dc:language>fr-FR</dc:language></cp:coreProperties>",
            xml_escape(title)
        ),
        1,
    );

    let mut files: Vec<(String, Vec<u8>)> = vec![
        ("[Content_Types].xml".into(), Vec::new()),
        ("_rels/.rels".into(), package_rels().into_bytes()),
        ("docProps/app.xml".into(), xml.doc_props.app),
        ("docProps/core.xml".into(), core.into_bytes()),
        ("word/document.xml".into(), document),
        (
            "word/_rels/document.xml.rels".into(),
            document_rels(headers.len(), footers.len()).into_bytes(),
        ),
        ("word/styles.xml".into(), part(&styles, &mut ids)?),
        (
            "word/settings.xml".into(),
            part(&utf8(xml.settings)?, &mut ids)?,
        ),
        (
            "word/fontTable.xml".into(),
            part(&utf8(xml.font_table)?, &mut ids)?,
        ),
        ("word/theme/theme1.xml".into(), THEME.as_bytes().to_vec()),
    ];
    for (i, h) in headers.into_iter().enumerate() {
        files.push((format!("word/header{}.xml", i + 1), h));
        if let Some(rels) = xml.header_rels.get(i).filter(|r| has_relationship(r)) {
            files.push((format!("word/_rels/header{}.xml.rels", i + 1), rels.clone()));
        }
    }
    for (i, f) in footers.into_iter().enumerate() {
        files.push((format!("word/footer{}.xml", i + 1), f));
        if let Some(rels) = xml.footer_rels.get(i).filter(|r| has_relationship(r)) {
            files.push((format!("word/_rels/footer{}.xml.rels", i + 1), rels.clone()));
        }
    }
    for (name, bytes) in xml.media {
        files.push((format!("word/media/{name}.png"), bytes));
    }
    files[0].1 = content_types(&files).into_bytes();
    zip(files)
}

/// One XML part: paragraph ids numbered anew, then put in schema form.
fn part(xml: &str, ids: &mut u32) -> Result<Vec<u8>, Error> {
    canonicalise(renumber_paragraph_ids(xml, ids).as_bytes())
        .map_err(|e| Error::Render(format!("DOCX\u{a0}: {e}")))
}

fn utf8(bytes: Vec<u8>) -> Result<String, Error> {
    String::from_utf8(bytes).map_err(|e| Error::Render(e.to_string()))
}

fn has_relationship(rels: &[u8]) -> bool {
    rels.windows(b"<Relationship ".len())
        .any(|w| w == b"<Relationship ")
}

fn package_rels() -> String {
    format!(
        r#"{XML_DECL}<Relationships xmlns="{RELS_NS}"><Relationship Id="rId1" Type="{RELS_NS}/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId2" Type="{REL}/extended-properties" Target="docProps/app.xml"/><Relationship Id="rId3" Type="{REL}/officeDocument" Target="word/document.xml"/></Relationships>"#
    )
}

/// The document's relationships; the ids of the header and footer are the
/// ones the section properties name.
fn document_rels(headers: usize, footers: usize) -> String {
    let mut out = format!(r#"{XML_DECL}<Relationships xmlns="{RELS_NS}">"#);
    for (id, kind, target) in [
        ("rId1", "styles", "styles.xml"),
        ("rId2", "fontTable", "fontTable.xml"),
        ("rId3", "settings", "settings.xml"),
        ("rId4", "theme", "theme/theme1.xml"),
    ] {
        out.push_str(&format!(
            r#"<Relationship Id="{id}" Type="{REL}/{kind}" Target="{target}"/>"#
        ));
    }
    for i in 1..=headers {
        out.push_str(&format!(
            r#"<Relationship Id="rIdHeader{i}" Type="{REL}/header" Target="header{i}.xml"/>"#
        ));
    }
    for i in 1..=footers {
        out.push_str(&format!(
            r#"<Relationship Id="rIdFooter{i}" Type="{REL}/footer" Target="footer{i}.xml"/>"#
        ));
    }
    out.push_str("</Relationships>");
    out
}

/// The content type of every part in the package.
fn content_types(files: &[(String, Vec<u8>)]) -> String {
    let mut out = format!(
        r#"{XML_DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/>"#
    );
    for (name, _) in files {
        let kind = match name.as_str() {
            "docProps/app.xml" => {
                "application/vnd.openxmlformats-officedocument.extended-properties+xml".to_owned()
            }
            "docProps/core.xml" => {
                "application/vnd.openxmlformats-package.core-properties+xml".into()
            }
            "word/document.xml" => format!("{WORD_CT}.document.main+xml"),
            "word/styles.xml" => format!("{WORD_CT}.styles+xml"),
            "word/settings.xml" => format!("{WORD_CT}.settings+xml"),
            "word/fontTable.xml" => format!("{WORD_CT}.fontTable+xml"),
            "word/theme/theme1.xml" => {
                "application/vnd.openxmlformats-officedocument.theme+xml".into()
            }
            n if n.starts_with("word/header") => format!("{WORD_CT}.header+xml"),
            n if n.starts_with("word/footer") => format!("{WORD_CT}.footer+xml"),
            _ => continue,
        };
        out.push_str(&format!(
            r#"<Override PartName="/{name}" ContentType="{kind}"/>"#
        ));
    }
    out.push_str("</Types>");
    out
}

/// Zips the parts, compressed, with a fixed date so that the same document
/// always gives the same bytes.
fn zip(files: Vec<(String, Vec<u8>)>) -> Result<Vec<u8>, Error> {
    let error = |e: &dyn std::fmt::Display| Error::Render(format!("DOCX\u{a0}: {e}"));
    let options = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(DateTime::default());
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    for (name, bytes) in files {
        zip.start_file(name, options).map_err(|e| error(&e))?;
        zip.write_all(&bytes).map_err(|e| error(&e))?;
    }
    let out = zip.finish().map_err(|e| error(&e))?;
    Ok(out.into_inner())
}

/// Escapes text for an XML element.
fn xml_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Gives every `w14:paraId` a sequential value (paragraph ids come from a
/// per-thread counter in docx-rs; header-row marks become ordinary ids).
fn renumber_paragraph_ids(xml: &str, next: &mut u32) -> String {
    const ATTR: &str = "w14:paraId=\"";
    let mut out = String::with_capacity(xml.len());
    let mut rest = xml;
    while let Some(i) = rest.find(ATTR) {
        let value_start = i + ATTR.len();
        out.push_str(&rest[..value_start]);
        let value_end = rest[value_start..]
            .find('"')
            .map_or(rest.len(), |j| value_start + j);
        *next += 1;
        out.push_str(&format!("{:08X}", *next));
        rest = &rest[value_end..];
    }
    out.push_str(rest);
    out
}

/// Adds `<w:tblHeader/>` to every row whose first paragraph carries the
/// header-row mark (a `w14:paraId` starting with [`HEADER_ROW_MARK`]).
fn mark_header_rows(xml: &str) -> String {
    let needle = format!("w14:paraId=\"{HEADER_ROW_MARK}");
    let mut out = String::with_capacity(xml.len() + 256);
    let mut rest = xml;
    while let Some(mark) = rest.find(&needle) {
        let Some(row_start) = rest[..mark].rfind("<w:tr>") else {
            break;
        };
        out.push_str(&rest[..row_start]);
        let after = &rest[row_start + "<w:tr>".len()..];
        if let Some(r) = after.strip_prefix("<w:trPr />") {
            out.push_str("<w:tr><w:trPr><w:tblHeader /></w:trPr>");
            rest = r;
        } else if let Some(r) = after.strip_prefix("<w:trPr>") {
            out.push_str("<w:tr><w:trPr><w:tblHeader />");
            rest = r;
        } else {
            out.push_str("<w:tr><w:trPr><w:tblHeader /></w:trPr>");
            rest = after;
        }
        let skip = rest.find(&needle).map_or(rest.len(), |i| i + needle.len());
        out.push_str(&rest[..skip]);
        rest = &rest[skip..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_rows_get_tbl_header() {
        let xml = r#"<w:tbl><w:tr><w:trPr /><w:tc><w:p w14:paraId="7F000001"></w:p></w:tc></w:tr><w:tr><w:trPr><w:cantSplit /></w:trPr><w:tc><w:p w14:paraId="00000002"></w:p></w:tc></w:tr></w:tbl>"#;
        let out = mark_header_rows(xml);
        assert_eq!(out.matches("<w:tblHeader />").count(), 1);
        assert!(out.starts_with("<w:tbl><w:tr><w:trPr><w:tblHeader /></w:trPr>"));
    }

    #[test]
    fn a_row_with_properties_keeps_them() {
        let xml = r#"<w:tr><w:trPr><w:cantSplit /></w:trPr><w:tc><w:p w14:paraId="7F000003"></w:p></w:tc></w:tr>"#;
        let out = mark_header_rows(xml);
        assert!(out.contains("<w:trPr><w:tblHeader /><w:cantSplit /></w:trPr>"));
    }

    #[test]
    fn content_types_name_every_part() {
        let files = vec![
            ("word/document.xml".to_owned(), vec![]),
            ("word/header1.xml".to_owned(), vec![]),
        ];
        let types = content_types(&files);
        assert!(types.contains(r#"PartName="/word/document.xml""#));
        assert!(types.contains(r#"PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml""#));
    }
}
