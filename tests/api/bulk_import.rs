//! Bulk import of paper and workshop feedback: the page for ministry admins and the
//! `import-feedback` command. A dry run shows exactly what the import then adds.

use diesel::prelude::*;
use nagorik::db::{self, provenance, schema::feedback, schema::services};

use crate::helpers::{fixture, nagorik, spawn_app, TestApp};
use crate::staff_helpers::StaffClient;

pub(crate) const SOURCE: &str = "কর্মশালা ঢাকা ২০২৬-১১-১২";

/// Posts the import form as `multipart/form-data` (the page's only upload), its CSRF token in the body.
pub(crate) async fn upload(
    admin: &StaffClient,
    file: (&str, &[u8]),
    source: &str,
    plan: Option<&str>,
) -> reqwest::Response {
    upload_with_token(admin, file, source, plan, Some(&admin.csrf), "/staff/import").await
}

/// [`upload`] with the CSRF token given (or left out) and posted to `path`.
pub(crate) async fn upload_with_token(
    admin: &StaffClient,
    file: (&str, &[u8]),
    source: &str,
    plan: Option<&str>,
    csrf: Option<&str>,
    path: &str,
) -> reqwest::Response {
    let boundary = "nagorikTestBoundary7MA4YWxk";
    let mut body = Vec::new();
    let mut field = |name: &str, file_name: Option<&str>, data: &[u8]| {
        let disposition = match file_name {
            Some(f) => format!("form-data; name=\"{name}\"; filename=\"{f}\""),
            None => format!("form-data; name=\"{name}\""),
        };
        body.extend_from_slice(format!("--{boundary}\r\nContent-Disposition: {disposition}\r\n\r\n").as_bytes());
        body.extend_from_slice(data);
        body.extend_from_slice(b"\r\n");
    };
    if let Some(csrf) = csrf {
        field("csrf_token", None, csrf.as_bytes());
    }
    field("source", None, source.as_bytes());
    if let Some(plan) = plan {
        field("plan", None, plan.as_bytes());
    }
    field("action", None, if plan.is_some() { b"import" } else { b"dry-run" });
    field("file", Some(file.0), file.1);
    body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    admin
        .client
        .post(format!("{}{path}", admin.address))
        .header("Content-Type", format!("multipart/form-data; boundary={boundary}"))
        .body(body)
        .send()
        .await
        .expect("request")
}

/// The plan digest a dry-run page carries.
fn plan_of(page: &str) -> String {
    let at = page.find("name=\"plan\" value=\"").expect("the import form carries the plan") + 19;
    page[at..at + 32].to_owned()
}

pub(crate) fn workshop() -> Vec<u8> {
    std::fs::read(fixture("import/workshop.csv")).unwrap()
}

async fn imported(app: &TestApp) -> Vec<(i64, String, Option<i64>)> {
    db::run_blocking(&app.pool, |c| {
        feedback::table
            .filter(feedback::channel.eq("import"))
            .select((feedback::id, feedback::body, feedback::provenance_id))
            .load(c)
    })
    .await
    .unwrap()
}

async fn service_id(app: &TestApp, code: &'static str) -> i64 {
    db::run_blocking(&app.pool, move |c| services::table.filter(services::code.eq(code)).select(services::id).first(c))
        .await
        .unwrap()
}

#[tokio::test]
async fn a_dry_run_names_every_bad_row_and_duplicate_and_the_import_adds_exactly_its_rows() {
    let app = spawn_app().await;
    let admin = app.staff("ministry-admin", &["LGD", "MOL"]).await;
    let response = upload(&admin, ("workshop.csv", &workshop()), SOURCE, None).await;
    assert_eq!(response.status(), 200);
    let page = response.text().await.unwrap();
    assert!(page.contains("৩টি সারি যোগ হবে, ২টি পুনরাবৃত্তি বলে বাদ যাবে, ১৪টি সারি ত্রুটিপূর্ণ"), "{page}");
    for reason in [
        "“NOPE-999” কোড বা হুবহু এই নামের কোনো সেবা নেই",
        "কোনো সেবা দেওয়া হয়নি",
        "ধরন হতে হবে অভিযোগ, প্রত্যাশা বা পরামর্শ",
        "text: ",
        "days: ",
        "cost: ",
        "visits: ",
        "district: ",
        "তারিখ লিখুন ২০২৬-১১-১২",
        "তারিখটি ভবিষ্যতের",
        "এই ফাইলের ২ নম্বর সারির হুবহু এক লেখা",
        "এই ফাইলের ২ নম্বর সারির প্রায় এক লেখা",
    ] {
        assert!(page.contains(reason), "the dry run says {reason}");
    }
    assert_eq!(app.feedback_count().await, 0, "a dry run changes nothing");

    let response = upload(&admin, ("workshop.csv", &workshop()), SOURCE, Some(&plan_of(&page))).await;
    assert_eq!(response.status(), 200);
    assert!(response.text().await.unwrap().contains("৩টি সারি আমদানি হয়েছে"));
    let rows = imported(&app).await;
    assert_eq!(rows.len(), 3);
    let source_id = rows[0].2.expect("provenance on every row");
    assert!(rows.iter().all(|r| r.2 == Some(source_id)));
    let first = rows[0].0;
    let source = db::run_blocking(&app.pool, move |c| provenance::source_of(c, first)).await.unwrap().unwrap();
    assert_eq!((source.source_label.as_deref(), source.source_file.as_deref()), (Some(SOURCE), Some("workshop.csv")));
    assert!(rows.iter().any(|r| r.1 == "জন্ম নিবন্ধনের জন্য ইউনিয়ন পরিষদে তিনবার যেতে হয়েছে"));
    app.assert_counts_match(service_id(&app, "ORGBDR-001").await).await;
    app.assert_counts_match(service_id(&app, "ACLAND-001").await).await;
    let audit = app.audit_entries().await;
    assert!(audit.iter().any(|e| e.action == "feedback.import" && e.staff_id == Some(admin.id)));

    // The same file again: every row is now a duplicate of stored feedback, and nothing is added.
    let again = upload(&admin, ("workshop.csv", &workshop()), SOURCE, None).await.text().await.unwrap();
    assert!(again.contains("০টি সারি যোগ হবে, ৫টি পুনরাবৃত্তি"), "{again}");
    assert!(again.contains("সংরক্ষিত মতামত") && !again.contains("name=\"plan\""));
    assert_eq!(imported(&app).await.len(), 3);
}

#[tokio::test]
async fn an_upload_without_its_token_in_the_body_is_refused_even_with_the_token_in_the_url() {
    let app = spawn_app().await;
    let admin = app.staff("ministry-admin", &["LGD", "MOL"]).await;
    let page = admin.page("/staff/import", 200).await;
    assert!(!page.contains("csrf_token="), "the token is never put in a URL");
    assert!(page.contains(&format!("name=\"csrf_token\" value=\"{}\"", admin.csrf)), "it is a field of the form");
    let plan = plan_of(&upload(&admin, ("workshop.csv", &workshop()), SOURCE, None).await.text().await.unwrap());
    let before = imported(&app).await.len();
    let in_url = format!("/staff/import?csrf_token={}", admin.csrf);
    for (csrf, path) in [(None, in_url.as_str()), (Some("wrong"), "/staff/import"), (None, "/staff/import")] {
        let response = upload_with_token(&admin, ("workshop.csv", &workshop()), SOURCE, Some(&plan), csrf, path).await;
        assert_eq!(response.status(), 403, "{csrf:?} {path}");
    }
    assert_eq!(imported(&app).await.len(), before, "nothing was imported");
    let response = upload(&admin, ("workshop.csv", &workshop()), SOURCE, Some(&plan)).await;
    assert_eq!(response.status(), 200, "with the token in the body it goes through");
    assert_eq!(imported(&app).await.len(), before + 3);
}

#[tokio::test]
async fn an_import_of_a_file_changed_since_its_dry_run_is_refused_and_adds_nothing() {
    let app = spawn_app().await;
    let admin = app.staff("ministry-admin", &["LGD", "MOL"]).await;
    let page = upload(&admin, ("workshop.csv", &workshop()), SOURCE, None).await.text().await.unwrap();
    let mut changed = workshop();
    changed.extend_from_slice("ORGBDR-001,complaint,একটি নতুন সারি যা যাচাইয়ে ছিল না মোটেও,,,,dhaka,\n".as_bytes());
    let response = upload(&admin, ("workshop.csv", &changed), SOURCE, Some(&plan_of(&page))).await;
    assert_eq!(response.status(), 409);
    assert!(response.text().await.unwrap().contains("যাচাইয়ের পর ফাইল বা সংরক্ষিত মতামত বদলে গেছে"));
    assert_eq!(app.feedback_count().await, 0);
}

#[tokio::test]
async fn a_ministry_admin_imports_only_their_ministries_services_and_bad_files_change_nothing() {
    let app = spawn_app().await;
    let admin = app.staff("ministry-admin", &["LGD"]).await;
    let page = upload(&admin, ("workshop.csv", &workshop()), SOURCE, None).await.text().await.unwrap();
    assert!(page.contains("ACLAND-001 সেবাটি আপনার মন্ত্রণালয়ের নয়"), "{page}");

    let cases: [(&str, Vec<u8>, &str, u16, &str); 5] = [
        ("notes.txt", b"hello".to_vec(), SOURCE, 422, "শুধু .csv ও .xlsx ফাইল"),
        ("sheet.xlsx", b"not a zip".to_vec(), SOURCE, 422, "XLSX হিসেবে পড়া গেল না"),
        ("short.csv", b"service,text\nORGBDR-001,long enough text\n".to_vec(), SOURCE, 422, "kind, district"),
        ("workshop.csv", workshop(), " ", 422, "একটি নাম লিখুন"),
        ("big.csv", vec![b'x'; 10 * 1024 * 1024 + 70_000], SOURCE, 413, "১০ মেগাবাইটের বেশি বড়"),
    ];
    for (name, bytes, source, status, message) in cases {
        let response = upload(&admin, (name, &bytes), source, None).await;
        assert_eq!(response.status(), status, "{name}");
        assert!(response.text().await.unwrap().contains(message), "{name}: {message}");
    }
    assert_eq!(app.feedback_count().await, 0);
}

#[tokio::test]
async fn an_xlsx_sheet_with_bangla_headings_and_text_is_imported() {
    let app = spawn_app().await;
    let admin = app.staff("ministry-admin", &["LGD"]).await;
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (col, heading) in ["সেবা", "ধরন", "মতামত", "দিন", "জেলা", "তারিখ"].iter().enumerate()
    {
        sheet.write(0, col as u16, *heading).unwrap();
    }
    let rows = [
        ["জন্ম নিবন্ধন", "অভিযোগ", "জন্ম সনদ পেতে দুই মাস লেগেছে, অফিসে বারবার যেতে হয়েছে", "৬০", "রাজশাহী", "2026-11-01"],
        ["ORGBDR-001", "পরামর্শ", "জন্ম নিবন্ধনের আবেদন মোবাইল থেকে করা গেলে ভালো হতো", "", "Dhaka", ""],
    ];
    for (r, row) in rows.iter().enumerate() {
        for (col, value) in row.iter().enumerate() {
            sheet.write(r as u32 + 1, col as u16, *value).unwrap();
        }
    }
    let bytes = book.save_to_buffer().unwrap();
    let page = upload(&admin, ("কর্মশালা.xlsx", &bytes), SOURCE, None).await.text().await.unwrap();
    assert!(page.contains("২টি সারি যোগ হবে, ০টি পুনরাবৃত্তি বলে বাদ যাবে, ০টি সারি ত্রুটিপূর্ণ"), "{page}");
    let response = upload(&admin, ("কর্মশালা.xlsx", &bytes), SOURCE, Some(&plan_of(&page))).await;
    assert_eq!(response.status(), 200);
    let rows = imported(&app).await;
    assert_eq!(rows.len(), 2);
    let first = rows[0].0;
    let stored = app.reload(first).await;
    assert_eq!(
        (stored.district.as_str(), stored.days_taken, stored.kind.as_str()),
        ("rajshahi", Some(60), "complaint")
    );
    assert_eq!(stored.created_at.format("%Y-%m-%d").to_string(), "2026-11-01");
    let source = db::run_blocking(&app.pool, move |c| provenance::source_of(c, first)).await.unwrap().unwrap();
    assert_eq!(source.source_file.as_deref(), Some("কর্মশালা.xlsx"));
    app.assert_counts_match(stored.service_id).await;
}

#[tokio::test]
async fn the_command_line_dry_run_equals_the_import_and_a_second_import_adds_nothing() {
    let app = spawn_app().await;
    let file = fixture("import/workshop.csv");
    let args = ["import-feedback", file.to_str().unwrap(), "--source", SOURCE];
    let dry = nagorik(&[&args[..], &["--dry-run"]].concat(), &app.database_url);
    let stdout = String::from_utf8_lossy(&dry.stdout).into_owned();
    assert!(dry.status.success(), "{}", String::from_utf8_lossy(&dry.stderr));
    assert!(stdout.contains("3 rows would be added, 2 skipped as duplicates, 14 bad"), "{stdout}");
    assert!(stdout.contains("line 17: bad row: date: The date is in the future"), "{stdout}");
    let plan = stdout.lines().find_map(|l| l.strip_prefix("plan ")).unwrap().split(' ').next().unwrap().to_owned();
    assert_eq!(app.feedback_count().await, 0);

    let run = nagorik(&[&args[..], &["--expect", &plan]].concat(), &app.database_url);
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    assert!(String::from_utf8_lossy(&run.stdout).contains("Imported 3 rows from workshop.csv"));
    assert_eq!(imported(&app).await.len(), 3);
    let stale = nagorik(&[&args[..], &["--expect", &plan]].concat(), &app.database_url);
    assert!(!stale.status.success(), "the plan changed: the rows are stored now");
    let again = nagorik(&args, &app.database_url);
    assert!(String::from_utf8_lossy(&again.stdout).contains("Imported 0 rows"));
    assert_eq!(imported(&app).await.len(), 3);
    app.assert_counts_match(service_id(&app, "ORGBDR-001").await).await;
}
