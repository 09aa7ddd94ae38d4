//! The outbox worker's claim on a message (its lease): renewed while a slow SMTP server takes its
//! time, so a second app server never sends the message again meanwhile; and taken up by another
//! process within the lease when the worker that claimed it died mid-send, the repeat keeping its
//! `Message-ID`.

use std::process::{Child, Command, Stdio};

use chrono::{NaiveDateTime, Utc};
use diesel::prelude::*;
use nagorik::db::schema::outbox as outbox_table;
use nagorik::db::{self, outbox};

use crate::durability::{free_port, wait_healthy};
use crate::helpers::{spawn_app_with, spawn_second_server, wait_until, TestApp};
use crate::smtp_server::{Mode, SmtpServer};

const LEASE_SECS: u64 = 2;

/// The claim on the only outbox row and its state.
async fn claim(app: &TestApp) -> (Option<NaiveDateTime>, String) {
    db::run_blocking(&app.pool, |c| {
        outbox_table::table.select((outbox_table::claimed_until, outbox_table::state)).first(c)
    })
    .await
    .unwrap()
}

fn message_id(raw: &str) -> String {
    raw.lines().find(|l| l.to_ascii_lowercase().starts_with("message-id:")).unwrap_or_default().to_owned()
}

#[tokio::test]
async fn a_slow_server_keeps_the_claim_renewed_so_a_second_app_server_never_sends_the_message_again() {
    let smtp = SmtpServer::start(Mode::Accept).await;
    smtp.hold();
    let mail = |s: &mut nagorik::config::Settings| {
        s.mail.stub = false;
        s.mail.smtp_url = smtp.url();
        s.mail.lease_secs = LEASE_SECS;
    };
    let app = spawn_app_with(mail).await;
    let _second = spawn_second_server(&app, mail).await;
    app.give_feedback("DIP-001", Some("rahim@example.com"), false, "en").await;

    // One of the two servers is sending; the server keeps the message without answering.
    smtp.wait_for(1).await;
    let (first, _) = claim(&app).await;
    let first = first.expect("the message being sent is claimed");
    // Past the first claim's end the message is still claimed (renewed) and still queued.
    let past = first + chrono::Duration::seconds(1);
    wait_until("the first claim to run out", || async { Utc::now().naive_utc() }, |now| *now > past).await;
    let (renewed, state) = claim(&app).await;
    assert_eq!(state, outbox::QUEUED);
    assert!(renewed.is_some_and(|until| until > past), "claim {renewed:?} not renewed past {past}");
    assert_eq!(smtp.received().len(), 1, "the other server sent the message again");

    smtp.release();
    wait_until("the message marked sent", || app.outbox_count(outbox::SENT), |&n| n == 1).await;
    assert_eq!(smtp.received().len(), 1, "each message once");
}

fn serve(url: &str, port: u16, smtp: &str) -> Child {
    Command::new(env!("CARGO_BIN_EXE_nagorik"))
        .args(["serve", "--bind", &format!("127.0.0.1:{port}")])
        .env("NAGORIK_DATABASE_URL", url)
        .env("NAGORIK_LOG", "error")
        .env("NAGORIK_SMTP_URL", smtp)
        .env("NAGORIK_MAIL_LEASE_SECS", LEASE_SECS.to_string())
        .env("NAGORIK_MAIL_POLL_MS", "100")
        .env_remove("NAGORIK_CONFIG")
        .stdout(Stdio::null())
        .spawn()
        .expect("server starts")
}

#[tokio::test]
async fn a_message_whose_sender_died_mid_send_is_sent_by_the_next_process_with_the_same_message_id() {
    let smtp = SmtpServer::start(Mode::Accept).await;
    smtp.hold();
    // The test's own app only made the database: its worker looks at the outbox once an hour.
    let app = spawn_app_with(|s| s.mail.poll_ms = 3_600_000).await;
    let (port, client) = (free_port(), reqwest::Client::new());
    let base = format!("http://127.0.0.1:{port}");
    let mut first = serve(&app.database_url, port, &smtp.url());
    wait_healthy(&client, &base).await;
    let body = serde_json::json!({"service_code": "DIP-001", "kind": "complaint", "district": "dhaka",
        "text": "The office asked me to come back three times for one paper", "email": "karim@example.com",
        "language": "en"});
    let response = client.post(format!("{base}/api/v1/feedback")).json(&body).send().await.unwrap();
    assert_eq!(response.status(), 201);

    // The process is sending (the server holds the message) when it is killed.
    smtp.wait_for(1).await;
    first.kill().unwrap(); // SIGKILL
    first.wait().unwrap();
    smtp.release();
    let mut next = serve(&app.database_url, port, &smtp.url());
    wait_healthy(&client, &base).await;
    let arrived = smtp.wait_for(2).await;
    wait_until("the message marked sent", || app.outbox_count(outbox::SENT), |&n| n == 1).await;
    next.kill().unwrap();
    next.wait().unwrap();
    assert_eq!(arrived.len(), 2, "sent again once, after the claim ran out");
    let (a, b) = (message_id(&arrived[0].raw), message_id(&arrived[1].raw));
    assert!(a.contains("nagorik."), "{a}");
    assert_eq!(a, b, "the repeat keeps its Message-ID");
}
