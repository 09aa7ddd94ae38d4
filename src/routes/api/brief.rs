//! `GET /api/v1/staff/backlog/items/{id}/brief`: a backlog item's design brief as JSON (so far
//! today's journey; see src/brief).

use actix_web::{web, HttpResponse};
use serde::Serialize;
use utoipa::ToSchema;

use crate::auth::Staff;
use crate::brief::{load, Journey};
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
}

/// The item's design brief: today's journey along the charter's steps, with voices, themes,
/// median days, cost and visits and masked quotes per step; no personal data.
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
pub async fn get_brief(staff: Staff, id: web::Path<i64>, pool: web::Data<Pool>) -> Result<HttpResponse, AppError> {
    staff.require(Permission::ViewBacklog)?;
    let id = id.into_inner();
    let brief = db::run_read(&pool, move |c| -> Result<Brief, AppError> {
        let (_, (service, _, _)) = scoped_item(c, &staff, id)?;
        let journey = load::journey(c, &service)?;
        Ok(Brief { item_id: id, service_code: service.code, journey })
    })
    .await?;
    Ok(HttpResponse::Ok().json(brief))
}
