//! Bulk import of feedback from paper forms and workshops (CSV or XLSX, one row a
//! feedback). A file is read whole into a [`Sheet`], then checked into a
//! [`Plan`]: the rows to add, the duplicates to skip (of stored feedback or of an
//! earlier row, exact or near) and every bad row with its line and reason. The dry
//! run shows the plan; the import applies the same plan in one transaction.

pub mod csv_file;
pub mod dedupe;
pub mod describe;
pub mod plan;
pub mod rows;
pub mod xlsx_file;
pub mod xlsx_guard;
#[cfg(test)]
mod xlsx_test_books;

pub use plan::{apply, build, Duplicate, DuplicateOf, ImportRequest, Outcome, Plan};
pub use rows::{BadRow, Candidate};

use crate::domain::FieldError;

/// Most rows one file may hold.
pub const MAX_ROWS: usize = 200_000;
/// Most columns an XLSX sheet may reach (A to AX): the import reads 8.
pub const MAX_COLUMNS: u32 = 50;
/// Most cells one XLSX sheet may hold (blanks that pad a row to the heading's width
/// included), and most entries of its shared-strings table: 10 a row at [`MAX_ROWS`].
pub const MAX_CELLS: usize = 2_000_000;

/// One data row of a sheet: the file line it came from and its cells, by heading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SheetRow {
    /// 1-based line (CSV) or row number (XLSX) in the file.
    pub line: usize,
    /// Cell texts, in heading order (missing cells are absent).
    pub cells: Vec<String>,
}

/// A file's heading row and data rows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Sheet {
    /// Headings as written.
    pub headings: Vec<String>,
    /// The data rows; wholly blank rows are left out.
    pub rows: Vec<SheetRow>,
}

/// Why a whole file cannot be imported.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FileError {
    /// Neither `.csv` nor `.xlsx`.
    #[error("only .csv and .xlsx files can be imported")]
    UnknownType,
    /// Not readable as its type claims.
    #[error("the file could not be read as {0}")]
    Unreadable(&'static str),
    /// No data rows under the heading.
    #[error("the file has no rows under its heading row")]
    Empty,
    /// More than [`MAX_ROWS`].
    #[error("the file has more than {MAX_ROWS} rows")]
    TooManyRows,
    /// An XLSX whose parts, or whose cells' text, expand beyond [`xlsx_guard::MAX_EXPANDED`].
    #[error("the XLSX file expands to more than {} MB", xlsx_guard::MAX_EXPANDED >> 20)]
    XlsxExpanded,
    /// An XLSX with too many parts, styles or workbook entries.
    #[error("the XLSX file has more parts, styles or workbook entries than an import allows")]
    XlsxTooComplex,
    /// An XLSX sheet that reaches (or declares it reaches) this cell, beyond [`MAX_ROWS`] or [`MAX_COLUMNS`].
    #[error("the sheet reaches cell {0}, beyond {rows} rows and {MAX_COLUMNS} columns", rows = MAX_ROWS + 1)]
    SheetTooLarge(String),
    /// An XLSX sheet with more than [`MAX_CELLS`] cells or shared strings.
    #[error("the sheet has more than {MAX_CELLS} cells or distinct texts")]
    TooManyCells,
    /// Required headings are missing.
    #[error("the heading row lacks the columns: {0}")]
    ColumnsMissing(String),
}

impl FileError {
    /// The message to show, as a field error of the `file` field.
    pub fn field_error(&self) -> FieldError {
        let e = |code| FieldError::new("file", code);
        match self {
            FileError::UnknownType => e("error-import-file-type"),
            FileError::Unreadable(kind) => e("error-import-file-unreadable").with("kind", kind),
            FileError::Empty => e("error-import-file-empty"),
            FileError::TooManyRows => e("error-import-too-many-rows").with("max", MAX_ROWS),
            FileError::XlsxExpanded => e("error-import-xlsx-expanded").with("mb", xlsx_guard::MAX_EXPANDED >> 20),
            FileError::XlsxTooComplex => e("error-import-xlsx-too-complex"),
            FileError::SheetTooLarge(cell) => e("error-import-xlsx-sheet-too-large")
                .with("cell", cell)
                .with("rows", MAX_ROWS + 1)
                .with("columns", MAX_COLUMNS)
                .with("last", xlsx_file::column_name(MAX_COLUMNS - 1)),
            FileError::TooManyCells => e("error-import-xlsx-too-many-cells").with("max", MAX_CELLS),
            FileError::ColumnsMissing(columns) => e("error-import-columns-missing").with("columns", columns),
        }
    }
}

/// Reads `bytes` as the kind its `file_name` says (`.csv` or `.xlsx`).
pub fn read_sheet(file_name: &str, bytes: &[u8]) -> Result<Sheet, FileError> {
    let lower = file_name.to_ascii_lowercase();
    let sheet = if lower.ends_with(".csv") {
        csv_file::read(bytes)?
    } else if lower.ends_with(".xlsx") {
        xlsx_file::read(bytes)?
    } else {
        return Err(FileError::UnknownType);
    };
    if sheet.rows.is_empty() {
        return Err(FileError::Empty);
    }
    if sheet.rows.len() > MAX_ROWS {
        return Err(FileError::TooManyRows);
    }
    Ok(sheet)
}

/// The file name as kept with imported rows: its last path part, one clean line.
pub fn base_name(file_name: &str) -> String {
    let last = file_name.rsplit(['/', '\\']).next().unwrap_or(file_name);
    crate::domain::text::clean_line(last).chars().take(200).collect()
}
