//! `/health`: 200 when the database answers, 503 when it does not.

use actix_web::{web, HttpResponse};
use serde_json::json;

use crate::db::{self, Pool};

/// Reads from the catalogue to prove the database is reachable and migrated.
pub async fn check_health(pool: web::Data<Pool>) -> HttpResponse {
    match db::run_blocking(&pool, db::ministries::count).await {
        Ok(_) => HttpResponse::Ok().json(json!({"status": "ok", "database": "ok"})),
        Err(err) => {
            tracing::warn!(error = %err, "health check failed");
            HttpResponse::ServiceUnavailable()
                .insert_header(("Retry-After", "5"))
                .json(json!({"status": "unavailable", "database": "unreachable"}))
        }
    }
}
