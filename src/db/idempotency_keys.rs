//! Idempotency keys: a retried submission returns the feedback it first created.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::schema::idempotency_keys;
use super::Conn;

/// A stored key.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = idempotency_keys)]
pub struct IdempotencyKey {
    /// The client's key, scoped and hashed.
    pub key: String,
    /// Hash of the request it came with.
    pub request_hash: String,
    /// The feedback it created.
    pub tracking_code: String,
    /// When first used.
    pub created_at: NaiveDateTime,
}

/// The stored key, if any.
pub fn find(conn: &mut Conn, key: &str) -> QueryResult<Option<IdempotencyKey>> {
    idempotency_keys::table.find(key).select(IdempotencyKey::as_select()).first(conn).optional()
}

/// Stores a key (fails with a unique violation if another writer stored it first).
pub fn insert(conn: &mut Conn, row: &IdempotencyKey) -> QueryResult<()> {
    diesel::insert_into(idempotency_keys::table).values(row).execute(conn).map(|_| ())
}
