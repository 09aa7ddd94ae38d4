//! The design brief of a backlog item: today's journey built from feedback tied to the
//! charter's steps (hand-computed medians), on the page and as JSON, for those who may read it.

use serde_json::{json, Value};

use crate::helpers::TestApp;

/// Birth registration's second step in the test catalogue.
const STEP_2: &str = "ইউনিয়ন পরিষদে কাগজ জমা (Submit papers at the union parishad)";

pub async fn submit(app: &TestApp, text: &str, step: Option<i64>, tcv: (Option<i64>, Option<i64>, Option<i64>)) {
    let mut body = json!({ "service_code": "ORGBDR-001", "kind": "complaint", "text": text, "district": "dhaka",
                           "days": tcv.0, "cost": tcv.1, "visits": tcv.2, "email": "rahim@example.com" });
    if let Some(step) = step {
        body["step"] = json!(step);
    }
    let response = app.post_api_feedback(&body).await;
    assert_eq!(response.status(), 201, "{}", response.text().await.unwrap());
}

/// Five feedback: three at step 2, one at step 1, one at no step.
pub async fn journey_feedback(app: &TestApp) {
    submit(app, "ইউনিয়ন পরিষদে কাগজ জমা দিতে গিয়ে দশ দিন ঘুরেছি, সচিব নেই", Some(2), (Some(10), Some(200), Some(3))).await;
    submit(
        app,
        "Union parishad asked for the vaccination card again although I had given it",
        Some(2),
        (Some(30), None, Some(5)),
    )
    .await;
    submit(app, "কাগজ জমার সময় টাকা চাইলো, না দিলে ফাইল নড়ে না, বিশ দিন লাগলো", Some(2), (Some(20), Some(600), Some(4))).await;
    submit(app, "অনলাইনে আবেদনের ওয়েবসাইট বারবার বন্ধ হয়ে যায়, পাঁচ দিন চেষ্টা করেছি", Some(1), (Some(5), None, None)).await;
    submit(app, "পুরো কাজটা শেষ হতে একশো দিন লেগেছে, কেউ কিছু বলে না", None, (Some(100), None, None)).await;
}

#[tokio::test]
async fn the_journey_follows_the_charter_steps_with_each_steps_medians_and_no_personal_data() {
    let (_app, designer, item) = crate::brief_design::setup().await;

    let response = designer.get(&format!("/api/v1/staff/backlog/items/{item}/brief")).await;
    assert_eq!(response.status(), 200);
    let text = response.text().await.unwrap();
    assert!(!text.contains("rahim@example.com"), "no contact details: {text}");
    let brief: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(brief["service_code"], "ORGBDR-001");
    let j = &brief["journey"];
    let steps: Vec<(i64, i64)> = j["steps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| (s["number"].as_i64().unwrap(), s["feedback"].as_i64().unwrap()))
        .collect();
    assert_eq!(steps, [(1, 1), (2, 3), (3, 0)], "every charter step, in order");
    let s2 = &j["steps"][1];
    assert_eq!(s2["step"], STEP_2);
    // Days 10, 20, 30: 20. Cost 200, 600: the lower median, 200. Visits 3, 4, 5: 4.
    assert_eq!(s2["days"], json!({ "median": 20, "answers": 3 }));
    assert_eq!(s2["cost"], json!({ "median": 200, "answers": 2 }));
    assert_eq!(s2["visits"], json!({ "median": 4, "answers": 3 }));
    assert_eq!(s2["voices"], 3);
    assert_eq!(s2["quotes"].as_array().unwrap().len(), 3);
    assert!(s2["themes"].as_array().unwrap().iter().all(|t| t["voices"].as_i64().unwrap() >= 1));
    assert_eq!(j["steps"][2]["days"], json!({ "median": null, "answers": 0 }));
    assert_eq!(j["unstepped"]["feedback"], 1);
    assert_eq!(j["unstepped"]["days"], json!({ "median": 100, "answers": 1 }));
    // Days 5, 10, 20, 30, 100: 20.
    assert_eq!(j["overall"]["days"], json!({ "median": 20, "answers": 5 }));
    let documents: Vec<(&str, i64)> = j["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["name"].as_str().unwrap(), d["voices"].as_i64().unwrap()))
        .collect();
    assert_eq!(documents, [("টিকা কার্ড (Vaccination card)", 1), ("পিতা-মাতার এনআইডি (Parents' NID)", 0)]);

    // The page says the same in Bangla, linked from the item page.
    let item_page = designer.page(&format!("/staff/backlog/items/{item}"), 200).await;
    assert!(item_page.contains(&format!("href=\"/staff/backlog/items/{item}/brief\"")));
    let page = designer.page(&format!("/staff/backlog/items/{item}/brief"), 200).await;
    assert!(page.contains(&format!("ধাপ ২: {STEP_2}")), "{page}");
    assert!(page.contains("২০<br><span class=\"meta\">৩টি উত্তর*</span>"), "{page}");
    assert!(page.contains("* ১০টির কম উত্তর: মাপ নয়, মোটামুটি ধারণা।"), "one note for the few answers");
    assert!(page.contains("কোনো নাগরিক এখনো এই ধাপের সঙ্গে মতামত যুক্ত করেননি"), "step 3: nobody yet");
    assert!(page.contains("নাগরিক সনদের প্রতিশ্রুতি: ৭ দিন; ফি ৫০ টাকা।"), "{page}");
    assert!(!page.contains("rahim@example.com"));
}

#[tokio::test]
async fn the_brief_is_read_by_its_ministry_and_the_cabinet_and_no_one_else() {
    let (app, designer, item) = crate::brief_design::setup().await;
    let (page, api) =
        (format!("/staff/backlog/items/{item}/brief"), format!("/api/v1/staff/backlog/items/{item}/brief"));
    let cabinet = app.staff("cabinet-admin", &[]).await;
    assert_eq!(cabinet.get(&page).await.status(), 200);
    assert_eq!(cabinet.get(&api).await.status(), 200);
    let stranger = app.staff("designer", &["MOHA"]).await;
    assert_eq!(stranger.get(&page).await.status(), 404);
    assert_eq!(stranger.get(&api).await.status(), 404);
    let api_missing = designer.get("/api/v1/staff/backlog/items/999999/brief").await;
    assert_eq!(api_missing.status(), 404);
    assert!(api_missing.json::<Value>().await.unwrap()["errors"].is_array(), "the JSON error envelope");
    let anonymous = app.client.get(format!("{}{api}", app.address)).send().await.unwrap();
    assert_eq!(anonymous.status(), 401);
}
