//! Logs as JSON lines (`NAGORIK_LOG_FORMAT=json`): one line per request with the id its answer
//! carries in `X-Request-Id`, and nothing a citizen typed, no client address.

use std::process::{Command, Stdio};

use serde_json::{json, Value};

use crate::durability::{free_port, wait_healthy};
use crate::helpers::{fixture, fresh_database, nagorik};

#[tokio::test]
async fn json_logs_name_each_request_by_the_id_its_answer_carries_and_hold_no_personal_data() {
    let (url, _db) = fresh_database();
    let fixture_path = fixture("services.csv");
    let imported = nagorik(&["import-services", fixture_path.to_str().unwrap()], &url);
    assert!(imported.status.success());
    let dir = tempfile::tempdir().unwrap();
    let log_path = dir.path().join("nagorik.log");
    let port = free_port();
    let mut server = Command::new(env!("CARGO_BIN_EXE_nagorik"))
        .args(["serve", "--bind", &format!("127.0.0.1:{port}")])
        .env("NAGORIK_DATABASE_URL", &url)
        .env("NAGORIK_LOG", "info")
        .env("NAGORIK_LOG_FORMAT", "json")
        .env_remove("NAGORIK_CONFIG")
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(&log_path).unwrap())
        .spawn()
        .expect("server starts");
    let base = format!("http://127.0.0.1:{port}");
    let client = reqwest::Client::new();
    wait_healthy(&client, &base).await;
    let search = client.get(format!("{base}/services?q=01711000000")).send().await.unwrap();
    let search_id = search.headers()["x-request-id"].to_str().unwrap().to_owned();
    let body = json!({"service_code": "ORGBDR-001", "kind": "complaint", "district": "dhaka",
                      "text": "আমার ইমেইল rahim@example.com, জন্ম নিবন্ধনে তিন মাস লেগেছে", "email": "rahim@example.com"});
    let posted = client.post(format!("{base}/api/v1/feedback")).json(&body).send().await.unwrap();
    assert_eq!(posted.status(), 201);
    let post_id = posted.headers()["x-request-id"].to_str().unwrap().to_owned();
    assert_ne!(search_id, post_id);
    // SIGTERM drains the server, which writes every request's line before it exits.
    assert!(Command::new("kill").args(["-TERM", &server.id().to_string()]).status().unwrap().success());
    server.wait().unwrap();
    let log = std::fs::read_to_string(&log_path).unwrap();
    let lines: Vec<Value> = log.lines().map(|l| serde_json::from_str(l).expect("every line is JSON")).collect();
    let request = |id: &str| lines.iter().find(|l| l["span"]["request_id"] == id).cloned();
    let search_line = request(&search_id).expect("the search is logged under its id");
    assert_eq!(search_line["span"]["route"], "/services");
    assert_eq!(search_line["span"]["http.status_code"], 200);
    let post_line = request(&post_id).expect("the submission is logged under its id");
    assert_eq!(post_line["span"]["http.status_code"], 201);
    for personal in ["01711000000", "rahim", "127.0.0.1:", "reqwest"] {
        let leaked: Vec<&str> = log.lines().filter(|l| l.contains(personal) && !l.contains("listening on")).collect();
        assert!(leaked.is_empty(), "{personal} in the log: {leaked:?}");
    }
}
