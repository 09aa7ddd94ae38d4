//! The audit log: every staff change, who made it, when, and what it was before and after.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::schema::audit_log;
use super::Conn;

/// A stored audit entry.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = audit_log)]
pub struct AuditEntry {
    /// Row id.
    pub id: i64,
    /// The staff member (none for the command line).
    pub staff_id: Option<i64>,
    /// Who, as shown (email, or `command line`).
    pub actor: String,
    /// What was done (`theme.merge`, `feedback.hide`, `staff.create`, …).
    pub action: String,
    /// What kind of thing it was done to (`theme`, `feedback`, `staff`, `service`).
    pub target_kind: String,
    /// Which one.
    pub target_id: Option<i64>,
    /// The ministry it belongs to (for scoped reading).
    pub ministry_id: Option<i64>,
    /// State before, as JSON.
    pub before_json: Option<String>,
    /// State after, as JSON.
    pub after_json: Option<String>,
    /// When.
    pub created_at: NaiveDateTime,
}

/// An audit entry to insert.
#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = audit_log)]
pub struct NewAuditEntry {
    /// The staff member.
    pub staff_id: Option<i64>,
    /// Who, as shown.
    pub actor: String,
    /// What was done.
    pub action: String,
    /// Kind of target.
    pub target_kind: String,
    /// Which one.
    pub target_id: Option<i64>,
    /// Its ministry.
    pub ministry_id: Option<i64>,
    /// Before, as JSON.
    pub before_json: Option<String>,
    /// After, as JSON.
    pub after_json: Option<String>,
    /// When.
    pub created_at: NaiveDateTime,
}

/// Stores one entry.
pub fn insert(conn: &mut Conn, entry: &NewAuditEntry) -> QueryResult<()> {
    diesel::insert_into(audit_log::table).values(entry).execute(conn).map(drop)
}

/// Which entries to read.
#[derive(Debug, Clone, Default)]
pub struct AuditFilter {
    /// Only these ministries (`None`: all, for cabinet admins).
    pub ministries: Option<Vec<i64>>,
    /// Only this actor (email, exact).
    pub actor: Option<String>,
    /// Only actions starting with this (`theme.` or `theme.merge`).
    pub action: Option<String>,
    /// Only this kind of target.
    pub target_kind: Option<String>,
    /// Only this target.
    pub target_id: Option<i64>,
    /// At or after.
    pub from: Option<NaiveDateTime>,
    /// Before.
    pub until: Option<NaiveDateTime>,
    /// Rows to skip.
    pub offset: i64,
    /// Rows to return.
    pub limit: i64,
}

/// Entries matching `filter`, newest first.
pub fn list(conn: &mut Conn, filter: &AuditFilter) -> QueryResult<Vec<AuditEntry>> {
    let mut q = audit_log::table.select(AuditEntry::as_select()).into_boxed();
    if let Some(ids) = &filter.ministries {
        q = q.filter(audit_log::ministry_id.eq_any(ids.clone()));
    }
    if let Some(actor) = &filter.actor {
        q = q.filter(audit_log::actor.eq(actor.clone()));
    }
    if let Some(action) = &filter.action {
        q = q.filter(audit_log::action.eq(action.clone()).or(audit_log::action.like(format!("{action}.%"))));
    }
    if let Some(kind) = &filter.target_kind {
        q = q.filter(audit_log::target_kind.eq(kind.clone()));
    }
    if let Some(id) = filter.target_id {
        q = q.filter(audit_log::target_id.eq(id));
    }
    if let Some(from) = filter.from {
        q = q.filter(audit_log::created_at.ge(from));
    }
    if let Some(until) = filter.until {
        q = q.filter(audit_log::created_at.lt(until));
    }
    q.order((audit_log::created_at.desc(), audit_log::id.desc())).offset(filter.offset).limit(filter.limit).load(conn)
}
