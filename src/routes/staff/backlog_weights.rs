//! `GET/POST /staff/backlog/weights`: the national default weights and each ministry's
//! own, shown beside the normalisation they apply to.

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use chrono::Utc;
use serde::Deserialize;
use serde_json::{json, Value};

use super::view::field_messages;
use crate::audit::Actor;
use crate::auth::Staff;
use crate::backlog::inputs::CountedCache;
use crate::backlog::{ranking, weights};
use crate::config::Settings;
use crate::db::{self, ministries, score_weights, Pool};
use crate::domain::digits::parse_whole_number;
use crate::domain::scoring::{Weights, COMPONENTS};
use crate::domain::staff::Permission;
use crate::domain::{FieldError, FieldErrors, Locale};
use crate::error::AppError;
use crate::web::page::see_other;
use crate::web::Renderer;

/// How many services the preview lists.
const PREVIEW_TOP: usize = 20;

/// What one scope's form shows: the values typed (or stored) and each field's message.
fn fields(values: [String; 5], errors: &[Value]) -> Vec<Value> {
    COMPONENTS
        .iter()
        .zip(values)
        .map(|(name, value)| {
            let error = errors.iter().find(|e| e["field"] == *name).map(|e| e["message"].clone());
            json!({ "name": name, "name_id": format!("backlog-component-{name}"), "value": value, "error": error })
        })
        .collect()
}

fn stored_values(w: Weights) -> [String; 5] {
    w.as_array().map(|v| v.to_string())
}

/// A form sent back to its page: the scope, what was typed, and the messages or a preview.
struct Sent {
    scope: String,
    values: [String; 5],
    errors: Vec<Value>,
    preview: Option<Value>,
}

/// `GET /staff/backlog/weights`.
pub async fn show_weights(
    req: HttpRequest,
    query: web::Query<SavedQuery>,
    staff: Staff,
    locale: Locale,
    pool: web::Data<Pool>,
    renderer: web::Data<Renderer>,
) -> Result<HttpResponse, AppError> {
    staff.require(Permission::ViewBacklog)?;
    let saved = query.saved.is_some();
    page(&req, &staff, locale, &pool, &renderer, None, saved).await
}

/// `?saved=1` after a save: the page says so.
#[derive(Debug, Deserialize)]
pub struct SavedQuery {
    saved: Option<String>,
}

async fn page(
    req: &HttpRequest,
    staff: &Staff,
    locale: Locale,
    pool: &Pool,
    renderer: &Renderer,
    sent: Option<Sent>,
    saved: bool,
) -> Result<HttpResponse, AppError> {
    let within = staff.ministry_filter();
    let (stored, list) = db::run_blocking(pool, move |c| -> Result<_, AppError> {
        Ok((score_weights::all(c)?, ministries::list(c, within.as_deref())?))
    })
    .await?;
    let national = stored.get(&None).copied().unwrap_or(Weights::DEFAULT);
    let shown = |scope: &str, stored: Weights| -> (Vec<Value>, Option<Value>) {
        match &sent {
            Some(s) if s.scope == scope => (fields(s.values.clone(), &s.errors), s.preview.clone()),
            _ => (fields(stored_values(stored), &[]), None),
        }
    };
    let rows: Vec<Value> = list
        .iter()
        .map(|m| {
            let own = stored.get(&Some(m.id)).copied();
            let (fields, preview) = shown(&m.code, own.unwrap_or(national));
            json!({
                "code": m.code, "name": locale.pick(&m.name_bn, &m.name_en), "own": own.is_some(),
                "fields": fields, "preview": preview, "can_edit": staff.may(Permission::PrioritiseBacklog, m.id),
            })
        })
        .collect();
    let (national_fields, national_preview) = shown("national", national);
    let errors: Vec<Value> = sent.as_ref().map(|s| s.errors.clone()).unwrap_or_default();
    let status = if errors.is_empty() { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY };
    let data = json!({
        "national": national_fields,
        "national_preview": national_preview,
        "can_edit_national": staff.role.allows(Permission::SetNationalWeights),
        "ministries": rows, "max": Weights::MAX,
        "errors": errors, "has_errors": !errors.is_empty(), "saved": saved,
        "error_scope": sent.as_ref().filter(|s| !s.errors.is_empty()).map(|s| s.scope.clone()),
    });
    Ok(renderer.respond_staff(req, locale, staff, status, "staff/backlog_weights", data))
}

/// The ranking with `trial` weights beside today's: the top services after, each with its rank
/// before, and those that would leave the top (of the ministry's services for a ministry's weights).
fn preview(
    before: &crate::backlog::ranking::Ranking,
    after: &crate::backlog::ranking::Ranking,
    ministry: Option<i64>,
    locale: Locale,
) -> Value {
    let in_scope = |r: &&crate::backlog::ranking::Ranked| ministry.is_none_or(|m| r.ministry.id == m);
    let rank_before: std::collections::HashMap<i64, usize> =
        before.rows.iter().map(|r| (r.service.id, r.rank)).collect();
    let top_after: Vec<&crate::backlog::ranking::Ranked> =
        after.rows.iter().filter(in_scope).take(PREVIEW_TOP).collect();
    let rows: Vec<Value> = top_after
        .iter()
        .map(|r| {
            let was = rank_before.get(&r.service.id).copied().unwrap_or(r.rank);
            json!({
                "rank": r.rank, "was": was, "code": r.service.code,
                "name": locale.pick(&r.service.name_bn, &r.service.name_en),
                "up": was.saturating_sub(r.rank), "down": r.rank.saturating_sub(was),
                "entered": !before.rows.iter().filter(in_scope).take(PREVIEW_TOP).any(|b| b.service.id == r.service.id),
            })
        })
        .collect();
    let after_rank: std::collections::HashMap<i64, usize> = after.rows.iter().map(|r| (r.service.id, r.rank)).collect();
    let left: Vec<Value> = before
        .rows
        .iter()
        .filter(in_scope)
        .take(PREVIEW_TOP)
        .filter(|b| !top_after.iter().any(|a| a.service.id == b.service.id))
        .map(|b| {
            json!({ "code": b.service.code, "name": locale.pick(&b.service.name_bn, &b.service.name_en),
                    "was": b.rank, "rank": after_rank.get(&b.service.id).copied().unwrap_or(b.rank) })
        })
        .collect();
    let moved = rows.iter().filter(|r| r["up"] != 0 || r["down"] != 0).count();
    json!({ "rows": rows, "left": left, "moved": moved, "top": PREVIEW_TOP })
}

/// The weights form: `scope` is `national` or a ministry code; `reset` drops a ministry's own.
#[derive(Debug, Deserialize)]
pub struct WeightsForm {
    scope: Option<String>,
    demand: Option<String>,
    burden: Option<String>,
    gap: Option<String>,
    severity: Option<String>,
    readiness: Option<String>,
    reset: Option<String>,
    preview: Option<String>,
}

impl WeightsForm {
    fn weights(&self) -> Result<Weights, FieldErrors> {
        let mut errors = FieldErrors::new();
        let mut values = [0i32; 5];
        let given = [&self.demand, &self.burden, &self.gap, &self.severity, &self.readiness];
        for ((slot, name), raw) in values.iter_mut().zip(COMPONENTS).zip(given) {
            match parse_whole_number(raw.as_deref().unwrap_or(""), Weights::MAX as u64) {
                Ok(Some(v)) => *slot = v as i32,
                _ => errors.push(FieldError::new(name, "error-weight-range").with("max", Weights::MAX)),
            }
        }
        let w = Weights::from_array(values);
        if errors.is_empty() && !w.is_valid() {
            errors.push(FieldError::new("demand", "error-weight-all-zero"));
        }
        if errors.is_empty() {
            Ok(w)
        } else {
            Err(errors)
        }
    }
}

/// `POST /staff/backlog/weights`: saves, or with `preview` shows how the ranking would move
/// without saving. Refused values come back on the page with their messages (422).
pub async fn save_weights(
    req: HttpRequest,
    staff: Staff,
    locale: Locale,
    form: web::Form<WeightsForm>,
    pool: web::Data<Pool>,
    counted: web::Data<CountedCache>,
    renderer: web::Data<Renderer>,
) -> Result<HttpResponse, AppError> {
    let rates = req.app_data::<web::Data<Settings>>().map(|s| s.rates()).unwrap_or_default();
    let scope = form.scope.as_deref().unwrap_or("").trim().to_owned();
    let ministry_id = if scope == "national" {
        staff.require(Permission::SetNationalWeights)?;
        None
    } else {
        staff.require(Permission::PrioritiseBacklog)?;
        let code = scope.clone();
        let found = db::run_blocking(&pool, move |c| ministries::find_by_code(c, &code)).await?;
        match found.filter(|m| staff.sees(m.id)) {
            Some(m) => Some(m.id),
            None => return Err(AppError::NotFound),
        }
    };
    let typed = [&form.demand, &form.burden, &form.gap, &form.severity, &form.readiness]
        .map(|v| v.as_deref().unwrap_or("").trim().to_owned());
    let weights = if form.reset.is_some() && ministry_id.is_some() && form.preview.is_none() {
        None
    } else {
        match form.weights() {
            Ok(w) => Some(w),
            Err(errors) => {
                let errors = field_messages(locale, &errors);
                let sent = Sent { scope, values: typed, errors, preview: None };
                return page(&req, &staff, locale, &pool, &renderer, Some(sent), false).await;
            }
        }
    };
    if form.preview.is_some() {
        let trial = weights.unwrap_or(Weights::DEFAULT);
        let now = Utc::now().naive_utc();
        let counted = counted.into_inner();
        let (before, after) = db::run_blocking(&pool, move |c| -> Result<_, AppError> {
            let before = ranking::build_cached(c, &counted, rates, now)?;
            let after = ranking::build_trial(c, &counted, rates, now, (ministry_id, trial))?;
            Ok((before, after))
        })
        .await?;
        let shown = preview(&before, &after, ministry_id, locale);
        let sent = Sent { scope, values: typed, errors: Vec::new(), preview: Some(shown) };
        return page(&req, &staff, locale, &pool, &renderer, Some(sent), false).await;
    }
    let actor = Actor::from(&staff);
    db::run_blocking(&pool, move |c| weights::set(c, &actor, ministry_id, weights, Utc::now().naive_utc())).await?;
    Ok(see_other("/staff/backlog/weights?saved=1"))
}
