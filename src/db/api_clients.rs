//! Client systems allowed to submit feedback through Open311.

use chrono::{NaiveDateTime, Utc};
use diesel::prelude::*;

use super::schema::api_clients;
use super::Conn;

/// A stored client system.
#[derive(Debug, Clone, Queryable, Selectable, Identifiable)]
#[diesel(table_name = api_clients)]
pub struct ApiClient {
    /// Row id.
    pub id: i64,
    /// Who it is (`Dhaka North City app`).
    pub name: String,
    /// First characters of its key.
    pub key_prefix: String,
    /// SHA-256 of its key.
    pub key_hash: String,
    /// When issued.
    pub created_at: NaiveDateTime,
    /// When revoked; a revoked key is refused at once.
    pub revoked_at: Option<NaiveDateTime>,
}

/// A client system to insert.
#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = api_clients)]
pub struct NewApiClient<'a> {
    /// Who it is.
    pub name: &'a str,
    /// First characters of its key.
    pub key_prefix: &'a str,
    /// SHA-256 of its key.
    pub key_hash: &'a str,
    /// When issued.
    pub created_at: NaiveDateTime,
}

/// Stores a new client; returns its id.
pub fn insert(conn: &mut Conn, new: &NewApiClient) -> QueryResult<i64> {
    diesel::insert_into(api_clients::table).values(new).returning(api_clients::id).get_result(conn)
}

/// The client whose key hashes to `key_hash`, unless revoked.
pub fn find_active_by_hash(conn: &mut Conn, key_hash: &str) -> QueryResult<Option<ApiClient>> {
    api_clients::table
        .filter(api_clients::key_hash.eq(key_hash))
        .filter(api_clients::revoked_at.is_null())
        .select(ApiClient::as_select())
        .first(conn)
        .optional()
}

/// Revokes a client's key; returns whether an active client was revoked.
pub fn revoke(conn: &mut Conn, id: i64) -> QueryResult<bool> {
    let now = Utc::now().naive_utc();
    let changed = diesel::update(api_clients::table.find(id).filter(api_clients::revoked_at.is_null()))
        .set(api_clients::revoked_at.eq(now))
        .execute(conn)?;
    Ok(changed == 1)
}

/// Every client, newest first.
pub fn list(conn: &mut Conn) -> QueryResult<Vec<ApiClient>> {
    api_clients::table.order(api_clients::id.desc()).select(ApiClient::as_select()).load(conn)
}
