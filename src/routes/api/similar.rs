//! `POST /api/v1/services/{code}/similar`: feedback of the service similar to a
//! text being written (for "as you type" suggestions; the text is sent in the
//! body, never in the URL, since it may hold personal data).

use actix_web::{web, HttpResponse};
use serde::Deserialize;
use serde_json::json;

use crate::catalogue::cache::ServiceCache;
use crate::db::{self, Pool};
use crate::domain::feedback::TEXT_MAX;
use crate::error::AppError;
use crate::grouping;

/// Most similar feedback returned.
const SHOWN: usize = 5;

/// The text typed so far.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SimilarRequest {
    text: String,
}

/// Up to five visible feedback without personal data, most similar first.
pub async fn find_similar(
    code: web::Path<String>,
    body: web::Json<SimilarRequest>,
    pool: web::Data<Pool>,
    services: web::Data<ServiceCache>,
) -> Result<HttpResponse, AppError> {
    let listing = services.get(&pool, &code).await?.ok_or(AppError::NotFound)?;
    let text = body.into_inner().text;
    if text.chars().count() > TEXT_MAX {
        return Err(AppError::Validation(
            crate::domain::FieldError::new("text", "error-text-too-long")
                .with("max", TEXT_MAX)
                .with("length", text.chars().count())
                .into(),
        ));
    }
    let service_id = listing.0.id;
    let similar = db::run_blocking(&pool, move |c| grouping::similar(c, service_id, &text, SHOWN)).await?;
    Ok(HttpResponse::Ok().json(json!({ "similar": similar, "me_too_url": format!("/services/{}/me-too", listing.0.code) })))
}
