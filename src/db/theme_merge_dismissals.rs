//! Pairs of themes a designer said are not the same: "merge these?" never offers them again.
//! A pair is stored once, lower theme id first, and goes when either theme goes.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::schema::theme_merge_dismissals;
use super::{is_unique_violation, Conn};

/// A dismissed pair to store.
#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = theme_merge_dismissals)]
pub struct NewDismissal {
    /// The lower theme id.
    pub theme_a: i64,
    /// The higher theme id.
    pub theme_b: i64,
    /// Who said they differ (none for the command line).
    pub dismissed_by: Option<i64>,
    /// When.
    pub created_at: NaiveDateTime,
}

impl NewDismissal {
    /// The pair `x`, `y` in either order, lower id first.
    pub fn new(x: i64, y: i64, dismissed_by: Option<i64>, created_at: NaiveDateTime) -> Self {
        NewDismissal { theme_a: x.min(y), theme_b: x.max(y), dismissed_by, created_at }
    }
}

/// Whether the pair (in either order) is dismissed.
pub fn exists(conn: &mut Conn, x: i64, y: i64) -> QueryResult<bool> {
    let (a, b) = (x.min(y), x.max(y));
    diesel::select(diesel::dsl::exists(
        theme_merge_dismissals::table
            .filter(theme_merge_dismissals::theme_a.eq(a))
            .filter(theme_merge_dismissals::theme_b.eq(b)),
    ))
    .get_result(conn)
}

/// Stores a dismissal; `false` when the pair was dismissed already (nothing changes).
pub fn insert(conn: &mut Conn, new: &NewDismissal) -> QueryResult<bool> {
    if exists(conn, new.theme_a, new.theme_b)? {
        return Ok(false);
    }
    insert_once(conn, new)
}

/// Inserts inside a savepoint; a unique violation (a concurrent dismissal of the same pair)
/// is rolled back to the savepoint and read as `false`, so the caller's transaction goes on
/// (`ON CONFLICT` does not go through the multi-backend connection).
pub fn insert_once(conn: &mut Conn, new: &NewDismissal) -> QueryResult<bool> {
    let inserted = conn.transaction(|c| diesel::insert_into(theme_merge_dismissals::table).values(new).execute(c));
    match inserted {
        Ok(_) => Ok(true),
        Err(e) if is_unique_violation(&e) => Ok(false),
        Err(e) => Err(e),
    }
}

/// The dismissed pairs `(lower id, higher id)` among these themes.
pub fn among(conn: &mut Conn, theme_ids: &[i64]) -> QueryResult<Vec<(i64, i64)>> {
    if theme_ids.is_empty() {
        return Ok(Vec::new());
    }
    let mut all = Vec::new();
    for chunk in theme_ids.chunks(500) {
        all.extend(
            theme_merge_dismissals::table
                .filter(theme_merge_dismissals::theme_a.eq_any(chunk))
                .select((theme_merge_dismissals::theme_a, theme_merge_dismissals::theme_b))
                .load::<(i64, i64)>(conn)?,
        );
    }
    let wanted: std::collections::HashSet<i64> = theme_ids.iter().copied().collect();
    all.retain(|(_, b)| wanted.contains(b));
    Ok(all)
}
