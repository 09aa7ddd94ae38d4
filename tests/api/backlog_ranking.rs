//! The ranked backlog: scores from the counters, weights that reorder it, the APA view,
//! quarter snapshots and what citizens see on the public page.

use chrono::{Duration, Utc};
use diesel::prelude::*;
use nagorik::backlog::inputs::CountedCache;
use nagorik::backlog::{ranking, snapshots};
use nagorik::db::{self, schema::backlog_items, schema::score_weights};
use nagorik::domain::backlog::Quarter;
use nagorik::domain::digits::to_bangla_digits;
use nagorik::domain::scoring::Rates;

use crate::backlog_helpers::this_fiscal_year;
use crate::helpers::{spawn_app, TestApp};

/// Where each code first appears in a page (the ranked list shows rank order).
fn position(page: &str, code: &str) -> usize {
    page.find(&format!("{code} ·")).unwrap_or_else(|| panic!("{code} listed"))
}

async fn stored_weights(app: &TestApp) -> i64 {
    db::run_blocking(&app.pool, |c| score_weights::table.count().get_result::<i64>(c)).await.unwrap()
}

#[tokio::test]
async fn the_item_page_shows_each_component_computed_from_the_counters() {
    let app = spawn_app().await;
    // Birth registration: 3,500,000 applications, fee 50 BDT, 7 days promised, category 1.
    for text in ["সনদ পেতে এক মাস লাগল", "ত্রিশ দিন অপেক্ষা", "অনেক দেরি হয়েছে"]
    {
        app.submit_text("ORGBDR-001", text).await; // each reports 30 days
    }
    let admin = app.staff("ministry-admin", &["LGD"]).await;
    let item = admin.promote(&app, "ORGBDR-001", "দেরি").await;
    let page = admin.get(&format!("/staff/backlog/items/{item}")).await.text().await.unwrap();
    // Burden: (30 days × 100 + 50 BDT fee) × 3,500,000 a year. Gap: 23 extra days × 100.
    // Each component in a sentence from the measures: the burden in crore, the gap grouped, the
    // severity as a share, the readiness from the roadmap category.
    assert!(page.contains("বছরে ১,০৬৮ কোটি টাকার সমান বোঝা বইছেন"), "yearly burden explained");
    assert!(page.contains("৩,০৫০ টাকা"), "per application cost shown, grouped");
    assert!(page.contains("১,০৬৮ কোটি টাকা"), "the yearly burden in crore");
    assert!(page.contains("title=\"১০,৬৭,৫০,০০,০০০ টাকা\""), "with the full figure on hover");
    assert!(page.contains("প্রতিশ্রুতির চেয়ে ২,৩০০ টাকার সমান বেশি লাগে"), "charter gap explained");
    assert!(page.contains("মিলিয়ে ৫০%"), "severity as a share");
    assert!(page.contains("রোডম্যাপে ক্যাটাগরি ১: ই-সেবা করার জন্য পুরোপুরি প্রস্তুত।"), "readiness from the category");
    // The burden rests on three answers about days and none about money or visits: said, with a caveat.
    assert!(page.contains("দিনের হিসাবে ৩টি, খরচের হিসাবে ০টি এবং যাতায়াতের হিসাবে ০টি উত্তর"), "answers counted");
    assert!(page.contains("১০টির কম উত্তর"), "a caveat below ten answers");
    // The ranked list says it too: each estimate with the fewest answers behind it, starred.
    let list = admin.get("/staff/backlog").await.text().await.unwrap();
    assert!(list.contains("১,০৬৮ কোটি টাকা, "), "the estimate in the list");
    assert!(list.contains("<span class=\"meta\">০টি উত্তরে*</span>"), "0 answers about money: starred");
    assert!(list.contains("* ১০টির কম উত্তর: মাপ নয়, মোটামুটি ধারণা।"), "the note under the table");
    // In English the same figures read as English speakers in Bangladesh say them.
    admin.in_english().await;
    let english = admin.get(&format!("/staff/backlog/items/{item}")).await.text().await.unwrap();
    assert!(english.contains("BDT 1,068 crore"), "crore, the currency first");
    assert!(english.contains("10,67,50,00,000"), "the full figure on hover, grouped the South Asian way");
    assert!(english.contains("BDT 3,050"), "per application, grouped");
    let list = admin.get("/staff/backlog").await.text().await.unwrap();
    assert!(list.contains("on 0 answers*"), "the answers behind the estimate, starred");
    // Demand 3 voices; readiness 1 (category 1).
    let ranking =
        db::run_blocking(&app.pool, |c| ranking::build(c, Rates::default(), Utc::now().naive_utc())).await.unwrap();
    let row = ranking.rows.iter().find(|r| r.service.code == "ORGBDR-001").unwrap();
    assert_eq!(row.score.components[0].raw, 3);
    assert_eq!(row.score.components[1].raw, 10_675_000_000);
    assert_eq!(row.score.components[2].raw, 2_300);
    assert_eq!(row.score.components[3].raw, 500, "all complaints, no severe theme: (1 + 0) / 2");
    assert_eq!(row.score.components[4].raw, 1_000);
    assert_eq!(row.rank, 1, "the only service with voices, the largest burden and a gap");
}

#[tokio::test]
async fn changing_a_ministrys_weights_reorders_its_ranking() {
    let app = spawn_app().await;
    // Death registration (category 2) gets the voices; birth registration is category 1.
    for i in 0..6 {
        app.submit_text("ORGBDR-002", &format!("মৃত্যু সনদ পেতে ভোগান্তি নম্বর {i} আরও কথা")).await;
    }
    let admin = app.staff("ministry-admin", &["LGD"]).await;
    let set = |w: [&'static str; 5]| {
        [("scope", "LGD"), ("demand", w[0]), ("burden", w[1]), ("gap", w[2]), ("severity", w[3]), ("readiness", w[4])]
    };
    assert_eq!(admin.post("/staff/backlog/weights", &set(["100", "0", "0", "0", "0"])).await.status(), 303);
    let page = admin.get("/staff/backlog?status=all").await.text().await.unwrap();
    assert!(position(&page, "ORGBDR-002") < position(&page, "ORGBDR-001"), "demand first");
    assert_eq!(admin.post("/staff/backlog/weights", &set(["0", "0", "0", "0", "100"])).await.status(), 303);
    let page = admin.get("/staff/backlog?status=all").await.text().await.unwrap();
    assert!(position(&page, "ORGBDR-001") < position(&page, "ORGBDR-002"), "readiness first");

    // Why: the comparison names the component that makes the difference.
    let page = admin.get("/staff/backlog?status=all&a=ORGBDR-001&b=ORGBDR-002").await.text().await.unwrap();
    assert!(page.contains("সবচেয়ে বড় পার্থক্য") && page.contains("<strong>প্রস্তুতি</strong>"), "readiness explains it");
    // Every row but the last links to its comparison with the row below, keeping the filter.
    let listed = admin.get("/staff/backlog?status=all").await.text().await.unwrap();
    let start = listed.find("class=\"compare-next\" href=\"").expect("a compare link") + 27;
    let link = listed[start..start + listed[start..].find('"').unwrap()].replace("&#x3D;", "=").replace("&amp;", "&");
    assert_eq!(link, "/staff/backlog?status=all&a=ORGBDR%2D001&b=ORGBDR%2D002#compare-h", "compare with the next one");
    let followed = admin.get(&link).await.text().await.unwrap();
    assert!(followed.contains("<strong>প্রস্তুতি</strong>"), "the link compares the two");
    // A code that names no service is said, not ignored.
    let unknown = admin.get("/staff/backlog?status=all&a=ORGBDR-001&b=NOPE-9").await;
    assert_eq!(unknown.status(), 422);
    assert!(unknown.text().await.unwrap().contains("NOPE-9 কোডের কোনো সেবা আপনার দেখার তালিকায় নেই।"));

    // Back to the national default.
    let reset = [("scope", "LGD"), ("reset", "yes")];
    assert_eq!(admin.post("/staff/backlog/weights", &reset).await.status(), 303);
    assert_eq!(stored_weights(&app).await, 0);
}

#[tokio::test]
async fn bad_weights_are_refused_with_a_message_and_only_the_right_roles_set_them() {
    let app = spawn_app().await;
    let admin = app.staff("ministry-admin", &["LGD"]).await;
    let form = |d: &'static str, r: &'static str| {
        [("scope", "LGD"), ("demand", d), ("burden", "0"), ("gap", "0"), ("severity", "0"), ("readiness", r)]
    };
    let zero = admin.post("/staff/backlog/weights", &form("0", "0")).await;
    assert_eq!(zero.status(), 422);
    assert!(zero.text().await.unwrap().contains("অন্তত একটি ওজন শূন্যের বেশি হতে হবে।"));
    assert_eq!(admin.post("/staff/backlog/weights", &form("101", "1")).await.status(), 422);
    assert_eq!(admin.post("/staff/backlog/weights", &form("x", "1")).await.status(), 422);
    assert_eq!(admin.post("/staff/backlog/weights", &form("১০", "৫")).await.status(), 303, "Bangla digits");
    let national =
        [("scope", "national"), ("demand", "1"), ("burden", "1"), ("gap", "1"), ("severity", "1"), ("readiness", "1")];
    assert_eq!(admin.post("/staff/backlog/weights", &national).await.status(), 403);
    let moha =
        [("scope", "MOHA"), ("demand", "1"), ("burden", "1"), ("gap", "1"), ("severity", "1"), ("readiness", "1")];
    assert_eq!(admin.post("/staff/backlog/weights", &moha).await.status(), 404);
    let designer = app.staff("designer", &["LGD"]).await;
    assert_eq!(designer.post("/staff/backlog/weights", &form("5", "5")).await.status(), 403);
    let cabinet = app.staff("cabinet-admin", &[]).await;
    assert_eq!(cabinet.post("/staff/backlog/weights", &national).await.status(), 303);
    assert_eq!(stored_weights(&app).await, 2, "LGD's own and the national default");
    let page = cabinet.get("/staff/backlog/weights").await;
    assert_eq!(page.status(), 200);
}

#[tokio::test]
async fn new_weights_can_be_previewed_before_saving_and_refused_ones_come_back_with_what_was_typed() {
    let app = spawn_app().await;
    for i in 0..6 {
        app.submit_text("ORGBDR-002", &format!("মৃত্যু সনদ পেতে ভোগান্তি নম্বর {i} আরও কথা")).await;
    }
    let cabinet = app.staff("cabinet-admin", &[]).await;
    let form = |w: [&'static str; 5], extra: Option<(&'static str, &'static str)>| {
        let mut f = vec![("scope", "national"), ("demand", w[0]), ("burden", w[1]), ("gap", w[2])];
        f.extend([("severity", w[3]), ("readiness", w[4])]);
        f.extend(extra);
        f
    };
    // Readiness alone puts category 1 (birth registration) first; demand alone, the service with voices.
    let readiness = cabinet.post("/staff/backlog/weights", &form(["0", "0", "0", "0", "100"], None)).await;
    assert_eq!(readiness.status(), 303);
    assert_eq!(readiness.headers()["location"], "/staff/backlog/weights?saved=1");
    let saved = cabinet.get("/staff/backlog/weights?saved=1").await.text().await.unwrap();
    assert!(saved.contains("ওজন সংরক্ষিত হয়েছে"), "a saved change says so");

    let preview =
        cabinet.post("/staff/backlog/weights", &form(["100", "0", "0", "0", "0"], Some(("preview", "yes")))).await;
    assert_eq!(preview.status(), 200);
    let page = preview.text().await.unwrap();
    let table = &page[page.find("এই ওজনে শীর্ষ ২০টি সেবা").expect("the preview")..];
    let (death, birth) = (table.find(">ORGBDR-002<").unwrap(), table.find(">ORGBDR-001<").unwrap());
    assert!(death < birth, "with demand alone the service with voices comes first");
    assert!(table.contains("ধাপ ওপরে") && table.contains("ধাপ নিচে"), "each row says how it moved");
    assert!(page.contains("value=\"100\""), "the typed weights stay in the form");
    let ranked = cabinet.get("/staff/backlog?status=all").await.text().await.unwrap();
    assert!(position(&ranked, "ORGBDR-001") < position(&ranked, "ORGBDR-002"), "a preview saves nothing");
    assert_eq!(stored_weights(&app).await, 1);

    // A refused value comes back on the weights page, beside its field, with what was typed.
    let refused =
        cabinet.post("/staff/backlog/weights", &form(["১০১", "0", "0", "0", "0"], Some(("preview", "yes")))).await;
    assert_eq!(refused.status(), 422);
    let page = refused.text().await.unwrap();
    assert!(page.contains("id=\"error-summary\"") && page.contains("href=\"#national-demand\""), "{page}");
    assert!(page.contains("value=\"১০১\"") && page.contains("aria-invalid=\"true\""), "typed value kept");
    let english = cabinet.get("/staff/backlog/weights?lang=en").await;
    assert_eq!(english.status(), 200);
}

#[tokio::test]
async fn the_apa_view_shows_departments_with_and_without_a_committed_conversion() {
    let app = spawn_app().await;
    let admin = app.staff("ministry-admin", &["MOHA"]).await;
    let item = admin.promote(&app, "DIP-001", "পাসপোর্টে দেরি").await;
    let dip = app.office_id("DIP").await.to_string();
    let year = this_fiscal_year();
    let form = [
        ("target_year", year.as_str()),
        ("owner_office", dip.as_str()),
        ("category", "1"),
        ("yearly_applications", "1200000"),
    ];
    assert_eq!(admin.prioritise(item, &form).await.status(), 303);
    let cabinet = app.staff("cabinet-admin", &[]).await;
    let before = cabinet.get("/staff/apa").await.text().await.unwrap();
    assert!(before.contains("২টি দপ্তরের মধ্যে ০টির প্রতিশ্রুত রূপান্তর আছে।"), "planned is not committed yet");
    assert!(before.contains("পরিকল্পিত, এখনো অনুমোদিত নয়"));
    assert_eq!(admin.move_to(item, "designing", "").await, 303);
    assert_eq!(admin.move_to(item, "approved", "").await, 303);
    let after = cabinet.get("/staff/apa").await.text().await.unwrap();
    assert!(after.contains("২টি দপ্তরের মধ্যে ১টির প্রতিশ্রুত রূপান্তর আছে।"), "DIP committed, police not");
    assert!(after.contains("কিছু দপ্তরের প্রতিশ্রুতি নেই"));
    // The national summary above the ministries: every ministry's departments counted, and the
    // ministries still short linked to their sections.
    let year_bn = to_bangla_digits(&year);
    assert!(after.contains("এক নজরে সারা দেশ"), "the summary opens the page");
    assert!(after.contains(&format!("দপ্তরের মধ্যে ১টির {year_bn} অর্থবছরের প্রতিশ্রুত রূপান্তর আছে।")), "{after}");
    assert!(after.contains("href=\"#apa-MOHA\""), "a ministry still short is linked");
    assert!(after.find("এক নজরে সারা দেশ") < after.find("id=\"apa-MOHA\""), "the summary comes first");
    let next_year = cabinet.get("/staff/apa?year=2099-00").await.text().await.unwrap();
    assert!(next_year.contains("২টি দপ্তরের মধ্যে ০টির"), "another year has no commitment");
    assert_eq!(cabinet.get("/staff/apa?year=2026").await.status(), 422);
}

#[tokio::test]
async fn items_without_a_review_for_three_months_are_overdue_until_reviewed() {
    let app = spawn_app().await;
    let admin = app.staff("ministry-admin", &["LGD"]).await;
    let item = admin.promote(&app, "ORGBDR-001", "সমস্যা").await;
    let apa = admin.get("/staff/apa").await.text().await.unwrap();
    assert!(!apa.contains("ত্রৈমাসিক পর্যালোচনা বাকি"), "a new item is not overdue");
    let long_ago = Utc::now().naive_utc() - Duration::days(100);
    db::run_blocking(&app.pool, move |c| {
        diesel::update(backlog_items::table.find(item)).set(backlog_items::created_at.eq(long_ago)).execute(c)
    })
    .await
    .unwrap();
    let apa = admin.get("/staff/apa").await.text().await.unwrap();
    assert!(apa.contains("ত্রৈমাসিক পর্যালোচনা বাকি") && apa.contains(&format!("/staff/backlog/items/{item}")));
    assert!(apa.contains("১টি মন্ত্রণালয়ের ১টি আইটেম তিন মাসের বেশি সময় পর্যালোচনা ছাড়া পড়ে আছে।"), "the summary counts it");
    let review = [("progress", "চলছে"), ("status", "identified"), ("next_step", "কর্মশালা")];
    assert_eq!(admin.post(&format!("/staff/backlog/items/{item}/reviews"), &review).await.status(), 303);
    let apa = admin.get("/staff/apa").await.text().await.unwrap();
    assert!(!apa.contains("ত্রৈমাসিক পর্যালোচনা বাকি"), "reviewed now");
}

#[tokio::test]
async fn each_quarter_keeps_a_snapshot_and_the_page_shows_what_moved_since() {
    let app = spawn_app().await;
    // What the minute schedule in `serve` does as a quarter opens (it may already have done it).
    let taken = db::run_blocking(&app.pool, |c| -> diesel::QueryResult<_> {
        let now = Utc::now().naive_utc();
        snapshots::ensure_current(c, Rates::default(), now)?;
        snapshots::ensure_current(c, Rates::default(), now)
    })
    .await
    .unwrap();
    assert!(!taken, "one snapshot per quarter, however often the schedule looks");
    let admin = app.staff("ministry-admin", &["LGD"]).await;
    let page = admin.get("/staff/backlog").await.text().await.unwrap();
    assert!(page.contains("এই প্রান্তিকে এখনো কিছু বদলায়নি।"));
    let first = admin.promote(&app, "ORGBDR-001", "সমস্যা").await;
    assert_eq!(admin.move_to(first, "designing", "").await, 303);
    let second = admin.promote(&app, "ORGBDR-002", "আরেক সমস্যা").await;
    let page = admin.get("/staff/backlog").await.text().await.unwrap();
    let moved = &page[page.find("moved-h").unwrap()..];
    assert!(moved.contains("ORGBDR-001") && moved.contains("→ নকশা চলছে"), "status change shown");
    assert!(moved.contains("ORGBDR-002") && moved.contains("ব্যাকলগে যুক্ত হয়েছে"), "new item shown");
    let _ = second;

    // A new quarter takes its own snapshot; the old one stays.
    let (quarters, next) = db::run_blocking(&app.pool, |c| -> diesel::QueryResult<_> {
        let now = Utc::now().naive_utc();
        let ranking = ranking::build(c, Rates::default(), now)?;
        let later = now + Duration::days(92);
        let took = snapshots::ensure(c, &ranking, later)?;
        let again = snapshots::ensure(c, &ranking, later)?;
        assert!(took && !again, "one snapshot per quarter");
        Ok((db::backlog_snapshots::quarters(c)?, Quarter::of(later.date()).label()))
    })
    .await
    .unwrap();
    let this = Quarter::of(Utc::now().date_naive()).label();
    assert_eq!(quarters, vec![next, this]);
}

#[tokio::test]
async fn the_public_page_shows_backlog_status_and_published_themes_with_five_voices_or_more() {
    let app = spawn_app().await;
    let mut theme = None;
    for _ in 0..5 {
        let s = app.submit_text("DIP-001", "পাসপোর্ট অফিসে দালাল ছাড়া কাজ হয় না, ফোন 01711223344").await;
        theme = s.theme_id;
    }
    let small = app.submit_text("DIP-001", "Biometric camera was broken all day long").await;
    let designer = app.staff("designer", &["MOHA"]).await;
    for (id, label) in [(theme.unwrap(), "দালালের দৌরাত্ম্য"), (small.theme_id.unwrap(), "বায়োমেট্রিক ক্যামেরা")]
    {
        // An automatic label is not published: the designer writes the labels first.
        let refused = designer.post(&format!("/staff/themes/{id}/publish"), &[("publish", "yes")]).await;
        assert_eq!(refused.status(), 422);
        assert!(refused.text().await.unwrap().contains("ইংরেজি নামটি বাংলা নামের অনুলিপি নয়"));
        let form = [("label_bn", label), ("label_en", label), ("confirmed", "yes")];
        assert_eq!(designer.post(&format!("/staff/themes/{id}"), &form).await.status(), 303);
        let copied = designer.post(&format!("/staff/themes/{id}/publish"), &[("publish", "yes")]).await;
        assert_eq!(copied.status(), 422, "the Bangla label copied into English is not an English label");
        let confirmed = app.get("/services/DIP-001").await.text().await.unwrap();
        assert!(!confirmed.contains(label), "confirming does not publish");
        let form = [("label_bn", label), ("label_en", "Brokers everywhere"), ("confirmed", "yes")];
        assert_eq!(designer.post(&format!("/staff/themes/{id}"), &form).await.status(), 303);
        let page = designer.get(&format!("/staff/themes/{id}")).await.text().await.unwrap();
        assert!(
            page.contains("নাগরিকেরা দেখবেন:") && page.contains("Brokers everywhere ·"),
            "a preview before publishing"
        );
        let published = designer.post(&format!("/staff/themes/{id}/publish"), &[("publish", "yes")]).await;
        assert_eq!(published.status(), 303);
        let page = designer.get(published.headers()["location"].to_str().unwrap()).await.text().await.unwrap();
        assert!(page.contains("বিষয়টি নাগরিকদের পাতায় প্রকাশিত হয়েছে।"), "the page says it is published");
    }
    let before = app.get("/services/DIP-001").await.text().await.unwrap();
    assert!(before.contains("দালালের দৌরাত্ম্য") && before.contains("৫টি মত"), "a confirmed theme with 5 voices");
    assert!(!before.contains("বায়োমেট্রিক ক্যামেরা"), "fewer than 5 voices stay off the page");
    assert!(!before.contains("01711223344") && !before.contains("দালাল ছাড়া কাজ"), "no quotes");
    let admin = app.staff("ministry-admin", &["MOHA"]).await;
    let item = admin.promote(&app, "DIP-001", "দালাল").await;
    let dip = app.office_id("DIP").await.to_string();
    let year = this_fiscal_year();
    let form = [
        ("target_year", year.as_str()),
        ("owner_office", dip.as_str()),
        ("category", "1"),
        ("yearly_applications", ""),
    ];
    assert_eq!(admin.prioritise(item, &form).await.status(), 303);
    let after = app.get("/services/DIP-001").await.text().await.unwrap();
    assert!(after.contains("আপনি বলেছেন, আমরা করেছি") && after.contains("চিহ্নিত"));
    assert!(after.contains(&to_bangla_digits(&year)), "target year shown");
    let off = designer.post(&format!("/staff/themes/{}/publish", theme.unwrap()), &[("publish", "no")]).await;
    assert_eq!(off.status(), 303);
    assert!(!app.get("/services/DIP-001").await.text().await.unwrap().contains("দালালের দৌরাত্ম্য"), "taken off");
}

/// Birth registration's demand (voices) and severity (per mille) in a ranking read through `cache`.
async fn demand_and_severity(app: &TestApp, cache: &std::sync::Arc<CountedCache>) -> (i64, i64) {
    let cache = cache.clone();
    let ranking = db::run_blocking(&app.pool, move |c| {
        ranking::build_cached(c, &cache, Rates::default(), Utc::now().naive_utc())
    })
    .await
    .unwrap();
    let row = ranking.rows.iter().find(|r| r.service.code == "ORGBDR-001").unwrap();
    (row.score.components[0].raw, row.score.components[3].raw)
}

#[tokio::test]
async fn the_cached_ranking_follows_new_voices_and_a_designers_category_at_once() {
    let app = spawn_app().await;
    let cache = std::sync::Arc::new(CountedCache::default());
    let first = app.submit_text("ORGBDR-001", "সনদ পেতে এক মাস লাগল").await;
    assert_eq!(demand_and_severity(&app, &cache).await, (1, 500), "one complaint, no severe theme");
    // Nothing changed: the second read is the cached one.
    let (a, b) = {
        let (one, two) = (cache.clone(), cache.clone());
        let now = Utc::now().naive_utc();
        let a = db::run_blocking(&app.pool, move |c| one.get(c, now)).await.unwrap();
        let b = db::run_blocking(&app.pool, move |c| two.get(c, now)).await.unwrap();
        (a, b)
    };
    assert!(std::sync::Arc::ptr_eq(&a, &b), "unchanged counters are read once");
    app.submit_text("ORGBDR-001", "ত্রিশ দিন অপেক্ষা করতে হয়েছে").await;
    assert_eq!(demand_and_severity(&app, &cache).await.0, 2, "a new voice is ranked at once");
    // A designer tags the first feedback's theme as unofficial payment: severity reads it.
    let designer = app.staff("designer", &["LGD"]).await;
    let theme = first.theme_id.expect("themed on arrival");
    let edited = designer.post(&format!("/staff/themes/{theme}"), &[("category", "unofficial-payment")]).await;
    assert_eq!(edited.status(), 303);
    let (_, severity) = demand_and_severity(&app, &cache).await;
    assert!(severity > 500, "the severe theme's voices count at once: {severity}");
    // The pages read the same way: the item page of a promoted service shows its two voices.
    let admin = app.staff("ministry-admin", &["LGD"]).await;
    let item = admin.promote(&app, "ORGBDR-001", "দেরি").await;
    let page = admin.get(&format!("/staff/backlog/items/{item}")).await;
    assert_eq!(page.status(), 200);
    // The score is explained in sentences built from the measures, not in analysts' terms.
    let page = page.text().await.unwrap();
    assert!(page.contains("১২ মাসে এই সেবা নিয়ে ২টি মত এসেছে"), "{page}");
    assert!(page.contains("রোডম্যাপে") && !page.contains("স্বাভাবিকীকৃত") && !page.contains("লগ স্কেলে"));
    let backlog = admin.get("/staff/backlog").await.text().await.unwrap();
    assert!(backlog.contains(">জাতীয় ক্রম</th>"), "the rank column says it is the national rank");
}
