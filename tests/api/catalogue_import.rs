use nagorik::catalogue::{apply_catalogue, parse_catalogue, ImportSummary};
use nagorik::db::{self, services::ServiceQuery};

use crate::helpers::{fixture, spawn_empty_app, TestApp};

fn fixture_text() -> String {
    std::fs::read_to_string(fixture("services.csv")).unwrap()
}

async fn import(app: &TestApp, text: &str) -> Result<ImportSummary, Vec<String>> {
    let rows = parse_catalogue(text.as_bytes()).map_err(|e| e.iter().map(|e| e.to_string()).collect::<Vec<_>>())?;
    Ok(db::run_blocking(&app.pool, move |c| apply_catalogue(c, &rows, &mut |_| {})).await.unwrap())
}

/// Every service as (code, English name, fee), to compare before and after.
async fn snapshot(app: &TestApp) -> Vec<(String, String, Option<i64>)> {
    let query = ServiceQuery { limit: 10_000, ..ServiceQuery::default() };
    let (rows, _) = db::run_blocking(&app.pool, move |c| db::services::search(c, &query)).await.unwrap();
    rows.into_iter().map(|(s, _, _)| (s.code, s.name_en, s.fee_bdt)).collect()
}

#[tokio::test]
async fn a_good_catalogue_is_imported_with_its_ministries_and_offices() {
    let app = spawn_empty_app().await;
    let summary = import(&app, &fixture_text()).await.unwrap();
    assert_eq!(summary, ImportSummary { ministries: 3, offices: 4, services_added: 6, services_updated: 0 });
    let body: serde_json::Value = app.get("/api/v1/services/DIP-001").await.json().await.unwrap();
    assert_eq!(body["name_bn"], "ই-পাসপোর্ট ইস্যু");
    assert_eq!(body["ministry"]["code"], "MOHA");
    assert_eq!(body["fee_bdt"], 4025);
    assert_eq!(body["steps"].as_array().unwrap().len(), 4);
}

#[tokio::test]
async fn reimporting_updates_by_code_and_adds_new_services() {
    let app = spawn_empty_app().await;
    import(&app, &fixture_text()).await.unwrap();
    let mut changed = fixture_text().replace("E-passport issue", "E-passport (new issue)");
    changed.push_str("MOL,ভূমি মন্ত্রণালয়,Ministry of Land,ACLAND,সহকারী কমিশনার (ভূমি) অফিস,Assistant Commissioner (Land) Office,ACLAND-003,খতিয়ানের সার্টিফাইড কপি,Certified copy of khatian,online,,,100,3,,50000,2,porcha\n");
    let summary = import(&app, &changed).await.unwrap();
    assert_eq!((summary.services_added, summary.services_updated), (1, 6));
    let services = snapshot(&app).await;
    assert_eq!(services.len(), 7);
    assert!(services.contains(&("DIP-001".into(), "E-passport (new issue)".into(), Some(4025))));
}

#[tokio::test]
async fn every_kind_of_bad_row_leaves_the_database_exactly_as_before() {
    let app = spawn_empty_app().await;
    import(&app, &fixture_text()).await.unwrap();
    let before = snapshot(&app).await;
    let good = fixture_text();
    let first_row = good.lines().nth(1).unwrap().to_owned();
    let cases = [
        ("unknown column", good.replacen("roadmap_category", "roadmap_category,colour", 1), "unknown column"),
        ("missing code", good.replacen("DIP-001", "", 1), "service_code is empty"),
        ("bad number", good.replacen(",4025,", ",40x25,", 1).replace("E-passport issue", "Changed"), "fee_bdt"),
        ("duplicate code", format!("{good}{first_row}\n"), "already appears on line 2"),
        ("bad delivery mode", good.replacen("partly_online", "by pigeon", 1), "delivery_mode"),
    ];
    for (what, text, expected) in cases {
        let errors = import(&app, &text).await.expect_err(what);
        assert!(errors.iter().any(|e| e.contains(expected)), "{what}: {errors:?}");
        assert!(errors.iter().all(|e| e.starts_with("line ")), "{what}: {errors:?}");
        assert_eq!(snapshot(&app).await, before, "{what} changed the database");
    }
}

#[tokio::test]
async fn a_byte_order_mark_and_bangla_digits_are_accepted() {
    let app = spawn_empty_app().await;
    let text = format!("\u{feff}{}", fixture_text().replace(",4025,21,", ",৪০২৫,২১,"));
    import(&app, &text).await.unwrap();
    let body: serde_json::Value = app.get("/api/v1/services/DIP-001").await.json().await.unwrap();
    assert_eq!((body["fee_bdt"].as_i64(), body["promised_days"].as_i64()), (Some(4025), Some(21)));
}
