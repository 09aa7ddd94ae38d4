//! `spawn_app`: one app, on port 0, with its own fresh database, per test.

use std::fmt::Debug;
use std::future::Future;
use std::path::PathBuf;
use std::time::Duration;

use diesel::{Connection, RunQueryDsl};
use nagorik::config::Settings;
use nagorik::db::{self, Pool};
use nagorik::startup::Application;
use rand::Rng;

/// A running Nagorik and the means to talk to it.
pub struct TestApp {
    /// `http://127.0.0.1:PORT`.
    pub address: String,
    /// The app's own pool, for checking what was stored.
    pub pool: Pool,
    /// Keeps cookies, never follows redirects.
    pub client: reqwest::Client,
    /// The database URL of this test.
    pub database_url: String,
    /// Where the app's mail goes (the in-memory stub unless a test chose SMTP).
    pub mailer: nagorik::email::Mailer,
    /// `http://127.0.0.1:PORT` of `GET /metrics`, when the test asked for it.
    pub metrics: Option<String>,
    _db: TestDatabase,
}

/// The database a test owns; dropped with it.
pub struct TestDatabase {
    _dir: Option<tempfile::TempDir>,
    pg: Option<(String, String)>,
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        if let Some((admin_url, name)) = self.pg.take() {
            // The server's pool may still hold connections: FORCE ends them.
            if let Ok(mut conn) = diesel::PgConnection::establish(&admin_url) {
                let _ = diesel::sql_query(format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)")).execute(&mut conn);
            }
        }
    }
}

/// A fresh, empty database of the backend `TEST_DATABASE_URL` names (SQLite by default).
pub fn fresh_database() -> (String, TestDatabase) {
    match std::env::var("TEST_DATABASE_URL") {
        Ok(url) if url.starts_with("postgres") => {
            nagorik::db::pg_exit::before_first_connection();
            let name = format!("test_{}", rand::rng().random_range(0..u64::MAX));
            let mut conn = diesel::PgConnection::establish(&url).expect("TEST_DATABASE_URL is reachable");
            diesel::sql_query(format!("CREATE DATABASE {name}")).execute(&mut conn).expect("create test database");
            let base = url.rsplit_once('/').map(|(b, _)| b).unwrap_or(&url);
            (format!("{base}/{name}"), TestDatabase { _dir: None, pg: Some((url, name)) })
        }
        _ => {
            let dir = tempfile::tempdir().expect("temp dir");
            let path: PathBuf = dir.path().join("nagorik-test.db");
            (format!("sqlite://{}", path.display()), TestDatabase { _dir: Some(dir), pg: None })
        }
    }
}

/// The app with the small catalogue of `tests/fixtures/services.csv`.
pub async fn spawn_app() -> TestApp {
    spawn_app_with(|_| {}).await
}

/// Like [`spawn_app`], with settings changed by `tweak`.
pub async fn spawn_app_with(tweak: impl FnOnce(&mut Settings)) -> TestApp {
    let app = spawn_empty_app_with(tweak).await;
    import_fixture(&app).await;
    app
}

/// Imports `tests/fixtures/services.csv`.
pub async fn import_fixture(app: &TestApp) {
    let bytes = std::fs::read(fixture("services.csv")).expect("fixture");
    let rows = nagorik::catalogue::parse_catalogue(&bytes).expect("fixture parses");
    db::run_blocking(&app.pool, move |c| nagorik::catalogue::apply_catalogue(c, &rows, &mut |_| {}))
        .await
        .expect("fixture imports");
}

/// The app on an empty (migrated) database.
pub async fn spawn_empty_app() -> TestApp {
    spawn_empty_app_with(|_| {}).await
}

/// Settings of a test app on `url`: port 0, a small pool, no submission limit, mail to the
/// in-memory stub, looked at every 100 ms.
fn test_settings(url: &str) -> Settings {
    let mut settings = Settings {
        database_url: url.to_owned(),
        bind: "127.0.0.1:0".into(),
        pool_size: 4,
        workers: Some(2),
        log: "warn".into(),
        submit_rate_per_minute: 0,
        ..Settings::default()
    };
    settings.mail.stub = true;
    settings.mail.poll_ms = 100;
    settings.mail.retry_ms = 100;
    settings
}

/// Another app server on the database of `app` (as a second process behind a load balancer
/// would be), with settings changed by `tweak`; returns its address.
pub async fn spawn_second_server(app: &TestApp, tweak: impl FnOnce(&mut Settings)) -> String {
    let mut settings = test_settings(&app.database_url);
    tweak(&mut settings);
    let server = Application::build(&settings).expect("second app builds");
    let address = format!("http://127.0.0.1:{}", server.port());
    tokio::spawn(server.run_until_stopped());
    address
}

/// The app on an empty database, with settings changed by `tweak`.
pub async fn spawn_empty_app_with(tweak: impl FnOnce(&mut Settings)) -> TestApp {
    let (url, db) = fresh_database();
    let mut settings = test_settings(&url);
    tweak(&mut settings);
    let app = Application::build(&settings).expect("app builds");
    let address = format!("http://127.0.0.1:{}", app.port());
    let pool = app.pool();
    let mailer = app.mailer();
    let metrics = app.metrics_port().map(|port| format!("http://127.0.0.1:{port}"));
    tokio::spawn(app.run_until_stopped());
    let client = crate::staff_helpers::browser();
    TestApp { address, pool, client, database_url: url, mailer, metrics, _db: db }
}

/// Path of a file under `tests/fixtures`.
pub fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name)
}

impl TestApp {
    /// GET a path.
    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client.get(format!("{}{path}", self.address)).send().await.expect("request")
    }

    /// GET a path with an `Accept-Language` header.
    pub async fn get_in(&self, path: &str, accept_language: &str) -> reqwest::Response {
        self.client
            .get(format!("{}{path}", self.address))
            .header("Accept-Language", accept_language)
            .send()
            .await
            .expect("request")
    }

    /// POST the feedback form of a service.
    pub async fn post_feedback_form(&self, service: &str, form: &[(&str, &str)]) -> reqwest::Response {
        self.client
            .post(format!("{}/services/{service}/feedback", self.address))
            .form(form)
            .send()
            .await
            .expect("request")
    }

    /// POST JSON to the API.
    pub async fn post_api_feedback(&self, body: &serde_json::Value) -> reqwest::Response {
        self.client.post(format!("{}/api/v1/feedback", self.address)).json(body).send().await.expect("request")
    }

    /// How many feedback rows are stored.
    pub async fn feedback_count(&self) -> i64 {
        db::run_blocking(&self.pool, db::feedback::count).await.expect("count")
    }

    /// The stored feedback with this tracking code.
    pub async fn stored_feedback(&self, code: &str) -> db::feedback::Feedback {
        let code = code.to_owned();
        db::run_blocking(&self.pool, move |c| db::feedback::find_by_tracking_code(c, &code))
            .await
            .expect("query")
            .expect("feedback stored")
            .0
    }
}

/// A valid form submission (Bangla), to vary field by field.
pub fn valid_form() -> Vec<(&'static str, &'static str)> {
    vec![
        ("kind", "complaint"),
        ("text", "জন্ম নিবন্ধনের জন্য তিনবার ইউনিয়ন পরিষদে যেতে হয়েছে"),
        ("district", "dhaka"),
        ("days", "১৫"),
        ("cost", "৫০০"),
        ("visits", "3"),
    ]
}

/// The form with one field replaced (or added).
pub fn form_with(field: &'static str, value: &'static str) -> Vec<(&'static str, &'static str)> {
    let mut form: Vec<_> = valid_form().into_iter().filter(|(k, _)| *k != field).collect();
    form.push((field, value));
    form
}

/// Runs the `nagorik` binary with `args` against `database_url`, quietly and without a config file.
pub fn nagorik(args: &[&str], database_url: &str) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_nagorik"))
        .args(args)
        .env("NAGORIK_DATABASE_URL", database_url)
        .env("NAGORIK_LOG", "error")
        .env_remove("NAGORIK_CONFIG")
        .output()
        .expect("binary runs")
}

/// A stored tracking code as pages and mail print it: two groups of five (`7KX4M-2QHTD`).
pub fn shown(code: &str) -> String {
    format!("{}-{}", &code[..5], &code[5..])
}

/// The tracking code at the end of a `/thanks/{code}` redirect.
pub fn code_from_redirect(response: &reqwest::Response) -> String {
    let location = response.headers()["location"].to_str().expect("location").to_owned();
    let code = location.strip_prefix("/thanks/").expect("redirect to the thank-you page");
    code.split('?').next().unwrap_or(code).to_owned()
}

/// How long a test waits for something to happen before it fails: generous, so that a busy
/// machine only makes the suite slower, never red.
pub const PATIENCE: Duration = Duration::from_secs(30);

/// Polls `probe` until `done` holds for what it returns, and returns that value. Panics after
/// [`PATIENCE`] naming `what` it waited for and the last value seen.
pub async fn wait_until<T: Debug, F: Future<Output = T>>(
    what: &str,
    probe: impl FnMut() -> F,
    done: impl Fn(&T) -> bool,
) -> T {
    wait_within(PATIENCE, what, probe, done).await
}

/// [`wait_until`], giving up after `patience` instead.
pub async fn wait_within<T: Debug, F: Future<Output = T>>(
    patience: Duration,
    what: &str,
    mut probe: impl FnMut() -> F,
    done: impl Fn(&T) -> bool,
) -> T {
    let deadline = tokio::time::Instant::now() + patience;
    loop {
        let seen = probe().await;
        if done(&seen) {
            return seen;
        }
        assert!(tokio::time::Instant::now() < deadline, "waited {patience:?} for {what}; last saw {seen:?}");
        // The interval between two looks only; the condition ends the wait.
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}
