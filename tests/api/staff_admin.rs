//! Admin pages: staff accounts, the audit log and API tokens, and what they share.

mod audit;
mod tokens;
mod users;

use nagorik::db::audit_log::{self, AuditEntry, AuditFilter};
use nagorik::db::staff_users::{self, StaffUser};
use nagorik::db::{self, staff_sessions};

use crate::helpers::TestApp;
use crate::staff_helpers::StaffClient;

impl StaffClient {
    /// Switches this staff member's pages to English (the `lang` cookie).
    pub async fn in_english(&self) {
        assert_eq!(self.get("/lang/en?next=/staff").await.status(), 303);
    }

    /// The body of a GET that must answer `status`.
    pub async fn page(&self, path: &str, status: u16) -> String {
        let response = self.get(path).await;
        assert_eq!(response.status(), status, "GET {path}");
        response.text().await.expect("body")
    }
}

impl TestApp {
    /// The stored account with this email, if any.
    pub async fn account(&self, email: &str) -> Option<StaffUser> {
        let email = email.to_lowercase();
        db::run_blocking(&self.pool, move |c| staff_users::find_by_email(c, &email)).await.expect("query")
    }

    /// How many staff accounts are stored.
    pub async fn account_count(&self) -> usize {
        db::run_blocking(&self.pool, |c| staff_users::list(c, None)).await.expect("query").len()
    }

    /// Every audit entry, newest first.
    pub async fn audit_entries(&self) -> Vec<AuditEntry> {
        let filter = AuditFilter { limit: 1000, ..AuditFilter::default() };
        db::run_blocking(&self.pool, move |c| audit_log::list(c, &filter)).await.expect("query")
    }

    /// The API tokens of an account, newest first.
    pub async fn tokens_of(&self, staff_id: i64) -> Vec<staff_sessions::StaffToken> {
        db::run_blocking(&self.pool, move |c| staff_sessions::list_tokens(c, staff_id)).await.expect("query")
    }
}

/// How many rows the list of a page shows (every `<tr>` but the heading's).
pub fn rows(page: &str) -> usize {
    page.matches("<tr").count().saturating_sub(1)
}
