//! Writes the audit log: every staff change, in the same transaction as the change.

use chrono::Utc;
use serde_json::Value;

use crate::auth::Staff;
use crate::db::audit_log::{self, NewAuditEntry};
use crate::db::Conn;

/// Who made a change.
#[derive(Debug, Clone)]
pub struct Actor {
    /// The staff account (none for the command line).
    pub staff_id: Option<i64>,
    /// As shown in the log.
    pub label: String,
}

impl Actor {
    /// Someone at the command line (the server's operator).
    pub fn command_line() -> Self {
        Actor { staff_id: None, label: "command line".into() }
    }
}

impl From<&Staff> for Actor {
    fn from(staff: &Staff) -> Self {
        Actor { staff_id: Some(staff.id), label: staff.email.clone() }
    }
}

/// What was changed.
#[derive(Debug, Clone)]
pub struct Target {
    /// `theme`, `feedback`, `staff`, `service`.
    pub kind: &'static str,
    /// Which one.
    pub id: Option<i64>,
    /// The ministry it belongs to.
    pub ministry_id: Option<i64>,
}

/// Records one change: `action` (`theme.merge`, …) on `target`, with the state before and after.
pub fn record(
    conn: &mut Conn,
    actor: &Actor,
    action: &str,
    target: Target,
    before: Option<Value>,
    after: Option<Value>,
) -> diesel::QueryResult<()> {
    audit_log::insert(
        conn,
        &NewAuditEntry {
            staff_id: actor.staff_id,
            actor: actor.label.clone(),
            action: action.to_owned(),
            target_kind: target.kind.to_owned(),
            target_id: target.id,
            ministry_id: target.ministry_id,
            before_json: before.map(|v| v.to_string()),
            after_json: after.map(|v| v.to_string()),
            created_at: Utc::now().naive_utc(),
        },
    )
}
