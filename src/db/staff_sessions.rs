//! Log-in sessions: the browser holds a random token, the table its hash.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::schema::{staff_sessions, staff_tokens, staff_users};
use super::staff_users::StaffUser;
use super::Conn;

/// A stored session.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = staff_sessions)]
pub struct StaffSession {
    /// Row id.
    pub id: i64,
    /// SHA-256 of the cookie's token.
    pub token_hash: String,
    /// Whose session.
    pub staff_id: i64,
    /// The token every form of this session must carry.
    pub csrf_token: String,
    /// When logged in.
    pub created_at: NaiveDateTime,
    /// When it stops working.
    pub expires_at: NaiveDateTime,
}

/// Stores a new session.
pub fn insert(
    conn: &mut Conn,
    token_hash: &str,
    staff_id: i64,
    csrf_token: &str,
    now: NaiveDateTime,
    expires_at: NaiveDateTime,
) -> QueryResult<()> {
    diesel::insert_into(staff_sessions::table)
        .values((
            staff_sessions::token_hash.eq(token_hash),
            staff_sessions::staff_id.eq(staff_id),
            staff_sessions::csrf_token.eq(csrf_token),
            staff_sessions::created_at.eq(now),
            staff_sessions::expires_at.eq(expires_at),
        ))
        .execute(conn)
        .map(drop)
}

/// The live session with this token hash and its enabled account.
pub fn find_live(
    conn: &mut Conn,
    token_hash: &str,
    now: NaiveDateTime,
) -> QueryResult<Option<(StaffSession, StaffUser)>> {
    staff_sessions::table
        .inner_join(staff_users::table)
        .filter(staff_sessions::token_hash.eq(token_hash))
        .filter(staff_sessions::expires_at.gt(now))
        .filter(staff_users::disabled_at.is_null())
        .select((StaffSession::as_select(), StaffUser::as_select()))
        .first(conn)
        .optional()
}

/// Ends one session (log-out).
pub fn delete_by_hash(conn: &mut Conn, token_hash: &str) -> QueryResult<usize> {
    diesel::delete(staff_sessions::table.filter(staff_sessions::token_hash.eq(token_hash))).execute(conn)
}

/// Ends every session of an account (disabled or password changed).
pub fn delete_for_staff(conn: &mut Conn, staff_id: i64) -> QueryResult<usize> {
    diesel::delete(staff_sessions::table.filter(staff_sessions::staff_id.eq(staff_id))).execute(conn)
}

/// Forgets sessions that have expired.
pub fn delete_expired(conn: &mut Conn, now: NaiveDateTime) -> QueryResult<usize> {
    diesel::delete(staff_sessions::table.filter(staff_sessions::expires_at.le(now))).execute(conn)
}

/// A staff API token as listed (never its secret).
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = staff_tokens)]
pub struct StaffToken {
    /// Row id.
    pub id: i64,
    /// Owner.
    pub staff_id: i64,
    /// What it is for.
    pub name: String,
    /// First characters of the token.
    pub token_prefix: String,
    /// When issued.
    pub created_at: NaiveDateTime,
    /// When revoked.
    pub revoked_at: Option<NaiveDateTime>,
}

/// Stores a new API token for an account; returns its id.
pub fn insert_token(
    conn: &mut Conn,
    staff_id: i64,
    name: &str,
    prefix: &str,
    hash: &str,
    now: NaiveDateTime,
) -> QueryResult<i64> {
    diesel::insert_into(staff_tokens::table)
        .values((
            staff_tokens::staff_id.eq(staff_id),
            staff_tokens::name.eq(name),
            staff_tokens::token_prefix.eq(prefix),
            staff_tokens::token_hash.eq(hash),
            staff_tokens::created_at.eq(now),
        ))
        .returning(staff_tokens::id)
        .get_result(conn)
}

/// The enabled account owning the unrevoked token with this hash.
pub fn find_token_owner(conn: &mut Conn, hash: &str) -> QueryResult<Option<StaffUser>> {
    staff_tokens::table
        .inner_join(staff_users::table)
        .filter(staff_tokens::token_hash.eq(hash))
        .filter(staff_tokens::revoked_at.is_null())
        .filter(staff_users::disabled_at.is_null())
        .select(StaffUser::as_select())
        .first(conn)
        .optional()
}

/// The tokens of an account, newest first.
pub fn list_tokens(conn: &mut Conn, staff_id: i64) -> QueryResult<Vec<StaffToken>> {
    staff_tokens::table
        .filter(staff_tokens::staff_id.eq(staff_id))
        .order(staff_tokens::id.desc())
        .select(StaffToken::as_select())
        .load(conn)
}

/// Revokes every token of an account still in use (it was disabled); returns how many.
pub fn revoke_all_tokens(conn: &mut Conn, staff_id: i64, now: NaiveDateTime) -> QueryResult<usize> {
    diesel::update(
        staff_tokens::table.filter(staff_tokens::staff_id.eq(staff_id)).filter(staff_tokens::revoked_at.is_null()),
    )
    .set(staff_tokens::revoked_at.eq(now))
    .execute(conn)
}

/// Revokes one of an account's tokens; returns how many changed (0: not its token).
pub fn revoke_token(conn: &mut Conn, staff_id: i64, id: i64, now: NaiveDateTime) -> QueryResult<usize> {
    diesel::update(
        staff_tokens::table
            .filter(staff_tokens::id.eq(id))
            .filter(staff_tokens::staff_id.eq(staff_id))
            .filter(staff_tokens::revoked_at.is_null()),
    )
    .set(staff_tokens::revoked_at.eq(now))
    .execute(conn)
}
