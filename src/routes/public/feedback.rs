//! Giving feedback through the web form, and the confirmation page.

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use chrono::Utc;
use serde::Deserialize;
use serde_json::json;

use super::feedback_form::FormValues;
use super::me_too;
use super::services::{render_service_page, FormState};
use crate::catalogue::cache::ServiceCache;
use crate::config::Settings;
use crate::db::{self, Pool};
use crate::domain::feedback::{Channel, Submission};
use crate::domain::tracking_code::TrackingCode;
use crate::domain::{FieldErrors, Locale};
use crate::error::AppError;
use crate::grouping;
use crate::intake::{Idempotency, IntakeWriter};
use crate::voices::{self, VoiceKey};
use crate::web::client_address::TrustedProxies;
use crate::web::page::see_other;
use crate::web::Renderer;

/// Similar feedback shown before the final submit.
pub const SIMILAR_SHOWN: usize = 5;

/// `POST /services/{code}/feedback`: stores valid feedback and redirects to the
/// confirmation; otherwise shows the form again (422) with every problem.
///
/// A "me too" button sends the same form with the feedback it agrees with: the submission
/// is stored the same way, and also counts as a voice for that feedback when the signed
/// similar-feedback step allows it (`crate::voices`).
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
    voice_key: web::Data<VoiceKey>,
    settings: web::Data<Settings>,
    proxies: web::Data<TrustedProxies>,
) -> Result<HttpResponse, AppError> {
    let listing = services.get(&pool, &code).await?.ok_or(AppError::NotFound)?;
    let values = form.into_inner();
    let steps = listing.0.step_list();
    let mut submission = match Submission::parse(&values.raw(), &steps, locale, Channel::Web) {
        Ok(submission) => submission,
        Err(errors) => {
            let form = FormState { values: &values, errors: &errors, similar: None, similar_token: None };
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
            let browser = me_too::browser(&req, &voice_key, &settings);
            let ids: Vec<i64> = similar.iter().map(|s| s.id).collect();
            let token = voice_key.step_token(service_id, &browser.key, &ids, Utc::now());
            let form =
                FormState { values: &values, errors: &errors, similar: Some(&similar), similar_token: Some(&token) };
            let mut page = render_service_page(&req, locale, &pool, &renderer, &listing, form, StatusCode::OK).await?;
            if let Some(cookie) = browser.new_cookie {
                page.add_cookie(&cookie).map_err(|e| anyhow::anyhow!(e))?;
            }
            return Ok(page);
        }
    }
    let agreed = values.me_too_id();
    if let Some(feedback_id) = agreed {
        let claim =
            me_too::claim(&req, &voice_key, &settings, &proxies, service_id, feedback_id, values.similar_token());
        submission.me_too = Some(claim);
    }
    // The form carries a one-off id, so a double click or a resend stores it once.
    let idem = values.submission_id().map(|id| Idempotency::new("form", id, &submission, service_id));
    let tracking = writer.submit(submission, service_id, idem).await?;
    let asked = if agreed.is_some() { "?me_too=1" } else { "" };
    Ok(see_other(&format!("/thanks/{tracking}{asked}")))
}

/// `GET /services/{code}/feedback`: the form lives on the service page.
pub async fn show_feedback_form(code: web::Path<String>) -> HttpResponse {
    see_other(&format!("/services/{}#feedback", code.trim().to_ascii_uppercase()))
}

/// What the thanks page asks of its query.
#[derive(Debug, Default, Deserialize)]
pub struct ThanksQuery {
    /// Set when the form was sent by a "me too" button.
    me_too: Option<String>,
}

/// `GET /thanks/{tracking_code}`: the code to keep and what happens next; after a "me too",
/// the feedback the voice was added to, or kindly why it was not.
pub async fn show_thanks(
    req: HttpRequest,
    locale: Locale,
    code: web::Path<String>,
    query: web::Query<ThanksQuery>,
    pool: web::Data<Pool>,
    renderer: web::Data<Renderer>,
) -> Result<HttpResponse, AppError> {
    let code = TrackingCode::parse(&code).ok_or(AppError::NotFound)?;
    let lookup = code.as_str().to_owned();
    let (feedback, service, agreed) = db::run_blocking(&pool, move |conn| -> diesel::QueryResult<_> {
        let Some((feedback, service)) = db::feedback::find_by_tracking_code(conn, &lookup)? else {
            return Ok(None);
        };
        let agreed = match db::me_too::agreed_with(conn, feedback.id)? {
            Some(id) => match db::moderation::find(conn, id)? {
                Some(original) if original.moderation == "visible" && !original.has_personal_data => {
                    let voices = voices::voices_of(conn, &[(original.id, original.extra_voices)])?;
                    Some((original.public_text(), voices.get(&original.id).copied().unwrap_or(1)))
                }
                _ => None,
            },
            None => None,
        };
        Ok(Some((feedback, service, agreed)))
    })
    .await?
    .ok_or(AppError::NotFound)?;
    let asked = query.me_too.is_some();
    let data = json!({
        "tracking_code": code.grouped(),
        "track_url": format!("/track/{code}"),
        "service_name": service.name(locale),
        "service_url": format!("/services/{}", service.code),
        "kind_id": format!("kind-{}", feedback.kind),
        "me_too": agreed.as_ref().map(|(text, voices)| json!({ "text": text, "voices": voices })),
        "me_too_not_counted": asked && agreed.is_none(),
    });
    Ok(renderer.respond(&req, locale, StatusCode::OK, "public/thanks", data))
}
