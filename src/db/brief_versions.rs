//! Versions of a backlog item's design brief. Each save stores the whole design as a new
//! version numbered one above the last; a version is never changed. Two saves over the same
//! version cannot both land: the second breaks the `(item, number)` key and is refused.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::schema::brief_versions;
use super::Conn;

/// One stored version.
#[derive(Debug, Clone, Queryable, Selectable, Identifiable)]
#[diesel(table_name = brief_versions)]
pub struct BriefVersion {
    /// Row id.
    pub id: i64,
    /// The backlog item.
    pub backlog_item_id: i64,
    /// 1, 2, … per item.
    pub number: i32,
    /// The design, as JSON (`brief::design::Design`).
    pub design: String,
    /// What changed from the version before, as JSON (`brief::design_diff::Change`s).
    pub changes: String,
    /// Who saved it (none from the command line).
    pub staff_id: Option<i64>,
    /// Their name as it was then.
    pub saved_by: String,
    /// When.
    pub created_at: NaiveDateTime,
}

/// A version to store.
#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = brief_versions)]
pub struct NewBriefVersion {
    /// The item.
    pub backlog_item_id: i64,
    /// One above the last.
    pub number: i32,
    /// The design, as JSON.
    pub design: String,
    /// The changes, as JSON.
    pub changes: String,
    /// Who.
    pub staff_id: Option<i64>,
    /// Their name.
    pub saved_by: String,
    /// When.
    pub created_at: NaiveDateTime,
}

/// Stores a version.
pub fn insert(conn: &mut Conn, new: &NewBriefVersion) -> QueryResult<()> {
    diesel::insert_into(brief_versions::table).values(new).execute(conn).map(drop)
}

/// The item's latest version, if any was saved.
pub fn latest(conn: &mut Conn, item_id: i64) -> QueryResult<Option<BriefVersion>> {
    brief_versions::table
        .filter(brief_versions::backlog_item_id.eq(item_id))
        .order(brief_versions::number.desc())
        .select(BriefVersion::as_select())
        .first(conn)
        .optional()
}

/// The item's version `number`.
pub fn find(conn: &mut Conn, item_id: i64, number: i32) -> QueryResult<Option<BriefVersion>> {
    brief_versions::table
        .filter(brief_versions::backlog_item_id.eq(item_id))
        .filter(brief_versions::number.eq(number))
        .select(BriefVersion::as_select())
        .first(conn)
        .optional()
}

/// Every version of the item, newest first.
pub fn for_item(conn: &mut Conn, item_id: i64) -> QueryResult<Vec<BriefVersion>> {
    brief_versions::table
        .filter(brief_versions::backlog_item_id.eq(item_id))
        .order(brief_versions::number.desc())
        .select(BriefVersion::as_select())
        .load(conn)
}

/// The latest version of each of `item_ids` that has one, by item id.
pub fn latest_of_items(conn: &mut Conn, item_ids: &[i64]) -> QueryResult<std::collections::HashMap<i64, BriefVersion>> {
    let mut latest = std::collections::HashMap::new();
    for chunk in item_ids.chunks(500) {
        let found: Vec<BriefVersion> = brief_versions::table
            .filter(brief_versions::backlog_item_id.eq_any(chunk))
            .order((brief_versions::backlog_item_id, brief_versions::number))
            .select(BriefVersion::as_select())
            .load(conn)?;
        // Ordered by number: the last one of each item wins.
        latest.extend(found.into_iter().map(|v| (v.backlog_item_id, v)));
    }
    Ok(latest)
}
