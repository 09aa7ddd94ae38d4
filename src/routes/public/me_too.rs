//! "Me too": adding one's voice to feedback already given, once per browser.

use actix_web::cookie::{time, Cookie, SameSite};
use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use serde::Deserialize;
use serde_json::json;

use super::services::load_service;
use crate::config::Settings;
use crate::db::{self, Pool};
use crate::domain::api_key;
use crate::domain::digits::to_ascii_digits;
use crate::domain::Locale;
use crate::error::AppError;
use crate::voices::{self, MeToo};
use crate::web::page::see_other;
use crate::web::Renderer;

/// The cookie that identifies a browser for "me too" (random; only its hash is stored).
pub const BROWSER_COOKIE: &str = "nagorik_browser";

/// The "me too" button's form.
#[derive(Debug, Deserialize)]
pub struct MeTooForm {
    feedback_id: Option<String>,
}

/// `POST /services/{code}/me-too`: adds this browser's voice, then shows the confirmation.
pub async fn add_me_too(
    req: HttpRequest,
    code: web::Path<String>,
    form: web::Form<MeTooForm>,
    pool: web::Data<Pool>,
    settings: web::Data<Settings>,
) -> Result<HttpResponse, AppError> {
    let listing = load_service(&pool, &code).await?;
    let id = form
        .feedback_id
        .as_deref()
        .and_then(|v| to_ascii_digits(v.trim()).parse::<i64>().ok())
        .ok_or_else(|| AppError::field("feedback_id", "error-me-too-unknown"))?;
    let existing = req.cookie(BROWSER_COOKIE).map(|c| c.value().to_owned()).filter(|v| v.len() >= 20);
    let browser = existing.clone().unwrap_or_else(|| api_key::random_text(32));
    let key = api_key::hash(&browser);
    let service_id = listing.0.id;
    let outcome = db::run_blocking(&pool, move |c| voices::add(c, service_id, id, &key)).await?;
    if outcome == MeToo::NotFound {
        return Err(AppError::NotFound);
    }
    let mut to = see_other(&format!("/services/{}/me-too/{id}", listing.0.code));
    if existing.is_none() {
        let cookie = Cookie::build(BROWSER_COOKIE, browser)
            .path("/")
            .http_only(true)
            .same_site(SameSite::Lax)
            .secure(settings.secure_cookies)
            .max_age(time::Duration::days(365))
            .finish();
        to.add_cookie(&cookie).map_err(|e| anyhow::anyhow!(e))?;
    }
    Ok(to)
}

/// `GET /services/{code}/me-too/{id}`: the feedback this browser added its voice to.
pub async fn show_me_too(
    req: HttpRequest,
    locale: Locale,
    path: web::Path<(String, i64)>,
    pool: web::Data<Pool>,
    renderer: web::Data<Renderer>,
) -> Result<HttpResponse, AppError> {
    let (code, id) = path.into_inner();
    let listing = load_service(&pool, &code).await?;
    let service_id = listing.0.id;
    let browser = req.cookie(BROWSER_COOKIE).map(|c| api_key::hash(c.value()));
    let (feedback, counted) = db::run_blocking(&pool, move |c| -> Result<_, AppError> {
        let f = db::moderation::find(c, id)?
            .filter(|f| f.service_id == service_id && f.moderation == "visible" && !f.has_personal_data)
            .ok_or(AppError::NotFound)?;
        let counted = match browser {
            Some(key) => db::me_too::exists(c, id, &key)?,
            None => false,
        };
        Ok((f, counted))
    })
    .await?;
    let data = json!({
        "text": feedback.public_text(),
        "voices": feedback.voices(),
        "counted": counted,
        "service_name": listing.0.name(locale),
        "service_url": format!("/services/{}", listing.0.code),
    });
    Ok(renderer.respond(&req, locale, StatusCode::OK, "public/me_too", data))
}
