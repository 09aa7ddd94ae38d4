//! The Citizen's Charter catalogue: reading a ministry's charter sheet (CSV) and
//! applying it to the database in one transaction.

pub mod cache;
pub mod csv_rows;
pub mod import;
pub mod lookup;
pub mod synonyms;

pub use csv_rows::{parse_catalogue, CatalogueRow, RowError};
pub use import::{apply_catalogue, ImportSummary};
