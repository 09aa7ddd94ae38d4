//! Retries, overload and per-address limits on submissions.

use diesel::connection::SimpleConnection;
use diesel::Connection;
use serde_json::{json, Value};

use crate::helpers::{spawn_app, spawn_app_with, valid_form, wait_until, TestApp};

fn body(text: &str) -> Value {
    json!({"service_code": "ORGBDR-001", "kind": "complaint", "text": text, "district": "dhaka"})
}

async fn post_with_key(app: &TestApp, key: &str, body: &Value) -> reqwest::Response {
    app.client
        .post(format!("{}/api/v1/feedback", app.address))
        .header("Idempotency-Key", key)
        .json(body)
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn a_retry_with_the_same_idempotency_key_never_creates_a_second_feedback() {
    let app = spawn_app().await;
    let first = post_with_key(&app, "retry-1", &body("The certificate took two months")).await;
    assert_eq!(first.status(), 201);
    let first: Value = first.json().await.unwrap();
    for _ in 0..3 {
        let again = post_with_key(&app, "retry-1", &body("The certificate took two months")).await;
        assert_eq!(again.status(), 201);
        let again: Value = again.json().await.unwrap();
        assert_eq!(again["tracking_code"], first["tracking_code"]);
    }
    assert_eq!(app.feedback_count().await, 1);
    let other = post_with_key(&app, "retry-1", &body("A different complaint entirely")).await;
    assert_eq!(other.status(), 409);
    assert_eq!(app.feedback_count().await, 1);
}

#[tokio::test]
async fn concurrent_retries_with_one_key_store_one_feedback() {
    let app = spawn_app().await;
    let tasks: Vec<_> = (0..8)
        .map(|_| {
            let request = app
                .client
                .post(format!("{}/api/v1/feedback", app.address))
                .header("Idempotency-Key", "same-key")
                .json(&body("Concurrent retries of one submission"));
            tokio::spawn(async move { request.send().await.unwrap() })
        })
        .collect();
    let mut codes: Vec<String> = Vec::new();
    for task in tasks {
        let r = task.await.unwrap();
        assert_eq!(r.status(), 201);
        codes.push(r.json::<Value>().await.unwrap()["tracking_code"].as_str().unwrap().to_owned());
    }
    codes.sort();
    codes.dedup();
    assert_eq!(codes.len(), 1);
    assert_eq!(app.feedback_count().await, 1);
}

#[tokio::test]
async fn keyed_submissions_sent_together_are_stored_once_each_and_a_reused_key_is_refused() {
    let app = spawn_app().await;
    // Twenty keys, five of them retried at once, one reused for another text: the
    // writer stores such a crowd in one group.
    let mut sends: Vec<(String, String)> =
        (0..20).map(|i| (format!("crowd-{i}"), format!("Crowd complaint number {i}"))).collect();
    sends.extend((0..5).map(|i| (format!("crowd-{i}"), format!("Crowd complaint number {i}"))));
    sends.push(("crowd-5".into(), "A different complaint under a used key".into()));
    let tasks: Vec<_> = sends
        .iter()
        .map(|(key, text)| {
            let request = app
                .client
                .post(format!("{}/api/v1/feedback", app.address))
                .header("Idempotency-Key", key.as_str())
                .json(&body(text));
            tokio::spawn(async move { request.send().await.unwrap() })
        })
        .collect();
    let mut codes: std::collections::HashMap<String, Vec<String>> = Default::default();
    let mut refused = 0;
    for ((key, text), task) in sends.iter().zip(tasks) {
        let r = task.await.unwrap();
        match r.status().as_u16() {
            201 => codes
                .entry(key.clone())
                .or_default()
                .push(r.json::<Value>().await.unwrap()["tracking_code"].as_str().unwrap().to_owned()),
            409 => {
                refused += 1;
                // Whichever of crowd-5's two texts came first is stored; the other is refused.
                assert_eq!(key, "crowd-5", "{text}");
            }
            other => panic!("{key}: {other}"),
        }
    }
    assert_eq!(refused, 1);
    assert_eq!(codes.len(), 20);
    for (key, mut list) in codes {
        list.dedup();
        assert_eq!(list.len(), 1, "{key} got two tracking codes");
    }
    assert_eq!(app.feedback_count().await, 20);
}

#[tokio::test]
async fn resending_the_same_form_stores_it_once() {
    let app = spawn_app().await;
    let mut form = valid_form();
    form.push(("submission_id", "FORM-ONCE-1"));
    let first = app.post_feedback_form("ORGBDR-001", &form).await;
    let second = app.post_feedback_form("ORGBDR-001", &form).await;
    assert_eq!(first.status(), 303);
    assert_eq!(first.headers()["location"], second.headers()["location"]);
    assert_eq!(app.feedback_count().await, 1);
}

/// Holds the database's write lock from outside the app until dropped.
enum WriteLock {
    Sqlite(diesel::SqliteConnection),
    Pg(diesel::PgConnection),
}

fn hold_write_lock(database_url: &str) -> WriteLock {
    if database_url.starts_with("postgres") {
        let mut c = diesel::PgConnection::establish(database_url).unwrap();
        c.batch_execute("BEGIN; LOCK TABLE feedback IN EXCLUSIVE MODE;").unwrap();
        WriteLock::Pg(c)
    } else {
        let mut c = diesel::SqliteConnection::establish(database_url.trim_start_matches("sqlite://")).unwrap();
        // The app's own background work (outbox, schedules) may hold the lock for a moment.
        c.batch_execute("PRAGMA busy_timeout = 10000; BEGIN IMMEDIATE;").unwrap();
        WriteLock::Sqlite(c)
    }
}

impl WriteLock {
    fn release(self) {
        match self {
            WriteLock::Sqlite(mut c) => c.batch_execute("ROLLBACK").unwrap(),
            WriteLock::Pg(mut c) => c.batch_execute("ROLLBACK").unwrap(),
        }
    }
}

#[tokio::test]
async fn beyond_capacity_submissions_get_503_with_retry_after_and_it_recovers() {
    let app = spawn_app_with(|s| {
        s.intake_queue = 2;
        s.intake_batch = 1;
        s.intake_writers = 1;
    })
    .await;
    let lock = hold_write_lock(&app.database_url);
    let tasks: Vec<_> = (0..12)
        .map(|i| {
            let request = app
                .client
                .post(format!("{}/api/v1/feedback", app.address))
                .json(&body(&format!("Submission number {i} while the database is stuck")));
            tokio::spawn(async move { request.send().await.unwrap() })
        })
        .collect();
    // While the writer is stuck, the queue is full: the rest are refused at once, and only the
    // writer's one and the queue's two are left waiting.
    let answered = || async { tasks.iter().filter(|t| t.is_finished()).count() };
    wait_until("at least 8 answers while the database is stuck", answered, |&n| n >= 8).await;
    let mut refused = 0;
    for task in tasks.into_iter().filter(|t| t.is_finished()) {
        let response = task.await.unwrap();
        assert_eq!(response.status(), 503);
        assert_eq!(response.headers()["retry-after"], "1");
        refused += 1;
    }
    assert!(refused >= 8, "only {refused} refused");
    lock.release();
    // Once the database is free again, submissions are accepted by themselves.
    let status = || async { app.post_api_feedback(&body("After the load dropped, this is accepted")).await.status() };
    let last = wait_until("a submission accepted after the lock is released", status, |s| *s == 201).await;
    assert_eq!(last, 201, "Nagorik did not recover");
}

#[tokio::test]
async fn one_address_sending_too_fast_gets_429() {
    let app = spawn_app_with(|s| {
        s.submit_rate_per_minute = 6;
        s.submit_burst = 3;
    })
    .await;
    let mut statuses = Vec::new();
    for i in 0..5 {
        statuses.push(app.post_api_feedback(&body(&format!("Rapid submission number {i}"))).await);
    }
    assert!(statuses[..3].iter().all(|r| r.status() == 201));
    let limited = statuses.pop().unwrap();
    assert_eq!(limited.status(), 429);
    assert!(limited.headers().contains_key("retry-after"));
    let envelope: Value = limited.json().await.unwrap();
    assert_eq!(envelope["errors"][0]["code"], "too-many-requests");
    // Reading is never limited.
    assert_eq!(app.get("/api/v1/services").await.status(), 200);
}

#[tokio::test]
async fn a_429_never_says_retry_after_0() {
    // One a second: any refusal comes less than a second before the next slot, which
    // rounded down would be `Retry-After: 0`.
    let app = spawn_app_with(|s| {
        s.submit_rate_per_minute = 60;
        s.submit_burst = 1;
    })
    .await;
    let mut limited = None;
    for i in 0..50 {
        let response = app.post_api_feedback(&body(&format!("Rapid submission number {i}"))).await;
        if response.status() == 429 {
            limited = Some(response);
            break;
        }
    }
    let limited = limited.expect("no 429 in 50 submissions at one a second");
    let retry_after: u64 = limited.headers()["retry-after"].to_str().unwrap().parse().unwrap();
    assert!((1..=1).contains(&retry_after), "Retry-After: {retry_after}");
}

#[tokio::test]
async fn behind_a_trusted_proxy_each_forwarded_client_has_its_own_limit() {
    let app = spawn_app_with(|s| {
        s.submit_rate_per_minute = 1;
        s.submit_burst = 1;
        s.trusted_proxies = "127.0.0.1, ::1".into();
    })
    .await;
    let client = reqwest::Client::new();
    let send = |from: &'static str, n: usize| {
        client
            .post(format!("{}/api/v1/feedback", app.address))
            .header("X-Forwarded-For", from)
            .json(&body(&format!("Submission {n} through the proxy")))
            .send()
    };
    assert_eq!(send("198.51.100.1", 0).await.unwrap().status(), 201);
    assert_eq!(send("198.51.100.1", 1).await.unwrap().status(), 429, "the same client again");
    assert_eq!(send("198.51.100.2", 2).await.unwrap().status(), 201, "another client behind the same proxy");
    // A client cannot pick its address: the proxy appends the one it saw after whatever was sent.
    assert_eq!(send("203.0.113.5, 198.51.100.1", 3).await.unwrap().status(), 429);
}

#[tokio::test]
async fn without_trusted_proxies_a_forwarded_address_is_ignored() {
    let app = spawn_app_with(|s| {
        s.submit_rate_per_minute = 1;
        s.submit_burst = 1;
    })
    .await;
    let client = reqwest::Client::new();
    for (n, from) in ["198.51.100.1", "198.51.100.2"].iter().enumerate() {
        let r = client
            .post(format!("{}/api/v1/feedback", app.address))
            .header("X-Forwarded-For", *from)
            .json(&body(&format!("Submission {n} claiming another address")))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), if n == 0 { 201 } else { 429 }, "{from}");
    }
}
