use chrono::{Duration, Utc};
use nagorik::db::{self, api_clients::NewApiClient};
use nagorik::domain::api_key;
use serde_json::Value;

use crate::helpers::{spawn_app, TestApp};

async fn issue_key(app: &TestApp) -> (i64, String) {
    let key = api_key::issue();
    let secret = key.secret.clone();
    let id = db::run_blocking(&app.pool, move |c| {
        let new = NewApiClient {
            name: "Test city app",
            key_prefix: &key.prefix,
            key_hash: &key.hash,
            created_at: Utc::now().naive_utc(),
        };
        db::api_clients::insert(c, &new)
    })
    .await
    .unwrap();
    (id, secret)
}

fn request_form(key: &str) -> Vec<(&'static str, String)> {
    vec![
        ("api_key", key.to_owned()),
        ("service_code", "DIP-001".into()),
        ("description", "Passport office asked for a bribe <script>&</script> call 01711-000000".into()),
        ("attribute[kind]", "complaint".into()),
        ("attribute[district]", "sylhet".into()),
        ("attribute[days]", "৪৫".into()),
        ("attribute[step]", "2".into()),
        ("lat", "24.8949".into()),
        ("long", "91.8687".into()),
        ("email", "citizen@example.com".into()),
        ("first_name", "Rahima".into()),
        ("last_name", "Khatun".into()),
        ("phone", "01811-000000".into()),
    ]
}

async fn post(app: &TestApp, format: &str, form: &[(&str, String)]) -> reqwest::Response {
    app.client.post(format!("{}/open311/v2/requests.{format}", app.address)).form(form).send().await.unwrap()
}

fn assert_no_personal_data(body: &str) {
    for secret in ["citizen@example.com", "Rahima", "Khatun", "1811000000", "01711-000000", "24.8949"] {
        assert!(!body.contains(secret), "{secret} leaked in {body}");
    }
}

#[tokio::test]
async fn an_open311_round_trip_in_json() {
    let app = spawn_app().await;
    let (client_id, key) = issue_key(&app).await;
    let discovery: Value = app.get("/open311/v2/discovery.json").await.json().await.unwrap();
    assert_eq!(discovery["endpoints"][0]["formats"][1], "application/json");
    let services: Value = app.get("/open311/v2/services.json").await.json().await.unwrap();
    let passport = services.as_array().unwrap().iter().find(|s| s["service_code"] == "DIP-001").unwrap();
    assert_eq!((passport["metadata"].as_bool(), passport["type"].as_str()), (Some(true), Some("batch")));
    assert_eq!(passport["group"], "Ministry of Home Affairs");
    let definition: Value = app.get("/open311/v2/services/DIP-001.json").await.json().await.unwrap();
    let attributes = definition["attributes"].as_array().unwrap();
    let district = attributes.iter().find(|a| a["code"] == "district").unwrap();
    assert_eq!(district["datatype"], "singlevaluelist");
    assert_eq!(district["values"].as_array().unwrap().len(), 64);
    for code in ["kind", "days", "cost", "visits", "step"] {
        assert!(attributes.iter().any(|a| a["code"] == code), "{code}");
    }

    let response = post(&app, "json", &request_form(&key)).await;
    assert_eq!(response.status(), 201);
    let created: Value = response.json().await.unwrap();
    let id = created[0]["service_request_id"].as_str().unwrap().to_owned();
    let stored = app.stored_feedback(&id).await;
    assert_eq!((stored.channel.as_str(), stored.api_client_id), ("open311", Some(client_id)));
    assert_eq!((stored.days_taken, stored.lat_e6, stored.district.as_str()), (Some(45), Some(24_894_900), "sylhet"));
    assert_eq!(stored.contact_name.as_deref(), Some("Rahima Khatun"));

    let one = app.get(&format!("/open311/v2/requests/{id}.json")).await.text().await.unwrap();
    assert_no_personal_data(&one);
    let one: Value = serde_json::from_str(&one).unwrap();
    assert_eq!((one[0]["status"].as_str(), one[0]["service_code"].as_str()), (Some("open"), Some("DIP-001")));
    assert!(one[0]["description"].as_str().unwrap().contains("[number]"));
    let listed = app.get("/open311/v2/requests.json?service_code=DIP-001&status=open").await.text().await.unwrap();
    assert_no_personal_data(&listed);
    assert!(listed.contains(&id));
}

#[tokio::test]
async fn an_open311_round_trip_in_xml_is_well_formed_and_escaped() {
    let app = spawn_app().await;
    let (_, key) = issue_key(&app).await;
    for path in ["discovery.xml", "services.xml", "services/ORGBDR-001.xml"] {
        let xml = app.get(&format!("/open311/v2/{path}")).await.text().await.unwrap();
        roxmltree::Document::parse(&xml).unwrap_or_else(|e| panic!("{path}: {e}"));
    }
    let response = post(&app, "xml", &request_form(&key)).await;
    assert_eq!(response.status(), 201);
    assert!(response.headers()["content-type"].to_str().unwrap().starts_with("text/xml"));
    let xml = response.text().await.unwrap();
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let id = doc.descendants().find(|n| n.has_tag_name("service_request_id")).unwrap().text().unwrap().to_owned();
    let read = app.get(&format!("/open311/v2/requests/{id}.xml")).await.text().await.unwrap();
    assert_no_personal_data(&read);
    assert!(read.contains("&lt;script&gt;&amp;&lt;/script&gt;"));
    let doc = roxmltree::Document::parse(&read).unwrap();
    let description = doc.descendants().find(|n| n.has_tag_name("description")).unwrap().text().unwrap();
    assert!(description.contains("<script>&</script>"));
}

async fn error_of(response: reqwest::Response) -> (u16, String) {
    let status = response.status().as_u16();
    let body: Value = response.json().await.unwrap();
    assert_eq!(body[0]["code"].as_i64(), Some(i64::from(status)));
    (status, body[0]["description"].as_str().unwrap().to_owned())
}

#[tokio::test]
async fn bad_missing_and_revoked_keys_are_refused_with_403() {
    let app = spawn_app().await;
    let (client_id, key) = issue_key(&app).await;
    let mut form = request_form(&key);
    form[0].1 = "nk_not_a_real_key".into();
    assert_eq!(error_of(post(&app, "json", &form).await).await.0, 403);
    form.remove(0);
    assert_eq!(error_of(post(&app, "json", &form).await).await.0, 403);
    db::run_blocking(&app.pool, move |c| db::api_clients::revoke(c, client_id)).await.unwrap();
    assert_eq!(error_of(post(&app, "json", &request_form(&key)).await).await.0, 403);
    assert_eq!(app.feedback_count().await, 0);
}

#[tokio::test]
async fn every_error_has_its_code() {
    let app = spawn_app().await;
    let (_, key) = issue_key(&app).await;
    let mut unknown = request_form(&key);
    unknown[1].1 = "NOPE-1".into();
    assert_eq!(error_of(post(&app, "json", &unknown).await).await.0, 404);
    let mut missing = request_form(&key);
    missing.remove(1);
    assert_eq!(error_of(post(&app, "json", &missing).await).await, (400, "service_code was not provided".into()));
    let mut bad = request_form(&key);
    bad[5].1 = "many".into();
    let (status, description) = error_of(post(&app, "json", &bad).await).await;
    assert_eq!((status, description.starts_with("attribute[days]")), (400, true), "{description}");
    let mut bad_place = request_form(&key);
    bad_place.retain(|(k, _)| *k != "long");
    assert_eq!(error_of(post(&app, "json", &bad_place).await).await.0, 400);
    assert_eq!(error_of(app.get("/open311/v2/requests/ABCDEFGHJK.json").await).await.0, 404);
    assert_eq!(error_of(app.get("/open311/v2/services/NOPE.json").await).await.0, 404);
    assert_eq!(error_of(app.get("/open311/v2/requests.json?start_date=yesterday").await).await.0, 400);
    assert_eq!(error_of(app.get("/open311/v2/requests.json?status=pending").await).await.0, 400);
    assert_eq!(error_of(app.get("/open311/v2/requests.json?page_size=5000").await).await.0, 400);
    let xml = app.get("/open311/v2/nothing.xml").await;
    assert_eq!(xml.status(), 404);
    let doc_text = xml.text().await.unwrap();
    let doc = roxmltree::Document::parse(&doc_text).unwrap();
    assert_eq!(doc.root_element().tag_name().name(), "errors");
    assert_eq!(app.feedback_count().await, 0);
}

#[tokio::test]
async fn requests_default_to_the_last_90_days_and_page() {
    let app = spawn_app().await;
    let (_, key) = issue_key(&app).await;
    let mut ids = Vec::new();
    for _ in 0..3 {
        let created: Value = post(&app, "json", &request_form(&key)).await.json().await.unwrap();
        ids.push(created[0]["service_request_id"].as_str().unwrap().to_owned());
    }
    // Age one of them beyond the default window.
    let old = ids[0].clone();
    db::run_blocking(&app.pool, move |c| {
        use diesel::prelude::*;
        use nagorik::db::schema::feedback::dsl::*;
        diesel::update(feedback.filter(tracking_code.eq(old)))
            .set(created_at.eq(Utc::now().naive_utc() - Duration::days(100)))
            .execute(c)
    })
    .await
    .unwrap();
    let recent: Value = app.get("/open311/v2/requests.json").await.json().await.unwrap();
    assert_eq!(recent.as_array().unwrap().len(), 2);
    let page: Value = app.get("/open311/v2/requests.json?page_size=1&page=2").await.json().await.unwrap();
    assert_eq!(page.as_array().unwrap().len(), 1);
    let by_id: Value =
        app.get(&format!("/open311/v2/requests.json?service_request_id={}", ids[0])).await.json().await.unwrap();
    assert_eq!(by_id.as_array().unwrap().len(), 1, "an explicit id ignores the window");
    let closed: Value = app.get("/open311/v2/requests.json?status=closed").await.json().await.unwrap();
    assert!(closed.as_array().unwrap().is_empty());
}
