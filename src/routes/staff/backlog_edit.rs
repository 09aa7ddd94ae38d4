//! The backlog's forms: promote a service, edit the problem statement and themes, move
//! the status, set priority inputs, record a quarterly review. Each checks the permission
//! and the ministry first, and a refused form comes back with its messages (422).

use actix_web::{web, HttpRequest, HttpResponse};
use chrono::Utc;
use serde::Deserialize;
use serde_json::{json, Value};

use super::backlog_item::{item_page, scoped_item};
use super::page_parts::PageParts;
use super::sent::{self, Sent, Typed};
use super::service_page::service_page;
use crate::audit::Actor;
use crate::auth::Staff;
use crate::backlog::moves::{self, parse_note, Priorities, Review};
use crate::backlog::shaping::{self, Problem};
use crate::db::{self, Pool};
use crate::domain::backlog::{FiscalYear, Status};
use crate::domain::digits::parse_whole_number;
use crate::domain::staff::Permission;
use crate::domain::{FieldError, FieldErrors, Locale};
use crate::error::AppError;
use crate::web::page::see_other;
use crate::workspace::filter_input::FilterQuery;
use crate::workspace::visible_service;

/// A form whose `theme` field repeats (one per checked theme).
type PairsForm = Vec<(String, String)>;

fn field<'a>(form: &'a PairsForm, name: &str) -> &'a str {
    form.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str()).unwrap_or("")
}

fn problem(form: &PairsForm) -> Result<Problem, AppError> {
    let picked: Vec<&str> = form.iter().filter(|(k, _)| k == "theme").map(|(_, v)| v.as_str()).collect();
    let ids: Vec<i64> =
        picked.iter().filter_map(|v| crate::domain::digits::to_ascii_digits(v.trim()).parse().ok()).collect();
    if ids.len() != picked.len() {
        return Err(AppError::Validation(FieldError::new("themes", "error-backlog-theme-unknown").into()));
    }
    Problem::parse(field(form, "problem_bn"), field(form, "problem_en"), ids).map_err(AppError::Validation)
}

/// Checks the permission and the item's ministry; gives the ministry id.
async fn allowed(pool: &Pool, staff: &Staff, id: i64, permission: Permission) -> Result<i64, AppError> {
    staff.require(permission)?;
    let who = staff.clone();
    let (_, listing) = db::run_blocking(pool, move |c| scoped_item(c, &who, id)).await?;
    Ok(listing.2.id)
}

/// What the problem form typed: both statements and the themes ticked.
fn typed_problem(form: &PairsForm) -> Value {
    let ticked: Vec<Value> = form
        .iter()
        .filter(|(k, _)| k == "theme")
        .filter_map(|(_, v)| crate::domain::digits::to_ascii_digits(v.trim()).parse::<i64>().ok())
        .map(Value::from)
        .collect();
    json!({ "problem_bn": field(form, "problem_bn"), "problem_en": field(form, "problem_en"), "themes": ticked })
}

/// `POST /staff/services/{code}/backlog`: promotes the service with a problem statement; a
/// refusal comes back on the service page with what was typed.
pub async fn promote(
    req: HttpRequest,
    staff: Staff,
    locale: Locale,
    code: web::Path<String>,
    form: web::Form<PairsForm>,
    parts: PageParts,
) -> Result<HttpResponse, AppError> {
    let code = code.into_inner();
    staff.require(Permission::ShapeBacklog)?;
    let outcome = async {
        let problem = problem(&form)?;
        let (actor, who, code) = (Actor::from(&staff), staff.clone(), code.clone());
        db::run_blocking(&parts.pool, move |c| -> Result<_, AppError> {
            let listing = visible_service(c, &who, &code)?.ok_or(AppError::NotFound)?;
            Ok(shaping::promote(c, &actor, listing.0.id, &problem, Utc::now().naive_utc())?)
        })
        .await
        .map_err(AppError::from)
    }
    .await;
    match outcome {
        Ok(item) => Ok(see_other(&format!("/staff/backlog/items/{}?done=promoted", item.id))),
        Err(AppError::Validation(errors)) => {
            // Already in the backlog (promoted meanwhile): the page's backlog section says so.
            let sent =
                Sent::refused(locale, &errors, "promote", typed_problem(&form)).renamed(&[("service", "backlog-h")]);
            service_page(&req, &staff, locale, code, FilterQuery::default(), &parts, sent).await
        }
        Err(other) => Err(other),
    }
}

/// The outcome of an item form (`form`, with what was typed; `names`: fields the page names
/// otherwise): back to the item page saying what was done, or the page again with the messages.
async fn answer(
    (req, staff, locale, page): (&HttpRequest, &Staff, Locale, &PageParts),
    id: i64,
    outcome: Result<&str, AppError>,
    (form, values): (&str, Value),
    names: &[(&str, &str)],
) -> Result<HttpResponse, AppError> {
    let typed = Typed { form, values, names };
    let page_url = format!("/staff/backlog/items/{id}");
    sent::answer(outcome, &page_url, locale, typed, |sent| item_page(req, staff, locale, page, id, sent)).await
}

/// `POST /staff/backlog/items/{id}/problem`.
pub async fn edit_problem(
    req: HttpRequest,
    staff: Staff,
    locale: Locale,
    id: web::Path<i64>,
    form: web::Form<PairsForm>,
    page: PageParts,
) -> Result<HttpResponse, AppError> {
    let id = id.into_inner();
    allowed(&page.pool, &staff, id, Permission::ShapeBacklog).await?;
    let typed = typed_problem(&form);
    let outcome = async {
        let problem = problem(&form)?;
        let actor = Actor::from(&staff);
        let now = Utc::now().naive_utc();
        db::run_blocking(&page.pool, move |c| shaping::edit_problem(c, &actor, id, &problem, now)).await?;
        Ok("problem")
    }
    .await;
    answer((&req, &staff, locale, &page), id, outcome, ("problem", typed), &[]).await
}

/// The status form.
#[derive(Debug, Deserialize)]
pub struct StatusForm {
    status: Option<String>,
    note: Option<String>,
}

/// `POST /staff/backlog/items/{id}/status`: one allowed move, with a note (a reason to drop).
pub async fn move_status(
    req: HttpRequest,
    staff: Staff,
    locale: Locale,
    id: web::Path<i64>,
    form: web::Form<StatusForm>,
    page: PageParts,
) -> Result<HttpResponse, AppError> {
    let id = id.into_inner();
    allowed(&page.pool, &staff, id, Permission::PrioritiseBacklog).await?;
    let typed =
        json!({ "status": form.status.clone().unwrap_or_default(), "note": form.note.clone().unwrap_or_default() });
    let outcome = async {
        let mut errors = FieldErrors::new();
        let to = errors.take(
            Status::parse(form.status.as_deref().unwrap_or(""))
                .ok_or_else(|| FieldError::new("status", "error-backlog-move")),
        );
        let note = errors.take(parse_note("note", form.note.as_deref().unwrap_or(""), false));
        let (Some(to), Some(note)) = (to, note) else { return Err(AppError::Validation(errors)) };
        let actor = Actor::from(&staff);
        db::run_blocking(&page.pool, move |c| moves::move_status(c, &actor, id, to, &note, Utc::now().naive_utc()))
            .await?;
        Ok("moved")
    }
    .await;
    answer((&req, &staff, locale, &page), id, outcome, ("status", typed), &[]).await
}

/// The priorities form.
#[derive(Debug, Deserialize, serde::Serialize)]
pub struct PrioritiesForm {
    target_year: Option<String>,
    owner_office: Option<String>,
    category: Option<String>,
    yearly_applications: Option<String>,
}

impl PrioritiesForm {
    fn parse(&self) -> Result<Priorities, FieldErrors> {
        let mut errors = FieldErrors::new();
        let text = |v: &Option<String>| v.as_deref().unwrap_or("").trim().to_owned();
        let target_year = match text(&self.target_year).as_str() {
            "" => None,
            y => errors.take(FiscalYear::parse(y).ok_or_else(|| FieldError::new("target_year", "error-backlog-year"))),
        };
        let office = errors.take(
            crate::domain::digits::to_ascii_digits(&text(&self.owner_office))
                .parse::<i64>()
                .map_err(|_| FieldError::new("owner_office", "error-backlog-office")),
        );
        let category = match text(&self.category).as_str() {
            "" | "none" => Some(None),
            "1" => Some(Some(1)),
            "2" => Some(Some(2)),
            _ => errors.take(Err(FieldError::new("category", "error-backlog-filter-category"))),
        };
        let applications = errors.take(
            parse_whole_number(&text(&self.yearly_applications), 1_000_000_000)
                .map_err(|_| FieldError::new("yearly_applications", "error-backlog-applications")),
        );
        match (office, category, applications) {
            (Some(owner_office_id), Some(category), Some(apps)) if errors.is_empty() => {
                Ok(Priorities { target_year, owner_office_id, category, yearly_applications: apps.map(|n| n as i64) })
            }
            _ => Err(errors),
        }
    }
}

/// `POST /staff/backlog/items/{id}/priorities`.
pub async fn set_priorities(
    req: HttpRequest,
    staff: Staff,
    locale: Locale,
    id: web::Path<i64>,
    form: web::Form<PrioritiesForm>,
    page: PageParts,
) -> Result<HttpResponse, AppError> {
    let id = id.into_inner();
    allowed(&page.pool, &staff, id, Permission::PrioritiseBacklog).await?;
    let typed = serde_json::to_value(&*form).unwrap_or_default();
    let outcome = async {
        let p = form.parse().map_err(AppError::Validation)?;
        let actor = Actor::from(&staff);
        db::run_blocking(&page.pool, move |c| moves::set_priorities(c, &actor, id, &p, Utc::now().naive_utc())).await?;
        Ok("priorities")
    }
    .await;
    answer((&req, &staff, locale, &page), id, outcome, ("priorities", typed), &[]).await
}

/// The review form.
#[derive(Debug, Deserialize, serde::Serialize)]
pub struct ReviewForm {
    progress: Option<String>,
    status: Option<String>,
    next_step: Option<String>,
}

/// `POST /staff/backlog/items/{id}/reviews`: the quarterly review (and a status move if it changed).
pub async fn record_review(
    req: HttpRequest,
    staff: Staff,
    locale: Locale,
    id: web::Path<i64>,
    form: web::Form<ReviewForm>,
    page: PageParts,
) -> Result<HttpResponse, AppError> {
    let id = id.into_inner();
    allowed(&page.pool, &staff, id, Permission::PrioritiseBacklog).await?;
    let typed = serde_json::to_value(&*form).unwrap_or_default();
    let outcome = async {
        let mut errors = FieldErrors::new();
        let progress = errors.take(parse_note("progress", form.progress.as_deref().unwrap_or(""), true));
        let next_step = errors.take(parse_note("next_step", form.next_step.as_deref().unwrap_or(""), true));
        let status = errors.take(
            Status::parse(form.status.as_deref().unwrap_or(""))
                .ok_or_else(|| FieldError::new("status", "error-backlog-move")),
        );
        let (Some(progress), Some(next_step), Some(status)) = (progress, next_step, status) else {
            return Err(AppError::Validation(errors));
        };
        let review = Review { progress, status, next_step };
        let actor = Actor::from(&staff);
        db::run_blocking(&page.pool, move |c| moves::record_review(c, &actor, id, &review, Utc::now().naive_utc()))
            .await?;
        Ok("review")
    }
    .await;
    // The review's status select is `review_status` on the page (the move form has a `status`).
    answer((&req, &staff, locale, &page), id, outcome, ("review", typed), &[("status", "review_status")]).await
}
