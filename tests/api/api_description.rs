//! What the OpenAPI description promises about the staff API and Open311, and the answers the
//! fuzzer found wrong: every method a path does not take gets 405 with `Allow`, whole numbers
//! written `5.0` are whole numbers, feedback of another service is a field error, and Open311
//! keeps its own error list for control characters, blank filters and POSTs to read-only resources.

use reqwest::Method;
use serde_json::json;

use crate::helpers::spawn_app;

#[tokio::test]
async fn the_description_names_every_staff_and_open311_operation_and_the_bearer_scheme() {
    let app = spawn_app().await;
    let doc: serde_json::Value = app.get("/api/openapi.json").await.json().await.unwrap();
    for (path, method) in [
        ("/api/v1/staff/services", "get"),
        ("/api/v1/staff/services/{code}/stats", "get"),
        ("/api/v1/staff/services/{code}/themes", "get"),
        ("/api/v1/staff/themes/{id}", "post"),
        ("/api/v1/staff/themes/{id}/merge", "post"),
        ("/api/v1/staff/themes/{id}/split", "post"),
        ("/open311/v2/services.json", "get"),
        ("/open311/v2/services/{service_code}.json", "get"),
        ("/open311/v2/requests.json", "post"),
        ("/open311/v2/requests/{service_request_id}.json", "get"),
        ("/health/ready", "get"),
        ("/health/live", "get"),
    ] {
        assert!(doc["paths"][path][method].is_object(), "{method} {path}");
    }
    assert_eq!(doc["components"]["securitySchemes"]["bearer"]["scheme"], "bearer");
    assert_eq!(doc["paths"]["/api/v1/staff/themes/{id}"]["post"]["security"][0]["bearer"], json!([]));
    let link = &doc["paths"]["/api/v1/feedback"]["post"]["responses"]["201"]["links"]["GetFeedbackStatus"];
    assert_eq!(link["operationId"], "get_feedback_status");
}

#[tokio::test]
async fn methods_a_path_does_not_take_get_405_with_allow() {
    let app = spawn_app().await;
    let designer = app.staff("designer", &["LGD"]).await;
    let client = reqwest::Client::new();
    for (method, path, allow) in [
        (Method::TRACE, "/api/v1/staff/services", "GET, HEAD"),
        (Method::DELETE, "/api/v1/staff/themes/1/merge", "POST"),
    ] {
        let url = format!("{}{path}", app.address);
        let r =
            designer.client.request(method.clone(), url).header("X-CSRF-Token", &designer.csrf).send().await.unwrap();
        assert_eq!(r.status(), 405, "{method} {path}");
        assert_eq!(r.headers()["allow"], allow, "{method} {path}");
    }
    for path in ["/health", "/health/live"] {
        let r = client.request(Method::TRACE, format!("{}{path}", app.address)).send().await.unwrap();
        assert_eq!((r.status().as_u16(), r.headers()["allow"].to_str().unwrap()), (405, "GET, HEAD"), "{path}");
    }
    for (method, path, allow) in [
        (Method::POST, "/open311/v2/services.json", "GET"),
        (Method::OPTIONS, "/open311/v2/discovery.json", "GET"),
        (Method::DELETE, "/open311/v2/requests.json", "GET, POST"),
        (Method::PUT, "/open311/v2/services/ORGBDR-001.json", "GET"),
    ] {
        let r = client.request(method.clone(), format!("{}{path}", app.address)).send().await.unwrap();
        assert_eq!(r.status(), 405, "{method} {path}");
        assert_eq!(r.headers()["allow"], allow, "{method} {path}");
        let body: serde_json::Value = r.json().await.unwrap();
        assert_eq!(body[0]["code"], 405, "the specification's error list");
    }
}

#[tokio::test]
async fn staff_bodies_take_whole_numbers_written_as_decimals_and_name_the_wrong_feedback() {
    let app = spawn_app().await;
    let designer = app.staff("designer", &["MOHA"]).await;
    let a = app.submit_text("DIP-001", "দালাল ছাড়া পাসপোর্ট হয় না, ঘুষ দিতে হয়েছে পাঁচ হাজার টাকা").await;
    let b = app.submit_text("DIP-001", "পাসপোর্ট পেতে চার মাস দেরি হয়েছে, এত সময় লাগে কেন").await;
    let other = app.submit_text("ORGBDR-001", "জন্ম নিবন্ধনের জন্য তিনবার ইউনিয়ন পরিষদে যেতে হয়েছে").await;
    let (from, into) = (a.theme_id.unwrap(), b.theme_id.unwrap());
    assert_ne!(from, into);
    let post = |path: String, body: serde_json::Value| {
        designer.client.post(format!("{}{path}", app.address)).header("X-CSRF-Token", &designer.csrf).json(&body).send()
    };
    let split = post(
        format!("/api/v1/staff/themes/{from}/split"),
        json!({ "feedback_ids": [other.id as f64], "into": into as f64 }),
    );
    let refused = split.await.unwrap();
    assert_eq!(refused.status(), 422, "feedback of another service is a field error");
    let body: serde_json::Value = refused.json().await.unwrap();
    assert_eq!(body["errors"][0]["field"], "feedback");
    let fraction =
        post(format!("/api/v1/staff/themes/{from}/merge"), json!({ "into": into as f64 + 0.5 })).await.unwrap();
    assert_eq!(fraction.status(), 400);
    let merged = post(format!("/api/v1/staff/themes/{from}/merge"), json!({ "into": into as f64 })).await.unwrap();
    assert_eq!(merged.status(), 200, "5.0 is the whole number 5");
    assert_eq!(app.reload(a.id).await.theme_id, Some(into));
}

#[tokio::test]
async fn open311_answers_control_characters_and_blank_filters_in_its_own_format() {
    let app = spawn_app().await;
    app.submit_text("ORGBDR-001", "জন্ম নিবন্ধনের জন্য তিনবার ইউনিয়ন পরিষদে যেতে হয়েছে").await;
    let refused = app.get("/open311/v2/services/ORG%00BDR.json").await;
    assert_eq!(refused.status(), 400);
    let body: serde_json::Value = refused.json().await.unwrap();
    assert_eq!(body[0]["code"], 400);
    let xml = app.get("/open311/v2/requests/AB%01CD.xml").await;
    assert_eq!(xml.status(), 400);
    assert!(xml.text().await.unwrap().contains("<errors>"));
    let blank = app.get("/open311/v2/requests.json?page=&page_size=&start_date=&status=").await;
    assert_eq!(blank.status(), 200, "blank filters are filters not given");
    let list: serde_json::Value = blank.json().await.unwrap();
    assert_eq!(list.as_array().unwrap().len(), 1);
}
