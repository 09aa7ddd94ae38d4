//! Feedback as members of themes: who is in a theme, and moving them.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::schema::feedback;
use super::Conn;

/// What grouping needs of one feedback entry.
#[derive(Debug, Clone, Queryable, QueryableByName)]
#[diesel(table_name = feedback)]
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

/// The most recent visible feedback of a service, in a theme or not (at most `limit`).
pub fn recent_of_service(conn: &mut Conn, service_id: i64, limit: i64) -> QueryResult<Vec<Member>> {
    feedback::table
        .filter(feedback::service_id.eq(service_id))
        .filter(feedback::moderation.eq("visible"))
        .select(member_columns!())
        .order((feedback::created_at.desc(), feedback::id.desc()))
        .limit(limit)
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

/// Themes read by one statement of [`recent_of_themes`].
const THEMES_PER_STATEMENT: usize = 50;

/// The most recent visible members of each of these themes (at most `per_theme` each), in one
/// statement per fifty themes: a `UNION ALL` of one index-ordered, limited read per theme.
pub fn recent_of_themes(conn: &mut Conn, theme_ids: &[i64], per_theme: usize) -> QueryResult<Vec<Member>> {
    use diesel::sql_types::BigInt;
    fn statement(themes: usize, per_theme: usize, placeholder: impl Fn(usize) -> String) -> String {
        (0..themes)
            .map(|i| {
                format!(
                    "SELECT * FROM (SELECT id, public_body, body, theme_id, theme_pinned, has_personal_data, \
                     extra_voices FROM feedback WHERE theme_id = {} AND moderation = 'visible' \
                     ORDER BY id DESC LIMIT {per_theme}) AS m{i}",
                    placeholder(i + 1)
                )
            })
            .collect::<Vec<_>>()
            .join(" UNION ALL ")
    }
    macro_rules! load {
        ($c:expr, $sql:expr, $chunk:expr) => {{
            let mut q = diesel::sql_query($sql).into_boxed();
            for id in $chunk {
                q = q.bind::<BigInt, _>(*id);
            }
            q.load::<Member>($c)?
        }};
    }
    let mut all = Vec::new();
    for chunk in theme_ids.chunks(THEMES_PER_STATEMENT) {
        // Placeholders differ by backend, so each is named here.
        all.extend(match conn {
            Conn::Pg(c) => load!(c, statement(chunk.len(), per_theme, |n| format!("${n}")), chunk),
            Conn::Sqlite(c) => load!(c, statement(chunk.len(), per_theme, |_| "?".to_owned()), chunk),
        });
    }
    Ok(all)
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
