//! Backlog exports (CSV, XLSX, JSON) for ministries' meetings and the quarterly review:
//! which rows (`request`), reading them from the database (`load`) and writing them
//! (`write`). The content is `domain::export`; `docs/export.md` documents it.

pub mod load;
pub mod readback;
pub mod request;
pub mod write;

use chrono::NaiveDate;

use crate::domain::export::{Export, Table};
use crate::domain::Locale;

/// A file format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// One table (the backlog by default) as UTF-8 CSV with BOM.
    Csv,
    /// A workbook: Backlog, Themes, Weights.
    Xlsx,
    /// One JSON document with every table.
    Json,
}

impl Format {
    /// Every format.
    pub const ALL: [Format; 3] = [Format::Csv, Format::Xlsx, Format::Json];

    /// The file extension (`csv`, `xlsx`, `json`).
    pub fn extension(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Xlsx => "xlsx",
            Format::Json => "json",
        }
    }

    /// The format of an extension.
    pub fn from_extension(ext: &str) -> Option<Format> {
        Format::ALL.into_iter().find(|f| f.extension().eq_ignore_ascii_case(ext))
    }

    /// The HTTP content type.
    pub fn content_type(self) -> &'static str {
        match self {
            Format::Csv => "text/csv; charset=utf-8",
            Format::Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            Format::Json => "application/json",
        }
    }
}

/// The tables a CSV can hold (one per file); the XLSX and JSON hold all four.
pub const TABLES: [&str; 4] = ["backlog", "themes", "weights", "parameters"];

/// The file name: `nagorik-backlog-LGD-2026-11-30.xlsx` (`all` for every ministry); a CSV of
/// another table than the backlog names it (`nagorik-backlog-LGD-themes-2026-11-30.csv`).
pub fn filename(scope: &str, table: &str, day: NaiveDate, format: Format) -> String {
    let safe: String = scope.chars().filter(|c| c.is_ascii_alphanumeric() || *c == '-').collect();
    let part = if format == Format::Csv && table != "backlog" { format!("-{table}") } else { String::new() };
    format!("nagorik-backlog-{safe}{part}-{}.{}", day.format("%Y-%m-%d"), format.extension())
}

/// Writes `export` in `format`, headings, statuses and categories of a CSV or workbook in
/// `locale` (JSON keeps the identifiers and codes); a CSV holds the table named `table` (one
/// of [`TABLES`]).
pub fn render(export: &Export, format: Format, table: &str, locale: Locale) -> anyhow::Result<Vec<u8>> {
    let tables: [Table; 4] = export.tables();
    Ok(match format {
        Format::Csv => {
            let t = tables.iter().find(|t| t.name == table).ok_or_else(|| anyhow::anyhow!("no table {table}"))?;
            write::csv(t, locale)?
        }
        Format::Xlsx => write::xlsx(&tables, locale)?,
        Format::Json => write::json(export, &tables)?,
    })
}
