//! Similar feedback before sending, and "me too": the citizen's own submission, counted as a
//! voice for the feedback it agrees with only when it comes from the similar-feedback step
//! the server showed that browser, once per browser and feedback, within a daily cap per address.

use diesel::prelude::*;
use nagorik::db::{self, schema::me_too};

use crate::helpers::{code_from_redirect, spawn_app, spawn_app_with, valid_form, TestApp};
use crate::staff_helpers::browser;

const FIRST: &str = "জন্ম নিবন্ধনের জন্য তিনবার ইউনিয়ন পরিষদে যেতে হয়েছে, প্রতিবার নতুন কাগজ চাওয়া হয়েছে";
const MINE: &str = "জন্ম নিবন্ধনের জন্য আমাকেও চারবার ইউনিয়ন পরিষদে যেতে হয়েছে, প্রতিবার নতুন কাগজ চাইল";

fn form_with_text<'a>(text: &'a str, action: &'a str) -> Vec<(&'a str, &'a str)> {
    let mut form: Vec<_> = valid_form().into_iter().filter(|(k, _)| *k != "text").collect();
    form.push(("text", text));
    form.push(("action", action));
    form
}

/// The citizen's own answers, different from the feedback they agree with.
fn my_answers(submission_id: &str) -> Vec<(String, String)> {
    [
        ("kind", "complaint"),
        ("text", MINE),
        ("district", "khulna"),
        ("days", "২২"),
        ("cost", "1200"),
        ("visits", "4"),
        ("submission_id", submission_id),
    ]
    .iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect()
}

fn hidden_value(page: &str, name: &str) -> Option<String> {
    let start = page.find(&format!("name=\"{name}\" value=\""))? + name.len() + 15;
    Some(page[start..start + page[start..].find('"')?].to_owned())
}

/// A browser's similar-feedback step: the page, its signed step and its form's one-off id.
pub async fn step(base: &str, citizen: &reqwest::Client) -> (String, String, String) {
    let mut form = my_answers("");
    form.retain(|(k, _)| k != "submission_id");
    form.push(("action".into(), "check".into()));
    let response = citizen.post(format!("{base}/services/ORGBDR-001/feedback")).form(&form).send().await.unwrap();
    assert_eq!(response.status(), 200, "the similar-feedback step");
    let page = response.text().await.unwrap();
    let token = hidden_value(&page, "similar_token").expect("the step is signed");
    let id = hidden_value(&page, "submission_id").expect("the form's id");
    (page, token, id)
}

/// Sends the citizen's answers with "me too" for `feedback_id`; returns the thanks page's path.
pub async fn me_too(base: &str, citizen: &reqwest::Client, feedback_id: i64, token: &str, id: &str) -> String {
    let mut form = my_answers(id);
    form.push(("me_too".into(), feedback_id.to_string()));
    form.push(("similar_token".into(), token.to_owned()));
    let response = citizen.post(format!("{base}/services/ORGBDR-001/feedback")).form(&form).send().await.unwrap();
    assert_eq!(response.status(), 303);
    let location = response.headers()["location"].to_str().unwrap().to_owned();
    assert!(location.ends_with("?me_too=1"), "{location}");
    code_from_redirect(&response);
    location
}

/// Voices counted for `feedback_id` through "me too" with a submission of their own.
async fn echoes(app: &TestApp, feedback_id: i64) -> i64 {
    db::run_blocking(&app.pool, move |c| {
        me_too::table
            .filter(me_too::feedback_id.eq(feedback_id))
            .filter(me_too::echo_id.is_not_null())
            .count()
            .get_result(c)
    })
    .await
    .unwrap()
}

async fn thanks(app: &TestApp, location: &str) -> String {
    app.get(location).await.text().await.unwrap()
}

#[tokio::test]
async fn checking_first_shows_similar_feedback_with_a_me_too_button() {
    let app = spawn_app().await;
    let first = app.submit_text("ORGBDR-001", FIRST).await;
    let response = app.post_feedback_form("ORGBDR-001", &form_with_text(FIRST, "check")).await;
    assert_eq!(response.status(), 200, "nothing is stored yet");
    let page = response.text().await.unwrap();
    assert!(page.contains("কেউ কি এটা আগেই বলেছেন?"));
    assert!(page.contains(&format!("form=\"feedback-form\" name=\"me_too\" value=\"{}\"", first.id)));
    assert!(hidden_value(&page, "similar_token").is_some());
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
async fn me_too_keeps_the_citizens_answers_gives_a_code_and_joins_the_theme() {
    let app = spawn_app().await;
    let first = app.submit_text("ORGBDR-001", FIRST).await;
    let citizen = browser();
    let (_, token, id) = step(&app.address, &citizen).await;
    let location = me_too(&app.address, &citizen, first.id, &token, &id).await;
    let code = location.trim_start_matches("/thanks/").split('?').next().unwrap().to_owned();
    let mine = app.stored_feedback(&code).await;
    assert_eq!(
        (mine.body.as_str(), mine.district.as_str(), mine.days_taken, mine.cost_bdt, mine.visits),
        (MINE, "khulna", Some(22), Some(1200), Some(4)),
        "the citizen's own answers are kept"
    );
    assert_eq!(mine.theme_id, first.theme_id, "it joins the theme of the feedback it agrees with");
    assert_eq!(echoes(&app, first.id).await, 1);
    let page = thanks(&app, &location).await;
    assert!(page.contains("আপনার মত যোগ হয়েছে"), "{page}");
    assert!(page.contains(&crate::helpers::shown(&code)), "the tracking code is shown");
    assert!(page.contains("এ পর্যন্ত ২টি মত"), "the feedback now has two voices");
    app.assert_counts_match(first.service_id).await;
    // Its answers count like any voice's: days 30 and 22 give the lower median 22; the cost and
    // the visits are the me-too citizen's alone.
    let designer = app.staff("designer", &["LGD"]).await;
    let stats: serde_json::Value = designer.get("/api/v1/staff/services/ORGBDR-001/stats").await.json().await.unwrap();
    let measure = |name: &str| {
        let m = stats["stats"]["tcv"].as_array().unwrap().iter().find(|m| m["name"] == name).unwrap().clone();
        (m["median"].as_i64(), m["answers"].as_i64())
    };
    assert_eq!(measure("days"), (Some(22), Some(2)), "{stats}");
    assert_eq!(measure("cost"), (Some(1200), Some(1)));
    assert_eq!(measure("visits"), (Some(4), Some(1)));
    // The next citizen sees two voices on it.
    let again = app.post_feedback_form("ORGBDR-001", &form_with_text(FIRST, "check")).await.text().await.unwrap();
    assert!(again.contains("এ পর্যন্ত ২টি মত"));
}

#[tokio::test]
async fn a_second_me_too_from_one_browser_is_stored_as_feedback_but_not_counted() {
    let app = spawn_app().await;
    let first = app.submit_text("ORGBDR-001", FIRST).await;
    let citizen = browser();
    let (_, token, id) = step(&app.address, &citizen).await;
    me_too(&app.address, &citizen, first.id, &token, &id).await;
    let (_, token, _) = step(&app.address, &citizen).await;
    let location = me_too(&app.address, &citizen, first.id, &token, "second-form").await;
    assert_eq!(app.feedback_count().await, 3, "nothing acknowledged is lost");
    assert_eq!(echoes(&app, first.id).await, 1, "one browser, one voice");
    let page = thanks(&app, &location).await;
    assert!(page.contains("id=\"me-too-not-counted\""), "answered kindly: {page}");
    assert!(!page.contains("আপনার মত যোগ হয়েছে"));
    app.assert_counts_match(first.service_id).await;
}

#[tokio::test]
async fn a_me_too_without_its_step_or_with_a_forged_or_spent_one_is_not_counted() {
    let app = spawn_app().await;
    let first = app.submit_text("ORGBDR-001", FIRST).await;
    let second = app.submit_text("ORGBDR-001", "জন্ম নিবন্ধনের জন্য তিনবার ইউনিয়ন পরিষদে গেলাম, প্রতিবার নতুন কাগজ").await;
    // No step at all: a bare POST with a made-up browser cookie.
    let stranger = browser();
    let mut form = my_answers("bare");
    form.push(("me_too".into(), first.id.to_string()));
    let bare = stranger
        .post(format!("{}/services/ORGBDR-001/feedback", app.address))
        .header("cookie", format!("nagorik_browser={}", "x".repeat(40)))
        .form(&form)
        .send()
        .await
        .unwrap();
    assert_eq!(bare.status(), 303);
    // A step altered to list another feedback.
    let citizen = browser();
    let (page, token, id) = step(&app.address, &citizen).await;
    assert!(page.contains(&format!("value=\"{}\"", second.id)), "both are shown");
    let mut parts: Vec<&str> = token.split('.').collect();
    parts[2] = "999999";
    let forged = parts.join(".");
    me_too(&app.address, &citizen, 999_999, &forged, &id).await;
    // Another browser's step.
    me_too(&app.address, &browser(), first.id, &token, "other-browser").await;
    assert_eq!(echoes(&app, first.id).await, 0);
    // The step itself counts once: spent by the first voice it allows.
    me_too(&app.address, &citizen, first.id, &token, "spent-1").await;
    me_too(&app.address, &citizen, second.id, &token, "spent-2").await;
    assert_eq!((echoes(&app, first.id).await, echoes(&app, second.id).await), (1, 0));
    assert_eq!(app.feedback_count().await, 2 + 5, "every submission is stored as the citizen's own");
    app.assert_counts_match(first.service_id).await;
}

#[tokio::test]
async fn me_too_for_feedback_hidden_since_the_step_is_not_counted() {
    let app = spawn_app().await;
    let designer = app.staff("designer", &["LGD"]).await;
    let first = app.submit_text("ORGBDR-001", FIRST).await;
    let citizen = browser();
    let (_, token, id) = step(&app.address, &citizen).await;
    designer.post(&format!("/staff/feedback/{}/state", first.id), &[("state", "hidden")]).await;
    let location = me_too(&app.address, &citizen, first.id, &token, &id).await;
    assert_eq!(echoes(&app, first.id).await, 0);
    assert!(thanks(&app, &location).await.contains("id=\"me-too-not-counted\""));
}

#[tokio::test]
async fn an_address_counts_a_few_voices_a_day_and_moderators_see_the_burst() {
    let app = spawn_app_with(|s| s.me_too_per_address_per_day = 1).await;
    let first = app.submit_text("ORGBDR-001", FIRST).await;
    for n in 0..6 {
        let citizen = browser();
        let (_, token, id) = step(&app.address, &citizen).await;
        let location = me_too(&app.address, &citizen, first.id, &token, &id).await;
        let page = thanks(&app, &location).await;
        assert_eq!(page.contains("id=\"me-too-not-counted\""), n > 0, "voice {n}");
    }
    assert_eq!(echoes(&app, first.id).await, 1, "one voice a day from this address");
    assert_eq!(app.feedback_count().await, 7);
    let designer = app.staff("designer", &["LGD"]).await;
    let page = designer.get("/staff/services/ORGBDR-001").await.text().await.unwrap();
    assert!(page.contains("id=\"me-too-burst\""), "moderators are warned");
    assert!(page.contains("৫টি"), "with the number not counted");
}

#[tokio::test]
async fn in_english_the_step_and_the_thanks_say_me_too_and_count_voices_in_english() {
    let app = spawn_app().await;
    let first = app.submit_text("ORGBDR-001", FIRST).await;
    let citizen = browser();
    let switched = citizen.get(format!("{}/lang/en?next=/", app.address)).send().await.unwrap();
    assert_eq!(switched.status(), 303);
    let (page, token, id) = step(&app.address, &citizen).await;
    assert!(page.contains("<html lang=\"en\""), "the step is in English");
    assert!(page.contains("Has someone said this already?"), "{page}");
    assert!(page.contains(">Me too<"), "{page}");
    assert!(page.contains("1 voice so far"), "one voice, singular: {page}");
    assert!(!page.contains("এ পর্যন্ত"), "no Bangla count on an English page");
    let location = me_too(&app.address, &citizen, first.id, &token, &id).await;
    let code = location.trim_start_matches("/thanks/").split('?').next().unwrap().to_owned();
    let thanks = citizen.get(format!("{}{location}", app.address)).send().await.unwrap().text().await.unwrap();
    assert!(thanks.contains("Your voice is added"), "{thanks}");
    assert!(thanks.contains(&crate::helpers::shown(&code)), "the tracking code is shown");
    assert!(thanks.contains("2 voices so far"), "the feedback now has two voices: {thanks}");
    // A second me-too from this browser is kept as feedback and said so, in English.
    let (_, token, _) = step(&app.address, &citizen).await;
    let location = me_too(&app.address, &citizen, first.id, &token, "second-form").await;
    let again = citizen.get(format!("{}{location}", app.address)).send().await.unwrap().text().await.unwrap();
    assert!(again.contains("id=\"me-too-not-counted\"") && again.contains("saved as your own"), "{again}");
    assert_eq!(echoes(&app, first.id).await, 1);
    app.assert_counts_match(first.service_id).await;
}
