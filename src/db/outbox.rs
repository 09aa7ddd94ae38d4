//! The email outbox: messages queued with the change that causes them, claimed and
//! marked by the outbox worker (`jobs::outbox`).

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::schema::{offices, outbox, services};
use super::Conn;

/// Waiting to be sent (or to be tried again).
pub const QUEUED: &str = "queued";
/// Handed to the mail server.
pub const SENT: &str = "sent";
/// Parked after too many attempts or a permanent refusal; an admin may retry it.
pub const FAILED: &str = "failed";
/// Not sent: the address unsubscribed before it went out.
pub const SKIPPED: &str = "skipped";

/// A stored message.
#[derive(Debug, Clone, Queryable, QueryableByName, Selectable, Identifiable)]
#[diesel(table_name = outbox)]
pub struct OutboxMessage {
    /// Row id.
    pub id: i64,
    /// Which message (`ack`, `update`, `digest`, `reminder`): the template folder under `email/`.
    pub kind: String,
    /// The address it goes to.
    pub recipient: String,
    /// `bn` or `en`.
    pub locale: String,
    /// The template context, JSON.
    pub data: String,
    /// The service it is about, if any.
    pub service_id: Option<i64>,
    /// The staff member it goes to, if any.
    pub staff_id: Option<i64>,
    /// Unique key of messages that must be queued once only (digests, reminders).
    pub dedupe_key: Option<String>,
    /// `queued`, `sent`, `failed` or `skipped`.
    pub state: String,
    /// Attempts so far.
    pub attempts: i32,
    /// Not to be tried before this time.
    pub next_attempt_at: NaiveDateTime,
    /// A worker holds the message until then.
    pub claimed_until: Option<NaiveDateTime>,
    /// The last failure, by class and reply code only (no addresses).
    pub last_error: Option<String>,
    /// When queued.
    pub created_at: NaiveDateTime,
    /// When handed to the mail server.
    pub sent_at: Option<NaiveDateTime>,
}

/// A message to queue.
#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = outbox)]
pub struct NewOutboxMessage {
    /// Template folder under `email/`.
    pub kind: String,
    /// The address.
    pub recipient: String,
    /// `bn` or `en`.
    pub locale: String,
    /// Template context, JSON.
    pub data: String,
    /// The service it is about.
    pub service_id: Option<i64>,
    /// The staff member it goes to.
    pub staff_id: Option<i64>,
    /// Queue-once key.
    pub dedupe_key: Option<String>,
    /// Always `queued`.
    pub state: String,
    /// Always 0.
    pub attempts: i32,
    /// When it may first be sent.
    pub next_attempt_at: NaiveDateTime,
    /// When queued.
    pub created_at: NaiveDateTime,
}

impl NewOutboxMessage {
    /// A message of `kind` to `recipient` in `locale` with template context `data`, due at `now`.
    pub fn new(kind: &str, recipient: &str, locale: &str, data: &serde_json::Value, now: NaiveDateTime) -> Self {
        NewOutboxMessage {
            kind: kind.to_owned(),
            recipient: recipient.to_owned(),
            locale: locale.to_owned(),
            data: data.to_string(),
            service_id: None,
            staff_id: None,
            dedupe_key: None,
            state: QUEUED.to_owned(),
            attempts: 0,
            next_attempt_at: now,
            created_at: now,
        }
    }
}

/// Most rows in one INSERT (14 columns each, under both backends' bind-parameter limits).
const ROWS_PER_INSERT: usize = 500;

/// Queues every message in `rows` (multi-row INSERTs); returns how many.
pub fn insert_all(conn: &mut Conn, rows: &[NewOutboxMessage]) -> QueryResult<usize> {
    let mut total = 0;
    for chunk in rows.chunks(ROWS_PER_INSERT) {
        // Multi-row inserts are backend-specific in diesel, so each backend is named here.
        total += match conn {
            Conn::Pg(c) => diesel::insert_into(outbox::table).values(chunk).execute(c)?,
            Conn::Sqlite(c) => diesel::insert_into(outbox::table).values(chunk).execute(c)?,
        };
    }
    Ok(total)
}

/// The message with this id.
pub fn find(conn: &mut Conn, id: i64) -> QueryResult<Option<OutboxMessage>> {
    outbox::table.find(id).select(OutboxMessage::as_select()).first(conn).optional()
}

/// Whether a message with this queue-once key exists.
pub fn has_key(conn: &mut Conn, key: &str) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(outbox::table.filter(outbox::dedupe_key.eq(key)))).get_result(conn)
}

/// When the last message of `kind` to staff member `staff_id` was queued.
pub fn last_queued_for_staff(conn: &mut Conn, staff_id: i64, kind: &str) -> QueryResult<Option<NaiveDateTime>> {
    outbox::table
        .filter(outbox::staff_id.eq(staff_id))
        .filter(outbox::kind.eq(kind))
        .select(diesel::dsl::max(outbox::created_at))
        .first(conn)
}

/// Claims up to `limit` due messages until `until`, so no other worker takes them.
/// PostgreSQL skips rows another worker is claiming (`FOR UPDATE SKIP LOCKED`);
/// SQLite has one writer at a time, so a plain read and update in one write transaction suffices.
pub fn claim_due(
    conn: &mut Conn,
    now: NaiveDateTime,
    until: NaiveDateTime,
    limit: i64,
) -> QueryResult<Vec<OutboxMessage>> {
    match conn {
        Conn::Pg(c) => {
            use diesel::sql_types::{BigInt, Timestamp};
            diesel::sql_query(
                "UPDATE outbox SET claimed_until = $1 WHERE id IN (\
                 SELECT id FROM outbox WHERE state = 'queued' AND next_attempt_at <= $2 \
                 AND (claimed_until IS NULL OR claimed_until < $2) \
                 ORDER BY next_attempt_at, id LIMIT $3 FOR UPDATE SKIP LOCKED) RETURNING *",
            )
            .bind::<Timestamp, _>(until)
            .bind::<Timestamp, _>(now)
            .bind::<BigInt, _>(limit)
            .load(c)
        }
        Conn::Sqlite(_) => super::write_transaction(conn, |c| {
            let ids: Vec<i64> = outbox::table
                .filter(outbox::state.eq(QUEUED))
                .filter(outbox::next_attempt_at.le(now))
                .filter(outbox::claimed_until.is_null().or(outbox::claimed_until.lt(now)))
                .order((outbox::next_attempt_at, outbox::id))
                .limit(limit)
                .select(outbox::id)
                .load(c)?;
            diesel::update(outbox::table.filter(outbox::id.eq_any(&ids)))
                .set(outbox::claimed_until.eq(until))
                .execute(c)?;
            outbox::table
                .filter(outbox::id.eq_any(&ids))
                .order((outbox::next_attempt_at, outbox::id))
                .select(OutboxMessage::as_select())
                .load(c)
        }),
    }
}

/// Records that the message went out (or, with `SKIPPED`, that it never will).
pub fn mark_done(conn: &mut Conn, id: i64, state: &str, now: NaiveDateTime) -> QueryResult<usize> {
    diesel::update(outbox::table.find(id))
        .set((
            outbox::state.eq(state),
            outbox::sent_at.eq((state == SENT).then_some(now)),
            outbox::claimed_until.eq(None::<NaiveDateTime>),
        ))
        .execute(conn)
}

/// Extends to `until` the claim on those of `ids` still queued and held until `held` (the
/// worker's own lease: a message another worker took up since is left alone); returns how many.
pub fn renew_lease(conn: &mut Conn, ids: &[i64], held: NaiveDateTime, until: NaiveDateTime) -> QueryResult<usize> {
    diesel::update(
        outbox::table
            .filter(outbox::id.eq_any(ids))
            .filter(outbox::state.eq(QUEUED))
            .filter(outbox::claimed_until.eq(held)),
    )
    .set(outbox::claimed_until.eq(until))
    .execute(conn)
}

/// Records a failed attempt at `now`: the message waits until `retry_at`, or is parked when `retry_at` is `None`.
pub fn mark_failed(
    conn: &mut Conn,
    id: i64,
    attempts: i32,
    error: &str,
    retry_at: Option<NaiveDateTime>,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    let state = if retry_at.is_some() { QUEUED } else { FAILED };
    diesel::update(outbox::table.find(id))
        .set((
            outbox::state.eq(state),
            outbox::attempts.eq(attempts),
            outbox::last_error.eq(error),
            outbox::next_attempt_at.eq(retry_at.unwrap_or(now)),
            outbox::claimed_until.eq(None::<NaiveDateTime>),
        ))
        .execute(conn)
}

/// Parked messages, newest first: those about a service of `ministries`
/// (`None`: every message, including staff mail).
pub fn list_failed(conn: &mut Conn, ministries: Option<&[i64]>, limit: i64) -> QueryResult<Vec<OutboxMessage>> {
    let mut query = outbox::table
        .left_join(services::table.left_join(offices::table))
        .filter(outbox::state.eq(FAILED))
        .order((outbox::created_at.desc(), outbox::id.desc()))
        .limit(limit)
        .select(OutboxMessage::as_select())
        .into_boxed();
    if let Some(ids) = ministries {
        query = query.filter(offices::ministry_id.eq_any(ids.to_vec()));
    }
    query.load(conn)
}

/// The ministry of the service a message is about, if any.
pub fn ministry_of(conn: &mut Conn, message: &OutboxMessage) -> QueryResult<Option<i64>> {
    let Some(service_id) = message.service_id else { return Ok(None) };
    services::table
        .inner_join(offices::table)
        .filter(services::id.eq(service_id))
        .select(offices::ministry_id)
        .first(conn)
        .optional()
}

/// Puts a parked message back in the queue, due at `now`, with its attempts reset.
pub fn requeue(conn: &mut Conn, id: i64, now: NaiveDateTime) -> QueryResult<usize> {
    diesel::update(outbox::table.find(id).filter(outbox::state.eq(FAILED)))
        .set((
            outbox::state.eq(QUEUED),
            outbox::attempts.eq(0),
            outbox::next_attempt_at.eq(now),
            outbox::claimed_until.eq(None::<NaiveDateTime>),
        ))
        .execute(conn)
}

/// When the oldest message still queued was queued.
pub fn oldest_queued(conn: &mut Conn) -> QueryResult<Option<NaiveDateTime>> {
    outbox::table.filter(outbox::state.eq(QUEUED)).select(diesel::dsl::min(outbox::created_at)).first(conn)
}

/// Messages per state, in one read (states without messages are left out).
pub fn counts_by_state(conn: &mut Conn) -> QueryResult<Vec<(String, i64)>> {
    outbox::table.group_by(outbox::state).select((outbox::state, diesel::dsl::count_star())).load(conn)
}

/// Messages in each state (for tests and the admin page).
pub fn count_in_state(conn: &mut Conn, state: &str) -> QueryResult<i64> {
    outbox::table.filter(outbox::state.eq(state)).count().get_result(conn)
}
