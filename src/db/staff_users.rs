//! Staff accounts and the ministries each may see.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::schema::{ministries, staff_ministries, staff_users};
use super::Conn;

/// A stored staff account.
#[derive(Debug, Clone, Queryable, Selectable, Identifiable)]
#[diesel(table_name = staff_users)]
pub struct StaffUser {
    /// Row id.
    pub id: i64,
    /// Log-in email (lower case).
    pub email: String,
    /// Full name.
    pub name: String,
    /// argon2id PHC string.
    pub password_hash: String,
    /// Role's stored form.
    pub role: String,
    /// Preferred language.
    pub locale: String,
    /// Wants the daily digest.
    pub digest_opt_in: bool,
    /// When disabled; a disabled account cannot log in or use a session or token.
    pub disabled_at: Option<NaiveDateTime>,
    /// When created.
    pub created_at: NaiveDateTime,
    /// When last changed.
    pub updated_at: NaiveDateTime,
}

/// A staff account to insert.
#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = staff_users)]
pub struct NewStaffUser<'a> {
    /// Log-in email (lower case).
    pub email: &'a str,
    /// Full name.
    pub name: &'a str,
    /// argon2id PHC string.
    pub password_hash: &'a str,
    /// Role's stored form.
    pub role: &'a str,
    /// Preferred language.
    pub locale: &'a str,
    /// Wants the daily digest.
    pub digest_opt_in: bool,
    /// When created.
    pub created_at: NaiveDateTime,
    /// Same as `created_at`.
    pub updated_at: NaiveDateTime,
}

/// Stores an account and the ministries it may see; returns its id.
pub fn insert(conn: &mut Conn, new: &NewStaffUser, ministry_ids: &[i64]) -> QueryResult<i64> {
    let id = diesel::insert_into(staff_users::table).values(new).returning(staff_users::id).get_result(conn)?;
    set_ministries(conn, id, ministry_ids)?;
    Ok(id)
}

/// Replaces the ministries an account may see.
pub fn set_ministries(conn: &mut Conn, staff_id: i64, ministry_ids: &[i64]) -> QueryResult<()> {
    diesel::delete(staff_ministries::table.filter(staff_ministries::staff_id.eq(staff_id))).execute(conn)?;
    for ministry_id in ministry_ids {
        diesel::insert_into(staff_ministries::table)
            .values((staff_ministries::staff_id.eq(staff_id), staff_ministries::ministry_id.eq(ministry_id)))
            .execute(conn)?;
    }
    Ok(())
}

/// The account with this id.
pub fn find(conn: &mut Conn, id: i64) -> QueryResult<Option<StaffUser>> {
    staff_users::table.find(id).select(StaffUser::as_select()).first(conn).optional()
}

/// The account with this (lower-case) email.
pub fn find_by_email(conn: &mut Conn, email: &str) -> QueryResult<Option<StaffUser>> {
    staff_users::table.filter(staff_users::email.eq(email)).select(StaffUser::as_select()).first(conn).optional()
}

/// Ids of the ministries an account is scoped to.
pub fn ministry_ids(conn: &mut Conn, staff_id: i64) -> QueryResult<Vec<i64>> {
    staff_ministries::table
        .filter(staff_ministries::staff_id.eq(staff_id))
        .select(staff_ministries::ministry_id)
        .order(staff_ministries::ministry_id)
        .load(conn)
}

/// Codes of the ministries of each listed account, as `(staff_id, code)`.
pub fn ministry_codes(conn: &mut Conn, staff_ids: &[i64]) -> QueryResult<Vec<(i64, String)>> {
    staff_ministries::table
        .inner_join(ministries::table)
        .filter(staff_ministries::staff_id.eq_any(staff_ids))
        .select((staff_ministries::staff_id, ministries::code))
        .order((staff_ministries::staff_id, ministries::code))
        .load(conn)
}

/// Every account, or (with `Some`) those scoped to any of the given ministries, by email.
pub fn list(conn: &mut Conn, within: Option<&[i64]>) -> QueryResult<Vec<StaffUser>> {
    let mut q = staff_users::table.select(StaffUser::as_select()).order(staff_users::email).into_boxed();
    if let Some(ids) = within {
        let scoped = staff_ministries::table
            .filter(staff_ministries::ministry_id.eq_any(ids.to_vec()))
            .select(staff_ministries::staff_id);
        q = q.filter(staff_users::id.eq_any(scoped));
    }
    q.load(conn)
}

/// Disables (`Some(when)`) or enables (`None`) an account.
pub fn set_disabled(conn: &mut Conn, id: i64, when: Option<NaiveDateTime>, now: NaiveDateTime) -> QueryResult<usize> {
    diesel::update(staff_users::table.find(id))
        .set((staff_users::disabled_at.eq(when), staff_users::updated_at.eq(now)))
        .execute(conn)
}

/// Sets a new password hash.
pub fn set_password_hash(conn: &mut Conn, id: i64, hash: &str, now: NaiveDateTime) -> QueryResult<usize> {
    diesel::update(staff_users::table.find(id))
        .set((staff_users::password_hash.eq(hash), staff_users::updated_at.eq(now)))
        .execute(conn)
}

/// Turns the daily digest on or off for an account.
pub fn set_digest_opt_in(conn: &mut Conn, id: i64, on: bool, now: NaiveDateTime) -> QueryResult<usize> {
    diesel::update(staff_users::table.find(id))
        .set((staff_users::digest_opt_in.eq(on), staff_users::updated_at.eq(now)))
        .execute(conn)
}
