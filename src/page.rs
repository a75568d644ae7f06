//! The page geometry, read from the page program (`templates/document.typ`)
//! so that the DOCX and the column fitting use the very values the PDF is
//! laid out with: the program is its one source.

use std::sync::LazyLock;

use crate::error::Error;

/// The embedded page program of every PDF.
pub const PROGRAM: &str = include_str!("../templates/document.typ");

/// A4, short and long sides, in millimetres (`paper: "a4"`).
pub const A4_SHORT_MM: f32 = 210.0;
pub const A4_LONG_MM: f32 = 297.0;

/// The geometry of the page program, lengths in millimetres, sizes in points.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    /// `margin-top`.
    pub margin_top_mm: f32,
    /// `margin-bottom`.
    pub margin_bottom_mm: f32,
    /// `margin-x`, left and right.
    pub margin_x_mm: f32,
    /// `window-x`: the envelope window, from the sheet's left edge.
    pub window_x_mm: f32,
    /// `window-y`: the envelope window, from the sheet's top.
    pub window_y_mm: f32,
    /// `body-size`.
    pub body_pt: f32,
    /// `small-size`: running header and footer, captions.
    pub small_pt: f32,
    /// `cell-inset`'s `x`: a cell's padding on each side.
    pub cell_inset_x_pt: f32,
    /// `letter-head`'s height, from the top margin to below the address.
    pub letter_head_mm: f32,
    /// The size of the recipient's address in `letter-head`.
    pub recipient_pt: f32,
    /// The headings of level 1, 2 and 3 (`#show heading.where(level: …)`).
    pub heading_pt: [f32; 3],
}

/// The geometry of the embedded page program.
pub static PAGE: LazyLock<Page> =
    LazyLock::new(|| Page::read(PROGRAM).expect("the embedded page program states its geometry"));

impl Page {
    /// Reads the geometry's `#let` lines of a page program; `Err` names
    /// the first value missing or not a plain sum of lengths.
    pub fn read(program: &str) -> Result<Page, String> {
        let value = |name: &str| length(program, name).ok_or_else(|| name.to_owned());
        let inset = program
            .lines()
            .find_map(|l| l.strip_prefix("#let cell-inset = (x: "))
            .and_then(|rest| rest.split(',').next())
            .and_then(|x| x.trim().strip_suffix("pt")?.parse().ok())
            .ok_or("cell-inset")?;
        Ok(Page {
            margin_top_mm: value("margin-top")?,
            margin_bottom_mm: value("margin-bottom")?,
            margin_x_mm: value("margin-x")?,
            window_x_mm: value("window-x")?,
            window_y_mm: value("window-y")?,
            body_pt: points(program, "body-size").ok_or("body-size")?,
            small_pt: points(program, "small-size").ok_or("small-size")?,
            cell_inset_x_pt: inset,
            letter_head_mm: letter_head(program).ok_or("letter-head(b)")?,
            recipient_pt: recipient_size(program).ok_or("letter-head(b)")?,
            heading_pt: [
                heading_size(program, 1)?,
                heading_size(program, 2)?,
                heading_size(program, 3)?,
            ],
        })
    }

    /// The width between the margins, in millimetres.
    pub fn content_width_mm(&self, landscape: bool) -> f32 {
        let sheet = if landscape { A4_LONG_MM } else { A4_SHORT_MM };
        sheet - 2.0 * self.margin_x_mm
    }

    /// The height between the top and bottom margins, in millimetres.
    pub fn content_height_mm(&self, landscape: bool) -> f32 {
        let sheet = if landscape { A4_SHORT_MM } else { A4_LONG_MM };
        sheet - self.margin_top_mm - self.margin_bottom_mm
    }
}

/// What the DOCX takes from the embedded page program besides the page's
/// geometry: its colours (as `RRGGBB`), the blocks' own lengths, and the
/// distances that give the PDF's page with Word's own line model
/// (`word-…`). Read from the embedded
/// program only: a centre's program keeps the geometry, and its DOCX is
/// laid out as the embedded one's.
#[derive(Debug, Clone, PartialEq)]
pub struct WordPage {
    /// `rule-color`: table rules and signature boxes.
    pub rule_color: String,
    /// `shade`: header cells.
    pub shade: String,
    /// `light-rule`: the running header's, footer's and ruled lines' rule.
    pub light_rule: String,
    /// `cut-color`: the cut line.
    pub cut_color: String,
    /// `muted`: the running header's and footer's text.
    pub muted: String,
    /// `word-header`: from the sheet's top to the running header.
    pub header_mm: f32,
    /// `word-footer`: from the sheet's bottom to the running footer.
    pub footer_mm: f32,
    /// `word-paragraph-after`: space after a paragraph.
    pub paragraph_after_pt: f32,
    /// `word-taller-line`: what a paragraph's own space after loses, in ems
    /// of its type.
    pub taller_line_em: f32,
    /// `word-cell-paragraph-after`: space after a paragraph in a cell.
    pub cell_paragraph_after_mm: f32,
    /// `word-cell-inset-y`: a cell's padding above and below.
    pub cell_inset_y_pt: f32,
    /// `logo-height`: the logo's in the running header.
    pub logo_height_mm: f32,
    /// `header-gutter`: between the logo and the running header's text.
    pub header_gutter_mm: f32,
    /// `ruled-line`: the height each line to write on takes.
    pub ruled_line_mm: f32,
    /// `caption-size`: a signature box's caption.
    pub caption_pt: f32,
    /// `word-line`: the height of Word's line, in ems of its type.
    pub line_em: f32,
    /// `word-scissors-size`: the scissors of a cut line.
    pub scissors_pt: f32,
    /// `word-scissors-after`: between the scissors and the dashed rule.
    pub scissors_after_mm: f32,
    /// `word-sender-after`: under a line of the letter head's sender.
    pub sender_after_mm: f32,
    /// `word-caption-after`: under a signature box's caption.
    pub caption_after_mm: f32,
    /// `word-heading-above`: above a heading (none at the top of a page).
    pub heading_above_pt: f32,
    /// `word-heading-below`: under a heading.
    pub heading_below_pt: f32,
    /// `word-table-gap`: the empty paragraph between two tables.
    pub table_gap_pt: f32,
    /// `word-table-gap-after`: its space after.
    pub table_gap_after_pt: f32,
    /// `word-hairline`: the paragraph that ends a header or a footer, or
    /// gives a space its height.
    pub hairline_pt: f32,
    /// `rule-stroke`: every rule and box.
    pub rule_stroke_pt: f32,
    /// `word-cut-stroke`: the cut line.
    pub cut_stroke_pt: f32,
}

/// What the DOCX takes from the embedded page program.
pub static WORD: LazyLock<WordPage> = LazyLock::new(|| {
    WordPage::read(PROGRAM).expect("the embedded page program states what the DOCX follows")
});

impl WordPage {
    /// Reads the colours and `word-…` values of a page program; `Err`
    /// names the first value missing.
    pub fn read(program: &str) -> Result<WordPage, String> {
        let color = |name: &str| luma_hex(program, name).ok_or_else(|| name.to_owned());
        let mm = |name: &str| length(program, name).ok_or_else(|| name.to_owned());
        let pt = |name: &str| points(program, name).ok_or_else(|| name.to_owned());
        let em = |name: &str| ems(program, name).ok_or_else(|| name.to_owned());
        Ok(WordPage {
            rule_color: color("rule-color")?,
            shade: color("shade")?,
            light_rule: color("light-rule")?,
            cut_color: color("cut-color")?,
            muted: color("muted")?,
            header_mm: mm("word-header")?,
            footer_mm: mm("word-footer")?,
            paragraph_after_pt: pt("word-paragraph-after")?,
            taller_line_em: em("word-taller-line")?,
            cell_paragraph_after_mm: mm("word-cell-paragraph-after")?,
            cell_inset_y_pt: pt("word-cell-inset-y")?,
            logo_height_mm: mm("logo-height")?,
            header_gutter_mm: mm("header-gutter")?,
            ruled_line_mm: mm("ruled-line")?,
            caption_pt: pt("caption-size")?,
            line_em: em("word-line")?,
            scissors_pt: pt("word-scissors-size")?,
            scissors_after_mm: mm("word-scissors-after")?,
            sender_after_mm: mm("word-sender-after")?,
            caption_after_mm: mm("word-caption-after")?,
            heading_above_pt: pt("word-heading-above")?,
            heading_below_pt: pt("word-heading-below")?,
            table_gap_pt: pt("word-table-gap")?,
            table_gap_after_pt: pt("word-table-gap-after")?,
            hairline_pt: pt("word-hairline")?,
            rule_stroke_pt: pt("rule-stroke")?,
            cut_stroke_pt: pt("word-cut-stroke")?,
        })
    }
}

/// The posted timetable's landscape sheet (`posted-…`), which its composer
/// sets on its blocks and fits its rows to. Read from the embedded program
/// only, as [`WordPage`].
#[derive(Debug, Clone, PartialEq)]
pub struct PostedSheet {
    /// `posted-row-size`: the rows and the column headers.
    pub row_pt: f32,
    /// `posted-note-size`: breaks, who is present, the subtitle, the reminder.
    pub note_pt: f32,
    /// `posted-title-size`.
    pub title_pt: f32,
    /// `posted-title-after`: under the title.
    pub title_after_mm: f32,
    /// `posted-subtitle-after`: under the subtitle.
    pub subtitle_after_mm: f32,
    /// `posted-between`: between the paragraphs (rooms) of a cell.
    pub between_mm: f32,
    /// `posted-widths`: the columns' design widths (time, test, rooms).
    pub widths: [f32; 3],
    /// `posted-row-padding`: a row's padding, as Word sets it.
    pub row_padding_pt: f32,
    /// `posted-table-spacing`: between the table and the reminder.
    pub table_spacing_pt: f32,
}

/// The posted timetable's sheet of the embedded page program.
pub static POSTED: LazyLock<PostedSheet> = LazyLock::new(|| {
    PostedSheet::read(PROGRAM).expect("the embedded page program states the posted sheet")
});

impl PostedSheet {
    /// Reads the `posted-…` values of a page program; `Err` names the
    /// first value missing.
    pub fn read(program: &str) -> Result<PostedSheet, String> {
        let mm = |name: &str| length(program, name).ok_or_else(|| name.to_owned());
        let pt = |name: &str| points(program, name).ok_or_else(|| name.to_owned());
        let widths = definition(program, "posted-widths")
            .and_then(|v| {
                v.trim()
                    .strip_prefix('(')?
                    .strip_suffix(')')
                    .map(str::to_owned)
            })
            .and_then(|v| {
                let parsed: Option<Vec<f32>> =
                    v.split(',').map(|w| w.trim().parse().ok()).collect();
                parsed?.try_into().ok()
            })
            .ok_or("posted-widths")?;
        Ok(PostedSheet {
            row_pt: pt("posted-row-size")?,
            note_pt: pt("posted-note-size")?,
            title_pt: pt("posted-title-size")?,
            title_after_mm: mm("posted-title-after")?,
            subtitle_after_mm: mm("posted-subtitle-after")?,
            between_mm: mm("posted-between")?,
            widths,
            row_padding_pt: pt("posted-row-padding")?,
            table_spacing_pt: pt("posted-table-spacing")?,
        })
    }
}

/// The line that opens the section of the documents' own sizes in the
/// page program; the section ends at the first blank line.
const SIZES_SECTION: &str = "// The documents' own sizes";

/// One value of the documents' own sizes.
#[derive(Debug, Clone, PartialEq)]
enum Size {
    /// `9.5pt`.
    Points(f32),
    /// `18mm`.
    Millimetres(f32),
    /// `(3, 9)`: a table's column proportions.
    Shares(Vec<f32>),
    /// `1.3`: the proportion of a column added to a table.
    Share(f32),
    /// `(8.5pt, 7pt)`: sizes of successive steps.
    PointsList(Vec<f32>),
    /// `(10mm, 8mm)`: lengths of successive steps.
    MillimetresList(Vec<f32>),
}

/// The documents' own sizes (`templates/document.typ`, section « The
/// documents' own sizes »): the type, spaces, row and box heights and
/// column proportions each composer sets on its blocks, by name.
#[derive(Debug, Clone, PartialEq)]
pub struct Sizes {
    values: Vec<(String, Size)>,
}

/// The documents' own sizes of the embedded page program.
pub static SIZES: LazyLock<Sizes> = LazyLock::new(|| Sizes::read(PROGRAM));

impl Sizes {
    /// Reads the `#let` lines of a program's section of the documents' own
    /// sizes; a line whose value is not a size is left out (the unit
    /// tests see that none is).
    pub fn read(program: &str) -> Sizes {
        let values = program
            .lines()
            .skip_while(|l| !l.starts_with(SIZES_SECTION))
            .take_while(|l| !l.trim().is_empty())
            .filter_map(|l| l.strip_prefix("#let ")?.split_once(" = "))
            .filter_map(|(name, value)| Some((name.to_owned(), Size::parse(value)?)))
            .collect();
        Sizes { values }
    }

    /// The size `name`, in points (`#let name = 9.5pt`).
    pub fn pt(&self, name: &str) -> f32 {
        match self.get(name) {
            Some(Size::Points(pt)) => *pt,
            _ => missing(name, "pt"),
        }
    }

    /// The length `name`, in millimetres (`#let name = 18mm`).
    pub fn mm(&self, name: &str) -> f32 {
        match self.get(name) {
            Some(Size::Millimetres(mm)) => *mm,
            _ => missing(name, "mm"),
        }
    }

    /// The column proportions `name` (`#let name = (3, 9)`).
    pub fn shares(&self, name: &str) -> Vec<f32> {
        match self.get(name) {
            Some(Size::Shares(shares)) => shares.clone(),
            _ => missing(name, "(…)"),
        }
    }

    /// The proportion of one column `name` (`#let name = 1.3`).
    pub fn share(&self, name: &str) -> f32 {
        match self.get(name) {
            Some(Size::Share(share)) => *share,
            _ => missing(name, ""),
        }
    }

    /// The sizes `name`, in points (`#let name = (8.5pt, 7pt)`).
    pub fn pts(&self, name: &str) -> Vec<f32> {
        match self.get(name) {
            Some(Size::PointsList(pts)) => pts.clone(),
            _ => missing(name, "(…pt)"),
        }
    }

    /// The lengths `name`, in millimetres (`#let name = (10mm, 8mm)`).
    pub fn mms(&self, name: &str) -> Vec<f32> {
        match self.get(name) {
            Some(Size::MillimetresList(mms)) => mms.clone(),
            _ => missing(name, "(…mm)"),
        }
    }

    fn get(&self, name: &str) -> Option<&Size> {
        self.values.iter().find(|(n, _)| n == name).map(|(_, v)| v)
    }
}

/// A name the composers ask for and the embedded program does not give:
/// a fault of the program itself, which the unit tests rule out.
fn missing(name: &str, unit: &str) -> ! {
    panic!("the page program gives no « #let {name} = …{unit} »")
}

impl Size {
    fn parse(value: &str) -> Option<Size> {
        let value = value.trim();
        if let Some(list) = value.strip_prefix('(').and_then(|v| v.strip_suffix(')')) {
            let items: Vec<&str> = list
                .split(',')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .collect();
            let all = |unit: &str| -> Option<Vec<f32>> {
                items
                    .iter()
                    .map(|s| s.strip_suffix(unit)?.parse().ok())
                    .collect::<Option<Vec<f32>>>()
                    .filter(|v| !v.is_empty())
            };
            return all("pt")
                .map(Size::PointsList)
                .or_else(|| all("mm").map(Size::MillimetresList))
                .or_else(|| all("").map(Size::Shares));
        }
        if let Ok(share) = value.parse() {
            return Some(Size::Share(share));
        }
        if let Some(pt) = value.strip_suffix("pt") {
            return pt.parse().ok().map(Size::Points);
        }
        value
            .strip_suffix("mm")?
            .parse()
            .ok()
            .map(Size::Millimetres)
    }
}

/// `#let name = luma(70)` as the colour `464646`.
fn luma_hex(program: &str, name: &str) -> Option<String> {
    let grey: u8 = definition(program, name)?
        .trim()
        .strip_prefix("luma(")?
        .strip_suffix(')')?
        .parse()
        .ok()?;
    Some(format!("{grey:02X}{grey:02X}{grey:02X}"))
}

/// A centre's own page program keeps the geometry the DOCX and the column
/// fitting follow (those of the embedded program), or it is refused: the
/// two formats would no longer say the same on the same pages.
pub fn same_geometry(program: &str) -> Result<(), Error> {
    let refused = |why: String| {
        Error::Wording(format!(
            "modèle « document.typ »\u{a0}: {why}\u{a0}; gardez les lignes « #let » de géométrie du modèle fourni"
        ))
    };
    match Page::read(program) {
        Ok(page) if page == *PAGE => Ok(()),
        Ok(_) => Err(refused(
            "la géométrie de la page (marges, fenêtre de l'enveloppe, tailles du texte) diffère de celle du modèle fourni, que suivent le DOCX et la largeur des colonnes".to_owned(),
        )),
        Err(name) if name.starts_with("show ") => Err(refused(format!(
            "la ligne « #{name}: … » manque ou ne donne pas une taille simple"
        ))),
        Err(name) => Err(refused(format!(
            "la ligne « #let {name} = … » manque ou ne donne pas une longueur simple"
        ))),
    }
}

/// The text after `#let name = `.
fn definition<'a>(program: &'a str, name: &str) -> Option<&'a str> {
    let prefix = format!("#let {name} = ");
    program
        .lines()
        .find_map(|l| l.strip_prefix(prefix.as_str()))
}

/// The value of `#let name = …mm…` in millimetres.
fn length(program: &str, name: &str) -> Option<f32> {
    definition(program, name).and_then(|expr| sum_mm(expr, &|_| None))
}

/// The `height:` of `#let letter-head(b) = block(…)`, in millimetres: a
/// sum of lengths and of the values named on their own lines
/// (`window-y - margin-top + 42mm`).
fn letter_head(program: &str) -> Option<f32> {
    let expr = definition(program, "letter-head(b)")?
        .split("height: ")
        .nth(1)?
        .split(',')
        .next()?;
    sum_mm(expr, &|name| length(program, name))
}

/// The size of the headings of `level`
/// (`#show heading.where(level: 1): set text(size: 14pt, …)`); `Err`
/// names the line.
fn heading_size(program: &str, level: u8) -> Result<f32, String> {
    let line = format!("show heading.where(level: {level})");
    let prefix = format!("#{line}: set text(size: ");
    program
        .lines()
        .find_map(|l| l.strip_prefix(prefix.as_str()))
        .and_then(|rest| rest.split("pt").next()?.trim().parse().ok())
        .ok_or(line)
}

/// The `text(size: …pt)` of the recipient's address (`b.recipient`).
fn recipient_size(program: &str) -> Option<f32> {
    let line = program.lines().find(|l| l.contains("b.recipient"))?;
    let size = line.split("text(size: ").nth(1)?.split("pt").next()?;
    size.trim().parse().ok()
}

/// The value of `#let name = …em` in ems.
fn ems(program: &str, name: &str) -> Option<f32> {
    definition(program, name)?
        .trim()
        .strip_suffix("em")?
        .parse()
        .ok()
}

/// The value of `#let name = …pt` in points.
fn points(program: &str, name: &str) -> Option<f32> {
    definition(program, name)?
        .trim()
        .strip_suffix("pt")?
        .parse()
        .ok()
}

/// `210mm - 20mm - 100mm + 6mm`, in millimetres; a term that is a name
/// is given by `named`.
fn sum_mm(expr: &str, named: &dyn Fn(&str) -> Option<f32>) -> Option<f32> {
    let mut total = 0.0;
    let mut sign = 1.0;
    for term in expr.split_whitespace() {
        match term {
            "+" => sign = 1.0,
            "-" => sign = -1.0,
            _ => {
                let value = match term.strip_suffix("mm") {
                    Some(mm) => mm.parse::<f32>().ok()?,
                    None => named(term)?,
                };
                total += sign * value;
            }
        }
    }
    Some(total)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_program_gives_every_value() {
        let page = Page::read(PROGRAM).unwrap();
        assert_eq!(page.margin_top_mm, 24.0);
        assert_eq!(page.margin_bottom_mm, 20.0);
        assert_eq!(page.margin_x_mm, 18.0);
        assert_eq!(page.window_x_mm, 96.0);
        assert_eq!(page.window_y_mm, 55.0);
        assert_eq!(page.body_pt, 10.0);
        assert_eq!(page.small_pt, 7.5);
        assert_eq!(page.cell_inset_x_pt, 4.0);
        assert_eq!(page.content_width_mm(false), 174.0);
        assert_eq!(page.content_width_mm(true), 261.0);
        assert_eq!(page.content_height_mm(true), 166.0);
        assert_eq!(page.letter_head_mm, 73.0);
        assert_eq!(page.recipient_pt, 10.5);
        assert_eq!(page.heading_pt, [14.0, 11.5, 10.5]);
    }

    #[test]
    fn the_embedded_program_gives_what_the_docx_follows() {
        let word = WordPage::read(PROGRAM).unwrap();
        assert_eq!(word.rule_color, "464646");
        assert_eq!(word.shade, "E1E1E1");
        assert_eq!(word.light_rule, "787878");
        assert_eq!(word.cut_color, "5A5A5A");
        assert_eq!(word.muted, "282828");
        assert_eq!(word.header_mm, 9.0);
        assert_eq!(word.footer_mm, 8.0);
        assert_eq!(word.paragraph_after_pt, 5.0);
        assert_eq!(word.taller_line_em, 0.3);
        assert_eq!(word.cell_paragraph_after_mm, 0.8);
        assert_eq!(word.cell_inset_y_pt, 1.0);
        assert_eq!(word.logo_height_mm, 11.0);
        assert_eq!(word.header_gutter_mm, 4.0);
        assert_eq!(word.ruled_line_mm, 7.5);
        assert_eq!(word.caption_pt, 9.0);
        assert_eq!(word.line_em, 1.15);
        assert_eq!(word.scissors_pt, 11.0);
        assert_eq!(word.scissors_after_mm, 1.0);
        assert_eq!(word.sender_after_mm, 0.5);
        assert_eq!(word.caption_after_mm, 1.0);
        assert_eq!(word.heading_above_pt, 10.0);
        assert_eq!(word.heading_below_pt, 7.0);
        assert_eq!(word.table_gap_pt, 8.0);
        assert_eq!(word.table_gap_after_pt, 4.0);
        assert_eq!(word.hairline_pt, 1.0);
        assert_eq!(word.rule_stroke_pt, 0.5);
        assert_eq!(word.cut_stroke_pt, 0.75);
        let program = PROGRAM.replace("#let muted = luma(40)", "#let muted = rgb(40, 40, 40)");
        assert_eq!(WordPage::read(&program), Err("muted".to_owned()));
    }

    #[test]
    fn the_embedded_program_gives_the_posted_sheet() {
        let posted = PostedSheet::read(PROGRAM).unwrap();
        assert_eq!(posted.row_pt, 16.0);
        assert_eq!(posted.note_pt, 14.0);
        assert_eq!(posted.title_pt, 20.0);
        assert_eq!(posted.title_after_mm, 2.0);
        assert_eq!(posted.subtitle_after_mm, 3.0);
        assert_eq!(posted.between_mm, 1.5);
        assert_eq!(posted.widths, [2.6, 6.6, 4.9]);
        assert_eq!(posted.row_padding_pt, 6.0);
        assert_eq!(posted.table_spacing_pt, 12.0);
        let program = PROGRAM.replace("#let posted-widths = (2.6, 6.6, 4.9)", "");
        assert_eq!(PostedSheet::read(&program), Err("posted-widths".to_owned()));
    }

    /// Every value read from its own `#let` line, left out in turn, is
    /// named; and every length, size or grey of the program is read.
    #[test]
    fn a_value_left_out_of_the_program_is_named() {
        let read = [
            "margin-top",
            "margin-bottom",
            "margin-x",
            "window-x",
            "window-y",
            "body-size",
            "small-size",
            "cell-inset",
            "rule-color",
            "shade",
            "light-rule",
            "cut-color",
            "muted",
            "word-header",
            "word-footer",
            "word-paragraph-after",
            "word-taller-line",
            "word-cell-paragraph-after",
            "word-cell-inset-y",
            "logo-height",
            "header-gutter",
            "ruled-line",
            "caption-size",
            "word-line",
            "word-scissors-size",
            "word-scissors-after",
            "word-sender-after",
            "word-caption-after",
            "word-heading-above",
            "word-heading-below",
            "word-table-gap",
            "word-table-gap-after",
            "word-hairline",
            "rule-stroke",
            "word-cut-stroke",
            "posted-row-size",
            "posted-note-size",
            "posted-title-size",
            "posted-title-after",
            "posted-subtitle-after",
            "posted-between",
            "posted-widths",
            "posted-row-padding",
            "posted-table-spacing",
        ];
        // The PDF's alone: Word's scissors are `word-scissors-size`, its
        // lighter rules `rule-stroke`, its cut line `word-cut-stroke`.
        let pdf_only = ["scissors-size", "light-stroke", "cut-stroke"];
        // The documents' own sizes: see `every_document_size_is_asked_for`.
        let own: Vec<&str> = SIZES.values.iter().map(|(n, _)| n.as_str()).collect();
        for line in PROGRAM.lines().filter(|l| l.starts_with("#let ")) {
            let Some((name, value)) = line["#let ".len()..].split_once(" = ") else {
                continue;
            };
            let unit = ["mm", "pt", "em", "luma("]
                .iter()
                .any(|u| value.contains(u))
                || value.starts_with('(') && value.contains(char::is_numeric);
            // A value, not a drawing (`line(…)`) or a function.
            let drawing =
                value.contains('(') && !value.starts_with('(') && !value.starts_with("luma(");
            if name.contains('(') || value.contains('{') || drawing || !unit {
                continue;
            }
            if pdf_only.contains(&name) || own.contains(&name) {
                continue;
            }
            assert!(read.contains(&name), "« {name} » is read by nothing");
            let without = PROGRAM.replacen(line, "", 1);
            let named = [
                Page::read(&without).err(),
                WordPage::read(&without).err(),
                PostedSheet::read(&without).err(),
            ];
            assert!(
                named.iter().flatten().any(|n| n == name),
                "without « {name} »: {named:?}"
            );
        }
    }

    #[test]
    fn a_centre_program_with_another_letter_head_is_refused() {
        // The DOCX's letter head follows the program's: another one would
        // put the address elsewhere than the envelope's window in Word.
        let taller = PROGRAM.replace(
            "window-y - margin-top + 42mm",
            "window-y - margin-top + 50mm",
        );
        assert_ne!(taller, PROGRAM);
        assert!(same_geometry(&taller).is_err());
        let larger = PROGRAM.replace(
            "text(size: 10.5pt, b.recipient",
            "text(size: 12pt, b.recipient",
        );
        assert_ne!(larger, PROGRAM);
        assert!(same_geometry(&larger).is_err());
        let larger = PROGRAM.replace(
            "level: 2): set text(size: 11.5pt",
            "level: 2): set text(size: 12pt",
        );
        assert_ne!(larger, PROGRAM);
        assert!(same_geometry(&larger).is_err());
    }

    #[test]
    fn a_program_without_a_value_is_named() {
        let program = PROGRAM.replace("#let margin-x = 18mm", "#let margin-x = 1.8cm");
        assert_eq!(Page::read(&program), Err("margin-x".to_owned()));
    }

    #[test]
    fn a_centre_program_keeps_the_geometry_or_is_refused() {
        assert!(same_geometry(PROGRAM).is_ok());
        let wider = PROGRAM.replace("#let margin-x = 18mm", "#let margin-x = 20mm");
        let err = same_geometry(&wider).unwrap_err().to_string();
        assert!(err.contains("diffère de celle du modèle fourni"), "{err}");
        let unread = PROGRAM.replace("#let body-size = 10pt", "#let body-size = 1em");
        let err = same_geometry(&unread).unwrap_err().to_string();
        assert!(err.contains("« #let body-size = … » manque"), "{err}");
        let unread = PROGRAM.replace(
            "level: 1): set text(size: 14pt",
            "level: 1): set text(size: 1.4em",
        );
        let err = same_geometry(&unread).unwrap_err().to_string();
        assert!(
            err.contains("« #show heading.where(level: 1): … » manque"),
            "{err}"
        );
    }

    #[test]
    fn another_margin_moves_the_content_width() {
        let program = PROGRAM.replace("#let margin-x = 18mm", "#let margin-x = 20mm");
        assert_eq!(Page::read(&program).unwrap().content_width_mm(false), 170.0);
    }

    /// The calls `SIZES.pt("…")`, `SIZES.mm("…")`, `SIZES.shares("…")`,
    /// `SIZES.share("…")`, `SIZES.pts("…")`, `SIZES.mms("…")`
    /// of the composers, the column fitting and the DOCX's running header
    /// and footer, as (file, method, name).
    fn sizes_asked_for() -> Vec<(String, String, String)> {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut files: Vec<_> = std::fs::read_dir(root.join("compose"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        files.push(root.join("fit.rs"));
        files.push(root.join("render/docx/sections.rs"));
        let mut calls = Vec::new();
        for file in files.into_iter().filter(|f| f.exists()) {
            let source = std::fs::read_to_string(&file).unwrap();
            for call in source.split("SIZES.").skip(1) {
                let (method, rest) = call.split_once('(').unwrap();
                let name = rest
                    .strip_prefix('"')
                    .and_then(|r| r.split_once('"'))
                    .map(|(name, _)| name.to_owned());
                let file = file.display().to_string();
                assert!(
                    name.is_some(),
                    "{file}: SIZES.{method} is not given a name written out"
                );
                calls.push((file, method.to_owned(), name.unwrap()));
            }
        }
        calls
    }

    /// Every size a composer asks for is in the program with its unit,
    /// and every value of the section is asked for by some composer.
    #[test]
    fn every_document_size_is_asked_for() {
        let calls = sizes_asked_for();
        for (file, method, name) in &calls {
            let given = matches!(
                (method.as_str(), SIZES.get(name)),
                ("pt", Some(Size::Points(_)))
                    | ("mm", Some(Size::Millimetres(_)))
                    | ("shares", Some(Size::Shares(_)))
                    | ("share", Some(Size::Share(_)))
                    | ("pts", Some(Size::PointsList(_)))
                    | ("mms", Some(Size::MillimetresList(_)))
            );
            assert!(
                given,
                "{file}: SIZES.{method}(\"{name}\") is not in the program"
            );
        }
        let section = PROGRAM
            .lines()
            .skip_while(|l| !l.starts_with(SIZES_SECTION))
            .take_while(|l| !l.trim().is_empty())
            .filter_map(|l| l.strip_prefix("#let "));
        for line in section {
            let (name, _) = line.split_once(" = ").unwrap();
            assert!(SIZES.get(name).is_some(), "« {line} » is not a size");
            assert!(
                calls.iter().any(|(_, _, n)| n == name),
                "« {name} » is read by nothing"
            );
        }
    }

    #[test]
    fn a_document_size_is_read_with_its_unit() {
        let program = "// The documents' own sizes\n#let a-size = 9.5pt\n#let a-height = 18mm\n#let a-columns = (3, 1.2)\n#let a-column = 1.3\n#let a-steps = (8.5pt, 7pt)\n#let a-rows = (10mm, 8mm)\n\n#let after = 1pt\n";
        let sizes = Sizes::read(program);
        assert_eq!(sizes.pt("a-size"), 9.5);
        assert_eq!(sizes.mm("a-height"), 18.0);
        assert_eq!(sizes.shares("a-columns"), vec![3.0, 1.2]);
        assert_eq!(sizes.share("a-column"), 1.3);
        assert_eq!(sizes.pts("a-steps"), vec![8.5, 7.0]);
        assert_eq!(sizes.mms("a-rows"), vec![10.0, 8.0]);
        assert_eq!(sizes.get("after"), None);
        assert!(std::panic::catch_unwind(|| sizes.pt("a-height")).is_err());
    }
}
