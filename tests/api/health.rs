use diesel::RunQueryDsl;
use nagorik::db;

use crate::helpers::spawn_app;

#[tokio::test]
async fn health_returns_200_when_the_database_answers() {
    let app = spawn_app().await;
    let response = app.get("/health").await;
    assert_eq!(response.status(), 200);
    let body: serde_json::Value = response.json().await.unwrap();
    assert_eq!(body["database"], "ok");
}

#[tokio::test]
async fn health_returns_503_when_the_database_cannot_be_read() {
    let app = spawn_app().await;
    db::run_blocking(&app.pool, |c| diesel::sql_query("ALTER TABLE ministries RENAME TO ministries_gone").execute(c))
        .await
        .unwrap();
    let response = app.get("/health").await;
    assert_eq!(response.status(), 503);
    assert!(response.headers().contains_key("retry-after"));
}
