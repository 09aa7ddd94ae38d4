//! Retention: once a day across servers, sent mail, idempotency keys, expired sessions, old
//! log-in failures and, after the configured months, citizens' contact details go (audited).

use chrono::{Duration, Months, Utc};
use diesel::prelude::*;
use nagorik::db::outbox;
use nagorik::db::schema::outbox as mail;
use nagorik::db::schema::{audit_log, feedback, login_failures, staff_sessions};
use nagorik::db::{self};
use nagorik::jobs::retention::{self, Purged};
use serde_json::json;

use crate::helpers::{spawn_app, wait_until};
use crate::staff_helpers::PASSWORD;

#[tokio::test]
async fn retention_runs_once_a_day_and_removes_only_what_is_past_its_time() {
    let app = spawn_app().await;
    // The server's own schedule claims today as it starts.
    let ran =
        || async { db::run_blocking(&app.pool, |c| retention::ran_today(c, Utc::now().naive_utc())).await.unwrap() };
    wait_until("the server to run today's retention", ran, |done| *done).await;

    let body = |text: &str| {
        json!({"service_code": "ORGBDR-001", "kind": "complaint", "district": "dhaka",
                                   "text": text, "email": "rahim@example.com", "name": "Rahim"})
    };
    let old = app
        .client
        .post(format!("{}/api/v1/feedback", app.address))
        .header("Idempotency-Key", "k-1")
        .json(&body("জন্ম নিবন্ধনে তিন মাস লেগেছে, কেউ কিছু বলে না"))
        .send()
        .await
        .unwrap();
    let old_code = old.json::<serde_json::Value>().await.unwrap()["tracking_code"].as_str().unwrap().to_owned();
    let recent = app.post_api_feedback(&body("জন্ম নিবন্ধনে চারবার ইউনিয়ন পরিষদে যেতে হলো")).await;
    assert_eq!(recent.status(), 201);
    let recent_code = recent.json::<serde_json::Value>().await.unwrap()["tracking_code"].as_str().unwrap().to_owned();
    wait_until("both acknowledgements sent", || app.outbox_count(outbox::SENT), |&n| n == 2).await;
    let (_, email) = app.create_staff("designer", &["LGD"]).await;
    app.log_in(&email, PASSWORD).await;
    app.log_in(&email, "wrong password entirely").await; // one failure by account, one by address

    // Everything but the recent feedback is made old enough to go.
    let now = Utc::now().naive_utc() + Duration::days(1);
    let old_id = app.stored_feedback(&old_code).await.id;
    db::run_blocking(&app.pool, move |c| -> QueryResult<()> {
        let first: i64 = mail::table.select(mail::id).order(mail::id).first(c)?;
        diesel::update(mail::table.find(first)).set(mail::sent_at.eq(now - Duration::days(91))).execute(c)?;
        diesel::update(feedback::table.find(old_id))
            .set(feedback::created_at.eq(now - Duration::hours(25)))
            .execute(c)?;
        diesel::update(staff_sessions::table)
            .set(staff_sessions::expires_at.eq(now - Duration::minutes(1)))
            .execute(c)?;
        diesel::update(login_failures::table)
            .set(login_failures::created_at.eq(now - Duration::hours(25)))
            .execute(c)?;
        let long_ago = now.checked_sub_months(Months::new(25)).unwrap();
        diesel::update(feedback::table.find(old_id)).set(feedback::updated_at.eq(long_ago)).execute(c)?;
        Ok(())
    })
    .await
    .unwrap();

    let purged = db::run_blocking(&app.pool, move |c| retention::run_daily(c, now, 24)).await.unwrap();
    assert_eq!(purged, Some(Purged { sent_mail: 1, idempotency_keys: 1, sessions: 1, login_failures: 2, contacts: 1 }));
    let again = db::run_blocking(&app.pool, move |c| retention::run_daily(c, now, 24)).await.unwrap();
    assert_eq!(again, None, "once a day, whichever server asks");

    let old_row = app.reload(old_id).await;
    assert_eq!((old_row.contact_email, old_row.contact_name, old_row.consent_updates), (None, None, false));
    let key: Option<String> =
        db::run_blocking(&app.pool, move |c| feedback::table.find(old_id).select(feedback::idempotency_key).first(c))
            .await
            .unwrap();
    assert_eq!(key, None, "the day-old retry key is erased from its feedback");
    assert_eq!(old_row.body, "জন্ম নিবন্ধনে তিন মাস লেগেছে, কেউ কিছু বলে না", "the feedback itself stays");
    let kept = app.stored_feedback(&recent_code).await;
    assert_eq!(kept.contact_email.as_deref(), Some("rahim@example.com"), "recent contacts stay");
    let audited: Vec<String> = db::run_blocking(&app.pool, |c| {
        audit_log::table
            .filter(audit_log::action.eq("feedback.contacts_expired"))
            .select(audit_log::after_json.assume_not_null())
            .load(c)
    })
    .await
    .unwrap();
    assert_eq!(audited.len(), 1);
    assert!(audited[0].contains("\"contacts_erased\":1"), "{audited:?}");
    assert_eq!(app.outbox_count(outbox::SENT).await, 1, "recent mail stays");
}
