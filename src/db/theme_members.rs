//! Feedback as members of themes: who is in a theme, and moving them.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::schema::feedback;
use super::Conn;

/// What grouping needs of one feedback entry.
#[derive(Debug, Clone, Queryable)]
pub struct Member {
    /// Feedback id.
    pub id: i64,
    /// The text others may read (`None` on old rows: mask `body`).
    pub public_body: Option<String>,
    /// The original text.
    pub body: String,
    /// Its theme.
    pub theme_id: Option<i64>,
    /// Placed by a designer.
    pub theme_pinned: bool,
    /// Personal data found in the text.
    pub has_personal_data: bool,
    /// "Me too" voices.
    pub extra_voices: i32,
}

impl Member {
    /// The text grouping and citizens see.
    pub fn public_text(&self) -> String {
        self.public_body.clone().unwrap_or_else(|| crate::domain::pii::mask(&self.body))
    }
}

macro_rules! member_columns {
    () => {
        (
            feedback::id,
            feedback::public_body,
            feedback::body,
            feedback::theme_id,
            feedback::theme_pinned,
            feedback::has_personal_data,
            feedback::extra_voices,
        )
    };
}

/// Every visible feedback of a service (for regrouping).
pub fn visible_of_service(conn: &mut Conn, service_id: i64) -> QueryResult<Vec<Member>> {
    feedback::table
        .filter(feedback::service_id.eq(service_id))
        .filter(feedback::moderation.eq("visible"))
        .select(member_columns!())
        .order(feedback::id)
        .load(conn)
}

/// The most recent visible members of a theme (at most `limit`).
pub fn recent_of_theme(conn: &mut Conn, theme_id: i64, limit: i64) -> QueryResult<Vec<Member>> {
    feedback::table
        .filter(feedback::theme_id.eq(theme_id))
        .filter(feedback::moderation.eq("visible"))
        .select(member_columns!())
        .order(feedback::id.desc())
        .limit(limit)
        .load(conn)
}

/// The members with these ids.
pub fn with_ids(conn: &mut Conn, ids: &[i64]) -> QueryResult<Vec<Member>> {
    let mut all = Vec::new();
    for chunk in ids.chunks(500) {
        all.extend(feedback::table.filter(feedback::id.eq_any(chunk)).select(member_columns!()).load(conn)?);
    }
    Ok(all)
}

/// Ids of the visible feedback in a theme, oldest first.
pub fn visible_ids_of_theme(conn: &mut Conn, theme_id: i64) -> QueryResult<Vec<i64>> {
    feedback::table
        .filter(feedback::theme_id.eq(theme_id))
        .filter(feedback::moderation.eq("visible"))
        .select(feedback::id)
        .order(feedback::id)
        .load(conn)
}

/// Puts feedback into a theme (`pinned`: a designer's choice that regrouping keeps).
pub fn set_theme(
    conn: &mut Conn,
    ids: &[i64],
    theme_id: Option<i64>,
    pinned: bool,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    let mut changed = 0;
    for chunk in ids.chunks(500) {
        changed += diesel::update(feedback::table.filter(feedback::id.eq_any(chunk)))
            .set((feedback::theme_id.eq(theme_id), feedback::theme_pinned.eq(pinned), feedback::updated_at.eq(now)))
            .execute(conn)?;
    }
    Ok(changed)
}

/// Moves every feedback of one theme to another (merging). Every member of the merged
/// theme is pinned there, so that a regroup never undoes a designer's merge.
pub fn move_all(conn: &mut Conn, from: i64, to: i64, now: NaiveDateTime) -> QueryResult<usize> {
    let moved = diesel::update(feedback::table.filter(feedback::theme_id.eq(from)))
        .set((feedback::theme_id.eq(to), feedback::updated_at.eq(now)))
        .execute(conn)?;
    diesel::update(feedback::table.filter(feedback::theme_id.eq(to)))
        .set(feedback::theme_pinned.eq(true))
        .execute(conn)?;
    Ok(moved)
}
