//! Three `serve` processes on one PostgreSQL database, driven at once as a load balancer would:
//! intake with and without retry keys (each keyed submission sent to two servers), "me too"
//! voices, a designer's theme edits and a ministry admin's backlog moves, the outbox against a
//! real SMTP server on loopback, and the schedules every server runs as it starts (the quarter's
//! snapshot, staff digests). Afterwards everything acknowledged is stored once, the counters
//! equal a recount, each mail arrived once, and no server logged a deadlock.

use std::collections::{HashMap, HashSet};
use std::process::{Child, Command, Stdio};

use diesel::prelude::*;
use nagorik::db::schema::{backlog_snapshots, feedback, outbox as outbox_table, services, staff_users};
use nagorik::db::{self, outbox};
use serde_json::{json, Value};

use crate::durability::{free_port, wait_healthy};
use crate::helpers::{spawn_app_with, wait_until, TestApp};
use crate::me_too::{me_too, step};
use crate::smtp_server::{Mode, SmtpServer};
use crate::staff_helpers::StaffClient;

fn serve(url: &str, port: u16, smtp: &str, log: &std::path::Path) -> Child {
    Command::new(env!("CARGO_BIN_EXE_nagorik"))
        .args(["serve", "--bind", &format!("127.0.0.1:{port}")])
        .env("NAGORIK_DATABASE_URL", url)
        .env("NAGORIK_LOG", "warn")
        .env("NAGORIK_SMTP_URL", smtp)
        .env("NAGORIK_MAIL_POLL_MS", "100")
        .env("NAGORIK_DIGEST_HOUR_UTC", "0")
        .env("NAGORIK_SUBMIT_RATE_PER_MINUTE", "0")
        .env("NAGORIK_ME_TOO_PER_ADDRESS_PER_DAY", "100")
        .env_remove("NAGORIK_CONFIG")
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(log).expect("log file"))
        .spawn()
        .expect("server starts")
}

/// Sends one submission to `base` until it is acknowledged (503 and 429 mean "try again", as
/// for any client); returns its tracking code.
async fn submit(client: &reqwest::Client, base: &str, body: &Value, key: Option<&str>) -> String {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(120);
    loop {
        let mut request = client.post(format!("{base}/api/v1/feedback")).json(body);
        if let Some(key) = key {
            request = request.header("Idempotency-Key", key);
        }
        let response = request.send().await.expect("request");
        match response.status().as_u16() {
            201 => return response.json::<Value>().await.unwrap()["tracking_code"].as_str().unwrap().to_owned(),
            429 | 503 if std::time::Instant::now() < deadline => tokio::task::yield_now().await,
            other => panic!("{base}: {other} {}", response.text().await.unwrap_or_default()),
        }
    }
}

/// The same staff member, talking to another server (sessions live in the database).
fn at(staff: &StaffClient, base: &str) -> StaffClient {
    StaffClient {
        address: base.to_owned(),
        client: staff.client.clone(),
        csrf: staff.csrf.clone(),
        email: staff.email.clone(),
        id: staff.id,
    }
}

async fn service_id(app: &TestApp, code: &'static str) -> i64 {
    db::run_blocking(&app.pool, move |c| services::table.filter(services::code.eq(code)).select(services::id).first(c))
        .await
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn three_servers_on_one_database_store_count_and_mail_everything_once() {
    // The test's own app makes the database; its outbox worker looks once an hour.
    let app = spawn_app_with(|s| s.mail.poll_ms = 3_600_000).await;
    if !app.database_url.starts_with("postgres") {
        return; // Several app servers are a PostgreSQL deployment.
    }
    let smtp = SmtpServer::start(Mode::Accept).await;
    // Staff who take a digest exist before the servers start, so each server's first schedule
    // run races the others to queue it.
    let designer = app.staff("designer", &["LGD"]).await;
    let admin = app.staff("ministry-admin", &["LGD"]).await;
    let ids = [designer.id, admin.id];
    db::run_blocking(&app.pool, move |c| {
        diesel::update(staff_users::table.filter(staff_users::id.eq_any(ids)))
            .set(staff_users::digest_opt_in.eq(true))
            .execute(c)
    })
    .await
    .unwrap();
    let first = app.submit_text("ORGBDR-001", "জন্ম নিবন্ধনের জন্য তিনবার ইউনিয়ন পরিষদে যেতে হয়েছে").await;

    let logs = tempfile::tempdir().unwrap();
    let client = reqwest::Client::new();
    let mut servers = Vec::new();
    let mut bases = Vec::new();
    for i in 0..3 {
        let port = free_port();
        servers.push(serve(&app.database_url, port, &smtp.url(), &logs.path().join(format!("serve-{i}.log"))));
        bases.push(format!("http://127.0.0.1:{port}"));
    }
    for base in &bases {
        wait_healthy(&client, base).await;
    }

    // Intake: 60 submissions spread over the servers; two in three keyed and sent to two servers
    // at once; one in three leaves an email (an acknowledgement to send).
    let services = ["ORGBDR-001", "DIP-001", "POLICE-001"];
    let mut intake = Vec::new();
    for i in 0..60usize {
        let mut body = json!({"service_code": services[i % 3], "kind": "complaint", "district": "dhaka",
            "text": format!("Submission {i}: the office asked me to come back again for one more paper"),
            "days": 10 + i, "language": "en"});
        if i % 3 == 0 {
            body["email"] = json!(format!("citizen{i}@example.com"));
        }
        let key = (i % 3 != 2).then(|| format!("several-{i}"));
        let sends = if key.is_some() { vec![i % 3, (i + 1) % 3] } else { vec![i % 3] };
        for s in sends {
            let (client, base, body, key) = (client.clone(), bases[s].clone(), body.clone(), key.clone());
            intake.push(tokio::spawn(async move { (i, submit(&client, &base, &body, key.as_deref()).await) }));
        }
    }
    // Meanwhile: "me too" through each server, a designer renames the first theme, and a
    // ministry admin promotes the service and moves its item.
    let mut voices = Vec::new();
    for base in bases.clone() {
        let feedback_id = first.id;
        voices.push(tokio::spawn(async move {
            let citizen = crate::staff_helpers::browser();
            let (_, token, id) = step(&base, &citizen).await;
            me_too(&base, &citizen, feedback_id, &token, &id).await
        }));
    }
    let theme = first.theme_id.expect("themed on arrival");
    let renamed = at(&designer, &bases[1])
        .post(&format!("/staff/themes/{theme}"), &[("label_bn", "বারবার যাওয়া"), ("label_en", "Repeated visits")])
        .await;
    assert_eq!(renamed.status(), 303);
    let item = at(&admin, &bases[2]).promote(&app, "ORGBDR-001", "বারবার ইউনিয়ন পরিষদে যেতে হয়").await;
    assert_eq!(at(&admin, &bases[0]).move_to(item, "designing", "নকশা শুরু").await, 303);

    let mut codes: HashMap<usize, HashSet<String>> = HashMap::new();
    for task in intake {
        let (i, code) = task.await.unwrap();
        codes.entry(i).or_default().insert(code);
    }
    for task in voices {
        task.await.unwrap();
    }
    // Every acknowledged submission is stored once: a keyed pair got one code.
    assert!(codes.values().all(|c| c.len() == 1), "a keyed submission got two tracking codes");
    let acknowledged: Vec<String> = codes.into_values().flatten().collect();
    let stored = acknowledged.clone();
    let found: i64 = db::run_blocking(&app.pool, move |c| {
        feedback::table.filter(feedback::tracking_code.eq_any(stored)).count().get_result(c)
    })
    .await
    .unwrap();
    assert_eq!(found, 60);
    // The first feedback, 60 submissions and three me-too submissions of their own.
    assert_eq!(app.feedback_count().await, 64);
    // Every counter equals a recount from the rows.
    for code in services {
        app.assert_counts_match(service_id(&app, code).await).await;
    }
    // Each mail arrives once: 20 acknowledgements and the two digests, all sent.
    let queued =
        || async { db::run_blocking(&app.pool, |c| outbox_table::table.count().get_result::<i64>(c)).await.unwrap() };
    wait_until("every mail sent", || app.outbox_count(outbox::SENT), |&n| n >= 22).await;
    let total = queued().await;
    wait_until("every mail sent", || app.outbox_count(outbox::SENT), |&n| n == total).await;
    let digests: Vec<String> = db::run_blocking(&app.pool, |c| {
        outbox_table::table.filter(outbox_table::kind.eq("digest")).select(outbox_table::recipient).load::<String>(c)
    })
    .await
    .unwrap();
    assert_eq!(digests.len(), 2, "one digest per staff member and day: {digests:?}");
    let arrived = smtp.wait_for(total as usize).await;
    let ids: HashSet<String> = arrived
        .iter()
        .map(|m| m.raw.lines().find(|l| l.to_ascii_lowercase().starts_with("message-id:")).unwrap().to_owned())
        .collect();
    assert_eq!(arrived.len() as i64, total, "each message once");
    assert_eq!(ids.len(), arrived.len(), "each Message-ID once");
    // One snapshot of the quarter: one row per service, however many servers took it.
    let (rows, distinct) = db::run_blocking(&app.pool, |c| -> QueryResult<(i64, i64)> {
        let rows = backlog_snapshots::table.count().get_result(c)?;
        let distinct = services::table.count().get_result(c)?;
        Ok((rows, distinct))
    })
    .await
    .unwrap();
    assert_eq!(rows, distinct, "one snapshot per quarter");

    for mut server in servers {
        server.kill().unwrap();
        server.wait().unwrap();
    }
    for i in 0..3 {
        let log = std::fs::read_to_string(logs.path().join(format!("serve-{i}.log"))).unwrap();
        assert!(!log.to_lowercase().contains("deadlock"), "server {i} logged a deadlock:\n{log}");
        assert!(!log.contains("panicked"), "server {i} panicked:\n{log}");
        assert!(!log.contains("schedules failed"), "server {i}'s schedules failed in the race:\n{log}");
    }
}
