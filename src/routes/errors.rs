//! Turns every error answer into the right shape: the JSON envelope under
//! `/api`, a page in the visitor's language everywhere else.

use actix_web::body::MessageBody;
use actix_web::dev::ServiceResponse;
use actix_web::http::header;
use actix_web::middleware::ErrorHandlerResponse;
use actix_web::{web, HttpMessage, HttpResponse};
use serde_json::json;
use tracing_actix_web::RequestId;

use crate::error::{AppError, ErrorEnvelope};
use crate::web::lang::locale_of;
use crate::web::Renderer;

fn message_id(status: u16) -> &'static str {
    match status {
        400 => "error-bad-request",
        401 => "error-unauthorized",
        403 => "error-forbidden",
        404 => "error-not-found",
        405 => "error-method-not-allowed",
        409 => "error-conflict",
        413 => "error-payload-too-large",
        415 => "error-unsupported-media-type",
        422 => "error-validation",
        429 => "error-too-many-requests",
        503 => "error-unavailable",
        s if s >= 500 => "error-internal",
        _ => "error-bad-request",
    }
}

/// Answers requests no route matched.
pub async fn not_found() -> Result<HttpResponse, AppError> {
    Err(AppError::NotFound)
}

/// The messages of an error envelope in `locale` (none when the body is not one).
fn envelope_messages(body: &[u8], locale: crate::domain::Locale) -> Vec<String> {
    let Ok(envelope) = serde_json::from_slice::<serde_json::Value>(body) else { return Vec::new() };
    let key = if locale == crate::domain::Locale::Bn { "message_bn" } else { "message" };
    envelope["errors"]
        .as_array()
        .map(|errors| {
            errors.iter().filter_map(|e| e[key].as_str().or(e["message"].as_str()).map(str::to_owned)).collect()
        })
        .unwrap_or_default()
}

/// The staff error page: the staff layout and menu, what was wrong (the envelope's messages)
/// and the way back.
async fn staff_error<B: MessageBody + 'static>(
    res: ServiceResponse<B>,
    staff: crate::auth::Staff,
    request_id: String,
) -> actix_web::Result<ServiceResponse<actix_web::body::EitherBody<B>>> {
    let (req, old) = res.into_parts();
    let status = old.status();
    let retry = old.headers().get(header::RETRY_AFTER).cloned();
    let body = actix_web::body::to_bytes(old.into_body()).await.unwrap_or_default();
    let locale = locale_of(&req);
    let general = crate::i18n::message(locale, message_id(status.as_u16()), &[]);
    let messages: Vec<String> = envelope_messages(&body, locale).into_iter().filter(|m| *m != general).collect();
    let back = req
        .headers()
        .get(header::REFERER)
        .and_then(|v| v.to_str().ok())
        // The page the form was on: its path only, and only a path of this site.
        .map(|r| r.split_once("://").and_then(|(_, rest)| rest.find('/').map(|i| &rest[i..])).unwrap_or(r))
        .and_then(|path| crate::domain::local_path::LocalPath::parse(path).ok().map(|p| p.as_str().to_owned()))
        .unwrap_or_else(|| "/staff".to_owned());
    let data = json!({
        "status": status.as_u16(),
        "message_id": message_id(status.as_u16()),
        "messages": messages,
        "back_url": back,
        "request_id": if status.is_server_error() { request_id } else { String::new() },
    });
    let renderer = req.app_data::<web::Data<Renderer>>().expect("renderer is registered");
    let mut page = renderer.respond_staff(&req, locale, &staff, status, "staff/error", data);
    if let Some(value) = retry {
        page.headers_mut().insert(header::RETRY_AFTER, value);
    }
    Ok(ServiceResponse::new(req, page).map_into_right_body())
}

/// `ErrorHandlers` default: keeps answers already in the right format, replaces the rest.
pub fn render_error<B: MessageBody + 'static>(res: ServiceResponse<B>) -> actix_web::Result<ErrorHandlerResponse<B>> {
    let content_type = res.headers().get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or("").to_owned();
    let api = res.request().path().starts_with("/api/");
    let open311 = res.request().path().starts_with("/open311/");
    let status = res.status();
    let request_id = res.request().extensions().get::<RequestId>().map(|id| id.to_string()).unwrap_or_default();
    let keep = if api {
        content_type.starts_with("application/json")
    } else if open311 {
        content_type.starts_with("application/json") || content_type.starts_with("text/xml")
    } else {
        content_type.starts_with("text/html")
    };
    if keep && status.as_u16() < 500 {
        return Ok(ErrorHandlerResponse::Response(res.map_into_left_body()));
    }
    // A staff member's error stays in the staff layout and says what was wrong.
    if !api && !open311 && res.request().path().starts_with("/staff") {
        let staff = res.request().extensions().get::<crate::auth::Staff>().cloned();
        if let Some(staff) = staff {
            return Ok(ErrorHandlerResponse::Future(Box::pin(staff_error(res, staff, request_id))));
        }
    }
    let (req, old) = res.into_parts();
    let mut builder = HttpResponse::build(status);
    for name in [header::RETRY_AFTER, header::ALLOW] {
        if let Some(value) = old.headers().get(&name) {
            builder.insert_header((name, value.clone()));
        }
    }
    let new = if open311 {
        let format = crate::routes::open311::Format::of_path(req.path());
        let mut answer = crate::routes::open311::fail(
            format,
            status,
            &[crate::i18n::message(crate::domain::Locale::En, message_id(status.as_u16()), &[])],
        );
        for (name, value) in builder.finish().headers() {
            answer.headers_mut().insert(name.clone(), value.clone());
        }
        answer
    } else if api {
        let mut envelope = serde_json::to_value(ErrorEnvelope::general(message_id(status.as_u16())))?;
        if status.is_server_error() {
            envelope["request_id"] = json!(request_id);
        }
        builder.json(envelope)
    } else {
        let locale = locale_of(&req);
        let renderer = req.app_data::<web::Data<Renderer>>().expect("renderer is registered");
        let data = json!({
            "status": status.as_u16(),
            "message_id": message_id(status.as_u16()),
            "request_id": if status.is_server_error() { request_id } else { String::new() },
        });
        let mut page = renderer.respond(&req, locale, status, "error", data);
        for (name, value) in builder.finish().headers() {
            page.headers_mut().insert(name.clone(), value.clone());
        }
        page
    };
    Ok(ErrorHandlerResponse::Response(ServiceResponse::new(req, new).map_into_right_body()))
}
