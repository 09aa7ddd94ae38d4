//! Quarterly reviews of backlog items.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::schema::backlog_reviews;
use super::Conn;

/// One recorded review.
#[derive(Debug, Clone, Queryable, Selectable, Identifiable)]
#[diesel(table_name = backlog_reviews)]
pub struct BacklogReview {
    /// Row id.
    pub id: i64,
    /// The item.
    pub backlog_item_id: i64,
    /// The fiscal quarter it reviews, `2026-27 Q2`.
    pub quarter: String,
    /// What progressed.
    pub progress: String,
    /// The item's status when reviewed.
    pub status: String,
    /// What comes next.
    pub next_step: String,
    /// Who reviewed.
    pub staff_id: Option<i64>,
    /// When.
    pub created_at: NaiveDateTime,
    /// The version of the design brief it reviewed (none saved yet).
    pub brief_version: Option<i32>,
}

/// A review to record.
#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = backlog_reviews)]
pub struct NewBacklogReview {
    /// The item.
    pub backlog_item_id: i64,
    /// Quarter.
    pub quarter: String,
    /// Progress note.
    pub progress: String,
    /// Status at review.
    pub status: String,
    /// Next step.
    pub next_step: String,
    /// Who.
    pub staff_id: Option<i64>,
    /// When.
    pub created_at: NaiveDateTime,
    /// The brief's latest version then.
    pub brief_version: Option<i32>,
}

/// Records a review.
pub fn insert(conn: &mut Conn, new: &NewBacklogReview) -> QueryResult<BacklogReview> {
    diesel::insert_into(backlog_reviews::table)
        .values(new)
        .returning(backlog_reviews::id)
        .get_result::<i64>(conn)
        .and_then(|id| backlog_reviews::table.find(id).select(BacklogReview::as_select()).first(conn))
}

/// An item's reviews, newest first.
pub fn for_item(conn: &mut Conn, item_id: i64) -> QueryResult<Vec<BacklogReview>> {
    backlog_reviews::table
        .filter(backlog_reviews::backlog_item_id.eq(item_id))
        .order((backlog_reviews::created_at.desc(), backlog_reviews::id.desc()))
        .select(BacklogReview::as_select())
        .load(conn)
}

/// When each item was last reviewed (items never reviewed are absent).
pub fn last_review_times(conn: &mut Conn) -> QueryResult<Vec<(i64, NaiveDateTime)>> {
    backlog_reviews::table
        .group_by(backlog_reviews::backlog_item_id)
        .select((backlog_reviews::backlog_item_id, diesel::dsl::max(backlog_reviews::created_at).assume_not_null()))
        .load(conn)
}
