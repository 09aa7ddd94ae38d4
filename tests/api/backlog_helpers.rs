//! Backlog state for tests: items promoted and moved through the real pages.

use diesel::prelude::*;
use nagorik::db::{self, schema::backlog_items};

use crate::helpers::TestApp;
use crate::staff_helpers::StaffClient;

impl TestApp {
    /// The backlog item id of a service, if promoted.
    pub async fn backlog_item_of(&self, service_code: &str) -> Option<i64> {
        let code = service_code.to_owned();
        db::run_blocking(&self.pool, move |c| {
            backlog_items::table
                .inner_join(db::schema::services::table)
                .filter(db::schema::services::code.eq(code))
                .select(backlog_items::id)
                .first::<i64>(c)
                .optional()
        })
        .await
        .unwrap()
    }

    /// The stored status of an item.
    pub async fn backlog_status(&self, item: i64) -> String {
        db::run_blocking(&self.pool, move |c| {
            backlog_items::table.find(item).select(backlog_items::status).first::<String>(c)
        })
        .await
        .unwrap()
    }
}

impl StaffClient {
    /// Promotes a service through its page's form; returns the item id.
    pub async fn promote(&self, app: &TestApp, service_code: &str, problem: &str) -> i64 {
        let response = self.post(&format!("/staff/services/{service_code}/backlog"), &[("problem_bn", problem)]).await;
        assert_eq!(response.status(), 303, "{}", response.text().await.unwrap());
        app.backlog_item_of(service_code).await.expect("item stored")
    }

    /// Moves an item's status; returns the HTTP status.
    pub async fn move_to(&self, item: i64, status: &str, note: &str) -> u16 {
        let path = format!("/staff/backlog/items/{item}/status");
        self.post(&path, &[("status", status), ("note", note)]).await.status().as_u16()
    }

    /// Sets an item's priorities (target year, owner office id, category, applications).
    pub async fn prioritise(&self, item: i64, form: &[(&str, &str)]) -> reqwest::Response {
        self.post(&format!("/staff/backlog/items/{item}/priorities"), form).await
    }
}

impl TestApp {
    /// The id of an office by code.
    pub async fn office_id(&self, code: &str) -> i64 {
        let code = code.to_owned();
        db::run_blocking(&self.pool, move |c| {
            db::schema::offices::table
                .filter(db::schema::offices::code.eq(code))
                .select(db::schema::offices::id)
                .first::<i64>(c)
        })
        .await
        .unwrap()
    }
}

/// The current fiscal year's label.
pub fn this_fiscal_year() -> String {
    nagorik::domain::backlog::FiscalYear::of(chrono::Utc::now().date_naive()).label()
}
