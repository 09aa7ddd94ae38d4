//! `GET /metrics` on its own address, in the Prometheus text format: requests by route and
//! status, intake groups, the outbox, the pool and failed log-ins; never on the public address.

use serde_json::json;

use crate::helpers::{spawn_app, spawn_app_with};

/// The value of the first sample whose line starts with `name` and holds every one of `labels`.
fn sample(text: &str, name: &str, labels: &[&str]) -> Option<f64> {
    text.lines()
        .filter(|l| !l.starts_with('#'))
        .filter(|l| l.split(['{', ' ']).next() == Some(name))
        .find(|l| labels.iter().all(|label| l.contains(label)))
        .and_then(|l| l.rsplit(' ').next()?.parse().ok())
}

#[tokio::test]
async fn metrics_count_requests_intake_mail_the_pool_and_failed_log_ins_on_their_own_address() {
    let app = spawn_app_with(|s| s.metrics_bind = "127.0.0.1:0".into()).await;
    let metrics = app.metrics.clone().expect("metrics are served when an address is set");
    assert_eq!(app.get("/services/DIP-001").await.status(), 200);
    assert_eq!(app.get("/services/NOPE-404").await.status(), 404);
    let body = json!({"service_code": "DIP-001", "kind": "complaint", "district": "dhaka",
        "text": "The office asked me to come back three times for one paper", "email": "rahim@example.com"});
    assert_eq!(app.post_api_feedback(&body).await.status(), 201);
    assert_eq!(app.log_in("nobody@test.example", "wrong password 123").await.1.status(), 422);

    let response = app.client.get(format!("{metrics}/metrics")).send().await.unwrap();
    assert_eq!(response.status(), 200);
    let content_type = response.headers()["content-type"].to_str().unwrap().to_owned();
    assert!(content_type.starts_with("text/plain; version=0.0.4"), "{content_type}");
    let text = response.text().await.unwrap();
    let requests = "nagorik_http_requests_total";
    let page = ["method=\"GET\"", "route=\"/services/{code}\"", "status=\"200\""];
    assert!(sample(&text, requests, &page) >= Some(1.0), "{text}");
    assert!(sample(&text, requests, &["route=\"/services/{code}\"", "status=\"404\""]) >= Some(1.0), "{text}");
    assert!(sample(&text, requests, &["route=\"/api/v1/feedback\"", "status=\"201\""]) >= Some(1.0), "{text}");
    assert!(text.lines().all(|l| !l.contains("DIP-001") && !l.contains("NOPE-404")), "codes are never labels");
    let timed = ["route=\"/services/{code}\"", "le=\"+Inf\""];
    assert!(sample(&text, "nagorik_http_request_duration_seconds_bucket", &timed) >= Some(1.0), "{text}");
    assert!(sample(&text, "nagorik_intake_group_size_count", &[]) >= Some(1.0), "{text}");
    assert!(sample(&text, "nagorik_intake_commit_seconds_count", &[]) >= Some(1.0), "{text}");
    assert!(sample(&text, "nagorik_intake_queue_depth", &[]).is_some(), "{text}");
    assert!(sample(&text, "nagorik_outbox_messages", &["state=\"queued\""]).is_some(), "{text}");
    assert!(sample(&text, "nagorik_outbox_oldest_queued_seconds", &[]).is_some(), "{text}");
    assert!(sample(&text, "nagorik_db_pool_connections", &["state=\"idle\""]).is_some(), "{text}");
    assert!(sample(&text, "nagorik_db_pool_wait_seconds_count", &[]) >= Some(1.0), "{text}");
    assert!(sample(&text, "nagorik_login_failures_total", &[]) >= Some(1.0), "{text}");
    // Not on the public address.
    assert_eq!(app.get("/metrics").await.status(), 404);
}

#[tokio::test]
async fn metrics_are_off_unless_an_address_is_set() {
    let app = spawn_app().await;
    assert!(app.metrics.is_none());
    assert_eq!(app.get("/metrics").await.status(), 404);
}
