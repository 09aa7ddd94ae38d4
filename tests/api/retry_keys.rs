//! Retry keys kept on their feedback: a keyed submission's tracking code is derived from its key,
//! so a retry meets the first row by its code. A code another feedback holds, a key erased after
//! its day, and keys kept in the retired key table before the change.

use chrono::Utc;
use diesel::prelude::*;
use nagorik::db::schema::{feedback, idempotency_keys};
use nagorik::db::{self};
use serde_json::{json, Value};
use sha2::{Digest, Sha256};

use crate::helpers::{spawn_app, TestApp};

fn body(text: &str) -> Value {
    json!({"service_code": "ORGBDR-001", "kind": "complaint", "text": text, "district": "dhaka"})
}

/// Posts `text` with retry key `key`: (status, tracking code if any).
async fn send(app: &TestApp, key: &str, text: &str) -> (u16, Option<String>) {
    let r = app
        .client
        .post(format!("{}/api/v1/feedback", app.address))
        .header("Idempotency-Key", key)
        .json(&body(text))
        .send()
        .await
        .unwrap();
    let status = r.status().as_u16();
    let answer: Value = r.json().await.unwrap();
    (status, answer["tracking_code"].as_str().map(str::to_owned))
}

#[tokio::test]
async fn a_key_whose_code_other_feedback_holds_gets_its_next_code_and_its_retries_find_it() {
    let app = spawn_app().await;
    let (status, first) = send(&app, "k-taken", "The birth certificate took two months").await;
    assert_eq!(status, 201);
    let first = first.unwrap();
    // The first feedback no longer carries the key (as after its day): it merely holds the code.
    let code = first.clone();
    db::run_blocking(&app.pool, move |c| {
        diesel::update(feedback::table.filter(feedback::tracking_code.eq(code)))
            .set((feedback::idempotency_key.eq(None::<String>), feedback::request_hash.eq(None::<String>)))
            .execute(c)
    })
    .await
    .unwrap();

    let (status, second) = send(&app, "k-taken", "The birth certificate took two months").await;
    assert_eq!(status, 201, "the key is free again: a new submission");
    let second = second.unwrap();
    assert_ne!(second, first, "the first code is held by other feedback: the key's next code");
    for _ in 0..2 {
        assert_eq!(send(&app, "k-taken", "The birth certificate took two months").await, (201, Some(second.clone())));
    }
    assert_eq!(send(&app, "k-taken", "Another complaint under the same key").await.0, 409);
    assert_eq!(app.feedback_count().await, 2, "one feedback per submission, none for the retries");
    assert_eq!(app.stored_feedback(&first).await.body, "The birth certificate took two months", "the first stays");
}

#[tokio::test]
async fn a_key_kept_in_the_retired_key_table_is_still_honoured() {
    let app = spawn_app().await;
    let (_, code) = send(&app, "k-new", "The union office asked for a bribe").await;
    let code = code.unwrap();
    // A key stored by the previous release (in the key table) for that feedback, with another request.
    let hashed: String = Sha256::digest(b"api\nk-legacy").iter().map(|b| format!("{b:02x}")).collect();
    let stored = code.clone();
    db::run_blocking(&app.pool, move |c| {
        diesel::insert_into(idempotency_keys::table)
            .values((
                idempotency_keys::key.eq(hashed),
                idempotency_keys::request_hash.eq("a request of the previous release"),
                idempotency_keys::tracking_code.eq(stored),
                idempotency_keys::created_at.eq(Utc::now().naive_utc()),
            ))
            .execute(c)
    })
    .await
    .unwrap();
    assert_eq!(send(&app, "k-legacy", "The union office asked for a bribe").await.0, 409, "the old key is known");
    assert_eq!(app.feedback_count().await, 1, "nothing stored under a known key");
}

#[tokio::test]
async fn each_request_under_a_stored_key_is_answered_for_itself_when_they_arrive_together() {
    let app = spawn_app().await;
    let (status, first) = send(&app, "k-mixed", "The passport office asked for speed money").await;
    assert_eq!(status, 201);
    // Retries of the stored request and a different request under the same key, all at once: the
    // writer takes them in one group, and each gets its own answer.
    let texts = ["A different request", "The passport office asked for speed money"];
    let sends: Vec<_> = (0..8)
        .map(|i| {
            let request = app
                .client
                .post(format!("{}/api/v1/feedback", app.address))
                .header("Idempotency-Key", "k-mixed")
                .json(&body(texts[i % 2]));
            tokio::spawn(async move { request.send().await.unwrap() })
        })
        .collect();
    for (i, sent) in sends.into_iter().enumerate() {
        let r = sent.await.unwrap();
        let status = r.status().as_u16();
        let answer: Value = r.json().await.unwrap();
        if i % 2 == 0 {
            assert_eq!(status, 409, "a different request under a used key: {answer}");
        } else {
            assert_eq!((status, answer["tracking_code"].as_str()), (201, first.as_deref()), "a retry: {answer}");
        }
    }
    assert_eq!(app.feedback_count().await, 1);
}
