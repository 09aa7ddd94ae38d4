//! `GET /api/v1/staff/backlog/items/{id}/brief`: a backlog item's design brief as JSON: today's
//! journey, what citizens want, the latest saved design and its savings (src/brief).

use actix_web::{web, HttpResponse};
use chrono::Utc;
use serde::Serialize;
use utoipa::ToSchema;

use crate::auth::Staff;
use crate::backlog::inputs::CountedCache;
use crate::brief::design::Design;
use crate::brief::figures::{self, Figures};
use crate::brief::wants::Want;
use crate::brief::{load, Journey};
use crate::config::Settings;
use crate::db::{self, Pool};
use crate::domain::staff::Permission;
use crate::error::{AppError, ErrorEnvelope};
use crate::routes::staff::backlog_item::scoped_item;

/// A backlog item's design brief.
#[derive(Debug, Serialize, ToSchema)]
pub struct Brief {
    /// The backlog item.
    item_id: i64,
    /// Its service.
    service_code: String,
    /// Today's journey, read from the service's visible feedback.
    journey: Journey,
    /// What citizens want: expectations and suggestions by theme, with the design's decisions.
    wants: Vec<Want>,
    /// The latest saved design; null before the first save.
    design: Option<SavedDesign>,
    /// The design's targets and savings against today; null while it has no step.
    figures: Option<Figures>,
}

/// One saved version of the design.
#[derive(Debug, Serialize, ToSchema)]
pub struct SavedDesign {
    /// Its number (1 for the first save).
    version: i32,
    /// Who saved it.
    saved_by: String,
    /// When (UTC).
    saved_at: chrono::NaiveDateTime,
    /// The to-be journey and the decisions on what citizens want.
    #[serde(flatten)]
    design: Design,
}

/// The item's design brief: today's journey along the charter's steps, with voices, themes,
/// median days, cost and visits and masked quotes per step; what citizens want (expectations and
/// suggestions by theme, with the designer's decisions); the latest saved design (the to-be
/// journey) and its targets and yearly savings; no personal data.
#[utoipa::path(
    get,
    path = "/api/v1/staff/backlog/items/{id}/brief",
    tag = "staff",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "Backlog item id")),
    responses(
        (status = 200, description = "The brief", body = Brief),
        (status = 400, description = "A control character in the path or query", body = ErrorEnvelope),
        (status = 401, description = "No valid bearer token or session", body = ErrorEnvelope),
        (status = 403, description = "The role may not read the backlog", body = ErrorEnvelope),
        (status = 404, description = "No such item among the staff member's ministries", body = ErrorEnvelope),
    )
)]
pub async fn get_brief(
    staff: Staff,
    id: web::Path<i64>,
    pool: web::Data<Pool>,
    counted: web::Data<CountedCache>,
    settings: web::Data<Settings>,
) -> Result<HttpResponse, AppError> {
    staff.require(Permission::ViewBacklog)?;
    let (id, rates) = (id.into_inner(), settings.rates());
    let brief = db::run_read(&pool, move |c| -> Result<Brief, AppError> {
        let (_, listing) = scoped_item(c, &staff, id)?;
        let loaded = load::brief(c, id, &listing.0)?;
        let figures = figures::of(c, &counted, rates, Utc::now().naive_utc(), &listing, &loaded.design)?;
        let design = loaded.version.map(|v| SavedDesign {
            version: v.number,
            saved_by: v.saved_by,
            saved_at: v.created_at,
            design: loaded.design,
        });
        Ok(Brief {
            item_id: id,
            service_code: listing.0.code,
            journey: loaded.journey,
            wants: loaded.wants,
            design,
            figures,
        })
    })
    .await?;
    Ok(HttpResponse::Ok().json(brief))
}
