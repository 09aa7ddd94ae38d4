//! The staff JSON API under `/api/v1/staff` (bearer token or session with the
//! `X-CSRF-Token` header): services ranked, a service's grouped counts, its
//! themes with their feedback ids, and theme edits. Same roles and ministries
//! as the staff pages.

use actix_web::{web, HttpResponse};
use chrono::Utc;
use serde::{Deserialize, Serialize};
use serde_json::json;

use crate::audit::Actor;
use crate::auth::Staff;
use crate::counts::dim;
use crate::db::themes::Theme;
use crate::db::{self, service_counts, theme_members, themes, Pool};
use crate::domain::staff::Permission;
use crate::error::AppError;
use crate::grouping::edits::{self, Destination, ThemeEdit};
use crate::routes::staff::scope;
use crate::themes::Classifier;
use crate::workspace::{dashboard, service_stats, visible_service};

/// `GET /api/v1/staff/services`: the staff member's services ranked by recent voices.
pub async fn list_services(staff: Staff, pool: web::Data<Pool>) -> Result<HttpResponse, AppError> {
    staff.require(Permission::ViewFeedback)?;
    let scope = staff.ministry_filter();
    let rows = db::run_blocking(&pool, move |c| dashboard::ranked(c, scope.as_deref(), Utc::now().naive_utc())).await?;
    Ok(HttpResponse::Ok().json(json!({ "services": rows })))
}

/// `GET /api/v1/staff/services/{code}/stats`: counts by kind, theme, TCV, week, district, channel.
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
#[derive(Debug, Serialize)]
pub struct ThemeOut {
    id: i64,
    label_bn: String,
    label_en: String,
    /// The labels are suggested automatically (no designer has renamed the theme).
    label_automatic: bool,
    category: String,
    confirmed: bool,
    feedback: i64,
    voices: i64,
    feedback_ids: Vec<i64>,
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
        feedback: count.as_ref().map_or(0, |c| c.feedback),
        voices: count.as_ref().map_or(0, |c| c.voices),
        feedback_ids,
    })
}

/// `GET /api/v1/staff/services/{code}/themes`: every theme with its visible feedback ids.
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
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ThemeEditBody {
    label_bn: Option<String>,
    label_en: Option<String>,
    category: Option<String>,
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

/// `POST /api/v1/staff/themes/{id}`: rename, set the category, confirm.
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
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MergeBody {
    into: i64,
}

/// `POST /api/v1/staff/themes/{id}/merge`: moves every member into `into`.
pub async fn merge_theme(
    staff: Staff,
    id: web::Path<i64>,
    body: web::Json<MergeBody>,
    pool: web::Data<Pool>,
) -> Result<HttpResponse, AppError> {
    let id = id.into_inner();
    scope::theme_allowed(&pool, &staff, id, Permission::EditThemes).await?;
    let (actor, into) = (Actor::from(&staff), body.into);
    let merged = db::run_blocking(&pool, move |c| edits::merge(c, &actor, id, into)).await?;
    answer(&pool, merged.id).await
}

/// A split or move: feedback ids and where they go (`into`: a theme id, or none for a new theme).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MoveBody {
    feedback_ids: Vec<i64>,
    into: Option<i64>,
    label: Option<String>,
}

/// `POST /api/v1/staff/themes/{id}/split`: the chosen feedback of this theme's service moves.
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
        Some(theme) => Destination::Theme(theme),
        None => Destination::New(body.label),
    };
    let (actor, classifier, ids) = (Actor::from(&staff), classifier.into_inner(), body.feedback_ids);
    let theme =
        db::run_blocking(&pool, move |c| edits::move_feedback(c, &actor, service_id, ministry, &ids, &to, &classifier))
            .await?;
    answer(&pool, theme.id).await
}

/// Registers the staff API (inside `/api/v1`).
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::scope("/staff")
            .wrap(actix_web::middleware::from_fn(crate::auth::middleware::authenticate))
            .route("/services", web::get().to(list_services))
            .route("/services/{code}/stats", web::get().to(service_stats))
            .route("/services/{code}/themes", web::get().to(list_themes))
            .route(
                "/services/{code}/merge-suggestions",
                web::get().to(super::merge_suggestions::list_merge_suggestions),
            )
            .route(
                "/services/{code}/merge-suggestions/accept",
                web::post().to(super::merge_suggestions::accept_merge_suggestion),
            )
            .route(
                "/services/{code}/merge-suggestions/dismiss",
                web::post().to(super::merge_suggestions::dismiss_merge_suggestion),
            )
            .route("/themes/{id}", web::post().to(edit_theme))
            .route("/themes/{id}/merge", web::post().to(merge_theme))
            .route("/themes/{id}/split", web::post().to(split_theme))
            .default_service(web::to(crate::routes::errors::not_found)),
    );
}
