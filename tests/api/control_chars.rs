//! A control character in a path or query, or a NUL in a form, is a 400 that changes nothing;
//! a NUL in JSON becomes U+FFFD. On both databases (PostgreSQL cannot store a NUL and used to
//! answer 500).

use serde_json::json;

use crate::helpers::{form_with, spawn_app};
use crate::staff_helpers::PASSWORD;

async fn assert_refused_as_json(response: reqwest::Response) {
    assert_eq!(response.status(), 400);
    let body: serde_json::Value = response.json().await.expect("the JSON error envelope");
    let message = body["errors"][0]["message"].as_str().unwrap_or_default();
    assert!(message.contains("control character"), "{body}");
    assert!(body["errors"][0]["message_bn"].as_str().is_some_and(|m| !m.is_empty()), "{body}");
}

#[tokio::test]
async fn the_api_refuses_control_characters_in_paths_and_queries_and_never_stores_a_nul() {
    let app = spawn_app().await;
    for path in [
        "/api/v1/services?ministry=%00",
        "/api/v1/services?q=birth%00",
        "/api/v1/services/ORGBDR%00-001",
        "/api/v1/services?ministry=LGD%1B",
        "/api/v1/staff/services?ministry=%00",
    ] {
        assert_refused_as_json(app.get(path).await).await;
    }
    // In JSON a NUL becomes U+FFFD, as text cleaning does: the fields then decide.
    let before = app.feedback_count().await;
    let body = json!({ "service_code": "ORGBDR-001\u{0}", "kind": "complaint", "text": "জন্ম নিবন্ধনে তিন সপ্তাহ দেরি", "district": "dhaka" });
    let response = app.post_api_feedback(&body).await;
    assert_eq!(response.status(), 404, "an unknown service, not a database error");
    let envelope: serde_json::Value = response.json().await.unwrap();
    assert!(envelope["errors"][0]["message"].as_str().is_some(), "{envelope}");
    assert_eq!(app.feedback_count().await, before, "nothing was stored");
    let body = json!({ "service_code": "ORGBDR-001", "kind": "complaint", "text": "দেরি\u{0} হচ্ছে তিন সপ্তাহ", "district": "dhaka" });
    let response = app.post_api_feedback(&body).await;
    assert_eq!(response.status(), 201, "the submission is kept");
    let created: serde_json::Value = response.json().await.unwrap();
    let stored = app.stored_feedback(created["tracking_code"].as_str().unwrap()).await;
    assert_eq!(stored.body, "দেরি\u{FFFD} হচ্ছে তিন সপ্তাহ");
}

#[tokio::test]
async fn pages_refuse_control_characters_with_a_page_in_the_visitors_language() {
    let app = spawn_app().await;
    let page = app.get("/services?ministry=%00").await;
    assert_eq!(page.status(), 400);
    assert!(page.headers()["content-type"].to_str().unwrap().starts_with("text/html"));
    assert!(page.text().await.unwrap().contains("অনুরোধটি বোঝা যায়নি"));

    let before = app.feedback_count().await;
    let form = form_with("text", "অফিসে\0 তিনবার যেতে হয়েছে, কেউ কথা শোনে না");
    assert_eq!(app.post_feedback_form("ORGBDR-001", &form).await.status(), 400);
    assert_eq!(app.feedback_count().await, before);

    let (_, email) = app.create_staff("ministry-admin", &["LGD"]).await;
    let (_, response) = app.log_in(&format!("{email}\0"), PASSWORD).await;
    assert_eq!(response.status(), 400, "a NUL in the log-in email");
    let admin = app.staff("ministry-admin", &["LGD"]).await;
    let audit = admin.get("/staff/audit?actor=%00").await;
    assert_eq!(audit.status(), 400, "a NUL in an audit filter");
    assert!(audit.text().await.unwrap().contains("অনুরোধটি বোঝা যায়নি"));
}
