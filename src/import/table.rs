//! Reads a list of people as rows of text: CSV as French office software
//! writes it (`;` or `,`, UTF-8 with or without BOM, or Windows-1252), or
//! a workbook (XLSX, ODS…) through calamine, real date cells included.

use std::path::Path;

use calamine::{Data, Reader, open_workbook_auto};

use crate::error::Error;

/// A table: its header row and its rows, every cell as text.
pub struct Table {
    /// The sheet it was read from (workbooks only).
    pub sheet: Option<String>,
    pub headers: Vec<String>,
    /// Each row with its number in the file (the first line is row 1).
    pub rows: Vec<(usize, Vec<String>)>,
    /// The number of the header row in the file.
    pub header_row: usize,
}

/// How far down a title and notes may push the header row.
const HEADER_SEARCH_ROWS: usize = 20;

/// Reads the table of a CSV file or of a workbook: the sheet named
/// `sheet`, or else the first sheet that has a header row. The header row
/// is the first with at least two cells `is_header` recognises, so a title
/// above it is skipped.
pub fn read(
    path: &Path,
    sheet: Option<&str>,
    is_header: &dyn Fn(&str) -> bool,
) -> Result<Table, Error> {
    if let Err(e) = std::fs::metadata(path) {
        return Err(cannot_read(path, &crate::error::io_fr(&e)));
    }
    let is_csv = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("csv") || e.eq_ignore_ascii_case("txt"));
    let sheets = if is_csv {
        if let Some(name) = sheet {
            return Err(Error::Usage(format!(
                "--feuille « {name} »\u{a0}: un fichier CSV n'a pas de feuilles"
            )));
        }
        let bytes = std::fs::read(path).map_err(|e| cannot_read(path, &crate::error::io_fr(&e)))?;
        vec![(None, csv_rows(&decode(&bytes), is_header)?)]
    } else {
        workbook_sheets(path, sheet)?
    };
    let found = sheets.into_iter().find_map(|(name, rows)| {
        let header = rows
            .iter()
            .take(HEADER_SEARCH_ROWS)
            .position(|(_, r)| r.iter().filter(|c| is_header(c)).count() >= 2)?;
        Some((name, header, rows))
    });
    let Some((sheet, header, rows)) = found else {
        let what = match sheet {
            Some(name) => format!("la feuille « {name} » de « {} »", path.display()),
            None => format!("« {} »", path.display()),
        };
        return Err(Error::Refused(format!(
            "aucune ligne d'en-têtes reconnue dans {what}\u{a0}: une ligne doit nommer les colonnes (Nom, Prénom, N° candidat…)"
        )));
    };
    let mut rows = rows.into_iter().skip(header);
    let (header_row, headers) = rows.next().unwrap_or_default();
    Ok(Table {
        sheet,
        headers,
        header_row,
        rows: rows
            .filter(|(_, r)| r.iter().any(|c| !c.trim().is_empty()))
            .collect(),
    })
}

fn cannot_read(path: &Path, why: &str) -> Error {
    Error::Io(format!(
        "impossible de lire « {} »\u{a0}: {why}",
        path.display()
    ))
}

/// UTF-8 (a BOM dropped) when the bytes are UTF-8, else Windows-1252.
fn decode(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_owned(),
        Err(_) => encoding_rs::WINDOWS_1252.decode(bytes).0.into_owned(),
    }
}

/// CSV rows, cut at the separator of the header line (`;`, `,` or a
/// tab: the one that gives it the most recognised headers), so that a
/// title line above it may hold any of them.
fn csv_rows(text: &str, is_header: &dyn Fn(&str) -> bool) -> Result<Vec<Row>, Error> {
    let recognised = |line: &str, separator: char| {
        line.split(separator)
            .filter(|cell| is_header(cell.trim().trim_matches('"')))
            .count()
    };
    let from_header = text.lines().take(HEADER_SEARCH_ROWS).find_map(|line| {
        ['\t', ',', ';']
            .into_iter()
            .map(|sep| (recognised(line, sep), sep))
            .filter(|(count, _)| *count >= 2)
            .max_by_key(|(count, _)| *count)
            .map(|(_, sep)| sep as u8)
    });
    let first = text.lines().next().unwrap_or_default();
    let separator = from_header.unwrap_or(
        if first.matches(';').count() >= first.matches(',').count() {
            b';'
        } else {
            b','
        },
    );
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(separator)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    reader
        .records()
        .map(|r| {
            r.map(|r| {
                let line = r.position().map_or(0, |p| p.line() as usize);
                (line, r.iter().map(str::to_owned).collect())
            })
            .map_err(|e| Error::Refused(format!("fichier CSV illisible\u{a0}: {e}")))
        })
        .collect()
}

/// A row of cells with its number in the file (the first line is 1).
type Row = (usize, Vec<String>);

/// A sheet to look in: its name and its rows.
type Sheet = (Option<String>, Vec<Row>);

fn workbook_sheets(path: &Path, wanted: Option<&str>) -> Result<Vec<Sheet>, Error> {
    let mut workbook = open_workbook_auto(path).map_err(|e| match e {
        calamine::Error::Io(e) => cannot_read(path, &crate::error::io_fr(&e)),
        _ => Error::Refused(format!(
            "« {} » ne se lit ni comme un classeur XLSX, XLS ou ODS ni comme un fichier CSV (.csv)\u{a0}: enregistrez la liste dans l'un de ces formats",
            path.display()
        )),
    })?;
    let names = workbook.sheet_names();
    let chosen: Vec<String> = match wanted {
        Some(w) => {
            let name = names
                .iter()
                .find(|n| n.trim().eq_ignore_ascii_case(w.trim()))
                .ok_or_else(|| {
                    Error::Usage(format!(
                        "--feuille\u{a0}: « {} » n'a pas de feuille « {w} » (feuilles\u{a0}: {})",
                        path.display(),
                        names.join(", ")
                    ))
                })?;
            vec![name.clone()]
        }
        None => names,
    };
    chosen
        .into_iter()
        .map(|name| {
            let range = workbook
                .worksheet_range(&name)
                .map_err(|_| cannot_read(path, &format!("la feuille « {name} » est illisible")))?;
            let first_row = range.start().map_or(0, |(row, _)| row as usize);
            let rows = range
                .rows()
                .enumerate()
                .map(|(i, row)| (first_row + i + 1, row.iter().map(cell_text).collect()))
                .collect();
            Ok((Some(name), rows))
        })
        .collect()
}

fn cell_text(cell: &Data) -> String {
    match cell {
        Data::DateTime(d) => d
            .as_datetime()
            .map(|t| t.format("%Y-%m-%d").to_string())
            .unwrap_or_default(),
        // A date (and time) cell of an ODS workbook: its date part.
        Data::DateTimeIso(d) => d.split('T').next().unwrap_or_default().to_owned(),
        Data::Float(f) if f.fract() == 0.0 => format!("{}", *f as i64),
        Data::Empty => String::new(),
        other => other.to_string(),
    }
}
