//! Personal data in the formats people really type is masked on arrival, and `nagorik
//! remask` masks rows stored under older rules, keeping designers' redactions.

use diesel::prelude::*;
use nagorik::db::schema::feedback;
use nagorik::db::{self};

use crate::helpers::{nagorik, spawn_app};

#[tokio::test]
async fn contacts_in_unusual_formats_are_masked_on_arrival_and_older_rows_by_remask() {
    let app = spawn_app().await;
    let text = "জন্ম নিবন্ধনে দেরি। ফোন ০১৭১১\u{00A0}০০০০০০, ইমেইল rahim\u{FF20}example.com।";
    let stored = app.submit_text("ORGBDR-001", text).await;
    let row = app.reload(stored.id).await;
    assert_eq!(row.public_text(), "জন্ম নিবন্ধনে দেরি। ফোন [number], ইমেইল [email]।");
    assert!(row.has_personal_data);

    // A row masked under older rules, with a designer's redaction in it.
    let old = app.submit_text("ORGBDR-001", "দালাল টাকা চেয়েছে, কেউ শোনে না").await;
    let id = old.id;
    let public = "দালাল [redacted] টাকা চেয়েছে, 01711\u{2014}000000 নম্বরে ফোন করুন, a@b.com.";
    db::run_blocking(&app.pool, move |c| {
        diesel::update(feedback::table.find(id))
            .set((feedback::public_body.eq(public), feedback::has_personal_data.eq(false)))
            .execute(c)
    })
    .await
    .unwrap();

    let out = nagorik(&["remask"], &app.database_url);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("1 feedback texts masked again"));
    let row = app.reload(id).await;
    assert_eq!(row.public_text(), "দালাল [redacted] টাকা চেয়েছে, [number] নম্বরে ফোন করুন, [email].");
    assert!(row.has_personal_data);
    assert_eq!(row.body, "দালাল টাকা চেয়েছে, কেউ শোনে না", "the original text is untouched");
    let entry = app.audit_entries().await.into_iter().find(|e| e.action == "feedback.remask").expect("audited");
    assert!(entry.after_json.unwrap().contains("\"remasked\":1"));

    let again = nagorik(&["remask"], &app.database_url);
    assert!(String::from_utf8_lossy(&again.stdout).starts_with("0 feedback texts masked again"));
}
