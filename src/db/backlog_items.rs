//! Backlog items (one per service) and the themes each addresses.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::schema::{backlog_items, backlog_themes};
use super::Conn;

/// A stored backlog item.
#[derive(Debug, Clone, Queryable, Selectable, Identifiable)]
#[diesel(table_name = backlog_items)]
pub struct BacklogItem {
    /// Row id.
    pub id: i64,
    /// The service it would turn into an e-service.
    pub service_id: i64,
    /// Problem statement in Bangla.
    pub problem_bn: String,
    /// Problem statement in English.
    pub problem_en: String,
    /// Stored form of `domain::backlog::Status`.
    pub status: String,
    /// Why it was dropped (when dropped).
    pub drop_reason: Option<String>,
    /// Target fiscal year, `2026-27`.
    pub target_year: Option<String>,
    /// The office that owns the conversion (defaults to the service's office).
    pub owner_office_id: Option<i64>,
    /// Who promoted it.
    pub created_by: Option<i64>,
    /// When promoted.
    pub created_at: NaiveDateTime,
    /// When last changed.
    pub updated_at: NaiveDateTime,
}

/// A backlog item to insert.
#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = backlog_items)]
pub struct NewBacklogItem {
    /// The service.
    pub service_id: i64,
    /// Problem statement in Bangla.
    pub problem_bn: String,
    /// Problem statement in English.
    pub problem_en: String,
    /// Initial status (`identified`).
    pub status: String,
    /// Target fiscal year.
    pub target_year: Option<String>,
    /// Owner office.
    pub owner_office_id: Option<i64>,
    /// Who promoted it.
    pub created_by: Option<i64>,
    /// When promoted.
    pub created_at: NaiveDateTime,
    /// Same as `created_at`.
    pub updated_at: NaiveDateTime,
}

/// Inserts an item (a second item for the same service is a unique violation).
pub fn insert(conn: &mut Conn, new: &NewBacklogItem) -> QueryResult<BacklogItem> {
    diesel::insert_into(backlog_items::table)
        .values(new)
        .returning(backlog_items::id)
        .get_result::<i64>(conn)
        .and_then(|id| backlog_items::table.find(id).select(BacklogItem::as_select()).first(conn))
}

/// The item with this id, if any.
pub fn find(conn: &mut Conn, id: i64) -> QueryResult<Option<BacklogItem>> {
    backlog_items::table.find(id).select(BacklogItem::as_select()).first(conn).optional()
}

/// The item of a service, if it was promoted.
pub fn for_service(conn: &mut Conn, service_id: i64) -> QueryResult<Option<BacklogItem>> {
    backlog_items::table
        .filter(backlog_items::service_id.eq(service_id))
        .select(BacklogItem::as_select())
        .first(conn)
        .optional()
}

/// Every item (the backlog is at most one row per service, so this stays small).
pub fn all(conn: &mut Conn) -> QueryResult<Vec<BacklogItem>> {
    backlog_items::table.order(backlog_items::id).select(BacklogItem::as_select()).load(conn)
}

/// Writes an item's editable fields back.
pub fn save(conn: &mut Conn, item: &BacklogItem) -> QueryResult<()> {
    diesel::update(backlog_items::table.find(item.id))
        .set((
            backlog_items::problem_bn.eq(&item.problem_bn),
            backlog_items::problem_en.eq(&item.problem_en),
            backlog_items::status.eq(&item.status),
            backlog_items::drop_reason.eq(&item.drop_reason),
            backlog_items::target_year.eq(&item.target_year),
            backlog_items::owner_office_id.eq(item.owner_office_id),
            backlog_items::updated_at.eq(item.updated_at),
        ))
        .execute(conn)
        .map(drop)
}

/// The themes an item addresses.
pub fn theme_ids(conn: &mut Conn, item_id: i64) -> QueryResult<Vec<i64>> {
    backlog_themes::table
        .filter(backlog_themes::backlog_item_id.eq(item_id))
        .order(backlog_themes::theme_id)
        .select(backlog_themes::theme_id)
        .load(conn)
}

/// Every (item, theme) link.
pub fn all_theme_links(conn: &mut Conn) -> QueryResult<Vec<(i64, i64)>> {
    backlog_themes::table.select((backlog_themes::backlog_item_id, backlog_themes::theme_id)).load(conn)
}

/// Replaces the themes an item addresses.
pub fn set_themes(conn: &mut Conn, item_id: i64, theme_ids: &[i64]) -> QueryResult<()> {
    diesel::delete(backlog_themes::table.filter(backlog_themes::backlog_item_id.eq(item_id))).execute(conn)?;
    for theme_id in theme_ids {
        diesel::insert_into(backlog_themes::table)
            .values((backlog_themes::backlog_item_id.eq(item_id), backlog_themes::theme_id.eq(*theme_id)))
            .execute(conn)?;
    }
    Ok(())
}

/// Moves a theme's links to another theme (after a merge), without duplicates.
pub fn relink_theme(conn: &mut Conn, from: i64, to: i64) -> QueryResult<()> {
    let items: Vec<i64> = backlog_themes::table
        .filter(backlog_themes::theme_id.eq(from))
        .select(backlog_themes::backlog_item_id)
        .load(conn)?;
    diesel::delete(backlog_themes::table.filter(backlog_themes::theme_id.eq(from))).execute(conn)?;
    for item in items {
        let linked = diesel::select(diesel::dsl::exists(
            backlog_themes::table
                .filter(backlog_themes::backlog_item_id.eq(item))
                .filter(backlog_themes::theme_id.eq(to)),
        ))
        .get_result::<bool>(conn)?;
        if !linked {
            diesel::insert_into(backlog_themes::table)
                .values((backlog_themes::backlog_item_id.eq(item), backlog_themes::theme_id.eq(to)))
                .execute(conn)?;
        }
    }
    Ok(())
}
