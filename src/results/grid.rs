//! The grid the jury fills after the deliberation, as an XLSX workbook:
//! one row per candidate convened, by name, one column per CCP of the
//! session to mark, the decision chosen in a list, the observations. Only
//! the cells to fill are unlocked; the sheet is protected without a
//! password. A result already in the session file is written in, so a
//! grid made again keeps what was entered.

use rust_xlsxwriter::{
    Color, DataValidation, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError,
};

use super::GridTexts;
use crate::error::Error;
use crate::fr;
use crate::model::{Candidat, Session};

/// Rows above the header row: title, subtitle, instructions, the CCPs'
/// titles.
const HEADER_ROW: u32 = 4;

/// The workbook's bytes.
pub fn workbook(s: &Session, texts: &GridTexts) -> Result<Vec<u8>, Error> {
    let fail = |e: XlsxError| Error::Render(format!("la grille n'a pas pu être écrite\u{a0}: {e}"));
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    fill(sheet, s, texts).map_err(fail)?;
    book.save_to_buffer().map_err(fail)
}

/// The cell formats of the grid.
struct Formats {
    title: Format,
    subtitle: Format,
    note: Format,
    ccp_title: Format,
    header: Format,
    fixed: Format,
    mark: Format,
    input: Format,
    text_input: Format,
}

fn formats() -> Formats {
    let bordered = Format::new()
        .set_border(FormatBorder::Thin)
        .set_align(FormatAlign::VerticalCenter);
    let input = bordered
        .clone()
        .set_unlocked()
        .set_background_color(Color::RGB(0xFF_FB_E6));
    Formats {
        title: Format::new().set_bold().set_font_size(14),
        subtitle: Format::new().set_font_size(11),
        note: Format::new()
            .set_italic()
            .set_text_wrap()
            .set_align(FormatAlign::Top),
        ccp_title: Format::new()
            .set_font_size(8)
            .set_text_wrap()
            .set_align(FormatAlign::Center)
            .set_align(FormatAlign::Bottom),
        header: bordered
            .clone()
            .set_bold()
            .set_text_wrap()
            .set_align(FormatAlign::Center)
            .set_background_color(Color::RGB(0xE8_E8_E8)),
        fixed: bordered.clone().set_num_format("@"),
        mark: input.clone().set_align(FormatAlign::Center),
        text_input: input.clone().set_text_wrap(),
        input,
    }
}

/// The candidates convened, by name as on the PV.
fn by_name(s: &Session) -> Vec<&Candidat> {
    let mut list: Vec<&Candidat> = s.candidats.value.iter().collect();
    list.sort_by_cached_key(|c| fr::collation_key(&fr::nom_prenom(c.nom_affiche(), &c.prenom)));
    list
}

fn fill(sheet: &mut Worksheet, s: &Session, texts: &GridTexts) -> Result<(), XlsxError> {
    let l = &texts.labels;
    let f = formats();
    let covered = s.covered_ccp();
    let first_ccp: u16 = 5;
    let decision_col = first_ccp + covered.len() as u16;
    let observations_col = decision_col + 1;
    sheet.set_name(&l.feuille)?;
    sheet.merge_range(0, 0, 0, observations_col, &texts.titre, &f.title)?;
    sheet.merge_range(1, 0, 1, observations_col, &texts.sous_titre, &f.subtitle)?;
    sheet.merge_range(2, 0, 2, observations_col, &texts.consigne, &f.note)?;
    sheet.set_row_height(2, 32)?;
    sheet.set_row_height(3, 64)?;
    sheet.set_row_height(HEADER_ROW, 30)?;
    let headers = [&l.numero, &l.nom, &l.prenom, &l.naissance, &l.presence];
    for (col, h) in headers.iter().enumerate() {
        sheet.write_string_with_format(HEADER_ROW, col as u16, *h, &f.header)?;
    }
    for (k, code) in covered.iter().enumerate() {
        let col = first_ccp + k as u16;
        let title = s.ccp(code).map_or("", |c| c.intitule.as_str());
        sheet.write_string_with_format(3, col, title, &f.ccp_title)?;
        sheet.write_string_with_format(HEADER_ROW, col, *code, &f.header)?;
        sheet.set_column_width(col, 13)?;
    }
    sheet.write_string_with_format(HEADER_ROW, decision_col, &l.decision, &f.header)?;
    sheet.write_string_with_format(HEADER_ROW, observations_col, &l.observations, &f.header)?;
    for (col, width) in [(0, 13), (1, 22), (2, 18), (3, 13), (4, 10)] {
        sheet.set_column_width(col, width)?;
    }
    sheet.set_column_width(decision_col, 19)?;
    sheet.set_column_width(observations_col, 60)?;
    let candidates = by_name(s);
    for (i, c) in candidates.iter().enumerate() {
        let row = HEADER_ROW + 1 + i as u32;
        // Room for a few lines of observations.
        sheet.set_row_height(row, 30)?;
        let result = c.resultat.as_ref().map(|r| &r.value);
        let absent = c.decision() == Some(crate::model::Decision::Absent);
        let fixed = [
            c.identifiant.clone(),
            fr::capitals(c.nom_affiche()),
            c.prenom.clone(),
            c.date_naissance.map(fr::short_date).unwrap_or_default(),
            if absent {
                l.absent.clone()
            } else {
                String::new()
            },
        ];
        for (col, text) in fixed.iter().enumerate() {
            sheet.write_string_with_format(row, col as u16, text, &f.fixed)?;
        }
        for (k, code) in covered.iter().enumerate() {
            let obtained = result.is_some_and(|r| r.ccp.iter().any(|c| c.value == *code));
            let mark = if obtained { l.marque.as_str() } else { "" };
            sheet.write_string_with_format(row, first_ccp + k as u16, mark, &f.mark)?;
        }
        let decision = result.map_or("", |r| l.decision(r.decision.value));
        sheet.write_string_with_format(row, decision_col, decision, &f.input)?;
        let observations = result.and_then(|r| r.observations.as_deref()).unwrap_or("");
        sheet.write_string_with_format(row, observations_col, observations, &f.text_input)?;
    }
    if !candidates.is_empty() {
        let last = HEADER_ROW + candidates.len() as u32;
        if !covered.is_empty() {
            let marks = DataValidation::new().allow_list_strings(&[l.marque.as_str()])?;
            sheet.add_data_validation(HEADER_ROW + 1, first_ccp, last, decision_col - 1, &marks)?;
        }
        let choices = [
            l.choix_absent.as_str(),
            l.choix_reussite.as_str(),
            l.choix_partielle.as_str(),
            l.choix_echec.as_str(),
        ];
        let decisions = DataValidation::new().allow_list_strings(&choices)?;
        sheet.add_data_validation(HEADER_ROW + 1, decision_col, last, decision_col, &decisions)?;
    }
    sheet.set_freeze_panes(HEADER_ROW + 1, 3)?;
    sheet.set_landscape();
    sheet.set_print_fit_to_pages(1, 0);
    sheet.protect();
    Ok(())
}
