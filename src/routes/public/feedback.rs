//! Giving feedback through the web form, and the confirmation page.

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use serde_json::json;

use super::feedback_form::FormValues;
use super::services::{render_service_page, FormState};
use crate::catalogue::cache::ServiceCache;
use crate::db::{self, Pool};
use crate::domain::feedback::{Channel, Submission};
use crate::domain::tracking_code::TrackingCode;
use crate::domain::{FieldErrors, Locale};
use crate::error::AppError;
use crate::grouping;
use crate::intake::{Idempotency, IntakeWriter};
use crate::web::page::see_other;
use crate::web::Renderer;

/// Similar feedback shown before the final submit.
pub const SIMILAR_SHOWN: usize = 5;

/// `POST /services/{code}/feedback`: stores valid feedback and redirects to the
/// confirmation; otherwise shows the form again (422) with every problem.
#[allow(clippy::too_many_arguments)] // one argument per extractor
pub async fn submit_feedback(
    req: HttpRequest,
    locale: Locale,
    code: web::Path<String>,
    form: web::Form<FormValues>,
    pool: web::Data<Pool>,
    renderer: web::Data<Renderer>,
    writer: web::Data<IntakeWriter>,
    services: web::Data<ServiceCache>,
) -> Result<HttpResponse, AppError> {
    let listing = services.get(&pool, &code).await?.ok_or(AppError::NotFound)?;
    let values = form.into_inner();
    let steps = listing.0.step_list();
    let submission = match Submission::parse(&values.raw(), &steps, locale, Channel::Web) {
        Ok(submission) => submission,
        Err(errors) => {
            let form = FormState { values: &values, errors: &errors, similar: None };
            return render_service_page(
                &req,
                locale,
                &pool,
                &renderer,
                &listing,
                form,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        }
    };
    let service_id = listing.0.id;
    // "Check for similar feedback" first: if some is found, the citizen may add a voice instead.
    if values.wants_check() {
        let text = submission.text.as_str().to_owned();
        let similar = db::run_blocking(&pool, move |c| grouping::similar(c, service_id, &text, SIMILAR_SHOWN)).await?;
        if !similar.is_empty() {
            let errors = FieldErrors::new();
            let form = FormState { values: &values, errors: &errors, similar: Some(&similar) };
            return render_service_page(&req, locale, &pool, &renderer, &listing, form, StatusCode::OK).await;
        }
    }
    // The form carries a one-off id, so a double click or a resend stores it once.
    let idem = values.submission_id().map(|id| Idempotency::new("form", id, &submission, service_id));
    let tracking = writer.submit(submission, service_id, idem).await?;
    Ok(see_other(&format!("/thanks/{tracking}")))
}

/// `GET /services/{code}/feedback`: the form lives on the service page.
pub async fn show_feedback_form(code: web::Path<String>) -> HttpResponse {
    see_other(&format!("/services/{}#feedback", code.trim().to_ascii_uppercase()))
}

/// `GET /thanks/{tracking_code}`: the code to keep and what happens next.
pub async fn show_thanks(
    req: HttpRequest,
    locale: Locale,
    code: web::Path<String>,
    pool: web::Data<Pool>,
    renderer: web::Data<Renderer>,
) -> Result<HttpResponse, AppError> {
    let code = TrackingCode::parse(&code).ok_or(AppError::NotFound)?;
    let lookup = code.as_str().to_owned();
    let (feedback, service) = db::run_blocking(&pool, move |conn| db::feedback::find_by_tracking_code(conn, &lookup))
        .await?
        .ok_or(AppError::NotFound)?;
    let data = json!({
        "tracking_code": code.grouped(),
        "track_url": format!("/track/{code}"),
        "service_name": service.name(locale),
        "service_url": format!("/services/{}", service.code),
        "kind_id": format!("kind-{}", feedback.kind),
    });
    Ok(renderer.respond(&req, locale, StatusCode::OK, "public/thanks", data))
}
