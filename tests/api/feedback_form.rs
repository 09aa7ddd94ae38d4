use crate::helpers::{code_from_redirect, form_with, spawn_app, valid_form};

#[tokio::test]
async fn valid_feedback_redirects_to_a_confirmation_with_its_tracking_code() {
    let app = spawn_app().await;
    let response = app.post_feedback_form("ORGBDR-001", &valid_form()).await;
    assert_eq!(response.status(), 303);
    let code = code_from_redirect(&response);
    assert_eq!(code.len(), 10);
    let page = app.get(&format!("/thanks/{code}")).await;
    assert_eq!(page.status(), 200);
    assert!(page.text().await.unwrap().contains(&format!("{}-{}", &code[..5], &code[5..])), "printed in two groups");
    let stored = app.stored_feedback(&code).await;
    assert_eq!((stored.kind.as_str(), stored.channel.as_str()), ("complaint", "web"));
    assert_eq!((stored.days_taken, stored.cost_bdt, stored.visits), (Some(15), Some(500), Some(3)));
    assert_eq!(stored.district, "dhaka");
}

#[tokio::test]
async fn the_service_page_shows_the_charter_and_the_form() {
    let app = spawn_app().await;
    let response = app.get("/services/DIP-001").await;
    assert_eq!(response.status(), 200);
    let html = response.text().await.unwrap();
    for expected in ["ই-পাসপোর্ট ইস্যু", "৪০২৫ টাকা", "২১ দিন", "বায়োমেট্রিক তথ্য প্রদান", "name=\"text\"", "<main"]
    {
        assert!(html.contains(expected), "missing {expected}");
    }
    assert_eq!(html.matches("<main").count(), 1);
    assert!(!html.contains("<script"), "no JavaScript is needed");
}

#[tokio::test]
async fn a_free_service_says_it_is_free_and_only_a_missing_fee_is_not_stated() {
    let app = spawn_app().await;
    let page = |path: &'static str, lang: &'static str| {
        let app = &app;
        async move { app.get_in(path, lang).await.text().await.unwrap() }
    };
    let free = page("/services/ORGBDR-002", "bn").await;
    assert!(free.contains("বিনামূল্যে (কোনো ফি নেই)") && !free.contains("উল্লেখ নেই"), "{free}");
    assert!(page("/services/ORGBDR-002", "en").await.contains("Free (no fee)"));
    let unstated = page("/services/ACLAND-002", "bn").await;
    assert!(unstated.contains("উল্লেখ নেই") && !unstated.contains("বিনামূল্যে"));

    let designer = app.staff("designer", &["LGD"]).await;
    let staff_page = designer.page("/staff/services/ORGBDR-002", 200).await;
    assert!(staff_page.contains("বিনামূল্যে (কোনো ফি নেই)"), "the charter promise column says free, not 0");
}

async fn assert_refused(field: &'static str, value: &'static str, bn_message: &str, en_message: &str) {
    let app = spawn_app().await;
    let response = app.post_feedback_form("ORGBDR-001", &form_with(field, value)).await;
    assert_eq!(response.status(), 422, "{field}={value}");
    let html = response.text().await.unwrap();
    assert!(html.contains("error-summary"), "{field}: summary");
    assert!(html.contains(bn_message), "{field}: Bangla message {bn_message}");
    assert!(
        html.contains(&format!("href=\"#field-{field}\"")) || field == "consent",
        "{field}: summary links to the field"
    );
    let english = app
        .client
        .post(format!("{}/services/ORGBDR-001/feedback", app.address))
        .header("Cookie", "lang=en")
        .form(&form_with(field, value))
        .send()
        .await
        .unwrap();
    assert_eq!(english.status(), 422);
    assert!(english.text().await.unwrap().contains(en_message), "{field}: English message {en_message}");
    assert_eq!(app.feedback_count().await, 0, "{field}: nothing is stored");
}

#[tokio::test]
async fn empty_text_is_refused() {
    assert_refused("text", "   ", "আপনার মতামত লিখুন", "Write your feedback").await;
}

#[tokio::test]
async fn too_short_text_is_refused() {
    assert_refused("text", "  খুব ছোট ", "অন্তত ১০ অক্ষর লিখুন", "Write at least 10 characters").await;
}

#[tokio::test]
async fn too_long_text_is_refused() {
    let long: &'static str = Box::leak("ক".repeat(4001).into_boxed_str());
    assert_refused("text", long, "সর্বোচ্চ ৪০০০ অক্ষর", "Write at most 4000 characters").await;
}

#[tokio::test]
async fn a_bad_number_is_refused() {
    assert_refused("days", "অনেক", "পূর্ণ সংখ্যা লিখুন", "Write a whole number").await;
}

#[tokio::test]
async fn a_negative_number_is_refused() {
    assert_refused("cost", "-20", "শূন্যের কম", "cannot be below zero").await;
}

#[tokio::test]
async fn an_absurdly_large_number_is_refused() {
    assert_refused("visits", "১০০০০", "সর্বোচ্চ ৫০০", "at most 500").await;
}

#[tokio::test]
async fn an_unknown_district_is_refused() {
    assert_refused("district", "gotham", "৬৪টি জেলার একটি", "one of the 64 districts").await;
}

#[tokio::test]
async fn a_bad_email_is_refused() {
    assert_refused("email", "rahim@", "ইমেইল ঠিকানা লিখুন", "Write an email address").await;
}

#[tokio::test]
async fn consent_without_an_email_is_refused() {
    assert_refused("consent", "on", "ইমেইল ঠিকানা লিখুন", "write your email address").await;
}

#[tokio::test]
async fn a_missing_kind_is_refused() {
    let app = spawn_app().await;
    let form: Vec<_> = valid_form().into_iter().filter(|(k, _)| *k != "kind").collect();
    let response = app.post_feedback_form("ORGBDR-001", &form).await;
    assert_eq!(response.status(), 422);
    assert!(response.text().await.unwrap().contains("অভিযোগ, প্রত্যাশা নাকি পরামর্শ"));
    assert_eq!(app.feedback_count().await, 0);
}

#[tokio::test]
async fn a_refused_form_keeps_everything_typed_and_escapes_html() {
    let app = spawn_app().await;
    let mut form = form_with("text", "<script>alert('x')</script> পাসপোর্ট অফিসে দালাল");
    form.retain(|(k, _)| *k != "district");
    form.push(("email", "rahim@example.com"));
    form.push(("phone", "01711-000000"));
    let response = app.post_feedback_form("DIP-001", &form).await;
    assert_eq!(response.status(), 422);
    let html = response.text().await.unwrap();
    assert!(html.contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;&#x2F;script&gt;") || html.contains("&lt;script&gt;"));
    assert!(!html.contains("<script>alert"));
    assert!(html.contains("value=\"rahim@example.com\""));
    assert!(html.contains("value=\"01711-000000\""));
    assert!(html.contains("value=\"১৫\""), "Bangla digits are kept as typed");
}

#[tokio::test]
async fn bangla_digits_are_accepted_in_every_number() {
    let app = spawn_app().await;
    let form = vec![
        ("kind", "suggestion"),
        ("text", "অনলাইনে ফি দেওয়ার ব্যবস্থা করুন"),
        ("district", "সিলেট"),
        ("days", "৩০"),
        ("cost", "১,২০০"),
        ("visits", "৪"),
    ];
    let response = app.post_feedback_form("ORGBDR-001", &form).await;
    assert_eq!(response.status(), 303);
    let stored = app.stored_feedback(&code_from_redirect(&response)).await;
    assert_eq!((stored.days_taken, stored.cost_bdt, stored.visits), (Some(30), Some(1200), Some(4)));
    assert_eq!(stored.district, "sylhet");
}

#[tokio::test]
async fn text_is_stored_nfc_normalised() {
    let app = spawn_app().await;
    // "য়" as য + nukta (decomposed), and "é" as e + combining accent.
    let decomposed: &'static str = "সময\u{09bc} লেগেছে অনেক, cafe\u{301} queue";
    let response = app.post_feedback_form("ORGBDR-001", &form_with("text", decomposed)).await;
    assert_eq!(response.status(), 303);
    let stored = app.stored_feedback(&code_from_redirect(&response)).await;
    assert_eq!(stored.body, "সময় লেগেছে অনেক, caf\u{e9} queue");
    assert!(!stored.body.contains('\u{301}'));
}

#[tokio::test]
async fn contact_details_and_consent_are_stored() {
    let app = spawn_app().await;
    let mut form = valid_form();
    form.extend([
        ("name", " রহিম  উদ্দিন "),
        ("email", "Rahim@Example.com"),
        ("phone", "০১৭১১-০০০০০০"),
        ("consent", "on"),
    ]);
    let response = app.post_feedback_form("ORGBDR-001", &form).await;
    assert_eq!(response.status(), 303);
    let stored = app.stored_feedback(&code_from_redirect(&response)).await;
    assert_eq!(stored.contact_name.as_deref(), Some("রহিম উদ্দিন"));
    assert_eq!(stored.contact_email.as_deref(), Some("rahim@example.com"));
    assert_eq!(stored.contact_phone.as_deref(), Some("+8801711000000"));
    assert!(stored.consent_updates);
}

#[tokio::test]
async fn feedback_for_an_unknown_service_is_a_404_page() {
    let app = spawn_app().await;
    let response = app.post_feedback_form("NOPE-001", &valid_form()).await;
    assert_eq!(response.status(), 404);
    assert!(response.headers()["content-type"].to_str().unwrap().starts_with("text/html"));
    assert_eq!(app.feedback_count().await, 0);
}

#[tokio::test]
async fn each_number_error_in_the_summary_names_its_box_and_limits_read_in_lakhs_and_crores() {
    let app = spawn_app().await;
    let mut form = valid_form();
    form.retain(|(k, _)| !matches!(*k, "days" | "cost" | "visits"));
    form.extend([("days", "অনেক"), ("cost", "৫০০০০০০০০"), ("visits", "2.5")]);
    let response = app.post_feedback_form("ORGBDR-001", &form).await;
    assert_eq!(response.status(), 422);
    let html = response.text().await.unwrap();
    let start = html.find("id=\"error-summary\"").unwrap();
    let summary = &html[start..start + html[start..].find("</ul>").unwrap()];
    for expected in [
        "কত দিন লেগেছে: পূর্ণ সংখ্যা লিখুন",
        "মোট কত টাকা খরচ হয়েছে (ফি, যাতায়াত, সব মিলিয়ে): সংখ্যা সর্বোচ্চ ১,০০,০০,০০০ হতে পারে",
        "অফিসে কতবার যেতে হয়েছে: ভগ্নাংশ ছাড়া পূর্ণ সংখ্যা লিখুন",
    ] {
        assert!(summary.contains(expected), "{expected} missing in {summary}");
    }
    assert!(!html.contains("১০০০০০০০"), "no ungrouped limit anywhere");
    assert_eq!(app.feedback_count().await, 0);
}
