//! The staff JSON API under `/api/v1/staff` (bearer token or session with the
//! `X-CSRF-Token` header): services ranked, a service's grouped counts, its
//! themes with their feedback ids, and theme edits. Same roles and ministries
//! as the staff pages.

use actix_web::{web, HttpResponse};
use chrono::Utc;
use serde::{Deserialize, Serialize};
use serde_json::json;
use utoipa::ToSchema;

use super::whole::Whole;
use crate::audit::Actor;
use crate::auth::Staff;
use crate::counts::dim;
use crate::db::themes::Theme;
use crate::db::{self, service_counts, theme_members, themes, Pool};
use crate::domain::staff::Permission;
use crate::error::{AppError, ErrorEnvelope};
use crate::grouping::edits::{self, Destination, ThemeEdit};
use crate::routes::staff::scope;
use crate::themes::Classifier;
use crate::workspace::{dashboard, service_stats, visible_service};

/// The staff member's services (their ministries', or every one for cabinet), ranked by recent voices.
#[utoipa::path(
    get,
    path = "/api/v1/staff/services",
    tag = "staff",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Services ranked by voices of the last 90 days (`recent_voices`, `recent_feedback`, `weekly`: the last 13 weeks); `complaints`, `expectations`, `suggestions` count visible feedback since the start", body = StaffServiceList),
        (status = 400, description = "A control character in the path or query, or a body that is not JSON of this shape", body = ErrorEnvelope),
        (status = 401, description = "No valid bearer token or session", body = ErrorEnvelope),
        (status = 403, description = "The role may not do this", body = ErrorEnvelope)
    )
)]
pub async fn list_services(staff: Staff, pool: web::Data<Pool>) -> Result<HttpResponse, AppError> {
    staff.require(Permission::ViewFeedback)?;
    let scope = staff.ministry_filter();
    let rows = db::run_blocking(&pool, move |c| dashboard::ranked(c, scope.as_deref(), Utc::now().naive_utc())).await?;
    Ok(HttpResponse::Ok().json(json!({ "services": rows })))
}

/// A service's counts by kind, theme, time-cost-visits, week, district and channel.
#[utoipa::path(
    get,
    path = "/api/v1/staff/services/{code}/stats",
    tag = "staff",
    security(("bearer" = [])),
    params(("code" = String, Path, pattern = "^[^\\x00-\\x1F\\x7F]*$", description = "Service code, e.g. DIP-001")),
    responses(
        (status = 200, description = "The counts", body = StaffServiceStats),
        (status = 404, description = "No such service among the staff member's ministries", body = ErrorEnvelope),
        (status = 400, description = "A control character in the path or query, or a body that is not JSON of this shape", body = ErrorEnvelope),
        (status = 401, description = "No valid bearer token or session", body = ErrorEnvelope),
        (status = 403, description = "The role may not do this", body = ErrorEnvelope)
    )
)]
pub async fn service_stats(
    staff: Staff,
    code: web::Path<String>,
    pool: web::Data<Pool>,
) -> Result<HttpResponse, AppError> {
    staff.require(Permission::ViewFeedback)?;
    let (code, who) = (code.into_inner(), staff.clone());
    let (listing, stats) = db::run_blocking(&pool, move |c| -> Result<_, AppError> {
        let listing = visible_service(c, &who, &code)?.ok_or(AppError::NotFound)?;
        let stats = service_stats::load(c, &listing.0, Utc::now().naive_utc())?;
        Ok((listing, stats))
    })
    .await?;
    Ok(HttpResponse::Ok().json(json!({ "service": listing.0.code, "stats": stats })))
}

/// A theme as the API shows it.
#[derive(Debug, Serialize, ToSchema)]
pub struct ThemeOut {
    /// Theme id.
    id: i64,
    /// Label in Bangla.
    label_bn: String,
    /// Label in English.
    label_en: String,
    /// The labels are suggested automatically (no designer has renamed the theme).
    label_automatic: bool,
    /// Pain category.
    category: String,
    /// Confirmed by a designer (kept whole by a regroup).
    confirmed: bool,
    /// Published on the citizens' page (its labels shown there from 5 voices).
    published: bool,
    /// Visible feedback in it.
    feedback: i64,
    /// Voices (feedback and "me too").
    voices: i64,
    /// Ids of its visible feedback.
    feedback_ids: Vec<i64>,
}

/// The themes of a service.
#[derive(Debug, Serialize, ToSchema)]
pub struct ThemeList {
    /// Most voices first.
    themes: Vec<ThemeOut>,
}

/// Services ranked (`GET /api/v1/staff/services`).
#[derive(Debug, ToSchema)]
pub struct StaffServiceList {
    /// One object per service: code, names, ministry, voices.
    #[allow(dead_code)] // describes the answer only
    services: Vec<serde_json::Value>,
}

/// A service's counts (`GET /api/v1/staff/services/{code}/stats`).
#[derive(Debug, ToSchema)]
pub struct StaffServiceStats {
    /// Service code.
    #[allow(dead_code)]
    service: String,
    /// Totals, kinds, themes, feedback in no theme, time-cost-visits medians against the charter, weeks, districts, channels.
    #[allow(dead_code)]
    stats: serde_json::Value,
}

fn theme_out(conn: &mut db::Conn, theme: Theme) -> Result<ThemeOut, AppError> {
    let count = service_counts::of_service(conn, theme.service_id, dim::THEME)?
        .into_iter()
        .find(|c| c.bucket == theme.id.to_string());
    let feedback_ids = theme_members::visible_ids_of_theme(conn, theme.id)?;
    Ok(ThemeOut {
        id: theme.id,
        label_bn: theme.label_bn,
        label_en: theme.label_en,
        label_automatic: !theme.label_by_designer,
        category: theme.category,
        confirmed: theme.confirmed,
        published: theme.published_at.is_some(),
        feedback: count.as_ref().map_or(0, |c| c.feedback),
        voices: count.as_ref().map_or(0, |c| c.voices),
        feedback_ids,
    })
}

/// Every theme of the service that holds visible feedback (or is confirmed), with its feedback ids, most voices first.
#[utoipa::path(
    get,
    path = "/api/v1/staff/services/{code}/themes",
    tag = "staff",
    security(("bearer" = [])),
    params(("code" = String, Path, pattern = "^[^\\x00-\\x1F\\x7F]*$", description = "Service code, e.g. DIP-001")),
    responses(
        (status = 200, description = "The themes", body = ThemeList),
        (status = 404, description = "No such service among the staff member's ministries", body = ErrorEnvelope),
        (status = 400, description = "A control character in the path or query, or a body that is not JSON of this shape", body = ErrorEnvelope),
        (status = 401, description = "No valid bearer token or session", body = ErrorEnvelope),
        (status = 403, description = "The role may not do this", body = ErrorEnvelope)
    )
)]
pub async fn list_themes(
    staff: Staff,
    code: web::Path<String>,
    pool: web::Data<Pool>,
) -> Result<HttpResponse, AppError> {
    staff.require(Permission::ViewFeedback)?;
    let (code, who) = (code.into_inner(), staff.clone());
    let out = db::run_blocking(&pool, move |c| -> Result<_, AppError> {
        let listing = visible_service(c, &who, &code)?.ok_or(AppError::NotFound)?;
        let mut out = Vec::new();
        for theme in themes::of_service(c, listing.0.id)? {
            let t = theme_out(c, theme)?;
            if t.feedback > 0 || t.confirmed {
                out.push(t);
            }
        }
        out.sort_by(|a, b| b.voices.cmp(&a.voices).then(a.id.cmp(&b.id)));
        Ok(out)
    })
    .await?;
    Ok(HttpResponse::Ok().json(json!({ "themes": out })))
}

/// A theme edit (every field optional).
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ThemeEditBody {
    /// New Bangla label.
    label_bn: Option<String>,
    /// New English label.
    label_en: Option<String>,
    /// Pain category (`time`, `cost`, `visits`, `documents`, `information`, `staff-conduct`, `unofficial-payment`, `digital-access`, `other`).
    category: Option<String>,
    /// Confirm the theme.
    confirmed: Option<bool>,
}

async fn answer(pool: &Pool, id: i64) -> Result<HttpResponse, AppError> {
    let out = db::run_blocking(pool, move |c| -> Result<_, AppError> {
        let theme = themes::find(c, id)?.ok_or(AppError::NotFound)?;
        theme_out(c, theme)
    })
    .await?;
    Ok(HttpResponse::Ok().json(out))
}

/// Renames the theme, sets its category or confirms it (every field optional; audited).
#[utoipa::path(
    post,
    path = "/api/v1/staff/themes/{id}",
    tag = "staff",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "Theme id")),
    request_body(content = ThemeEditBody, content_type = "application/json"),
    responses(
        (status = 200, description = "The theme as it is now", body = ThemeOut),
        (status = 404, description = "No such theme among the staff member's ministries", body = ErrorEnvelope),
        (status = 413, description = "Body over 64 KiB", body = ErrorEnvelope),
        (status = 415, description = "Not JSON", body = ErrorEnvelope),
        (status = 422, description = "A label or category that cannot be used; nothing changed", body = ErrorEnvelope),
        (status = 400, description = "A control character in the path or query, or a body that is not JSON of this shape", body = ErrorEnvelope),
        (status = 401, description = "No valid bearer token or session", body = ErrorEnvelope),
        (status = 403, description = "The role may not do this", body = ErrorEnvelope)
    )
)]
pub async fn edit_theme(
    staff: Staff,
    id: web::Path<i64>,
    body: web::Json<ThemeEditBody>,
    pool: web::Data<Pool>,
) -> Result<HttpResponse, AppError> {
    let id = id.into_inner();
    scope::theme_allowed(&pool, &staff, id, Permission::EditThemes).await?;
    let b = body.into_inner();
    let edit = ThemeEdit { label_bn: b.label_bn, label_en: b.label_en, category: b.category, confirmed: b.confirmed };
    let actor = Actor::from(&staff);
    db::run_blocking(&pool, move |c| edits::edit_theme(c, &actor, id, &edit)).await?;
    answer(&pool, id).await
}

/// A merge.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MergeBody {
    /// The theme that remains.
    #[schema(value_type = i64)]
    into: Whole,
}

/// Moves every feedback of the theme into theme `into` of the same service (audited).
#[utoipa::path(
    post,
    path = "/api/v1/staff/themes/{id}/merge",
    tag = "staff",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "Theme id")),
    request_body(content = MergeBody, content_type = "application/json"),
    responses(
        (status = 200, description = "The theme that remains", body = ThemeOut),
        (status = 404, description = "No such theme among the staff member's ministries", body = ErrorEnvelope),
        (status = 413, description = "Body over 64 KiB", body = ErrorEnvelope),
        (status = 415, description = "Not JSON", body = ErrorEnvelope),
        (status = 422, description = "Not another theme of the same service; nothing changed", body = ErrorEnvelope),
        (status = 400, description = "A control character in the path or query, or a body that is not JSON of this shape", body = ErrorEnvelope),
        (status = 401, description = "No valid bearer token or session", body = ErrorEnvelope),
        (status = 403, description = "The role may not do this", body = ErrorEnvelope)
    )
)]
pub async fn merge_theme(
    staff: Staff,
    id: web::Path<i64>,
    body: web::Json<MergeBody>,
    pool: web::Data<Pool>,
) -> Result<HttpResponse, AppError> {
    let id = id.into_inner();
    scope::theme_allowed(&pool, &staff, id, Permission::EditThemes).await?;
    let (actor, into) = (Actor::from(&staff), body.into.0);
    let merged = db::run_blocking(&pool, move |c| edits::merge(c, &actor, id, into)).await?;
    answer(&pool, merged.id).await
}

/// A split or move: feedback ids and where they go (`into`: a theme id, or none for a new theme).
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MoveBody {
    /// Feedback of the service to move.
    #[schema(value_type = Vec<i64>)]
    feedback_ids: Vec<Whole>,
    /// Theme to move them into; none for a new theme.
    #[schema(value_type = Option<i64>)]
    into: Option<Whole>,
    /// Label of the new theme.
    label: Option<String>,
}

/// Moves the chosen feedback of this theme's service into theme `into`, or into a new theme (audited).
#[utoipa::path(
    post,
    path = "/api/v1/staff/themes/{id}/split",
    tag = "staff",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "Theme id")),
    request_body(content = MoveBody, content_type = "application/json"),
    responses(
        (status = 200, description = "The theme the feedback went to", body = ThemeOut),
        (status = 404, description = "No such theme among the staff member's ministries", body = ErrorEnvelope),
        (status = 413, description = "Body over 64 KiB", body = ErrorEnvelope),
        (status = 415, description = "Not JSON", body = ErrorEnvelope),
        (status = 422, description = "No feedback of this service chosen, or not a theme of it; nothing changed", body = ErrorEnvelope),
        (status = 400, description = "A control character in the path or query, or a body that is not JSON of this shape", body = ErrorEnvelope),
        (status = 401, description = "No valid bearer token or session", body = ErrorEnvelope),
        (status = 403, description = "The role may not do this", body = ErrorEnvelope)
    )
)]
pub async fn split_theme(
    staff: Staff,
    id: web::Path<i64>,
    body: web::Json<MoveBody>,
    pool: web::Data<Pool>,
    classifier: web::Data<Classifier>,
) -> Result<HttpResponse, AppError> {
    let id = id.into_inner();
    let (service_id, ministry) = scope::theme_allowed(&pool, &staff, id, Permission::EditThemes).await?;
    let body = body.into_inner();
    let to = match body.into {
        Some(theme) => Destination::Theme(theme.0),
        None => Destination::New(body.label),
    };
    let ids: Vec<i64> = body.feedback_ids.into_iter().map(i64::from).collect();
    let (actor, classifier) = (Actor::from(&staff), classifier.into_inner());
    let theme =
        db::run_blocking(&pool, move |c| edits::move_feedback(c, &actor, service_id, ministry, &ids, &to, &classifier))
            .await?;
    answer(&pool, theme.id).await
}

/// Registers the staff API (inside `/api/v1`); other methods get 405 with `Allow`.
pub fn configure(cfg: &mut web::ServiceConfig) {
    use super::merge_suggestions::{accept_merge_suggestion, dismiss_merge_suggestion, list_merge_suggestions};
    use super::{get, resource};
    let post = |path: &str| resource(path, "POST");
    cfg.service(
        web::scope("/staff")
            .wrap(actix_web::middleware::from_fn(crate::auth::middleware::authenticate))
            .service(get("/services").to(list_services))
            .service(get("/services/{code}/stats").to(service_stats))
            .service(get("/services/{code}/themes").to(list_themes))
            .service(get("/services/{code}/merge-suggestions").to(list_merge_suggestions))
            .service(post("/services/{code}/merge-suggestions/accept").route(web::post().to(accept_merge_suggestion)))
            .service(post("/services/{code}/merge-suggestions/dismiss").route(web::post().to(dismiss_merge_suggestion)))
            .service(post("/themes/{id}").route(web::post().to(edit_theme)))
            .service(post("/themes/{id}/merge").route(web::post().to(merge_theme)))
            .service(post("/themes/{id}/split").route(web::post().to(split_theme)))
            .service(get("/backlog/items/{id}/brief").to(super::brief::get_brief))
            .default_service(web::to(crate::routes::errors::not_found)),
    );
}
