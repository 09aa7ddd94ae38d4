use serde_json::{json, Value};

use crate::helpers::spawn_app;

fn valid() -> Value {
    json!({
        "service_code": "DIP-001",
        "kind": "complaint",
        "text": "Passport took three months and two visits to the regional office",
        "district": "chattogram",
        "days": 90,
        "cost": 6000,
        "visits": 2,
        "step": 3,
        "email": "karim@example.com",
        "consent": true
    })
}

async fn errors_of(response: reqwest::Response) -> Vec<(String, String)> {
    let body: Value = response.json().await.unwrap();
    body["errors"]
        .as_array()
        .expect("error envelope")
        .iter()
        .map(|e| (e["field"].as_str().unwrap_or("").to_owned(), e["code"].as_str().unwrap().to_owned()))
        .collect()
}

#[tokio::test]
async fn valid_feedback_is_created_with_a_tracking_code_and_status_url() {
    let app = spawn_app().await;
    let response = app.post_api_feedback(&valid()).await;
    assert_eq!(response.status(), 201);
    let location = response.headers()["location"].to_str().unwrap().to_owned();
    let body: Value = response.json().await.unwrap();
    let code = body["tracking_code"].as_str().unwrap().to_owned();
    assert_eq!(location, format!("/api/v1/feedback/{code}"));
    assert_eq!(body["status_url"], location);
    let stored = app.stored_feedback(&code).await;
    assert_eq!((stored.channel.as_str(), stored.days_taken, stored.visits), ("api", Some(90), Some(2)));
    assert_eq!(stored.charter_step.as_deref(), Some("বায়োমেট্রিক তথ্য প্রদান (Give biometrics)"));
    assert!(stored.consent_updates);

    let status: Value = app.get(&location).await.json().await.unwrap();
    assert_eq!(status["service_code"], "DIP-001");
    assert_eq!(status["status"], "received");
    let text = status.to_string();
    assert!(!text.contains("karim"), "no personal data in the status: {text}");
    assert!(!text.contains("three months"), "no feedback text in the status");
}

#[tokio::test]
async fn every_invalid_field_is_named_in_the_error_envelope() {
    let app = spawn_app().await;
    let body = json!({"service_code": "DIP-001", "kind": "praise", "text": "short", "days": -1, "district": "mars",
                      "email": "nope", "phone": "123", "visits": {"a": 1}, "cost": 1.5});
    let response = app.post_api_feedback(&body).await;
    assert_eq!(response.status(), 422);
    let errors = errors_of(response).await;
    let fields: Vec<&str> = errors.iter().map(|e| e.0.as_str()).collect();
    for field in ["kind", "text", "days", "district", "email", "phone", "visits", "cost"] {
        assert!(fields.contains(&field), "{field} missing from {errors:?}");
    }
    assert!(errors.contains(&("visits".into(), "wrong-type".into())));
    assert_eq!(app.feedback_count().await, 0);
}

#[tokio::test]
async fn consent_without_email_is_refused() {
    let app = spawn_app().await;
    let mut body = valid();
    body["email"] = json!("");
    let response = app.post_api_feedback(&body).await;
    assert_eq!(response.status(), 422);
    assert_eq!(errors_of(response).await, vec![("email".into(), "consent-needs-email".into())]);
}

#[tokio::test]
async fn an_unknown_service_or_step_is_a_404_naming_the_field() {
    let app = spawn_app().await;
    let mut body = valid();
    body["service_code"] = json!("NOPE-404");
    let response = app.post_api_feedback(&body).await;
    assert_eq!(response.status(), 404);
    assert_eq!(errors_of(response).await, vec![("service_code".into(), "service-unknown".into())]);
    let mut body = valid();
    body["step"] = json!(9);
    let response = app.post_api_feedback(&body).await;
    assert_eq!(response.status(), 404);
    assert_eq!(errors_of(response).await, vec![("step".into(), "step-unknown".into())]);
    assert_eq!(app.feedback_count().await, 0);
}

#[tokio::test]
async fn a_missing_service_code_is_a_422() {
    let app = spawn_app().await;
    let mut body = valid();
    body.as_object_mut().unwrap().remove("service_code");
    let response = app.post_api_feedback(&body).await;
    assert_eq!(response.status(), 422);
    assert_eq!(errors_of(response).await, vec![("service_code".into(), "service-required".into())]);
}

#[tokio::test]
async fn the_api_takes_exactly_the_described_types() {
    let app = spawn_app().await;
    let mut body = valid();
    body["days"] = json!("90");
    body["district"] = json!("Chattogram");
    body["phone"] = json!("01711-000000");
    body["consent"] = json!("yes");
    let response = app.post_api_feedback(&body).await;
    assert_eq!(response.status(), 422);
    let errors = errors_of(response).await;
    assert!(errors.contains(&("days".into(), "wrong-type".into())), "{errors:?}");
    assert!(errors.contains(&("district".into(), "district-unknown".into())), "{errors:?}");
    assert!(errors.contains(&("phone".into(), "phone-invalid".into())), "{errors:?}");
    assert!(errors.contains(&("consent".into(), "wrong-type".into())), "{errors:?}");
    assert_eq!(app.feedback_count().await, 0);
}

#[tokio::test]
async fn the_openapi_description_is_served_with_its_docs() {
    let app = spawn_app().await;
    let doc: Value = app.get("/api/openapi.json").await.json().await.unwrap();
    assert!(doc["openapi"].as_str().unwrap().starts_with("3.1"));
    assert!(doc["paths"]["/api/v1/feedback"]["post"].is_object());
    let docs = app.get("/api/docs/").await;
    assert_eq!(docs.status(), 200);
    let html = docs.text().await.unwrap();
    assert!(html.contains("swagger") && !html.contains("https://"), "served from Nagorik itself");
}

#[tokio::test]
async fn the_api_docs_carry_a_content_security_policy_their_files_satisfy() {
    let app = spawn_app().await;
    let docs = app.get("/api/docs/").await;
    assert_eq!(docs.status(), 200);
    let policy = docs.headers()["content-security-policy"].to_str().unwrap().to_owned();
    for directive in ["default-src 'none'", "script-src 'self'", "style-src 'self'", "frame-ancestors 'none'"] {
        assert!(policy.contains(directive), "{directive} missing from {policy}");
    }
    assert!(!policy.contains("unsafe"), "{policy}");
    let html = docs.text().await.unwrap();
    // Every script and style is a file of this site: no inline code or style attribute.
    assert!(!html.contains("<style") && !html.contains("style="), "inline style in {html}");
    for script in html.split("<script").skip(1) {
        let (tag, rest) = script.split_once('>').unwrap();
        assert!(tag.contains("src=\"./"), "an inline or outside script: {tag}");
        assert!(rest.trim_start().starts_with("</script>"), "inline code: {rest}");
    }
    for file in ["swagger-ui-bundle.js", "swagger-initializer.js", "swagger-ui.css"] {
        let response = app.get(&format!("/api/docs/{file}")).await;
        assert_eq!(response.status(), 200, "{file}");
        assert!(response.headers().contains_key("content-security-policy"), "{file}");
    }
    let initializer = app.get("/api/docs/swagger-initializer.js").await.text().await.unwrap();
    assert!(initializer.contains("/api/openapi.json") && !initializer.contains("https://"), "{initializer}");
}

#[tokio::test]
async fn malformed_json_is_a_400_with_the_envelope() {
    let app = spawn_app().await;
    let response = app
        .client
        .post(format!("{}/api/v1/feedback", app.address))
        .header("Content-Type", "application/json")
        .body("{\"kind\": ")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 400);
    assert_eq!(errors_of(response).await[0].1, "bad-request");
}

#[tokio::test]
async fn a_wrong_content_type_is_a_415() {
    let app = spawn_app().await;
    let response = app
        .client
        .post(format!("{}/api/v1/feedback", app.address))
        .header("Content-Type", "text/plain")
        .body(valid().to_string())
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 415);
    assert_eq!(errors_of(response).await[0].1, "unsupported-media-type");
}

#[tokio::test]
async fn a_body_over_64_kib_is_a_413() {
    let app = spawn_app().await;
    let mut body = valid();
    body["text"] = json!("x".repeat(70 * 1024));
    let response = app.post_api_feedback(&body).await;
    assert_eq!(response.status(), 413);
    assert_eq!(errors_of(response).await[0].1, "payload-too-large");
    assert_eq!(app.feedback_count().await, 0);
}

#[tokio::test]
async fn a_json_string_instead_of_an_object_is_a_400_not_a_500() {
    let app = spawn_app().await;
    let response = app.post_api_feedback(&json!("feedback")).await;
    assert_eq!(response.status(), 400);
    assert_eq!(errors_of(response).await[0].1, "bad-request");
}

#[tokio::test]
async fn unknown_api_paths_and_codes_are_404_in_the_envelope() {
    let app = spawn_app().await;
    for path in ["/api/v1/nothing-here", "/api/v1/feedback/ABCDEFGHJK", "/api/v1/feedback/bad", "/api/v1/services/NOPE"]
    {
        let response = app.get(path).await;
        assert_eq!(response.status(), 404, "{path}");
        assert_eq!(errors_of(response).await[0].1, "not-found", "{path}");
    }
}

#[tokio::test]
async fn a_wrong_method_is_answered_in_the_envelope() {
    let app = spawn_app().await;
    let response = app.client.delete(format!("{}/api/v1/feedback", app.address)).send().await.unwrap();
    assert!(response.status().is_client_error());
    assert!(response.headers()["content-type"].to_str().unwrap().starts_with("application/json"));
}
