//! The three writers. Each writes the cells of `Export::tables()` and nothing else, so the
//! formats carry the same content; only the encoding differs.

use std::borrow::Cow;

use rust_xlsxwriter::{Format, FormatBorder, Note, Workbook, Worksheet, XlsxError};
use serde_json::{Map, Value};

use crate::domain::export::{Cell, Export, Kind, Table};

/// Byte order mark that tells Excel the CSV is UTF-8 (without it, Bangla turns to mojibake).
pub const BOM: &str = "\u{FEFF}";

/// The JSON document's `format` value.
pub const JSON_FORMAT: &str = "nagorik-backlog-export";

/// Characters that make a spreadsheet read a CSV cell as a formula.
const FORMULA_START: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// A text cell as CSV writes it: a leading `'` keeps text that starts like a formula
/// (a theme label, a problem statement) from running as one when the file is opened.
pub fn csv_text(s: &str) -> Cow<'_, str> {
    if s.starts_with(FORMULA_START) {
        Cow::Owned(format!("'{s}"))
    } else {
        Cow::Borrowed(s)
    }
}

/// A number as CSV writes it: with its column's decimals.
fn csv_number(x: f64, kind: Kind) -> String {
    match kind {
        Kind::Dec(d) => format!("{x:.*}", usize::from(d)),
        _ => x.to_string(),
    }
}

/// One table as CSV: UTF-8 with BOM, CRLF line ends, a header of column identifiers.
pub fn csv(table: &Table) -> Result<Vec<u8>, csv::Error> {
    let mut w = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(BOM.as_bytes().to_vec());
    w.write_record(table.columns.iter().map(|c| c.id))?;
    for row in &table.rows {
        for (cell, col) in row.iter().zip(table.columns) {
            let field = match cell {
                Cell::Empty => Cow::Borrowed(""),
                Cell::Text(s) => csv_text(s),
                Cell::Int(n) => Cow::Owned(n.to_string()),
                Cell::Dec(x) => Cow::Owned(csv_number(*x, col.kind)),
                Cell::Bool(b) => Cow::Borrowed(if *b { "true" } else { "false" }),
            };
            w.write_field(field.as_bytes())?;
        }
        w.write_record(std::iter::empty::<&[u8]>())?;
    }
    w.into_inner().map_err(|e| csv::Error::from(e.into_error()))
}

fn json_value(cell: &Cell) -> Value {
    match cell {
        Cell::Empty => Value::Null,
        Cell::Text(s) => Value::String(s.clone()),
        Cell::Int(n) => Value::from(*n),
        Cell::Dec(x) => serde_json::Number::from_f64(*x).map_or(Value::Null, Value::Number),
        Cell::Bool(b) => Value::Bool(*b),
    }
}

/// A table's rows as JSON objects keyed by column identifier.
pub fn json_rows(table: &Table) -> Value {
    let rows = table.rows.iter().map(|row| {
        let object: Map<String, Value> =
            table.columns.iter().zip(row).map(|(col, cell)| (col.id.to_owned(), json_value(cell))).collect();
        Value::Object(object)
    });
    Value::Array(rows.collect())
}

/// The JSON document: `format`, `version`, `generated_at`, `filter`, then one array per table.
pub fn json(export: &Export, tables: &[Table]) -> serde_json::Result<Vec<u8>> {
    let mut doc = Map::new();
    doc.insert("format".into(), JSON_FORMAT.into());
    doc.insert("version".into(), crate::domain::export::FORMAT_VERSION.into());
    doc.insert("generated_at".into(), export.generated_at.format("%Y-%m-%dT%H:%M:%SZ").to_string().into());
    doc.insert("filter".into(), export.filter.clone().into());
    for table in tables {
        doc.insert(table.name.to_owned(), json_rows(table));
    }
    serde_json::to_vec_pretty(&Value::Object(doc))
}

/// Formats of one workbook.
struct Formats {
    header: Format,
    dec: [Format; 4],
}

impl Formats {
    fn new() -> Formats {
        let header = Format::new().set_bold().set_text_wrap().set_border_bottom(FormatBorder::Thin);
        let dec = ["0", "0.0", "0.00", "0.000"].map(|f| Format::new().set_num_format(f));
        Formats { header, dec }
    }
}

/// Writes `table` from `first_row`: a bold header with each column's Bangla heading as a
/// note, then the cells (numbers as numbers). Returns the row after the last.
fn write_table(sheet: &mut Worksheet, table: &Table, first_row: u32, f: &Formats) -> Result<u32, XlsxError> {
    for (c, col) in table.columns.iter().enumerate() {
        let c = c as u16;
        sheet.write_string_with_format(first_row, c, col.id, &f.header)?;
        sheet.insert_note(first_row, c, &Note::new(col.bn).add_author_prefix(false))?;
    }
    let mut r = first_row;
    for row in &table.rows {
        r += 1;
        for (c, (cell, col)) in row.iter().zip(table.columns).enumerate() {
            let c = c as u16;
            match cell {
                Cell::Empty => {}
                Cell::Text(s) => {
                    sheet.write_string(r, c, s)?;
                }
                Cell::Int(n) => {
                    sheet.write_number(r, c, *n as f64)?;
                }
                Cell::Dec(x) => {
                    let decimals = match col.kind {
                        Kind::Dec(d) => usize::from(d.min(3)),
                        _ => 3,
                    };
                    sheet.write_number_with_format(r, c, *x, &f.dec[decimals])?;
                }
                Cell::Bool(b) => {
                    sheet.write_boolean(r, c, *b)?;
                }
            }
        }
    }
    Ok(r + 1)
}

/// A column's width: its own, or enough for its header.
fn width(col: &crate::domain::export::Column) -> f64 {
    f64::from(col.width).max(col.id.len() as f64 * 0.9)
}

/// Sheet names of the workbook, for tables `backlog`, `themes` and `weights` (the
/// parameters sit below the weights, after a blank row).
pub const SHEETS: [&str; 3] = ["Backlog", "Themes", "Weights"];

/// The workbook: sheets Backlog, Themes and Weights (with the parameters below), each
/// with a bold frozen header row, column widths and an autofilter on the data tables.
pub fn xlsx(tables: &[Table; 4]) -> Result<Vec<u8>, XlsxError> {
    let f = Formats::new();
    let mut workbook = Workbook::new();
    for (i, name) in SHEETS.iter().enumerate() {
        let table = &tables[i];
        let sheet = workbook.add_worksheet();
        sheet.set_name(*name)?;
        let end = write_table(sheet, table, 0, &f)?;
        let mut widths: Vec<f64> = table.columns.iter().map(width).collect();
        // The backlog keeps its rank and service code in view while scrolling right.
        sheet.set_freeze_panes(1, if i == 0 { 3 } else { 0 })?;
        let last_col = table.columns.len().saturating_sub(1) as u16;
        if i < 2 {
            sheet.autofilter(0, 0, end - 1, last_col)?;
        } else {
            write_table(sheet, &tables[3], end + 1, &f)?;
            for (c, col) in tables[3].columns.iter().enumerate() {
                if c < widths.len() {
                    widths[c] = widths[c].max(width(col));
                } else {
                    widths.push(width(col));
                }
            }
        }
        for (c, w) in widths.into_iter().enumerate() {
            sheet.set_column_width(c as u16, w)?;
        }
    }
    workbook.save_to_buffer()
}

#[cfg(test)]
#[path = "write_tests.rs"]
mod tests;
