//! `POST /api/v1/feedback` and `GET /api/v1/feedback/{tracking_code}`.
//!
//! The API is exact: it accepts precisely what its OpenAPI description allows
//! (typed JSON, no tidying), answers 422 for anything else, and 404 when a
//! well-formed request names a service or step that does not exist.

use actix_web::http::header;
use actix_web::{web, HttpRequest, HttpResponse};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::catalogue::cache::ServiceCache;
use crate::config::Settings;
use crate::db::{self, Pool};
use crate::domain::district::District;
use crate::domain::feedback::{Channel, FeedbackKind, Moderation, RawFeedback, Submission};
use crate::domain::tracking_code::TrackingCode;
use crate::domain::{FieldError, FieldErrors, Locale};
use crate::error::{AppError, ErrorEnvelope};
use crate::intake::{Idempotency, IntakeWriter};
use crate::web::input::{Fields, Input};
use crate::web::lang::locale_of;

/// Highest step number the API takes (charters have far fewer steps).
pub const STEP_MAX: i64 = 100;

/// A submission as JSON; described field by field in [`super::openapi`].
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct FeedbackRequest {
    service_code: Option<Input>,
    kind: Option<Input>,
    text: Option<Input>,
    step: Option<Input>,
    days: Option<Input>,
    cost: Option<Input>,
    visits: Option<Input>,
    district: Option<Input>,
    name: Option<Input>,
    email: Option<Input>,
    phone: Option<Input>,
    consent: Option<Input>,
    language: Option<Input>,
}

/// The answer to an accepted submission.
#[derive(Debug, Serialize, ToSchema)]
pub struct FeedbackCreated {
    /// The citizen's tracking code (10 characters).
    tracking_code: String,
    /// Where the API tells its status.
    status_url: String,
    /// The citizen page that tells its status.
    track_url: String,
}

/// What anyone holding the tracking code may read: no personal data, no text.
#[derive(Debug, Serialize, ToSchema)]
pub struct FeedbackStatus {
    /// The tracking code.
    tracking_code: String,
    /// The service it concerns.
    service_code: String,
    /// `complaint`, `expectation` or `suggestion`.
    kind: String,
    /// District code.
    district: String,
    /// `received` or `not_published`.
    status: String,
    /// When it was received (UTC).
    received_at: DateTime<Utc>,
}

/// A checked request: the submission and what must exist for it to be stored.
struct Checked {
    submission: Submission,
    service_code: String,
    step: Option<usize>,
}

fn check(body: &FeedbackRequest, fallback: Locale) -> Result<Checked, FieldErrors> {
    let mut errors = FieldErrors::new();
    let mut f = Fields { errors: &mut errors };
    let service_code = f.string(&body.service_code, "service_code", Some("error-service-required"));
    let kind = f.string(&body.kind, "kind", Some("error-kind-required"));
    let text = f.string(&body.text, "text", Some("error-text-required"));
    let step = f.integer(&body.step, "step");
    let days = f.integer(&body.days, "days");
    let cost = f.integer(&body.cost, "cost");
    let visits = f.integer(&body.visits, "visits");
    let district = f.string(&body.district, "district", Some("error-district-required"));
    let name = f.string(&body.name, "name", None);
    let email = f.string(&body.email, "email", None);
    let phone = f.string(&body.phone, "phone", None);
    let consent = f.boolean(&body.consent, "consent");
    let language = f.string(&body.language, "language", None);

    if kind.as_deref().is_some_and(|k| !FeedbackKind::ALL.iter().any(|v| v.as_str() == k)) {
        errors.push(FieldError::new("kind", "error-kind-unknown"));
    }
    if district.as_deref().is_some_and(|d| District::from_code(d).is_none()) {
        errors.push(FieldError::new("district", "error-district-unknown"));
    }
    let step = step.map(|s| s.parse::<i64>().unwrap_or(0));
    if step.is_some_and(|s| !(1..=STEP_MAX).contains(&s)) {
        errors.push(FieldError::new("step", "error-step-range").with("max", STEP_MAX));
    }
    let locale = match language.as_deref() {
        None => fallback,
        Some("bn") => Locale::Bn,
        Some("en") => Locale::En,
        Some(_) => {
            errors.push(FieldError::new("language", "error-language-unknown"));
            fallback
        }
    };
    let raw = RawFeedback {
        kind,
        text,
        step: None,
        days,
        cost,
        visits,
        district,
        name,
        email,
        phone,
        consent: consent.map(|c| c.to_string()),
    };
    match Submission::parse(&raw, &[], locale, Channel::Api) {
        Ok(submission) if errors.is_empty() => {
            Ok(Checked { submission, service_code: service_code.unwrap_or_default(), step: step.map(|s| s as usize) })
        }
        Ok(_) => Err(errors),
        Err(more) => {
            for e in more.0 {
                errors.push(e);
            }
            Err(errors)
        }
    }
}

/// Longest `Idempotency-Key` header accepted.
const KEY_MAX: usize = 200;

/// The client's retry key, if it sent one: 1–200 visible ASCII characters.
fn idempotency_key(req: &HttpRequest) -> Result<Option<String>, AppError> {
    let Some(value) = req.headers().get("Idempotency-Key") else { return Ok(None) };
    let key = value.to_str().ok().map(str::trim).filter(|k| !k.is_empty() && k.len() <= KEY_MAX);
    key.map(|k| Some(k.to_owned())).ok_or_else(|| AppError::field("Idempotency-Key", "error-idempotency-key-invalid"))
}

/// Stores one feedback: 201 with its tracking code, 422 listing every problem,
/// 404 when the service (or its step) does not exist.
#[utoipa::path(
    post,
    path = "/api/v1/feedback",
    tag = "feedback",
    params(("Idempotency-Key" = Option<String>, Header, max_length = 200,
        description = "Any unique string; a retry with the same key and body returns the first answer and stores nothing new")),
    request_body(content = super::openapi::FeedbackRequestDoc, content_type = "application/json"),
    responses(
        (status = 201, description = "Stored; keep the tracking code", body = FeedbackCreated,
            headers(("Location" = String, description = "The status URL"))),
        (status = 400, description = "Malformed JSON", body = ErrorEnvelope),
        (status = 404, description = "No such service, or no such step of it", body = ErrorEnvelope),
        (status = 409, description = "The Idempotency-Key was used for a different submission", body = ErrorEnvelope),
        (status = 413, description = "Body over 64 KiB", body = ErrorEnvelope),
        (status = 415, description = "Not JSON", body = ErrorEnvelope),
        (status = 422, description = "Invalid fields, each named", body = ErrorEnvelope),
        (status = 429, description = "Too many submissions from this address; retry after Retry-After seconds",
            body = ErrorEnvelope, headers(("Retry-After" = String, description = "Seconds to wait"))),
        (status = 503, description = "Busy or database unavailable; retry after Retry-After seconds", body = ErrorEnvelope),
    )
)]
pub async fn create_feedback(
    req: HttpRequest,
    body: web::Json<FeedbackRequest>,
    pool: web::Data<Pool>,
    settings: web::Data<Settings>,
    writer: web::Data<IntakeWriter>,
    services: web::Data<ServiceCache>,
) -> Result<HttpResponse, AppError> {
    let Checked { mut submission, service_code, step } = check(&body, locale_of(&req)).map_err(AppError::Validation)?;
    let listing = services
        .get(&pool, &service_code)
        .await?
        .ok_or_else(|| AppError::Unknown(FieldError::new("service_code", "error-service-unknown").into()))?;
    let steps = listing.0.step_list();
    if let Some(n) = step {
        let label =
            steps.get(n - 1).ok_or_else(|| AppError::Unknown(FieldError::new("step", "error-step-unknown").into()))?;
        submission.step = Some(label.clone());
    }
    let service_id = listing.0.id;
    let idem = idempotency_key(&req)?.map(|key| Idempotency::new("api", &key, &submission, service_id));
    let tracking = writer.submit(submission, service_id, idem).await?;
    let status_url = format!("/api/v1/feedback/{tracking}");
    Ok(HttpResponse::Created().insert_header((header::LOCATION, status_url.clone())).json(FeedbackCreated {
        track_url: format!("{}/track/{tracking}", settings.base_url),
        tracking_code: tracking.to_string(),
        status_url,
    }))
}

/// The status of one feedback by tracking code.
#[utoipa::path(
    get,
    path = "/api/v1/feedback/{tracking_code}",
    tag = "feedback",
    params(("tracking_code" = String, Path, pattern = "^[^\\x00-\\x1F\\x7F]*$", description = "The code given when the feedback was stored")),
    responses(
        (status = 400, description = "A control character in the path or query", body = ErrorEnvelope),
        (status = 200, description = "Its status, without personal data", body = FeedbackStatus),
        (status = 404, description = "No feedback with this code", body = ErrorEnvelope),
        (status = 503, description = "Database unavailable; retry", body = ErrorEnvelope),
    )
)]
pub async fn get_feedback_status(code: web::Path<String>, pool: web::Data<Pool>) -> Result<HttpResponse, AppError> {
    let code = TrackingCode::parse(&code).ok_or(AppError::NotFound)?;
    let lookup = code.as_str().to_owned();
    let (feedback, service) = db::run_blocking(&pool, move |conn| db::feedback::find_by_tracking_code(conn, &lookup))
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(HttpResponse::Ok().json(FeedbackStatus {
        tracking_code: feedback.tracking_code,
        service_code: service.code,
        kind: feedback.kind,
        district: feedback.district,
        status: Moderation::public_status(&feedback.moderation).to_owned(),
        received_at: feedback.created_at.and_utc(),
    }))
}
