use serde_json::Value;

use crate::helpers::spawn_app;

#[tokio::test]
async fn services_are_found_by_part_of_a_bangla_name() {
    let app = spawn_app().await;
    let html = app.get("/services?q=নিবন্ধ").await.text().await.unwrap();
    assert!(html.contains("জন্ম নিবন্ধন") && html.contains("মৃত্যু নিবন্ধন"));
    assert!(!html.contains("ই-পাসপোর্ট ইস্যু"));
}

#[tokio::test]
async fn services_are_found_by_english_words_in_any_case() {
    let app = spawn_app().await;
    let html = app.get_in("/services?q=PASS%20issue", "en").await.text().await.unwrap();
    assert!(html.contains("E-passport issue"));
    assert!(html.contains("1 service found"));
    let none = app.get_in("/services?q=%25", "en").await.text().await.unwrap();
    assert!(none.contains("No service matches"), "a % is a character, not a wildcard");
    assert!(!none.contains("0 services found") && !none.contains("class=\"pager\""), "said once, no counter");
}

#[tokio::test]
async fn names_typed_without_spaces_are_found_and_an_empty_result_says_so_once() {
    let app = spawn_app().await;
    for q in ["জন্মনিবন্ধন", "birthregistration", "জন্মনিবন্ধন%20সনদ"]
    {
        let html = app.get(&format!("/services?q={q}")).await.text().await.unwrap();
        if q.contains("সনদ") {
            assert!(!html.contains("জন্ম নিবন্ধন"), "every word must still match");
            assert_eq!(html.matches("কোনো সেবা মেলেনি").count(), 1, "said once");
            assert!(!html.contains("০টি") && !html.contains("class=\"pager\""), "no count of nothing, no pager");
        } else {
            assert!(html.contains("জন্ম নিবন্ধন"), "{q} finds birth registration");
        }
    }
}

#[tokio::test]
async fn names_typed_in_romanised_bangla_are_found() {
    let app = spawn_app().await;
    for q in ["jonmo%20nibondhon", "Jonmo%20Nibondon", "jonmonibondhon", "nibondhon%20jonmo"] {
        let html = app.get(&format!("/services?q={q}")).await.text().await.unwrap();
        assert!(html.contains("জন্ম নিবন্ধন"), "{q} finds birth registration");
        assert!(!html.contains("ই-পাসপোর্ট ইস্যু"), "{q} finds nothing else");
    }
    let both = app.get("/services?q=nibondhon").await.text().await.unwrap();
    assert!(both.contains("জন্ম নিবন্ধন") && both.contains("মৃত্যু নিবন্ধন"));
    let passport = app.get("/services?q=pasport").await.text().await.unwrap();
    assert!(passport.contains("ই-পাসপোর্ট ইস্যু"), "a misspelt English or romanised word");
    // Common English words for what the charter names otherwise.
    let certificate: Value = app.get("/api/v1/services?q=Birth%20certificate").await.json().await.unwrap();
    assert_eq!(certificate["items"][0]["code"], "ORGBDR-001", "{certificate}");
    assert_eq!(certificate["total"], 1);
    let api: Value = app.get("/api/v1/services?q=jonmo%20nibondhon").await.json().await.unwrap();
    assert_eq!(api["items"][0]["code"], "ORGBDR-001", "{api}");
    assert_eq!(api["total"], 1);
}

#[tokio::test]
async fn browsing_a_ministry_lists_its_services() {
    let app = spawn_app().await;
    let html = app.get_in("/services?ministry=MOL", "en").await.text().await.unwrap();
    assert!(html.contains("Ministry of Land"));
    assert!(html.contains("Land mutation") && html.contains("Land development tax payment"));
    assert!(!html.contains("Birth registration"));
    assert_eq!(app.get("/services?ministry=NOPE").await.status(), 404);
}

#[tokio::test]
async fn the_api_pages_services_in_a_stable_order() {
    let app = spawn_app().await;
    let page = |n: u32| {
        let app = &app;
        async move {
            let body: Value = app.get(&format!("/api/v1/services?per_page=4&page={n}")).await.json().await.unwrap();
            body
        }
    };
    let first = page(1).await;
    let second = page(2).await;
    assert_eq!(first["total"], 6);
    let codes: Vec<String> = first["items"]
        .as_array()
        .unwrap()
        .iter()
        .chain(second["items"].as_array().unwrap())
        .map(|s| s["code"].as_str().unwrap().to_owned())
        .collect();
    let mut sorted = codes.clone();
    sorted.sort();
    assert_eq!(codes, sorted);
    assert_eq!(codes.len(), 6);
}

#[tokio::test]
async fn the_api_searches_and_filters_by_ministry() {
    let app = spawn_app().await;
    let body: Value = app.get("/api/v1/services?q=নামজারি").await.json().await.unwrap();
    assert_eq!(body["items"][0]["code"], "ACLAND-001");
    let body: Value = app.get("/api/v1/services?ministry=lgd").await.json().await.unwrap();
    assert_eq!(body["total"], 2);
    let response = app.get("/api/v1/services?page=0").await;
    assert_eq!(response.status(), 422);
    let ministries: Value = app.get("/api/v1/ministries").await.json().await.unwrap();
    assert_eq!(ministries["items"].as_array().unwrap().len(), 3);
}

#[tokio::test]
async fn search_keys_written_by_older_rules_are_brought_up_to_date_on_start() {
    use diesel::prelude::*;
    use nagorik::db::{self, schema::services};
    let app = spawn_app().await;
    let refreshed = db::run_blocking(&app.pool, |c| -> anyhow::Result<usize> {
        diesel::update(services::table.filter(services::code.eq("ORGBDR-001")))
            .set(services::search_text.eq("জন্ম নিবন্ধন birth registration orgbdr-001"))
            .execute(c)?;
        nagorik::upgrade::migrate(c)?;
        Ok(db::services::refresh_search_text(c)?)
    })
    .await
    .unwrap();
    assert_eq!(refreshed, 0, "the start already did it, and a second run changes nothing");
    let html = app.get("/services?q=jonmo").await.text().await.unwrap();
    assert!(html.contains("জন্ম নিবন্ধন"));
}

#[tokio::test]
async fn the_home_page_lists_the_services_people_use_most_first() {
    let app = spawn_app().await;
    let html = app.get("/").await.text().await.unwrap();
    let popular = &html[html.find("class=\"popular\"").expect("the list")..];
    let popular = &popular[..popular.find("</ul>").unwrap()];
    let birth = popular.find("href=\"/services/ORGBDR-001\"").expect("birth registration");
    let mutation = popular.find("href=\"/services/ACLAND-001\"").expect("land mutation");
    let passport = popular.find("href=\"/services/DIP-001\"").expect("passport");
    assert!(birth < mutation && mutation < passport, "most applications first");
    assert!(html.contains("মানুষ সবচেয়ে বেশি যে সেবাগুলো নেন"));
    let english = app.get_in("/", "en").await.text().await.unwrap();
    assert!(english.contains("Services people use most") && english.contains(">Birth registration</a>"));
}

#[tokio::test]
async fn a_services_other_names_from_the_catalogue_find_it() {
    let app = spawn_app().await;
    for q in ["mrittu%20sonod", "মৃত্যু%20সনদ", "mritto%20sonod", "death%20certificate"] {
        let html = app.get(&format!("/services?q={q}")).await.text().await.unwrap();
        assert!(html.contains("মৃত্যু নিবন্ধন"), "{q} finds death registration by its other names");
        assert!(!html.contains("জন্ম নিবন্ধন"), "{q} finds nothing else");
    }
    let api: Value = app.get("/api/v1/services?q=MRP").await.json().await.unwrap();
    assert_eq!(api["items"][0]["code"], "DIP-001", "{api}");
    assert_eq!(api["total"], 1);
}

#[tokio::test]
async fn similar_feedback_refuses_a_text_over_the_limit_with_both_lengths_in_the_envelope() {
    let app = spawn_app().await;
    let url = format!("{}/api/v1/services/DIP-001/similar", app.address);
    let long = "ক".repeat(4_001);
    let response = app.client.post(&url).json(&serde_json::json!({ "text": long })).send().await.unwrap();
    assert_eq!(response.status(), 422);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["errors"][0]["field"], "text", "{body}");
    let message = body["errors"][0]["message"].as_str().unwrap_or_default();
    assert!(message.contains("4000") && message.contains("4001"), "the limit and what was sent: {body}");
    let fine = app.client.post(&url).json(&serde_json::json!({ "text": "ক".repeat(4_000) })).send().await.unwrap();
    assert_eq!(fine.status(), 200);
}
