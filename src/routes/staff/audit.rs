//! The audit log (`/staff/audit`): who changed what and when, newest first,
//! 50 to a page, filtered by actor, action, target kind and dates. Ministry
//! admins read only the entries of their ministries; cabinet admins read all.

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use chrono::{Days, NaiveDate};
use serde::Deserialize;
use serde_json::{json, Value};

use super::view::{error_context, machine_time, merged, shown_time};
use crate::auth::Staff;
use crate::db::audit_log::{self, AuditEntry, AuditFilter};
use crate::db::{self, Pool};
use crate::domain::digits::{parse_whole_number, to_ascii_digits};
use crate::domain::staff::Permission;
use crate::domain::{FieldError, FieldErrors, Locale};
use crate::error::AppError;
use crate::web::page::encode;
use crate::web::Renderer;

/// Entries on one page.
pub const PAGE_SIZE: i64 = 50;
/// The last page that can be asked for (keeps the offset bounded).
const MAX_PAGE: u64 = 100_000;

/// The filter form as sent (every field optional and kept as typed).
#[derive(Debug, Clone, Default, Deserialize)]
pub struct AuditQuery {
    #[serde(default)]
    actor: String,
    #[serde(default)]
    action: String,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    from: String,
    #[serde(default)]
    to: String,
    #[serde(default)]
    page: String,
}

/// A day typed as `YYYY-MM-DD` (Bangla digits too); blank is none.
fn parse_day(field: &str, raw: &str) -> Result<Option<NaiveDate>, FieldError> {
    let ascii = to_ascii_digits(raw.trim());
    if ascii.is_empty() {
        return Ok(None);
    }
    let shape = |(i, b): (usize, u8)| if i == 4 || i == 7 { b == b'-' } else { b.is_ascii_digit() };
    let well_formed = ascii.len() == 10 && ascii.bytes().enumerate().all(shape);
    let day = well_formed.then(|| NaiveDate::parse_from_str(&ascii, "%Y-%m-%d").ok()).flatten();
    day.map(Some).ok_or_else(|| FieldError::new(field, "error-audit-date"))
}

/// A blank or trimmed filter value.
fn given(raw: &str) -> Option<String> {
    let value = raw.trim();
    (!value.is_empty()).then(|| value.to_owned())
}

impl AuditQuery {
    /// The page asked for (1 when absent or unreadable: page links are made by this page).
    fn page(&self) -> i64 {
        let page = parse_whole_number(&self.page, MAX_PAGE).ok().flatten().unwrap_or(1).max(1);
        i64::try_from(page).unwrap_or(1)
    }

    /// The stored-data filter for `staff`, or every problem with the typed dates.
    fn filter(&self, staff: &Staff) -> Result<AuditFilter, FieldErrors> {
        let mut errors = FieldErrors::new();
        let from = errors.take(parse_day("from", &self.from)).flatten();
        let to = errors.take(parse_day("to", &self.to)).flatten();
        if let (Some(from), Some(to)) = (from, to) {
            if from > to {
                errors.push(FieldError::new("to", "error-audit-range"));
            }
        }
        let page = self.page();
        errors.into_result(|| AuditFilter {
            ministries: staff.ministry_filter(),
            actor: given(&self.actor).map(|a| a.to_lowercase()),
            // `theme.` reads as the prefix `theme`.
            action: given(self.action.trim().trim_end_matches('.')),
            target_kind: given(&self.kind).map(|k| k.to_lowercase()),
            target_id: None,
            from: from.and_then(|d| d.and_hms_opt(0, 0, 0)),
            // The `to` day is included: entries before the next midnight.
            until: to.and_then(|d| d.checked_add_days(Days::new(1))).and_then(|d| d.and_hms_opt(0, 0, 0)),
            offset: (page - 1) * PAGE_SIZE,
            limit: PAGE_SIZE + 1,
        })
    }

    /// This page's address with the same filters on page `page`.
    fn url_for(&self, page: i64) -> String {
        let fields = [
            ("actor", &self.actor),
            ("action", &self.action),
            ("kind", &self.kind),
            ("from", &self.from),
            ("to", &self.to),
        ];
        let mut query: Vec<String> = fields
            .iter()
            .filter(|(_, v)| !v.trim().is_empty())
            .map(|(k, v)| format!("{k}={}", encode(v.trim())))
            .collect();
        query.push(format!("page={page}"));
        format!("/staff/audit?{}", query.join("&"))
    }
}

fn entry_row(e: &AuditEntry) -> Value {
    json!({
        "when": shown_time(e.created_at),
        "iso": machine_time(e.created_at),
        "actor": e.actor,
        "action": e.action,
        "target_kind": e.target_kind,
        "target_id": e.target_id,
        "before": e.before_json,
        "after": e.after_json,
    })
}

/// `GET /staff/audit`: the entries the filters select (422 with messages when a date is wrong).
pub async fn list_audit(
    req: HttpRequest,
    locale: Locale,
    staff: Staff,
    query: web::Query<AuditQuery>,
    pool: web::Data<Pool>,
    renderer: web::Data<Renderer>,
) -> Result<HttpResponse, AppError> {
    staff.require(Permission::ReadAudit)?;
    let query = query.into_inner();
    let page = query.page();
    let (status, errors, entries) = match query.filter(&staff) {
        Ok(filter) => {
            let entries = db::run_read(&pool, move |c| audit_log::list(c, &filter)).await?;
            (StatusCode::OK, FieldErrors::new(), entries)
        }
        Err(errors) => (StatusCode::UNPROCESSABLE_ENTITY, errors, Vec::new()),
    };
    let more = entries.len() as i64 > PAGE_SIZE;
    let rows: Vec<Value> = entries.iter().take(PAGE_SIZE as usize).map(entry_row).collect();
    let values = json!({
        "actor": query.actor, "action": query.action, "kind": query.kind, "from": query.from, "to": query.to,
    });
    let data = json!({
        "form": merged(json!({ "values": values }), error_context(locale, &errors)),
        "entries": rows,
        "page": page,
        "older_url": more.then(|| query.url_for(page + 1)),
        "newer_url": (page > 1 && errors.is_empty()).then(|| query.url_for(page - 1)),
    });
    Ok(renderer.respond_staff(&req, locale, &staff, status, "staff/audit", data))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_are_read_with_ascii_or_bangla_digits() {
        let day = NaiveDate::from_ymd_opt(2026, 3, 7);
        assert_eq!(parse_day("from", "2026-03-07"), Ok(day));
        assert_eq!(parse_day("from", " ২০২৬-০৩-০৭ "), Ok(day));
        assert_eq!(parse_day("from", ""), Ok(None));
    }

    #[test]
    fn a_day_not_written_as_yyyy_mm_dd_is_refused() {
        for bad in ["07/03/2026", "2026-3-7", "2026-02-30", "yesterday", "2026-03-07T00:00"] {
            assert_eq!(parse_day("to", bad).unwrap_err().code, "error-audit-date", "{bad}");
        }
    }

    #[test]
    fn page_links_keep_the_filters() {
        let q = AuditQuery { action: "staff.create".into(), from: "2026-01-01".into(), ..Default::default() };
        assert_eq!(q.url_for(2), "/staff/audit?action=staff%2Ecreate&from=2026%2D01%2D01&page=2");
        assert_eq!(AuditQuery { page: "৩".into(), ..Default::default() }.page(), 3);
        assert_eq!(AuditQuery { page: "x".into(), ..Default::default() }.page(), 1);
    }
}
