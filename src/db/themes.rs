//! Pain-point themes of a service.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::schema::{backlog_themes, feedback, theme_redirects, themes};
use super::Conn;

/// A stored theme.
#[derive(Debug, Clone, Queryable, Selectable, Identifiable)]
#[diesel(table_name = themes)]
pub struct Theme {
    /// Row id.
    pub id: i64,
    /// The service it belongs to.
    pub service_id: i64,
    /// Label in Bangla.
    pub label_bn: String,
    /// Label in English.
    pub label_en: String,
    /// Pain category's stored form.
    pub category: String,
    /// A designer chose the category (the lexicon no longer changes it).
    pub category_by_designer: bool,
    /// Lexicon votes of its members (encoded).
    pub category_votes: String,
    /// A designer confirmed it: automatic regrouping keeps it and its members.
    pub confirmed: bool,
    /// Its members' shingle centroid (encoded).
    pub centroid: String,
    /// When created.
    pub created_at: NaiveDateTime,
    /// When last changed (a member joined, or a designer edited it).
    pub updated_at: NaiveDateTime,
    /// A designer wrote the labels (nothing automatic changes them); else they are suggested.
    pub label_by_designer: bool,
    /// When a designer published it on the citizens' page (shown there from 5 voices); `None`: not shown.
    pub published_at: Option<NaiveDateTime>,
}

/// A theme to insert.
#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = themes)]
pub struct NewTheme {
    /// The service.
    pub service_id: i64,
    /// Label in Bangla.
    pub label_bn: String,
    /// Label in English.
    pub label_en: String,
    /// Category.
    pub category: String,
    /// Chosen by a designer.
    pub category_by_designer: bool,
    /// Lexicon votes.
    pub category_votes: String,
    /// Confirmed.
    pub confirmed: bool,
    /// Centroid.
    pub centroid: String,
    /// When created.
    pub created_at: NaiveDateTime,
    /// Same as `created_at`.
    pub updated_at: NaiveDateTime,
    /// The labels were written by a designer.
    pub label_by_designer: bool,
}

impl NewTheme {
    /// A theme opened automatically for its first text: suggested labels, its category with
    /// that text's vote, and the text's signature as centroid.
    pub fn automatic(
        service_id: i64,
        (label_bn, label_en): (String, String),
        votes: &crate::themes::CategoryVotes,
        centroid: &crate::themes::Centroid,
        now: NaiveDateTime,
    ) -> Self {
        NewTheme {
            service_id,
            label_bn,
            label_en,
            category: votes.winner().as_str().to_owned(),
            category_by_designer: false,
            category_votes: votes.encode(),
            confirmed: false,
            centroid: centroid.encode(),
            created_at: now,
            updated_at: now,
            label_by_designer: false,
        }
    }
}

/// Stores a theme; returns its id.
pub fn insert(conn: &mut Conn, new: &NewTheme) -> QueryResult<i64> {
    let id = diesel::insert_into(themes::table).values(new).returning(themes::id).get_result(conn)?;
    // SQLite may give a new theme the id of one merged away: that id now names this theme.
    diesel::delete(theme_redirects::table.find(id)).execute(conn)?;
    Ok(id)
}

/// Records that theme `old` was merged into `new`: its address leads there, and so do the
/// addresses that led to `old`.
pub fn redirect(conn: &mut Conn, old: i64, new: i64, now: NaiveDateTime) -> QueryResult<()> {
    diesel::update(theme_redirects::table.filter(theme_redirects::new_id.eq(old)))
        .set(theme_redirects::new_id.eq(new))
        .execute(conn)?;
    diesel::delete(theme_redirects::table.find(old)).execute(conn)?;
    diesel::insert_into(theme_redirects::table)
        .values((theme_redirects::old_id.eq(old), theme_redirects::new_id.eq(new), theme_redirects::created_at.eq(now)))
        .execute(conn)
        .map(drop)
}

/// The theme a merged theme's id leads to.
pub fn redirected(conn: &mut Conn, old: i64) -> QueryResult<Option<i64>> {
    theme_redirects::table.find(old).select(theme_redirects::new_id).first(conn).optional()
}

/// The theme with this id.
pub fn find(conn: &mut Conn, id: i64) -> QueryResult<Option<Theme>> {
    themes::table.find(id).select(Theme::as_select()).first(conn).optional()
}

/// Themes of a service, most recently grown first (at most `limit`).
pub fn recent_of_service(conn: &mut Conn, service_id: i64, limit: i64) -> QueryResult<Vec<Theme>> {
    themes::table
        .filter(themes::service_id.eq(service_id))
        .order((themes::updated_at.desc(), themes::id.desc()))
        .limit(limit)
        .select(Theme::as_select())
        .load(conn)
}

/// Themes with these ids.
pub fn with_ids(conn: &mut Conn, ids: &[i64]) -> QueryResult<Vec<Theme>> {
    let mut all = Vec::new();
    for chunk in ids.chunks(500) {
        all.extend(themes::table.filter(themes::id.eq_any(chunk)).select(Theme::as_select()).load(conn)?);
    }
    Ok(all)
}

/// Every theme of a service.
pub fn of_service(conn: &mut Conn, service_id: i64) -> QueryResult<Vec<Theme>> {
    themes::table.filter(themes::service_id.eq(service_id)).order(themes::id).select(Theme::as_select()).load(conn)
}

/// Writes a theme's centroid and votes after members joined (and the category, unless a designer chose it).
pub fn set_grouping(
    conn: &mut Conn,
    id: i64,
    centroid: &str,
    votes: &str,
    category: Option<&str>,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    let target = themes::table.find(id);
    match category {
        Some(category) => {
            touch_service_of(conn, id)?;
            diesel::update(target)
                .set((
                    themes::centroid.eq(centroid),
                    themes::category_votes.eq(votes),
                    themes::category.eq(category),
                    themes::updated_at.eq(now),
                ))
                .execute(conn)
        }
        None => diesel::update(target)
            .set((themes::centroid.eq(centroid), themes::category_votes.eq(votes), themes::updated_at.eq(now)))
            .execute(conn),
    }
}

/// A theme's grouping after new members joined: (id, centroid, votes, category or `None` to keep it).
pub type Regrouped<'a> = (i64, String, String, Option<&'a str>);

/// Writes many themes' grouping at once (PostgreSQL: one statement, so two writers spend
/// one round trip, not one per theme, holding each other's row locks).
pub fn set_grouping_many(conn: &mut Conn, rows: &[Regrouped], now: NaiveDateTime) -> QueryResult<()> {
    match conn {
        Conn::Pg(c) => {
            use diesel::sql_types::{Array, BigInt, Nullable, Text, Timestamp};
            diesel::sql_query(
                "UPDATE themes SET centroid = v.centroid, category_votes = v.votes, \
                 category = COALESCE(v.category, themes.category), updated_at = $5 \
                 FROM UNNEST($1::int8[], $2::text[], $3::text[], $4::text[]) AS v(id, centroid, votes, category) \
                 WHERE themes.id = v.id",
            )
            .bind::<Array<BigInt>, _>(rows.iter().map(|r| r.0).collect::<Vec<_>>())
            .bind::<Array<Text>, _>(rows.iter().map(|r| r.1.clone()).collect::<Vec<_>>())
            .bind::<Array<Text>, _>(rows.iter().map(|r| r.2.clone()).collect::<Vec<_>>())
            .bind::<Array<Nullable<Text>>, _>(rows.iter().map(|r| r.3.map(str::to_owned)).collect::<Vec<_>>())
            .bind::<Timestamp, _>(now)
            .execute(c)
            .map(drop)
        }
        Conn::Sqlite(_) => {
            for (id, centroid, votes, category) in rows {
                set_grouping(conn, *id, centroid, votes, *category, now)?;
            }
            Ok(())
        }
    }
}

/// Replaces a theme's suggested labels, unless a designer has written them (then nothing changes).
pub fn set_auto_labels(conn: &mut Conn, id: i64, label_bn: &str, label_en: &str) -> QueryResult<usize> {
    diesel::update(themes::table.find(id).filter(themes::label_by_designer.eq(false)))
        .set((themes::label_bn.eq(label_bn), themes::label_en.eq(label_en)))
        .execute(conn)
}

/// What a designer may change on a theme.
#[derive(Debug, Clone, Default, AsChangeset)]
#[diesel(table_name = themes)]
pub struct ThemeChanges {
    /// New Bangla label.
    pub label_bn: Option<String>,
    /// New English label.
    pub label_en: Option<String>,
    /// New category.
    pub category: Option<String>,
    /// Category now chosen by a designer.
    pub category_by_designer: Option<bool>,
    /// Labels now written by a designer.
    pub label_by_designer: Option<bool>,
    /// Confirmed or not.
    pub confirmed: Option<bool>,
    /// When.
    pub updated_at: Option<NaiveDateTime>,
}

/// Applies a designer's changes.
pub fn update(conn: &mut Conn, id: i64, changes: &ThemeChanges) -> QueryResult<usize> {
    if changes.category.is_some() {
        touch_service_of(conn, id)?;
    }
    diesel::update(themes::table.find(id)).set(changes).execute(conn)
}

/// A theme's category feeds the backlog's severity: its service's counters are marked changed.
fn touch_service_of(conn: &mut Conn, id: i64) -> QueryResult<()> {
    match themes::table.find(id).select(themes::service_id).first::<i64>(conn).optional()? {
        Some(service_id) => super::service_counts::touch(conn, service_id),
        None => Ok(()),
    }
}

/// Deletes a theme (its members must have moved first).
pub fn delete(conn: &mut Conn, id: i64) -> QueryResult<usize> {
    diesel::delete(themes::table.find(id)).execute(conn)
}

/// Deletes the themes of a service that are not confirmed and have no members left.
pub fn delete_empty_unconfirmed(conn: &mut Conn, service_id: i64) -> QueryResult<usize> {
    // NOT EXISTS probes the theme index per theme instead of reading every feedback's theme.
    let member = feedback::table.filter(feedback::theme_id.eq(themes::id.nullable()));
    // A theme a backlog item addresses stays, even empty: the item still names it.
    let linked = backlog_themes::table.filter(backlog_themes::theme_id.eq(themes::id));
    diesel::delete(
        themes::table
            .filter(themes::service_id.eq(service_id))
            .filter(themes::confirmed.eq(false))
            .filter(diesel::dsl::not(diesel::dsl::exists(member)))
            .filter(diesel::dsl::not(diesel::dsl::exists(linked))),
    )
    .execute(conn)
}

/// When each of a service's most recently grown themes last changed (at most `limit`), without
/// their centroids: enough to tell whether a cached copy is still current.
pub fn recent_stamps(conn: &mut Conn, service_id: i64, limit: i64) -> QueryResult<Vec<(i64, NaiveDateTime)>> {
    themes::table
        .filter(themes::service_id.eq(service_id))
        .order((themes::updated_at.desc(), themes::id.desc()))
        .limit(limit)
        .select((themes::id, themes::updated_at))
        .load(conn)
}

/// For each of these services: when its themes last changed and how many it has, a version
/// that any change to its themes (new, edited, grown, merged away) moves.
pub fn versions(conn: &mut Conn, service_ids: &[i64]) -> QueryResult<Vec<(i64, Option<NaiveDateTime>, i64)>> {
    themes::table
        .filter(themes::service_id.eq_any(service_ids))
        .group_by(themes::service_id)
        .select((themes::service_id, diesel::dsl::max(themes::updated_at), diesel::dsl::count_star()))
        .load(conn)
}

/// A theme as pages list it: no centroid or votes (each centroid is about 1.6 KB).
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = themes)]
pub struct ThemeLabel {
    /// Row id.
    pub id: i64,
    /// Label in Bangla.
    pub label_bn: String,
    /// Label in English.
    pub label_en: String,
    /// Pain category's stored form.
    pub category: String,
    /// Confirmed by a designer.
    pub confirmed: bool,
    /// The labels were written by a designer (else suggested automatically).
    pub label_by_designer: bool,
    /// Published on the citizens' page.
    pub published_at: Option<NaiveDateTime>,
}

/// The labels of every theme of a service.
pub fn labels_of_service(conn: &mut Conn, service_id: i64) -> QueryResult<Vec<ThemeLabel>> {
    themes::table.filter(themes::service_id.eq(service_id)).order(themes::id).select(ThemeLabel::as_select()).load(conn)
}

/// Publishes the theme on the citizens' page (`Some(now)`, which also confirms it, so that
/// regrouping keeps it) or takes it off (`None`).
pub fn set_published(conn: &mut Conn, id: i64, at: Option<NaiveDateTime>, now: NaiveDateTime) -> QueryResult<usize> {
    match at {
        Some(_) => diesel::update(themes::table.find(id))
            .set((themes::published_at.eq(at), themes::confirmed.eq(true), themes::updated_at.eq(now)))
            .execute(conn),
        None => diesel::update(themes::table.find(id))
            .set((themes::published_at.eq(at), themes::updated_at.eq(now)))
            .execute(conn),
    }
}

/// Ids of a service's themes that a backlog item addresses.
pub fn linked_to_backlog(conn: &mut Conn, service_id: i64) -> QueryResult<Vec<i64>> {
    themes::table
        .inner_join(backlog_themes::table.on(backlog_themes::theme_id.eq(themes::id)))
        .filter(themes::service_id.eq(service_id))
        .select(themes::id)
        .distinct()
        .load(conn)
}
