//! Delivery through a real SMTP server on 127.0.0.1: a server that is down and
//! then up gets every message exactly once; a permanent refusal parks the message,
//! which an admin sees (masked) and sends again.

use std::time::Duration;

use diesel::prelude::*;
use nagorik::db::schema::{audit_log, outbox as outbox_table};
use nagorik::db::{self, outbox};

use crate::helpers::{spawn_app_with, wait_until, wait_within};
use crate::smtp_server::{closed_port, Mode, SmtpServer};

#[tokio::test]
async fn mail_queued_while_the_smtp_server_is_down_arrives_exactly_once_when_it_is_up() {
    let port = closed_port();
    let app = spawn_app_with(|s| {
        s.mail.stub = false;
        s.mail.smtp_url = format!("smtp://127.0.0.1:{port}");
    })
    .await;
    let mut codes = Vec::new();
    for (i, lang) in ["bn", "en", "bn"].iter().enumerate() {
        let email = format!("citizen{i}@example.com");
        codes.push(app.give_feedback("DIP-001", Some(&email), false, lang).await);
    }
    // Attempts fail while nothing listens; every submission was acknowledged anyway.
    let most_attempts = || {
        db::run_blocking(&app.pool, |c| {
            nagorik::db::schema::outbox::table
                .select(diesel::dsl::max(nagorik::db::schema::outbox::attempts))
                .first::<Option<i32>>(c)
        })
    };
    let attempts = wait_until("a failed attempt", || async { most_attempts().await.unwrap() }, |&a| a >= Some(1)).await;
    assert!(attempts.unwrap_or(0) >= 1, "the worker tried and will try again");
    assert_eq!(app.outbox_count(outbox::QUEUED).await, 3);

    let smtp = SmtpServer::start_on(port, Mode::Accept).await;
    let arrived = smtp.wait_for(3).await;
    // A message is marked sent only after the server took it: once all three are, none can come again.
    wait_until("three sent outbox rows", || app.outbox_count(outbox::SENT), |&sent| sent == 3).await;
    let arrived_later = smtp.received();
    assert_eq!((arrived.len(), arrived_later.len()), (3, 3), "each message once");
    let mut to: Vec<String> = arrived_later.iter().flat_map(|m| m.recipients.clone()).collect();
    to.sort();
    assert_eq!(to, ["citizen0@example.com", "citizen1@example.com", "citizen2@example.com"]);
    for (i, code) in codes.iter().enumerate() {
        let message = arrived_later.iter().find(|m| m.recipients[0] == format!("citizen{i}@example.com")).unwrap();
        let text = message.decoded();
        assert!(text.contains(&format!("/track/{code}")), "{text}");
        let english = text.contains("We received your feedback");
        assert_eq!(english, i == 1, "language of submission {i}: {text}");
    }
    app.wait_for_sent(3).await;
}

#[tokio::test]
async fn a_permanent_refusal_parks_the_message_and_an_admin_can_send_it_again() {
    let smtp = SmtpServer::start(Mode::RejectRecipients).await;
    let url = smtp.url();
    let app = spawn_app_with(move |s| {
        s.mail.stub = false;
        s.mail.smtp_url = url;
    })
    .await;
    app.give_feedback("DIP-001", Some("rahim@example.com"), false, "en").await;
    wait_until("a parked message", || app.outbox_count(outbox::FAILED), |&failed| failed >= 1).await;
    assert_eq!(app.outbox_count(outbox::FAILED).await, 1, "a 550 parks at once");
    assert!(smtp.received().is_empty());

    let designer = app.staff("designer", &["MOHA"]).await;
    assert_eq!(designer.get("/staff/outbox").await.status(), 403);
    let other_ministry = app.staff("ministry-admin", &["MOL"]).await;
    let page = other_ministry.get("/staff/outbox").await.text().await.unwrap();
    assert!(!page.contains("ra•••@example.com"), "another ministry's mail is not listed");
    let admin = app.staff("ministry-admin", &["MOHA"]).await;
    let page = admin.get("/staff/outbox").await.text().await.unwrap();
    assert!(page.contains("ra•••@example.com") && !page.contains("rahim@"), "{page}");
    assert!(page.contains("smtp 550"), "{page}");
    let id = db::run_blocking(&app.pool, |c| {
        nagorik::db::schema::outbox::table.select(nagorik::db::schema::outbox::id).first::<i64>(c)
    })
    .await
    .unwrap();
    let path = format!("/staff/outbox/{id}/retry");
    assert_eq!(other_ministry.post(&path, &[]).await.status(), 404);

    smtp.set_mode(Mode::Accept);
    let retried = admin.post(&path, &[]).await;
    assert_eq!(retried.status(), 303);
    assert_eq!(retried.headers()["location"], "/staff/outbox?done=retried", "the list says so");
    let arrived = smtp.wait_for(1).await;
    assert_eq!(arrived.len(), 1);
    assert_eq!(arrived[0].recipients, ["rahim@example.com"]);
    let audited = db::run_blocking(&app.pool, |c| {
        audit_log::table.filter(audit_log::action.eq("mail.retry")).count().get_result::<i64>(c)
    })
    .await
    .unwrap();
    assert_eq!(audited, 1);
}

#[tokio::test]
async fn a_server_that_keeps_putting_mail_off_is_retried_until_the_message_is_too_old_and_only_then_parked() {
    let smtp = SmtpServer::start(Mode::PutOff).await;
    let url = smtp.url();
    let app = spawn_app_with(move |s| {
        s.mail.stub = false;
        s.mail.smtp_url = url;
        s.mail.retry_ms = 5;
    })
    .await;
    app.give_feedback("DIP-001", Some("rahim@example.com"), false, "en").await;
    let state_and_attempts = || {
        db::run_blocking(&app.pool, |c| {
            outbox_table::table.select((outbox_table::state, outbox_table::attempts)).first::<(String, i32)>(c)
        })
    };
    // Well past the eight attempts that used to park a receipt after about 95 minutes of outage.
    let probe = || async { state_and_attempts().await.unwrap() };
    let (state, _) = wait_within(Duration::from_secs(120), "ten put-off attempts", probe, |s| s.1 >= 10).await;
    assert_eq!(state, outbox::QUEUED, "a young message is never parked for a transient failure");
    assert_eq!(app.outbox_count(outbox::FAILED).await, 0);

    // Three days and a minute later (the default age), the next put-off parks it.
    let old = chrono::Utc::now().naive_utc() - chrono::Duration::minutes(3 * 24 * 60 + 1);
    db::run_blocking(&app.pool, move |c| {
        diesel::update(outbox_table::table)
            .set((outbox_table::created_at.eq(old), outbox_table::next_attempt_at.eq(old)))
            .execute(c)
    })
    .await
    .unwrap();
    wait_until("the old message parked", || app.outbox_count(outbox::FAILED), |&failed| failed == 1).await;
}
