//! Reads a list of people as rows of text: CSV as French office software
//! writes it (`;` or `,`, UTF-8 with or without BOM, or Windows-1252), or
//! a workbook (XLSX, ODS…) through calamine, real date cells included.

use std::path::Path;

use calamine::{Data, Reader, open_workbook_auto};

use crate::error::Error;

/// A table: its header row and its rows, every cell as text.
pub struct Table {
    pub headers: Vec<String>,
    /// Each row with its number in the file (the header is row 1).
    pub rows: Vec<(usize, Vec<String>)>,
}

/// Reads the first sheet of a workbook, or a CSV file.
pub fn read(path: &Path) -> Result<Table, Error> {
    let is_csv = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("csv") || e.eq_ignore_ascii_case("txt"));
    let cells = if is_csv {
        let bytes = std::fs::read(path).map_err(|e| cannot_read(path, &e.to_string()))?;
        csv_rows(&decode(&bytes))?
    } else {
        workbook_rows(path)?
    };
    let mut rows = cells.into_iter().enumerate();
    let Some((_, headers)) = rows.next() else {
        return Err(Error::Refused(format!(
            "« {} » est vide : la première ligne doit donner les noms des colonnes",
            path.display()
        )));
    };
    Ok(Table {
        headers,
        rows: rows
            .filter(|(_, r)| r.iter().any(|c| !c.trim().is_empty()))
            .map(|(i, r)| (i + 1, r))
            .collect(),
    })
}

fn cannot_read(path: &Path, why: &str) -> Error {
    Error::Write(format!(
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

/// CSV rows; the separator is `;` when the header line has more of them
/// than of `,`.
fn csv_rows(text: &str) -> Result<Vec<Vec<String>>, Error> {
    let header = text.lines().next().unwrap_or_default();
    let separator = if header.matches(';').count() >= header.matches(',').count() {
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(separator)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    reader
        .records()
        .map(|r| {
            r.map(|r| r.iter().map(str::to_owned).collect())
                .map_err(|e| Error::Refused(format!("fichier CSV illisible\u{a0}: {e}")))
        })
        .collect()
}

/// The first sheet's rows; date cells as `AAAA-MM-JJ`.
fn workbook_rows(path: &Path) -> Result<Vec<Vec<String>>, Error> {
    let mut workbook = open_workbook_auto(path).map_err(|e| cannot_read(path, &e.to_string()))?;
    let range = workbook
        .worksheet_range_at(0)
        .ok_or_else(|| cannot_read(path, "aucune feuille"))?
        .map_err(|e| cannot_read(path, &e.to_string()))?;
    Ok(range
        .rows()
        .map(|row| row.iter().map(cell_text).collect())
        .collect())
}

fn cell_text(cell: &Data) -> String {
    match cell {
        Data::DateTime(d) => d
            .as_datetime()
            .map(|t| t.format("%Y-%m-%d").to_string())
            .unwrap_or_default(),
        Data::Float(f) if f.fract() == 0.0 => format!("{}", *f as i64),
        Data::Empty => String::new(),
        other => other.to_string(),
    }
}
