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
    for path in ["/health", "/health/ready"] {
        let response = app.get(path).await;
        assert_eq!(response.status(), 503, "{path}");
        assert!(response.headers().contains_key("retry-after"));
    }
    let live = app.get("/health/live").await;
    assert_eq!(live.status(), 200, "the process is alive even when its database is not");
}

#[tokio::test]
async fn readiness_and_liveness_answer_200_when_all_is_well() {
    let app = spawn_app().await;
    for path in ["/health/ready", "/health/live"] {
        let response = app.get(path).await;
        assert_eq!(response.status(), 200, "{path}");
        let body: serde_json::Value = response.json().await.unwrap();
        assert_eq!(body["status"], "ok");
    }
}
