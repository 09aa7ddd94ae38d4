//! Finding a service and reading its charter.

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use serde::Deserialize;
use serde_json::json;

use super::feedback_form::{form_context, FormValues};
use super::service_view::{service_facts, service_summary};
use crate::db::services::{ServiceListing, ServiceQuery};
use crate::db::{self, Pool};
use crate::domain::digits::{lakh_crore, parse_whole_number};
use crate::domain::text::search_key;
use crate::domain::{FieldErrors, Locale};
use crate::error::AppError;
use crate::grouping::SimilarFeedback;
use crate::web::page::encode;
use crate::web::Renderer;

const PAGE_SIZE: i64 = 20;

/// Search form and browse links.
#[derive(Debug, Deserialize)]
pub struct SearchQuery {
    q: Option<String>,
    ministry: Option<String>,
    page: Option<String>,
}

/// Words of a search, each lower-cased and NFC (at most 8, each at most 60 characters).
pub fn search_terms(q: &str) -> Vec<String> {
    search_key(q).split_whitespace().take(8).map(|t| t.chars().take(60).collect()).collect()
}

/// `GET /services?q=…&ministry=…&page=…`.
pub async fn search_services(
    req: HttpRequest,
    locale: Locale,
    query: web::Query<SearchQuery>,
    pool: web::Data<Pool>,
    renderer: web::Data<Renderer>,
) -> Result<HttpResponse, AppError> {
    let q = query.q.clone().unwrap_or_default();
    let terms = search_terms(&q);
    let page =
        query.page.as_deref().and_then(|p| parse_whole_number(p, 100_000).ok().flatten()).unwrap_or(1).max(1) as i64;
    let ministry_code = query.ministry.clone().unwrap_or_default().trim().to_ascii_uppercase();
    let (ministry, rows, total) = db::run_read(&pool, move |conn| {
        let ministry = match ministry_code.as_str() {
            "" => None,
            code => Some(db::ministries::find_by_code(conn, code)?.ok_or(AppError::NotFound)?),
        };
        let search = ServiceQuery {
            terms: terms.clone(),
            ministry_id: ministry.as_ref().map(|m| m.id),
            order_by_name: Some(locale),
            offset: (page - 1) * PAGE_SIZE,
            limit: PAGE_SIZE,
        };
        let (rows, total) = db::services::search(conn, &search)?;
        Ok::<_, AppError>((ministry, rows, total))
    })
    .await?;
    let base = format!(
        "/services?q={}{}",
        encode(&q),
        ministry.as_ref().map(|m| format!("&ministry={}", m.code)).unwrap_or_default()
    );
    let pages = (total + PAGE_SIZE - 1) / PAGE_SIZE;
    let data = json!({
        "q": q,
        "ministry": ministry.as_ref().map(|m| locale.pick(&m.name_bn, &m.name_en)),
        "ministry_code": ministry.as_ref().map(|m| m.code.clone()).unwrap_or_default(),
        "results": rows.iter().map(|r| service_summary(r, locale)).collect::<Vec<_>>(),
        "total": total,
        "page": page,
        "pages": pages.max(1),
        "prev_url": (page > 1).then(|| format!("{base}&page={}", page - 1)),
        "next_url": (page < pages).then(|| format!("{base}&page={}", page + 1)),
    });
    Ok(renderer.respond(&req, locale, StatusCode::OK, "public/search", data))
}

/// Loads a service by the code in a URL (any case), or 404.
pub async fn load_service(pool: &Pool, code: &str) -> Result<ServiceListing, AppError> {
    let code = code.trim().to_ascii_uppercase();
    db::run_read(pool, move |conn| db::services::find_by_code(conn, &code)).await?.ok_or(AppError::NotFound)
}

/// `GET /services/{code}`: the charter facts and the feedback form.
pub async fn show_service(
    req: HttpRequest,
    locale: Locale,
    code: web::Path<String>,
    pool: web::Data<Pool>,
    renderer: web::Data<Renderer>,
) -> Result<HttpResponse, AppError> {
    let listing = load_service(&pool, &code).await?;
    let form =
        FormState { values: &FormValues::default(), errors: &FieldErrors::new(), similar: None, similar_token: None };
    render_service_page(&req, locale, &pool, &renderer, &listing, form, StatusCode::OK).await
}

/// The feedback form as it is to be shown again.
pub struct FormState<'a> {
    /// What the citizen typed.
    pub values: &'a FormValues,
    /// What is wrong with it.
    pub errors: &'a FieldErrors,
    /// Similar feedback found by "check for similar feedback" (`Some(empty)`: none found).
    pub similar: Option<&'a [SimilarFeedback]>,
    /// The signed similar-feedback step the "me too" buttons send.
    pub similar_token: Option<&'a str>,
}

/// The service page with the form filled in as `form` says.
pub async fn render_service_page(
    req: &HttpRequest,
    locale: Locale,
    pool: &Pool,
    renderer: &Renderer,
    listing: &ServiceListing,
    form: FormState<'_>,
    status: StatusCode,
) -> Result<HttpResponse, AppError> {
    let (service_id, service) = (listing.0.id, listing.0.clone());
    let (voices, said, before_after) = db::run_read(pool, move |conn| -> diesel::QueryResult<_> {
        let shown = crate::backlog::public::shown(conn, service_id)?;
        Ok((
            db::service_counts::total_voices(conn, service_id)?,
            crate::backlog::public::YouSaid::of(&shown),
            crate::brief::public::load(conn, &service, &shown)?,
        ))
    })
    .await?;
    let similar: Vec<serde_json::Value> = form
        .similar
        .unwrap_or_default()
        .iter()
        .map(|s| json!({ "id": s.id, "text": s.text, "voices": s.voices }))
        .collect();
    let data = json!({
        "service": service_facts(listing, locale),
        "feedback_count": voices,
        "form": form_context(locale, &listing.0, form.values, form.errors, form.similar_token),
        "checked": form.similar.is_some(),
        "similar": similar,
        "you_said": {
            "status_id": said.item.as_ref().map(|(s, _)| format!("backlog-status-{s}")),
            "target_year": said.item.as_ref().and_then(|(_, y)| y.clone()),
            "themes": said.themes.iter().map(|(bn, en, v)| json!({ "label": locale.pick(bn, en), "voices": v })).collect::<Vec<_>>(),
            "shown": said.item.is_some() || !said.themes.is_empty(),
            "before_after": before_after.as_ref().map(|ba| before_after_view(ba, locale)),
        },
    });
    Ok(renderer.respond(req, locale, status, "public/service", data))
}

/// The before and after of a live e-service as its service page shows it.
fn before_after_view(ba: &crate::brief::public::BeforeAfter, locale: Locale) -> serde_json::Value {
    // A median resting on few answers is marked, as on staff pages.
    let few_below = crate::domain::scoring::FEW_ANSWERS;
    let reported = |r: crate::brief::journey::Reported, money: bool| {
        let star = if r.answers < few_below { "*" } else { "" };
        r.median.map(|m| {
            let shown =
                if money { lakh_crore(m, locale) } else { crate::i18n::localise_digits(locale, &m.to_string()) };
            format!("{shown}{star}")
        })
    };
    let b = &ba.before;
    let few = [b.days, b.cost, b.visits].iter().any(|r| r.median.is_some() && r.answers < few_below);
    let (days, cost, visits) = ba.after.iter().fold((0, 0, 0), |(d, c, v), s| (d + s.days, c + s.cost, v + s.visits));
    json!({
        "until": crate::i18n::localise_digits(locale, &ba.before.until.format("%Y-%m-%d").to_string()),
        "before": {
            "steps": ba.before.steps, "days": reported(ba.before.days, false), "cost": reported(ba.before.cost, true),
            "visits": reported(ba.before.visits, false), "answers": ba.before.days.answers.max(ba.before.cost.answers).max(ba.before.visits.answers),
            "few": few, "few_below": few_below,
        },
        "after": { "steps": ba.after.len(), "days": days, "cost": lakh_crore(cost, locale), "visits": visits },
        "steps": ba.after.iter().map(|s| json!({
            "name": locale.pick(&s.name_bn, &s.name_en), "channel_id": format!("brief-channel-{}", s.channel.as_str()),
        })).collect::<Vec<_>>(),
        "taken": ba.taken.iter().map(|(bn, en, v)| json!({ "label": locale.pick(bn, en), "voices": v })).collect::<Vec<_>>(),
    })
}
