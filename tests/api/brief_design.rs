//! The design a designer writes into the brief: the to-be journey with its targets and yearly
//! savings against today's burden (hand-computed), decisions on what citizens want, versions
//! (audited, compared, named by quarterly reviews), a save over a newer version refused with
//! nothing lost, and bad input refused in the page's language with nothing saved.

use nagorik::domain::digits::lakh_crore;
use nagorik::domain::Locale;
use serde_json::{json, Value};

use crate::brief::journey_feedback;
use crate::helpers::{spawn_app, TestApp};
use crate::staff_helpers::StaffClient;

/// Applications a year of birth registration in the test catalogue.
const YEARLY: i64 = 3_500_000;

/// Two steps: online (0 days, 50 taka, no visit) and at a union digital centre (`days`, 20
/// taka, one visit), written with Bangla and ASCII digits.
pub fn two_steps(base: &str, days: &str) -> Vec<(String, String)> {
    [
        ("base_version", base),
        ("step-1-name_bn", "অনলাইনে আবেদন"),
        ("step-1-name_en", "Apply online"),
        ("step-1-channel", "online"),
        ("step-1-days", "০"),
        ("step-1-cost", "৫০"),
        ("step-1-visits", ""),
        ("step-2-name_bn", "ইউডিসিতে আঙুলের ছাপ"),
        ("step-2-name_en", "Fingerprints at the UDC"),
        ("step-2-channel", "union-digital-centre"),
        ("step-2-documents", "টিকা কার্ড"),
        ("step-2-days", days),
        ("step-2-cost", "20"),
        ("step-2-visits", "1"),
        ("step-3-name_bn", ""),
    ]
    .iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect()
}

pub async fn save(staff: &StaffClient, item: i64, form: &[(String, String)]) -> reqwest::Response {
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    staff.post(&format!("/staff/backlog/items/{item}/brief"), &form).await
}

async fn brief(staff: &StaffClient, item: i64) -> Value {
    staff.get(&format!("/api/v1/staff/backlog/items/{item}/brief")).await.json().await.unwrap()
}

/// Today's cost of one application as the score reads it: the service's medians at the rates.
async fn today_per_application(staff: &StaffClient) -> i64 {
    let stats: Value = staff.get("/api/v1/staff/services/ORGBDR-001/stats").await.json().await.unwrap();
    let median = |name: &str| {
        stats["stats"]["tcv"].as_array().unwrap().iter().find(|m| m["name"] == name).unwrap()["median"]
            .as_i64()
            .unwrap()
    };
    median("days") * 100 + median("cost") + median("visits") * 400
}

pub async fn setup() -> (TestApp, StaffClient, i64) {
    let app = spawn_app().await;
    journey_feedback(&app).await;
    let designer = app.staff("designer", &["LGD"]).await;
    let item = designer.promote(&app, "ORGBDR-001", "জন্ম নিবন্ধনে দেরি").await;
    (app, designer, item)
}

#[tokio::test]
async fn the_design_is_saved_as_versions_with_its_targets_and_savings_beside_todays_burden() {
    let (app, designer, item) = setup().await;
    let saved = save(&designer, item, &two_steps("0", "3")).await;
    assert_eq!(saved.status(), 303);
    assert!(saved.headers()["location"].to_str().unwrap().contains("done=saved"));

    let b = brief(&designer, item).await;
    assert_eq!(b["design"]["version"], 1);
    assert_eq!(b["design"]["steps"][1]["channel"], "union-digital-centre");
    assert_eq!(b["design"]["steps"][1]["documents"], "টিকা কার্ড");
    // Target: 3 days, 50 + 20 taka, 1 visit = 300 + 70 + 400 = 770 taka; 4 hours.
    let f = &b["figures"];
    assert_eq!(
        (&f["target"]["days"], &f["target"]["cost"], &f["target"]["visits"]),
        (&json!(3), &json!(70), &json!(1))
    );
    assert_eq!(f["target"]["burden"]["per_application_bdt"], 770);
    assert_eq!(f["target"]["burden"]["yearly_bdt"], 770 * YEARLY);
    let today = today_per_application(&designer).await;
    assert_eq!(f["today"]["per_application_bdt"], today);
    assert_eq!(f["savings"]["per_application_bdt"], today - 770);
    assert_eq!(f["savings"]["yearly_bdt"], (today - 770) * YEARLY);
    assert_eq!(f["yearly_applications"], YEARLY);

    let page = designer.page(&format!("/staff/backlog/items/{item}/brief?done=saved"), 200).await;
    assert!(page.contains("নকশা নতুন সংস্করণ হিসেবে সংরক্ষিত হয়েছে।"), "the banner");
    let saves = format!(
        "সাশ্রয়: প্রতি আবেদনে {} টাকা, বছরে {} টাকা",
        lakh_crore(today - 770, Locale::Bn),
        lakh_crore((today - 770) * YEARLY, Locale::Bn)
    );
    assert!(page.contains(&saves), "{saves} in {page}");
    assert!(page.contains("ইউনিয়ন ডিজিটাল সেন্টারে"), "the channel in words");
    // Beside the score's burden on the item page.
    let item_page = designer.page(&format!("/staff/backlog/items/{item}"), 200).await;
    let beside = item_page.split("id=\"brief-savings\"").nth(1).expect("the design's savings on the item page");
    assert!(beside.contains(&format!("বছরে {} টাকা সাশ্রয়", lakh_crore((today - 770) * YEARLY, Locale::Bn))), "{beside}");

    // A change is version 2; saving it again changes nothing.
    assert_eq!(save(&designer, item, &two_steps("1", "২")).await.status(), 303);
    let unchanged = save(&designer, item, &two_steps("2", "2")).await;
    assert!(unchanged.headers()["location"].to_str().unwrap().contains("done=unchanged"));
    assert_eq!(brief(&designer, item).await["design"]["version"], 2);
    let versions = designer.page(&format!("/staff/backlog/items/{item}/brief/versions"), 200).await;
    assert!(
        versions.contains("id=\"version-2\"")
            && versions.contains("id=\"version-1\"")
            && !versions.contains("id=\"version-3\"")
    );
    assert!(versions.contains("ধাপ ২-এ বদলেছে: লক্ষ্য দিন"), "what changed, in words: {versions}");
    let compared = designer.page(&format!("/staff/backlog/items/{item}/brief/versions?from=0&to=2"), 200).await;
    assert!(compared.contains("ধাপ ১ যোগ হয়েছে: অনলাইনে আবেদন") && compared.contains("ধাপ ২ যোগ হয়েছে"), "{compared}");
    assert_eq!(designer.get(&format!("/staff/backlog/items/{item}/brief/versions?from=1&to=9")).await.status(), 404);
    let audited = app.audit_entries().await.into_iter().filter(|e| e.action == "backlog.brief").count();
    assert_eq!(audited, 2, "every version is audited, the unchanged save is not");

    // A quarterly review names the version it reviewed.
    let status = app.backlog_status(item).await;
    let admin = app.staff("ministry-admin", &["LGD"]).await;
    let review = admin
        .post(
            &format!("/staff/backlog/items/{item}/reviews"),
            &[("progress", "নকশা চূড়ান্ত"), ("status", &status), ("next_step", "পাইলট")],
        )
        .await;
    assert_eq!(review.status(), 303);
    let item_page = designer.page(&format!("/staff/backlog/items/{item}"), 200).await;
    assert!(item_page.contains("পর্যালোচিত নকশা: সংস্করণ ২"), "{item_page}");
}

#[tokio::test]
async fn a_save_over_a_version_saved_since_is_refused_with_what_was_typed_kept() {
    let (app, designer, item) = setup().await;
    let colleague = app.staff("ministry-admin", &["LGD"]).await;
    // Both open version 0; the designer saves first.
    assert_eq!(save(&designer, item, &two_steps("0", "3")).await.status(), 303);
    // The colleague's save with a mistake is refused for the mistake, and still goes over version
    // 0: correcting it does not overwrite the designer's version unseen.
    let typo = save(&colleague, item, &two_steps("0", "-3")).await;
    assert_eq!(typo.status(), 422);
    assert!(typo.text().await.unwrap().contains("name=\"base_version\" value=\"0\""));
    let mut mine = two_steps("0", "3");
    mine[1].1 = "মোবাইলে আবেদন".into();
    let refused = save(&colleague, item, &mine).await;
    assert_eq!(refused.status(), 409);
    let page = refused.text().await.unwrap();
    assert!(page.contains("আপনি সংস্করণ ০ খুলেছিলেন, তারপর অন্য কেউ সংস্করণ ১ সংরক্ষণ করেছেন"), "{page}");
    assert!(page.contains("value=\"মোবাইলে আবেদন\""), "what was typed is kept");
    let compare = page.split("id=\"stale\"").nth(1).expect("the refusal's panel");
    assert!(
        compare.contains(&format!("/staff/backlog/items/{item}/brief/versions?from")),
        "a link to compare: {compare}"
    );
    assert!(page.contains("name=\"base_version\" value=\"1\""), "saving again goes over version 1");
    let b = brief(&designer, item).await;
    assert_eq!(
        (b["design"]["version"].as_i64(), b["design"]["steps"][0]["name_bn"].as_str()),
        (Some(1), Some("অনলাইনে আবেদন"))
    );
    mine[0].1 = "1".into();
    assert_eq!(save(&colleague, item, &mine).await.status(), 303);
    assert_eq!(brief(&designer, item).await["design"]["version"], 2);

    // A step is removed by emptying its boxes; its numbers may stay at zero as shown.
    let mut fewer = two_steps("2", "3");
    for (k, v) in fewer.iter_mut() {
        if k.starts_with("step-2-") {
            *v = if k.ends_with("cost") {
                "০".into()
            } else if k.ends_with("days") || k.ends_with("visits") {
                "0".into()
            } else {
                String::new()
            };
        }
    }
    assert_eq!(save(&designer, item, &fewer).await.status(), 303);
    let b = brief(&designer, item).await;
    assert_eq!((b["design"]["version"].as_i64(), b["design"]["steps"].as_array().unwrap().len()), (Some(3), 1));
}

#[tokio::test]
async fn bad_numbers_and_a_missing_channel_are_refused_in_the_pages_language_and_nothing_is_saved() {
    let (_app, designer, item) = setup().await;
    let mut bad = two_steps("0", "-3");
    bad[3].1 = String::new(); // step 1 has no channel
    bad[12].1 = "১০০০০০০০০০".into(); // step 2 costs a hundred crore
    let refused = save(&designer, item, &bad).await;
    assert_eq!(refused.status(), 422);
    let page = refused.text().await.unwrap();
    assert!(page.contains("id=\"error-summary\""));
    assert!(page.contains("ধাপ ১: নাগরিক কোন পথে এই ধাপ পার হবেন তা বেছে নিন"), "{page}");
    assert!(page.contains("ধাপ ২, লক্ষ্য দিন: সংখ্যা শূন্যের কম হতে পারে না"));
    assert!(page.contains("ধাপ ২, লক্ষ্য খরচ: সংখ্যা সর্বোচ্চ ১,০০,০০,০০০ হতে পারে"), "{page}");
    assert!(page.contains("href=\"#step-2-days\"") && page.contains("value=\"-3\""), "linked, and kept as typed");
    assert!(brief(&designer, item).await["design"].is_null(), "nothing saved");

    designer.in_english().await;
    let page = save(&designer, item, &bad).await.text().await.unwrap();
    assert!(page.contains("Step 2, target days: the number cannot be below zero"), "{page}");
    assert!(page.contains("Step 1: choose the channel citizens go through at this step"));
}

#[tokio::test]
async fn what_citizens_want_is_grouped_by_theme_and_each_is_taken_into_a_step_or_left_with_a_reason() {
    let (app, designer, item) = setup().await;
    for (kind, text) in [
        ("expectation", "আবেদনের অবস্থা জানতে বারবার ইউনিয়ন পরিষদে যেতে হয়, এসএমএসে জানালে ভালো হতো"),
        (
            "expectation",
            "I expect an SMS when the birth certificate is ready instead of visiting the office again and again",
        ),
        ("suggestion", "ঘুষ ছাড়া কাজ হয় না, অনলাইনে ফি জমা দিলে দালালের দরকার থাকবে না"),
    ] {
        let body = json!({ "service_code": "ORGBDR-001", "kind": kind, "text": text, "district": "dhaka" });
        assert_eq!(app.post_api_feedback(&body).await.status(), 201);
    }
    let b = brief(&designer, item).await;
    let wants = b["wants"].as_array().unwrap();
    assert_eq!(
        wants.iter().map(|w| w["feedback"].as_i64().unwrap()).sum::<i64>(),
        3,
        "only expectations and suggestions: {wants:?}"
    );
    let theme = wants.iter().find_map(|w| w["theme_id"].as_i64()).expect("a theme to decide on");
    let mut form = two_steps("0", "3");
    form.push((format!("want-{theme}"), "taken".into()));
    form.push((format!("want-{theme}-step"), "2".into()));
    assert_eq!(save(&designer, item, &form).await.status(), 303);
    let b = brief(&designer, item).await;
    let decided = b["wants"].as_array().unwrap().iter().find(|w| w["theme_id"] == theme).unwrap().clone();
    assert_eq!(decided["decision"], json!({ "decision": "taken", "step": 2 }));
    assert_eq!(b["design"]["wants"], json!([{ "theme_id": theme, "decision": "taken", "step": 2 }]));

    // "Not now" needs a reason; refused, nothing changes.
    let mut form = two_steps("1", "3");
    form.push((format!("want-{theme}"), "not-now".into()));
    let page = save(&designer, item, &form).await.text().await.unwrap();
    assert!(page.contains("এখন কেন নয়, তা লিখুন"), "{page}");
    form.push((format!("want-{theme}-reason"), "আইন বদলাতে হবে".into()));
    assert_eq!(save(&designer, item, &form).await.status(), 303);
    let versions = designer.page(&format!("/staff/backlog/items/{item}/brief/versions"), 200).await;
    assert!(versions.contains("এখন নয়: আইন বদলাতে হবে"), "{versions}");
}

#[tokio::test]
async fn the_cabinet_reads_the_design_but_only_the_ministrys_designers_and_admins_write_it() {
    let (app, designer, item) = setup().await;
    assert_eq!(save(&designer, item, &two_steps("0", "3")).await.status(), 303);
    let cabinet = app.staff("cabinet-admin", &[]).await;
    let page = cabinet.page(&format!("/staff/backlog/items/{item}/brief"), 200).await;
    assert!(!page.contains("id=\"design-form\"") && page.contains("ইউডিসিতে আঙুলের ছাপ"), "read, not edited");
    assert_eq!(save(&cabinet, item, &two_steps("1", "9")).await.status(), 403);
    let stranger = app.staff("designer", &["MOHA"]).await;
    assert_eq!(save(&stranger, item, &two_steps("1", "9")).await.status(), 404);
    assert_eq!(stranger.get(&format!("/staff/backlog/items/{item}/brief/versions")).await.status(), 404);
    assert_eq!(brief(&designer, item).await["design"]["version"], 1, "nothing changed");
}
