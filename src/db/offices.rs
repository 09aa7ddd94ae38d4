//! Offices (departments, directorates) of a ministry.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::schema::offices;
use super::Conn;

/// A stored office.
#[derive(Debug, Clone, Queryable, Selectable, Identifiable)]
#[diesel(table_name = offices)]
pub struct Office {
    /// Row id.
    pub id: i64,
    /// The ministry it belongs to.
    pub ministry_id: i64,
    /// Short code, unique across ministries (`DIP`).
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

/// An office to insert or update by code.
#[derive(Debug, Clone, Insertable, AsChangeset)]
#[diesel(table_name = offices)]
pub struct NewOffice<'a> {
    /// The ministry it belongs to.
    pub ministry_id: i64,
    /// Short code.
    pub code: &'a str,
    /// Name in Bangla.
    pub name_bn: &'a str,
    /// Name in English.
    pub name_en: &'a str,
    /// Time of this write.
    pub updated_at: NaiveDateTime,
}

/// Inserts the office, or updates it when the code exists; returns its id.
pub fn upsert(conn: &mut Conn, new: &NewOffice) -> QueryResult<i64> {
    let existing =
        offices::table.filter(offices::code.eq(new.code)).select(offices::id).first::<i64>(conn).optional()?;
    match existing {
        Some(id) => {
            diesel::update(offices::table.find(id)).set(new).execute(conn)?;
            Ok(id)
        }
        None => diesel::insert_into(offices::table)
            .values((new, offices::created_at.eq(new.updated_at)))
            .returning(offices::id)
            .get_result(conn),
    }
}

/// The offices of a ministry, by English name.
pub fn list_for_ministry(conn: &mut Conn, ministry_id: i64) -> QueryResult<Vec<Office>> {
    offices::table
        .filter(offices::ministry_id.eq(ministry_id))
        .order(offices::name_en.asc())
        .select(Office::as_select())
        .load(conn)
}
