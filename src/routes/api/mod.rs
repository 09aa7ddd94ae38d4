//! The JSON API under `/api/v1`. Every error uses the envelope of [`crate::error`].

mod brief;
mod feedback;
mod merge_suggestions;
mod ministries;
pub mod openapi;
mod openapi_open311;
mod services;
mod similar;
mod staff;
mod whole;

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

/// A resource that answers other methods with 405 and the methods it allows.
pub(crate) fn resource(path: &str, allow: &'static str) -> actix_web::Resource {
    web::resource(path).default_service(web::to(move || async move {
        let mut response = actix_web::ResponseError::error_response(&AppError::MethodNotAllowed);
        response
            .headers_mut()
            .insert(actix_web::http::header::ALLOW, actix_web::http::header::HeaderValue::from_static(allow));
        response
    }))
}

/// A GET resource (HEAD is answered too).
pub(crate) struct Get(actix_web::Resource);

/// A GET resource at `path`; other methods get 405 with `Allow: GET, HEAD`.
pub(crate) fn get(path: &str) -> Get {
    Get(resource(path, "GET, HEAD"))
}

impl Get {
    /// Its handler.
    pub(crate) fn to<F, Args>(self, handler: F) -> actix_web::Resource
    where
        F: actix_web::Handler<Args>,
        Args: actix_web::FromRequest + 'static,
        F::Output: actix_web::Responder + 'static,
    {
        self.0.route(web::get().to(handler.clone())).route(web::head().to(handler))
    }
}

/// Registers the API routes and their extractor settings.
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.app_data(web::JsonConfig::default().limit(JSON_LIMIT).error_handler(json_error))
        .app_data(web::QueryConfig::default().error_handler(query_error))
        .service(get("/ministries").to(ministries::list_ministries))
        .service(get("/services").to(services::list_services))
        .service(get("/services/{code}").to(services::get_service))
        .service(resource("/feedback", "POST").route(web::post().to(feedback::create_feedback)))
        .service(get("/feedback/{tracking_code}").to(feedback::get_feedback_status))
        .service(resource("/services/{code}/similar", "POST").route(web::post().to(similar::find_similar)))
        .configure(staff::configure)
        .default_service(web::to(crate::routes::errors::not_found));
}
