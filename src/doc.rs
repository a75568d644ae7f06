//! The layout-neutral document: what a composer says, what each renderer
//! draws. Kept small on purpose (like pandoc's AST): a renderer knows every
//! block type and no artefact.

use serde::Serialize;

use crate::model::Date;

/// A ticked box (U+2612).
pub const TICKED: &str = "☒";
/// An empty box (U+2610).
pub const EMPTY: &str = "☐";

/// The character of a checkbox in the given state.
pub fn checkbox(ticked: bool) -> &'static str {
    if ticked { TICKED } else { EMPTY }
}

/// One document, ready for any renderer.
#[derive(Debug, Clone, Serialize)]
pub struct Document {
    /// Title of the file (PDF metadata, DOCX core properties).
    pub title: String,
    /// The date the document is dated by (from the session file, never the
    /// clock), so that output is reproducible.
    pub date: Date,
    /// The running header: centre, title, session.
    pub header: Vec<String>,
    /// The running footer, left of "page X / Y".
    pub footer: String,
    /// The word before the page numbers ("page").
    pub page_label: String,
    /// A logo for the header (PNG or SVG bytes), if the centre has one.
    #[serde(skip)]
    pub logo: Option<Logo>,
    /// Runs of pages; each starts on a new page.
    pub sections: Vec<Section>,
}

/// A centre's logo.
#[derive(Debug, Clone)]
pub struct Logo {
    pub bytes: std::sync::Arc<Vec<u8>>,
    pub format: LogoFormat,
    /// The logo as a PNG, for the DOCX: the bytes themselves, or the SVG drawn.
    pub png: std::sync::Arc<Vec<u8>>,
}

/// The image format of a logo.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogoFormat {
    Png,
    Svg,
}

/// Pages of one orientation.
#[derive(Debug, Clone, Serialize)]
pub struct Section {
    pub landscape: bool,
    /// Start on an odd page (recto), for recto-verso printing of a batch.
    pub recto: bool,
    /// Its own footer text, instead of the document's (each letter of a
    /// print batch names its candidate).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub footer: Option<String>,
    pub blocks: Vec<Block>,
}

impl Section {
    /// A run of portrait pages.
    pub fn portrait(blocks: Vec<Block>) -> Section {
        Section {
            landscape: false,
            recto: false,
            footer: None,
            blocks,
        }
    }
    /// A run of landscape pages.
    pub fn landscape(blocks: Vec<Block>) -> Section {
        Section {
            landscape: true,
            ..Section::portrait(blocks)
        }
    }
}

/// Horizontal alignment.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Align {
    #[default]
    Left,
    Center,
    Right,
    Justify,
}

/// A run of text with one style.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Run {
    pub text: String,
    pub bold: bool,
    pub italic: bool,
}

impl Run {
    /// Plain text.
    pub fn plain(text: impl Into<String>) -> Run {
        Run {
            text: text.into(),
            ..Run::default()
        }
    }
    /// Bold text.
    pub fn bold(text: impl Into<String>) -> Run {
        Run {
            text: text.into(),
            bold: true,
            ..Run::default()
        }
    }
    /// Italic text.
    pub fn italic(text: impl Into<String>) -> Run {
        Run {
            text: text.into(),
            italic: true,
            ..Run::default()
        }
    }
}

/// A paragraph: styled runs, one size, one alignment. A `\n` in a run is a
/// line break.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Paragraph {
    pub runs: Vec<Run>,
    pub align: Align,
    /// Font size in points (`None`: the body size).
    pub size: Option<f32>,
    /// Space after, in millimetres (`None`: the usual paragraph spacing).
    pub space_after: Option<f32>,
    /// Keep with the next block on the same page.
    pub keep_with_next: bool,
}

impl Paragraph {
    /// A paragraph of runs.
    pub fn new(runs: Vec<Run>) -> Paragraph {
        Paragraph {
            runs,
            ..Paragraph::default()
        }
    }
    /// A paragraph of plain text.
    pub fn text(text: impl Into<String>) -> Paragraph {
        Paragraph::new(vec![Run::plain(text)])
    }
    /// A paragraph of bold text.
    pub fn bold(text: impl Into<String>) -> Paragraph {
        Paragraph::new(vec![Run::bold(text)])
    }
    /// A paragraph of italic text.
    pub fn italic(text: impl Into<String>) -> Paragraph {
        Paragraph::new(vec![Run::italic(text)])
    }
    /// Sets the alignment.
    pub fn align(mut self, align: Align) -> Paragraph {
        self.align = align;
        self
    }
    /// Sets the size in points.
    pub fn size(mut self, points: f32) -> Paragraph {
        self.size = Some(points);
        self
    }
    /// Sets the space after, in millimetres.
    pub fn space_after(mut self, mm: f32) -> Paragraph {
        self.space_after = Some(mm);
        self
    }
    /// Keeps it on the page of the next block.
    pub fn keep_with_next(mut self) -> Paragraph {
        self.keep_with_next = true;
        self
    }
    /// The paragraph's whole text.
    pub fn plain_text(&self) -> String {
        self.runs.iter().map(|r| r.text.as_str()).collect()
    }
}

/// A block of a page.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Block {
    /// A heading; level 1 is the document's title.
    Heading {
        level: u8,
        text: String,
        align: Align,
    },
    Paragraph(Paragraph),
    Table(Table),
    /// The head of a letter: the sender on the left, and the recipient on
    /// the right, placed in the window of a DL envelope (window 45 × 100 mm,
    /// 20 mm from the right edge, about 50 mm from the top).
    LetterHead {
        sender: Vec<Paragraph>,
        recipient: Vec<String>,
    },
    /// Ruled lines to write on by hand.
    Lines {
        count: u16,
    },
    /// A row of boxes to sign in, each with a caption above it.
    Signatures {
        captions: Vec<String>,
        height_mm: f32,
    },
    /// A dashed cut line (a tear-off receipt follows).
    CutLine {
        label: String,
    },
    /// Vertical space in millimetres.
    Space {
        mm: f32,
    },
    /// Go on at the top of the next page.
    PageBreak,
    /// Blocks kept on one page: a signature with the last lines it signs.
    Keep {
        blocks: Vec<Block>,
    },
}

impl Block {
    /// A heading on the left.
    pub fn heading(level: u8, text: impl Into<String>) -> Block {
        Block::Heading {
            level,
            text: text.into(),
            align: Align::Left,
        }
    }
    /// A centred heading.
    pub fn centred_heading(level: u8, text: impl Into<String>) -> Block {
        Block::Heading {
            level,
            text: text.into(),
            align: Align::Center,
        }
    }
    /// A row of boxes to sign in, `height_mm` high.
    pub fn signatures(captions: Vec<String>, height_mm: f32) -> Block {
        Block::Signatures {
            captions,
            height_mm,
        }
    }

    /// Appends the words of the block, a line each.
    fn push_text(&self, out: &mut String) {
        let mut line = |s: &str| {
            out.push_str(s);
            out.push('\n');
        };
        match self {
            Block::Heading { text, .. } => line(text),
            Block::Paragraph(p) => line(&p.plain_text()),
            Block::Table(t) => {
                for row in &t.rows {
                    for cell in &row.cells {
                        for p in &cell.paragraphs {
                            line(&p.plain_text());
                        }
                    }
                }
            }
            Block::LetterHead { sender, recipient } => {
                for p in sender {
                    line(&p.plain_text());
                }
                for r in recipient {
                    line(r);
                }
            }
            Block::Signatures { captions, .. } => captions.iter().for_each(|c| line(c)),
            Block::CutLine { label } => line(label),
            Block::Lines { .. } | Block::Space { .. } | Block::PageBreak => {}
            Block::Keep { blocks } => blocks.iter().for_each(|b| b.push_text(out)),
        }
    }
}

/// A table with real rows and columns.
#[derive(Debug, Clone, Serialize)]
pub struct Table {
    /// Column widths: relative as a composer designs them, then in
    /// millimetres summing to the width between the margins once
    /// [`crate::fit`] has run.
    pub widths: Vec<f32>,
    /// How many of the first rows are header rows, repeated on each page.
    pub header_rows: usize,
    pub rows: Vec<Row>,
    /// Font size in points (`None`: the body size).
    pub size: Option<f32>,
    /// Draw the cell borders.
    pub ruled: bool,
    /// Kept on the page of the block that follows (in a [`Block::Keep`]).
    pub keep_with_next: bool,
}

impl Table {
    /// A table of `rows` in columns of `widths`: no header row, the body
    /// size, no borders.
    pub fn new(widths: Vec<f32>, rows: Vec<Row>) -> Table {
        Table {
            widths,
            header_rows: 0,
            rows,
            size: None,
            ruled: false,
            keep_with_next: false,
        }
    }
    /// Makes the first `n` rows header rows.
    pub fn header_rows(mut self, n: usize) -> Table {
        self.header_rows = n;
        self
    }
    /// Sets the size in points.
    pub fn size(mut self, points: f32) -> Table {
        self.size = Some(points);
        self
    }
    /// Draws the cell borders.
    pub fn ruled(mut self) -> Table {
        self.ruled = true;
        self
    }
}

/// A table row.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Row {
    pub cells: Vec<Cell>,
    /// Minimum height in millimetres (room to sign, to write).
    pub min_height_mm: Option<f32>,
}

impl Row {
    /// A row of cells.
    pub fn new(cells: Vec<Cell>) -> Row {
        Row {
            cells,
            min_height_mm: None,
        }
    }
    /// A header row: a shaded cell in bold per label.
    pub fn head<S: Into<String>>(labels: impl IntoIterator<Item = S>) -> Row {
        Row::new(labels.into_iter().map(Cell::head).collect())
    }
    /// Sets the minimum height.
    pub fn min_height(mut self, mm: f32) -> Row {
        self.min_height_mm = Some(mm);
        self
    }
}

/// A table cell.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Cell {
    pub paragraphs: Vec<Paragraph>,
    /// Number of columns it spans.
    pub colspan: u16,
    /// Shaded background (header cells, section titles).
    pub shaded: bool,
}

impl Cell {
    /// A cell of paragraphs.
    pub fn new(paragraphs: Vec<Paragraph>) -> Cell {
        Cell {
            paragraphs,
            colspan: 1,
            shaded: false,
        }
    }
    /// A cell of plain text (empty text: an empty cell).
    pub fn text(text: impl Into<String>) -> Cell {
        let text = text.into();
        if text.is_empty() {
            Cell::new(vec![])
        } else {
            Cell::new(vec![Paragraph::text(text)])
        }
    }
    /// A shaded header cell in bold.
    pub fn head(text: impl Into<String>) -> Cell {
        Cell {
            shaded: true,
            ..Cell::new(vec![Paragraph::bold(text)])
        }
    }
    /// A cell holding one checkbox, centred.
    pub fn checkbox(ticked: bool) -> Cell {
        Cell::new(vec![
            Paragraph::text(checkbox(ticked))
                .align(Align::Center)
                .size(12.0),
        ])
    }
    /// Spans `n` columns.
    pub fn span(mut self, n: u16) -> Cell {
        self.colspan = n.max(1);
        self
    }
    /// Shades the cell.
    pub fn shaded(mut self) -> Cell {
        self.shaded = true;
        self
    }
    /// Aligns every paragraph of the cell.
    pub fn align(mut self, align: Align) -> Cell {
        for p in &mut self.paragraphs {
            p.align = align;
        }
        self
    }
}

impl Document {
    /// A rough measure of the work of laying the document out (its blocks).
    pub fn weight(&self) -> usize {
        self.sections.iter().map(|s| s.blocks.len()).sum()
    }

    /// Every word the document prints, in reading order (for tests and for
    /// comparing renderers).
    pub fn plain_text(&self) -> String {
        let mut out = String::new();
        for section in &self.sections {
            for block in &section.blocks {
                block.push_text(&mut out);
            }
        }
        out
    }
}

/// Keeps each row of signatures on the page of what it signs: the
/// signature, the headings, closing lines and other signatures just before
/// it, and the last paragraph (or the last row of a table without borders)
/// before them go into one [`Block::Keep`]. A paragraph too long to move
/// without leaving half a page empty stays where it is (kept with the
/// next as far as the layout can).
pub fn keep_signatures_with_what_they_sign(blocks: &mut Vec<Block>) {
    let mut i = 0;
    while i < blocks.len() {
        if !matches!(blocks[i], Block::Signatures { .. }) {
            i += 1;
            continue;
        }
        let start = start_of_what_is_signed(blocks, i);
        let mut kept: Vec<Block> = blocks.drain(start..=i).collect();
        // The last row of a checklist before the signature comes along.
        if let Some(Block::Table(t)) = blocks.get_mut(start.wrapping_sub(1))
            && !t.ruled
            && t.rows.len() > t.header_rows + 1
            && let Some(row) = t.rows.pop()
        {
            let last = Table {
                header_rows: 0,
                rows: vec![row],
                ..t.clone()
            };
            kept.insert(0, Block::Table(last));
        }
        blocks.insert(start, Block::Keep { blocks: kept });
        i = start + 1;
    }
}

/// The longest paragraph moved along with a signature, in characters.
const KEPT_PARAGRAPH_MAX: usize = 1200;

/// Whether a paragraph is short enough to go to the next page with the
/// signature that follows it.
pub fn movable(p: &Paragraph) -> bool {
    p.plain_text().chars().count() <= KEPT_PARAGRAPH_MAX
}

/// Where the blocks kept with the signatures at `at` start.
fn start_of_what_is_signed(blocks: &[Block], at: usize) -> usize {
    let mut start = at;
    while start > 0 {
        match &blocks[start - 1] {
            Block::Heading { .. }
            | Block::Signatures { .. }
            | Block::Space { .. }
            | Block::Lines { .. } => start -= 1,
            Block::Paragraph(p) if movable(p) => {
                start -= 1;
                // Closing lines (« Fait à … ») go on to what they close.
                if p.plain_text().chars().count() > 80 {
                    break;
                }
            }
            _ => break,
        }
    }
    start
}

/// Keeps the last `n` blocks on one page, with the one before them when it
/// is a paragraph short enough to move along (a letter's last lines).
pub fn keep_last_together(blocks: &mut Vec<Block>, n: usize) {
    let mut from = blocks.len().saturating_sub(n);
    if let Some(Block::Paragraph(p)) = from.checked_sub(1).and_then(|i| blocks.get_mut(i)) {
        if movable(p) {
            from -= 1;
        } else {
            p.keep_with_next = true;
        }
    }
    let kept = blocks.split_off(from);
    blocks.push(Block::Keep { blocks: kept });
}
