//! The ranking as each fiscal quarter opened, to show what moved since.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::schema::backlog_snapshots;
use super::Conn;

/// One service in a quarter's snapshot.
#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Insertable)]
#[diesel(table_name = backlog_snapshots)]
pub struct SnapshotRow {
    /// `2026-27 Q2`.
    pub quarter: String,
    /// The service.
    pub service_id: i64,
    /// Whether it was in the backlog.
    pub in_backlog: bool,
    /// Its backlog status then.
    pub status: Option<String>,
    /// Its target year then.
    pub target_year: Option<String>,
    /// Its rank among all services.
    pub rank: i32,
    /// Its score in thousandths.
    pub score_milli: i64,
    /// When the snapshot was taken.
    pub taken_at: NaiveDateTime,
}

/// Whether a quarter's snapshot exists.
pub fn exists(conn: &mut Conn, quarter: &str) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(backlog_snapshots::table.filter(backlog_snapshots::quarter.eq(quarter))))
        .get_result(conn)
}

/// Stores a quarter's snapshot (callers make sure it does not exist yet).
pub fn insert(conn: &mut Conn, rows: &[SnapshotRow]) -> QueryResult<()> {
    for chunk in rows.chunks(100) {
        for row in chunk {
            diesel::insert_into(backlog_snapshots::table).values(row).execute(conn)?;
        }
    }
    Ok(())
}

/// A quarter's snapshot.
pub fn of_quarter(conn: &mut Conn, quarter: &str) -> QueryResult<Vec<SnapshotRow>> {
    backlog_snapshots::table.filter(backlog_snapshots::quarter.eq(quarter)).select(SnapshotRow::as_select()).load(conn)
}

/// Every quarter with a snapshot, newest first.
pub fn quarters(conn: &mut Conn) -> QueryResult<Vec<String>> {
    backlog_snapshots::table
        .select(backlog_snapshots::quarter)
        .distinct()
        .order(backlog_snapshots::quarter.desc())
        .load(conn)
}
