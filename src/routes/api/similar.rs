//! `POST /api/v1/services/{code}/similar`: feedback of the service similar to a
//! text being written (for "as you type" suggestions; the text is sent in the
//! body, never in the URL, since it may hold personal data).

use actix_web::{web, HttpResponse};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::catalogue::cache::ServiceCache;
use crate::db::{self, Pool};
use crate::domain::feedback::TEXT_MAX;
use crate::error::{AppError, ErrorEnvelope};
use crate::grouping;
use crate::web::validate::check;
use validator::Validate;

/// Most similar feedback returned.
const SHOWN: usize = 5;

/// [`TEXT_MAX`] as the length rule reads it.
const TEXT_LIMIT: u64 = TEXT_MAX as u64;

/// The text typed so far.
#[derive(Debug, Deserialize, ToSchema, Validate)]
#[serde(deny_unknown_fields)]
pub struct SimilarRequest {
    /// What the citizen has written (at most 4,000 characters).
    #[schema(max_length = 4000)]
    #[validate(length(max = "TEXT_LIMIT", code = "error-text-too-long"))]
    text: String,
}

/// One feedback a citizen may add their voice to.
#[derive(Debug, Serialize, ToSchema)]
pub struct SimilarItem {
    /// The id to send as `feedback_id` to `me_too_url`.
    id: i64,
    /// Its text (never any with personal data).
    text: String,
    /// Voices it has (feedback and "me too").
    voices: i64,
}

/// Similar feedback, most similar first.
#[derive(Debug, Serialize, ToSchema)]
pub struct SimilarList {
    /// Up to five.
    similar: Vec<SimilarItem>,
    /// Where the "me too" form posts (`feedback_id`).
    me_too_url: String,
}

/// Up to five visible feedback of the service without personal data, most similar first.
#[utoipa::path(
    post,
    path = "/api/v1/services/{code}/similar",
    tag = "feedback",
    params(("code" = String, Path, pattern = "^[^\\x00-\\x1F\\x7F]*$", description = "Service code, e.g. DIP-001")),
    request_body(content = SimilarRequest, content_type = "application/json"),
    responses(
        (status = 200, description = "Similar feedback, most similar first", body = SimilarList),
        (status = 400, description = "Malformed JSON, unknown fields, or a control character in the path", body = ErrorEnvelope),
        (status = 404, description = "No service with this code", body = ErrorEnvelope),
        (status = 413, description = "Body over 64 KiB", body = ErrorEnvelope),
        (status = 415, description = "Not JSON", body = ErrorEnvelope),
        (status = 422, description = "Text over 4,000 characters", body = ErrorEnvelope),
        (status = 503, description = "Database unavailable; retry", body = ErrorEnvelope),
    )
)]
pub async fn find_similar(
    code: web::Path<String>,
    body: web::Json<SimilarRequest>,
    pool: web::Data<Pool>,
    services: web::Data<ServiceCache>,
) -> Result<HttpResponse, AppError> {
    let listing = services.get(&pool, &code).await?.ok_or(AppError::NotFound)?;
    check(&*body, &["text"]).map_err(AppError::Validation)?;
    let text = body.into_inner().text;
    let service_id = listing.0.id;
    let found = db::run_read(&pool, move |c| grouping::similar(c, service_id, &text, SHOWN)).await?;
    let similar = found.into_iter().map(|s| SimilarItem { id: s.id, text: s.text, voices: s.voices }).collect();
    Ok(HttpResponse::Ok().json(SimilarList { similar, me_too_url: format!("/services/{}/me-too", listing.0.code) }))
}
