//! A staff form that was refused for its content: the messages, in the page's
//! language, and the way back (422). Other errors take the common error page.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse};
use serde_json::json;

use super::view::field_messages;
use crate::auth::Staff;
use crate::domain::Locale;
use crate::error::AppError;
use crate::web::Renderer;

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
            let data = json!({ "errors": field_messages(locale, &errors), "back": back });
            Ok(renderer.respond_staff(req, locale, staff, StatusCode::UNPROCESSABLE_ENTITY, "staff/invalid", data))
        }
        other => other,
    }
}
