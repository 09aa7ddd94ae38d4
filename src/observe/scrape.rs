//! `GET /metrics` on its own address: reads what the database and the pool know now, then
//! renders every metric in the Prometheus text format.

use std::net::TcpListener;

use actix_web::dev::Server;
use actix_web::{web, App, HttpResponse, HttpServer};
use anyhow::Context;
use chrono::Utc;
use metrics_exporter_prometheus::PrometheusHandle;

use crate::db::{self, outbox, Pool};
use crate::intake::IntakeWriter;

/// What the scrape reads.
struct Sources {
    handle: PrometheusHandle,
    pool: Pool,
    writer: web::Data<IntakeWriter>,
}

/// Binds `bind` and returns its port and the server (run it beside the main one; stop it first).
pub fn serve_metrics(bind: &str, pool: Pool, writer: web::Data<IntakeWriter>) -> anyhow::Result<(u16, Server)> {
    let handle = super::install()?;
    let listener = TcpListener::bind(bind).with_context(|| format!("cannot listen for metrics on {bind}"))?;
    let port = listener.local_addr()?.port();
    let sources = web::Data::new(Sources { handle, pool, writer });
    let server = HttpServer::new(move || {
        App::new()
            .app_data(sources.clone())
            .route("/metrics", web::get().to(metrics))
            .default_service(web::to(HttpResponse::NotFound))
    })
    .workers(1)
    .listen(listener)?
    .shutdown_timeout(1)
    .run();
    Ok((port, server))
}

async fn metrics(sources: web::Data<Sources>) -> HttpResponse {
    let now = Utc::now().naive_utc();
    let read = db::run_read(&sources.pool, move |c| -> diesel::QueryResult<_> {
        Ok((outbox::counts_by_state(c)?, outbox::oldest_queued(c)?))
    })
    .await;
    // The database may be down: the other metrics are still worth reading then.
    if let Ok((counts, oldest)) = read {
        for state in [outbox::QUEUED, outbox::SENT, outbox::FAILED, outbox::SKIPPED] {
            let count = counts.iter().find(|(s, _)| s == state).map_or(0, |(_, n)| *n);
            metrics::gauge!("nagorik_outbox_messages", "state" => state).set(count as f64);
        }
        let age = oldest.map_or(0.0, |t| (now - t).num_milliseconds().max(0) as f64 / 1000.0);
        metrics::gauge!("nagorik_outbox_oldest_queued_seconds").set(age);
    }
    let state = sources.pool.state();
    metrics::gauge!("nagorik_db_pool_connections", "state" => "idle").set(f64::from(state.idle_connections));
    metrics::gauge!("nagorik_db_pool_connections", "state" => "in_use")
        .set(f64::from(state.connections - state.idle_connections));
    metrics::gauge!("nagorik_intake_queue_depth").set(sources.writer.queued() as f64);
    HttpResponse::Ok().content_type("text/plain; version=0.0.4; charset=utf-8").body(sources.handle.render())
}
