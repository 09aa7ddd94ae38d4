//! "Merge these?": themes that look alike are offered on the service page; a designer
//! merges them or says they differ (audited; a dismissed pair is never offered again).

use diesel::prelude::*;
use nagorik::db::{self, schema::audit_log, schema::theme_merge_dismissals, schema::themes};

use crate::helpers::{spawn_app, TestApp};
use crate::staff_helpers::StaffClient;

const BRIBE_1: &str = "The passport office asked me for a bribe of 5000 taka to process my application";
const BRIBE_2: &str = "Passport office staff asked for a bribe of 5000 taka before processing my application";
const BRIBE_3: &str = "They asked me for a bribe of 5000 taka at the passport office to process the application";
const SERVER: &str = "The online form website was down for three days and I could not upload any documents";
const PAGE: &str = "/staff/services/DIP-001";
const ACCEPT: &str = "/staff/services/DIP-001/merge-suggestions/accept";
const DISMISS: &str = "/staff/services/DIP-001/merge-suggestions/dismiss";

/// Two themes of one pain (the designer split one in two) and an unrelated one: (lower, higher) ids.
async fn alike_themes(app: &TestApp, designer: &StaffClient) -> (i64, i64) {
    let a = app.submit_text("DIP-001", BRIBE_1).await;
    let b = app.submit_text("DIP-001", BRIBE_2).await;
    app.submit_text("DIP-001", SERVER).await;
    let theme = a.theme_id.expect("themed");
    assert_eq!(b.theme_id, Some(theme), "near-duplicates arrive in one theme");
    let split = designer.post(&format!("/staff/themes/{theme}/split"), &[("feedback", &b.id.to_string())]).await;
    assert_eq!(split.status(), 303);
    let other = app.reload(b.id).await.theme_id.expect("moved to a new theme");
    assert_ne!(other, theme);
    (theme.min(other), theme.max(other))
}

/// The hidden fields of a suggestion of `a` and `b` as the service page writes them.
fn pair_fields(a: i64, b: i64) -> String {
    format!(r#"name="theme_a" value="{a}"><input type="hidden" name="theme_b" value="{b}""#)
}

async fn page(staff: &StaffClient) -> String {
    let response = staff.get(PAGE).await;
    assert_eq!(response.status(), 200);
    response.text().await.unwrap()
}

async fn audited(app: &TestApp, action: &'static str) -> Vec<Option<i64>> {
    db::run_blocking(&app.pool, move |c| {
        audit_log::table.filter(audit_log::action.eq(action)).select(audit_log::staff_id).load(c)
    })
    .await
    .unwrap()
}

async fn dismissals(app: &TestApp) -> Vec<(i64, i64, Option<i64>)> {
    db::run_blocking(&app.pool, |c| {
        theme_merge_dismissals::table
            .select((
                theme_merge_dismissals::theme_a,
                theme_merge_dismissals::theme_b,
                theme_merge_dismissals::dismissed_by,
            ))
            .load(c)
    })
    .await
    .unwrap()
}

async fn theme_exists(app: &TestApp, id: i64) -> bool {
    db::run_blocking(&app.pool, move |c| themes::table.find(id).count().get_result::<i64>(c)).await.unwrap() == 1
}

fn form(a: i64, b: i64) -> [(&'static str, String); 2] {
    [("theme_a", a.to_string()), ("theme_b", b.to_string())]
}

async fn post(staff: &StaffClient, path: &str, fields: &[(&'static str, String)]) -> reqwest::Response {
    let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    staff.post(path, &fields).await
}

#[tokio::test]
async fn two_themes_that_look_alike_are_offered_for_merging() {
    let app = spawn_app().await;
    let designer = app.staff("designer", &["MOHA"]).await;
    let (a, b) = alike_themes(&app, &designer).await;
    let html = page(&designer).await;
    assert!(html.contains("id=\"merge-suggest-h\""), "the section is shown");
    assert!(html.contains(&pair_fields(a, b)), "the pair is offered");
    assert_eq!(
        html.matches("name=\"theme_a\"").count(),
        2,
        "one pair only (merge and dismiss): the server theme differs"
    );
    assert!(html.contains(&format!("action=\"{ACCEPT}\"")) && html.contains(&format!("action=\"{DISMISS}\"")));
}

#[tokio::test]
async fn accepting_a_suggestion_merges_the_two_themes_and_is_audited() {
    let app = spawn_app().await;
    let designer = app.staff("designer", &["MOHA"]).await;
    let (a, b) = alike_themes(&app, &designer).await;
    let response = post(&designer, ACCEPT, &form(a, b)).await;
    assert_eq!(response.status(), 303);
    assert_eq!(response.headers()["location"], "/staff/services/DIP-001?done=merged#themes-h");
    assert!(theme_exists(&app, a).await != theme_exists(&app, b).await, "one theme remains");
    assert_eq!(audited(&app, "theme.merge").await, vec![Some(designer.id)]);
    let themes: serde_json::Value = designer.get("/api/v1/staff/services/DIP-001/themes").await.json().await.unwrap();
    let sizes: Vec<i64> =
        themes["themes"].as_array().unwrap().iter().map(|t| t["feedback"].as_i64().unwrap()).collect();
    assert_eq!(sizes, vec![2, 1], "both bribe complaints in one theme, the server one alone");
    assert!(!page(&designer).await.contains("id=\"merge-suggest-h\""), "nothing left to suggest");
    let service = app.submit_text("DIP-001", BRIBE_3).await.service_id;
    app.assert_counts_match(service).await;
}

#[tokio::test]
async fn a_dismissed_pair_is_not_offered_again_after_new_feedback_or_a_regroup() {
    let app = spawn_app().await;
    let designer = app.staff("designer", &["MOHA"]).await;
    let (a, b) = alike_themes(&app, &designer).await;
    // Confirmed themes stay whole through a regroup, so the same pair still exists afterwards.
    for id in [a, b] {
        let confirmed = designer.post(&format!("/staff/themes/{id}"), &[("confirmed", "yes")]).await;
        assert_eq!(confirmed.status(), 303);
    }
    assert!(page(&designer).await.contains(&pair_fields(a, b)), "confirmed themes of one category are still offered");
    let response = post(&designer, DISMISS, &form(b, a)).await;
    assert_eq!(response.status(), 303);
    assert_eq!(response.headers()["location"], "/staff/services/DIP-001?done=dismissed#themes-h");
    let said = designer.get("/staff/services/DIP-001?done=dismissed").await.text().await.unwrap();
    assert!(said.contains("বিষয় দুটি আলাদা রাখা হলো"), "the page says what was done");
    assert_eq!(dismissals(&app).await, vec![(a, b, Some(designer.id))], "stored lower id first");
    assert_eq!(audited(&app, "theme.merge_dismissed").await, vec![Some(designer.id)]);
    assert!(!page(&designer).await.contains(&pair_fields(a, b)));
    let more = app.submit_text("DIP-001", BRIBE_3).await;
    assert!(more.theme_id == Some(a) || more.theme_id == Some(b));
    assert!(!page(&designer).await.contains(&pair_fields(a, b)), "new feedback does not bring it back");
    let regrouped = designer.post_and_follow("/staff/services/DIP-001/regroup", &[]).await;
    assert!(regrouped.contains("বিষয়গুলো নতুন করে সাজানো হয়েছে।"), "the service page says so");
    assert!(theme_exists(&app, a).await && theme_exists(&app, b).await);
    assert!(!page(&designer).await.contains(&pair_fields(a, b)), "nor does a regroup");
    assert!(theme_exists(&app, a).await && theme_exists(&app, b).await, "and both themes are untouched");
    app.assert_counts_match(more.service_id).await;
}

#[tokio::test]
async fn dismissing_a_pair_twice_is_harmless() {
    let app = spawn_app().await;
    let designer = app.staff("designer", &["MOHA"]).await;
    let (a, b) = alike_themes(&app, &designer).await;
    assert_eq!(post(&designer, DISMISS, &form(a, b)).await.status(), 303);
    assert_eq!(post(&designer, DISMISS, &form(b, a)).await.status(), 303);
    let other = app.staff("ministry-admin", &["MOHA"]).await;
    assert_eq!(post(&other, DISMISS, &form(a, b)).await.status(), 303);
    assert_eq!(dismissals(&app).await.len(), 1);
    assert_eq!(audited(&app, "theme.merge_dismissed").await.len(), 1, "only the first changed anything");
}

#[tokio::test]
async fn a_stranger_gets_404_and_a_role_without_theme_editing_gets_403() {
    let app = spawn_app().await;
    let designer = app.staff("designer", &["MOHA"]).await;
    let (a, b) = alike_themes(&app, &designer).await;
    let stranger = app.staff("designer", &["LGD"]).await;
    let cabinet = app.staff("cabinet-admin", &["LGD"]).await;
    for path in [ACCEPT, DISMISS] {
        assert_eq!(post(&stranger, path, &form(a, b)).await.status(), 404, "{path}");
        assert_eq!(post(&cabinet, path, &form(a, b)).await.status(), 403, "{path}");
    }
    assert!(!page(&cabinet).await.contains("id=\"merge-suggest-h\""), "the section is for theme editors only");
    assert!(theme_exists(&app, a).await && theme_exists(&app, b).await);
    assert!(dismissals(&app).await.is_empty());
    assert!(audited(&app, "theme.merge").await.is_empty());
}

#[tokio::test]
async fn bad_theme_ids_are_explained_and_change_nothing() {
    let app = spawn_app().await;
    let designer = app.staff("designer", &["MOHA"]).await;
    let (a, b) = alike_themes(&app, &designer).await;
    let elsewhere = app.submit_text("POLICE-001", BRIBE_1).await.theme_id.unwrap();
    let cases: [(&[(&'static str, String)], &str); 4] = [
        (&form(a, a), "দুটি আলাদা বিষয় বেছে নিন"),
        (&form(a, elsewhere), "এই সেবার দুটি বিষয় বেছে নিন"),
        (&[("theme_a", "x".into()), ("theme_b", b.to_string())], "এই সেবার দুটি বিষয় বেছে নিন"),
        (&[("theme_a", a.to_string())], "এই সেবার দুটি বিষয় বেছে নিন"),
    ];
    for path in [ACCEPT, DISMISS] {
        for (fields, message) in &cases {
            let response = post(&designer, path, fields).await;
            assert_eq!(response.status(), 422, "{path} {fields:?}");
            let html = response.text().await.unwrap();
            // Back on the service page (not a dead end): the summary links to the themes, and the
            // suggestions are there as they are now.
            assert!(
                html.contains(&format!("<li><a href=\"#themes-h\">{message}</a></li>")),
                "{path} {fields:?}: {html}"
            );
            assert!(html.contains("id=\"themes-h\"") && html.contains(&pair_fields(a, b)), "{path} {fields:?}");
        }
    }
    assert!(theme_exists(&app, a).await && theme_exists(&app, b).await && theme_exists(&app, elsewhere).await);
    assert!(dismissals(&app).await.is_empty());
    assert!(audited(&app, "theme.merge").await.is_empty() && audited(&app, "theme.merge_dismissed").await.is_empty());
}

fn api(app: &TestApp, action: &str) -> String {
    format!("{}/api/v1/staff/services/DIP-001/merge-suggestions{action}", app.address)
}

async fn post_json(app: &TestApp, staff: &StaffClient, action: &str, body: serde_json::Value) -> reqwest::Response {
    staff.client.post(api(app, action)).header("X-CSRF-Token", &staff.csrf).json(&body).send().await.unwrap()
}

#[tokio::test]
async fn the_staff_api_lists_and_dismisses_suggestions() {
    let app = spawn_app().await;
    let designer = app.staff("designer", &["MOHA"]).await;
    let (a, b) = alike_themes(&app, &designer).await;
    let list: serde_json::Value = designer.client.get(api(&app, "")).send().await.unwrap().json().await.unwrap();
    let pairs = list["suggestions"].as_array().unwrap();
    assert_eq!(pairs.len(), 1, "{list}");
    assert_eq!((pairs[0]["theme_a"]["id"].as_i64(), pairs[0]["theme_b"]["id"].as_i64()), (Some(a), Some(b)));
    assert_eq!(pairs[0]["theme_a"]["feedback"], 1);
    let bad = post_json(&app, &designer, "/dismiss", serde_json::json!({ "theme_a": a, "theme_b": a })).await;
    assert_eq!(bad.status(), 422);
    let body: serde_json::Value = bad.json().await.unwrap();
    assert_eq!(body["errors"][0]["field"], "theme_b");
    assert_eq!(body["errors"][0]["message"], "Choose two different themes");
    let first = post_json(&app, &designer, "/dismiss", serde_json::json!({ "theme_a": b, "theme_b": a })).await;
    assert_eq!(first.status(), 200);
    assert_eq!(first.json::<serde_json::Value>().await.unwrap()["dismissed"], true);
    let again = post_json(&app, &designer, "/dismiss", serde_json::json!({ "theme_a": a, "theme_b": b })).await;
    assert_eq!(again.json::<serde_json::Value>().await.unwrap()["dismissed"], false);
    let list: serde_json::Value = designer.client.get(api(&app, "")).send().await.unwrap().json().await.unwrap();
    assert_eq!(list["suggestions"], serde_json::json!([]));
    assert_eq!(audited(&app, "theme.merge_dismissed").await.len(), 1);
}

#[tokio::test]
async fn the_staff_api_accepts_a_suggestion_as_a_merge() {
    let app = spawn_app().await;
    let designer = app.staff("ministry-admin", &["MOHA"]).await;
    let (a, b) = alike_themes(&app, &designer).await;
    let response = post_json(&app, &designer, "/accept", serde_json::json!({ "theme_a": a, "theme_b": b })).await;
    assert_eq!(response.status(), 200);
    let kept = response.json::<serde_json::Value>().await.unwrap()["theme_id"].as_i64().unwrap();
    assert!(kept == a || kept == b);
    assert!(!theme_exists(&app, a + b - kept).await, "the other theme is merged away");
    assert_eq!(audited(&app, "theme.merge").await, vec![Some(designer.id)]);
}

#[tokio::test]
async fn a_concurrent_second_dismissal_of_a_pair_leaves_the_transaction_usable() {
    use nagorik::db::theme_merge_dismissals::{insert_once, NewDismissal};
    let app = spawn_app().await;
    let designer = app.staff("designer", &["MOHA"]).await;
    let (a, b) = alike_themes(&app, &designer).await;
    let staff = Some(designer.id);
    let (first, second, visible) = db::run_blocking(&app.pool, move |c| {
        db::write_transaction(c, |c| -> diesel::QueryResult<_> {
            let now = chrono::Utc::now().naive_utc();
            let first = insert_once(c, &NewDismissal::new(a, b, staff, now))?;
            // As if another request stored the pair between this one's check and insert.
            let second = insert_once(c, &NewDismissal::new(b, a, staff, now))?;
            let visible = theme_merge_dismissals::table.count().get_result::<i64>(c)?;
            Ok((first, second, visible))
        })
    })
    .await
    .unwrap();
    assert!(first && !second, "the second insert reports the pair as dismissed already");
    assert_eq!(visible, 1, "and the transaction still answers");
    assert_eq!(dismissals(&app).await.len(), 1, "it committed");
}

#[tokio::test]
async fn a_theme_merged_away_takes_its_dismissals_with_it() {
    let app = spawn_app().await;
    let designer = app.staff("designer", &["MOHA"]).await;
    let (a, b) = alike_themes(&app, &designer).await;
    assert_eq!(post(&designer, DISMISS, &form(a, b)).await.status(), 303);
    // The designer merges them by hand after all: the dismissal must not block deleting the source.
    let merged = designer.post(&format!("/staff/themes/{b}/merge"), &[("into", &a.to_string())]).await;
    assert_eq!(merged.status(), 303);
    assert!(!theme_exists(&app, b).await);
    assert!(dismissals(&app).await.is_empty());
}

/// The same pain of the passport told in Bangla by some and in English or romanised Bangla by
/// others, put by a designer in two themes of one category: they share no words, and once the
/// embeddings service has embedded them (here: the shipped vectors of these very texts) the pair is offered by its
/// meaning, on the page (in Bangla) and on the API.
#[tokio::test]
async fn the_same_pain_in_bangla_and_in_english_is_offered_once_embedded() {
    use nagorik::db::feedback_embeddings;
    use nagorik::grouping::suggestions::{ALIKE_SAME_CATEGORY, MEANING_SAME_CATEGORY};
    use nagorik::themes::corpus::{parse_corpus, DEVELOPMENT};
    use nagorik::themes::embedding::{read_shipped, text_key, Embedding, SHIPPED};

    // The passport theme whose Bangla and English texts are most alike in meaning.
    let shipped = read_shipped(SHIPPED).unwrap();
    let rows = parse_corpus(DEVELOPMENT).unwrap();
    let texts = |theme: &str, bangla: bool| -> Vec<(String, Embedding)> {
        rows.iter()
            .filter(|r| r.service == "DIP-001" && r.theme == theme && (r.lang == "bn") == bangla)
            .filter_map(|r| Some((r.text.clone(), shipped.get(&text_key(&r.text))?.clone())))
            .collect()
    };
    let direction = |of: &[(String, Embedding)]| Embedding::theme_direction(of.iter().map(|t| &t.1)).unwrap();
    let (bn, en) =
        ["pp_broker", "pp_delivery_delay", "pp_online_payment", "pp_police_money", "pp_queue", "pp_rude_staff"]
            .into_iter()
            .map(|theme| (texts(theme, true), texts(theme, false)))
            .max_by(|x, y| {
                let alike = |(b, e): &(Vec<_>, Vec<_>)| direction(b).cosine(&direction(e));
                alike(x).total_cmp(&alike(y))
            })
            .unwrap();
    let best = direction(&bn).cosine(&direction(&en));
    assert!(best >= MEANING_SAME_CATEGORY, "the corpus holds such a theme: {best}");

    let app = spawn_app().await;
    let designer = app.staff("designer", &["MOHA"]).await;
    let mut stored = Vec::new();
    let mut themes = Vec::new();
    for group in [&bn, &en] {
        let mut ids = Vec::new();
        for (text, embedding) in group {
            let s = app.submit_text("DIP-001", text).await;
            ids.push(s.id);
            stored.push((s.id, embedding.clone()));
        }
        // The designer gathers each language's feedback in a theme of its own, of one category.
        let split = format!("{}/api/v1/staff/themes/{}/split", app.address, app.reload(ids[0]).await.theme_id.unwrap());
        let response = designer
            .client
            .post(&split)
            .header("X-CSRF-Token", &designer.csrf)
            .json(&serde_json::json!({ "feedback_ids": ids }))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 200);
        let theme = response.json::<serde_json::Value>().await.unwrap()["id"].as_i64().unwrap();
        let edit = format!("{}/api/v1/staff/themes/{theme}", app.address);
        let body = serde_json::json!({ "category": "unofficial-payment" });
        let response =
            designer.client.post(&edit).header("X-CSRF-Token", &designer.csrf).json(&body).send().await.unwrap();
        assert_eq!(response.status(), 200);
        themes.push(theme);
    }
    let (a, b) = (themes[0].min(themes[1]), themes[0].max(themes[1]));
    let list = || async {
        designer.client.get(api(&app, "")).send().await.unwrap().json::<serde_json::Value>().await.unwrap()
    };
    assert_eq!(list().await["suggestions"], serde_json::json!([]), "not alike in wording: nothing offered yet");

    db::run_blocking(&app.pool, move |c| feedback_embeddings::insert_new(c, &stored, chrono::Utc::now().naive_utc()))
        .await
        .unwrap();
    let found = list().await;
    let pair = &found["suggestions"][0];
    assert_eq!((pair["theme_a"]["id"].as_i64(), pair["theme_b"]["id"].as_i64()), (Some(a), Some(b)), "{found}");
    assert_eq!(pair["alike_by"], "meaning");
    assert!(pair["similarity"].as_f64().unwrap() < f64::from(ALIKE_SAME_CATEGORY), "{pair}");
    assert!(pair["meaning_similarity"].as_f64().unwrap() >= f64::from(MEANING_SAME_CATEGORY), "{pair}");
    let html = page(&designer).await;
    assert!(html.contains(&pair_fields(a, b)), "the page offers it too");
    assert!(html.contains("অর্থে একই, যদিও অন্য শব্দে বা অন্য ভাষায় বলা"), "and says why");
}
