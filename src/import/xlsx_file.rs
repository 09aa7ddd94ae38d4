//! Reading the first worksheet of an XLSX file into a [`Sheet`] (calamine).

use std::io::Cursor;

use calamine::{open_workbook_from_rs, Data, Reader, Xlsx};
use chrono::{Duration, NaiveDate};

use super::{FileError, Sheet, SheetRow};

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

/// Reads the first worksheet; its first row is the heading row.
pub fn read(bytes: &[u8]) -> Result<Sheet, FileError> {
    let unreadable = FileError::Unreadable("XLSX");
    let mut workbook: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes)).map_err(|_| unreadable.clone())?;
    let range = workbook.worksheet_range_at(0).ok_or(unreadable.clone())?.map_err(|_| unreadable)?;
    let first_row = range.start().map_or(0, |(r, _)| r as usize);
    let first_col = range.start().map_or(0, |(_, c)| c as usize);
    let mut rows = range.rows().enumerate();
    let Some((_, heading)) = rows.next() else { return Ok(Sheet::default()) };
    // Columns left of the used range are empty: pad so headings line up with column A.
    let pad = |cells: &[Data]| -> Vec<String> {
        std::iter::repeat_n(String::new(), first_col).chain(cells.iter().map(cell_text)).collect()
    };
    let headings = pad(heading);
    let mut out = Vec::new();
    for (i, cells) in rows {
        let cells = pad(cells);
        if cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        out.push(SheetRow { line: first_row + i + 1, cells });
        if out.len() > super::MAX_ROWS {
            return Err(FileError::TooManyRows);
        }
    }
    Ok(Sheet { headings, rows: out })
}

#[cfg(test)]
mod tests {
    use super::*;
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
    }
}
