//! The designer's service page, themes part: voices by pain category, each theme's
//! cohesion, category and deciding words, three quotes for every listed theme, and
//! readable labels marked "automatic" until a designer renames them (and never
//! overwritten after that, by a regroup or by new feedback).

use serde_json::Value;

use crate::helpers::{spawn_app, TestApp};
use crate::staff_helpers::StaffClient;

const BRIBES: [&str; 4] = [
    "The passport office clerk asked me for a bribe of 5000 taka to process my application",
    "Passport office staff asked for a bribe of 5000 taka before processing my application",
    "The passport office clerk wanted a bribe of 5000 taka to process my application",
    "Passport office staff wanted a bribe of 3000 taka before they processed my application",
];
const BANGLA_BRIBES: [&str; 2] =
    ["পাসপোর্ট অফিসে দালাল ছাড়া কোনো কাজ হয় না, দালালকে ৫০০০ টাকা ঘুষ দিতে হয়েছে", "পাসপোর্ট অফিসে দালালকে ৩০০০ টাকা ঘুষ না দিলে ফাইল নড়ে না"];

/// Other pain points of the service: enough feedback (20 or more) for cohesion to compare with.
const OTHERS: [&str; 14] = [
    "The passport website was down for three days and the form would not submit",
    "Nobody told me which documents to bring for the passport renewal",
    "The counter staff shouted at my old mother in front of everyone",
    "Police verification for my passport took two months",
    "I had to visit the passport office five times for one application",
    "The queue at the passport office started at dawn and moved slowly",
    "My passport was delivered with a wrong date of birth",
    "The urgent passport fee is too high for a farmer",
    "পাসপোর্টের আবেদন জমা দিতে তিনবার যেতে হয়েছে",
    "পুলিশ ভেরিফিকেশনে দুই মাস লেগেছে",
    "অনলাইনে পাসপোর্ট ফি দেওয়া যায় না, সার্ভার ডাউন",
    "Biometric enrolment machine was broken all week",
    "No one answers the passport helpline number",
    "পাসপোর্ট কবে পাবো কেউ বলতে পারে না",
];

/// The API's view of the service's themes.
async fn themes_json(designer: &StaffClient) -> Vec<Value> {
    let body: Value = designer.get("/api/v1/staff/services/DIP-001/themes").await.json().await.unwrap();
    body["themes"].as_array().unwrap().clone()
}

async fn theme_json(designer: &StaffClient, id: i64) -> Value {
    themes_json(designer).await.into_iter().find(|t| t["id"] == id).unwrap_or_else(|| panic!("theme {id} listed"))
}

/// The `<li class="theme-card" id="theme-{id}">` of the page.
fn card(html: &str, id: i64) -> &str {
    let start = html.find(&format!("id=\"theme-{id}\"")).unwrap_or_else(|| panic!("card of theme {id} on the page"));
    let rest = &html[start..];
    let end = ["</li>\n</ol>", "</li>\n<li"].iter().filter_map(|m| rest.find(m)).min().unwrap();
    &rest[..end]
}

async fn submit_all(app: &TestApp, texts: &[&str]) -> Vec<crate::workspace_helpers::Stored> {
    let mut stored = Vec::new();
    for text in texts {
        stored.push(app.submit_text("DIP-001", text).await);
    }
    stored
}

#[tokio::test]
async fn the_service_page_shows_voices_by_category_cohesion_reasons_and_quotes() {
    let app = spawn_app().await;
    let designer = app.staff("designer", &["MOHA"]).await;
    let stored = submit_all(&app, &BRIBES).await;
    let theme = stored[0].theme_id.expect("a theme");
    assert!(stored.iter().all(|s| s.theme_id == Some(theme)), "the bribes share a theme");
    submit_all(&app, &BANGLA_BRIBES).await;
    submit_all(&app, &OTHERS).await;
    app.submit_text("DIP-001", "Earn 50000 taka per month from home!!! click the link now").await;

    let html = designer.get("/staff/services/DIP-001").await.text().await.unwrap();
    // Voices by pain category come first in the themes part, as an accessible chart.
    let chart = html.find("id=\"categories-h\"").expect("the category chart's heading");
    assert!(chart < html.find("class=\"theme-card\"").unwrap(), "the chart comes before the themes");
    assert!(html.contains("ভোগান্তির ধরন অনুযায়ী মত"), "the chart's title");
    assert!(html.contains("id=\"categories-title\"") && html.contains("id=\"categories-desc\""), "title and desc");
    assert!(html.contains("অনানুষ্ঠানিক টাকা"), "the bribes' category has a bar");
    assert!(html.contains("এখনো ভাগ না হওয়া"), "it says the feedback not yet grouped is left out");

    let card = card(&html, theme);
    assert!(card.contains("স্বয়ংক্রিয় নাম"), "an automatic label is marked: {card}");
    assert!(card.contains("class=\"cohesion\">") && card.contains("%"), "cohesion as a percent: {card}");
    assert!(["খুব মেলে", "মোটামুটি মেলে", "মিশ্র"].iter().any(|b| card.contains(b)), "in plain words: {card}");
    let why = &card[card.find("class=\"why\">").unwrap()..];
    let why = &why[..why.find("</dd>").unwrap()];
    assert!(why.contains("bribe"), "the deciding words: {why}");
    assert_eq!(card.matches("<q>").count(), 3, "three quotes: {card}");
}

#[tokio::test]
async fn every_listed_theme_gets_three_quotes_not_only_the_largest_eight() {
    let app = spawn_app().await;
    let designer = app.staff("designer", &["MOHA"]).await;
    let texts: Vec<String> = (0..27)
        .map(|i| format!("Complaint number {i}: the counter {} was closed and the queue took {} hours", i % 9, i + 2))
        .collect();
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let stored = submit_all(&app, &refs).await;
    let mut themes: Vec<i64> = Vec::new();
    for group in stored.chunks(3) {
        // Any theme of the service names the split; a theme emptied by an earlier split is gone.
        let from = themes.last().copied().or_else(|| stored.iter().find_map(|s| s.theme_id)).expect("a theme");
        let mut form: Vec<(&str, String)> = group.iter().map(|s| ("feedback", s.id.to_string())).collect();
        form.push(("into", "new".into()));
        let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let response = designer.post(&format!("/staff/themes/{from}/split"), &form).await;
        assert_eq!(response.status(), 303);
        let location = response.headers()["location"].to_str().unwrap();
        let to = location.trim_end_matches("?done=split").rsplit('/').next().unwrap().parse::<i64>().unwrap();
        themes.push(to);
    }
    let html = designer.get("/staff/services/DIP-001").await.text().await.unwrap();
    for theme in &themes {
        assert_eq!(card(&html, *theme).matches("<q>").count(), 3, "theme {theme} has three quotes");
    }
    assert_eq!(themes.len(), 9);
}

#[tokio::test]
async fn suggested_labels_are_short_one_script_each_and_led_by_the_category() {
    let app = spawn_app().await;
    let designer = app.staff("designer", &["MOHA"]).await;
    let stored = submit_all(&app, &BRIBES).await;
    submit_all(&app, &BANGLA_BRIBES).await;
    let theme = theme_json(&designer, stored[0].theme_id.unwrap()).await;
    let (bn, en) = (theme["label_bn"].as_str().unwrap(), theme["label_en"].as_str().unwrap());
    assert_eq!(theme["label_automatic"], true);
    assert_eq!(theme["feedback"], 6, "the Bangla bribes joined the English ones");
    // The first Bangla text to join gave the Bangla label its first words.
    assert!(bn.starts_with("অনানুষ্ঠানিক টাকা: ") && bn.contains("পাসপোর্ট"), "{bn}");
    assert!(!bn.chars().any(|c| c.is_ascii_alphabetic()), "Bangla label in Bangla script only: {bn}");
    assert!(en.starts_with("Unofficial payment"), "{en}");
    assert!(!en.chars().any(|c| ('\u{0980}'..='\u{09FF}').contains(&c)), "English label in Latin only: {en}");
    assert!(bn.chars().count() <= 40 && en.chars().count() <= 40, "{bn} / {en}");
}

#[tokio::test]
async fn a_designers_name_clears_automatic_and_survives_regroup_and_new_feedback() {
    let app = spawn_app().await;
    let designer = app.staff("designer", &["MOHA"]).await;
    let stored = submit_all(&app, &BRIBES[..2]).await;
    let id = stored[0].theme_id.unwrap();
    let before = theme_json(&designer, id).await;

    // The edit form posts both labels every time: changing only the category keeps them automatic,
    // and the suggested label follows the category.
    let same = [
        ("label_bn", before["label_bn"].as_str().unwrap()),
        ("label_en", before["label_en"].as_str().unwrap()),
        ("category", "staff-conduct"),
    ];
    assert_eq!(designer.post(&format!("/staff/themes/{id}"), &same).await.status(), 303);
    let recategorised = theme_json(&designer, id).await;
    assert_eq!(recategorised["label_automatic"], true);
    assert!(recategorised["label_en"].as_str().unwrap().starts_with("Staff conduct"), "{recategorised}");

    let named = [("label_bn", "পাসপোর্টে ঘুষ"), ("label_en", "Bribes for passports"), ("category", "unofficial-payment")];
    assert_eq!(designer.post(&format!("/staff/themes/{id}"), &named).await.status(), 303);
    let renamed = theme_json(&designer, id).await;
    assert_eq!(renamed["label_automatic"], false);
    let html = designer.get("/staff/services/DIP-001").await.text().await.unwrap();
    assert!(!card(&html, id).contains("স্বয়ংক্রিয় নাম"), "no automatic badge after a rename");
    assert!(card(&html, id).contains("ডিজাইনার ঠিক করেছেন"), "the category's reason is the designer");

    // New feedback joins (an automatic label would be made again at 4 texts) and a regroup runs.
    for text in &BRIBES[2..] {
        assert_eq!(app.submit_text("DIP-001", text).await.theme_id, Some(id));
    }
    assert_eq!(designer.post("/staff/services/DIP-001/regroup", &[]).await.status(), 303);
    let after = theme_json(&designer, id).await;
    assert_eq!(
        (after["label_bn"].as_str(), after["label_en"].as_str()),
        (Some("পাসপোর্টে ঘুষ"), Some("Bribes for passports"))
    );
    assert_eq!(after["label_automatic"], false);
    app.assert_counts_match(stored[0].service_id).await;
}

#[tokio::test]
async fn an_automatic_label_is_made_again_from_the_shared_words_as_the_theme_grows() {
    let app = spawn_app().await;
    let designer = app.staff("designer", &["MOHA"]).await;
    let first = app.submit_text("DIP-001", "Passport office clerk demanded a bribe before the fingerprinting").await;
    let id = first.theme_id.unwrap();
    let alone = theme_json(&designer, id).await;
    assert_eq!(alone["label_bn"], "অনানুষ্ঠানিক টাকা", "an English text gives no Bangla words");
    assert!(alone["label_en"].as_str().unwrap().contains("fingerprinting"), "one text's own words: {alone}");
    let second = app.submit_text("DIP-001", "The passport office clerk demanded a bribe of 3000 taka").await;
    assert_eq!(second.theme_id, Some(id));
    let grown = theme_json(&designer, id).await;
    let en = grown["label_en"].as_str().unwrap();
    assert!(en.contains("passport") && !en.contains("fingerprinting"), "the words both share: {en}");
}
