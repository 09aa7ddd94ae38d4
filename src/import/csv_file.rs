//! Reading a CSV file (UTF-8, with or without BOM, comma-separated) into a [`Sheet`].

use super::{FileError, Sheet, SheetRow};

/// Reads every record; a wholly blank record is skipped.
pub fn read(bytes: &[u8]) -> Result<Sheet, FileError> {
    let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    let mut reader = csv::ReaderBuilder::new().flexible(true).has_headers(true).from_reader(bytes);
    let unreadable = |_| FileError::Unreadable("CSV (UTF-8)");
    let headings: Vec<String> = reader.headers().map_err(unreadable)?.iter().map(str::to_owned).collect();
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(unreadable)?;
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let line = record.position().map_or(0, |p| p.line() as usize);
        rows.push(SheetRow { line, cells: record.iter().map(str::to_owned).collect() });
        if rows.len() > super::MAX_ROWS {
            return Err(FileError::TooManyRows);
        }
    }
    Ok(Sheet { headings, rows })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_keep_their_line_numbers_and_bangla_text() {
        let sheet = read("\u{feff}service,text\nA-1,\"দুই\nলাইন\"\n,\nB-2,শেষ\n".as_bytes()).unwrap();
        assert_eq!(sheet.headings, ["service", "text"]);
        assert_eq!(sheet.rows.len(), 2, "the blank row is skipped");
        assert_eq!((sheet.rows[0].line, sheet.rows[0].cells[1].as_str()), (2, "দুই\nলাইন"));
        assert_eq!(sheet.rows[1].line, 5);
    }

    #[test]
    fn a_file_that_is_not_utf8_is_unreadable() {
        assert!(matches!(read(b"service,text\nA-1,\xff\xfe\n"), Err(FileError::Unreadable(_))));
    }
}
