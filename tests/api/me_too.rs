//! Similar feedback before sending, and "me too": once per browser per feedback,
//! counted wherever feedback is counted.

use crate::helpers::{spawn_app, valid_form};
use crate::staff_helpers::browser;

const FIRST: &str = "জন্ম নিবন্ধনের জন্য তিনবার ইউনিয়ন পরিষদে যেতে হয়েছে, প্রতিবার নতুন কাগজ চাওয়া হয়েছে";

fn form_with_text<'a>(text: &'a str, action: &'a str) -> Vec<(&'a str, &'a str)> {
    let mut form: Vec<_> = valid_form().into_iter().filter(|(k, _)| *k != "text").collect();
    form.push(("text", text));
    form.push(("action", action));
    form
}

#[tokio::test]
async fn checking_first_shows_similar_feedback_with_a_me_too_button() {
    let app = spawn_app().await;
    let first = app.submit_text("ORGBDR-001", FIRST).await;
    let response = app.post_feedback_form("ORGBDR-001", &form_with_text(FIRST, "check")).await;
    assert_eq!(response.status(), 200, "nothing is stored yet");
    let page = response.text().await.unwrap();
    assert!(page.contains("কেউ কি এটা আগেই বলেছেন?"));
    assert!(page.contains(&format!("name=\"feedback_id\" value=\"{}\"", first.id)));
    assert!(page.contains("value=\"send\""), "the citizen can still send their own");
    assert_eq!(app.feedback_count().await, 1);
    let sent = app.post_feedback_form("ORGBDR-001", &form_with_text(FIRST, "send")).await;
    assert_eq!(sent.status(), 303);
    assert_eq!(app.feedback_count().await, 2);
}

#[tokio::test]
async fn checking_with_nothing_similar_sends_at_once() {
    let app = spawn_app().await;
    let response = app.post_feedback_form("ORGBDR-001", &form_with_text(FIRST, "check")).await;
    assert_eq!(response.status(), 303);
    assert_eq!(app.feedback_count().await, 1);
}

#[tokio::test]
async fn me_too_counts_once_per_browser_and_in_every_count() {
    let app = spawn_app().await;
    let first = app.submit_text("ORGBDR-001", FIRST).await;
    let id = first.id.to_string();
    let citizen = browser();
    let url = format!("{}/services/ORGBDR-001/me-too", app.address);
    for _ in 0..3 {
        let r = citizen.post(&url).form(&[("feedback_id", id.as_str())]).send().await.unwrap();
        assert_eq!(r.status(), 303);
    }
    assert_eq!(app.reload(first.id).await.extra_voices, 1, "one browser, one voice");
    let other = browser();
    assert_eq!(other.post(&url).form(&[("feedback_id", id.as_str())]).send().await.unwrap().status(), 303);
    assert_eq!(app.reload(first.id).await.extra_voices, 2);
    app.assert_counts_match(first.service_id).await;
    let confirmation = citizen.get(format!("{}/services/ORGBDR-001/me-too/{id}", app.address)).send().await.unwrap();
    assert!(confirmation.text().await.unwrap().contains("আপনার মত যোগ হয়েছে"));
}

#[tokio::test]
async fn me_too_is_refused_for_hidden_feedback_or_feedback_with_personal_data() {
    let app = spawn_app().await;
    let designer = app.staff("designer", &["LGD"]).await;
    let hidden = app.submit_text("ORGBDR-001", FIRST).await;
    designer.post(&format!("/staff/feedback/{}/state", hidden.id), &[("state", "hidden")]).await;
    let personal = app.submit_text("ORGBDR-001", "জন্ম নিবন্ধন হয়নি, আমাকে ০১৭১১০০০০০০ নম্বরে ফোন করুন").await;
    let url = format!("{}/services/ORGBDR-001/me-too", app.address);
    for id in [hidden.id, personal.id, 999_999] {
        let r = browser().post(&url).form(&[("feedback_id", id.to_string())]).send().await.unwrap();
        assert_eq!(r.status(), 404);
    }
    let wrong_service = browser()
        .post(format!("{}/services/DIP-001/me-too", app.address))
        .form(&[("feedback_id", personal.id.to_string())])
        .send()
        .await
        .unwrap();
    assert_eq!(wrong_service.status(), 404);
    assert_eq!(app.reload(hidden.id).await.extra_voices, 0);
}
