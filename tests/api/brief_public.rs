//! A live e-service's before and after on its public service page: the charter's steps and what
//! citizens reported before it went live, against the design's steps and targets, and the
//! published expectations it took in (labels and voices, never quotes); the "you said, we did"
//! mail of the move to live links to it.

use serde_json::{json, Value};

use crate::brief_design::{save, setup, two_steps};
use crate::helpers::wait_until;

const WISH: &str = "আবেদনের অবস্থা এসএমএসে জানালে বারবার ইউনিয়ন পরিষদে যেতে হতো না";

#[tokio::test]
async fn a_live_e_service_shows_before_and_after_and_the_expectations_it_took_in() {
    let (app, designer, item) = setup().await;
    // Five citizens expect an SMS; one leaves an email for updates.
    for n in 0..5 {
        let mut body = json!({ "service_code": "ORGBDR-001", "kind": "expectation", "text": format!("{WISH} ({n})"), "district": "dhaka" });
        if n == 0 {
            body["email"] = json!("karim@example.com");
            body["consent"] = json!(true);
        }
        assert_eq!(app.post_api_feedback(&body).await.status(), 201);
    }
    let brief: Value = designer.get(&format!("/api/v1/staff/backlog/items/{item}/brief")).await.json().await.unwrap();
    let wish =
        brief["wants"].as_array().unwrap().iter().find(|w| w["feedback"] == 5).expect("the five in one theme").clone();
    let theme = wish["theme_id"].as_i64().unwrap();
    let form = [("label_bn", "এসএমএসে অবস্থা জানানো"), ("label_en", "Status by SMS"), ("confirmed", "yes")];
    assert_eq!(designer.post(&format!("/staff/themes/{theme}"), &form).await.status(), 303);
    assert_eq!(designer.post(&format!("/staff/themes/{theme}/publish"), &[("publish", "yes")]).await.status(), 303);
    let mut design = two_steps("0", "3");
    design.push((format!("want-{theme}"), "taken".into()));
    design.push((format!("want-{theme}-step"), "2".into()));
    assert_eq!(save(&designer, item, &design).await.status(), 303);

    let admin = app.staff("ministry-admin", &["LGD"]).await;
    let page = app.get("/services/ORGBDR-001").await.text().await.unwrap();
    assert!(!page.contains("id=\"before-after\""), "not before it is live");
    for status in ["designing", "approved", "building", "live"] {
        assert_eq!(admin.move_to(item, status, "").await, 303, "{status}");
    }
    // Sent after going live: not part of "before".
    crate::brief::submit(&app, "এখন অনলাইনে এক দিনেই সনদ পেলাম", Some(2), (Some(1), Some(0), Some(0))).await;

    let page = app.get("/services/ORGBDR-001").await.text().await.unwrap();
    let section =
        page.split("id=\"before-after\"").nth(1).expect("the before and after").split("</section>").next().unwrap();
    // Before: three charter steps; days 5, 10, 20, 30, 100 → 20; cost 200, 600 → 200; visits 3, 4, 5 → 4.
    // After: two steps, 3 days, 70 taka, 1 visit.
    let rows: Vec<&str> = section.split("<tr>").skip(2).collect();
    assert!(rows[0].contains("<td class=\"num\">৩</td><td class=\"num\">২</td>"), "steps: {section}");
    // Each before figure rests on fewer than 10 answers: starred, with the note.
    assert!(rows[1].contains("<td class=\"num\">২০*</td><td class=\"num\">৩</td>"), "days: {section}");
    assert!(rows[2].contains("<td class=\"num\">২০০*</td><td class=\"num\">৭০</td>"), "cost: {section}");
    assert!(rows[3].contains("<td class=\"num\">৪*</td><td class=\"num\">১</td>"), "visits: {section}");
    assert!(section.contains("* ১০টির কম উত্তর: মাপ নয়, মোটামুটি ধারণা।"));
    assert!(section.contains("ইউডিসিতে আঙুলের ছাপ · ইউনিয়ন ডিজিটাল সেন্টারে"), "the e-service's steps");
    // Its voices as the "you said" list counts them (all time: a later voice may join it).
    let taken = section.split("এসএমএসে অবস্থা জানানো · ").nth(1).expect("the expectation it took in");
    assert!(taken.starts_with('৫') || taken.starts_with('৬'), "with its voices: {taken}");
    assert!(!section.contains(WISH) && !section.contains("karim@example.com"), "labels and counts, never quotes");
    let english = app.get_in("/services/ORGBDR-001", "en").await.text().await.unwrap();
    let section = english.split("id=\"before-after\"").nth(1).unwrap();
    assert!(section.contains("With the e-service") && section.contains("Status by SMS · "), "{section}");

    // The move to live tells the consenting citizen where to see it.
    let linking = |mail: &Vec<nagorik::email::SentEmail>| mail.iter().any(|m| m.text.contains("#before-after"));
    wait_until("the update of the move to live", || async { app.mailer.sent() }, linking).await;
    let mail = app.mailer.sent();
    let live =
        mail.iter().find(|m| m.text.contains("#before-after")).expect("the live update links to before and after");
    assert_eq!(live.to, "karim@example.com");
    assert!(live.text.contains("/services/ORGBDR-001#before-after") && live.html.contains("#before-after"));
    assert_eq!(mail.iter().filter(|m| m.text.contains("#before-after")).count(), 1, "only the move to live");
}
