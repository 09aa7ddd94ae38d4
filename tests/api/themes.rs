//! Themes: incremental assignment on arrival, designers' merge, split and move
//! keeping every counter right, and regrouping that keeps what designers decided.

use nagorik::db;

use crate::helpers::spawn_app;

const BRIBE_1: &str = "The passport office asked me for a bribe of 5000 taka to process my application";
const BRIBE_2: &str = "Passport office staff asked for a bribe of 5000 taka before processing my application";
const SERVER: &str = "The online form website was down for three days and I could not upload any documents";
const BANGLA_1: &str = "পাসপোর্ট অফিসে দালাল ছাড়া কোনো কাজ হয় না, দালালকে টাকা দিতে হয়েছে";
const BANGLA_2: &str = "পাসপোর্ট অফিসে দালাল ছাড়া কাজ হয় না, দালালকে অনেক টাকা দিতে হলো";

#[tokio::test]
async fn new_feedback_joins_the_theme_of_similar_feedback_as_it_arrives() {
    let app = spawn_app().await;
    let a = app.submit_text("DIP-001", BRIBE_1).await;
    let b = app.submit_text("DIP-001", BRIBE_2).await;
    let c = app.submit_text("DIP-001", SERVER).await;
    let d = app.submit_text("DIP-001", BANGLA_1).await;
    let e = app.submit_text("DIP-001", BANGLA_2).await;
    assert!(a.theme_id.is_some());
    assert_eq!(a.theme_id, b.theme_id, "near-duplicates share a theme");
    assert_ne!(a.theme_id, c.theme_id, "a different pain gets its own theme");
    assert_eq!(d.theme_id, e.theme_id, "Bangla near-duplicates share a theme");
    assert_ne!(d.theme_id, c.theme_id);
    let other_service = app.submit_text("POLICE-001", BRIBE_1).await;
    assert_ne!(other_service.theme_id, a.theme_id, "themes never span services");
    app.assert_counts_match(a.service_id).await;
}

#[tokio::test]
async fn merging_two_themes_moves_every_voice_and_removes_the_source() {
    let app = spawn_app().await;
    let designer = app.staff("designer", &["MOHA"]).await;
    let a = app.submit_text("DIP-001", BRIBE_1).await;
    let c = app.submit_text("DIP-001", SERVER).await;
    let (source, target) = (c.theme_id.unwrap(), a.theme_id.unwrap());
    let response = designer.post(&format!("/staff/themes/{source}/merge"), &[("into", &target.to_string())]).await;
    assert_eq!(response.status(), 303);
    assert_eq!(app.reload(c.id).await.theme_id, Some(target));
    let gone = designer.get(&format!("/staff/themes/{source}")).await;
    assert_eq!(gone.status(), 303, "the source is gone: its address leads to the target");
    assert_eq!(gone.headers()["location"], format!("/staff/themes/{target}").as_str());
    app.assert_counts_match(a.service_id).await;
    let themes: serde_json::Value = designer.get("/api/v1/staff/services/DIP-001/themes").await.json().await.unwrap();
    let merged = themes["themes"].as_array().unwrap().iter().find(|t| t["id"] == target).unwrap();
    assert_eq!(merged["feedback"], 2);
    assert_eq!(merged["feedback_ids"], serde_json::json!([a.id, c.id]));
    // The intake writer's cached themes follow the merge: new feedback joins the surviving theme.
    let again = app.submit_text("DIP-001", SERVER).await;
    assert_eq!(again.theme_id, Some(target));
    app.assert_counts_match(a.service_id).await;
}

#[tokio::test]
async fn splitting_a_theme_moves_only_the_chosen_feedback_into_a_new_pinned_theme() {
    let app = spawn_app().await;
    let designer = app.staff("designer", &["MOHA"]).await;
    let a = app.submit_text("DIP-001", BRIBE_1).await;
    let b = app.submit_text("DIP-001", BRIBE_2).await;
    let theme = a.theme_id.unwrap();
    let response = designer
        .post(
            &format!("/staff/themes/{theme}/split"),
            &[("feedback", &b.id.to_string()), ("into", "new"), ("label", "ঘুষ")],
        )
        .await;
    assert_eq!(response.status(), 303);
    let moved = app.reload(b.id).await;
    assert_ne!(moved.theme_id, Some(theme));
    assert!(moved.theme_pinned, "a designer's move is pinned");
    assert_eq!(app.reload(a.id).await.theme_id, Some(theme));
    app.assert_counts_match(a.service_id).await;
    // Automatic regrouping leaves the designer's decision alone.
    assert_eq!(designer.post("/staff/services/DIP-001/regroup", &[]).await.status(), 303);
    assert_eq!(app.reload(b.id).await.theme_id, moved.theme_id);
    app.assert_counts_match(a.service_id).await;
}

#[tokio::test]
async fn moving_one_feedback_to_another_theme_keeps_counts_right() {
    let app = spawn_app().await;
    let designer = app.staff("ministry-admin", &["MOHA"]).await;
    let a = app.submit_text("DIP-001", BRIBE_1).await;
    let c = app.submit_text("DIP-001", SERVER).await;
    let to = a.theme_id.unwrap().to_string();
    let response = designer.post(&format!("/staff/feedback/{}/theme", c.id), &[("theme", &to)]).await;
    assert_eq!(response.status(), 303);
    assert_eq!(app.reload(c.id).await.theme_id, a.theme_id);
    app.assert_counts_match(a.service_id).await;
}

#[tokio::test]
async fn confirmed_themes_survive_regrouping_with_their_names() {
    let app = spawn_app().await;
    let designer = app.staff("designer", &["MOHA"]).await;
    let a = app.submit_text("DIP-001", BRIBE_1).await;
    app.submit_text("DIP-001", SERVER).await;
    let theme = a.theme_id.unwrap();
    let form = [
        ("label_bn", "ঘুষ চাওয়া"),
        ("label_en", "Bribes asked"),
        ("category", "unofficial-payment"),
        ("confirmed", "yes"),
    ];
    assert_eq!(designer.post(&format!("/staff/themes/{theme}"), &form).await.status(), 303);
    assert_eq!(designer.post("/staff/services/DIP-001/regroup", &[]).await.status(), 303);
    let page = designer.get(&format!("/staff/themes/{theme}")).await;
    assert_eq!(page.status(), 200);
    let html = page.text().await.unwrap();
    assert!(html.contains("ঘুষ চাওয়া"));
    assert_eq!(app.reload(a.id).await.theme_id, Some(theme));
    app.assert_counts_match(a.service_id).await;
}

#[tokio::test]
async fn a_bad_theme_edit_is_explained_and_changes_nothing() {
    let app = spawn_app().await;
    let designer = app.staff("designer", &["MOHA"]).await;
    let a = app.submit_text("DIP-001", BRIBE_1).await;
    let theme = a.theme_id.unwrap();
    let typed = [("label_bn", " "), ("label_en", "Brokers at the gate"), ("category", "nonsense")];
    let response = designer.post(&format!("/staff/themes/{theme}"), &typed).await;
    assert_eq!(response.status(), 422);
    let html = response.text().await.unwrap();
    assert!(html.contains("একটি নাম লিখুন"), "the message is in the page's language");
    // The theme page itself comes back: an error summary linking to the field, the message
    // beside it, and what was typed kept.
    assert!(html.contains("id=\"error-summary\"") && html.contains("href=\"#label_bn\""), "{html}");
    assert!(html.contains("id=\"label_bn-error\"") && html.contains("value=\"Brokers at the gate\""));
    assert!(html.contains("id=\"members-h\""), "the whole theme page, not a dead end");
    let saved = designer.post(&format!("/staff/themes/{theme}"), &[("label_bn", "দালাল"), ("label_en", "Brokers")]).await;
    assert_eq!(saved.status(), 303);
    let page = designer.get(saved.headers()["location"].to_str().unwrap()).await.text().await.unwrap();
    assert!(page.contains("বিষয়টি সংরক্ষিত হয়েছে।"), "a saved change says so");
    let merge_self = designer.post(&format!("/staff/themes/{theme}/merge"), &[("into", &theme.to_string())]).await;
    assert_eq!(merge_self.status(), 422);
    let html = merge_self.text().await.unwrap();
    assert!(html.contains("action=\"/staff/logout\""), "the staff layout and menu, not the citizens'");
    assert!(html.contains("একটি বিষয়কে নিজের সাথে মেলানো যায় না"), "what was wrong, in the page's language");
    assert_eq!(app.reload(a.id).await.theme_id, Some(theme));
    let missing = designer.get("/staff/services/NOPE-1").await;
    assert_eq!(missing.status(), 404);
    assert!(missing.text().await.unwrap().contains("action=\"/staff/logout\""));
}

#[tokio::test]
async fn a_refused_merge_or_split_comes_back_on_the_theme_page_with_what_was_chosen() {
    let app = spawn_app().await;
    let designer = app.staff("designer", &["MOHA"]).await;
    let a = app.submit_text("DIP-001", BRIBE_1).await;
    let b = app.submit_text("DIP-001", BRIBE_2).await;
    let c = app.submit_text("DIP-001", SERVER).await;
    let (theme, other) = (a.theme_id.unwrap(), c.theme_id.unwrap());
    let path = |what: &str| format!("/staff/themes/{theme}/{what}");
    // A merge into a theme that is not one of the service's.
    let refused = designer.post(&path("merge"), &[("into", "999999")]).await;
    assert_eq!(refused.status(), 422);
    let html = refused.text().await.unwrap();
    assert!(html.contains("href=\"#into\"") && html.contains("id=\"into-error\""), "{html}");
    assert!(html.contains("এই সেবার একটি বিষয় বেছে নিন"));
    // A split with nothing ticked keeps the destination and label typed.
    let typed = [("into", "new"), ("label", "দালালের আলাদা অভিযোগ")];
    let refused = designer.post(&path("split"), &typed).await;
    assert_eq!(refused.status(), 422);
    let html = refused.text().await.unwrap();
    assert!(html.contains("href=\"#split_feedback\"") && html.contains("id=\"split_feedback-error\""), "{html}");
    assert!(html.contains("সরানোর জন্য অন্তত একটি মতামত বেছে নিন"));
    assert!(html.contains("value=\"দালালের আলাদা অভিযোগ\""), "the label typed is kept");
    // A label too long keeps the feedback ticked.
    let long = "দ".repeat(200);
    let b_id = b.id.to_string();
    let refused =
        designer.post(&path("split"), &[("feedback", b_id.as_str()), ("into", "new"), ("label", &long)]).await;
    assert_eq!(refused.status(), 422);
    let html = refused.text().await.unwrap();
    assert!(html.contains(&format!("id=\"pick-{}\" name=\"feedback\" value=\"{}\" checked", b.id, b.id)), "{html}");
    assert!(html.contains("id=\"split_label-error\""));
    assert_eq!(app.reload(b.id).await.theme_id, Some(theme), "nothing moved");
    app.assert_counts_match(a.service_id).await;
    // Done: each says so on the theme it leads to.
    let split = designer.post(&path("split"), &[("feedback", b_id.as_str()), ("into", &other.to_string())]).await;
    assert_eq!(split.status(), 303);
    let to = split.headers()["location"].to_str().unwrap().to_owned();
    assert_eq!(to, format!("/staff/themes/{other}?done=split"));
    assert!(designer.get(&to).await.text().await.unwrap().contains("বেছে নেওয়া মতামতগুলো এখন এই বিষয়ে।"));
    let merged = designer.post(&path("merge"), &[("into", &other.to_string())]).await;
    let to = merged.headers()["location"].to_str().unwrap().to_owned();
    assert_eq!(to, format!("/staff/themes/{other}?done=merged"));
    assert!(designer.get(&to).await.text().await.unwrap().contains("বিষয় দুটি এক হয়েছে"));
    app.assert_counts_match(a.service_id).await;
}

#[tokio::test]
async fn spam_waits_as_not_yet_grouped_instead_of_opening_a_theme() {
    let app = spawn_app().await;
    let designer = app.staff("designer", &["MOHA"]).await;
    let spam = app.submit_text("DIP-001", "Earn 50000 taka per month from home!!! click the link now 😀😀").await;
    let bribe = app.submit_text("DIP-001", BRIBE_1).await;
    assert_eq!(spam.theme_id, None, "spam fits no theme");
    assert!(bribe.theme_id.is_some());
    let page = designer.get("/staff/services/DIP-001").await.text().await.unwrap();
    assert!(page.contains("id=\"ungrouped-h\""), "the service page shows the not-yet-grouped bucket");
    assert!(page.contains("none#list-h"), "and links to its feedback");
    app.assert_counts_match(bribe.service_id).await;
}

#[tokio::test]
async fn the_same_complaint_in_bangla_and_english_lands_in_one_theme() {
    let app = spawn_app().await;
    let bn = app.submit_text("DIP-001", BANGLA_1).await;
    let en = app
        .submit_text("DIP-001", "Nothing moves at the passport office without a tout, I had to pay the broker")
        .await;
    let server = app.submit_text("DIP-001", SERVER).await;
    assert_eq!(bn.theme_id, en.theme_id);
    assert_ne!(bn.theme_id, server.theme_id);
}

#[tokio::test]
async fn regroup_previews_the_change_first_and_keeps_a_theme_a_backlog_item_names() {
    let app = spawn_app().await;
    let designer = app.staff("designer", &["MOHA"]).await;
    let a = app.submit_text("DIP-001", BRIBE_1).await;
    let b = app.submit_text("DIP-001", SERVER).await;
    let theme = a.theme_id.unwrap();
    // The designer moves the server complaint into the bribe theme by hand and a backlog
    // item names that theme: a regroup must keep the theme with both.
    let to = theme.to_string();
    let moved = designer.post(&format!("/staff/feedback/{}/theme", b.id), &[("theme", &to)]).await;
    assert_eq!(moved.status(), 303);
    let linked =
        designer.post("/staff/services/DIP-001/backlog", &[("problem_bn", "দালাল ও সার্ভার"), ("theme", &to)]).await;
    assert_eq!(linked.status(), 303, "{}", linked.text().await.unwrap());
    let preview = designer.get("/staff/services/DIP-001/regroup").await;
    assert_eq!(preview.status(), 200);
    let html = preview.text().await.unwrap();
    assert!(html.contains("action=\"/staff/services/DIP-001/regroup\""), "it asks to confirm");
    assert!(html.contains(&format!("/staff/themes/{theme}")), "it names the kept theme");
    assert_eq!(app.reload(a.id).await.theme_id, Some(theme), "a preview changes nothing");
    assert_eq!(designer.post("/staff/services/DIP-001/regroup", &[]).await.status(), 303);
    assert_eq!(app.reload(a.id).await.theme_id, Some(theme));
    assert_eq!(app.reload(b.id).await.theme_id, Some(theme));
    app.assert_counts_match(a.service_id).await;
}

#[tokio::test]
async fn a_regroup_never_undoes_a_designers_merge() {
    let app = spawn_app().await;
    let designer = app.staff("designer", &["MOHA"]).await;
    let a = app.submit_text("DIP-001", BRIBE_1).await;
    let c = app.submit_text("DIP-001", SERVER).await;
    let (source, target) = (c.theme_id.unwrap(), a.theme_id.unwrap());
    let response = designer.post(&format!("/staff/themes/{source}/merge"), &[("into", &target.to_string())]).await;
    assert_eq!(response.status(), 303);
    assert_eq!(designer.post("/staff/services/DIP-001/regroup", &[]).await.status(), 303);
    assert_eq!(app.reload(a.id).await.theme_id, Some(target));
    assert_eq!(app.reload(c.id).await.theme_id, Some(target));
    app.assert_counts_match(a.service_id).await;
}

#[tokio::test]
async fn only_theme_editors_of_the_ministry_see_the_regroup_preview() {
    let app = spawn_app().await;
    app.submit_text("DIP-001", BRIBE_1).await;
    let stranger = app.staff("designer", &["LGD"]).await;
    assert_eq!(stranger.get("/staff/services/DIP-001/regroup").await.status(), 404);
}

#[tokio::test]
async fn designers_see_each_feedbacks_own_step_and_numbers() {
    let app = spawn_app().await;
    let designer = app.staff("designer", &["LGD"]).await;
    let mut form = crate::helpers::form_with("cost", "১২০০");
    form.push(("step", "2"));
    let code = crate::helpers::code_from_redirect(&app.post_feedback_form("ORGBDR-001", &form).await);
    let id = app.stored_feedback(&code).await.id;
    let list = designer.get("/staff/services/ORGBDR-001").await.text().await.unwrap();
    assert!(list.contains("১৫ দিন লেগেছে · খরচ ১,২০০ টাকা · ৩ বার অফিসে"), "the numbers behind the medians");
    let page = designer.get(&format!("/staff/feedback/{id}")).await.text().await.unwrap();
    assert!(page.contains("ধাপ: ইউনিয়ন পরিষদে কাগজ জমা"), "and the charter step");
    designer.get("/lang/en?next=/staff").await;
    let english = designer.get(&format!("/staff/feedback/{id}")).await.text().await.unwrap();
    assert!(english.contains("took 15 days · cost BDT 1,200 · 3 visits"), "{english}");
}

#[tokio::test]
async fn a_merged_themes_old_address_leads_to_the_theme_it_joined() {
    let app = spawn_app().await;
    let designer = app.staff("designer", &["MOHA"]).await;
    let a = app.submit_text("DIP-001", "দালাল ছাড়া পাসপোর্ট হয় না, ঘুষ দিতে হয়েছে পাঁচ হাজার টাকা").await;
    let b = app.submit_text("DIP-001", "পাসপোর্ট পেতে চার মাস দেরি হয়েছে, এত সময় লাগে কেন").await;
    let c = app.submit_text("DIP-001", "Passport server was down for a week, could not pay the fee online").await;
    let (ta, tb, tc) = (a.theme_id.unwrap(), b.theme_id.unwrap(), c.theme_id.unwrap());
    assert!(ta != tb && tb != tc && ta != tc);
    assert_eq!(designer.post(&format!("/staff/themes/{ta}/merge"), &[("into", &tb.to_string())]).await.status(), 303);
    let old = designer.get(&format!("/staff/themes/{ta}")).await;
    assert_eq!(old.status(), 303);
    assert_eq!(old.headers()["location"], format!("/staff/themes/{tb}").as_str());
    // Merged on again: both old addresses lead to where the feedback is now.
    assert_eq!(designer.post(&format!("/staff/themes/{tb}/merge"), &[("into", &tc.to_string())]).await.status(), 303);
    for gone in [ta, tb] {
        let r = designer.get(&format!("/staff/themes/{gone}")).await;
        assert_eq!(r.status(), 303, "{gone} ({ta} {tb} {tc})");
        assert_eq!(r.headers()["location"], format!("/staff/themes/{tc}").as_str(), "{gone}");
    }
    assert_eq!(designer.get("/staff/themes/999999").await.status(), 404, "an id that never was");
}

#[tokio::test]
async fn a_publish_choice_that_is_neither_yes_nor_no_comes_back_on_the_theme_page() {
    let app = spawn_app().await;
    let designer = app.staff("designer", &["MOHA"]).await;
    let theme = app.submit_text("DIP-001", "পাসপোর্ট অফিসে দালাল ছাড়া কাজ হয় না, ঘুষ চায়").await.theme_id.unwrap();
    let response = designer.post(&format!("/staff/themes/{theme}/publish"), &[("publish", "maybe")]).await;
    assert_eq!(response.status(), 422);
    let html = response.text().await.unwrap();
    assert!(html.contains("id=\"error-summary\"") && html.contains("বিষয়টি প্রকাশ করবেন কি না বেছে নিন।"), "{html}");
    assert!(html.contains("id=\"public-h\""), "the theme page itself, not a dead end");
    let stored = db::run_blocking(&app.pool, move |c| db::themes::find(c, theme)).await.unwrap().unwrap();
    assert!(stored.published_at.is_none(), "nothing published");
}
