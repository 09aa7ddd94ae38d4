//! Staff mail: the daily digest (opted in on the settings page) and the quarterly
//! review reminder, each queued once per period whatever runs the schedule again.

use chrono::{Months, NaiveDateTime, Utc};
use nagorik::db::backlog_items::{self, NewBacklogItem};
use nagorik::db::backlog_reviews::{self, NewBacklogReview};
use nagorik::db::{self, services, Conn};
use nagorik::jobs::{digest, reminders};

use crate::helpers::{spawn_app, TestApp};

async fn service_name(app: &TestApp, code: &'static str) -> String {
    db::run_blocking(&app.pool, move |c| services::find_by_code(c, code)).await.unwrap().unwrap().0.name_en
}

async fn run<T: Send + 'static>(
    app: &TestApp,
    f: impl FnOnce(&mut Conn) -> diesel::QueryResult<T> + Send + 'static,
) -> T {
    db::run_blocking(&app.pool, f).await.unwrap()
}

#[tokio::test]
async fn the_daily_digest_counts_new_feedback_of_the_staff_members_ministries_once_a_day() {
    let app = spawn_app().await;
    let designer = app.staff("designer", &["LGD"]).await;
    let page = designer.get("/staff/settings").await.text().await.unwrap();
    assert!(page.contains("name=\"digest\"") && !page.contains("checked"), "{page}");
    assert_eq!(designer.post("/staff/settings", &[("digest", "on")]).await.status(), 303);
    assert!(designer.get("/staff/settings?saved=1").await.text().await.unwrap().contains("checked"));
    for code in ["ORGBDR-001", "ORGBDR-001", "ORGBDR-002", "DIP-001"] {
        app.give_feedback(code, None, false, "bn").await;
    }
    let now = Utc::now().naive_utc() + chrono::Duration::seconds(1);
    assert_eq!(run(&app, move |c| digest::queue_digests(c, now, 0)).await, 1);
    assert_eq!(run(&app, move |c| digest::queue_digests(c, now, 0)).await, 0, "once a day");
    let mail = app.wait_for_mail(1).await;
    let sent = mail.iter().find(|m| m.to == designer.email).expect("digest sent");
    assert!(sent.subject.contains("3 new feedback"), "{}", sent.subject);
    let first = service_name(&app, "ORGBDR-001").await;
    assert!(sent.text.contains(&format!("{first}: 2")), "{}", sent.text);
    assert!(!sent.text.contains(&service_name(&app, "DIP-001").await), "another ministry's service");
    assert!(!sent.text.contains("three times"), "no citizen's words");

    assert_eq!(designer.post("/staff/settings", &[]).await.status(), 303);
    let tomorrow = now + chrono::Duration::days(1);
    assert_eq!(run(&app, move |c| digest::queue_digests(c, tomorrow, 0)).await, 0, "opted out");
}

fn months_ago(n: u32) -> NaiveDateTime {
    Utc::now().naive_utc().checked_sub_months(Months::new(n)).unwrap()
}

async fn promote(app: &TestApp, code: &'static str, status: &'static str, created: NaiveDateTime) -> i64 {
    run(app, move |c| {
        let (service, _, _) = services::find_by_code(c, code)?.unwrap();
        let new = NewBacklogItem {
            service_id: service.id,
            problem_bn: "সমস্যা".into(),
            problem_en: "Problem".into(),
            status: status.into(),
            target_year: None,
            owner_office_id: None,
            created_by: None,
            created_at: created,
            updated_at: created,
        };
        backlog_items::insert(c, &new).map(|i| i.id)
    })
    .await
}

#[tokio::test]
async fn a_ministry_admin_is_reminded_once_a_quarter_of_open_items_not_reviewed_for_three_months() {
    let app = spawn_app().await;
    let admin = app.staff("ministry-admin", &["MOL"]).await;
    app.staff("designer", &["MOL"]).await;
    promote(&app, "ACLAND-001", "designing", months_ago(4)).await;
    let reviewed = promote(&app, "ACLAND-002", "building", months_ago(6)).await;
    promote(&app, "ORGBDR-001", "designing", months_ago(5)).await;
    run(&app, move |c| {
        let review = NewBacklogReview {
            backlog_item_id: reviewed,
            quarter: "2026-27 Q1".into(),
            progress: "On track".into(),
            status: "building".into(),
            next_step: "Pilot".into(),
            staff_id: None,
            created_at: months_ago(1),
            brief_version: None,
        };
        backlog_reviews::insert(c, &review)
    })
    .await;

    let now = Utc::now().naive_utc();
    assert_eq!(run(&app, move |c| reminders::queue_review_reminders(c, now, 0)).await, 1);
    assert_eq!(run(&app, move |c| reminders::queue_review_reminders(c, now, 0)).await, 0, "once a quarter");
    let mail = app.wait_for_mail(1).await;
    assert_eq!(mail.len(), 1);
    let reminder = &mail[0];
    assert_eq!(reminder.to, admin.email);
    let quarter = nagorik::domain::backlog::Quarter::of(now.date()).label();
    assert!(reminder.subject.contains(&quarter), "{}", reminder.subject);
    assert!(reminder.text.contains(&service_name(&app, "ACLAND-001").await), "{}", reminder.text);
    assert!(reminder.text.contains("being designed") && reminder.text.contains("never reviewed"));
    assert!(!reminder.text.contains(&service_name(&app, "ACLAND-002").await), "reviewed a month ago");
    assert!(!reminder.text.contains(&service_name(&app, "ORGBDR-001").await), "another ministry");
}
