//! "You said, we did": a backlog move queues one update per consenting citizen
//! (through `queue_backlog_status_change`, called in the move's transaction, as the
//! backlog code will), sent through a real SMTP server on 127.0.0.1.

use chrono::Utc;
use diesel::prelude::*;
use nagorik::config::MailSettings;
use nagorik::db::backlog_items::{self, NewBacklogItem};
use nagorik::db::backlog_moves::{self, NewBacklogMove};
use nagorik::db::schema::feedback;
use nagorik::db::{self, outbox, services, write_transaction};
use nagorik::email::notifications::queue_backlog_status_change;
use nagorik::email::unsubscribe::UnsubscribeKey;
use nagorik::jobs::JobContext;
use serde_json::json;
use std::sync::Arc;

use crate::helpers::{spawn_app, spawn_app_with, TestApp};
use crate::smtp_server::{Mode, SmtpServer};

impl TestApp {
    /// Moves the backlog item of `service` (promoting it first if needed) to `to`, with `note`,
    /// and queues the updates in the same transaction; returns how many were queued.
    pub async fn move_backlog_item(&self, service: &str, to: &str, note: &str, problem: &str) -> usize {
        let (service, to, note, problem) = (service.to_owned(), to.to_owned(), note.to_owned(), problem.to_owned());
        db::run_blocking(&self.pool, move |c| {
            write_transaction(c, |c| {
                let now = Utc::now().naive_utc();
                let (svc, _, _) = services::find_by_code(c, &service)?.expect("fixture service");
                let mut item = match backlog_items::for_service(c, svc.id)? {
                    Some(item) => item,
                    None => backlog_items::insert(
                        c,
                        &NewBacklogItem {
                            service_id: svc.id,
                            problem_bn: format!("বাংলা: {problem}"),
                            problem_en: problem.clone(),
                            status: "identified".into(),
                            target_year: None,
                            owner_office_id: None,
                            created_by: None,
                            created_at: now,
                            updated_at: now,
                        },
                    )?,
                };
                let step = NewBacklogMove {
                    backlog_item_id: item.id,
                    from_status: Some(item.status.clone()),
                    to_status: to.clone(),
                    note,
                    staff_id: None,
                    created_at: now,
                };
                let recorded = backlog_moves::insert(c, &step)?;
                item.status = to;
                backlog_items::save(c, &item)?;
                queue_backlog_status_change(c, recorded.id, now)
            })
        })
        .await
        .expect("backlog move")
    }

    /// Submits feedback through the API; returns its tracking code.
    pub async fn give_feedback(&self, service: &str, email: Option<&str>, consent: bool, language: &str) -> String {
        let body = json!({"service_code": service, "kind": "complaint", "district": "dhaka",
            "text": "The office asked me to come back three times for one paper", "email": email,
            "consent": consent, "language": language});
        let response = self.post_api_feedback(&body).await;
        assert_eq!(response.status(), 201);
        response.json::<serde_json::Value>().await.unwrap()["tracking_code"].as_str().unwrap().to_owned()
    }
}

#[tokio::test]
async fn a_status_change_tells_each_consenting_citizen_once_in_the_language_of_their_latest_feedback() {
    let smtp = SmtpServer::start(Mode::Accept).await;
    let app = spawn_app_with(|s| {
        s.mail.stub = false;
        s.mail.smtp_url = smtp.url();
        s.mail.from = "Nagorik <no-reply@nagorik.example>".into();
        s.mail.reply_to = "help@nagorik.example".into();
    })
    .await;
    app.give_feedback("ORGBDR-001", Some("rahim@example.com"), true, "bn").await;
    app.give_feedback("ORGBDR-001", Some("Rahim@Example.com"), true, "en").await;
    app.give_feedback("ORGBDR-001", Some("karim@example.com"), false, "bn").await;
    let spam = app.give_feedback("ORGBDR-001", Some("spam@example.com"), true, "bn").await;
    app.give_feedback("ORGBDR-001", Some("salma@example.com"), true, "bn").await;
    app.give_feedback("ORGBDR-002", Some("other@example.com"), true, "bn").await;
    app.give_feedback("ORGBDR-001", None, false, "bn").await;
    db::run_blocking(&app.pool, move |c| {
        diesel::update(feedback::table.filter(feedback::tracking_code.eq(spam)))
            .set(feedback::moderation.eq("spam"))
            .execute(c)
    })
    .await
    .unwrap();
    let acks = smtp.wait_for(6).await.len();
    assert_eq!(acks, 6, "six addresses were given");

    let queued =
        app.move_backlog_item("ORGBDR-001", "designing", "Design workshops start in March", "Three visits").await;
    assert_eq!(queued, 2, "rahim (once) and salma");
    let all = smtp.wait_for(8).await;
    let updates: Vec<_> = all[6..].to_vec();
    let mut to: Vec<String> = updates.iter().flat_map(|m| m.recipients.clone()).map(|a| a.to_lowercase()).collect();
    to.sort();
    assert_eq!(to, ["rahim@example.com", "salma@example.com"]);
    let rahim = updates.iter().find(|m| m.recipients[0].eq_ignore_ascii_case("rahim@example.com")).unwrap().decoded();
    assert!(rahim.contains("You said, we did"), "{rahim}");
    assert!(rahim.contains("being designed") && rahim.contains("Design workshops start in March"));
    assert!(rahim.contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click"));
    assert!(rahim.contains("Reply-To: help@nagorik.example"), "{rahim}");
    let salma = updates.iter().find(|m| m.recipients[0] == "salma@example.com").unwrap().decoded();
    assert!(salma.contains("আপনি বলেছেন, আমরা করেছি") && salma.contains("ডিজাইন চলছে"), "{salma}");

    assert_eq!(app.move_backlog_item("ORGBDR-001", "designing", "note only", "x").await, 0, "no change, no mail");
    app.wait_for_empty_outbox_queue().await;
    assert_eq!(smtp.received().len(), 8, "each message once");
}

#[tokio::test]
async fn an_address_that_unsubscribed_gets_no_update_even_one_already_queued() {
    // The app's own worker looks once at start and then sleeps; this test runs the rounds.
    let app = spawn_app_with(|s| s.mail.poll_ms = 3_600_000).await;
    app.give_feedback("DIP-001", Some("rahim@example.com"), true, "en").await;
    let now = Utc::now().naive_utc();
    let key = UnsubscribeKey::load(&mut app.pool.get().unwrap(), "", now).unwrap();
    assert_eq!(app.move_backlog_item("DIP-001", "designing", "", "Passport delays").await, 1);
    let response = app.client.post(format!("{}/unsubscribe/{}", app.address, key.token("rahim@example.com")));
    assert_eq!(response.send().await.unwrap().status(), 200);

    let context = Arc::new(JobContext {
        pool: app.pool.clone(),
        mailer: app.mailer.clone(),
        templates: nagorik::templates::build().unwrap(),
        key,
        settings: MailSettings { stub: true, ..Default::default() },
        base_url: app.address.clone(),
        rates: Default::default(),
        contact_retention_months: 24,
        embeddings: None,
    });
    let (_stop, mut stopped) = tokio::sync::watch::channel(false);
    nagorik::jobs::outbox::deliver_due(&context, &mut stopped).await.unwrap();
    let sent = app.mailer.sent();
    assert!(sent.iter().all(|m| !m.subject.starts_with("You said")), "the queued update was not sent");
    assert_eq!(app.outbox_count(outbox::SKIPPED).await, 1);
    assert_eq!(app.move_backlog_item("DIP-001", "approved", "", "Passport delays").await, 0, "left out at once");
}

#[tokio::test]
async fn hostile_notes_and_problems_are_escaped_in_html_and_kept_off_the_subject() {
    let app = spawn_app().await;
    app.give_feedback("DIP-001", Some("rahim@example.com"), true, "en").await;
    app.wait_for_mail(1).await;
    let hostile = "<script>alert('x')</script>\r\nBcc: victim@example.org";
    assert_eq!(app.move_backlog_item("DIP-001", "designing", hostile, hostile).await, 1);
    let mail = app.wait_for_mail(2).await;
    let update = mail.iter().find(|m| m.subject.starts_with("You said")).expect("update sent");
    assert!(!update.html.contains("<script>") && update.html.contains("&lt;script&gt;"), "{}", update.html);
    assert!(!update.subject.contains(['\r', '\n']));
    let headers = update.raw.split("\r\n\r\n").next().unwrap();
    assert!(!headers.lines().any(|l| l.starts_with("Bcc:")), "{headers}");
    let url = update.unsubscribe_url.clone().expect("unsubscribe link");
    assert!(update.text.contains(&url) && !url.contains("rahim"), "no address in the link");
    app.wait_for_sent(2).await;
}

#[tokio::test]
async fn promoting_and_moving_an_item_on_the_backlog_pages_tells_the_citizen_each_time() {
    let app = spawn_app().await;
    app.give_feedback("ORGBDR-001", Some("rahim@example.com"), true, "en").await;
    app.wait_for_mail(1).await;
    let designer = app.staff("designer", &["LGD"]).await;
    let item = designer.promote(&app, "ORGBDR-001", "বারবার যেতে হয়").await;
    let admin = app.staff("ministry-admin", &["LGD"]).await;
    assert_eq!(admin.move_to(item, "designing", "Workshops in March").await, 303);
    assert_eq!(admin.move_to(item, "approved", "").await, 303);
    let mail = app.wait_for_mail(4).await;
    let updates: Vec<_> = mail.iter().filter(|m| m.subject.starts_with("You said")).collect();
    assert_eq!(updates.len(), 3, "one for the promotion and one per move");
    assert!(updates.iter().all(|m| m.to == "rahim@example.com"));
    assert!(updates.iter().any(|m| m.text.contains("Workshops in March")));
    // A refused move tells nobody.
    assert_eq!(admin.move_to(item, "live", "").await, 422);
    app.wait_for_empty_outbox_queue().await;
    assert_eq!(app.mailer.sent().len(), 4);
}
