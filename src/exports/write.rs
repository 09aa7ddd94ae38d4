//! The three writers. Each writes the cells of `Export::tables()` and nothing else, so the
//! formats carry the same content; only the encoding differs.

use std::borrow::Cow;

use rust_xlsxwriter::{Format, FormatBorder, Workbook, Worksheet, XlsxError};
use serde_json::{Map, Value};

use crate::domain::export::{Cell, Export, Kind, Table, Terms};
use crate::domain::Locale;

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

/// The name of `code` in `locale` (the code itself when it is none of `terms`').
pub fn term_name(terms: &Terms, code: &str, locale: Locale) -> String {
    if terms.codes.contains(&code) {
        crate::i18n::message(locale, &terms.message_id(code), &[])
    } else {
        code.to_owned()
    }
}

/// A text cell as people read it: a term's name in `locale`, other text as it is.
fn readable<'a>(s: &'a str, kind: Kind, locale: Locale) -> Cow<'a, str> {
    match kind {
        Kind::Term(terms) => Cow::Owned(term_name(terms, s, locale)),
        _ => Cow::Borrowed(s),
    }
}

/// Yes or no in `locale`, as CSV writes a yes/no cell.
pub fn yes_no(b: bool, locale: Locale) -> String {
    crate::i18n::message(locale, if b { "export-yes" } else { "export-no" }, &[])
}

/// One table as CSV: UTF-8 with BOM, CRLF line ends, a header row of headings in `locale`
/// and one of column identifiers; statuses, categories and yes/no in `locale`.
pub fn csv(table: &Table, locale: Locale) -> Result<Vec<u8>, csv::Error> {
    let mut w = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(BOM.as_bytes().to_vec());
    w.write_record(table.columns.iter().map(|c| c.heading(locale)))?;
    w.write_record(table.columns.iter().map(|c| c.id))?;
    for row in &table.rows {
        for (cell, col) in row.iter().zip(table.columns) {
            let field = match cell {
                Cell::Empty => Cow::Borrowed(""),
                Cell::Text(s) => Cow::Owned(csv_text(&readable(s, col.kind, locale)).into_owned()),
                Cell::Int(n) => Cow::Owned(n.to_string()),
                Cell::Dec(x) => Cow::Owned(csv_number(*x, col.kind)),
                Cell::Bool(b) => Cow::Owned(yes_no(*b, locale)),
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

/// Formats of one workbook, and its language.
struct Formats {
    header: Format,
    ids: Format,
    dec: [Format; 4],
    locale: Locale,
}

impl Formats {
    fn new(locale: Locale) -> Formats {
        let header = Format::new().set_bold().set_text_wrap();
        let ids = Format::new().set_italic().set_font_color("#595959").set_border_bottom(FormatBorder::Thin);
        let dec = ["0", "0.0", "0.00", "0.000"].map(|f| Format::new().set_num_format(f));
        Formats { header, ids, dec, locale }
    }
}

/// Header rows of a table in a sheet: headings, then identifiers.
pub const XLSX_HEADER_ROWS: u32 = 2;

/// Writes `table` from `first_row`: a bold row of headings in the workbook's language, a row
/// of column identifiers, then the cells (numbers as numbers, terms by name). Returns the row
/// after the last.
fn write_table(sheet: &mut Worksheet, table: &Table, first_row: u32, f: &Formats) -> Result<u32, XlsxError> {
    for (c, col) in table.columns.iter().enumerate() {
        let c = c as u16;
        sheet.write_string_with_format(first_row, c, col.heading(f.locale), &f.header)?;
        sheet.write_string_with_format(first_row + 1, c, col.id, &f.ids)?;
    }
    let mut r = first_row + 1;
    for row in &table.rows {
        r += 1;
        for (c, (cell, col)) in row.iter().zip(table.columns).enumerate() {
            let c = c as u16;
            match cell {
                Cell::Empty => {}
                Cell::Text(s) => {
                    sheet.write_string(r, c, readable(s, col.kind, f.locale))?;
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

/// A column's width: its own, or enough for its identifier (the heading wraps).
fn width(col: &crate::domain::export::Column) -> f64 {
    f64::from(col.width).max(col.id.len() as f64 * 0.9)
}

/// Sheet names of the workbook, for tables `backlog`, `themes` and `weights` (the
/// parameters sit below the weights, after a blank row).
pub const SHEETS: [&str; 3] = ["Backlog", "Themes", "Weights"];

/// The workbook: sheets Backlog, Themes and Weights (with the parameters below), each
/// with frozen header rows (headings in `locale`, then identifiers), column widths and an
/// autofilter on the data tables.
pub fn xlsx(tables: &[Table; 4], locale: Locale) -> Result<Vec<u8>, XlsxError> {
    let f = Formats::new(locale);
    let mut workbook = Workbook::new();
    for (i, name) in SHEETS.iter().enumerate() {
        let table = &tables[i];
        let sheet = workbook.add_worksheet();
        sheet.set_name(*name)?;
        let end = write_table(sheet, table, 0, &f)?;
        let mut widths: Vec<f64> = table.columns.iter().map(width).collect();
        // The backlog keeps its rank and service code in view while scrolling right.
        sheet.set_freeze_panes(XLSX_HEADER_ROWS, if i == 0 { 3 } else { 0 })?;
        let last_col = table.columns.len().saturating_sub(1) as u16;
        if i < 2 {
            sheet.autofilter(XLSX_HEADER_ROWS - 1, 0, end - 1, last_col)?;
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
