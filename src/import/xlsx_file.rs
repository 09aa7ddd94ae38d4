//! Reading the first worksheet of an XLSX file into a [`Sheet`], bounded before anything
//! is expanded.
//!
//! [`read`] has [`xlsx_guard::check`] walk the zip first (parts, expanded size, shared
//! strings). It then streams the sheet cell by cell (calamine's `worksheet_cells_reader`)
//! instead of calling `worksheet_range`, which allocates a dense rows × columns grid over
//! the used range: one cell at A1 and one at XFD1048576 made that 512 GiB. The declared
//! `<dimension>` and every non-empty cell must lie within [`MAX_ROWS`] + 1 rows and
//! [`MAX_COLUMNS`] columns; the cells kept (with the blanks that pad a row to the heading's
//! width) are at most [`MAX_CELLS`]; and their text is at most [`MAX_EXPANDED`] bytes,
//! since one long shared string may be repeated by every cell.

use std::collections::BTreeMap;
use std::io::Cursor;

use calamine::{open_workbook_from_rs, Data, DataRef, Reader, Xlsx, XlsxError};
use chrono::{Duration, NaiveDate};

use super::xlsx_guard::{self, unreadable, MAX_EXPANDED};
use super::{FileError, Sheet, SheetRow, MAX_CELLS, MAX_COLUMNS, MAX_ROWS};

/// A cell as text: whole numbers without a fraction, dates as `YYYY-MM-DD`.
fn cell_text(cell: &Data) -> String {
    match cell {
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Int(n) => n.to_string(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(d) => {
            // Excel's day 0 is 1899-12-30 (the 1900 date system).
            let day = NaiveDate::from_ymd_opt(1899, 12, 30).expect("valid date") + Duration::days(d.as_f64() as i64);
            day.format("%Y-%m-%d").to_string()
        }
        Data::Error(_) | Data::Empty => String::new(),
    }
}

/// A column's letters: 0 is A, 49 is AX, 16383 is XFD.
pub fn column_name(column: u32) -> String {
    let mut letters = Vec::new();
    let mut n = u64::from(column) + 1;
    while n > 0 {
        n -= 1;
        letters.push(b'A' + (n % 26) as u8);
        n /= 26;
    }
    letters.iter().rev().map(|&b| char::from(b)).collect()
}

/// A cell's name (`XFD1048576`) from its 0-based position.
fn cell_name((row, column): (u32, u32)) -> String {
    format!("{}{}", column_name(column), u64::from(row) + 1)
}

/// Refuses a position beyond the row or column limit.
fn within_limits(position: (u32, u32)) -> Result<(), FileError> {
    if position.0 as usize > MAX_ROWS || position.1 >= MAX_COLUMNS {
        return Err(FileError::SheetTooLarge(cell_name(position)));
    }
    Ok(())
}

/// The non-empty cells read so far, by row, within the cell and text budgets.
#[derive(Default)]
struct Cells {
    rows: BTreeMap<u32, Vec<(u32, String)>>,
    count: usize,
    text: u64,
}

impl Cells {
    fn add(&mut self, (row, column): (u32, u32), value: &DataRef<'_>) -> Result<(), FileError> {
        self.count += 1;
        if self.count > MAX_CELLS {
            return Err(FileError::TooManyCells);
        }
        let len = match value {
            DataRef::String(s) | DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => s.len(),
            DataRef::SharedString(s) => s.len(),
            _ => 0,
        };
        // Measured before the copy: a shared string is stored once but copied into every cell.
        self.text += len as u64;
        if self.text > MAX_EXPANDED {
            return Err(FileError::XlsxExpanded);
        }
        self.rows.entry(row).or_default().push((column, cell_text(&Data::from(value.clone()))));
        Ok(())
    }

    /// The first row as headings and the other rows, each padded to at least the heading's
    /// width (wholly blank rows left out).
    fn into_sheet(self) -> Result<Sheet, FileError> {
        fn spread(cells: Vec<(u32, String)>, at_least: usize) -> Vec<String> {
            let width = cells.iter().map(|(c, _)| *c as usize + 1).max().unwrap_or(0).max(at_least);
            let mut out = vec![String::new(); width];
            for (column, text) in cells {
                out[column as usize] = text;
            }
            out
        }
        let mut rows = self.rows.into_iter();
        let Some((_, heading)) = rows.next() else { return Ok(Sheet::default()) };
        let headings = spread(heading, 0);
        let mut kept = headings.len();
        let mut out = Vec::new();
        for (row, cells) in rows {
            if cells.iter().all(|(_, t)| t.trim().is_empty()) {
                continue;
            }
            let cells = spread(cells, headings.len());
            kept += cells.len();
            if kept > MAX_CELLS {
                return Err(FileError::TooManyCells);
            }
            out.push(SheetRow { line: row as usize + 1, cells });
            if out.len() > MAX_ROWS {
                return Err(FileError::TooManyRows);
            }
        }
        Ok(Sheet { headings, rows: out })
    }
}

/// Reads the first worksheet; its first row with a cell is the heading row.
pub fn read(bytes: &[u8]) -> Result<Sheet, FileError> {
    xlsx_guard::check(bytes)?;
    // A malformed file that makes the parser panic (its row arithmetic can overflow) is
    // unreadable, not a failed request.
    std::panic::catch_unwind(|| read_cells(bytes)).unwrap_or(Err(FileError::Unreadable("XLSX")))
}

fn read_cells(bytes: &[u8]) -> Result<Sheet, FileError> {
    let mut workbook: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes)).map_err(unreadable)?;
    let name = workbook.sheet_names().into_iter().next().ok_or(FileError::Unreadable("XLSX"))?;
    let mut reader = match workbook.worksheet_cells_reader(&name) {
        Ok(reader) => reader,
        Err(XlsxError::NotAWorksheet(_)) => return Ok(Sheet::default()),
        Err(e) => return Err(unreadable(e)),
    };
    let declared = reader.dimensions();
    within_limits(declared.start)?;
    within_limits(declared.end)?;
    let mut cells = Cells::default();
    while let Some(cell) = reader.next_cell().map_err(unreadable)? {
        if !matches!(cell.get_value(), DataRef::Empty) {
            within_limits(cell.get_position())?;
            cells.add(cell.get_position(), cell.get_value())?;
        }
    }
    cells.into_sheet()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::xlsx_test_books::{replace_part, sheet_of, workbook, SHARED_STRINGS, SHEET};
    use rust_xlsxwriter::Workbook;

    #[test]
    fn the_first_sheet_is_read_with_numbers_dates_and_bangla() {
        let mut book = Workbook::new();
        let sheet = book.add_worksheet();
        sheet.write(0, 0, "service").unwrap();
        sheet.write(0, 1, "text").unwrap();
        sheet.write(0, 2, "days").unwrap();
        sheet.write(2, 0, "ORGBDR-001").unwrap();
        sheet.write(2, 1, "জন্ম নিবন্ধনে দেরি").unwrap();
        sheet.write(2, 2, 12).unwrap();
        let bytes = book.save_to_buffer().unwrap();
        let read = read(&bytes).unwrap();
        assert_eq!(read.headings, ["service", "text", "days"]);
        assert_eq!(read.rows.len(), 1, "the blank row is skipped");
        assert_eq!(read.rows[0].line, 3);
        assert_eq!(read.rows[0].cells, ["ORGBDR-001", "জন্ম নিবন্ধনে দেরি", "12"]);
    }

    #[test]
    fn bytes_that_are_not_xlsx_are_unreadable() {
        assert_eq!(read(b"not a zip"), Err(FileError::Unreadable("XLSX")));
        let broken = replace_part(&workbook(), SHEET, &b"<worksheet><sheetData><row><c r=\"A1\">"[..]);
        assert_eq!(read(&broken), Err(FileError::Unreadable("XLSX")));
    }

    #[test]
    fn columns_are_named_as_in_a_spreadsheet() {
        let names: Vec<String> = [0, 25, 26, 49, 16_383].into_iter().map(column_name).collect();
        assert_eq!(names, ["A", "Z", "AA", "AX", "XFD"]);
    }

    #[test]
    fn a_sparse_far_cell_is_refused_by_the_declared_dimension_without_a_grid() {
        let mut book = Workbook::new();
        let sheet = book.add_worksheet();
        sheet.write(0, 0, "service").unwrap();
        sheet.write(1_048_575, 16_383, "far").unwrap();
        let bytes = book.save_to_buffer().unwrap();
        assert!(bytes.len() < 8 * 1024);
        assert_eq!(read(&bytes), Err(FileError::SheetTooLarge("XFD1048576".into())));
    }

    #[test]
    fn a_far_cell_is_refused_when_no_dimension_is_declared() {
        for far in ["AY2", "A200002", "XFD1048576"] {
            let bytes = replace_part(&workbook(), SHEET, &sheet_of(&[("A1", "service"), (far, "far")])[..]);
            assert_eq!(read(&bytes), Err(FileError::SheetTooLarge(far.into())), "{far}");
        }
    }

    #[test]
    fn cells_at_the_last_row_and_column_allowed_are_read() {
        let bytes =
            replace_part(&workbook(), SHEET, &sheet_of(&[("B1", "service"), ("AX3", "x"), ("A200001", "y")])[..]);
        let sheet = read(&bytes).unwrap();
        assert_eq!(sheet.headings, ["", "service"]);
        assert_eq!((sheet.rows[0].line, sheet.rows[0].cells.len(), sheet.rows[0].cells[49].as_str()), (3, 50, "x"));
        assert_eq!(
            (sheet.rows[1].line, sheet.rows[1].cells.as_slice()),
            (200_001, &["y".to_owned(), String::new()][..])
        );
    }

    #[test]
    fn one_long_shared_string_repeated_in_every_cell_is_refused_by_the_text_budget() {
        let mut table = b"<sst uniqueCount=\"1\"><si><t>".to_vec();
        table.extend(b"x".repeat(2 << 20));
        table.extend(b"</t></si></sst>");
        let mut sheet = String::from("<worksheet><sheetData>");
        for row in 1..=60 {
            sheet += &format!("<row><c r=\"A{row}\" t=\"s\"><v>0</v></c></row>");
        }
        sheet += "</sheetData></worksheet>";
        let book = replace_part(&workbook(), SHARED_STRINGS, &table[..]);
        let book = replace_part(&book, SHEET, sheet.as_bytes());
        assert_eq!(read(&book), Err(FileError::XlsxExpanded));
    }
}
