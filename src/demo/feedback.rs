//! Demo feedback: what each says comes from [`Sayings`] (the labelled corpus's development
//! texts for its services, the phrase set for the rest); this spreads it over services,
//! districts, channels, TCV answers, "me too" voices and the last 18 months, and stores it
//! through the same path as live intake.

use std::collections::HashMap;

use chrono::{Duration, NaiveDateTime, Utc};
use diesel::prelude::*;
use rand::rngs::StdRng;
use rand::seq::IndexedRandom;
use rand::{Rng, SeedableRng};

use super::sayings::{weighted, Said, Sayings};
use super::DemoOptions;
use crate::counts::{Facts, Tally};
use crate::db::feedback::{insert_batch, NewFeedback};
use crate::db::schema::{feedback, offices, services};
use crate::db::{me_too, write_transaction, Conn};
use crate::domain::digits::to_bangla_digits;
use crate::domain::district::District;
use crate::domain::tracking_code::TrackingCode;

const BATCH: usize = 500;
/// Voices after a feedback are rare and heavy-tailed: P(at least k) = VOICED / k.
const VOICED: f64 = 0.25;
const MOST_VOICES: u32 = 40;

/// id, code, names, office names, promised days, fee, yearly applications, charter steps.
type TargetRow = (i64, String, String, String, String, String, Option<i32>, Option<i64>, Option<i64>, String);

/// A service demo feedback can be about.
pub(super) struct Target {
    /// Service id.
    pub id: i64,
    /// Service code (`DIP-001`).
    pub code: String,
    /// Service name in Bangla.
    pub name_bn: String,
    /// Service name in English.
    pub name_en: String,
    /// Office name in Bangla.
    pub office_bn: String,
    /// Office name in English.
    pub office_en: String,
    /// Days the charter promises.
    pub promised_days: i32,
    /// Charter fee (BDT).
    pub fee: i64,
    /// How often it is drawn.
    pub weight: f64,
    /// The charter's steps.
    pub steps: Vec<String>,
}

fn targets(conn: &mut Conn) -> QueryResult<Vec<Target>> {
    let rows: Vec<TargetRow> = services::table
        .inner_join(offices::table)
        .select((
            services::id,
            services::code,
            services::name_bn,
            services::name_en,
            offices::name_bn,
            offices::name_en,
            services::promised_days,
            services::fee_bdt,
            services::yearly_applications,
            services::steps,
        ))
        .order(services::id.asc())
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(id, code, name_bn, name_en, office_bn, office_en, days, fee, apps, steps)| Target {
            id,
            code,
            name_bn,
            name_en,
            office_bn,
            office_en,
            promised_days: days.unwrap_or(15).max(1),
            fee: fee.unwrap_or(0),
            // Busy services draw more voices, but the long tail still speaks.
            weight: (apps.unwrap_or(1_000).max(1) as f64).sqrt(),
            steps: serde_json::from_str(&steps).unwrap_or_default(),
        })
        .collect())
}

/// Draws the service of the next feedback. A corpus service that has said all its texts
/// draws no more (its weight goes to the others) until every service is spent.
pub(super) fn draw(rng: &mut StdRng, targets: &[Target], weights: &mut [f64], sayings: &mut Sayings) -> usize {
    loop {
        let total: f64 = weights.iter().sum();
        if total <= 0.0 {
            sayings.refill();
            weights.iter_mut().zip(targets).for_each(|(w, t)| *w = t.weight);
            continue;
        }
        let mut roll = rng.random_range(0.0..total);
        let i = weights
            .iter()
            .position(|w| {
                roll -= w;
                roll <= 0.0 && *w > 0.0
            })
            .unwrap_or_else(|| weights.iter().rposition(|w| *w > 0.0).expect("some weight is left"));
        if sayings.exhausted(&targets[i].code) {
            weights[i] = 0.0;
            continue;
        }
        return i;
    }
}

/// Adds `options.feedback` entries over the stored services; returns how many.
pub fn generate_feedback(
    conn: &mut Conn,
    options: &DemoOptions,
    progress: &mut dyn FnMut(usize),
) -> anyhow::Result<usize> {
    let targets = targets(conn)?;
    anyhow::ensure!(!targets.is_empty() || options.feedback == 0, "the catalogue is empty");
    let classifier = crate::themes::Classifier::builtin();
    let mut cache = crate::grouping::ThemeCache::default();
    let districts: Vec<District> = District::all().collect();
    let mut rng = StdRng::seed_from_u64(options.seed ^ 0x5eed);
    let mut sayings = Sayings::builtin(&mut rng);
    let mut weights: Vec<f64> = targets.iter().map(|t| t.weight).collect();
    let now = Utc::now().naive_utc();
    let mut written = 0;
    while written < options.feedback {
        let size = BATCH.min(options.feedback - written);
        let mut batch = Vec::with_capacity(size);
        let mut voices = Vec::with_capacity(size);
        for _ in 0..size {
            let target = &targets[draw(&mut rng, &targets, &mut weights, &mut sayings)];
            let said = sayings.say(&mut rng, &target.code);
            let row = demo_row(&mut rng, said, target, &districts, now);
            voices.push(me_too_voices(&mut rng, &row, now));
            batch.push(row);
        }
        // The same path as live intake: masked text, suggested themes, counters.
        write_transaction(conn, |c| {
            crate::grouping::on_arrival(c, &mut batch, &classifier, &mut cache, now)?;
            insert_batch(c, &batch)?;
            add_voices(c, &batch, &voices)
        })?;
        written += size;
        progress(written);
    }
    Ok(written)
}

/// When citizens who found this feedback added "me too" (most feedback has none).
fn me_too_voices(rng: &mut StdRng, row: &NewFeedback, now: NaiveDateTime) -> Vec<NaiveDateTime> {
    if row.moderation != "visible" {
        return Vec::new();
    }
    let n = ((VOICED / rng.random_range(f64::EPSILON..1.0)) as u32).min(MOST_VOICES);
    let span = (now - row.created_at).num_minutes().max(1);
    (0..n).map(|_| row.created_at + Duration::minutes(rng.random_range(0..span))).collect()
}

/// Stores the voices of a stored batch, counted like a citizen's "me too".
fn add_voices(conn: &mut Conn, batch: &[NewFeedback], voices: &[Vec<NaiveDateTime>]) -> QueryResult<()> {
    let codes: Vec<&str> =
        batch.iter().zip(voices).filter(|(_, v)| !v.is_empty()).map(|(r, _)| r.tracking_code.as_str()).collect();
    if codes.is_empty() {
        return Ok(());
    }
    let ids: HashMap<String, i64> = feedback::table
        .filter(feedback::tracking_code.eq_any(&codes))
        .select((feedback::tracking_code, feedback::id))
        .load::<(String, i64)>(conn)?
        .into_iter()
        .collect();
    let mut tally = Tally::default();
    for (row, at) in batch.iter().zip(voices).filter(|(_, v)| !v.is_empty()) {
        let id = ids[&row.tracking_code];
        for (k, when) in at.iter().enumerate() {
            me_too::insert_bare(conn, id, &format!("demo-{id}-{k}"), *when)?;
        }
        tally.add(&Facts::from(row), 0, at.len() as i64);
    }
    tally.apply(conn)
}

fn demo_row(rng: &mut StdRng, said: Said, target: &Target, districts: &[District], now: NaiveDateTime) -> NewFeedback {
    let days = (target.promised_days as f64 * rng.random_range(0.8..4.0)).round() as i64;
    let taka = (target.fee as f64 * rng.random_range(1.0..3.0) + rng.random_range(100.0..3000.0)) as i64 / 10 * 10;
    let visits = rng.random_range(2..8);
    let bangla = said.lang == "bn" || said.lang == "mixed";
    let number = |n: i64| {
        if bangla && n % 3 != 0 {
            to_bangla_digits(&n.to_string())
        } else {
            n.to_string()
        }
    };
    let (service, office) =
        if said.lang == "en" { (&target.name_en, &target.office_en) } else { (&target.name_bn, &target.office_bn) };
    // Corpus texts hold no placeholders; phrase-set texts get this citizen's figures.
    let text = said
        .text
        .replace("{service}", service)
        .replace("{office}", office)
        .replace("{days}", &number(days))
        .replace("{taka}", &number(taka))
        .replace("{visits}", &number(visits));
    // Newer months bring more voices: skew ages towards the present.
    let age_days = (rng.random_range(0.0f64..1.0).powf(1.6) * 540.0) as i64;
    let created = now - Duration::days(age_days) - Duration::minutes(rng.random_range(0..1440));
    let district = if rng.random_bool(0.3) {
        District::parse("dhaka").expect("dhaka exists")
    } else {
        *districts.choose(rng).expect("districts")
    };
    let visible = said.moderation == "visible";
    let with_email = visible && rng.random_bool(0.15);
    let tcv_given = visible && said.kind == "complaint" && rng.random_bool(0.7);
    NewFeedback {
        tracking_code: TrackingCode::generate().as_str().to_owned(),
        service_id: target.id,
        kind: said.kind.clone(),
        body: crate::domain::text::clean(&text),
        charter_step: if visible { step_of(&text, created, &target.steps) } else { None },
        days_taken: tcv_given.then_some(days as i32),
        cost_bdt: tcv_given.then_some(taka),
        visits: tcv_given.then_some(visits as i32),
        district: district.code().to_owned(),
        channel: (*weighted(rng, &[("web", 80), ("api", 12), ("assisted", 8)])).to_owned(),
        contact_name: None,
        contact_email: with_email.then(|| format!("citizen{}@example.org", rng.random_range(1000..99999))),
        contact_phone: None,
        consent_updates: with_email && rng.random_bool(0.7),
        locale: said.locale().to_owned(),
        moderation: said.moderation.to_owned(),
        created_at: created,
        updated_at: created,
        address_text: None,
        lat_e6: None,
        long_e6: None,
        api_client_id: None,
        theme_id: None,
        public_body: None,
        has_personal_data: false,
        idempotency_key: None,
        request_hash: None,
    }
}

/// Words that place a demo complaint at the charter's first step (applying) or its last (getting
/// the result); the rest happen in between.
const FIRST_STEP_WORDS: &[&str] =
    &["online", "website", "server", "apply", "form", "অনলাইন", "ওয়েবসাইট", "সার্ভার", "আবেদন", "ফরম"];
const LAST_STEP_WORDS: &[&str] =
    &["deliver", "collect", "delay", "late", "month", "ডেলিভারি", "সংগ্রহ", "দেরি", "মাস", "হাতে"];

/// The charter step a demo citizen ties their feedback to: six in ten name one, guided by what
/// the text is about (the real form lets citizens choose; the demo fills the brief's journey).
/// Drawn from the text and its time, so the rest of the demo draws as it did before steps.
fn step_of(text: &str, created: NaiveDateTime, steps: &[String]) -> Option<String> {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::hash::DefaultHasher::new();
    (text, created).hash(&mut hasher);
    let rng = &mut StdRng::seed_from_u64(hasher.finish());
    if steps.is_empty() || !rng.random_bool(0.6) {
        return None;
    }
    let lower = text.to_lowercase();
    let says = |words: &[&str]| words.iter().any(|w| lower.contains(w));
    let last = steps.len() - 1;
    let index = if says(FIRST_STEP_WORDS) {
        0
    } else if says(LAST_STEP_WORDS) {
        last
    } else if last >= 2 {
        rng.random_range(1..last)
    } else {
        rng.random_range(0..=last)
    };
    Some(steps[index].clone())
}

#[cfg(test)]
mod step_tests {
    use super::*;

    #[test]
    fn demo_steps_follow_what_the_text_is_about_and_are_the_same_each_run() {
        let steps: Vec<String> = ["Apply", "Verify", "Pay", "Collect"].map(String::from).to_vec();
        let at = |minutes: i64| NaiveDateTime::default() + Duration::minutes(minutes);
        let placed = |text: &str| -> Vec<Option<String>> { (0..200).map(|m| step_of(text, at(m), &steps)).collect() };
        let online = placed("The website was down when I tried to apply");
        let named = online.iter().flatten().count();
        assert!((90..150).contains(&named), "about six in ten name a step: {named}");
        assert!(online.iter().flatten().all(|s| s == "Apply"));
        assert!(placed("ডেলিভারি পেতে তিন মাস দেরি").iter().flatten().all(|s| s == "Collect"));
        let middle = placed("The clerk was rude to me");
        assert!(middle.iter().flatten().all(|s| s == "Verify" || s == "Pay"));
        assert_eq!(middle, placed("The clerk was rude to me"), "the same demo every run");
        assert_eq!(step_of("website", at(1), &[]), None, "a charter without steps");
    }
}
