//! Reads an exported file back into cells, so that a CSV, a workbook and a JSON document
//! can be compared with each other and with the export they came from (the tests do).

use std::io::Cursor;

use calamine::{open_workbook_from_rs, Data, Reader, Xlsx};
use serde_json::Value;

use super::write::{BOM, JSON_FORMAT, SHEETS};
use crate::domain::export::{Cell, Column, Kind, BACKLOG, PARAMETERS, THEMES, WEIGHTS};

/// The columns of the four tables, in `Export::tables()` order.
pub const COLUMNS: [&[Column]; 4] = [BACKLOG, THEMES, WEIGHTS, PARAMETERS];

/// Rows of cells of one table.
pub type Rows = Vec<Vec<Cell>>;

fn text_cell(s: &str) -> Cell {
    Cell::text(s)
}

/// A CSV (with its BOM) of a table with `columns`: the header must match them.
pub fn csv(bytes: &[u8], columns: &[Column]) -> anyhow::Result<Rows> {
    let body = bytes.strip_prefix(BOM.as_bytes()).ok_or_else(|| anyhow::anyhow!("no BOM"))?;
    let mut reader = csv::Reader::from_reader(body);
    let header: Vec<String> = reader.headers()?.iter().map(str::to_owned).collect();
    anyhow::ensure!(header.iter().eq(columns.iter().map(|c| c.id)), "header {header:?}");
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record?;
        let row = record.iter().zip(columns).map(|(field, col)| csv_cell(field, col.kind)).collect::<Result<_, _>>()?;
        rows.push(row);
    }
    Ok(rows)
}

fn csv_cell(field: &str, kind: Kind) -> anyhow::Result<Cell> {
    if field.is_empty() {
        return Ok(Cell::Empty);
    }
    Ok(match kind {
        Kind::Int => Cell::Int(field.parse()?),
        Kind::Dec(_) => Cell::Dec(field.parse()?),
        Kind::Bool => Cell::Bool(field == "true"),
        Kind::Any => field.parse().map_or_else(|_| text_cell(unguard(field)), Cell::Int),
        Kind::Text => text_cell(unguard(field)),
    })
}

/// Text without the `'` that CSV puts before text starting like a formula.
fn unguard(field: &str) -> &str {
    match field.strip_prefix('\'') {
        Some(rest) if super::write::csv_text(rest).len() != rest.len() => rest,
        _ => field,
    }
}

fn xlsx_cell(data: &Data, kind: Kind) -> Cell {
    match (data, kind) {
        (Data::Empty, _) => Cell::Empty,
        (Data::String(s), _) => text_cell(s),
        (Data::Float(f), Kind::Dec(_)) => Cell::Dec(*f),
        (Data::Float(f), _) => Cell::Int(*f as i64),
        (Data::Int(n), _) => Cell::Int(*n),
        (Data::Bool(b), _) => Cell::Bool(*b),
        (other, _) => Cell::Text(other.to_string()),
    }
}

fn xlsx_rows(rows: &[Vec<Data>], columns: &[Column]) -> anyhow::Result<Rows> {
    let (header, body) = rows.split_first().ok_or_else(|| anyhow::anyhow!("no header"))?;
    let ids: Vec<String> = header.iter().take(columns.len()).map(|d| d.to_string()).collect();
    anyhow::ensure!(ids.iter().eq(columns.iter().map(|c| c.id)), "header {ids:?}");
    Ok(body
        .iter()
        .map(|r| columns.iter().enumerate().map(|(i, c)| xlsx_cell(r.get(i).unwrap_or(&Data::Empty), c.kind)).collect())
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
