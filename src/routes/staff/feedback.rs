//! One feedback entry for staff: its full text and contact details (for staff
//! with rights), and the moderation actions — hide, spam, show again, redact a
//! span, forget the citizen's personal data, move to another theme.

use std::collections::HashMap;

use actix_web::{web, HttpRequest, HttpResponse};
use serde::Deserialize;
use serde_json::json;

use super::feedback_row::feedback_row;
use super::page_parts::PageParts;
use super::scope;
use super::sent::{self, DoneQuery, Sent, Typed};
use crate::audit::Actor;
use crate::auth::Staff;
use crate::db::{self, themes, Pool};
use crate::domain::digits::to_ascii_digits;
use crate::domain::feedback::Moderation;
use crate::domain::staff::Permission;
use crate::domain::{FieldError, Locale};
use crate::error::AppError;
use crate::grouping::edits::{self, Destination};
use crate::moderation;
use crate::web::page::see_other;

/// What the feedback page says was done (`?done=`).
const DONE: [&str; 6] = ["hidden", "spam", "visible", "redacted", "moved", "forgotten"];

/// `GET /staff/feedback/{id}`.
pub async fn show_feedback(
    req: HttpRequest,
    staff: Staff,
    locale: Locale,
    id: web::Path<i64>,
    query: web::Query<DoneQuery>,
    parts: PageParts,
) -> Result<HttpResponse, AppError> {
    let sent = Sent::done("staff-feedback-done", query.done.as_deref(), &DONE);
    feedback_page(&req, &staff, locale, &parts, id.into_inner(), sent).await
}

/// The feedback page, with what a form sent back.
async fn feedback_page(
    req: &HttpRequest,
    staff: &Staff,
    locale: Locale,
    parts: &PageParts,
    id: i64,
    sent: Sent,
) -> Result<HttpResponse, AppError> {
    staff.require(Permission::ViewFeedback)?;
    let who = staff.clone();
    let (f, listing, siblings) = db::run_blocking(&parts.pool, move |c| -> Result<_, AppError> {
        let (f, listing) = scope::feedback(c, &who, id)?;
        let siblings = themes::labels_of_service(c, f.service_id)?;
        Ok((f, listing, siblings))
    })
    .await?;
    let (service, _, ministry) = &listing;
    let personal = staff.may(Permission::ViewPersonalData, ministry.id);
    let names: HashMap<i64, (String, String)> =
        siblings.iter().map(|t| (t.id, (t.label_bn.clone(), t.label_en.clone()))).collect();
    let chosen = sent.typed.as_ref().and_then(|t| t["move"]["theme"].as_str().map(str::to_owned));
    let selected = |id: i64| chosen.as_ref().map_or(Some(id) == f.theme_id, |c| *c == id.to_string());
    let themes: Vec<_> = siblings
        .iter()
        .map(|t| json!({ "id": t.id, "label": locale.pick(&t.label_bn, &t.label_en), "selected": selected(t.id) }))
        .collect();
    let mut data = json!({
        "row": feedback_row(&f, locale, personal, &names),
        "public_text": f.public_text(),
        "tracking_code": if personal { Some(f.tracking_code.clone()) } else { None },
        "service": { "name": locale.pick(&service.name_bn, &service.name_en), "url": format!("/staff/services/{}", service.code) },
        "action": format!("/staff/feedback/{}", f.id),
        "can_moderate": staff.may(Permission::Moderate, ministry.id),
        "can_move": staff.may(Permission::EditThemes, ministry.id),
        "can_forget": staff.may(Permission::ForgetPersonalData, ministry.id) && f.forgotten_at.is_none(),
        "visible": f.moderation == "visible",
        "themes": themes,
    });
    let status = sent.status();
    sent.into_page(&mut data);
    Ok(parts.renderer.respond_staff(req, locale, staff, status, "staff/feedback", data))
}

/// The outcome of a feedback form (`form`, with what was typed): back to the page saying what
/// was done, or the page again with the messages. A move names its destination `into`; the
/// page's field is `theme`.
async fn answer(
    (req, staff, locale, parts): (&HttpRequest, &Staff, Locale, &PageParts),
    id: i64,
    outcome: Result<&str, AppError>,
    (form, values): (&str, serde_json::Value),
) -> Result<HttpResponse, AppError> {
    let typed = Typed { form, values, names: &[("into", "theme")] };
    let page_url = format!("/staff/feedback/{id}");
    sent::answer(outcome, &page_url, locale, typed, |sent| feedback_page(req, staff, locale, parts, id, sent)).await
}

/// The moderation form.
#[derive(Debug, Deserialize)]
pub struct StateForm {
    state: Option<String>,
}

/// `POST /staff/feedback/{id}/state`: visible, hidden or spam.
#[allow(clippy::too_many_arguments)] // one argument per extractor
pub async fn set_state(
    req: HttpRequest,
    staff: Staff,
    locale: Locale,
    id: web::Path<i64>,
    form: web::Form<StateForm>,
    parts: PageParts,
) -> Result<HttpResponse, AppError> {
    let id = id.into_inner();
    let (_, ministry) = scope::feedback_allowed(&parts.pool, &staff, id, Permission::Moderate).await?;
    let outcome = async {
        let state = form
            .state
            .as_deref()
            .and_then(Moderation::parse)
            .ok_or_else(|| AppError::Validation(FieldError::new("state", "error-filter-state").into()))?;
        let actor = Actor::from(&staff);
        db::run_blocking(&parts.pool, move |c| moderation::set_state(c, &actor, id, ministry, state)).await?;
        Ok(state.as_str())
    }
    .await;
    answer((&req, &staff, locale, &parts), id, outcome, ("state", json!({}))).await
}

/// The redaction form.
#[derive(Debug, Deserialize)]
pub struct RedactForm {
    span: Option<String>,
}

/// `POST /staff/feedback/{id}/redact`: masks a span wherever others could read it.
#[allow(clippy::too_many_arguments)] // one argument per extractor
pub async fn redact(
    req: HttpRequest,
    staff: Staff,
    locale: Locale,
    id: web::Path<i64>,
    form: web::Form<RedactForm>,
    parts: PageParts,
) -> Result<HttpResponse, AppError> {
    let id = id.into_inner();
    let (_, ministry) = scope::feedback_allowed(&parts.pool, &staff, id, Permission::Moderate).await?;
    let span = form.into_inner().span.unwrap_or_default();
    let typed = json!({ "span": span });
    let actor = Actor::from(&staff);
    let outcome = db::run_blocking(&parts.pool, move |c| moderation::redact(c, &actor, id, ministry, &span)).await;
    let outcome = outcome.map(|_| "redacted").map_err(AppError::from);
    answer((&req, &staff, locale, &parts), id, outcome, ("redact", typed)).await
}

/// `POST /staff/feedback/{id}/forget`: erases the citizen's personal data for good.
pub async fn forget(staff: Staff, id: web::Path<i64>, pool: web::Data<Pool>) -> Result<HttpResponse, AppError> {
    let id = id.into_inner();
    let (_, ministry) = scope::feedback_allowed(&pool, &staff, id, Permission::ForgetPersonalData).await?;
    let actor = Actor::from(&staff);
    db::run_blocking(&pool, move |c| moderation::forget(c, &actor, id, ministry)).await?;
    Ok(see_other(&format!("/staff/feedback/{id}?done=forgotten")))
}

/// The move form.
#[derive(Debug, Deserialize)]
pub struct MoveForm {
    theme: Option<String>,
}

/// `POST /staff/feedback/{id}/theme`: puts the feedback in another theme (or a new one), pinned there.
#[allow(clippy::too_many_arguments)] // one argument per extractor
pub async fn move_to_theme(
    req: HttpRequest,
    staff: Staff,
    locale: Locale,
    id: web::Path<i64>,
    form: web::Form<MoveForm>,
    parts: PageParts,
) -> Result<HttpResponse, AppError> {
    let id = id.into_inner();
    let (service_id, ministry) = scope::feedback_allowed(&parts.pool, &staff, id, Permission::EditThemes).await?;
    let typed = json!({ "theme": form.theme.clone().unwrap_or_default() });
    let outcome = async {
        let to = match form.theme.as_deref().map(str::trim) {
            None | Some("") | Some("new") => Destination::New(None),
            Some(t) => Destination::Theme(
                to_ascii_digits(t)
                    .parse()
                    .map_err(|_| AppError::Validation(FieldError::new("theme", "error-theme-unknown").into()))?,
            ),
        };
        let (actor, classifier) = (Actor::from(&staff), parts.classifier.clone().into_inner());
        db::run_blocking(&parts.pool, move |c| {
            edits::move_feedback(c, &actor, service_id, ministry, &[id], &to, &classifier)
        })
        .await?;
        Ok("moved")
    }
    .await;
    answer((&req, &staff, locale, &parts), id, outcome, ("move", typed)).await
}
