//! Demo feedback: phrases from `feedback_phrases.csv` combined per service,
//! spread over kinds, languages, districts and the last 18 months.

use chrono::{Duration, Utc};
use diesel::prelude::*;
use rand::rngs::StdRng;
use rand::seq::IndexedRandom;
use rand::{Rng, SeedableRng};

use super::DemoOptions;
use crate::db::feedback::{insert_batch, NewFeedback};
use crate::db::schema::{offices, services};
use crate::db::{write_transaction, Conn};
use crate::domain::digits::to_bangla_digits;
use crate::domain::district::District;
use crate::domain::tracking_code::TrackingCode;

const PHRASES: &str = include_str!("feedback_phrases.csv");
const BATCH: usize = 500;

struct Phrase {
    lang: String,
    kind: String,
    category: String,
    part: String,
    text: String,
}

fn phrases() -> Vec<Phrase> {
    let mut reader = csv::Reader::from_reader(PHRASES.as_bytes());
    reader
        .records()
        .map(|r| {
            let r = r.expect("feedback_phrases.csv is well-formed");
            Phrase { lang: r[0].into(), kind: r[1].into(), category: r[2].into(), part: r[3].into(), text: r[4].into() }
        })
        .collect()
}

/// id, names, office names, promised days, fee, yearly applications.
type TargetRow = (i64, String, String, String, String, Option<i32>, Option<i64>, Option<i64>);

struct Target {
    id: i64,
    name_bn: String,
    name_en: String,
    office_bn: String,
    office_en: String,
    promised_days: i32,
    fee: i64,
    weight: f64,
}

fn targets(conn: &mut Conn) -> QueryResult<Vec<Target>> {
    let rows: Vec<TargetRow> = services::table
        .inner_join(offices::table)
        .select((
            services::id,
            services::name_bn,
            services::name_en,
            offices::name_bn,
            offices::name_en,
            services::promised_days,
            services::fee_bdt,
            services::yearly_applications,
        ))
        .order(services::id.asc())
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(id, name_bn, name_en, office_bn, office_en, days, fee, apps)| Target {
            id,
            name_bn,
            name_en,
            office_bn,
            office_en,
            promised_days: days.unwrap_or(15).max(1),
            fee: fee.unwrap_or(0),
            // Busy services draw more voices, but the long tail still speaks.
            weight: (apps.unwrap_or(1_000).max(1) as f64).sqrt(),
        })
        .collect())
}

struct Composer<'a> {
    phrases: &'a [Phrase],
}

impl Composer<'_> {
    fn pick(&self, rng: &mut StdRng, lang: &str, kind: &str, part: &str, category: Option<&str>) -> Option<&str> {
        let matching: Vec<&Phrase> = self
            .phrases
            .iter()
            .filter(|p| p.lang == lang && p.kind == kind && p.part == part)
            .filter(|p| category.is_none_or(|c| p.category == c))
            .collect();
        matching.choose(rng).map(|p| p.text.as_str())
    }

    fn compose(&self, rng: &mut StdRng, lang: &str, kind: &str, category: &str) -> String {
        let mut parts = Vec::new();
        parts.extend(self.pick(rng, lang, kind, "opening", None));
        let body =
            self.pick(rng, lang, kind, "body", Some(category)).or_else(|| self.pick(rng, lang, kind, "body", None));
        parts.extend(body);
        if rng.random_bool(0.4) {
            parts.extend(self.pick(rng, lang, kind, "body", None));
        }
        if rng.random_bool(0.6) {
            parts.extend(self.pick(rng, lang, kind, "closing", None));
        }
        parts.join(" ")
    }
}

const CATEGORIES: &[&str] = &[
    "time",
    "cost",
    "visits",
    "documents",
    "information",
    "staff_conduct",
    "unofficial_payment",
    "digital_access",
    "other",
];

fn weighted<'a, T>(rng: &mut StdRng, items: &'a [(T, u32)]) -> &'a T {
    let total: u32 = items.iter().map(|i| i.1).sum();
    let mut roll = rng.random_range(0..total);
    for (item, weight) in items {
        if roll < *weight {
            return item;
        }
        roll -= weight;
    }
    &items[0].0
}

/// Adds `options.feedback` entries over the stored services; returns how many.
pub fn generate_feedback(
    conn: &mut Conn,
    options: &DemoOptions,
    progress: &mut dyn FnMut(usize),
) -> anyhow::Result<usize> {
    let targets = targets(conn)?;
    anyhow::ensure!(!targets.is_empty() || options.feedback == 0, "the catalogue is empty");
    let phrases = phrases();
    let classifier = crate::themes::Classifier::builtin();
    let mut cache = crate::grouping::ThemeCache::default();
    let composer = Composer { phrases: &phrases };
    let districts: Vec<District> = District::all().collect();
    let total_weight: f64 = targets.iter().map(|t| t.weight).sum();
    let mut rng = StdRng::seed_from_u64(options.seed ^ 0x5eed);
    let now = Utc::now().naive_utc();
    let mut written = 0;
    while written < options.feedback {
        let size = BATCH.min(options.feedback - written);
        let mut batch = Vec::with_capacity(size);
        for _ in 0..size {
            let mut roll = rng.random_range(0.0..total_weight);
            let target = targets.iter().find(|t| {
                roll -= t.weight;
                roll <= 0.0
            });
            let target = target.unwrap_or(&targets[targets.len() - 1]);
            batch.push(demo_row(&mut rng, &composer, target, &districts, now));
        }
        // The same path as live intake: masked text, suggested themes, counters.
        write_transaction(conn, |c| {
            crate::grouping::on_arrival(c, &mut batch, &classifier, &mut cache, now)?;
            insert_batch(c, &batch)
        })?;
        written += size;
        progress(written);
    }
    Ok(written)
}

fn demo_row(
    rng: &mut StdRng,
    composer: &Composer,
    target: &Target,
    districts: &[District],
    now: chrono::NaiveDateTime,
) -> NewFeedback {
    let kind = *weighted(rng, &[("complaint", 60), ("suggestion", 25), ("expectation", 15)]);
    let lang = *weighted(rng, &[("bn", 60), ("en", 25), ("mixed", 10), ("rbn", 5)]);
    let category = *CATEGORIES.choose(rng).expect("categories");
    let days = (target.promised_days as f64 * rng.random_range(0.8..4.0)).round() as i64;
    let taka = (target.fee as f64 * rng.random_range(1.0..3.0) + rng.random_range(100.0..3000.0)) as i64 / 10 * 10;
    let visits = rng.random_range(2..8);
    let bangla = lang == "bn" || lang == "mixed";
    let number = |n: i64| {
        if bangla && n % 3 != 0 {
            to_bangla_digits(&n.to_string())
        } else {
            n.to_string()
        }
    };
    let (service, office) =
        if lang == "en" { (&target.name_en, &target.office_en) } else { (&target.name_bn, &target.office_bn) };
    let text = composer
        .compose(rng, lang, kind, category)
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
    let with_email = rng.random_bool(0.15);
    let tcv_given = kind == "complaint" && rng.random_bool(0.7);
    NewFeedback {
        tracking_code: TrackingCode::generate().as_str().to_owned(),
        service_id: target.id,
        kind: kind.to_owned(),
        body: crate::domain::text::clean(&text),
        charter_step: None,
        days_taken: tcv_given.then_some(days as i32),
        cost_bdt: tcv_given.then_some(taka),
        visits: tcv_given.then_some(visits as i32),
        district: district.code().to_owned(),
        channel: (*weighted(rng, &[("web", 80), ("api", 12), ("assisted", 8)])).to_owned(),
        contact_name: None,
        contact_email: with_email.then(|| format!("citizen{}@example.org", rng.random_range(1000..99999))),
        contact_phone: None,
        consent_updates: with_email && rng.random_bool(0.7),
        locale: if lang == "en" { "en" } else { "bn" }.to_owned(),
        moderation: "visible".to_owned(),
        created_at: created,
        updated_at: created,
        address_text: None,
        lat_e6: None,
        long_e6: None,
        api_client_id: None,
        theme_id: None,
        public_body: None,
        has_personal_data: false,
    }
}
