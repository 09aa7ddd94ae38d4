//! `GET /api/v1/ministries`.

use actix_web::{web, HttpResponse};
use serde::Serialize;
use utoipa::ToSchema;

use crate::db::{self, Pool};
use crate::error::{AppError, ErrorEnvelope};

/// A ministry as the API shows it.
#[derive(Debug, Serialize, ToSchema)]
pub struct MinistryResponse {
    code: String,
    name_bn: String,
    name_en: String,
    service_count: i64,
}

/// Every ministry with its number of services.
#[derive(Debug, Serialize, ToSchema)]
pub struct MinistryList {
    items: Vec<MinistryResponse>,
}

/// Lists the ministries, by English name.
#[utoipa::path(
    get,
    path = "/api/v1/ministries",
    tag = "catalogue",
    responses(
        (status = 200, description = "Every ministry", body = MinistryList),
        (status = 503, description = "Database unavailable; retry", body = ErrorEnvelope),
    )
)]
pub async fn list_ministries(pool: web::Data<Pool>) -> Result<HttpResponse, AppError> {
    let rows = db::run_read(&pool, db::ministries::list_with_service_counts).await?;
    let items = rows
        .into_iter()
        .map(|(m, service_count)| MinistryResponse {
            code: m.code,
            name_bn: m.name_bn,
            name_en: m.name_en,
            service_count,
        })
        .collect();
    Ok(HttpResponse::Ok().json(MinistryList { items }))
}
