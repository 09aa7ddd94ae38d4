//! Stored citizen feedback.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::offices::Office;
use super::schema::{feedback, offices, services};
use super::services::Service;
use super::Conn;

/// A stored feedback row. Contact fields are personal data: never put them in
/// public answers, exports, URLs or logs.
#[derive(Debug, Clone, Queryable, Selectable, Identifiable)]
#[diesel(table_name = feedback)]
pub struct Feedback {
    /// Row id.
    pub id: i64,
    /// The citizen's tracking code.
    pub tracking_code: String,
    /// The service it concerns.
    pub service_id: i64,
    /// `complaint`, `expectation` or `suggestion`.
    pub kind: String,
    /// The message (NFC).
    pub body: String,
    /// The charter step it concerns.
    pub charter_step: Option<String>,
    /// Days it took.
    pub days_taken: Option<i32>,
    /// Taka it cost.
    pub cost_bdt: Option<i64>,
    /// Visits made.
    pub visits: Option<i32>,
    /// District code.
    pub district: String,
    /// How it arrived.
    pub channel: String,
    /// Contact name.
    pub contact_name: Option<String>,
    /// Contact email.
    pub contact_email: Option<String>,
    /// Contact phone.
    pub contact_phone: Option<String>,
    /// Wants to hear of progress.
    pub consent_updates: bool,
    /// Language of the citizen (`bn` or `en`).
    pub locale: String,
    /// `visible`, `hidden` or `spam`.
    pub moderation: String,
    /// The pain-point theme it was grouped into.
    pub theme_id: Option<i64>,
    /// When received.
    pub created_at: NaiveDateTime,
    /// When last changed.
    pub updated_at: NaiveDateTime,
    /// Where the citizen said it happened (Open311 `address_string`).
    pub address_text: Option<String>,
    /// Latitude in millionths of a degree.
    pub lat_e6: Option<i64>,
    /// Longitude in millionths of a degree.
    pub long_e6: Option<i64>,
    /// The client system that sent it.
    pub api_client_id: Option<i64>,
    /// The text others may read: personal data masked on arrival and redacted by designers
    /// (`None` on rows stored before masking existed: mask `body` when reading them).
    pub public_body: Option<String>,
    /// Personal data was found in the text (on arrival or by a designer).
    pub has_personal_data: bool,
    /// "Me too" voices added by other citizens.
    pub extra_voices: i32,
    /// A designer put it in its theme; automatic regrouping leaves it there.
    pub theme_pinned: bool,
    /// When the citizen's personal data was erased on request.
    pub forgotten_at: Option<NaiveDateTime>,
}

impl Feedback {
    /// The text that citizens, exports and other systems may see.
    pub fn public_text(&self) -> String {
        self.public_body.clone().unwrap_or_else(|| crate::domain::pii::mask(&self.body))
    }

    /// Voices it carries: the citizen's own plus every "me too".
    pub fn voices(&self) -> i64 {
        1 + i64::from(self.extra_voices)
    }
}

/// A feedback row to insert (`None` is written as NULL, so rows can be batched on SQLite).
#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = feedback)]
#[diesel(treat_none_as_default_value = false)]
pub struct NewFeedback {
    /// Tracking code (unique).
    pub tracking_code: String,
    /// The service.
    pub service_id: i64,
    /// Kind's stored form.
    pub kind: String,
    /// The message.
    pub body: String,
    /// Charter step.
    pub charter_step: Option<String>,
    /// Days.
    pub days_taken: Option<i32>,
    /// Taka.
    pub cost_bdt: Option<i64>,
    /// Visits.
    pub visits: Option<i32>,
    /// District code.
    pub district: String,
    /// Channel's stored form.
    pub channel: String,
    /// Contact name.
    pub contact_name: Option<String>,
    /// Contact email.
    pub contact_email: Option<String>,
    /// Contact phone.
    pub contact_phone: Option<String>,
    /// Consent to updates.
    pub consent_updates: bool,
    /// Citizen's language.
    pub locale: String,
    /// Moderation state.
    pub moderation: String,
    /// When received.
    pub created_at: NaiveDateTime,
    /// Same as `created_at` on insert.
    pub updated_at: NaiveDateTime,
    /// Address as given.
    pub address_text: Option<String>,
    /// Latitude (microdegrees).
    pub lat_e6: Option<i64>,
    /// Longitude (microdegrees).
    pub long_e6: Option<i64>,
    /// Client system.
    pub api_client_id: Option<i64>,
    /// The suggested theme.
    pub theme_id: Option<i64>,
    /// The text with personal data masked.
    pub public_body: Option<String>,
    /// Whether masking found personal data.
    pub has_personal_data: bool,
    /// The retry key it came with (scoped and hashed), kept 24 hours; its tracking code was
    /// derived from it ([`crate::intake::Idempotency`]).
    pub idempotency_key: Option<String>,
    /// Hash of the request that came with the retry key.
    pub request_hash: Option<String>,
}

/// Inserts one row and returns its id.
pub fn insert(conn: &mut Conn, new: &NewFeedback) -> QueryResult<i64> {
    diesel::insert_into(feedback::table).values(new).returning(feedback::id).get_result(conn)
}

/// Inserts many rows in one statement (callers keep batches under the backends' bind-parameter
/// limits), passing over rows whose tracking code is stored already: returns those codes. A
/// retry's code is derived from its key, so a retry stored before (by an earlier group or
/// another server) is found here, by the code's own unique index, with no lookup beforehand.
pub fn insert_batch(conn: &mut Conn, rows: &[NewFeedback]) -> QueryResult<Vec<String>> {
    // Multi-row inserts and ON CONFLICT are backend-specific in diesel, so each backend is named here.
    let inserted: Vec<String> = match conn {
        Conn::Pg(c) => insert_unnest(c, rows)?,
        Conn::Sqlite(c) => diesel::insert_into(feedback::table)
            .values(rows)
            .on_conflict(feedback::tracking_code)
            .do_nothing()
            .returning(feedback::tracking_code)
            .get_results(c)?,
    };
    if inserted.len() == rows.len() {
        return Ok(Vec::new());
    }
    // Each inserted code stands for one row: a code given to two rows of the statement is
    // inserted once and passed over once.
    let mut inserted: std::collections::HashSet<String> = inserted.into_iter().collect();
    Ok(rows.iter().filter(|r| !inserted.remove(&r.tracking_code)).map(|r| r.tracking_code.clone()).collect())
}

/// PostgreSQL: one statement of fixed text whatever the number of rows (one
/// array per column), so the server parses and plans almost nothing per group.
fn insert_unnest(c: &mut diesel::pg::PgConnection, rows: &[NewFeedback]) -> QueryResult<Vec<String>> {
    use diesel::sql_types::{Array, BigInt, Bool, Integer, Nullable, Text, Timestamp};
    #[derive(QueryableByName)]
    struct Inserted {
        #[diesel(sql_type = Text)]
        tracking_code: String,
    }
    fn col<T>(rows: &[NewFeedback], f: impl Fn(&NewFeedback) -> T) -> Vec<T> {
        rows.iter().map(f).collect()
    }
    let inserted: Vec<Inserted> = diesel::sql_query(
        "INSERT INTO feedback (tracking_code, service_id, kind, body, charter_step, days_taken, cost_bdt, visits, \
         district, channel, contact_name, contact_email, contact_phone, consent_updates, locale, moderation, \
         created_at, updated_at, address_text, lat_e6, long_e6, api_client_id, theme_id, public_body, \
         has_personal_data, idempotency_key, request_hash) \
         SELECT * FROM UNNEST($1::text[], $2::int8[], $3::text[], $4::text[], $5::text[], $6::int4[], $7::int8[], \
         $8::int4[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::bool[], $15::text[], \
         $16::text[], $17::timestamp[], $18::timestamp[], $19::text[], $20::int8[], $21::int8[], $22::int8[], \
         $23::int8[], $24::text[], $25::bool[], $26::text[], $27::text[]) \
         ON CONFLICT (tracking_code) DO NOTHING RETURNING tracking_code",
    )
    .bind::<Array<Text>, _>(col(rows, |r| r.tracking_code.clone()))
    .bind::<Array<BigInt>, _>(col(rows, |r| r.service_id))
    .bind::<Array<Text>, _>(col(rows, |r| r.kind.clone()))
    .bind::<Array<Text>, _>(col(rows, |r| r.body.clone()))
    .bind::<Array<Nullable<Text>>, _>(col(rows, |r| r.charter_step.clone()))
    .bind::<Array<Nullable<Integer>>, _>(col(rows, |r| r.days_taken))
    .bind::<Array<Nullable<BigInt>>, _>(col(rows, |r| r.cost_bdt))
    .bind::<Array<Nullable<Integer>>, _>(col(rows, |r| r.visits))
    .bind::<Array<Text>, _>(col(rows, |r| r.district.clone()))
    .bind::<Array<Text>, _>(col(rows, |r| r.channel.clone()))
    .bind::<Array<Nullable<Text>>, _>(col(rows, |r| r.contact_name.clone()))
    .bind::<Array<Nullable<Text>>, _>(col(rows, |r| r.contact_email.clone()))
    .bind::<Array<Nullable<Text>>, _>(col(rows, |r| r.contact_phone.clone()))
    .bind::<Array<Bool>, _>(col(rows, |r| r.consent_updates))
    .bind::<Array<Text>, _>(col(rows, |r| r.locale.clone()))
    .bind::<Array<Text>, _>(col(rows, |r| r.moderation.clone()))
    .bind::<Array<Timestamp>, _>(col(rows, |r| r.created_at))
    .bind::<Array<Timestamp>, _>(col(rows, |r| r.updated_at))
    .bind::<Array<Nullable<Text>>, _>(col(rows, |r| r.address_text.clone()))
    .bind::<Array<Nullable<BigInt>>, _>(col(rows, |r| r.lat_e6))
    .bind::<Array<Nullable<BigInt>>, _>(col(rows, |r| r.long_e6))
    .bind::<Array<Nullable<BigInt>>, _>(col(rows, |r| r.api_client_id))
    .bind::<Array<Nullable<BigInt>>, _>(col(rows, |r| r.theme_id))
    .bind::<Array<Nullable<Text>>, _>(col(rows, |r| r.public_body.clone()))
    .bind::<Array<Bool>, _>(col(rows, |r| r.has_personal_data))
    .bind::<Array<Nullable<Text>>, _>(col(rows, |r| r.idempotency_key.clone()))
    .bind::<Array<Nullable<Text>>, _>(col(rows, |r| r.request_hash.clone()))
    .load(c)?;
    Ok(inserted.into_iter().map(|i| i.tracking_code).collect())
}

/// What is stored under a tracking code, for telling a retry from another submission.
#[derive(Debug, Clone, PartialEq, Eq, Queryable)]
pub struct StoredCode {
    /// The retry key its feedback came with (none: no key, or erased after 24 hours).
    pub idempotency_key: Option<String>,
    /// Hash of that request.
    pub request_hash: Option<String>,
}

/// The retry key stored with the feedback of tracking code `code`; `None` when no feedback has it.
pub fn stored_code(conn: &mut Conn, code: &str) -> QueryResult<Option<StoredCode>> {
    feedback::table
        .filter(feedback::tracking_code.eq(code))
        .select((feedback::idempotency_key, feedback::request_hash))
        .first(conn)
        .optional()
}

/// The feedback with this tracking code and its service.
pub fn find_by_tracking_code(conn: &mut Conn, code: &str) -> QueryResult<Option<(Feedback, Service)>> {
    feedback::table
        .inner_join(services::table)
        .filter(feedback::tracking_code.eq(code))
        .select((Feedback::as_select(), Service::as_select()))
        .first(conn)
        .optional()
}

/// How many feedback rows are stored.
pub fn count(conn: &mut Conn) -> QueryResult<i64> {
    feedback::table.count().get_result(conn)
}

/// Which published feedback to list (Open311 `GET requests`).
#[derive(Debug, Clone, Default)]
pub struct PublicFilter {
    /// Only these tracking codes.
    pub tracking_codes: Option<Vec<String>>,
    /// Only these services.
    pub service_codes: Option<Vec<String>>,
    /// Received at or after.
    pub start: Option<NaiveDateTime>,
    /// Received at or before.
    pub end: Option<NaiveDateTime>,
    /// Rows to skip.
    pub offset: i64,
    /// Rows to return.
    pub limit: i64,
}

/// Visible feedback with its service and office, newest first.
pub fn list_public(conn: &mut Conn, filter: &PublicFilter) -> QueryResult<Vec<(Feedback, Service, Office)>> {
    let mut q = feedback::table
        .inner_join(services::table.inner_join(offices::table))
        .filter(feedback::moderation.eq("visible"))
        .into_boxed();
    if let Some(codes) = &filter.tracking_codes {
        q = q.filter(feedback::tracking_code.eq_any(codes));
    }
    if let Some(codes) = &filter.service_codes {
        q = q.filter(services::code.eq_any(codes));
    }
    if let Some(start) = filter.start {
        q = q.filter(feedback::created_at.ge(start));
    }
    if let Some(end) = filter.end {
        q = q.filter(feedback::created_at.le(end));
    }
    q.select((Feedback::as_select(), Service::as_select(), Office::as_select()))
        .order((feedback::created_at.desc(), feedback::id.desc()))
        .offset(filter.offset)
        .limit(filter.limit)
        .load(conn)
}

/// The services of the feedback with these ids (one entry per id found).
pub fn service_ids_of(conn: &mut Conn, ids: &[i64]) -> QueryResult<Vec<i64>> {
    let mut all = Vec::new();
    for chunk in ids.chunks(500) {
        all.extend(feedback::table.filter(feedback::id.eq_any(chunk)).select(feedback::service_id).load::<i64>(conn)?);
    }
    Ok(all)
}

/// Which of these feedback ids are visible (counted).
pub fn visible_ids(conn: &mut Conn, ids: &[i64]) -> QueryResult<Vec<i64>> {
    let mut all = Vec::new();
    for chunk in ids.chunks(500) {
        all.extend(
            feedback::table
                .filter(feedback::id.eq_any(chunk))
                .filter(feedback::moderation.eq("visible"))
                .select(feedback::id)
                .load::<i64>(conn)?,
        );
    }
    Ok(all)
}
