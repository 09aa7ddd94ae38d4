//! Where feedback came from (`intake_sources`: an operator and centre, or an
//! imported file), an operator's own recent entries, and inserting imported rows.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::feedback::{Feedback, NewFeedback};
use super::schema::{feedback, intake_sources, services};
use super::services::Service;
use super::Conn;
use crate::domain::feedback::Channel;
use crate::domain::provenance::Assisted;

/// Where feedback came from (one row per assisted entry, one per imported file).
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = intake_sources)]
pub struct Source {
    /// Row id.
    pub id: i64,
    /// `assisted` or `import`.
    pub channel: String,
    /// The operator who typed it.
    pub operator_id: Option<i64>,
    /// Their Union Digital Centre.
    pub centre: Option<String>,
    /// Whether the citizen's consent was asked.
    pub consent_asked: Option<bool>,
    /// `in-person` or `phone`.
    pub reached_by: Option<String>,
    /// The import's source label.
    pub source_label: Option<String>,
    /// The imported file's name.
    pub source_file: Option<String>,
    /// SHA-256 of the imported file.
    pub file_sha256: Option<String>,
    /// Who imported it (`None`: the command line).
    pub imported_by: Option<i64>,
    /// When.
    pub created_at: NaiveDateTime,
}

/// A source to insert.
#[derive(Debug, Clone, Default, Insertable)]
#[diesel(table_name = intake_sources)]
#[diesel(treat_none_as_default_value = false)]
pub struct NewSource {
    /// `assisted` or `import`.
    pub channel: String,
    /// The operator.
    pub operator_id: Option<i64>,
    /// Their centre.
    pub centre: Option<String>,
    /// Consent asked.
    pub consent_asked: Option<bool>,
    /// How reached.
    pub reached_by: Option<String>,
    /// Import label.
    pub source_label: Option<String>,
    /// Import file name.
    pub source_file: Option<String>,
    /// Import file hash.
    pub file_sha256: Option<String>,
    /// Importing staff member.
    pub imported_by: Option<i64>,
    /// When.
    pub created_at: NaiveDateTime,
}

/// Stores a source and returns its id.
pub fn insert_source(conn: &mut Conn, new: &NewSource) -> QueryResult<i64> {
    diesel::insert_into(intake_sources::table).values(new).returning(intake_sources::id).get_result(conn)
}

/// Records that an operator typed feedback `id` on a citizen's behalf (same transaction as the insert).
pub fn set_assisted(conn: &mut Conn, id: i64, assisted: &Assisted, now: NaiveDateTime) -> QueryResult<usize> {
    let source = insert_source(
        conn,
        &NewSource {
            channel: Channel::Assisted.as_str().to_owned(),
            operator_id: Some(assisted.operator_id),
            centre: Some(assisted.centre.clone()),
            consent_asked: Some(assisted.consent_asked),
            reached_by: Some(assisted.reached_by.as_str().to_owned()),
            created_at: now,
            ..NewSource::default()
        },
    )?;
    diesel::update(feedback::table.find(id)).set(feedback::provenance_id.eq(source)).execute(conn)
}

/// An operator's entries received at or after `since`, newest first, with their services and sources.
pub fn entered_by(
    conn: &mut Conn,
    operator_id: i64,
    since: NaiveDateTime,
    limit: i64,
) -> QueryResult<Vec<(Feedback, Service, Source)>> {
    feedback::table
        .inner_join(services::table)
        .inner_join(intake_sources::table)
        .filter(intake_sources::operator_id.eq(operator_id))
        .filter(feedback::created_at.ge(since))
        .select((Feedback::as_select(), Service::as_select(), Source::as_select()))
        .order((feedback::created_at.desc(), feedback::id.desc()))
        .limit(limit)
        .load(conn)
}

/// Entry `id` if `operator_id` made it at or after `since`.
pub fn entry_of(
    conn: &mut Conn,
    operator_id: i64,
    id: i64,
    since: NaiveDateTime,
) -> QueryResult<Option<(Feedback, Service, Source)>> {
    feedback::table
        .inner_join(services::table)
        .inner_join(intake_sources::table)
        .filter(feedback::id.eq(id))
        .filter(intake_sources::operator_id.eq(operator_id))
        .filter(feedback::created_at.ge(since))
        .select((Feedback::as_select(), Service::as_select(), Source::as_select()))
        .first(conn)
        .optional()
}

/// How many entries an operator made at or after `since`.
pub fn count_entered_by(conn: &mut Conn, operator_id: i64, since: NaiveDateTime) -> QueryResult<i64> {
    intake_sources::table
        .filter(intake_sources::operator_id.eq(operator_id))
        .filter(intake_sources::created_at.ge(since))
        .count()
        .get_result(conn)
}

/// The source of feedback `id`, if it has one.
pub fn source_of(conn: &mut Conn, id: i64) -> QueryResult<Option<Source>> {
    feedback::table
        .inner_join(intake_sources::table)
        .filter(feedback::id.eq(id))
        .select(Source::as_select())
        .first(conn)
        .optional()
}

/// Sources of the listed feedback, as `(feedback id, source)`.
pub fn sources_of(conn: &mut Conn, ids: &[i64]) -> QueryResult<Vec<(i64, Source)>> {
    feedback::table
        .inner_join(intake_sources::table)
        .filter(feedback::id.eq_any(ids))
        .select((feedback::id, Source::as_select()))
        .load(conn)
}

/// What an operator may correct in their own entry (counted facts and text).
#[derive(Debug, Clone, AsChangeset)]
#[diesel(table_name = feedback)]
#[diesel(treat_none_as_null = true)]
pub struct Correction {
    /// Kind's stored form.
    pub kind: String,
    /// The corrected text.
    pub body: String,
    /// The corrected text, personal data masked.
    pub public_body: Option<String>,
    /// Whether masking found personal data.
    pub has_personal_data: bool,
    /// Days.
    pub days_taken: Option<i32>,
    /// Taka.
    pub cost_bdt: Option<i64>,
    /// Visits.
    pub visits: Option<i32>,
    /// District code.
    pub district: String,
    /// Time of the correction.
    pub updated_at: NaiveDateTime,
}

/// Writes a correction to feedback `id`.
pub fn correct(conn: &mut Conn, id: i64, correction: &Correction) -> QueryResult<usize> {
    diesel::update(feedback::table.find(id)).set(correction).execute(conn)
}

/// A feedback row from an import: the usual row plus its source (label and file name).
#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = feedback)]
#[diesel(treat_none_as_default_value = false)]
pub struct NewImportedFeedback {
    /// The row as any other feedback.
    #[diesel(embed)]
    pub row: NewFeedback,
    /// The import's [`Source`].
    pub provenance_id: Option<i64>,
}

/// Inserts imported rows in one statement (callers keep batches under the bind-parameter limits).
pub fn insert_imported(conn: &mut Conn, rows: &[NewImportedFeedback]) -> QueryResult<usize> {
    // Multi-row inserts are backend-specific in diesel, so each backend is named here.
    match conn {
        Conn::Pg(c) => diesel::insert_into(feedback::table).values(rows).execute(c),
        Conn::Sqlite(c) => diesel::insert_into(feedback::table).values(rows).execute(c),
    }
}

/// The bodies and tracking codes of every stored feedback of these services (for de-duplication).
pub fn texts_of_services(conn: &mut Conn, service_ids: &[i64]) -> QueryResult<Vec<(i64, String, String)>> {
    let mut all = Vec::new();
    for chunk in service_ids.chunks(500) {
        all.extend(
            feedback::table
                .filter(feedback::service_id.eq_any(chunk))
                .select((feedback::service_id, feedback::body, feedback::tracking_code))
                .order(feedback::id)
                .load::<(i64, String, String)>(conn)?,
        );
    }
    Ok(all)
}
