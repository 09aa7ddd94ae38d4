//! Looking up a tracking code: status only, never personal data.

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use serde::Deserialize;
use serde_json::json;

use crate::db::{self, Pool};
use crate::domain::district::District;
use crate::domain::feedback::Moderation;
use crate::domain::tracking_code::{CodeProblem, TrackingCode};
use crate::domain::Locale;
use crate::error::AppError;
use crate::i18n;
use crate::web::page::see_other;
use crate::web::Renderer;

/// The look-up form's query.
#[derive(Debug, Deserialize)]
pub struct TrackQuery {
    code: Option<String>,
}

/// `GET /track`, and `GET /track?code=…` from the look-up form.
pub async fn show_track_form(
    req: HttpRequest,
    locale: Locale,
    query: web::Query<TrackQuery>,
    renderer: web::Data<Renderer>,
) -> HttpResponse {
    let Some(typed) = query.code.clone() else {
        let data = json!({ "code": "", "error": null });
        return renderer.respond(&req, locale, StatusCode::OK, "public/track_form", data);
    };
    let error = match TrackingCode::check(&typed) {
        Ok(code) => return see_other(&format!("/track/{code}")),
        Err(CodeProblem::Empty) => i18n::message(locale, "error-tracking-code-empty", &[]),
        Err(CodeProblem::NeverUsed(c)) => {
            i18n::message(locale, "error-tracking-code-never-used", &[("char", c.to_string())])
        }
        Err(CodeProblem::Length(_)) => i18n::message(locale, "error-tracking-code-malformed", &[]),
    };
    let data = json!({ "code": typed, "error": error });
    renderer.respond(&req, locale, StatusCode::UNPROCESSABLE_ENTITY, "public/track_form", data)
}

/// `GET /track/{code}`: what became of the feedback.
pub async fn show_tracking(
    req: HttpRequest,
    locale: Locale,
    code: web::Path<String>,
    pool: web::Data<Pool>,
    renderer: web::Data<Renderer>,
) -> Result<HttpResponse, AppError> {
    let found = match TrackingCode::parse(&code) {
        Some(code) => {
            let lookup = code.as_str().to_owned();
            db::run_read(&pool, move |conn| -> diesel::QueryResult<_> {
                let Some((feedback, service)) = db::feedback::find_by_tracking_code(conn, &lookup)? else {
                    return Ok(None);
                };
                let plan = db::backlog_items::for_service(conn, service.id)?;
                // The theme it joined, once the service page shows it (published, enough voices).
                let theme = match feedback.theme_id.filter(|_| feedback.moderation == "visible") {
                    Some(id) => match db::themes::find(conn, id)? {
                        Some(t) if crate::backlog::public::shows_theme(conn, service.id, &t)? => Some(t),
                        _ => None,
                    },
                    None => None,
                };
                Ok(Some((feedback, service, plan, theme)))
            })
            .await?
        }
        None => None,
    };
    let Some((feedback, service, plan, theme)) = found else {
        let data = json!({ "code": code.as_str() });
        return Ok(renderer.respond(&req, locale, StatusCode::NOT_FOUND, "public/track_unknown", data));
    };
    let data = json!({
        // What the service page says too: its e-service plan, and the theme this feedback is part of.
        "plan_status_id": plan.as_ref().map(|p| format!("backlog-status-{}", p.status)),
        "plan_target_year": plan.as_ref().and_then(|p| p.target_year.clone()),
        "theme": theme.map(|t| locale.pick(&t.label_bn, &t.label_en).to_owned()),
        "tracking_code": TrackingCode::shown(&feedback.tracking_code),
        "service_name": service.name(locale),
        "service_url": format!("/services/{}", service.code),
        "kind_id": format!("kind-{}", feedback.kind),
        "status_id": format!("status-{}", Moderation::public_status(&feedback.moderation).replace('_', "-")),
        "received": feedback.created_at.format("%Y-%m-%d").to_string(),
        "district": District::parse(&feedback.district).map(|d| d.name(locale)).unwrap_or_default(),
    });
    Ok(renderer.respond(&req, locale, StatusCode::OK, "public/track", data))
}
