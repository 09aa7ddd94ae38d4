//! The JSON API under `/api/v1`. Every error uses the envelope of [`crate::error`].

mod feedback;
mod ministries;
mod services;

use actix_web::error::{JsonPayloadError, QueryPayloadError};
use actix_web::{web, HttpRequest};

use crate::error::AppError;

/// Largest JSON body accepted (64 KiB).
pub const JSON_LIMIT: usize = 64 * 1024;

fn json_error(err: JsonPayloadError, _req: &HttpRequest) -> actix_web::Error {
    let app = match err {
        JsonPayloadError::OverflowKnownLength { .. } | JsonPayloadError::Overflow { .. } => AppError::PayloadTooLarge,
        JsonPayloadError::ContentType => AppError::UnsupportedMediaType,
        JsonPayloadError::Deserialize(e) => AppError::BadRequest(format!("malformed JSON: {e}")),
        other => AppError::BadRequest(other.to_string()),
    };
    app.into()
}

fn query_error(err: QueryPayloadError, _req: &HttpRequest) -> actix_web::Error {
    AppError::BadRequest(format!("malformed query string: {err}")).into()
}

/// Registers the API routes and their extractor settings.
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.app_data(web::JsonConfig::default().limit(JSON_LIMIT).error_handler(json_error))
        .app_data(web::QueryConfig::default().error_handler(query_error))
        .route("/ministries", web::get().to(ministries::list_ministries))
        .route("/services", web::get().to(services::list_services))
        .route("/services/{code}", web::get().to(services::get_service))
        .route("/feedback", web::post().to(feedback::create_feedback))
        .route("/feedback/{tracking_code}", web::get().to(feedback::get_feedback_status))
        .default_service(web::to(crate::routes::errors::not_found));
}
