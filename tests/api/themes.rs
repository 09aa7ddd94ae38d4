//! Themes: incremental assignment on arrival, designers' merge, split and move
//! keeping every counter right, and regrouping that keeps what designers decided.

use crate::helpers::spawn_app;

const BRIBE_1: &str = "The passport office asked me for a bribe of 5000 taka to process my application";
const BRIBE_2: &str = "Passport office staff asked for a bribe of 5000 taka before processing my application";
const SERVER: &str = "The online form website was down for three days and I could not upload any documents";
const BANGLA_1: &str = "পাসপোর্ট অফিসে দালাল ছাড়া কোনো কাজ হয় না, দালালকে টাকা দিতে হয়েছে";
const BANGLA_2: &str = "পাসপোর্ট অফিসে দালাল ছাড়া কাজ হয় না, দালালকে অনেক টাকা দিতে হলো";

#[tokio::test]
async fn new_feedback_joins_the_theme_of_similar_feedback_as_it_arrives() {
    let app = spawn_app().await;
    let a = app.submit_text("DIP-001", BRIBE_1).await;
    let b = app.submit_text("DIP-001", BRIBE_2).await;
    let c = app.submit_text("DIP-001", SERVER).await;
    let d = app.submit_text("DIP-001", BANGLA_1).await;
    let e = app.submit_text("DIP-001", BANGLA_2).await;
    assert!(a.theme_id.is_some());
    assert_eq!(a.theme_id, b.theme_id, "near-duplicates share a theme");
    assert_ne!(a.theme_id, c.theme_id, "a different pain gets its own theme");
    assert_eq!(d.theme_id, e.theme_id, "Bangla near-duplicates share a theme");
    assert_ne!(d.theme_id, c.theme_id);
    let other_service = app.submit_text("POLICE-001", BRIBE_1).await;
    assert_ne!(other_service.theme_id, a.theme_id, "themes never span services");
    app.assert_counts_match(a.service_id).await;
}

#[tokio::test]
async fn merging_two_themes_moves_every_voice_and_removes_the_source() {
    let app = spawn_app().await;
    let designer = app.staff("designer", &["MOHA"]).await;
    let a = app.submit_text("DIP-001", BRIBE_1).await;
    let c = app.submit_text("DIP-001", SERVER).await;
    let (source, target) = (c.theme_id.unwrap(), a.theme_id.unwrap());
    let response = designer.post(&format!("/staff/themes/{source}/merge"), &[("into", &target.to_string())]).await;
    assert_eq!(response.status(), 303);
    assert_eq!(app.reload(c.id).await.theme_id, Some(target));
    assert_eq!(designer.get(&format!("/staff/themes/{source}")).await.status(), 404, "the source is gone");
    app.assert_counts_match(a.service_id).await;
    let themes: serde_json::Value = designer.get("/api/v1/staff/services/DIP-001/themes").await.json().await.unwrap();
    let merged = themes["themes"].as_array().unwrap().iter().find(|t| t["id"] == target).unwrap();
    assert_eq!(merged["feedback"], 2);
    assert_eq!(merged["feedback_ids"], serde_json::json!([a.id, c.id]));
    // The intake writer's cached themes follow the merge: new feedback joins the surviving theme.
    let again = app.submit_text("DIP-001", SERVER).await;
    assert_eq!(again.theme_id, Some(target));
    app.assert_counts_match(a.service_id).await;
}

#[tokio::test]
async fn splitting_a_theme_moves_only_the_chosen_feedback_into_a_new_pinned_theme() {
    let app = spawn_app().await;
    let designer = app.staff("designer", &["MOHA"]).await;
    let a = app.submit_text("DIP-001", BRIBE_1).await;
    let b = app.submit_text("DIP-001", BRIBE_2).await;
    let theme = a.theme_id.unwrap();
    let response = designer
        .post(
            &format!("/staff/themes/{theme}/split"),
            &[("feedback", &b.id.to_string()), ("into", "new"), ("label", "ঘুষ")],
        )
        .await;
    assert_eq!(response.status(), 303);
    let moved = app.reload(b.id).await;
    assert_ne!(moved.theme_id, Some(theme));
    assert!(moved.theme_pinned, "a designer's move is pinned");
    assert_eq!(app.reload(a.id).await.theme_id, Some(theme));
    app.assert_counts_match(a.service_id).await;
    // Automatic regrouping leaves the designer's decision alone.
    assert_eq!(designer.post("/staff/services/DIP-001/regroup", &[]).await.status(), 303);
    assert_eq!(app.reload(b.id).await.theme_id, moved.theme_id);
    app.assert_counts_match(a.service_id).await;
}

#[tokio::test]
async fn moving_one_feedback_to_another_theme_keeps_counts_right() {
    let app = spawn_app().await;
    let designer = app.staff("ministry-admin", &["MOHA"]).await;
    let a = app.submit_text("DIP-001", BRIBE_1).await;
    let c = app.submit_text("DIP-001", SERVER).await;
    let to = a.theme_id.unwrap().to_string();
    let response = designer.post(&format!("/staff/feedback/{}/theme", c.id), &[("theme", &to)]).await;
    assert_eq!(response.status(), 303);
    assert_eq!(app.reload(c.id).await.theme_id, a.theme_id);
    app.assert_counts_match(a.service_id).await;
}

#[tokio::test]
async fn confirmed_themes_survive_regrouping_with_their_names() {
    let app = spawn_app().await;
    let designer = app.staff("designer", &["MOHA"]).await;
    let a = app.submit_text("DIP-001", BRIBE_1).await;
    app.submit_text("DIP-001", SERVER).await;
    let theme = a.theme_id.unwrap();
    let form = [
        ("label_bn", "ঘুষ চাওয়া"),
        ("label_en", "Bribes asked"),
        ("category", "unofficial-payment"),
        ("confirmed", "yes"),
    ];
    assert_eq!(designer.post(&format!("/staff/themes/{theme}"), &form).await.status(), 303);
    assert_eq!(designer.post("/staff/services/DIP-001/regroup", &[]).await.status(), 303);
    let page = designer.get(&format!("/staff/themes/{theme}")).await;
    assert_eq!(page.status(), 200);
    let html = page.text().await.unwrap();
    assert!(html.contains("ঘুষ চাওয়া"));
    assert_eq!(app.reload(a.id).await.theme_id, Some(theme));
    app.assert_counts_match(a.service_id).await;
}

#[tokio::test]
async fn a_bad_theme_edit_is_explained_and_changes_nothing() {
    let app = spawn_app().await;
    let designer = app.staff("designer", &["MOHA"]).await;
    let a = app.submit_text("DIP-001", BRIBE_1).await;
    let theme = a.theme_id.unwrap();
    let response =
        designer.post(&format!("/staff/themes/{theme}"), &[("label_bn", " "), ("category", "nonsense")]).await;
    assert_eq!(response.status(), 422);
    let html = response.text().await.unwrap();
    assert!(html.contains("একটি নাম লিখুন"), "the message is in the page's language");
    let merge_self = designer.post(&format!("/staff/themes/{theme}/merge"), &[("into", &theme.to_string())]).await;
    assert_eq!(merge_self.status(), 422);
    assert_eq!(app.reload(a.id).await.theme_id, Some(theme));
}
