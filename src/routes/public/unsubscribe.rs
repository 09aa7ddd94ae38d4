//! One-click unsubscribe from "you said, we did" updates, without log-in. The link
//! in each update (and its `List-Unsubscribe` header) names a signed token. `GET`
//! shows one button, so mail scanners that open links unsubscribe nobody; `POST`
//! (the button, or a mail client's RFC 8058 one-click request) records it at once,
//! and updates already queued for the address are not sent.

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use chrono::Utc;
use serde::Deserialize;
use serde_json::json;

use crate::db::{self, unsubscribes, Pool};
use crate::domain::Locale;
use crate::email::unsubscribe::UnsubscribeKey;
use crate::error::AppError;
use crate::web::Renderer;

/// `?lang=` in the link: the language the email was written in.
#[derive(Debug, Deserialize)]
pub struct LangQuery {
    lang: Option<String>,
}

fn language(locale: Locale, query: &LangQuery) -> Locale {
    query.lang.as_deref().and_then(Locale::parse).unwrap_or(locale)
}

fn invalid(req: &HttpRequest, locale: Locale, renderer: &Renderer) -> HttpResponse {
    renderer.respond(req, locale, StatusCode::NOT_FOUND, "public/unsubscribe_invalid", json!({}))
}

/// `GET /unsubscribe/{token}`: a page with one button.
pub async fn show_unsubscribe(
    req: HttpRequest,
    locale: Locale,
    token: web::Path<String>,
    query: web::Query<LangQuery>,
    key: web::Data<UnsubscribeKey>,
    renderer: web::Data<Renderer>,
) -> HttpResponse {
    let locale = language(locale, &query);
    if key.verify(&token).is_none() {
        return invalid(&req, locale, &renderer);
    }
    let action = format!("/unsubscribe/{}?lang={}", token.as_str(), locale.code());
    renderer.respond(&req, locale, StatusCode::OK, "public/unsubscribe", json!({ "action": action }))
}

/// `POST /unsubscribe/{token}`: no more updates to the address, from now on.
pub async fn unsubscribe(
    req: HttpRequest,
    locale: Locale,
    token: web::Path<String>,
    query: web::Query<LangQuery>,
    key: web::Data<UnsubscribeKey>,
    pool: web::Data<Pool>,
    renderer: web::Data<Renderer>,
) -> Result<HttpResponse, AppError> {
    let locale = language(locale, &query);
    let Some(hash) = key.verify(&token) else {
        return Ok(invalid(&req, locale, &renderer));
    };
    let now = Utc::now().naive_utc();
    db::run_blocking(&pool, move |c| unsubscribes::insert(c, &hash, now)).await?;
    Ok(renderer.respond(&req, locale, StatusCode::OK, "public/unsubscribed", json!({})))
}
