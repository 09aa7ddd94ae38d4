//! The status history of backlog items.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::schema::backlog_moves;
use super::Conn;

/// One recorded status move.
#[derive(Debug, Clone, Queryable, Selectable, Identifiable)]
#[diesel(table_name = backlog_moves)]
pub struct BacklogMove {
    /// Row id.
    pub id: i64,
    /// The item.
    pub backlog_item_id: i64,
    /// Status before (none when the item was created).
    pub from_status: Option<String>,
    /// Status after.
    pub to_status: String,
    /// The note given with the move (the reason, for a drop).
    pub note: String,
    /// Who moved it.
    pub staff_id: Option<i64>,
    /// When.
    pub created_at: NaiveDateTime,
}

/// A move to record.
#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = backlog_moves)]
pub struct NewBacklogMove {
    /// The item.
    pub backlog_item_id: i64,
    /// Status before.
    pub from_status: Option<String>,
    /// Status after.
    pub to_status: String,
    /// Note.
    pub note: String,
    /// Who.
    pub staff_id: Option<i64>,
    /// When.
    pub created_at: NaiveDateTime,
}

/// Records a move and returns it.
pub fn insert(conn: &mut Conn, new: &NewBacklogMove) -> QueryResult<BacklogMove> {
    diesel::insert_into(backlog_moves::table)
        .values(new)
        .returning(backlog_moves::id)
        .get_result::<i64>(conn)
        .and_then(|id| backlog_moves::table.find(id).select(BacklogMove::as_select()).first(conn))
}

/// The move with this id.
pub fn find(conn: &mut Conn, id: i64) -> QueryResult<BacklogMove> {
    backlog_moves::table.find(id).select(BacklogMove::as_select()).first(conn)
}

/// An item's moves, oldest first.
pub fn for_item(conn: &mut Conn, item_id: i64) -> QueryResult<Vec<BacklogMove>> {
    backlog_moves::table
        .filter(backlog_moves::backlog_item_id.eq(item_id))
        .order(backlog_moves::id)
        .select(BacklogMove::as_select())
        .load(conn)
}
