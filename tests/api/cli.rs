//! The `nagorik` binary itself.

use std::process::Command;

use crate::helpers::{fixture, fresh_database, nagorik};

#[test]
fn an_unreachable_postgres_is_reported_in_one_line_without_a_panic() {
    let out = nagorik(&["migrate"], "postgres://postgres@127.0.0.1:1/nagorik");
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    let lines: Vec<_> = stderr.lines().filter(|l| !l.trim().is_empty()).collect();
    assert_eq!(lines.len(), 1, "{stderr}");
    assert!(
        lines[0].starts_with("error: cannot open PostgreSQL at postgres://postgres@127.0.0.1:1/nagorik"),
        "{stderr}"
    );
    assert!(lines[0].to_lowercase().contains("refused"), "{stderr}");
    assert!(!stderr.contains("panicked"));
}

#[test]
fn import_services_adds_the_catalogue_and_reports_what_it_did() {
    let (url, _db) = fresh_database();
    let file = fixture("services.csv");
    let out = nagorik(&["import-services", file.to_str().unwrap()], &url);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("6 services added, 0 updated"));
    let again = nagorik(&["import-services", file.to_str().unwrap()], &url);
    assert!(String::from_utf8_lossy(&again.stdout).contains("0 services added, 6 updated"));
}

#[test]
fn import_services_refuses_a_bad_file_with_line_and_reason() {
    let (url, _db) = fresh_database();
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.csv");
    let good = std::fs::read_to_string(fixture("services.csv")).unwrap();
    std::fs::write(&bad, good.replacen(",4025,", ",৪০২৫x,", 1)).unwrap();
    let out = nagorik(&["import-services", bad.to_str().unwrap()], &url);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("line 4: fee_bdt"), "{stderr}");
    assert!(stderr.contains("nothing was imported"), "{stderr}");
}

#[test]
fn every_subcommand_has_help() {
    for sub in ["serve", "migrate", "import-services", "demo-data"] {
        let out = Command::new(env!("CARGO_BIN_EXE_nagorik")).args([sub, "--help"]).output().unwrap();
        assert!(out.status.success(), "{sub}");
        assert!(String::from_utf8_lossy(&out.stdout).contains("Usage"), "{sub}");
    }
}

#[test]
fn demo_data_builds_the_catalogue_and_feedback() {
    let (url, _db) = fresh_database();
    let out = nagorik(&["demo-data", "--feedback", "700"], &url);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("48 ministries, 809 services"), "{stdout}");
    assert!(stdout.contains("700 feedback added"), "{stdout}");
}

#[test]
fn api_keys_are_issued_listed_and_revoked_from_the_command_line() {
    let (url, _db) = fresh_database();
    let out = nagorik(&["api-keys", "issue", "--client", "Dhaka North City app"], &url);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let key = stdout.lines().find(|l| l.starts_with("nk_")).expect("the key is printed once");
    assert_eq!(key.len(), 35);
    let list = String::from_utf8_lossy(&nagorik(&["api-keys", "list"], &url).stdout).into_owned();
    assert!(list.contains("Dhaka North City app") && list.contains("active"), "{list}");
    assert!(!list.contains(key), "the list never shows the key");
    let id = stdout.split_whitespace().nth(1).expect("the client id is printed").to_owned();
    let revoked = nagorik(&["api-keys", "revoke", &id], &url);
    assert!(revoked.status.success(), "{}", String::from_utf8_lossy(&revoked.stderr));
    assert!(String::from_utf8_lossy(&nagorik(&["api-keys", "list"], &url).stdout).contains("revoked"));
    assert!(!nagorik(&["api-keys", "revoke", &id], &url).status.success(), "already revoked");
}
