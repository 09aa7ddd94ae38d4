//! Prometheus metrics: recorded with the `metrics` macros where things happen (requests,
//! intake groups, pool checkouts, log-in failures), read at scrape time where the database
//! holds the truth (the outbox), and served as text at `GET /metrics` on the separate address
//! `NAGORIK_METRICS_BIND` (off when unset), never on the public one.
//!
//! | metric | kind | labels |
//! | --- | --- | --- |
//! | `nagorik_http_requests_total` | counter | `method`, `route` (the pattern, `/services/{code}`), `status` |
//! | `nagorik_http_request_duration_seconds` | histogram | `method`, `route` |
//! | `nagorik_intake_queue_depth` | gauge | |
//! | `nagorik_intake_group_size` | histogram | |
//! | `nagorik_intake_commit_seconds` | histogram | |
//! | `nagorik_outbox_messages` | gauge | `state` (`queued`, `sent`, `failed`, `skipped`) |
//! | `nagorik_outbox_oldest_queued_seconds` | gauge | |
//! | `nagorik_db_pool_connections` | gauge | `state` (`in_use`, `idle`) |
//! | `nagorik_db_pool_wait_seconds` | histogram | |
//! | `nagorik_login_failures_total` | counter | |
//! | `nagorik_embeddings_stored_total` | counter | |
//! | `nagorik_embeddings_moved_total` | counter | |
//! | `nagorik_embeddings_failures_total` | counter | |
//!
//! 429 and 503 answers are `nagorik_http_requests_total{status="429"}` / `{status="503"}`.

mod requests;
mod scrape;

use std::sync::OnceLock;

use metrics_exporter_prometheus::{Matcher, PrometheusBuilder, PrometheusHandle};

pub use requests::count_requests;
pub use scrape::serve_metrics;

/// Seconds: from a millisecond to ten seconds.
const SECONDS: [f64; 13] = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0];
/// Submissions committed together.
const GROUP_SIZES: [f64; 9] = [1.0, 2.0, 4.0, 8.0, 16.0, 32.0, 64.0, 128.0, 256.0];

/// The process's recorder (installed once, by the first server that serves metrics).
pub fn install() -> anyhow::Result<PrometheusHandle> {
    static HANDLE: OnceLock<PrometheusHandle> = OnceLock::new();
    if let Some(handle) = HANDLE.get() {
        return Ok(handle.clone());
    }
    let handle = PrometheusBuilder::new()
        .set_buckets(&SECONDS)?
        .set_buckets_for_metric(Matcher::Full("nagorik_intake_group_size".into()), &GROUP_SIZES)?
        .install_recorder()?;
    Ok(HANDLE.get_or_init(|| handle).clone())
}

/// A failed staff log-in (wrong email or password, or a disabled account).
pub fn login_failed() {
    metrics::counter!("nagorik_login_failures_total").increment(1);
}

/// A group of `size` submissions committed in `seconds`.
pub fn intake_group(size: usize, seconds: f64) {
    metrics::histogram!("nagorik_intake_group_size").record(size as f64);
    metrics::histogram!("nagorik_intake_commit_seconds").record(seconds);
}

/// A request waited `seconds` for a database connection.
pub fn pool_wait(seconds: f64) {
    metrics::histogram!("nagorik_db_pool_wait_seconds").record(seconds);
}
