//! `GET /staff/apa`: the Annual Performance Agreement view. For each ministry and
//! department: is a conversion committed this fiscal year, the backlog by status, and the
//! items overdue for their quarterly review.

use std::collections::HashMap;

use crate::backlog::inputs::CountedCache;
use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use chrono::Utc;
use serde::Deserialize;
use serde_json::{json, Value};

use super::view::shown_time;
use crate::auth::Staff;
use crate::backlog::{apa, ranking};
use crate::config::Settings;
use crate::db::schema::offices;
use crate::db::{self, backlog_reviews, Pool};
use crate::domain::backlog::{FiscalYear, Status};
use crate::domain::digits::{lakh_crore, to_bangla_digits};
use crate::domain::staff::Permission;
use crate::domain::{FieldError, Locale};
use crate::error::AppError;
use crate::web::Renderer;
use diesel::prelude::*;

/// `?year=2026-27` (default: the current fiscal year).
#[derive(Debug, Deserialize)]
pub struct ApaQuery {
    year: Option<String>,
}

/// `GET /staff/apa`.
#[allow(clippy::too_many_arguments)] // one argument per extractor
pub async fn show_apa(
    req: HttpRequest,
    staff: Staff,
    locale: Locale,
    query: web::Query<ApaQuery>,
    pool: web::Data<Pool>,
    counted: web::Data<CountedCache>,
    settings: web::Data<Settings>,
    renderer: web::Data<Renderer>,
) -> Result<HttpResponse, AppError> {
    staff.require(Permission::ViewBacklog)?;
    let now = Utc::now().naive_utc();
    let year = match query.year.as_deref().map(str::trim).filter(|y| !y.is_empty()) {
        None => FiscalYear::of(now.date()),
        Some(y) => FiscalYear::parse(y)
            .ok_or_else(|| AppError::Validation(FieldError::new("year", "error-backlog-year").into()))?,
    };
    let (rates, who) = (settings.rates(), staff.clone());
    let lines = db::run_blocking(&pool, move |c| -> Result<_, AppError> {
        let ranking = ranking::build_cached(c, &counted, rates, now)?;
        let last: HashMap<i64, _> = backlog_reviews::last_review_times(c)?.into_iter().collect();
        let all_offices: HashMap<i64, _> = offices::table
            .select(crate::db::offices::Office::as_select())
            .load(c)?
            .into_iter()
            .map(|o: crate::db::offices::Office| (o.id, o))
            .collect();
        Ok(apa::build(&ranking, &last, &all_offices, year, now, |m| who.sees(m)))
    })
    .await?;
    let ministries: Vec<Value> = lines
        .iter()
        .map(|l| {
            json!({
                "code": l.ministry.code, "name": locale.pick(&l.ministry.name_bn, &l.ministry.name_en),
                "committed": l.committed_departments(), "departments_count": l.departments.len(),
                "met": !l.departments.is_empty() && l.committed_departments() == l.departments.len(),
                "departments": l.departments.iter().map(|d| json!({
                    "code": d.office.code, "name": locale.pick(&d.office.name_bn, &d.office.name_en),
                    "services": d.services, "committed": d.committed, "planned": d.planned,
                    "met": !d.committed.is_empty(),
                })).collect::<Vec<_>>(),
                "statuses": Status::ALL.iter().map(|s| json!({
                    "label_id": format!("backlog-status-{}", s.as_str()), "count": l.by_status.get(s).copied().unwrap_or(0),
                })).collect::<Vec<_>>(),
                "overdue": l.overdue.iter().map(|(code, id, last)| json!({
                    "code": code, "url": format!("/staff/backlog/items/{id}"), "last": shown_time(*last),
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    let data = json!({ "year": year.label(), "summary": summary(&lines, locale), "year_shown": match locale {
        Locale::Bn => to_bangla_digits(&year.label()),
        Locale::En => year.label(),
    }, "ministries": ministries });
    Ok(renderer.respond_staff(&req, locale, &staff, StatusCode::OK, "staff/apa", data))
}

/// The national summary above the ministries' sections: departments with a committed
/// conversion, ministries where every department has one (and links to those where not),
/// and items overdue for their quarterly review.
fn summary(lines: &[apa::MinistryApa], locale: Locale) -> Value {
    let departments: usize = lines.iter().map(|l| l.departments.len()).sum();
    let committed: usize = lines.iter().map(apa::MinistryApa::committed_departments).sum();
    let short: Vec<&apa::MinistryApa> =
        lines.iter().filter(|l| l.departments.is_empty() || l.committed_departments() < l.departments.len()).collect();
    let overdue: usize = lines.iter().map(|l| l.overdue.len()).sum();
    let overdue_ministries = lines.iter().filter(|l| !l.overdue.is_empty()).count();
    let n = |x: usize| lakh_crore(x as i64, locale);
    json!({
        "departments": n(departments), "committed": n(committed),
        "ministries": n(lines.len()), "met": n(lines.len() - short.len()),
        "overdue": n(overdue), "overdue_ministries": n(overdue_ministries), "any_overdue": overdue > 0,
        "short": short.iter().map(|l| json!({
            "code": l.ministry.code, "name": locale.pick(&l.ministry.name_bn, &l.ministry.name_en),
            "missing": n(l.departments.len() - l.committed_departments()),
        })).collect::<Vec<_>>(),
    })
}
