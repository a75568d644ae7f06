//! A long session-wide document cut into chunks, each laid out on its own
//! (memory bounded by the chunk, chunks laid out side by side) and joined
//! back into one tagged PDF ([`super::chunks_joined`]).
//!
//! A chunk breaks only where the document already starts a new page:
//! between sections, or at a page break inside a section. A chunk shows no
//! page number: « page x / n » is laid over the joined pages, numbered
//! through the whole ([`page_numbers`]).

use serde::Serialize;

use crate::doc::{Block, Document, Section};

/// How much of a document one chunk holds (blocks and table rows): about
/// ten pages of sign-in sheets.
pub const CHUNK_WEIGHT: usize = 150;

/// From what weight a document is laid out in chunks (see
/// `docs/mise-en-page.md`: counting the pages of each chunk first costs a
/// second layout, paid only where the memory of one layout matters).
pub const CHUNKED_FROM: usize = 600;

/// How a section (or the part of it in a chunk) is numbered in the whole
/// document: the number of its first page and its page count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Numbering {
    pub first: usize,
    pub total: usize,
}

/// One page's number, laid over a joined document: « page x / n » on a
/// page turned or not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct PageNumber {
    pub x: usize,
    pub n: usize,
    pub landscape: bool,
}

/// One chunk: a document holding some sections of the whole, or parts of
/// them, and for each of its sections the index of the whole's section.
#[derive(Debug, Clone)]
pub struct Chunk {
    pub document: Document,
    pub sections: Vec<usize>,
}

/// What a document weighs: one per block, one per table row.
pub fn weight(doc: &Document) -> usize {
    doc.sections.iter().map(|s| blocks_weight(&s.blocks)).sum()
}

/// What a run of blocks weighs.
fn blocks_weight(blocks: &[Block]) -> usize {
    blocks
        .iter()
        .map(|b| match b {
            Block::Table(t) => 1 + t.rows.len(),
            Block::Keep { blocks } => blocks_weight(blocks),
            _ => 1,
        })
        .sum()
}

/// Cuts `doc` into chunks of about `target` weight. A document with a
/// section that starts on a recto (the print batch) stays whole: a chunk
/// could not know which side it starts on.
pub fn split(doc: &Document, target: usize) -> Vec<Chunk> {
    let whole = || {
        vec![Chunk {
            document: doc.clone(),
            sections: (0..doc.sections.len()).collect(),
        }]
    };
    if doc.sections.iter().any(|s| s.recto) {
        return whole();
    }
    let mut chunks: Vec<Chunk> = Vec::new();
    let mut current: Vec<(usize, Section)> = Vec::new();
    let mut load = 0;
    for (index, section) in doc.sections.iter().enumerate() {
        for run in section.blocks.split(|b| matches!(b, Block::PageBreak)) {
            if load >= target {
                chunks.push(chunk_of(doc, std::mem::take(&mut current)));
                load = 0;
            }
            load += blocks_weight(run);
            match current.last_mut() {
                Some((i, piece)) if *i == index => {
                    piece.blocks.push(Block::PageBreak);
                    piece.blocks.extend(run.iter().cloned());
                }
                _ => current.push((
                    index,
                    Section {
                        blocks: run.to_vec(),
                        ..section.clone()
                    },
                )),
            }
        }
    }
    if !current.is_empty() {
        chunks.push(chunk_of(doc, current));
    }
    if chunks.len() <= 1 {
        return whole();
    }
    chunks
}

fn chunk_of(doc: &Document, pieces: Vec<(usize, Section)>) -> Chunk {
    let (sections, pieces): (Vec<usize>, Vec<Section>) = pieces.into_iter().unzip();
    Chunk {
        document: Document {
            sections: pieces,
            ..doc.clone()
        },
        sections,
    }
}

/// How each chunk's sections are numbered, from the page count of each
/// (`pages[c][s]`: section `s` of chunk `c`).
pub fn numbering(chunks: &[Chunk], pages: &[Vec<usize>]) -> Vec<Vec<Numbering>> {
    let sections = chunks
        .iter()
        .flat_map(|c| c.sections.iter().copied())
        .max()
        .map_or(0, |m| m + 1);
    let mut totals = vec![0; sections];
    for (chunk, counts) in chunks.iter().zip(pages) {
        for (&s, &n) in chunk.sections.iter().zip(counts) {
            totals[s] += n;
        }
    }
    let mut seen = vec![0; sections];
    chunks
        .iter()
        .zip(pages)
        .map(|(chunk, counts)| {
            chunk
                .sections
                .iter()
                .zip(counts)
                .map(|(&s, &n)| {
                    let first = seen[s] + 1;
                    seen[s] += n;
                    Numbering {
                        first,
                        total: totals[s],
                    }
                })
                .collect()
        })
        .collect()
}

/// The number of every page of the joined document, in order, from each
/// chunk's page count per section (`pages[c][s]`).
pub fn page_numbers(whole: &Document, chunks: &[Chunk], pages: &[Vec<usize>]) -> Vec<PageNumber> {
    let numbers = numbering(chunks, pages);
    let mut all = Vec::new();
    for ((chunk, counts), numbers) in chunks.iter().zip(pages).zip(&numbers) {
        for ((&s, &count), numbering) in chunk.sections.iter().zip(counts).zip(numbers) {
            let landscape = whole.sections[s].landscape;
            all.extend((0..count).map(|i| PageNumber {
                x: numbering.first + i,
                n: numbering.total,
                landscape,
            }));
        }
    }
    all
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::Paragraph;

    fn doc(sections: Vec<Section>) -> Document {
        Document {
            title: "t".to_owned(),
            date: crate::model::Date(chrono::NaiveDate::from_ymd_opt(2027, 1, 1).unwrap()),
            header: Vec::new(),
            footer: String::new(),
            page_label: "page".to_owned(),
            logo: None,
            sections,
        }
    }

    fn text(n: usize) -> Vec<Block> {
        (0..n)
            .map(|i| Block::Paragraph(Paragraph::text(i.to_string())))
            .collect()
    }

    #[test]
    fn chunks_break_at_page_breaks_and_keep_every_block() {
        let mut blocks = Vec::new();
        for sheet in 0..6 {
            if sheet > 0 {
                blocks.push(Block::PageBreak);
            }
            blocks.extend(text(4));
        }
        let whole = doc(vec![Section::portrait(blocks)]);
        let chunks = split(&whole, 8);
        assert_eq!(chunks.len(), 3);
        for c in &chunks {
            assert_eq!(c.sections, vec![0]);
            let b = &c.document.sections[0].blocks;
            assert!(!matches!(b.first(), Some(Block::PageBreak)));
            assert_eq!(b.len(), 9, "two sheets and the break between them");
        }
        let text: String = chunks.iter().map(|c| c.document.plain_text()).collect();
        assert_eq!(text, whole.plain_text());
    }

    #[test]
    fn a_short_document_or_a_batch_of_rectos_stays_whole() {
        let short = doc(vec![Section::portrait(text(3))]);
        assert_eq!(split(&short, 8).len(), 1);
        let mut recto = Section::portrait(text(20));
        recto.recto = true;
        let batch = doc(vec![Section::portrait(text(20)), recto]);
        assert_eq!(split(&batch, 8).len(), 1);
    }

    #[test]
    fn sections_are_numbered_through_their_chunks() {
        let whole = doc(vec![
            Section::portrait([text(8), vec![Block::PageBreak], text(8)].concat()),
            Section::portrait(text(8)),
        ]);
        let chunks = split(&whole, 8);
        assert_eq!(chunks.len(), 3);
        let numbers = numbering(&chunks, &[vec![2], vec![3], vec![1]]);
        let n = |first, total| Numbering { first, total };
        assert_eq!(numbers, vec![vec![n(1, 5)], vec![n(3, 5)], vec![n(1, 1)]]);
        let pages = page_numbers(&whole, &chunks, &[vec![2], vec![3], vec![1]]);
        let shown: Vec<(usize, usize)> = pages.iter().map(|p| (p.x, p.n)).collect();
        assert_eq!(shown, vec![(1, 5), (2, 5), (3, 5), (4, 5), (5, 5), (1, 1)]);
    }
}
