//! Ministries and divisions.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::schema::{ministries, offices, services};
use super::Conn;

/// A stored ministry.
#[derive(Debug, Clone, Queryable, Selectable, Identifiable)]
#[diesel(table_name = ministries)]
pub struct Ministry {
    /// Row id.
    pub id: i64,
    /// Short code (`MOHA`).
    pub code: String,
    /// Name in Bangla.
    pub name_bn: String,
    /// Name in English.
    pub name_en: String,
    /// When first stored.
    pub created_at: NaiveDateTime,
    /// When last changed.
    pub updated_at: NaiveDateTime,
}

/// A ministry to insert or update by code.
#[derive(Debug, Clone, Insertable, AsChangeset)]
#[diesel(table_name = ministries)]
pub struct NewMinistry<'a> {
    /// Short code.
    pub code: &'a str,
    /// Name in Bangla.
    pub name_bn: &'a str,
    /// Name in English.
    pub name_en: &'a str,
    /// Time of this write.
    pub updated_at: NaiveDateTime,
}

/// Inserts the ministry, or updates its names when the code exists; returns its id.
pub fn upsert(conn: &mut Conn, new: &NewMinistry) -> QueryResult<i64> {
    let existing =
        ministries::table.filter(ministries::code.eq(new.code)).select(ministries::id).first::<i64>(conn).optional()?;
    match existing {
        Some(id) => {
            diesel::update(ministries::table.find(id)).set(new).execute(conn)?;
            Ok(id)
        }
        None => diesel::insert_into(ministries::table)
            .values((new, ministries::created_at.eq(new.updated_at)))
            .returning(ministries::id)
            .get_result(conn),
    }
}

/// Every ministry with the number of its services, by English name.
pub fn list_with_service_counts(conn: &mut Conn) -> QueryResult<Vec<(Ministry, i64)>> {
    ministries::table
        .left_join(offices::table.left_join(services::table))
        .group_by(ministries::all_columns)
        .select((Ministry::as_select(), diesel::dsl::count(services::id.nullable())))
        .order(ministries::name_en.asc())
        .load(conn)
}

/// The ministry with `code`, if any.
pub fn find_by_code(conn: &mut Conn, code: &str) -> QueryResult<Option<Ministry>> {
    ministries::table.filter(ministries::code.eq(code)).select(Ministry::as_select()).first(conn).optional()
}

/// How many ministries are stored.
pub fn count(conn: &mut Conn) -> QueryResult<i64> {
    ministries::table.count().get_result(conn)
}

/// Every ministry, or (with `Some`) only those with the given ids, by code.
pub fn list(conn: &mut Conn, within: Option<&[i64]>) -> QueryResult<Vec<Ministry>> {
    let mut q = ministries::table.select(Ministry::as_select()).order(ministries::code).into_boxed();
    if let Some(ids) = within {
        q = q.filter(ministries::id.eq_any(ids.to_vec()));
    }
    q.load(conn)
}
