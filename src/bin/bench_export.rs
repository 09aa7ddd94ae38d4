//! Benchmark of the backlog ranking and exports: the 809-service demo catalogue (48
//! ministries), per-service counters equivalent to 1,000,000 feedback (kinds, 78 weeks,
//! districts, channels, themes, days, cost and visits; what scoring reads), about 30 themes
//! per service, 223 backlog items with statuses and linked themes, and a few ministries'
//! own weights. Then times the ranking of every service and the exports of all ministries.
//!
//! `cargo build --release --bin bench_export && target/release/bench_export
//! [--database-url URL] [--feedback N] [--check]` (default: SQLite in a temp dir; `--check`
//! exits with status 1 when the ranking takes 1 s or more, or the all-ministries XLSX 3 s).

use std::time::Instant;

use anyhow::Context;
use chrono::{Duration, NaiveDateTime, Utc};
use nagorik::backlog::ranking::{self, Ranking};
use nagorik::config::Settings;
use nagorik::counts::{dim, number_bucket, week_of};
use nagorik::db::backlog_items::{self, NewBacklogItem};
use nagorik::db::service_counts::{bump_many, Bump};
use nagorik::db::themes::{self, NewTheme};
use nagorik::db::{score_weights, services, write_transaction, Conn};
use nagorik::demo::{self, DemoOptions};
use nagorik::domain::backlog::Status;
use nagorik::domain::scoring::Weights;
use nagorik::exports::request::ExportQuery;
use nagorik::exports::{self, load, Format};
use nagorik::themes::PainCategory;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

const SERVICES: usize = 809;
const ITEMS: usize = 223;
const RANKING_LIMIT: f64 = 1.0;
const XLSX_LIMIT: f64 = 3.0;

/// `n` split over `parts` with weights `1/(i+1)^skew` (a long tail, like real demand).
fn split(n: i64, parts: usize, skew: f64) -> Vec<i64> {
    let weights: Vec<f64> = (0..parts).map(|i| 1.0 / ((i + 1) as f64).powf(skew)).collect();
    let sum: f64 = weights.iter().sum();
    let mut out: Vec<i64> = weights.iter().map(|w| (n as f64 * w / sum).floor() as i64).collect();
    out[0] += n - out.iter().sum::<i64>();
    out
}

/// Counters and themes of one service with `n` feedback.
fn service_data(c: &mut Conn, id: i64, n: i64, now: NaiveDateTime, rng: &mut StdRng) -> anyhow::Result<Vec<i64>> {
    let mut bumps = Vec::new();
    let mut bump = |dimension: &'static str, bucket: String, feedback: i64| {
        if feedback > 0 {
            let voices = feedback + feedback / 3;
            bumps.push(Bump { service_id: id, dimension, bucket, feedback, voices });
        }
    };
    for (kind, share) in [("complaint", 0.6), ("expectation", 0.25), ("suggestion", 0.15)] {
        bump(dim::KIND, kind.into(), (n as f64 * share) as i64);
    }
    for (w, count) in split(n, 78, 0.3).into_iter().enumerate() {
        bump(dim::WEEK, week_of(now - Duration::weeks(w as i64)).to_string(), count);
    }
    for (d, count) in split(n, 64, 1.0).into_iter().enumerate() {
        bump(dim::DISTRICT, format!("district-{d:02}"), count);
    }
    for (ch, count) in ["web", "api", "open311", "assisted", "import"].into_iter().zip(split(n, 5, 1.5)) {
        bump(dim::CHANNEL, ch.into(), count);
    }
    let reported = n * 2 / 5;
    let base_days = rng.random_range(5..90);
    for (i, count) in split(reported, 60, 1.2).into_iter().enumerate() {
        bump(dim::DAYS, number_bucket(base_days + i as i64), count);
    }
    let base_cost = rng.random_range(0..5_000);
    for (i, count) in split(reported, 80, 1.2).into_iter().enumerate() {
        bump(dim::COST, number_bucket(base_cost + 50 * i as i64), count);
    }
    for (i, count) in split(reported, 8, 1.5).into_iter().enumerate() {
        bump(dim::VISITS, number_bucket(1 + i as i64), count);
    }
    let theme_count = (5 + n / 100).min(30) as usize;
    let mut ids = Vec::with_capacity(theme_count);
    for (t, count) in split(n, theme_count, 1.0).into_iter().enumerate() {
        let category = PainCategory::ALL[rng.random_range(0..PainCategory::ALL.len())].as_str().to_owned();
        let new = NewTheme {
            service_id: id,
            label_bn: format!("থিম {t}: দালাল ছাড়া কাজ হয় না"),
            label_en: format!("theme {t}: nothing moves without a broker"),
            category,
            category_by_designer: false,
            category_votes: String::new(),
            confirmed: t < 3,
            centroid: String::new(),
            created_at: now,
            updated_at: now,
            label_by_designer: t < 3,
        };
        let theme = themes::insert(c, &new)?;
        ids.push(theme);
        bump(dim::THEME, theme.to_string(), count);
    }
    bump_many(c, &bumps)?;
    Ok(ids)
}

/// Fills an empty database with the catalogue, counters for `feedback` entries, themes, items and weights.
fn fill(c: &mut Conn, feedback: i64, now: NaiveDateTime) -> anyhow::Result<()> {
    let options = DemoOptions { services: SERVICES, feedback: 0, seed: 2021 };
    demo::load_catalogue(c, &options, &mut |_| {})?;
    let listing = services::list_in_ministries(c, None)?;
    let mut rng = StdRng::seed_from_u64(2026);
    let mut order: Vec<usize> = (0..listing.len()).collect();
    for i in (1..order.len()).rev() {
        order.swap(i, rng.random_range(0..=i));
    }
    let demand = split(feedback, listing.len(), 0.8);
    write_transaction(c, |c| -> anyhow::Result<()> {
        for (k, &i) in order.iter().enumerate() {
            let (service, office, _) = &listing[i];
            let themes = service_data(c, service.id, demand[k], now, &mut rng)?;
            // 809 is prime, so k × 223 mod 809 takes every value once: 223 items spread over all demand.
            if (k * ITEMS) % listing.len() < ITEMS {
                let status = Status::ALL[rng.random_range(0..Status::ALL.len())];
                let item = backlog_items::insert(
                    c,
                    &NewBacklogItem {
                        service_id: service.id,
                        problem_bn: "নাগরিককে বারবার অফিসে যেতে হয়, দালাল ছাড়া কাজ হয় না".into(),
                        problem_en: "Citizens visit the office again and again; nothing moves without a broker".into(),
                        status: status.as_str().into(),
                        target_year: rng.random_bool(0.6).then(|| format!("{}-{}", 2026, 27)),
                        owner_office_id: Some(office.id),
                        created_by: None,
                        created_at: now,
                        updated_at: now,
                    },
                )?;
                backlog_items::set_themes(c, item.id, &themes[..themes.len().min(2)])?;
            }
        }
        for (ministry, w) in
            listing.iter().map(|l| l.2.id).step_by(97).zip([[40, 20, 20, 10, 10], [20, 40, 20, 10, 10]].iter().cycle())
        {
            score_weights::set(c, Some(ministry), Weights::from_array(*w), None, now)?;
        }
        Ok(())
    })
}

/// CPU time this thread has used, in seconds (Linux), to tell the work from waiting for a
/// core that other processes hold (PostgreSQL's own work is not counted).
fn thread_cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").unwrap_or_default();
    stat.split_whitespace().next().and_then(|n| n.parse::<f64>().ok()).unwrap_or(0.0) / 1e9
}

/// Wall seconds of `f` with its result; prints nothing.
fn timed<T>(f: impl FnOnce() -> anyhow::Result<T>) -> anyhow::Result<(T, f64)> {
    let (out, wall, _) = timed_cpu(f)?;
    Ok((out, wall))
}

/// Wall and CPU seconds of `f`, with its result.
fn timed_cpu<T>(f: impl FnOnce() -> anyhow::Result<T>) -> anyhow::Result<(T, f64, f64)> {
    let (started, cpu) = (Instant::now(), thread_cpu_seconds());
    let out = f()?;
    Ok((out, started.elapsed().as_secs_f64(), thread_cpu_seconds() - cpu))
}

fn export(
    c: &mut Conn,
    ranking: &Ranking,
    candidates: bool,
    format: Format,
    now: NaiveDateTime,
) -> anyhow::Result<usize> {
    let query =
        ExportQuery { candidates: if candidates { "1".into() } else { String::new() }, ..ExportQuery::default() };
    let request = query.resolve(c, None, nagorik::domain::Locale::Bn).map_err(|e| anyhow::anyhow!("{e:?}"))?;
    let export = load::from_ranking(c, ranking, &request, now)?;
    Ok(exports::render(&export, format, "backlog", request.locale)?.len())
}

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let value = |flag: &str| args.iter().position(|a| a == flag).and_then(|i| args.get(i + 1)).cloned();
    let check = args.iter().any(|a| a == "--check");
    let feedback: i64 = value("--feedback").map(|v| v.parse()).transpose()?.unwrap_or(1_000_000);
    let file = std::env::temp_dir().join(format!("nagorik-bench-export-{}.db", std::process::id()));
    let url = value("--database-url").unwrap_or_else(|| format!("sqlite://{}", file.display()));
    let mut settings = Settings { database_url: url.clone(), ..Settings::default() };
    settings.finish();
    let pool = nagorik::startup::open_database(&settings)?;
    let mut conn = pool.get().context("no database connection")?;
    let now = Utc::now().naive_utc();
    let backend = if url.starts_with("postgres") { "PostgreSQL" } else { "SQLite" };
    let ((), fill_secs) = timed(|| fill(&mut conn, feedback, now))?;
    if let Conn::Pg(_) = &mut *conn {
        // A live database has statistics; autovacuum would gather them within a minute.
        diesel::RunQueryDsl::execute(diesel::sql_query("ANALYZE"), &mut *conn)?;
    }
    println!(
        "{backend}: {SERVICES} services, counters for {feedback} feedback, {ITEMS} items; filled in {fill_secs:.1} s"
    );
    let rates = settings.rates();
    let mut rank_secs = Vec::new();
    let mut rank_cpu = Vec::new();
    let mut ranking = None;
    for _ in 0..5 {
        let (r, secs, cpu) = timed_cpu(|| Ok(ranking::build(&mut conn, rates, now)?))?;
        rank_secs.push(secs);
        rank_cpu.push(cpu);
        ranking = Some(r);
    }
    let ranking = ranking.expect("ranked");
    rank_secs.sort_by(f64::total_cmp);
    rank_cpu.sort_by(f64::total_cmp);
    println!(
        "ranking all services: median {:.3} s (best {:.3} s; median {:.3} s on this thread's CPU)",
        rank_secs[2], rank_secs[0], rank_cpu[2]
    );
    let mut worst_xlsx: f64 = 0.0;
    for candidates in [false, true] {
        for format in Format::ALL {
            let (bytes, secs, cpu) = timed_cpu(|| export(&mut conn, &ranking, candidates, format, now))?;
            let label = if candidates { "every service" } else { "backlog items" };
            println!(
                "  {:<4} {label:<13}: {secs:.3} s after the ranking ({cpu:.3} s CPU), {} KB",
                format.extension(),
                bytes / 1024
            );
        }
        let (_, total, cpu) = timed_cpu(|| {
            let built = ranking::build(&mut conn, rates, now)?;
            export(&mut conn, &built, candidates, Format::Xlsx, now)
        })?;
        worst_xlsx = worst_xlsx.max(total);
        let label = if candidates { "every service" } else { "backlog items" };
        println!("xlsx, all ministries, {label}: {total:.3} s including the ranking ({cpu:.3} s CPU)");
    }
    drop(conn);
    drop(pool);
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", file.display()));
    }
    if check && (rank_secs[2] >= RANKING_LIMIT || worst_xlsx >= XLSX_LIMIT) {
        eprintln!(
            "too slow: ranking {:.3} s (limit {RANKING_LIMIT}), xlsx {worst_xlsx:.3} s (limit {XLSX_LIMIT})",
            rank_secs[2]
        );
        std::process::exit(1);
    }
    Ok(())
}
