//! Which rows an export holds: the query as typed (web or command line), checked, then
//! resolved against the database within the asker's ministries.

use diesel::prelude::*;
use serde::Deserialize;

use crate::backlog::ranking::Filter;
use crate::db::ministries;
use crate::db::schema::offices;
use crate::db::Conn;
use crate::domain::backlog::{FiscalYear, Status};
use crate::domain::{FieldError, FieldErrors, Locale};

/// The export query as typed (`?ministry=LGD&status=designing&candidates=1`).
#[derive(Debug, Clone, Default, Deserialize)]
pub struct ExportQuery {
    /// Ministry code.
    #[serde(default)]
    pub ministry: String,
    /// Owner office code.
    #[serde(default)]
    pub office: String,
    /// A backlog status, or `candidate` for services not in the backlog.
    #[serde(default)]
    pub status: String,
    /// Roadmap category: `1`, `2` or `none`.
    #[serde(default)]
    pub category: String,
    /// Target fiscal year, `2026-27`.
    #[serde(default)]
    pub year: String,
    /// `1` (or `true`, `yes`): add every other scored service, not only backlog items.
    #[serde(default)]
    pub candidates: String,
    /// The table a CSV holds: `backlog` (default), `themes`, `weights` or `parameters`.
    #[serde(default)]
    pub table: String,
    /// Language of the headings, statuses and categories of a CSV or workbook: `bn` or `en`
    /// (default: the page's language).
    #[serde(default)]
    pub lang: String,
}

/// Why a query was refused.
#[derive(Debug)]
pub enum RequestError {
    /// A value could not be read.
    Invalid(FieldErrors),
    /// No such ministry or office among those the asker sees.
    NotFound(String),
    /// The database failed.
    Database(diesel::result::Error),
}

impl From<diesel::result::Error> for RequestError {
    fn from(e: diesel::result::Error) -> Self {
        RequestError::Database(e)
    }
}

/// A checked export request.
#[derive(Debug, Clone)]
pub struct ExportRequest {
    /// The rows.
    pub filter: Filter,
    /// The filter in words, written into the export.
    pub description: String,
    /// For the file name: the ministry code, or `all`.
    pub scope: String,
    /// The table of a CSV.
    pub table: String,
    /// The language people read the file in.
    pub locale: Locale,
}

fn given(s: &str) -> Option<&str> {
    let t = s.trim();
    (!t.is_empty()).then_some(t)
}

/// Whether a yes/no query value is yes.
pub fn is_yes(s: &str) -> bool {
    matches!(s.trim().to_ascii_lowercase().as_str(), "1" | "true" | "yes" | "on")
}

impl ExportQuery {
    /// Resolves the query for someone who sees `within` (`None`: every ministry), in
    /// `page_locale` unless `lang` names another language.
    pub fn resolve(
        &self,
        conn: &mut Conn,
        within: Option<Vec<i64>>,
        page_locale: Locale,
    ) -> Result<ExportRequest, RequestError> {
        let mut errors = FieldErrors::new();
        let locale = match given(&self.lang) {
            None => page_locale,
            Some(code) => Locale::parse(code).unwrap_or_else(|| {
                errors.push(FieldError::new("lang", "error-export-lang"));
                page_locale
            }),
        };
        let mut words: Vec<String> = Vec::new();
        let candidates = is_yes(&self.candidates);
        let status = given(&self.status).map(|s| match s {
            "candidate" => Ok(None),
            _ => Status::parse(s).map(Some).ok_or_else(|| FieldError::new("status", "error-export-status")),
        });
        let status = status.and_then(|r| errors.take(r));
        let category = given(&self.category).map(|s| match s {
            "1" => Ok(Some(1)),
            "2" => Ok(Some(2)),
            "none" => Ok(None),
            _ => Err(FieldError::new("category", "error-export-category")),
        });
        let category = category.and_then(|r| errors.take(r));
        let year = given(&self.year).map(|s| {
            FiscalYear::parse(s).map(FiscalYear::label).ok_or_else(|| FieldError::new("year", "error-export-year"))
        });
        let year = year.and_then(|r| errors.take(r));
        let table = given(&self.table).unwrap_or("backlog").to_ascii_lowercase();
        if !super::TABLES.contains(&table.as_str()) {
            errors.push(FieldError::new("table", "error-export-table"));
        }
        if !errors.is_empty() {
            return Err(RequestError::Invalid(errors));
        }
        let sees = |id: i64| within.as_ref().is_none_or(|w| w.contains(&id));
        let mut filter = Filter { within: within.clone(), backlog_only: !candidates, ..Filter::default() };
        let mut scope = "all".to_owned();
        if let Some(code) = given(&self.ministry) {
            let code = code.to_uppercase();
            let m = ministries::find_by_code(conn, &code)?.filter(|m| sees(m.id));
            let m = m.ok_or_else(|| RequestError::NotFound(format!("no ministry {code}")))?;
            filter.ministry = Some(m.id);
            words.push(format!("ministry={}", m.code));
            scope = m.code;
        } else if let Some(ids) = &within {
            let codes: Vec<String> = ministries::list(conn, Some(ids))?.into_iter().map(|m| m.code).collect();
            if codes.len() == 1 {
                scope = codes[0].clone();
            }
            words.push(format!("ministries={}", codes.join(",")));
        }
        if let Some(code) = given(&self.office) {
            let code = code.to_uppercase();
            let office: Option<(i64, i64)> = offices::table
                .filter(offices::code.eq(&code))
                .select((offices::id, offices::ministry_id))
                .first(conn)
                .optional()?;
            let (id, _) =
                office.filter(|o| sees(o.1)).ok_or_else(|| RequestError::NotFound(format!("no office {code}")))?;
            filter.office = Some(id);
            words.push(format!("office={code}"));
        }
        if let Some(s) = status {
            // Asking for candidates by status includes them.
            filter.backlog_only &= s.is_some();
            words.push(format!("status={}", s.map_or("candidate", Status::as_str)));
        }
        filter.status = status;
        if let Some(c) = category {
            words.push(format!("category={}", c.map_or("none".to_owned(), |c| c.to_string())));
        }
        filter.category = category;
        if let Some(y) = &year {
            words.push(format!("year={y}"));
        }
        filter.target_year = year;
        words.push(format!("candidates={}", if filter.backlog_only { "no" } else { "yes" }));
        Ok(ExportRequest { filter, description: words.join("; "), scope, table, locale })
    }
}
