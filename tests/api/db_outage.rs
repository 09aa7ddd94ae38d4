//! PostgreSQL outages: the server ends every connection (failover, `pg_terminate_backend`), or a
//! proxy in front of it goes away and comes back. Reads never answer 500, writes answer 201 or
//! 503 with `Retry-After`, and the app recovers by itself. On SQLite these tests have nothing to
//! do (its file never drops a connection) and return at once.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use diesel::{Connection, RunQueryDsl};
use serde_json::json;
use tokio::net::{TcpListener, TcpSocket, TcpStream};
use tokio::task::JoinHandle;

use crate::helpers::{import_fixture, spawn_app, spawn_empty_app_with, wait_until, TestApp};

const READS: [&str; 5] =
    ["/", "/services/DIP-001", "/api/v1/services", "/api/v1/ministries", "/open311/v2/services.json"];

fn on_postgres(app: &TestApp) -> bool {
    app.database_url.starts_with("postgres")
}

fn feedback() -> serde_json::Value {
    json!({
        "service_code": "DIP-001",
        "kind": "complaint",
        "text": "Passport took three months and two visits to the regional office",
        "district": "chattogram",
        "days": 90
    })
}

/// Ends every connection of the app's database from another session, as a failover does.
fn end_every_connection(database_url: &str) -> usize {
    let (base, name) = database_url.rsplit_once('/').expect("a database name");
    let mut admin = diesel::PgConnection::establish(&format!("{base}/postgres")).expect("admin connection");
    diesel::sql_query(format!(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}' AND pid <> pg_backend_pid()"
    ))
    .execute(&mut admin)
    .expect("terminate")
}

async fn status_of(app: &TestApp, path: &str) -> u16 {
    app.get(path).await.status().as_u16()
}

#[tokio::test]
async fn reads_answer_200_right_after_the_server_ends_every_connection() {
    let app = spawn_app().await;
    if !on_postgres(&app) {
        return;
    }
    // Several connections in the pool, all idle.
    let path = "/api/v1/services";
    let warm = tokio::join!(app.get(path), app.get(path), app.get(path), app.get(path));
    for response in [warm.0, warm.1, warm.2, warm.3] {
        assert_eq!(response.status(), 200);
    }
    assert!(end_every_connection(&app.database_url) >= 1, "the pool had connections to end");
    for path in READS {
        assert_eq!(status_of(&app, path).await, 200, "{path} after the connections died");
    }
    // A write after the loss is stored (the dead connections were dropped by the reads).
    let response = app.post_api_feedback(&feedback()).await;
    assert_eq!(response.status(), 201);
}

#[tokio::test]
async fn a_write_on_a_dead_connection_answers_503_with_retry_after_and_the_next_one_is_stored() {
    let app = spawn_app().await;
    if !on_postgres(&app) {
        return;
    }
    assert_eq!(app.post_api_feedback(&feedback()).await.status(), 201);
    end_every_connection(&app.database_url);
    let mut stored = 1;
    for _ in 0..3 {
        let response = app.post_api_feedback(&feedback()).await;
        match response.status().as_u16() {
            201 => stored += 1,
            503 => assert!(response.headers().contains_key("retry-after"), "503 without Retry-After"),
            other => panic!("a write after the loss answered {other}"),
        }
    }
    assert!(stored >= 3, "writes after the first must be stored; stored {stored}");
    assert_eq!(app.feedback_count().await, stored);
}

/// A TCP proxy in front of PostgreSQL that can be taken away (every connection cut, the port
/// closed) and brought back on the same port.
struct Proxy {
    port: u16,
    tasks: Arc<Mutex<Vec<JoinHandle<()>>>>,
}

impl Proxy {
    async fn start(port: u16) -> Proxy {
        let socket = TcpSocket::new_v4().expect("socket");
        socket.set_reuseaddr(true).expect("reuseaddr");
        socket.bind(format!("127.0.0.1:{port}").parse().unwrap()).expect("bind the proxy port");
        let listener: TcpListener = socket.listen(64).expect("listen");
        let port = listener.local_addr().unwrap().port();
        let tasks: Arc<Mutex<Vec<JoinHandle<()>>>> = Arc::default();
        let spawned = tasks.clone();
        let accept = tokio::spawn(async move {
            while let Ok((mut client, _)) = listener.accept().await {
                let relay = tokio::spawn(async move {
                    if let Ok(mut server) = TcpStream::connect("127.0.0.1:5432").await {
                        let _ = tokio::io::copy_bidirectional(&mut client, &mut server).await;
                    }
                });
                spawned.lock().unwrap().push(relay);
            }
        });
        tasks.lock().unwrap().push(accept);
        Proxy { port, tasks }
    }

    /// Cuts every connection and closes the port.
    fn stop(&self) {
        for task in self.tasks.lock().unwrap().drain(..) {
            task.abort();
        }
    }
}

// The proxy runs on the test's runtime while the app connects through it from blocking code.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn while_the_database_is_unreachable_requests_fail_fast_with_503_and_recover_by_themselves() {
    let Ok(url) = std::env::var("TEST_DATABASE_URL") else { return };
    if !url.starts_with("postgres") {
        return;
    }
    let proxy = Proxy::start(0).await;
    let port = proxy.port;
    let app = spawn_empty_app_with(|s| {
        s.database_url = s.database_url.replacen("127.0.0.1:5432", &format!("127.0.0.1:{port}"), 1);
        assert!(s.database_url.contains(&format!(":{port}/")), "the test database URL names 127.0.0.1:5432");
    })
    .await;
    import_fixture(&app).await;
    assert_eq!(status_of(&app, "/api/v1/services").await, 200);

    proxy.stop();
    // The first request may wait for the pool's timeout; once the pool knows, answers are quick.
    for path in READS {
        let response = app.get(path).await;
        assert_eq!(response.status(), 503, "{path} while the database is unreachable");
        assert!(response.headers().contains_key("retry-after"), "{path}: 503 without Retry-After");
    }
    let started = Instant::now();
    let response = app.post_api_feedback(&feedback()).await;
    assert_eq!(response.status(), 503);
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "a write waited {:?} for a database known to be down",
        started.elapsed()
    );
    let ready = Instant::now();
    assert_eq!(status_of(&app, "/health/ready").await, 503);
    assert!(ready.elapsed() < Duration::from_millis(1500), "readiness took {:?}", ready.elapsed());
    assert_eq!(status_of(&app, "/health/live").await, 200);

    let _back = Proxy::start(port).await;
    for path in READS {
        wait_until(&format!("{path} answers again"), || status_of(&app, path), |s| *s == 200).await;
    }
    assert_eq!(app.post_api_feedback(&feedback()).await.status(), 201);
}
