//! A staff member's own settings (`/staff/settings`): whether they get the daily
//! digest of new feedback. Every role that reads feedback may change its own (operators,
//! who only type feedback in, have no digest); the change is audited.

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use chrono::Utc;
use serde::Deserialize;
use serde_json::json;

use crate::audit::{self, Actor, Target};
use crate::auth::Staff;
use crate::db::{self, staff_users, write_transaction, Pool};
use crate::domain::feedback::is_yes;
use crate::domain::staff::Permission;
use crate::domain::Locale;
use crate::error::AppError;
use crate::web::page::see_other;
use crate::web::Renderer;

/// The settings form: the box is absent from the form when unticked.
#[derive(Debug, Deserialize)]
pub struct SettingsForm {
    digest: Option<String>,
}

/// `?saved=1` after a change.
#[derive(Debug, Deserialize)]
pub struct SavedQuery {
    saved: Option<String>,
}

/// `GET /staff/settings`.
pub async fn show_settings(
    req: HttpRequest,
    locale: Locale,
    staff: Staff,
    query: web::Query<SavedQuery>,
    pool: web::Data<Pool>,
    renderer: web::Data<Renderer>,
) -> Result<HttpResponse, AppError> {
    staff.require(Permission::ViewFeedback)?;
    let id = staff.id;
    let account = db::run_blocking(&pool, move |c| staff_users::find(c, id)).await?.ok_or(AppError::NotFound)?;
    let data = json!({ "digest": account.digest_opt_in, "saved": query.saved.is_some() });
    Ok(renderer.respond_staff(&req, locale, &staff, StatusCode::OK, "staff/settings", data))
}

/// `POST /staff/settings`: saves and shows the page again (303).
pub async fn save_settings(
    staff: Staff,
    form: web::Form<SettingsForm>,
    pool: web::Data<Pool>,
) -> Result<HttpResponse, AppError> {
    staff.require(Permission::ViewFeedback)?;
    let on = is_yes(form.digest.as_deref());
    db::run_blocking(&pool, move |c| {
        write_transaction(c, |c| {
            let before = staff_users::find(c, staff.id)?.map(|a| a.digest_opt_in);
            staff_users::set_digest_opt_in(c, staff.id, on, Utc::now().naive_utc())?;
            let target = Target { kind: "staff", id: Some(staff.id), ministry_id: None };
            let (before, after) = (json!({ "digest_opt_in": before }), json!({ "digest_opt_in": on }));
            audit::record(c, &Actor::from(&staff), "staff.settings", target, Some(before), Some(after))
        })
    })
    .await?;
    Ok(see_other("/staff/settings?saved=1"))
}
