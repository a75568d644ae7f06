//! Session-wide documents laid out in chunks ([`crate::render::pdf::chunks`]):
//! each chunk laid out once, without page numbers, or read back from the
//! output folder where an earlier run left it ([`crate::output::PARTS`]);
//! their PDF files joined into one tagged document
//! ([`crate::render::pdf::chunks_joined`]) with « page x / n » laid over every page
//! from a document of page numbers alone. Memory is bounded by a chunk,
//! not by the session.

use std::collections::HashMap;
use std::path::PathBuf;

use crate::doc::Document;
use crate::error::Error;
use crate::output::{ChunkFile, sha256_hex};
use crate::render::Rendered;
use crate::render::pdf::chunks::{CHUNK_WEIGHT, CHUNKED_FROM, page_numbers, split, weight};
use crate::render::pdf::chunks_joined::join_chunks;
use crate::render::pdf::{PROGRAM, PdfRenderer};

/// A document rendered in chunks: the joined file, the chunks it was
/// joined from, and the files of those laid out in this run (path in the
/// output folder, bytes).
pub struct Chunked {
    pub rendered: Rendered,
    pub parts: Vec<ChunkFile>,
    pub new_files: Vec<(String, Vec<u8>)>,
}

/// The chunks of a document laid out in chunks: what its manifest entry
/// lists, and the chunk files this run laid out.
pub type ChunkFiles = (Vec<ChunkFile>, Vec<(String, Vec<u8>)>);

/// Renders `doc` in chunks, or `None` when it is laid out whole (below
/// [`CHUNKED_FROM`]). A chunk found in `kept` (by what it says), its file
/// unchanged, is read back instead of laid out.
pub fn render_in_chunks(
    pdf: &PdfRenderer,
    doc: &Document,
    kept: &HashMap<String, (PathBuf, ChunkFile)>,
) -> Result<Option<Chunked>, Error> {
    if weight(doc) < CHUNKED_FROM {
        return Ok(None);
    }
    let chunks = split(doc, CHUNK_WEIGHT);
    if chunks.len() < 2 {
        return Ok(None);
    }
    let mut files = Vec::with_capacity(chunks.len());
    let mut parts = Vec::with_capacity(chunks.len());
    let mut new_files = Vec::new();
    // One chunk at a time: the other cores take other documents meanwhile.
    for chunk in &chunks {
        let key = key_of(&chunk.document);
        if let Some((bytes, part)) = read_back(kept, &key) {
            files.push(bytes);
            parts.push(part);
            continue;
        }
        let (file, pages) = done(pdf.render_chunk(&chunk.document))?;
        if pages.iter().sum::<usize>() != file.pages {
            return Err(Error::Render(format!(
                "le PDF « {} » n'a pas pu être assemblé\u{a0}: pages d'une partie mal comptées",
                doc.title
            )));
        }
        let part = ChunkFile {
            key,
            sha256: sha256_hex(&file.bytes),
            pages,
        };
        new_files.push((part.path(), file.bytes.clone()));
        files.push(file.bytes);
        parts.push(part);
    }
    let pages: Vec<Vec<usize>> = parts.iter().map(|p| p.pages.clone()).collect();
    let numbers = pdf.render_page_numbers(doc, &page_numbers(doc, &chunks, &pages))?;
    let joined: Vec<&[u8]> = files.iter().map(Vec::as_slice).collect();
    let rendered = join_chunks(&doc.title, &joined, &numbers.bytes)?;
    Ok(Some(Chunked {
        rendered,
        parts,
        new_files,
    }))
}

/// What a chunk says, hashed with the page program and this program's
/// version: the same key, the same PDF file.
fn key_of(chunk: &Document) -> String {
    let mut bytes = serde_json::to_vec(chunk).unwrap_or_default();
    if let Some(logo) = &chunk.logo {
        bytes.extend_from_slice(logo.bytes.as_slice());
    }
    bytes.extend_from_slice(PROGRAM.as_bytes());
    bytes.extend_from_slice(env!("CARGO_PKG_VERSION").as_bytes());
    sha256_hex(&bytes)
}

/// A chunk an earlier run laid out, if its file is still as written.
fn read_back(
    kept: &HashMap<String, (PathBuf, ChunkFile)>,
    key: &str,
) -> Option<(Vec<u8>, ChunkFile)> {
    let (file, part) = kept.get(key)?;
    let bytes = std::fs::read(file).ok()?;
    (sha256_hex(&bytes) == part.sha256).then(|| (bytes, part.clone()))
}

/// A chunk is done with: what Typst kept of its layout is dropped, so
/// that memory stays bounded by a chunk.
fn done<T>(result: Result<T, Error>) -> Result<T, Error> {
    typst::comemo::evict(0);
    result
}
