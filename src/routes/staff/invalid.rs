//! A staff form that was refused for its content: the messages, in the page's
//! language, and the way back (422). Other errors take the common error page.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse};
use serde_json::json;

use crate::auth::Staff;
use crate::domain::{FieldErrors, Locale};
use crate::error::AppError;
use crate::i18n;
use crate::web::Renderer;

/// The messages of `errors` in `locale`.
pub fn messages(errors: &FieldErrors, locale: Locale) -> Vec<serde_json::Value> {
    errors
        .0
        .iter()
        .map(|e| {
            let args: Vec<(&str, String)> = e.args.iter().map(|(k, v)| (*k, v.clone())).collect();
            json!({ "field": e.field, "message": i18n::message(locale, e.code, &args) })
        })
        .collect()
}

/// Turns a refused form into its page; passes every other outcome through.
pub fn or_invalid_page(
    result: Result<HttpResponse, AppError>,
    req: &HttpRequest,
    locale: Locale,
    staff: &Staff,
    renderer: &Renderer,
    back: &str,
) -> Result<HttpResponse, AppError> {
    match result {
        Err(AppError::Validation(errors)) => {
            let data = json!({ "errors": messages(&errors, locale), "back": back });
            Ok(renderer.respond_staff(req, locale, staff, StatusCode::UNPROCESSABLE_ENTITY, "staff/invalid", data))
        }
        other => other,
    }
}
