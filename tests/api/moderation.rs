//! Moderation and personal data: hidden and spam feedback leave every count,
//! personal data is masked on arrival and by hand and never reaches citizens,
//! other systems or staff without rights; "forget" really erases it.

use crate::helpers::spawn_app;

const WITH_PHONE: &str = "Rahim Uddin here, the passport office wanted a bribe, call me on 01711-000000";

#[tokio::test]
async fn hiding_feedback_takes_it_out_of_every_count_and_showing_it_puts_it_back() {
    let app = spawn_app().await;
    let designer = app.staff("designer", &["MOHA"]).await;
    let a = app.submit_text("DIP-001", "The passport office asked me for a bribe of 5000 taka").await;
    app.submit_text("DIP-001", "The online form website was down for three days").await;
    let path = format!("/staff/feedback/{}/state", a.id);
    assert_eq!(designer.post(&path, &[("state", "spam")]).await.status(), 303);
    assert_eq!(app.reload(a.id).await.moderation, "spam", "kept for audit, not deleted");
    app.assert_counts_match(a.service_id).await;
    let stats: serde_json::Value = designer.get("/api/v1/staff/services/DIP-001/stats").await.json().await.unwrap();
    assert_eq!(stats["stats"]["total"]["feedback"], 1);
    assert_eq!(designer.post(&path, &[("state", "visible")]).await.status(), 303);
    app.assert_counts_match(a.service_id).await;
    let stats: serde_json::Value = designer.get("/api/v1/staff/services/DIP-001/stats").await.json().await.unwrap();
    assert_eq!(stats["stats"]["total"]["feedback"], 2);
}

#[tokio::test]
async fn a_moderation_post_without_the_csrf_token_changes_nothing() {
    let app = spawn_app().await;
    let designer = app.staff("designer", &["MOHA"]).await;
    let a = app.submit_text("DIP-001", "The passport office asked me for a bribe of 5000 taka").await;
    let path = format!("/staff/feedback/{}/state", a.id);
    assert_eq!(designer.post_without_csrf(&path, &[("state", "hidden")]).await.status(), 403);
    assert_eq!(app.reload(a.id).await.moderation, "visible");
}

#[tokio::test]
async fn redacted_and_masked_personal_data_never_reaches_citizens_or_other_systems() {
    let app = spawn_app().await;
    let designer = app.staff("designer", &["MOHA"]).await;
    let cabinet = app.staff("cabinet-admin", &[]).await;
    let a = app.submit_text("DIP-001", WITH_PHONE).await;
    let stored = app.reload(a.id).await;
    assert!(stored.has_personal_data);
    assert!(!stored.public_text().contains("01711"), "the phone number is masked on arrival");
    let response = designer.post(&format!("/staff/feedback/{}/redact", a.id), &[("span", "Rahim Uddin")]).await;
    assert_eq!(response.status(), 303);
    let public = app.reload(a.id).await.public_text();
    assert!(!public.contains("Rahim"), "{public}");
    // Designers of the ministry see the original; a cabinet admin (no personal-data right) does not.
    let own = designer.get(&format!("/staff/feedback/{}", a.id)).await.text().await.unwrap();
    assert!(own.contains("Rahim Uddin") && own.contains("01711-000000"));
    let cabinet_view = cabinet.get(&format!("/staff/feedback/{}", a.id)).await.text().await.unwrap();
    assert!(!cabinet_view.contains("Rahim") && !cabinet_view.contains("01711"));
    let list = cabinet.get("/staff/services/DIP-001").await.text().await.unwrap();
    assert!(!list.contains("Rahim") && !list.contains("01711"));
    // Searching cannot find where the masked data was, except for staff who may read it.
    let marker = format!("href=\"/staff/feedback/{}\"", a.id);
    let searched = cabinet.get("/staff/services/DIP-001?q=Rahim").await;
    assert_eq!(searched.status(), 200);
    let searched = searched.text().await.unwrap();
    assert!(!searched.contains(&marker));
    let searched = designer.get("/staff/services/DIP-001?q=rahim").await.text().await.unwrap();
    assert!(searched.contains(&marker), "designers find it, in any case");
    // The audit log records that a redaction happened, never what was redacted.
    let audit = nagorik::db::run_blocking(&app.pool, |c| {
        nagorik::db::audit_log::list(c, &nagorik::db::audit_log::AuditFilter { limit: 50, ..Default::default() })
    })
    .await
    .unwrap();
    let redaction = audit.iter().find(|e| e.action == "feedback.redact").expect("audited");
    assert!(!format!("{:?}", redaction).contains("Rahim"));
    // Citizens' similar-feedback lists never show feedback that had personal data.
    let similar: serde_json::Value = app
        .client
        .post(format!("{}/api/v1/services/DIP-001/similar", app.address))
        .json(&serde_json::json!({ "text": WITH_PHONE }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(similar["similar"], serde_json::json!([]));
}

#[tokio::test]
async fn forgetting_erases_contact_details_and_the_original_text() {
    let app = spawn_app().await;
    let admin = app.staff("ministry-admin", &["MOHA"]).await;
    let designer = app.staff("designer", &["MOHA"]).await;
    let body = serde_json::json!({
        "service_code": "DIP-001", "kind": "complaint", "text": WITH_PHONE, "district": "dhaka",
        "name": "Rahim Uddin", "email": "rahim@example.org", "phone": "01811000000", "consent": true,
    });
    let response = app.post_api_feedback(&body).await;
    assert_eq!(response.status(), 201);
    let code = response.json::<serde_json::Value>().await.unwrap()["tracking_code"].as_str().unwrap().to_owned();
    let id = app.stored_feedback(&code).await.id;
    assert_eq!(designer.post(&format!("/staff/feedback/{id}/forget"), &[]).await.status(), 403, "designers may not");
    let forgotten = admin.post_and_follow(&format!("/staff/feedback/{id}/forget"), &[]).await;
    assert!(forgotten.contains("নাগরিকের ব্যক্তিগত তথ্য স্থায়ীভাবে মুছে ফেলা হয়েছে।"), "the feedback page says so");
    let f = app.reload(id).await;
    assert_eq!((f.contact_name, f.contact_email, f.contact_phone), (None, None, None));
    assert!(!f.body.contains("01711") && f.forgotten_at.is_some());
    assert!(!f.consent_updates);
}

#[tokio::test]
async fn a_refused_redaction_or_move_comes_back_on_the_feedback_page_with_what_was_typed() {
    let app = spawn_app().await;
    let designer = app.staff("designer", &["MOHA"]).await;
    let a = app.submit_text("DIP-001", WITH_PHONE).await;
    let page = format!("/staff/feedback/{}", a.id);
    let refused = designer.post(&format!("{page}/redact"), &[("span", "Karim Mia")]).await;
    assert_eq!(refused.status(), 422);
    let html = refused.text().await.unwrap();
    assert!(html.contains("href=\"#span\"") && html.contains("id=\"span-error\""), "{html}");
    assert!(html.contains("value=\"Karim Mia\""), "the text typed is kept");
    assert!(html.contains("action=\"/staff/logout\""), "the staff layout");
    let before = app.reload(a.id).await.public_text();
    let refused = designer.post(&format!("{page}/theme"), &[("theme", "999999")]).await;
    assert_eq!(refused.status(), 422);
    let html = refused.text().await.unwrap();
    assert!(html.contains("এই সেবার একটি বিষয় বেছে নিন") && html.contains("id=\"theme-error\""), "{html}");
    assert_eq!(app.reload(a.id).await.theme_id, a.theme_id, "nothing moved");
    assert_eq!(app.reload(a.id).await.public_text(), before, "nothing masked");
    let done = designer.post(&format!("{page}/redact"), &[("span", "Rahim Uddin")]).await;
    let to = done.headers()["location"].to_str().unwrap().to_owned();
    assert_eq!(to, format!("{page}?done=redacted"));
    assert!(designer.get(&to).await.text().await.unwrap().contains("লেখার অংশটি ঢেকে দেওয়া হয়েছে"));
    let hidden = designer.post(&format!("{page}/state"), &[("state", "hidden")]).await;
    assert_eq!(hidden.headers()["location"].to_str().unwrap(), format!("{page}?done=hidden"));
}
