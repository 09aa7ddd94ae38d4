//! Backlog exports: who may download them, that CSV, XLSX and JSON hold the same cells,
//! and that no citizen's personal data reaches any of them.

use chrono::Utc;
use nagorik::audit::Actor;
use nagorik::backlog::shaping::{promote, Problem};
use nagorik::db::{self, services};
use nagorik::domain::export::Cell;
use nagorik::exports::readback;
use serde_json::json;

use crate::helpers::{nagorik, spawn_app, TestApp};
use crate::staff_helpers::StaffClient;

/// Personal data the citizens below gave; none of it may appear in an export.
const PERSONAL: [&str; 6] =
    ["rahima.khatun@example.com", "01712345678", "Rahima Khatun", "01911-222333", "01911", "karim.uddin@example.org"];

/// Feedback with contact details and phone numbers in the text, and two promoted services.
async fn backlog_with_personal_data(app: &TestApp) {
    let texts = [
        ("ORGBDR-001", "জন্ম নিবন্ধনে দালাল টাকা চায়, আমাকে 01911-222333 নম্বরে ফোন করুন"),
        ("ORGBDR-001", "জন্ম নিবন্ধনে দালাল টাকা চায়, karim.uddin@example.org এ লিখুন"),
        ("DIP-001", "Passport office asked for a bribe, call me on 01911-222333"),
    ];
    for (service, text) in texts {
        let body = json!({
            "service_code": service, "kind": "complaint", "text": text, "district": "dhaka", "days": 40,
            "cost": 3000, "visits": 3, "name": "Rahima Khatun", "email": "rahima.khatun@example.com",
            "phone": "01712345678", "consent": true
        });
        let response = app.post_api_feedback(&body).await;
        assert_eq!(response.status(), 201, "{}", response.text().await.unwrap());
    }
    for code in ["ORGBDR-001", "DIP-001"] {
        let theme = app.submit_text(code, "অফিসে বারবার যেতে হয়, কাজ হয় না").await.theme_id;
        db::run_blocking(&app.pool, move |c| -> Result<(), String> {
            let (service, _, _) = services::find_by_code(c, code).map_err(|e| e.to_string())?.unwrap();
            let problem = Problem::parse(
                "নাগরিককে বারবার অফিসে যেতে হয়",
                "Citizens must visit repeatedly",
                theme.into_iter().collect(),
            )
            .map_err(|e| format!("{e:?}"))?;
            promote(c, &Actor::command_line(), service.id, &problem, Utc::now().naive_utc())
                .map_err(|e| format!("{e:?}"))?;
            Ok(())
        })
        .await
        .expect("promoted");
    }
}

/// The three downloads of `query`, each checked for status, headers and personal data.
async fn download_all(staff: &StaffClient, query: &str) -> [Vec<u8>; 3] {
    let mut out: [Vec<u8>; 3] = Default::default();
    for (i, ext) in ["csv", "xlsx", "json"].into_iter().enumerate() {
        let response = staff.get(&format!("/staff/backlog/export.{ext}{query}")).await;
        assert_eq!(response.status(), 200, "{ext}");
        let headers = response.headers().clone();
        assert_eq!(headers["cache-control"], "no-store");
        let disposition = headers["content-disposition"].to_str().unwrap().to_owned();
        assert!(disposition.starts_with("attachment"), "{disposition}");
        let day = Utc::now().date_naive().format("%Y-%m-%d");
        assert!(disposition.contains(&format!("-{day}.{ext}")), "{disposition}");
        out[i] = response.bytes().await.unwrap().to_vec();
    }
    out
}

/// The export's tables read back from all three files, after checking they agree.
fn same_in_all_formats(files: &[Vec<u8>; 3]) -> [readback::Rows; 4] {
    let from_xlsx = readback::xlsx(&files[1]).expect("xlsx reads");
    let from_json = readback::json(&files[2]).expect("json reads");
    let from_csv = readback::csv(&files[0], readback::COLUMNS[0]).expect("csv reads");
    assert_eq!(from_csv, from_xlsx[0], "CSV and XLSX backlog");
    // Three requests: the time each was made may differ by a second.
    let timeless = |mut tables: [readback::Rows; 4]| {
        tables[3].retain(|row| row[0] != Cell::text("generated_at"));
        tables
    };
    assert_eq!(timeless(from_xlsx.clone()), timeless(from_json.clone()), "XLSX and JSON");
    from_json
}

fn no_personal_data(files: &[Vec<u8>; 3], tables: &[readback::Rows; 4]) {
    for file in [&files[0], &files[2]] {
        let text = String::from_utf8_lossy(file);
        for p in PERSONAL {
            assert!(!text.contains(p), "{p} in an export");
        }
    }
    for cell in tables.iter().flatten().flatten() {
        if let Cell::Text(s) = cell {
            assert!(!PERSONAL.iter().any(|p| s.contains(p)), "{s}");
        }
    }
}

fn codes(backlog: &readback::Rows) -> Vec<String> {
    let mut codes: Vec<String> = backlog.iter().map(|r| format!("{:?}", r[2])).collect();
    codes.sort();
    codes
}

#[tokio::test]
async fn a_ministry_admin_downloads_the_same_backlog_in_all_three_formats_without_personal_data() {
    let app = spawn_app().await;
    backlog_with_personal_data(&app).await;
    let admin = app.staff("ministry-admin", &["LGD"]).await;
    let files = download_all(&admin, "").await;
    assert!(files[0].starts_with(&[0xEF, 0xBB, 0xBF]), "CSV starts with a BOM");
    let tables = same_in_all_formats(&files);
    no_personal_data(&files, &tables);
    assert_eq!(codes(&tables[0]), vec![format!("{:?}", Cell::text("ORGBDR-001"))], "only LGD's item");
    assert!(!tables[1].is_empty(), "themes of the item");
    let head = admin.get("/staff/backlog/export.xlsx").await;
    let disposition = head.headers()["content-disposition"].to_str().unwrap().to_owned();
    assert!(disposition.contains("nagorik-backlog-LGD-"), "{disposition}");
    assert_eq!(head.headers()["content-type"], "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    // Candidates: every LGD service, scored.
    let files = download_all(&admin, "?candidates=1").await;
    let tables = same_in_all_formats(&files);
    no_personal_data(&files, &tables);
    assert_eq!(tables[0].len(), 2);
    // The themes CSV equals the workbook's Themes sheet.
    let csv = admin.get("/staff/backlog/export.csv?candidates=1&table=themes").await.bytes().await.unwrap();
    assert_eq!(readback::csv(&csv, readback::COLUMNS[1]).unwrap(), tables[1]);
}

#[tokio::test]
async fn exports_are_refused_outside_the_staff_members_ministries_and_roles() {
    let app = spawn_app().await;
    backlog_with_personal_data(&app).await;
    let lgd = app.staff("ministry-admin", &["LGD"]).await;
    for ext in ["csv", "xlsx", "json"] {
        assert_eq!(lgd.get(&format!("/staff/backlog/export.{ext}?ministry=MOHA")).await.status(), 404);
        assert_eq!(lgd.get(&format!("/staff/backlog/export.{ext}?ministry=NOPE")).await.status(), 404);
        assert_eq!(lgd.get(&format!("/staff/backlog/export.{ext}?office=DIP")).await.status(), 404);
    }
    assert_eq!(lgd.get("/staff/backlog/export.csv?status=bogus").await.status(), 422);
    assert_eq!(lgd.get("/staff/backlog/export.csv?year=2026").await.status(), 422);
    let designer = app.staff("designer", &["LGD"]).await;
    assert_eq!(designer.get("/staff/backlog/export.xlsx").await.status(), 403);
    assert_eq!(app.get("/staff/backlog/export.json").await.status(), 303, "anonymous: to the log-in page");
}

#[tokio::test]
async fn a_cabinet_admin_exports_every_ministry_and_may_narrow_to_one() {
    let app = spawn_app().await;
    backlog_with_personal_data(&app).await;
    let cabinet = app.staff("cabinet-admin", &[]).await;
    let files = download_all(&cabinet, "").await;
    let tables = same_in_all_formats(&files);
    no_personal_data(&files, &tables);
    let both: Vec<String> = ["DIP-001", "ORGBDR-001"].iter().map(|c| format!("{:?}", Cell::text(c))).collect();
    assert_eq!(codes(&tables[0]), both);
    let files = download_all(&cabinet, "?ministry=moha&status=identified").await;
    let tables = same_in_all_formats(&files);
    assert_eq!(codes(&tables[0]), vec![both[0].clone()]);
    let doc: serde_json::Value = serde_json::from_slice(&files[2]).unwrap();
    assert_eq!(doc["filter"], "ministry=MOHA; status=identified; candidates=no");
}

#[test]
fn export_backlog_writes_a_file_from_the_command_line_and_refuses_an_unknown_ministry() {
    let (url, _db) = crate::helpers::fresh_database();
    let fixture = crate::helpers::fixture("services.csv");
    assert!(nagorik(&["import-services", fixture.to_str().unwrap()], &url).status.success());
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("lgd.csv");
    let out =
        nagorik(&["export-backlog", "--ministry", "LGD", "--include-candidates", "-o", csv.to_str().unwrap()], &url);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let bytes = std::fs::read(&csv).unwrap();
    assert!(bytes.starts_with(&[0xEF, 0xBB, 0xBF]), "format from the extension: CSV with BOM");
    let rows = readback::csv(&bytes, readback::COLUMNS[0]).unwrap();
    assert_eq!(rows.len(), 2, "LGD's two services as candidates");
    let xlsx = dir.path().join("all.out");
    let out =
        nagorik(&["export-backlog", "--format", "xlsx", "--include-candidates", "-o", xlsx.to_str().unwrap()], &url);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(readback::xlsx(&std::fs::read(&xlsx).unwrap()).unwrap()[0].len(), 6, "every ministry");
    let english = dir.path().join("en.csv");
    let out =
        nagorik(&["export-backlog", "--lang", "en", "--include-candidates", "-o", english.to_str().unwrap()], &url);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8(std::fs::read(&english).unwrap()).unwrap().contains("Rank (this list),National rank,"));
    std::fs::remove_file(&english).unwrap();
    let out = nagorik(&["export-backlog", "--lang", "fr", "-o", english.to_str().unwrap()], &url);
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown language fr (bn or en)"));

    let missing = dir.path().join("nope.json");
    let out = nagorik(&["export-backlog", "--ministry", "NOPE", "-o", missing.to_str().unwrap()], &url);
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("no ministry NOPE"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(left.len(), 2, "no partial file: {left:?}");
}

#[tokio::test]
async fn headings_statuses_and_categories_come_in_the_language_chosen_on_export() {
    let app = spawn_app().await;
    backlog_with_personal_data(&app).await;
    let admin = app.staff("ministry-admin", &["LGD"]).await;
    let page = admin.get("/staff/backlog?ministry=LGD").await.text().await.unwrap();
    assert!(page.contains(r#"<input type="hidden" name="ministry" value="LGD">"#), "the filter goes with the export");
    assert!(
        page.contains(r#"<select id="export-lang" name="lang"><option value="bn" selected>"#),
        "page language first"
    );
    let first_lines = |bytes: &[u8]| -> Vec<String> {
        String::from_utf8_lossy(bytes).trim_start_matches('\u{FEFF}').lines().take(3).map(str::to_owned).collect()
    };
    let bangla = admin.get("/staff/backlog/export.csv?ministry=LGD").await.bytes().await.unwrap();
    let lines = first_lines(&bangla);
    assert!(lines[0].starts_with("ক্রম (এই তালিকায়),জাতীয় ক্রম,সেবার কোড,"), "{lines:?}");
    assert!(lines[1].starts_with("rank,national_rank,service_code,"), "{lines:?}");
    assert!(lines[2].contains(",চিহ্নিত,"), "status by its Bangla name: {lines:?}");
    let english = admin.get("/staff/backlog/export.csv?ministry=LGD&lang=en").await.bytes().await.unwrap();
    let lines = first_lines(&english);
    assert!(lines[0].starts_with("Rank (this list),National rank,Service code,"), "{lines:?}");
    assert!(lines[2].contains(",Identified,"), "{lines:?}");
    assert_eq!(
        readback::csv(&english, readback::COLUMNS[0]).unwrap(),
        readback::csv(&bangla, readback::COLUMNS[0]).unwrap()
    );
    let xlsx = admin.get("/staff/backlog/export.xlsx?lang=en").await.bytes().await.unwrap();
    let json = admin.get("/staff/backlog/export.json?lang=en").await.bytes().await.unwrap();
    let (from_xlsx, from_json) = (readback::xlsx(&xlsx).unwrap(), readback::json(&json).unwrap());
    assert_eq!(from_xlsx[1], from_json[1], "themes: categories by name in the workbook, by code in JSON");
    let doc: serde_json::Value = serde_json::from_slice(&json).unwrap();
    assert_eq!(doc["backlog"][0]["status"], "identified", "JSON keeps codes");
    let refused = admin.get("/staff/backlog/export.csv?lang=fr").await;
    assert_eq!(refused.status(), 422);
    assert!(refused.text().await.unwrap().contains("শিরোনামের ভাষা বেছে নিন"), "said in the page's language");
}
