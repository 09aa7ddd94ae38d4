//! `/staff/audit`: scoped reading, filters, bad dates and paging.

use chrono::{Days, Utc};
use nagorik::audit::{self, Actor, Target};
use nagorik::db;
use nagorik::domain::digits::to_bangla_digits;

use super::rows;
use crate::helpers::spawn_app;

fn day(offset: i64) -> String {
    let today = Utc::now().date_naive();
    let day = if offset < 0 { today - Days::new(offset.unsigned_abs()) } else { today + Days::new(offset as u64) };
    day.format("%Y-%m-%d").to_string()
}

#[tokio::test]
async fn a_ministry_admin_reads_only_the_entries_of_their_ministries() {
    let app = spawn_app().await;
    let (_, lgd_email) = app.create_staff("designer", &["LGD"]).await;
    let (_, moha_email) = app.create_staff("designer", &["MOHA"]).await;
    let admin = app.staff("ministry-admin", &["LGD"]).await;
    let page = admin.page("/staff/audit", 200).await;
    assert!(page.contains(&lgd_email), "LGD's entry is shown");
    assert!(!page.contains(&moha_email), "MOHA's entry is not");

    let cabinet = app.staff("cabinet-admin", &[]).await;
    let page = cabinet.page("/staff/audit", 200).await;
    assert!(page.contains(&lgd_email) && page.contains(&moha_email), "cabinet admins read everything");
}

#[tokio::test]
async fn the_audit_log_filters_by_actor_action_and_kind() {
    let app = spawn_app().await;
    let cabinet = app.staff("cabinet-admin", &[]).await;
    let (one, _) = app.create_staff("designer", &["LGD"]).await;
    app.create_staff("designer", &["MOL"]).await;
    assert_eq!(cabinet.post(&format!("/staff/users/{one}/disable"), &[]).await.status(), 303);
    assert_eq!(cabinet.post("/staff/tokens", &[("name", "sync")]).await.status(), 200);
    // Three accounts were created from the command line (the cabinet admin's own too).
    assert_eq!(rows(&cabinet.page("/staff/audit", 200).await), 5);

    let mine = cabinet.page(&format!("/staff/audit?actor={}", cabinet.email.to_uppercase()), 200).await;
    assert_eq!(rows(&mine), 2, "the disable and the token");
    assert_eq!(rows(&cabinet.page("/staff/audit?action=staff.create", 200).await), 3);
    assert_eq!(rows(&cabinet.page("/staff/audit?action=staff", 200).await), 4, "a prefix");
    assert_eq!(rows(&cabinet.page("/staff/audit?action=staff.", 200).await), 4);
    assert_eq!(rows(&cabinet.page("/staff/audit?action=staff.cre", 200).await), 0, "whole words only");
    let tokens = cabinet.page("/staff/audit?kind=token", 200).await;
    assert_eq!(rows(&tokens), 1);
    assert!(tokens.contains("token.create"));
    assert!(tokens.contains("value=\"token\""), "the filter is kept in the form");
}

#[tokio::test]
async fn the_audit_log_filters_by_dates_typed_in_either_digits() {
    let app = spawn_app().await;
    let cabinet = app.staff("cabinet-admin", &[]).await;
    app.create_staff("designer", &["LGD"]).await;
    let today = day(0);
    assert_eq!(rows(&cabinet.page(&format!("/staff/audit?from={today}&to={today}"), 200).await), 2);
    let bangla = to_bangla_digits(&today);
    assert_eq!(rows(&cabinet.page(&format!("/staff/audit?from={bangla}"), 200).await), 2);
    assert_eq!(rows(&cabinet.page(&format!("/staff/audit?from={}", day(1)), 200).await), 0);
    let none = cabinet.page(&format!("/staff/audit?to={}", day(-1)), 200).await;
    assert_eq!(rows(&none), 0);
    assert!(none.contains("মিলে যায় এমন কোনো এন্ট্রি নেই"));
}

#[tokio::test]
async fn a_bad_date_is_refused_with_a_message_in_the_pages_language() {
    let app = spawn_app().await;
    let admin = app.staff("ministry-admin", &["LGD"]).await;
    let response = admin.get("/staff/audit?from=31/12/2025").await;
    assert_eq!(response.status(), 422);
    let page = response.text().await.unwrap();
    assert!(page.contains("তারিখটি বছর-মাস-দিন আকারে লিখুন"), "{page}");
    assert!(page.contains("value=\"31/12/2025\""), "what was typed is kept");
    assert!(page.contains("aria-describedby=\"date-hint from-error\""));

    admin.in_english().await;
    let response = admin.get("/staff/audit?to=2026-02-30").await;
    assert_eq!(response.status(), 422);
    assert!(response.text().await.unwrap().contains("Write the date as year-month-day"));
    let response = admin.get("/staff/audit?from=2026-03-02&to=2026-03-01").await;
    assert_eq!(response.status(), 422);
    assert!(response.text().await.unwrap().contains("The end date is before the start date"));
}

#[tokio::test]
async fn older_entries_are_on_the_next_page_of_fifty() {
    let app = spawn_app().await;
    let cabinet = app.staff("cabinet-admin", &[]).await;
    db::run_blocking(&app.pool, |c| {
        for i in 0..60 {
            let target = Target { kind: "theme", id: Some(i), ministry_id: None };
            audit::record(c, &Actor::command_line(), "theme.rename", target, None, None)?;
        }
        Ok::<_, diesel::result::Error>(())
    })
    .await
    .unwrap();
    let first = cabinet.page("/staff/audit?action=theme", 200).await;
    assert_eq!(rows(&first), 50);
    // Handlebars escapes `=` and `&` in attributes; browsers read them back.
    let unescape = |page: &str| page.replace("&#x3D;", "=").replace("&amp;", "&");
    assert!(unescape(&first).contains("href=\"/staff/audit?action=theme&page=2\""), "older, same filter");
    let second = unescape(&cabinet.page("/staff/audit?action=theme&page=2", 200).await);
    assert_eq!(rows(&second), 10);
    assert!(second.contains("page=1\" rel=\"prev\"") && !second.contains("page=3"));
}

#[tokio::test]
async fn before_and_after_are_shown_escaped() {
    let app = spawn_app().await;
    let cabinet = app.staff("cabinet-admin", &[]).await;
    db::run_blocking(&app.pool, |c| {
        let target = Target { kind: "theme", id: Some(7), ministry_id: None };
        let before = serde_json::json!({ "name": "<script>alert(1)</script>" });
        audit::record(c, &Actor::command_line(), "theme.rename", target, Some(before), None)
    })
    .await
    .unwrap();
    let page = cabinet.page("/staff/audit?kind=theme", 200).await;
    assert!(!page.contains("<script>alert(1)"));
    assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(page.contains("<pre class=\"json\">"));
}
