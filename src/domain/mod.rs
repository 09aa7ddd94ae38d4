//! Pure domain types: parsing and rules, with no web or database code.

pub mod api_key;
pub mod backlog;
pub mod contact;
pub mod digits;
pub mod district;
pub mod export;
mod export_columns;
pub mod feedback;
pub mod field_error;
pub mod local_path;
pub mod locale;
pub mod me_too;
pub mod password_strength;
pub mod pii;
pub mod provenance;
pub mod scoring;
pub mod service;
pub mod staff;
pub mod text;
pub mod tracking_code;

pub use field_error::{FieldError, FieldErrors};
pub use locale::Locale;
