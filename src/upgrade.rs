//! Bringing a database up to date: the migrations, then what SQL migrations cannot do because
//! the rules live in Rust. Runs wherever the database is opened (`serve` and every command).
//!
//! - Every service's search text follows today's rules (`db::services::refresh_search_text`).
//! - After an upgrade (some migration ran), a service with shown feedback but no counters (its
//!   feedback came before the counters existed) is counted from its rows
//!   (`counts::recount`), so that its pages and the backlog see every voice.

use anyhow::Context;
use diesel::prelude::*;

use crate::counts;
use crate::db::schema::{feedback, service_counts};
use crate::db::{self, Conn};

/// Runs pending migrations and the follow-ups above; returns how many migrations ran.
pub fn migrate(conn: &mut Conn) -> anyhow::Result<usize> {
    let applied = db::migrations::run_pending(conn)?;
    db::services::refresh_search_text(conn).context("refreshing the services' search text")?;
    if applied > 0 {
        let recounted = count_uncounted(conn).context("counting feedback from before the counters")?;
        if recounted > 0 {
            tracing::info!(services = recounted, "services counted from their feedback after the upgrade");
        }
    }
    Ok(applied)
}

/// Counts every service that has shown feedback and no counters; returns how many.
fn count_uncounted(conn: &mut Conn) -> QueryResult<usize> {
    let counted: Vec<i64> = service_counts::table.select(service_counts::service_id).distinct().load(conn)?;
    let uncounted: Vec<i64> = feedback::table
        .filter(feedback::moderation.eq("visible"))
        .filter(feedback::service_id.ne_all(&counted))
        .select(feedback::service_id)
        .distinct()
        .load(conn)?;
    for &service_id in &uncounted {
        db::write_transaction(conn, |c| counts::recount(c, service_id, None))?;
    }
    Ok(uncounted.len())
}
