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

/// The stored keys among `keys` (at most a few hundred: one statement).
pub fn find_many(conn: &mut Conn, keys: &[&str]) -> QueryResult<Vec<IdempotencyKey>> {
    if keys.is_empty() {
        return Ok(Vec::new());
    }
    idempotency_keys::table.filter(idempotency_keys::key.eq_any(keys)).select(IdempotencyKey::as_select()).load(conn)
}

/// Stores a key (fails with a unique violation if another writer stored it first).
pub fn insert(conn: &mut Conn, row: &IdempotencyKey) -> QueryResult<()> {
    diesel::insert_into(idempotency_keys::table).values(row).execute(conn).map(|_| ())
}

/// Stores several keys in one statement, passing over keys stored before (by an earlier
/// group or another process); returns those, whose rows the caller then reads.
pub fn insert_new(conn: &mut Conn, rows: &[IdempotencyKey]) -> QueryResult<Vec<String>> {
    #[derive(QueryableByName)]
    struct Inserted {
        #[diesel(sql_type = diesel::sql_types::Text)]
        key: String,
    }
    if rows.is_empty() {
        return Ok(Vec::new());
    }
    // ON CONFLICT does not go through the multi-backend connection: each backend is named here.
    let inserted: Vec<Inserted> = match conn {
        Conn::Pg(c) => {
            use diesel::sql_types::{Array, Text, Timestamp};
            fn col<T>(rows: &[IdempotencyKey], f: impl Fn(&IdempotencyKey) -> T) -> Vec<T> {
                rows.iter().map(f).collect()
            }
            diesel::sql_query(
                "INSERT INTO idempotency_keys (key, request_hash, tracking_code, created_at) \
                 SELECT * FROM UNNEST($1::text[], $2::text[], $3::text[], $4::timestamp[]) \
                 ON CONFLICT (key) DO NOTHING RETURNING key",
            )
            .bind::<Array<Text>, _>(col(rows, |r| r.key.clone()))
            .bind::<Array<Text>, _>(col(rows, |r| r.request_hash.clone()))
            .bind::<Array<Text>, _>(col(rows, |r| r.tracking_code.clone()))
            .bind::<Array<Timestamp>, _>(col(rows, |r| r.created_at))
            .load(c)?
        }
        Conn::Sqlite(c) => {
            use diesel::sql_types::{Text, Timestamp};
            let values = vec!["(?, ?, ?, ?)"; rows.len()].join(", ");
            let mut q = diesel::sql_query(format!(
                "INSERT INTO idempotency_keys (key, request_hash, tracking_code, created_at) VALUES {values} \
                 ON CONFLICT (key) DO NOTHING RETURNING key"
            ))
            .into_boxed();
            for r in rows {
                q = q
                    .bind::<Text, _>(r.key.clone())
                    .bind::<Text, _>(r.request_hash.clone())
                    .bind::<Text, _>(r.tracking_code.clone())
                    .bind::<Timestamp, _>(r.created_at);
            }
            q.load(c)?
        }
    };
    let inserted: std::collections::HashSet<String> = inserted.into_iter().map(|i| i.key).collect();
    Ok(rows.iter().filter(|r| !inserted.contains(&r.key)).map(|r| r.key.clone()).collect())
}
