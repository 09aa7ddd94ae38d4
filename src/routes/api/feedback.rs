//! `POST /api/v1/feedback` and `GET /api/v1/feedback/{tracking_code}`.

use actix_web::http::header;
use actix_web::{web, HttpRequest, HttpResponse};
use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

use crate::config::Settings;
use crate::db::{self, Pool};
use crate::domain::feedback::{Channel, Moderation, RawFeedback, Submission};
use crate::domain::tracking_code::TrackingCode;
use crate::domain::{FieldError, FieldErrors, Locale};
use crate::error::AppError;
use crate::intake;
use crate::web::input::{text, Input};
use crate::web::lang::locale_of;

/// A submission as JSON; numbers may come as numbers or strings.
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
#[derive(Debug, Serialize)]
pub struct FeedbackCreated {
    tracking_code: String,
    status_url: String,
    track_url: String,
}

/// What anyone holding the tracking code may read: no personal data.
#[derive(Debug, Serialize)]
pub struct FeedbackStatus {
    tracking_code: String,
    service_code: String,
    kind: String,
    district: String,
    status: String,
    received_at: NaiveDateTime,
}

impl FeedbackRequest {
    fn raw(&self, errors: &mut FieldErrors) -> RawFeedback {
        RawFeedback {
            kind: text(&self.kind, "kind", errors),
            text: text(&self.text, "text", errors),
            step: text(&self.step, "step", errors),
            days: text(&self.days, "days", errors),
            cost: text(&self.cost, "cost", errors),
            visits: text(&self.visits, "visits", errors),
            district: text(&self.district, "district", errors),
            name: text(&self.name, "name", errors),
            email: text(&self.email, "email", errors),
            phone: text(&self.phone, "phone", errors),
            consent: text(&self.consent, "consent", errors),
        }
    }
}

/// Stores one feedback; 201 with its tracking code, or 422 listing every problem.
pub async fn create_feedback(
    req: HttpRequest,
    body: web::Json<FeedbackRequest>,
    pool: web::Data<Pool>,
    settings: web::Data<Settings>,
) -> Result<HttpResponse, AppError> {
    let body = body.into_inner();
    let mut errors = FieldErrors::new();
    let code = text(&body.service_code, "service_code", &mut errors).unwrap_or_default().trim().to_ascii_uppercase();
    let locale = match text(&body.language, "language", &mut errors) {
        None => locale_of(&req),
        Some(l) => Locale::parse(&l).unwrap_or_else(|| {
            errors.push(FieldError::new("language", "error-language-unknown"));
            Locale::default()
        }),
    };
    let raw = body.raw(&mut errors);
    if code.is_empty() && !errors.has("service_code") {
        errors.push(FieldError::new("service_code", "error-service-required"));
    }
    let lookup = code.clone();
    let listing = if code.is_empty() {
        None
    } else {
        db::run_blocking(&pool, move |conn| db::services::find_by_code(conn, &lookup)).await?
    };
    if listing.is_none() && !code.is_empty() {
        errors.push(FieldError::new("service_code", "error-service-unknown"));
    }
    let steps = listing.as_ref().map(|l| l.0.step_list()).unwrap_or_default();
    let parsed = Submission::parse(&raw, &steps, locale, Channel::Api);
    let submission = match (parsed, listing.is_some() && errors.is_empty()) {
        (Ok(submission), true) => submission,
        (result, _) => {
            if let Err(more) = result {
                for e in more.0 {
                    errors.push(e);
                }
            }
            return Err(AppError::Validation(errors));
        }
    };
    let service_id = listing.expect("checked above").0.id;
    let tracking = db::run_blocking(&pool, move |conn| intake::store(conn, &submission, service_id)).await?;
    let status_url = format!("/api/v1/feedback/{tracking}");
    Ok(HttpResponse::Created().insert_header((header::LOCATION, status_url.clone())).json(FeedbackCreated {
        track_url: format!("{}/track/{tracking}", settings.base_url),
        tracking_code: tracking.to_string(),
        status_url,
    }))
}

/// The status of one feedback by tracking code.
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
        received_at: feedback.created_at,
    }))
}
