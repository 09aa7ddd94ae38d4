//! The retired table of retry keys: keys are kept on their feedback now ([`crate::intake::retry`]);
//! the keys stored here before are read until the retention job has dropped the last of them.

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

/// The stored keys among `keys` (at most a few hundred: one statement).
pub fn find_many(conn: &mut Conn, keys: &[&str]) -> QueryResult<Vec<IdempotencyKey>> {
    if keys.is_empty() {
        return Ok(Vec::new());
    }
    idempotency_keys::table.filter(idempotency_keys::key.eq_any(keys)).select(IdempotencyKey::as_select()).load(conn)
}
