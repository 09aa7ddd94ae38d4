//! Mail that could not be sent (`/staff/outbox`): the parked messages an admin
//! may see (ministry admins: those about their ministries' services; cabinet
//! admins: all, including staff mail), recipients masked, and a retry button.
//! A retry is audited.

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use chrono::Utc;
use serde_json::{json, Value};

use super::sent::{DoneQuery, Sent};
use super::view::{machine_time, shown_time};
use crate::audit::{self, Actor, Target};
use crate::auth::Staff;
use crate::db::outbox::{self, OutboxMessage};
use crate::db::{self, write_transaction, Pool};
use crate::domain::staff::Permission;
use crate::domain::Locale;
use crate::email::mask_address;
use crate::error::AppError;
use crate::web::page::see_other;
use crate::web::Renderer;

/// Where the page lives.
const PAGE: &str = "/staff/outbox";
/// Most messages listed.
const MOST: i64 = 200;

fn row(m: &OutboxMessage) -> Value {
    json!({
        "id": m.id,
        "recipient": mask_address(&m.recipient),
        "kind_id": format!("outbox-kind-{}", m.kind),
        "attempts": m.attempts,
        "error": m.last_error.clone().unwrap_or_default(),
        "queued": shown_time(m.created_at),
        "queued_iso": machine_time(m.created_at),
        "retry_url": format!("{PAGE}/{}/retry", m.id),
    })
}

/// `GET /staff/outbox`: the parked messages.
pub async fn list_failed_mail(
    req: HttpRequest,
    locale: Locale,
    staff: Staff,
    query: web::Query<DoneQuery>,
    pool: web::Data<Pool>,
    renderer: web::Data<Renderer>,
) -> Result<HttpResponse, AppError> {
    staff.require(Permission::ManageMail)?;
    let within = staff.ministry_filter();
    let failed = db::run_blocking(&pool, move |c| outbox::list_failed(c, within.as_deref(), MOST)).await?;
    let messages: Vec<Value> = failed.iter().map(row).collect();
    let done = Sent::done("outbox-done", query.done.as_deref(), &["retried"]).done;
    let data = json!({ "messages": messages, "done": done });
    Ok(renderer.respond_staff(&req, locale, &staff, StatusCode::OK, "staff/outbox", data))
}

/// `POST /staff/outbox/{id}/retry`: the message goes back in the queue, due now, attempts reset.
pub async fn retry_mail(staff: Staff, id: web::Path<i64>, pool: web::Data<Pool>) -> Result<HttpResponse, AppError> {
    staff.require(Permission::ManageMail)?;
    let id = id.into_inner();
    db::run_blocking(&pool, move |c| {
        write_transaction(c, |c| -> Result<(), AppError> {
            let message = outbox::find(c, id)?.filter(|m| m.state == outbox::FAILED).ok_or(AppError::NotFound)?;
            let ministry = outbox::ministry_of(c, &message)?;
            // Staff mail (no service) is the cabinet's to retry; other messages their ministry's.
            let visible = match (staff.ministry_filter(), ministry) {
                (None, _) => true,
                (Some(_), Some(m)) => staff.sees(m),
                (Some(_), None) => false,
            };
            if !visible {
                return Err(AppError::NotFound);
            }
            outbox::requeue(c, id, Utc::now().naive_utc())?;
            let before = json!({ "state": message.state, "attempts": message.attempts, "kind": message.kind });
            let target = Target { kind: "mail", id: Some(id), ministry_id: ministry };
            audit::record(
                c,
                &Actor::from(&staff),
                "mail.retry",
                target,
                Some(before),
                Some(json!({ "state": "queued" })),
            )?;
            Ok(())
        })
    })
    .await?;
    Ok(see_other(&format!("{PAGE}?done=retried")))
}
