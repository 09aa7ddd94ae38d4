//! `GET /staff/backlog`: every service of the staff member's ministries ranked by the
//! explainable score, filtered by ministry, office, status, category and target year; why
//! one service ranks above another; and what moved since the quarter opened.

use crate::backlog::inputs::CountedCache;
use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use chrono::Utc;
use serde::Deserialize;
use serde_json::{json, Value};

use super::backlog_view::{points, row};
use super::view::field_messages;
use crate::auth::Staff;
use crate::backlog::ranking::{self, Filter, Ranked, Ranking};
use crate::backlog::snapshots;
use crate::config::Settings;
use crate::db::{self, Pool};
use crate::domain::backlog::{FiscalYear, Quarter, Status};
use crate::domain::digits::{lakh_crore, taka_in_full};
use crate::domain::scoring::{explain, COMPONENTS};
use crate::domain::staff::Permission;
use crate::domain::{FieldError, FieldErrors, Locale};
use crate::error::AppError;
use crate::web::Renderer;

/// Most rows listed (the filters narrow it).
const ROWS_LISTED: usize = 300;

/// The filters as typed in the query string.
#[derive(Debug, Default, Deserialize)]
pub struct BacklogQuery {
    ministry: Option<String>,
    office: Option<String>,
    status: Option<String>,
    category: Option<String>,
    year: Option<String>,
    a: Option<String>,
    b: Option<String>,
}

fn given(v: &Option<String>) -> Option<&str> {
    v.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

/// The page's filters, carried into the export form as hidden fields.
fn export_fields(q: &BacklogQuery) -> Vec<Value> {
    let filters = [("ministry", &q.ministry), ("office", &q.office), ("status", &q.status), ("category", &q.category)];
    filters
        .into_iter()
        .chain([("year", &q.year)])
        .filter_map(|(name, v)| given(v).map(|value| json!({ "name": name, "value": value })))
        .collect()
}

/// Turns the query into a filter over `ranking`, within the staff member's ministries.
pub fn parse_filter(q: &BacklogQuery, staff: &Staff, ranking: &Ranking) -> Result<Filter, FieldErrors> {
    let mut errors = FieldErrors::new();
    let mut filter = Filter { within: staff.ministry_filter(), backlog_only: true, ..Filter::default() };
    if let Some(code) = given(&q.ministry) {
        match ranking.rows.iter().find(|r| r.ministry.code.eq_ignore_ascii_case(code) && staff.sees(r.ministry.id)) {
            Some(r) => filter.ministry = Some(r.ministry.id),
            None => errors.push(FieldError::new("ministry", "error-backlog-filter-ministry")),
        }
    }
    if let Some(code) = given(&q.office) {
        match ranking.rows.iter().find(|r| r.office.code.eq_ignore_ascii_case(code) && staff.sees(r.ministry.id)) {
            Some(r) => filter.office = Some(r.office.id),
            None => errors.push(FieldError::new("office", "error-backlog-filter-office")),
        }
    }
    match given(&q.status) {
        None | Some("backlog") => {}
        Some("all") => filter.backlog_only = false,
        Some("candidate") => (filter.backlog_only, filter.status) = (false, Some(None)),
        Some(other) => match Status::parse(other) {
            Some(s) => filter.status = Some(Some(s)),
            None => errors.push(FieldError::new("status", "error-backlog-filter-status")),
        },
    }
    match given(&q.category) {
        None => {}
        Some("none") => filter.category = Some(None),
        Some("1") => filter.category = Some(Some(1)),
        Some("2") => filter.category = Some(Some(2)),
        Some(_) => errors.push(FieldError::new("category", "error-backlog-filter-category")),
    }
    if let Some(year) = given(&q.year) {
        match FiscalYear::parse(year) {
            Some(y) => filter.target_year = Some(y.label()),
            None => errors.push(FieldError::new("year", "error-backlog-year")),
        }
    }
    if errors.is_empty() {
        Ok(filter)
    } else {
        Err(errors)
    }
}

/// The comparison of the services `a` and `b` when both are given; a code that names no
/// service the staff member sees is a field error.
fn comparison(
    ranking: &Ranking,
    staff: &Staff,
    q: &BacklogQuery,
    locale: Locale,
    errors: &mut FieldErrors,
) -> Option<Value> {
    let mut find = |field: &'static str, code: Option<&str>| -> Option<&Ranked> {
        let code = code?;
        let found =
            ranking.rows.iter().find(|r| r.service.code.eq_ignore_ascii_case(code) && staff.sees(r.ministry.id));
        if found.is_none() {
            errors.push(FieldError::new(field, "error-backlog-compare-unknown").with("code", code));
        }
        found
    };
    let (a, b) = (find("a", given(&q.a)), find("b", given(&q.b)));
    let (a, b) = (a?, b?);
    let (first, second) = if a.score.total >= b.score.total { (a, b) } else { (b, a) };
    let (main, diff) = explain(&first.score, &second.score);
    let rows: Vec<Value> = COMPONENTS
        .iter()
        .enumerate()
        .map(|(i, name)| {
            json!({ "name_id": format!("backlog-component-{name}"), "first": points(first.score.components[i].points),
                    "second": points(second.score.components[i].points), "diff": format!("{:+.1}", diff[i]) })
        })
        .collect();
    let name = |r: &Ranked| locale.pick(&r.service.name_bn, &r.service.name_en).to_owned();
    Some(json!({
        "first": name(first), "second": name(second), "first_total": points(first.score.total),
        "second_total": points(second.score.total), "main_id": format!("backlog-component-{}", COMPONENTS[main]),
        "main_diff": format!("{:+.1}", diff[main]), "rows": rows,
        "same_weights": first.score.components.iter().zip(second.score.components.iter()).all(|(x, y)| x.weight == y.weight),
    }))
}

/// The backlog's address with the same filters, comparing `a` with `b`.
fn compare_link(q: &BacklogQuery, a: &str, b: &str) -> String {
    use percent_encoding::{utf8_percent_encode, NON_ALPHANUMERIC};
    let kept = [
        ("ministry", &q.ministry),
        ("office", &q.office),
        ("status", &q.status),
        ("category", &q.category),
        ("year", &q.year),
    ];
    let mut pairs: Vec<(&str, &str)> = kept.iter().filter_map(|(k, v)| given(v).map(|v| (*k, v))).collect();
    pairs.extend([("a", a), ("b", b)]);
    let query: Vec<String> =
        pairs.iter().map(|(k, v)| format!("{k}={}", utf8_percent_encode(v, NON_ALPHANUMERIC))).collect();
    format!("/staff/backlog?{}#compare-h", query.join("&"))
}

/// `GET /staff/backlog`.
#[allow(clippy::too_many_arguments)] // one argument per extractor
pub async fn show_backlog(
    req: HttpRequest,
    staff: Staff,
    locale: Locale,
    query: web::Query<BacklogQuery>,
    pool: web::Data<Pool>,
    counted: web::Data<CountedCache>,
    settings: web::Data<Settings>,
    renderer: web::Data<Renderer>,
) -> Result<HttpResponse, AppError> {
    staff.require(Permission::ViewBacklog)?;
    let rates = settings.rates();
    let now = Utc::now().naive_utc();
    let quarter = Quarter::of(now.date()).label();
    let (ranking, moved) = {
        let (who, quarter) = (staff.clone(), quarter.clone());
        db::run_read(&pool, move |c| -> Result<_, AppError> {
            let ranking = ranking::build_cached(c, &counted, rates, now)?;
            snapshots::ensure(c, &ranking, now)?;
            let moved: Vec<Value> = snapshots::moved_since(c, &ranking, &quarter, |r| who.sees(r.ministry.id))?
                .iter()
                .map(|m| {
                    json!({
                        "row": row(m.now, locale), "new_item": m.new_item,
                        "status_before_id": m.status_before.as_ref().map(|s| format!("backlog-status-{}", s.as_deref().unwrap_or("candidate"))),
                        "score_before": m.score_before.map(points), "rank_before": m.rank_before,
                    })
                })
                .collect();
            Ok((ranking, moved))
        })
        .await?
    };
    let q = query.into_inner();
    let (filter, mut errors) = match parse_filter(&q, &staff, &ranking) {
        Ok(f) => (f, FieldErrors::new()),
        Err(e) => (Filter { within: staff.ministry_filter(), backlog_only: true, ..Filter::default() }, e),
    };
    let compare = comparison(&ranking, &staff, &q, locale, &mut errors);
    let kept: Vec<&Ranked> = ranking.filtered(&filter).collect();
    let listed = &kept[..kept.len().min(ROWS_LISTED)];
    let rows: Vec<Value> = listed
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let mut shown = row(r, locale);
            // Each row but the last compares itself with the one below it, keeping the filters.
            if let Some(next) = kept.get(i + 1) {
                shown["compare_next"] = compare_link(&q, &r.service.code, &next.service.code).into();
            }
            shown
        })
        .collect();
    let totals = (
        kept.iter().map(|r| r.score.burden.yearly_bdt).sum::<i64>(),
        kept.iter().map(|r| r.score.burden.yearly_hours).sum::<i64>(),
    );
    let mut ministries: Vec<(String, String)> = ranking
        .rows
        .iter()
        .filter(|r| staff.sees(r.ministry.id))
        .map(|r| (r.ministry.code.clone(), locale.pick(&r.ministry.name_bn, &r.ministry.name_en).to_owned()))
        .collect();
    ministries.sort();
    ministries.dedup();
    let chosen = |v: &Option<String>| given(v).unwrap_or("").to_owned();
    let status_options: Vec<Value> = ["backlog", "candidate", "all"]
        .into_iter()
        .chain(Status::ALL.iter().map(|s| s.as_str()))
        .map(|s| json!({ "value": s, "label_id": format!("backlog-filter-{s}"), "selected": chosen(&q.status) == s }))
        .collect();
    let services: Vec<Value> = kept
        .iter()
        .take(ROWS_LISTED)
        .map(|r| json!({ "code": r.service.code, "name": locale.pick(&r.service.name_bn, &r.service.name_en) }))
        .collect();
    let data = json!({
        "rows": rows, "count": kept.len(), "more": kept.len().saturating_sub(ROWS_LISTED),
        "savings_bdt": lakh_crore(totals.0, locale), "savings_hours": lakh_crore(totals.1, locale),
        "savings_full": taka_in_full(totals.0, locale),
        "few": lakh_crore(crate::domain::scoring::FEW_ANSWERS, locale),
        "few_count": kept.iter().filter(|r| super::backlog_view::fewest_answers(r) < crate::domain::scoring::FEW_ANSWERS).count(),
        "errors": field_messages(locale, &errors),
        "ministries": ministries.iter().map(|(code, name)| json!({ "code": code, "name": name, "selected": chosen(&q.ministry).eq_ignore_ascii_case(code) })).collect::<Vec<_>>(),
        "statuses": status_options,
        "filter": { "office": chosen(&q.office), "category": chosen(&q.category), "year": chosen(&q.year) },
        "categories": (["1", "2", "none"]).iter().map(|c| json!({ "value": c, "selected": chosen(&q.category) == *c })).collect::<Vec<_>>(),
        "services": services, "compare": compare,
        "a": chosen(&q.a), "b": chosen(&q.b),
        "quarter": quarter, "moved": moved,
        "weights": ranking.national.as_array(),
        "can_export": staff.role.allows(Permission::ExportBacklog),
        "export_fields": export_fields(&q),
        "export_in_english": locale == Locale::En,
    });
    let status = if errors.is_empty() { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY };
    Ok(renderer.respond_staff(&req, locale, &staff, status, "staff/backlog", data))
}
