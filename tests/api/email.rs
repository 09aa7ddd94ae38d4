//! Mail through the outbox with the in-memory stub mailer: acknowledgements,
//! escaping of hostile input, unsubscribe, digests, review reminders and the
//! staff pages for failed mail and digest settings.

use nagorik::db::{self, outbox};
use nagorik::email::SentEmail;
use serde_json::json;

use crate::helpers::{code_from_redirect, form_with, shown, spawn_app, valid_form, wait_until, TestApp};

impl TestApp {
    /// Waits until the stub mailer holds at least `n` messages (failing after `PATIENCE`), then returns them all.
    pub async fn wait_for_mail(&self, n: usize) -> Vec<SentEmail> {
        let what = format!("{n} messages in the stub mailer");
        wait_until(&what, || async { self.mailer.sent().len() }, |&sent| sent >= n).await;
        self.mailer.sent()
    }

    /// Waits until the outbox worker has dealt with every queued message (none is left `queued`):
    /// after that, nothing more is sent unless something new is queued.
    pub async fn wait_for_empty_outbox_queue(&self) {
        wait_until("no queued outbox message", || self.outbox_count(outbox::QUEUED), |&queued| queued == 0).await;
    }

    /// Waits until exactly `n` outbox rows are marked sent: a message reaches the mail server a
    /// moment before its row says so.
    pub async fn wait_for_sent(&self, n: i64) {
        let what = format!("{n} outbox messages marked sent");
        wait_until(&what, || self.outbox_count(outbox::SENT), |&sent| sent == n).await;
    }

    /// Outbox rows in `state`.
    pub async fn outbox_count(&self, state: &'static str) -> i64 {
        db::run_blocking(&self.pool, move |c| outbox::count_in_state(c, state)).await.unwrap()
    }
}

#[tokio::test]
async fn a_citizen_who_left_an_email_gets_an_acknowledgement_with_code_and_link_in_their_language() {
    let app = spawn_app().await;
    let mut form = form_with("email", "rahim@example.com");
    form.push(("name", "<script>alert(1)</script>"));
    let response = app.post_feedback_form("ORGBDR-001", &form).await;
    assert_eq!(response.status(), 303);
    let code = code_from_redirect(&response);
    let mail = app.wait_for_mail(1).await;
    assert_eq!(mail.len(), 1);
    let ack = &mail[0];
    assert_eq!(ack.to, "rahim@example.com");
    assert!(ack.subject.contains(&shown(&code)) && ack.subject.contains("পেয়েছি"), "{}", ack.subject);
    assert!(ack.text.contains(&format!("/track/{code}")), "{}", ack.text);
    assert!(ack.html.contains(&format!("/track/{code}")));
    assert!(!ack.html.contains("<script>") && !ack.text.contains("alert"), "nothing typed is repeated");
    app.wait_for_sent(1).await;

    let mut body = json!({"service_code": "DIP-001", "kind": "complaint", "district": "dhaka",
        "text": "Passport took three months and two visits", "email": "karim@example.com", "language": "en"});
    assert_eq!(app.post_api_feedback(&body).await.status(), 201);
    let mail = app.wait_for_mail(2).await;
    let en = mail.iter().find(|m| m.to == "karim@example.com").expect("English acknowledgement");
    assert!(en.subject.starts_with("We received your feedback"), "{}", en.subject);
    assert!(en.text.contains("What happens next"));
    body["email"] = json!(null);
    assert_eq!(app.post_api_feedback(&body).await.status(), 201);
    // Acknowledgements are queued with the feedback, before the 201: once the queue is empty, all went out.
    app.wait_for_empty_outbox_queue().await;
    assert_eq!(app.mailer.sent().len(), 2, "no email, no acknowledgement");
}

#[tokio::test]
async fn a_header_injection_in_the_email_field_is_refused_and_queues_nothing() {
    let app = spawn_app().await;
    let form = form_with("email", "a@b.example\r\nBcc: victim@example.org");
    let response = app.post_feedback_form("ORGBDR-001", &form).await;
    assert_eq!(response.status(), 422);
    assert_eq!(app.outbox_count(outbox::QUEUED).await + app.outbox_count(outbox::SENT).await, 0);
    assert_eq!(app.feedback_count().await, 0);
}

#[tokio::test]
async fn many_submissions_at_once_are_each_acknowledged_once() {
    let app = spawn_app().await;
    // Sent side by side, so the intake writer stores them in groups (its batch path).
    let posts: Vec<_> = (0..12)
        .map(|i| {
            let (client, url) = (app.client.clone(), format!("{}/services/ORGBDR-001/feedback", app.address));
            let mut form: Vec<(String, String)> =
                valid_form().into_iter().map(|(k, v)| (k.to_owned(), v.to_owned())).collect();
            form.push(("email".into(), format!("citizen{i}@example.com")));
            tokio::spawn(async move { client.post(url).form(&form).send().await.unwrap().status() })
        })
        .collect();
    for post in posts {
        assert_eq!(post.await.unwrap(), 303);
    }
    app.wait_for_mail(12).await;
    app.wait_for_empty_outbox_queue().await;
    let mail = app.mailer.sent();
    let mut to: Vec<String> = mail.iter().map(|m| m.to.clone()).collect();
    to.sort();
    to.dedup();
    assert_eq!((mail.len(), to.len()), (12, 12));
}

#[tokio::test]
async fn the_unsubscribe_link_shows_one_button_and_a_post_is_honoured_at_once() {
    let app = spawn_app().await;
    let key = nagorik::email::unsubscribe::UnsubscribeKey::load(
        &mut app.pool.get().unwrap(),
        "",
        chrono::Utc::now().naive_utc(),
    )
    .unwrap();
    let token = key.token("Rahim@Example.com");
    let page = app.get(&format!("/unsubscribe/{token}?lang=en")).await;
    assert_eq!(page.status(), 200);
    let html = page.text().await.unwrap();
    assert!(html.contains("Stop updates") && html.contains("method=\"post\""), "{html}");
    let hash = nagorik::email::unsubscribe::address_hash("rahim@example.com");
    let check = hash.clone();
    let unsubscribed = move |c: &mut nagorik::db::Conn| nagorik::db::unsubscribes::is_unsubscribed(c, &check);
    assert!(!db::run_blocking(&app.pool, unsubscribed.clone()).await.unwrap(), "a GET changes nothing");

    let done = app
        .client
        .post(format!("{}/unsubscribe/{token}", app.address))
        .form(&[("List-Unsubscribe", "One-Click")])
        .send()
        .await
        .unwrap();
    assert_eq!(done.status(), 200);
    assert!(db::run_blocking(&app.pool, unsubscribed).await.unwrap());
    let again = app.client.post(format!("{}/unsubscribe/{token}", app.address)).send().await.unwrap();
    assert_eq!(again.status(), 200, "twice is fine");

    let forged = format!("{hash}-{}", "0".repeat(32));
    assert_eq!(app.get(&format!("/unsubscribe/{forged}")).await.status(), 404);
    let post = app.client.post(format!("{}/unsubscribe/{forged}", app.address)).send().await.unwrap();
    assert_eq!(post.status(), 404);
}
