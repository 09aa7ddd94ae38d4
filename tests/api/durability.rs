//! Every acknowledged submission survives SIGKILL, exactly once.

use std::collections::HashMap;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use diesel::prelude::*;
use nagorik::config::Settings;
use nagorik::db::schema::feedback;
use serde_json::{json, Value};

use crate::helpers::{fixture, fresh_database, wait_until, wait_within};

pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

fn start(url: &str, port: u16) -> Child {
    Command::new(env!("CARGO_BIN_EXE_nagorik"))
        .args(["serve", "--bind", &format!("127.0.0.1:{port}")])
        .env("NAGORIK_DATABASE_URL", url)
        .env("NAGORIK_LOG", "error")
        .env("NAGORIK_SUBMIT_RATE_PER_MINUTE", "0")
        .env_remove("NAGORIK_CONFIG")
        .stdout(Stdio::null())
        .spawn()
        .expect("server starts")
}

/// A `serve` process trains the built-in theme classifier before it listens: about 15 s in a
/// debug build on a busy machine, so this waits longer than other tests do.
pub async fn wait_healthy(client: &reqwest::Client, base: &str) {
    let health = || async { client.get(format!("{base}/health")).send().await.map(|r| r.status().as_u16()).ok() };
    wait_within(Duration::from_secs(120), "the server to answer /health with 200", health, |s| *s == Some(200)).await;
}

/// Waits until the citizens have `more` acknowledgements than now: the server is under load.
async fn wait_for_acknowledgements(acked: &Mutex<HashMap<String, String>>, more: usize) {
    let target = acked.lock().unwrap().len() + more;
    let count = || async { acked.lock().unwrap().len() };
    wait_until(&format!("{target} acknowledged submissions"), count, |&n| n >= target).await;
}

/// Sends submissions until told to stop; a failed send is retried with the same key.
async fn citizen(id: usize, base: String, stop: Arc<AtomicBool>, acked: Arc<Mutex<HashMap<String, String>>>) {
    let client = reqwest::Client::builder().timeout(Duration::from_secs(3)).build().unwrap();
    let texts =
        ["পাসপোর্ট অফিসে তিনবার যেতে হয়েছে", "Birth registration needed five visits", "জমির নামজারিতে দালাল টাকা চেয়েছে"];
    let mut n = 0;
    while !stop.load(Ordering::Relaxed) {
        let key = format!("citizen-{id}-{n}");
        let body = json!({"service_code": "ORGBDR-001", "kind": "complaint", "district": "dhaka",
                          "text": format!("{} ({key})", texts[n % texts.len()])});
        loop {
            let sent =
                client.post(format!("{base}/api/v1/feedback")).header("Idempotency-Key", &key).json(&body).send().await;
            if let Ok(r) = sent {
                if r.status() == 201 {
                    let code = r.json::<Value>().await.unwrap()["tracking_code"].as_str().unwrap().to_owned();
                    acked.lock().unwrap().insert(key.clone(), code);
                    break;
                }
            }
            if stop.load(Ordering::Relaxed) {
                return;
            }
            // Paces the retries while the server is down; nothing is asserted on time.
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        n += 1;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn acknowledged_submissions_survive_sigkill_exactly_once() {
    let (url, _db) = fresh_database();
    let import = Command::new(env!("CARGO_BIN_EXE_nagorik"))
        .args(["import-services", fixture("services.csv").to_str().unwrap()])
        .env("NAGORIK_DATABASE_URL", &url)
        .output()
        .unwrap();
    assert!(import.status.success());
    let port = free_port();
    let base = format!("http://127.0.0.1:{port}");
    let client = reqwest::Client::new();
    let mut server = start(&url, port);
    wait_healthy(&client, &base).await;

    let stop = Arc::new(AtomicBool::new(false));
    let acked = Arc::new(Mutex::new(HashMap::new()));
    let citizens: Vec<_> =
        (0..6).map(|i| tokio::spawn(citizen(i, base.clone(), stop.clone(), acked.clone()))).collect();
    // Each server lives until it has acknowledged its share: four shares are more than the 50 asked below.
    for _ in 0..3 {
        wait_for_acknowledgements(&acked, 15).await;
        server.kill().unwrap(); // SIGKILL
        server.wait().unwrap();
        server = start(&url, port);
        wait_healthy(&client, &base).await;
    }
    wait_for_acknowledgements(&acked, 15).await;
    // A graceful stop (SIGTERM) under load: what it answered before exiting is committed.
    let term = Command::new("kill").args(["-TERM", &server.id().to_string()]).status().unwrap();
    assert!(term.success());
    assert!(server.wait().unwrap().success(), "SIGTERM ends the server cleanly");
    stop.store(true, Ordering::Relaxed);
    for c in citizens {
        c.await.unwrap();
    }

    let acked = acked.lock().unwrap().clone();
    assert!(acked.len() > 50, "too little load: {}", acked.len());
    let settings = Settings { database_url: url.clone(), ..Settings::default() };
    let pool = nagorik::startup::open_database(&settings).unwrap();
    let mut conn = pool.get().unwrap();
    let stored: Vec<(Option<String>, String)> =
        feedback::table.select((feedback::idempotency_key, feedback::tracking_code)).load(&mut conn).unwrap();
    assert!(stored.iter().all(|(key, _)| key.is_some()), "every feedback row came with a key");
    let keys: std::collections::HashSet<&Option<String>> = stored.iter().map(|(key, _)| key).collect();
    assert_eq!(keys.len(), stored.len(), "every feedback row belongs to exactly one key");
    let by_code: HashMap<&str, usize> = stored.iter().fold(HashMap::new(), |mut m, (_, code)| {
        *m.entry(code.as_str()).or_default() += 1;
        m
    });
    for (key, code) in &acked {
        assert_eq!(by_code.get(code.as_str()), Some(&1), "{key} acknowledged as {code} but not stored exactly once");
        let text: String =
            feedback::table.filter(feedback::tracking_code.eq(code)).select(feedback::body).first(&mut conn).unwrap();
        assert!(text.contains(&format!("({key})")), "{code} holds another submission");
    }
}
