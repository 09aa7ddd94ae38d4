//! The brief's exports: the A4 print page and the DOCX carry the same words and figures as the
//! brief page, in the language asked for, with no personal data; the command line writes both.

use std::io::{Cursor, Read};

use crate::brief_design::{save, setup, two_steps};
use crate::helpers::nagorik;
use crate::staff_helpers::StaffClient;

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// Every paragraph's text of a DOCX, in order.
fn docx_paragraphs(bytes: &[u8]) -> Vec<String> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).expect("a zip");
    let mut xml = String::new();
    archive.by_name("word/document.xml").expect("the document part").read_to_string(&mut xml).unwrap();
    let doc = roxmltree::Document::parse(&xml).expect("well-formed WordprocessingML");
    doc.descendants()
        .filter(|n| n.has_tag_name((W, "p")))
        .map(|p| p.descendants().filter(|n| n.has_tag_name((W, "t"))).filter_map(|n| n.text()).collect())
        .filter(|t: &String| !t.is_empty())
        .collect()
}

/// The text of the paragraph of `html` that starts with `start`.
fn sentence(html: &str, start: &str) -> String {
    let from = html.find(start).unwrap_or_else(|| panic!("{start} in {html}"));
    html[from..from + html[from..].find('<').unwrap()].to_owned()
}

async fn docx(staff: &StaffClient, item: i64) -> Vec<u8> {
    let response = staff.get(&format!("/staff/backlog/items/{item}/brief.docx")).await;
    assert_eq!(response.status(), 200);
    assert_eq!(
        response.headers()["content-type"],
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    );
    assert!(response.headers()["content-disposition"].to_str().unwrap().contains("brief-ORGBDR-001-"));
    response.bytes().await.unwrap().to_vec()
}

#[tokio::test]
async fn the_print_page_and_the_docx_say_what_the_brief_page_says_without_personal_data() {
    let (app, designer, item) = setup().await;
    assert_eq!(save(&designer, item, &two_steps("0", "3")).await.status(), 303);
    let page = designer.page(&format!("/staff/backlog/items/{item}/brief"), 200).await;
    let saves = sentence(&page, "সাশ্রয়: প্রতি আবেদনে");
    let target = sentence(&page, "নকশায় প্রতি আবেদনে");

    let print = designer.page(&format!("/staff/backlog/items/{item}/brief/print"), 200).await;
    assert!(print.contains("<html lang=\"bn\"") && print.contains("/static/print."), "its own stylesheet");
    assert!(print.contains(&saves) && print.contains(&target), "{saves} in {print}");
    assert!(print.contains("ইউডিসিতে আঙুলের ছাপ") && print.contains("ধাপ ২: ইউনিয়ন পরিষদে কাগজ জমা"));
    assert!(!print.contains("rahim@example.com") && !print.contains("<script"));
    let css = print.split("href=\"/static/print.").nth(1).unwrap().split('"').next().unwrap().to_owned();
    let css = designer.get(&format!("/static/print.{css}")).await.text().await.unwrap();
    assert!(css.contains("size:A4"), "laid out for A4");
    let font = css.split("url(\"").nth(1).unwrap().split('"').next().unwrap().to_owned();
    assert!(font.starts_with("/static/fonts/NotoSansBengali-Regular."), "Nagorik's own font: {font}");
    let served = designer.get(&font).await;
    assert_eq!((served.status().as_u16(), served.headers()["content-type"].to_str().unwrap()), (200, "font/woff2"));

    let paragraphs = docx_paragraphs(&docx(&designer, item).await);
    assert_eq!(paragraphs[0], "নকশা-সারসংক্ষেপ: জন্ম নিবন্ধন");
    for expected in [&saves, &target] {
        assert!(paragraphs.contains(expected), "{expected} in {paragraphs:?}");
    }
    assert!(
        paragraphs.iter().any(|p| p == "১. অনলাইনে আবেদন") && paragraphs.iter().any(|p| p == "ইউনিয়ন ডিজিটাল সেন্টারে")
    );
    assert!(paragraphs.iter().all(|p| !p.contains('@')), "no contact details, and no staff member named");
    assert!(paragraphs.iter().any(|p| p.starts_with("সংস্করণ ১, ")), "the version and its date");

    // In English, both say it in English.
    designer.in_english().await;
    let english = docx_paragraphs(&docx(&designer, item).await);
    assert_eq!(english[0], "Design brief: Birth registration");
    assert!(english.iter().any(|p| p.starts_with("Savings: BDT ")), "{english:?}");
    let print = designer.page(&format!("/staff/backlog/items/{item}/brief/print"), 200).await;
    assert!(print.contains("<html lang=\"en\"") && print.contains("Savings: BDT "));

    // The backlog's exports carry the design beside the score's burden.
    let brief: serde_json::Value =
        designer.get(&format!("/api/v1/staff/backlog/items/{item}/brief")).await.json().await.unwrap();
    let admin = app.staff("ministry-admin", &["LGD"]).await;
    let export = admin.get("/staff/backlog/export.json").await;
    assert_eq!(export.status(), 200);
    let export: serde_json::Value = export.json().await.unwrap();
    let row = export["backlog"].as_array().unwrap().iter().find(|r| r["service_code"] == "ORGBDR-001").unwrap().clone();
    assert_eq!(row["design_version"], 1);
    assert_eq!(row["design_yearly_cost_bdt"], brief["figures"]["target"]["burden"]["yearly_bdt"]);
    assert_eq!(row["design_yearly_savings_bdt"], brief["figures"]["savings"]["yearly_bdt"]);

    // The cabinet reads them; another ministry does not.
    let cabinet = app.staff("cabinet-admin", &[]).await;
    assert_eq!(cabinet.get(&format!("/staff/backlog/items/{item}/brief.docx")).await.status(), 200);
    let stranger = app.staff("designer", &["MOHA"]).await;
    assert_eq!(stranger.get(&format!("/staff/backlog/items/{item}/brief/print")).await.status(), 404);
}

#[tokio::test]
async fn the_command_line_writes_the_docx_and_a_print_page_that_opens_without_nagorik() {
    let (app, designer, item) = setup().await;
    assert_eq!(save(&designer, item, &two_steps("0", "3")).await.status(), 303);
    let page = designer.page(&format!("/staff/backlog/items/{item}/brief"), 200).await;
    let saves = sentence(&page, "সাশ্রয়: প্রতি আবেদনে");
    let dir = tempfile::tempdir().unwrap();
    let (file, html) = (dir.path().join("brief.docx"), dir.path().join("brief.html"));
    let item_arg = item.to_string();
    let out = nagorik(
        &["export-brief", "--item", &item_arg, "--format", "docx", "-o", file.to_str().unwrap()],
        &app.database_url,
    );
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(docx_paragraphs(&std::fs::read(&file).unwrap()).contains(&saves), "the same figures as the page");
    let out = nagorik(
        &["export-brief", "--item", &item_arg, "--format", "html", "--lang", "en", "-o", html.to_str().unwrap()],
        &app.database_url,
    );
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let written = std::fs::read_to_string(&html).unwrap();
    assert!(written.contains("<html lang=\"en\"") && written.contains("Savings: BDT "));
    assert!(
        written.contains("data:font/woff2;base64,") && !written.contains("/static/"),
        "fonts inside, nothing to fetch"
    );
    let missing = nagorik(
        &["export-brief", "--item", "99999", "--format", "docx", "-o", file.to_str().unwrap()],
        &app.database_url,
    );
    assert!(!missing.status.success());
    assert!(String::from_utf8_lossy(&missing.stderr).contains("there is no backlog item 99999"));
}
