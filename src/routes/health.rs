//! Health for load balancers and orchestrators.
//!
//! - `/health/live`: the process answers (never touches the database), so a database outage
//!   does not get healthy app servers restarted.
//! - `/health/ready` (and `/health`): 200 when the database answers a read within a second of
//!   its own (it never waits the pool's longer timeout), 503 with `Retry-After` otherwise, so a
//!   balancer stops sending traffic at once and resumes when the database is back.

use std::time::Duration;

use actix_web::{web, HttpResponse};
use serde_json::json;

use crate::db::{self, Pool};

/// The longest a readiness check waits, for a connection and for its read together.
const READY_WITHIN: Duration = Duration::from_secs(1);

/// `GET /health/live`.
pub async fn check_live() -> HttpResponse {
    HttpResponse::Ok().json(json!({ "status": "ok" }))
}

/// `GET /health/ready` and `GET /health`: reads from the catalogue to prove the database is
/// reachable and migrated.
pub async fn check_health(pool: web::Data<Pool>) -> HttpResponse {
    let pool = pool.get_ref().clone();
    let read = tokio::task::spawn_blocking(move || -> anyhow::Result<i64> {
        let mut conn = pool.get_timeout(READY_WITHIN)?;
        Ok(db::ministries::count(&mut conn)?)
    });
    let outcome = match tokio::time::timeout(READY_WITHIN, read).await {
        Ok(Ok(Ok(_))) => Ok(()),
        Ok(Ok(Err(err))) => Err(format!("{err:#}")),
        Ok(Err(err)) => Err(err.to_string()),
        Err(_) => Err(format!("no answer within {READY_WITHIN:?}")),
    };
    match outcome {
        Ok(()) => HttpResponse::Ok().json(json!({ "status": "ok", "database": "ok" })),
        Err(error) => {
            tracing::warn!(error, "readiness check failed");
            HttpResponse::ServiceUnavailable()
                .insert_header(("Retry-After", "5"))
                .json(json!({ "status": "unavailable", "database": "unreachable" }))
        }
    }
}
