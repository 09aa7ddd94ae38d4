//! Assisted intake: operators at Union Digital Centres type feedback for citizens
//! of their districts, see only their own entries, and correct typos for 24 hours.

use diesel::prelude::*;
use nagorik::db::{self, provenance, schema::feedback};

use crate::helpers::{shown, spawn_app, TestApp};
use crate::staff_helpers::StaffClient;

fn entry<'a>(service: &'a str, text: &'a str, district: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("service", service),
        ("kind", "complaint"),
        ("text", text),
        ("district", district),
        ("days", "১২"),
        ("visits", "3"),
        ("centre", "সাভার ইউনিয়ন ডিজিটাল সেন্টার"),
        ("consent_asked", "yes"),
        ("reached_by", "in-person"),
    ]
}

/// Posts an entry and returns the tracking code it was saved under.
async fn enter(operator: &StaffClient, form: &[(&str, &str)]) -> String {
    let response = operator.post("/staff/assisted", form).await;
    assert_eq!(response.status(), 303, "{}", response.text().await.unwrap());
    let location = response.headers()["location"].to_str().unwrap().to_owned();
    location.strip_prefix("/staff/assisted?saved=").expect("back to a clear form").to_owned()
}

async fn set_received(app: &TestApp, id: i64, hours_ago: i64) {
    let at = chrono::Utc::now().naive_utc() - chrono::Duration::hours(hours_ago);
    db::run_blocking(&app.pool, move |c| {
        diesel::update(feedback::table.find(id)).set(feedback::created_at.eq(at)).execute(c)
    })
    .await
    .unwrap();
}

#[tokio::test]
async fn an_operator_enters_feedback_by_service_name_stored_as_assisted_with_its_provenance() {
    let app = spawn_app().await;
    let operator = app.staff("operator", &["dhaka", "gazipur"]).await;
    let page = operator.get("/staff/assisted").await;
    assert_eq!(page.status(), 200);
    assert!(page.text().await.unwrap().contains("<datalist id=\"services\">"));

    let form = entry("Birth registration", "জন্ম নিবন্ধনের জন্য তিনবার ইউনিয়ন পরিষদে যেতে হয়েছে", "gazipur");
    let code = enter(&operator, &form).await;
    let stored = app.stored_feedback(&code).await;
    assert_eq!(
        (stored.channel.as_str(), stored.district.as_str(), stored.days_taken),
        ("assisted", "gazipur", Some(12))
    );
    assert!(stored.theme_id.is_some(), "themed like any other feedback");
    let id = stored.id;
    let source = db::run_blocking(&app.pool, move |c| provenance::source_of(c, id)).await.unwrap().unwrap();
    assert_eq!(source.operator_id, Some(operator.id));
    assert_eq!(source.centre.as_deref(), Some("সাভার ইউনিয়ন ডিজিটাল সেন্টার"));
    assert_eq!((source.consent_asked, source.reached_by.as_deref()), (Some(true), Some("in-person")));
    app.assert_counts_match(stored.service_id).await;

    let after = operator.get(&format!("/staff/assisted?saved={code}")).await.text().await.unwrap();
    let panel = format!("<p class=\"tracking-code\" lang=\"en\"><strong>{}</strong></p>", shown(&code));
    assert!(after.contains(&panel), "the code in the confirmation panel, to read out: {after}");
    assert!(after.contains("id=\"saved\" role=\"status\"") && after.contains("আজ আপনি ১টি মতামত নথিভুক্ত করেছেন।"));
    // The form speaks to the operator about the citizen, not as the citizen.
    for label in ["নাগরিকের মতামত", "নাগরিকের কী খরচ হয়েছে?", "নাগরিকের জেলা", "নাগরিক এই সেবার অগ্রগতি ইমেইলে জানতে চান"]
    {
        assert!(after.contains(label), "operator label {label}");
    }
    assert!(!after.contains("আপনার মতামত") && !after.contains("আপনার জেলা") && !after.contains("আমাকে ইমেইলে"));
    assert!(after.contains("value=\"সাভার ইউনিয়ন ডিজিটাল সেন্টার\""), "the centre is kept for the next citizen");
    let dhaka = stored.created_at + chrono::Duration::hours(6);
    let shown: String = dhaka
        .format("%Y-%m-%d %H:%M")
        .to_string()
        .chars()
        .map(|c| c.to_digit(10).map_or(c, |d| char::from_u32(0x09E6 + d).unwrap()))
        .collect();
    assert!(after.contains(&shown), "recent entries in Bangladesh time and Bangla digits: {shown}");
    assert!(after.contains("গ্রহণের সময় (বাংলাদেশ সময়)"));

    let designer = app.staff("designer", &["LGD"]).await;
    let list = designer.get("/staff/services/ORGBDR-001?channel=assisted").await.text().await.unwrap();
    assert_eq!(list.matches("<li class=\"feedback").count(), 1, "designers filter by channel");
    assert!(list.contains(&format!("/staff/feedback/{id}")));
    let web_only = designer.get("/staff/services/ORGBDR-001?channel=web").await.text().await.unwrap();
    assert_eq!(web_only.matches("<li class=\"feedback").count(), 0);
}

#[tokio::test]
async fn part_of_a_name_finds_one_service_or_offers_the_several_it_matches() {
    let app = spawn_app().await;
    let operator = app.staff("operator", &["dhaka"]).await;
    let text = "জন্ম নিবন্ধনের জন্য তিনবার ইউনিয়ন পরিষদে যেতে হয়েছে";
    // One service holds "জন্ম": that one.
    let code = enter(&operator, &entry("জন্ম", text, "dhaka")).await;
    let birth = app.stored_feedback(&code).await;
    // "নিবন্ধন" is part of two: both are offered, with the count, and nothing is stored.
    let before = app.feedback_count().await;
    let page = operator.post("/staff/assisted", &entry("নিবন্ধন", text, "dhaka")).await;
    assert_eq!(page.status(), 422);
    let html = page.text().await.unwrap();
    assert!(html.contains("এই নামে ২টি সেবা মেলে"), "says how many match");
    assert!(html.contains("value=\"ORGBDR-001\"") && html.contains("value=\"ORGBDR-002\""), "offers both");
    assert!(html.contains("role=\"alert\" tabindex=\"-1\" autofocus"), "the error summary takes focus");
    assert_eq!(app.feedback_count().await, before);
    // Choosing one of them stores the entry there.
    let mut chosen = entry("নিবন্ধন", text, "dhaka");
    chosen.push(("service_choice", "ORGBDR-002"));
    let code = enter(&operator, &chosen).await;
    let death = app.stored_feedback(&code).await;
    assert_ne!(death.service_id, birth.service_id);
}

#[tokio::test]
async fn an_operator_cannot_enter_feedback_for_another_district_or_without_the_behalf_details() {
    let app = spawn_app().await;
    let operator = app.staff("operator", &["dhaka"]).await;
    let mut form = entry("ORGBDR-001", "The union parishad asked for a bribe to register a birth", "khulna");
    form.retain(|(k, _)| !["consent_asked", "reached_by", "centre"].contains(k));
    let response = operator.post("/staff/assisted", &form).await;
    assert_eq!(response.status(), 422);
    let page = response.text().await.unwrap();
    assert!(page.contains("আপনি শুধু আপনার জেলাগুলোর মতামত লিখতে পারেন"), "{page}");
    assert!(page.contains("হ্যাঁ অথবা না বলুন") && page.contains("সরাসরি না ফোনে"));
    assert!(
        page.contains("<a href=\"#field-centre\">ইউনিয়ন ডিজিটাল সেন্টারের নাম লিখুন</a>"),
        "the summary names the centre: {page}"
    );
    let unknown = operator.post("/staff/assisted", &entry("Visa", "A long enough complaint text", "dhaka")).await;
    assert_eq!(unknown.status(), 422);
    assert!(unknown.text().await.unwrap().contains("এই নাম বা কোডের কোনো সেবা নেই"));
    assert_eq!(app.feedback_count().await, 0, "nothing stored");
}

#[tokio::test]
async fn operators_see_and_correct_only_their_own_entries() {
    let app = spawn_app().await;
    let alice = app.staff("operator", &["dhaka"]).await;
    let bob = app.staff("operator", &["dhaka"]).await;
    let code =
        enter(&alice, &entry("ORGBDR-001", "Alice's citizen waited three months for a birth certificate", "dhaka"))
            .await;
    let id = app.stored_feedback(&code).await.id;

    assert!(alice.get("/staff/assisted").await.text().await.unwrap().contains(&shown(&code)));
    assert!(
        !bob.get("/staff/assisted").await.text().await.unwrap().contains(&shown(&code)),
        "another operator's entry is invisible"
    );
    assert_eq!(bob.get(&format!("/staff/assisted/{id}")).await.status(), 404);
    let fix = [("kind", "complaint"), ("text", "Hacked text by another operator"), ("district", "dhaka")];
    assert_eq!(bob.post(&format!("/staff/assisted/{id}"), &fix).await.status(), 404);
    assert_eq!(app.stored_feedback(&code).await.body, "Alice's citizen waited three months for a birth certificate");
}

#[tokio::test]
async fn a_correction_within_24_hours_is_audited_and_keeps_counters_exact_and_is_refused_after() {
    let app = spawn_app().await;
    let operator = app.staff("operator", &["dhaka", "gazipur"]).await;
    let code = enter(&operator, &entry("ORGBDR-001", "The birth certifcate took three monts to arrive", "dhaka")).await;
    let stored = app.stored_feedback(&code).await;
    assert_eq!(operator.get(&format!("/staff/assisted/{}", stored.id)).await.status(), 200);

    let fix = [
        ("kind", "suggestion"),
        ("text", "The birth certificate took three months to arrive"),
        ("district", "gazipur"),
        ("days", "90"),
        ("visits", ""),
    ];
    let done = operator.post_and_follow(&format!("/staff/assisted/{}", stored.id), &fix).await;
    assert!(done.contains("-এর সংশোধন সংরক্ষিত হয়েছে।"), "the entry page says so");
    let corrected = app.stored_feedback(&code).await;
    assert_eq!(corrected.body, "The birth certificate took three months to arrive");
    assert_eq!((corrected.kind.as_str(), corrected.district.as_str()), ("suggestion", "gazipur"));
    assert_eq!((corrected.days_taken, corrected.visits), (Some(90), None));
    app.assert_counts_match(stored.service_id).await;
    let audit = app.audit_entries().await.into_iter().find(|e| e.action == "feedback.correct").expect("audited");
    assert_eq!((audit.staff_id, audit.target_id), (Some(operator.id), Some(stored.id)));
    assert!(!audit.after_json.unwrap_or_default().contains("three months"), "the text is not copied to the log");

    let other_district = [("kind", "complaint"), ("text", "The birth certificate took long"), ("district", "khulna")];
    assert_eq!(operator.post(&format!("/staff/assisted/{}", stored.id), &other_district).await.status(), 422);

    set_received(&app, stored.id, 25).await;
    let late = [("kind", "complaint"), ("text", "Too late to change this text now"), ("district", "dhaka")];
    let response = operator.post(&format!("/staff/assisted/{}", stored.id), &late).await;
    assert_eq!(response.status(), 422);
    assert!(response.text().await.unwrap().contains("২৪ ঘণ্টার বেশি পুরোনো"));
    assert_eq!(app.stored_feedback(&code).await.kind, "suggestion", "nothing changed");
    app.assert_counts_match(stored.service_id).await;
}

#[tokio::test]
async fn operators_are_refused_everywhere_else_in_the_staff_area() {
    let app = spawn_app().await;
    let operator = app.staff("operator", &["dhaka"]).await;
    let home = operator.get("/staff").await;
    assert_eq!((home.status().as_u16(), home.headers()["location"].to_str().unwrap()), (303, "/staff/assisted"));
    for path in ["/staff/services/ORGBDR-001", "/staff/users", "/staff/audit", "/staff/tokens", "/staff/import"] {
        assert_eq!(operator.get(path).await.status(), 403, "{path}");
    }
    let designer = app.staff("designer", &["LGD"]).await;
    assert_eq!(designer.get("/staff/assisted").await.status(), 403);
}

#[tokio::test]
async fn a_cabinet_admin_creates_an_operator_for_districts_and_a_ministry_admin_cannot() {
    let app = spawn_app().await;
    let cabinet = app.staff("cabinet-admin", &[]).await;
    let form = [
        ("email", "udc@savar.example"),
        ("name", "Rafiq"),
        ("role", "operator"),
        ("districts", "dhaka"),
        ("districts", "gazipur"),
        ("password", "a long enough password"),
        ("locale", "bn"),
    ];
    let created = cabinet.post("/staff/users", &form).await;
    assert_eq!(created.status(), 303);
    let to = created.headers()["location"].to_str().unwrap().to_owned();
    assert_eq!(to, "/staff/users?done=created");
    assert!(cabinet.get(&to).await.text().await.unwrap().contains("অ্যাকাউন্টটি তৈরি হয়েছে"), "the list says so");
    let id = app.account("udc@savar.example").await.expect("stored").id;
    let districts = db::run_blocking(&app.pool, move |c| db::staff_districts::of_staff(c, id)).await.unwrap();
    assert_eq!(districts, ["dhaka", "gazipur"]);
    let admin = app.staff("ministry-admin", &["LGD"]).await;
    let mut other = form.to_vec();
    other[0] = ("email", "udc2@savar.example");
    assert_eq!(admin.post("/staff/users", &other).await.status(), 422);
    let mut none = form.to_vec();
    none.retain(|(k, _)| *k != "districts");
    none[0] = ("email", "udc3@savar.example");
    assert_eq!(cabinet.post("/staff/users", &none).await.status(), 422);
}
