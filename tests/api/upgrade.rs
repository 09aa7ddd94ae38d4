//! Upgrading a database of the first release (catalogue and feedback, migrations 1–2) to today's
//! schema keeps its data and makes it work as if it had been stored today: tracking, search,
//! counters and themes.

use diesel::connection::SimpleConnection;
use nagorik::db::pool::PoolOptions;
use nagorik::db::{self};

use crate::helpers::{fresh_database, nagorik, spawn_empty_app_with};

/// Rows as the first release wrote them (its columns only, its search text).
const FIRST_RELEASE_ROWS: &str = "
INSERT INTO ministries (id, code, name_bn, name_en, created_at, updated_at)
    VALUES (1, 'LGD', 'স্থানীয় সরকার বিভাগ', 'Local Government Division', '2026-11-30 09:00:00', '2026-11-30 09:00:00');
INSERT INTO offices (id, ministry_id, code, name_bn, name_en, created_at, updated_at)
    VALUES (1, 1, 'ORGBDR', 'রেজিস্ট্রার জেনারেলের কার্যালয়', 'Office of the Registrar General', '2026-11-30 09:00:00', '2026-11-30 09:00:00');
INSERT INTO services (id, office_id, code, name_bn, name_en, search_text, delivery_mode, steps, documents, fee_bdt,
                      promised_days, responsible_officer, yearly_applications, roadmap_category, created_at, updated_at)
    VALUES (1, 1, 'ORGBDR-001', 'জন্ম নিবন্ধন', 'Birth registration', 'জন্ম নিবন্ধন birth registration orgbdr-001',
            'partly_online', 'অনলাইনে আবেদন|সনদ সংগ্রহ', 'টিকা কার্ড', 50, 7, 'নিবন্ধক', 3500000, 1,
            '2026-11-30 09:00:00', '2026-11-30 09:00:00');
INSERT INTO feedback (id, tracking_code, service_id, kind, body, charter_step, days_taken, cost_bdt, visits, district,
                      channel, contact_name, contact_email, contact_phone, consent_updates, locale, moderation, theme_id,
                      created_at, updated_at)
    VALUES (1, '7KX4M2QHTD', 1, 'complaint', 'জন্ম নিবন্ধনের জন্য তিনবার ইউনিয়ন পরিষদে যেতে হয়েছে', NULL, 30, 500, 3,
            'dhaka', 'web', 'রহিমা', 'rahima@example.com', NULL, TRUE, 'bn', 'visible', NULL,
            '2026-11-30 10:00:00', '2026-11-30 10:00:00'),
           (2, '9PQRS3TUVW', 1, 'complaint', 'Birth registration office asked 2000 taka extra to speed it up', NULL, 14, 2500,
            2, 'khulna', 'api', NULL, NULL, NULL, FALSE, 'en', 'visible', NULL, '2026-11-30 11:00:00', '2026-11-30 11:00:00'),
           (3, 'ABCDE4FGHJ', 1, 'complaint', 'spam spam spam buy now cheap cheap', NULL, NULL, NULL, NULL,
            'dhaka', 'web', NULL, NULL, NULL, FALSE, 'en', 'spam', NULL, '2026-11-30 12:00:00', '2026-11-30 12:00:00');
";

#[tokio::test]
async fn a_first_release_database_upgrades_with_its_data_working() {
    let (url, _db) = fresh_database();
    let seed = url.clone();
    tokio::task::spawn_blocking(move || {
        let pool = db::build_pool(&seed, PoolOptions { max_size: 1, timeout: std::time::Duration::from_secs(10) })
            .expect("database");
        let mut conn = pool.get().unwrap();
        assert_eq!(db::migrations::run_first(&mut conn, 2).unwrap(), 2);
        conn.batch_execute(FIRST_RELEASE_ROWS).expect("the first release's rows");
        if seed.starts_with("postgres") {
            // Explicit ids leave PostgreSQL's sequences behind; the first release's own writes moved them.
            conn.batch_execute(
                "SELECT setval('ministries_id_seq', 1); SELECT setval('offices_id_seq', 1);
                 SELECT setval('services_id_seq', 1); SELECT setval('feedback_id_seq', 3);",
            )
            .unwrap();
        }
    })
    .await
    .unwrap();

    // Today's server opens it: every later migration runs, then the follow-ups.
    let app = spawn_empty_app_with(|s| s.database_url = url.clone()).await;
    let status = app.get("/api/v1/feedback/7KX4M2QHTD").await;
    assert_eq!(status.status(), 200, "an old tracking code still answers");
    let page = app.get("/track/7KX4M2QHTD").await.text().await.unwrap();
    assert!(page.contains("7KX4M-2QHTD") && page.contains("জন্ম নিবন্ধন"));
    assert!(app.get("/services?q=jonmo").await.text().await.unwrap().contains("জন্ম নিবন্ধন"), "today's search rules");
    app.assert_counts_match(1).await;
    let service = app.get("/").await.text().await.unwrap();
    assert!(service.contains("জন্ম নিবন্ধন"));
    // New feedback joins the old, and the old contact is where it was.
    let stored = app.submit_text("ORGBDR-001", "জন্ম নিবন্ধনের জন্য তিনবার ইউনিয়ন পরিষদে যেতে হয়েছে, আবার যেতে বলেছে").await;
    assert!(stored.id > 3);
    assert_eq!(app.reload(1).await.contact_email.as_deref(), Some("rahima@example.com"));
    app.assert_counts_match(1).await;
    // Grouping takes the old feedback in.
    let out = tokio::task::spawn_blocking({
        let url = url.clone();
        move || nagorik(&["regroup", "--service", "ORGBDR-001"], &url)
    })
    .await
    .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let (old, new) = (app.reload(1).await.theme_id, app.reload(stored.id).await.theme_id);
    assert!(old.is_some() && old == new, "old feedback is grouped with today's: {old:?} {new:?}");
    app.assert_counts_match(1).await;
}
