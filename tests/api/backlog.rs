//! The backlog's workflow through the staff pages: promotion, problem statements,
//! status moves, priorities, reviews; who may do what; nothing changes on a refusal.

use diesel::prelude::*;
use nagorik::db::{self, schema::audit_log, schema::backlog_moves, schema::backlog_reviews};

use crate::backlog_helpers::this_fiscal_year;
use crate::helpers::spawn_app;

async fn count_moves(app: &crate::helpers::TestApp, item: i64) -> i64 {
    db::run_blocking(&app.pool, move |c| {
        backlog_moves::table.filter(backlog_moves::backlog_item_id.eq(item)).count().get_result::<i64>(c)
    })
    .await
    .unwrap()
}

#[tokio::test]
async fn a_designer_promotes_a_service_with_a_problem_statement_and_its_themes() {
    let app = spawn_app().await;
    let stored = app.submit_text("ORGBDR-001", "জন্ম নিবন্ধনের জন্য পাঁচবার ইউনিয়ন পরিষদে যেতে হয়েছে").await;
    let theme = stored.theme_id.unwrap().to_string();
    let designer = app.staff("designer", &["LGD"]).await;
    let page = designer.get("/staff/services/ORGBDR-001").await.text().await.unwrap();
    assert!(page.contains("/staff/services/ORGBDR-001/backlog"), "the service page offers promotion");
    let response = designer
        .post(
            "/staff/services/ORGBDR-001/backlog",
            &[("problem_bn", "জন্ম নিবন্ধনে বারবার যেতে হয়"), ("problem_en", "Too many visits"), ("theme", &theme)],
        )
        .await;
    assert_eq!(response.status(), 303);
    let item = app.backlog_item_of("ORGBDR-001").await.unwrap();
    assert_eq!(response.headers()["location"], format!("/staff/backlog/items/{item}?done=promoted").as_str());
    let page = designer.get(&format!("/staff/backlog/items/{item}")).await;
    assert_eq!(page.status(), 200);
    let page = page.text().await.unwrap();
    assert!(page.contains("জন্ম নিবন্ধনে বারবার যেতে হয়") && page.contains("Too many visits"));
    assert!(page.contains(&format!("value=\"{theme}\" checked")), "the linked theme is checked");
    assert_eq!(app.backlog_status(item).await, "identified");
    assert_eq!(count_moves(&app, item).await, 1, "the promotion is the first move");
    let audited = db::run_blocking(&app.pool, |c| {
        audit_log::table.filter(audit_log::action.eq("backlog.promote")).count().get_result::<i64>(c)
    })
    .await
    .unwrap();
    assert_eq!(audited, 1);

    // One item per service: a second promotion is refused with a message.
    let again = designer.post("/staff/services/ORGBDR-001/backlog", &[("problem_bn", "আবার")]).await;
    assert_eq!(again.status(), 422);
    assert!(again.text().await.unwrap().contains("এই সেবা আগেই ব্যাকলগে আছে।"));
}

#[tokio::test]
async fn promotion_without_a_problem_statement_or_with_another_services_theme_changes_nothing() {
    let app = spawn_app().await;
    let other = app.submit_text("ORGBDR-002", "মৃত্যু নিবন্ধনে অনেক দেরি").await;
    let designer = app.staff("designer", &["LGD"]).await;
    let empty = designer.post("/staff/services/ORGBDR-001/backlog", &[("problem_bn", "  "), ("problem_en", "")]).await;
    assert_eq!(empty.status(), 422);
    assert!(empty.text().await.unwrap().contains("সমস্যার বিবরণ বাংলায় বা ইংরেজিতে লিখুন।"));
    let theme = other.theme_id.unwrap().to_string();
    let wrong = designer.post("/staff/services/ORGBDR-001/backlog", &[("problem_bn", "সমস্যা"), ("theme", &theme)]).await;
    assert_eq!(wrong.status(), 422);
    let long = "ক".repeat(4_001);
    let too_long = designer.post("/staff/services/ORGBDR-001/backlog", &[("problem_bn", &long)]).await;
    assert_eq!(too_long.status(), 422);
    assert_eq!(app.backlog_item_of("ORGBDR-001").await, None);
}

#[tokio::test]
async fn the_status_workflow_allows_only_its_moves_and_dropping_needs_a_reason() {
    let app = spawn_app().await;
    let designer = app.staff("designer", &["LGD"]).await;
    let admin = app.staff("ministry-admin", &["LGD"]).await;
    let item = designer.promote(&app, "ORGBDR-001", "সমস্যা").await;

    assert_eq!(designer.move_to(item, "designing", "").await, 403, "designers do not move the status");
    assert_eq!(admin.move_to(item, "approved", "").await, 422, "no skipping steps");
    assert_eq!(admin.move_to(item, "live", "").await, 422);
    assert_eq!(admin.move_to(item, "nonsense", "").await, 422);
    assert_eq!(app.backlog_status(item).await, "identified");

    assert_eq!(admin.move_to(item, "designing", "নকশা শুরু").await, 303);
    assert_eq!(admin.move_to(item, "approved", "").await, 303);
    assert_eq!(admin.move_to(item, "designing", "ফিরে দেখা").await, 303, "one step back is allowed");
    assert_eq!(admin.move_to(item, "dropped", "").await, 422, "dropping needs a reason");
    assert_eq!(app.backlog_status(item).await, "designing");
    assert_eq!(admin.move_to(item, "dropped", "অন্য প্রকল্পে হচ্ছে").await, 303);
    assert_eq!(app.backlog_status(item).await, "dropped");
    assert_eq!(admin.move_to(item, "identified", "আবার বিবেচনা").await, 303, "a dropped item can be reopened");
    assert_eq!(count_moves(&app, item).await, 6);

    let page = admin.get(&format!("/staff/backlog/items/{item}")).await.text().await.unwrap();
    assert!(page.contains("অন্য প্রকল্পে হচ্ছে") && page.contains("নকশা শুরু"), "the history shows each note");
    for step in ["designing", "approved", "building", "live"] {
        assert_eq!(admin.move_to(item, step, "").await, 303);
    }
    assert_eq!(admin.move_to(item, "dropped", "দেরিতে").await, 422, "live is final");
}

#[tokio::test]
async fn priorities_are_set_by_ministry_admins_and_bad_values_change_nothing() {
    let app = spawn_app().await;
    let admin = app.staff("ministry-admin", &["LGD"]).await;
    let item = admin.promote(&app, "ORGBDR-001", "সমস্যা").await;
    let office = app.office_id("ORGBDR").await.to_string();
    let foreign = app.office_id("DIP").await.to_string();
    let year = this_fiscal_year();
    let bangla_year = nagorik::domain::digits::to_bangla_digits(&year);
    let ok = admin
        .prioritise(
            item,
            &[
                ("target_year", &bangla_year),
                ("owner_office", &office),
                ("category", "2"),
                ("yearly_applications", "৪০,০০০"),
            ],
        )
        .await;
    assert_eq!(ok.status(), 303, "{}", ok.text().await.unwrap());
    let page = admin.get(&format!("/staff/backlog/items/{item}")).await.text().await.unwrap();
    assert!(page.contains(&format!("value=\"{year}\" selected")));
    assert!(page.contains("value=\"40000\""));

    for bad in [
        [("target_year", "2026-28"), ("owner_office", office.as_str()), ("category", "1"), ("yearly_applications", "")],
        [("target_year", ""), ("owner_office", foreign.as_str()), ("category", "1"), ("yearly_applications", "")],
        [("target_year", ""), ("owner_office", office.as_str()), ("category", "3"), ("yearly_applications", "")],
        [("target_year", ""), ("owner_office", office.as_str()), ("category", "1"), ("yearly_applications", "-5")],
    ] {
        assert_eq!(admin.prioritise(item, &bad).await.status(), 422, "{bad:?}");
    }
    let after = admin.get(&format!("/staff/backlog/items/{item}")).await.text().await.unwrap();
    assert!(after.contains(&format!("value=\"{year}\" selected")) && after.contains("value=\"40000\""), "unchanged");
    let designer = app.staff("designer", &["LGD"]).await;
    let refused = designer.prioritise(item, &[("target_year", ""), ("owner_office", &office), ("category", "1")]).await;
    assert_eq!(refused.status(), 403);
}

#[tokio::test]
async fn a_quarterly_review_is_recorded_and_moves_the_status_when_it_changed() {
    let app = spawn_app().await;
    let admin = app.staff("ministry-admin", &["LGD"]).await;
    let item = admin.promote(&app, "ORGBDR-001", "সমস্যা").await;
    let path = format!("/staff/backlog/items/{item}/reviews");
    let missing = admin.post(&path, &[("progress", ""), ("status", "identified"), ("next_step", "")]).await;
    assert_eq!(missing.status(), 422);
    let skip = admin.post(&path, &[("progress", "এগোচ্ছে"), ("status", "live"), ("next_step", "পরীক্ষা")]).await;
    assert_eq!(skip.status(), 422, "a review cannot skip workflow steps");
    let ok =
        admin.post(&path, &[("progress", "কর্মশালা হয়েছে"), ("status", "designing"), ("next_step", "প্রোটোটাইপ")]).await;
    assert_eq!(ok.status(), 303);
    assert_eq!(app.backlog_status(item).await, "designing");
    let reviews = db::run_blocking(&app.pool, move |c| {
        backlog_reviews::table
            .filter(backlog_reviews::backlog_item_id.eq(item))
            .select(backlog_reviews::quarter)
            .load::<String>(c)
    })
    .await
    .unwrap();
    let quarter = nagorik::domain::backlog::Quarter::of(chrono::Utc::now().date_naive()).label();
    assert_eq!(reviews, vec![quarter]);
    let page = admin.get(&format!("/staff/backlog/items/{item}")).await.text().await.unwrap();
    assert!(page.contains("কর্মশালা হয়েছে") && page.contains("প্রোটোটাইপ"));
}

#[tokio::test]
async fn another_ministrys_backlog_item_is_not_found_and_cabinet_admins_only_read() {
    let app = spawn_app().await;
    let lgd = app.staff("ministry-admin", &["LGD"]).await;
    let item = lgd.promote(&app, "ORGBDR-001", "সমস্যা").await;
    let moha = app.staff("ministry-admin", &["MOHA"]).await;
    assert_eq!(moha.get(&format!("/staff/backlog/items/{item}")).await.status(), 404);
    assert_eq!(moha.move_to(item, "designing", "").await, 404);
    assert_eq!(moha.post("/staff/services/ORGBDR-002/backlog", &[("problem_bn", "x")]).await.status(), 404);
    let listing = moha.get("/staff/backlog?status=all").await.text().await.unwrap();
    assert!(!listing.contains("ORGBDR-001"), "other ministries' services are not listed");
    let cabinet = app.staff("cabinet-admin", &[]).await;
    assert_eq!(cabinet.get(&format!("/staff/backlog/items/{item}")).await.status(), 200);
    assert_eq!(cabinet.move_to(item, "designing", "").await, 403);
    assert!(cabinet.get("/staff/backlog").await.text().await.unwrap().contains("ORGBDR-001"));
    assert_eq!(app.backlog_status(item).await, "identified");
}

#[tokio::test]
async fn a_refused_item_form_comes_back_on_the_item_page_with_what_was_typed_and_a_done_one_says_so() {
    let app = spawn_app().await;
    let admin = app.staff("ministry-admin", &["LGD"]).await;
    let item = admin.promote(&app, "ORGBDR-001", "সমস্যা").await;
    let path = |form: &str| format!("/staff/backlog/items/{item}/{form}");
    // Dropping without a reason: the move form keeps the choice, the message sits by the note.
    let refused = admin.post(&path("status"), &[("status", "dropped"), ("note", " ")]).await;
    assert_eq!(refused.status(), 422);
    let html = refused.text().await.unwrap();
    assert!(html.contains("href=\"#note\"") && html.contains("id=\"note-error\""), "{html}");
    assert!(html.contains("<option value=\"dropped\" selected>"), "the move chosen is kept");
    assert!(html.contains("action=\"/staff/logout\"") && html.contains("id=\"history-h\""), "the item page itself");
    assert_eq!(app.backlog_status(item).await, "identified", "nothing changed");
    // Bad priorities: what was typed stays in the boxes.
    let office = app.office_id("ORGBDR").await.to_string();
    let bad =
        [("target_year", ""), ("owner_office", office.as_str()), ("category", "2"), ("yearly_applications", "-5")];
    let refused = admin.prioritise(item, &bad).await;
    assert_eq!(refused.status(), 422);
    let html = refused.text().await.unwrap();
    assert!(html.contains("id=\"yearly_applications-error\"") && html.contains("value=\"-5\""), "{html}");
    assert!(html.contains("<option value=\"2\" selected>"), "the category chosen is kept");
    // A review missing its progress keeps the next step typed; its status error names its own select.
    let review = [("progress", ""), ("status", "live"), ("next_step", "কর্মশালা ডাকা")];
    let refused = admin.post(&path("reviews"), &review).await;
    assert_eq!(refused.status(), 422);
    let html = refused.text().await.unwrap();
    assert!(html.contains("href=\"#progress\"") && html.contains(">কর্মশালা ডাকা</textarea>"), "{html}");
    // A problem statement too long keeps the text and the themes ticked.
    let long = "ক".repeat(4001);
    let refused = admin.post(&path("problem"), &[("problem_bn", long.as_str())]).await;
    assert_eq!(refused.status(), 422);
    assert!(refused.text().await.unwrap().contains(&long), "the statement typed is kept");
    // Done: the page says what happened.
    let moved = admin.post(&path("status"), &[("status", "designing"), ("note", "")]).await;
    let to = moved.headers()["location"].to_str().unwrap().to_owned();
    assert_eq!(to, format!("/staff/backlog/items/{item}?done=moved"));
    assert!(admin.get(&to).await.text().await.unwrap().contains("অবস্থা বদলানো হয়েছে"));
}

#[tokio::test]
async fn a_refused_promotion_comes_back_on_the_service_page_with_what_was_typed() {
    let app = spawn_app().await;
    let admin = app.staff("ministry-admin", &["LGD"]).await;
    let theme = app.submit_text("ORGBDR-001", "জন্ম নিবন্ধনে দালাল টাকা চায়").await.theme_id.unwrap();
    let path = "/staff/services/ORGBDR-001/backlog";
    let long = "x".repeat(4001);
    let refused = admin.post(path, &[("problem_en", long.as_str()), ("theme", &theme.to_string())]).await;
    assert_eq!(refused.status(), 422);
    let html = refused.text().await.unwrap();
    assert!(html.contains("href=\"#problem_en\"") && html.contains("id=\"problem_en-error\""), "{html}");
    assert!(html.contains("<details open>") && html.contains(&long), "the form stays open with the text typed");
    assert!(html.contains(&format!("value=\"{theme}\" checked")), "the theme ticked stays ticked");
    assert_eq!(app.backlog_item_of("ORGBDR-001").await, None, "nothing promoted");
    let done = admin.post(path, &[("problem_bn", "দালাল ছাড়া কাজ হয় না"), ("theme", &theme.to_string())]).await;
    let to = done.headers()["location"].to_str().unwrap().to_owned();
    assert!(to.ends_with("?done=promoted"), "{to}");
    assert!(admin.get(&to).await.text().await.unwrap().contains("সেবাটি ব্যাকলগে উঠেছে"));
}
