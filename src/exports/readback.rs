//! Reads an exported file back into cells, so that a CSV, a workbook and a JSON document
//! can be compared with each other and with the export they came from (the tests do).

use std::io::Cursor;

use calamine::{open_workbook_from_rs, Data, Reader, Xlsx};
use serde_json::Value;

use super::write::{term_name, yes_no, BOM, JSON_FORMAT, SHEETS, XLSX_HEADER_ROWS};
use crate::domain::export::{Cell, Column, Kind, BACKLOG, PARAMETERS, THEMES, WEIGHTS};
use crate::domain::Locale;

/// The columns of the four tables, in `Export::tables()` order.
pub const COLUMNS: [&[Column]; 4] = [BACKLOG, THEMES, WEIGHTS, PARAMETERS];

/// Rows of cells of one table.
pub type Rows = Vec<Vec<Cell>>;

fn text_cell(s: &str) -> Cell {
    Cell::text(s)
}

/// The language of a row of headings of `columns`; an error unless it is one of them.
fn headings_locale<S: AsRef<str>>(headings: &[S], columns: &[Column]) -> anyhow::Result<Locale> {
    let given: Vec<&str> = headings.iter().take(columns.len()).map(AsRef::as_ref).collect();
    Locale::ALL
        .into_iter()
        .find(|&l| given.iter().copied().eq(columns.iter().map(|c| c.heading(l))))
        .ok_or_else(|| anyhow::anyhow!("headings {given:?}"))
}

/// The code of a term written by name in `locale` (a text that names none stays as it is).
fn term_code(kind: Kind, s: &str, locale: Locale) -> Cell {
    match kind {
        Kind::Term(terms) => {
            let code = terms.codes.iter().find(|c| term_name(terms, c, locale) == s);
            text_cell(code.copied().unwrap_or(s))
        }
        _ => text_cell(s),
    }
}

/// A CSV (with its BOM) of a table with `columns`: a row of headings in either language and
/// one of identifiers, which must match them; cells as the export holds them (terms by code).
pub fn csv(bytes: &[u8], columns: &[Column]) -> anyhow::Result<Rows> {
    let body = bytes.strip_prefix(BOM.as_bytes()).ok_or_else(|| anyhow::anyhow!("no BOM"))?;
    let mut reader = csv::ReaderBuilder::new().has_headers(false).from_reader(body);
    let mut records = reader.records();
    let headings = records.next().ok_or_else(|| anyhow::anyhow!("no headings"))??;
    let locale = headings_locale(&headings.iter().collect::<Vec<_>>(), columns)?;
    let ids = records.next().ok_or_else(|| anyhow::anyhow!("no identifiers"))??;
    anyhow::ensure!(ids.iter().eq(columns.iter().map(|c| c.id)), "identifiers {ids:?}");
    let mut rows = Vec::new();
    for record in records {
        let record = record?;
        let row = record
            .iter()
            .zip(columns)
            .map(|(field, col)| csv_cell(field, col.kind, locale))
            .collect::<Result<_, _>>()?;
        rows.push(row);
    }
    Ok(rows)
}

fn csv_cell(field: &str, kind: Kind, locale: Locale) -> anyhow::Result<Cell> {
    if field.is_empty() {
        return Ok(Cell::Empty);
    }
    Ok(match kind {
        Kind::Int => Cell::Int(field.parse()?),
        Kind::Dec(_) => Cell::Dec(field.parse()?),
        Kind::Bool if field == yes_no(true, locale) => Cell::Bool(true),
        Kind::Bool if field == yes_no(false, locale) => Cell::Bool(false),
        Kind::Bool => anyhow::bail!("not yes or no: {field}"),
        Kind::Any => field.parse().map_or_else(|_| text_cell(unguard(field)), Cell::Int),
        Kind::Text | Kind::Term(_) => term_code(kind, unguard(field), locale),
    })
}

/// Text without the `'` that CSV puts before text starting like a formula.
fn unguard(field: &str) -> &str {
    match field.strip_prefix('\'') {
        Some(rest) if super::write::csv_text(rest).len() != rest.len() => rest,
        _ => field,
    }
}

fn xlsx_cell(data: &Data, kind: Kind, locale: Locale) -> Cell {
    match (data, kind) {
        (Data::Empty, _) => Cell::Empty,
        (Data::String(s), _) => term_code(kind, s, locale),
        (Data::Float(f), Kind::Dec(_)) => Cell::Dec(*f),
        (Data::Float(f), _) => Cell::Int(*f as i64),
        (Data::Int(n), _) => Cell::Int(*n),
        (Data::Bool(b), _) => Cell::Bool(*b),
        (other, _) => Cell::Text(other.to_string()),
    }
}

fn xlsx_rows(rows: &[Vec<Data>], columns: &[Column]) -> anyhow::Result<Rows> {
    let header_rows = XLSX_HEADER_ROWS as usize;
    anyhow::ensure!(rows.len() >= header_rows, "no header");
    let text = |row: &[Data]| -> Vec<String> { row.iter().take(columns.len()).map(|d| d.to_string()).collect() };
    let locale = headings_locale(&text(&rows[0]), columns)?;
    let ids = text(&rows[1]);
    anyhow::ensure!(ids.iter().eq(columns.iter().map(|c| c.id)), "identifiers {ids:?}");
    Ok(rows[header_rows..]
        .iter()
        .map(|r| {
            let cell = |(i, c): (usize, &Column)| xlsx_cell(r.get(i).unwrap_or(&Data::Empty), c.kind, locale);
            columns.iter().enumerate().map(cell).collect()
        })
        .collect())
}

/// A workbook's four tables (the parameters sit below the weights, after a blank row).
pub fn xlsx(bytes: &[u8]) -> anyhow::Result<[Rows; 4]> {
    let mut book: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes))?;
    let mut sheets = Vec::new();
    for name in SHEETS {
        let range = book.worksheet_range(name)?;
        sheets.push(range.rows().map(<[Data]>::to_vec).collect::<Vec<Vec<Data>>>());
    }
    let weights = &sheets[2];
    let blank = weights.iter().position(|r| r.iter().all(|d| *d == Data::Empty)).unwrap_or(weights.len());
    let after = (blank + 1).min(weights.len());
    Ok([
        xlsx_rows(&sheets[0], BACKLOG)?,
        xlsx_rows(&sheets[1], THEMES)?,
        xlsx_rows(&weights[..blank], WEIGHTS)?,
        xlsx_rows(&weights[after..], PARAMETERS)?,
    ])
}

fn json_cell(value: &Value, kind: Kind) -> anyhow::Result<Cell> {
    Ok(match (value, kind) {
        (Value::Null, _) => Cell::Empty,
        (Value::String(s), _) => text_cell(s),
        (Value::Bool(b), _) => Cell::Bool(*b),
        (Value::Number(n), Kind::Dec(_)) => Cell::Dec(n.as_f64().unwrap_or(f64::NAN)),
        (Value::Number(n), _) => Cell::Int(n.as_i64().ok_or_else(|| anyhow::anyhow!("not whole: {n}"))?),
        (other, _) => anyhow::bail!("unexpected {other}"),
    })
}

/// A JSON document's four tables; every object must have exactly the table's keys.
pub fn json(bytes: &[u8]) -> anyhow::Result<[Rows; 4]> {
    let doc: Value = serde_json::from_slice(bytes)?;
    anyhow::ensure!(doc["format"] == JSON_FORMAT, "format {}", doc["format"]);
    let table = |name: &str, columns: &[Column]| -> anyhow::Result<Rows> {
        let rows = doc[name].as_array().ok_or_else(|| anyhow::anyhow!("no {name}"))?;
        rows.iter()
            .map(|row| {
                let object = row.as_object().ok_or_else(|| anyhow::anyhow!("{name}: not an object"))?;
                anyhow::ensure!(object.len() == columns.len(), "{name}: keys {:?}", object.keys());
                columns.iter().map(|c| json_cell(object.get(c.id).unwrap_or(&Value::Null), c.kind)).collect()
            })
            .collect()
    };
    Ok([
        table("backlog", BACKLOG)?,
        table("themes", THEMES)?,
        table("weights", WEIGHTS)?,
        table("parameters", PARAMETERS)?,
    ])
}
