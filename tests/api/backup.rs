//! `nagorik backup FILE`: a consistent copy of the live SQLite database that a server can run
//! from; on PostgreSQL it names pg_dump instead.

use crate::helpers::{nagorik, spawn_app, spawn_empty_app_with};

#[tokio::test]
async fn a_backup_of_the_live_database_serves_what_was_acknowledged() {
    let app = spawn_app().await;
    let stored = app.submit_text("ORGBDR-001", "জন্ম নিবন্ধনের জন্য তিনবার ইউনিয়ন পরিষদে যেতে হয়েছে").await;
    let code = app.reload(stored.id).await.tracking_code;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("nagorik-backup.db");
    let path = file.to_str().unwrap().to_owned();
    let url = app.database_url.clone();
    let out = tokio::task::spawn_blocking(move || nagorik(&["backup", &path], &url)).await.unwrap();
    let said = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    if app.database_url.starts_with("postgres") {
        assert!(!out.status.success());
        assert!(said.contains("pg_dump"), "{said}");
        return;
    }
    assert!(out.status.success(), "{said}");
    assert!(said.contains("1 feedback"), "{said}");
    // The server kept serving while the copy was made, and the copy serves on its own.
    assert_eq!(app.get("/api/v1/services").await.status(), 200);
    let restored = spawn_empty_app_with(|s| s.database_url = format!("sqlite://{}", file.display())).await;
    let status = restored.get(&format!("/api/v1/feedback/{code}")).await;
    assert_eq!(status.status(), 200);
    // A backup never overwrites a file.
    let (path, url) = (file.to_str().unwrap().to_owned(), app.database_url.clone());
    let again = tokio::task::spawn_blocking(move || nagorik(&["backup", &path], &url)).await.unwrap();
    assert!(!again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("exists already"));
}
