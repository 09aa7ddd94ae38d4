//! Baselines for `bench/run.sh`: how fast the storage and the web framework go
//! on this machine without Nagorik's own work.
//!
//! - `sqlite-inserts PATH SECONDS`: single-row inserts of a feedback-sized row,
//!   one transaction each, WAL with synchronous=NORMAL; prints rows per second.
//! - `pg-inserts URL SECONDS`: the same on PostgreSQL (one commit per row).
//! - `hello ADDR`: an actix-web "hello world" server to measure requests per second.

use std::time::{Duration, Instant};

use actix_web::{web, App, HttpServer};
use chrono::Utc;
use nagorik::catalogue::{apply_catalogue, parse_catalogue};
use nagorik::db::feedback::{insert, NewFeedback};
use nagorik::db::pool::PoolOptions;
use nagorik::db::{build_pool, migrations, services};

fn row(service_id: i64, n: u64) -> NewFeedback {
    let now = Utc::now().naive_utc();
    NewFeedback {
        tracking_code: format!("B{n:09}"),
        service_id,
        kind: "complaint".into(),
        body: format!("জন্ম নিবন্ধনের জন্য তিনবার ইউনিয়ন পরিষদে যেতে হয়েছে, প্রতিবার নতুন কাগজ চাওয়া হয়েছে। #{n}"),
        charter_step: None,
        days_taken: Some(30),
        cost_bdt: Some(1500),
        visits: Some(3),
        district: "dhaka".into(),
        channel: "api".into(),
        contact_name: None,
        contact_email: None,
        contact_phone: None,
        consent_updates: false,
        locale: "bn".into(),
        moderation: "visible".into(),
        created_at: now,
        updated_at: now,
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

fn inserts(url: &str, seconds: u64) -> anyhow::Result<()> {
    let pool = build_pool(url, PoolOptions { max_size: 1, timeout: Duration::from_secs(5) })?;
    let mut conn = pool.get()?;
    migrations::run_pending(&mut conn)?;
    let fixture = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/services.csv"))?;
    apply_catalogue(&mut conn, &parse_catalogue(&fixture).map_err(|e| anyhow::anyhow!("{e:?}"))?, &mut |_| {})?;
    let service_id = services::all_ids_and_codes(&mut conn)?[0].0;
    let started = Instant::now();
    let mut n = 0u64;
    while started.elapsed() < Duration::from_secs(seconds) {
        insert(&mut conn, &row(service_id, n))?;
        n += 1;
    }
    println!("{:.0}", n as f64 / started.elapsed().as_secs_f64());
    Ok(())
}

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    match args.get(1).map(String::as_str) {
        Some("sqlite-inserts") => inserts(&format!("sqlite://{}", args[2]), args[3].parse()?),
        Some("pg-inserts") => inserts(&args[2], args[3].parse()?),
        Some("hello") => {
            let addr = args[2].clone();
            actix_web::rt::System::new().block_on(async move {
                HttpServer::new(|| App::new().route("/", web::get().to(|| async { "hello world" })))
                    .bind(addr)?
                    .run()
                    .await
            })?;
            Ok(())
        }
        _ => anyhow::bail!("usage: bench_baseline sqlite-inserts PATH SECONDS | pg-inserts URL SECONDS | hello ADDR"),
    }
}
