//! "Me too" voices, and the voices not counted.

use std::collections::HashMap;

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::schema::{feedback, me_too, me_too_refusals};
use super::Conn;

/// A voice to record.
#[derive(Debug, Insertable)]
#[diesel(table_name = me_too)]
pub struct NewVoice<'a> {
    /// The feedback agreed with.
    pub feedback_id: i64,
    /// The browser (hash of its id).
    pub browser_key: &'a str,
    /// When.
    pub created_at: NaiveDateTime,
    /// The citizen's own submission.
    pub echo_id: Option<i64>,
    /// The similar-feedback step it spent.
    pub token_nonce: Option<&'a str>,
    /// Keyed hash of the address.
    pub address_key: &'a str,
}

/// Whether this browser already added its voice to this feedback.
pub fn exists(conn: &mut Conn, feedback_id: i64, browser_key: &str) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        me_too::table.filter(me_too::feedback_id.eq(feedback_id)).filter(me_too::browser_key.eq(browser_key)),
    ))
    .get_result(conn)
}

/// Whether a similar-feedback step was already spent.
pub fn nonce_spent(conn: &mut Conn, nonce: &str) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(me_too::table.filter(me_too::token_nonce.eq(nonce)))).get_result(conn)
}

/// Voices counted from an address since `since`.
pub fn counted_from(conn: &mut Conn, address_key: &str, since: NaiveDateTime) -> QueryResult<i64> {
    me_too::table
        .filter(me_too::address_key.eq(address_key))
        .filter(me_too::created_at.ge(since))
        .count()
        .get_result(conn)
}

/// Records one voice.
pub fn insert(conn: &mut Conn, voice: &NewVoice<'_>) -> QueryResult<()> {
    diesel::insert_into(me_too::table).values(voice).execute(conn).map(drop)
}

/// Records a voice not counted.
pub fn refuse(
    conn: &mut Conn,
    service_id: i64,
    reason: &str,
    address_key: &str,
    now: NaiveDateTime,
) -> QueryResult<()> {
    diesel::insert_into(me_too_refusals::table)
        .values((
            me_too_refusals::service_id.eq(service_id),
            me_too_refusals::reason.eq(reason),
            me_too_refusals::address_key.eq(address_key),
            me_too_refusals::created_at.eq(now),
        ))
        .execute(conn)
        .map(drop)
}

/// Voices of a service not counted since `since`.
pub fn refusals_since(conn: &mut Conn, service_id: i64, since: NaiveDateTime) -> QueryResult<i64> {
    me_too_refusals::table
        .filter(me_too_refusals::service_id.eq(service_id))
        .filter(me_too_refusals::created_at.ge(since))
        .count()
        .get_result(conn)
}

/// How many visible submissions said "me too" to each of `ids`.
pub fn visible_echoes(conn: &mut Conn, ids: &[i64]) -> QueryResult<HashMap<i64, i64>> {
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    let rows: Vec<(i64, i64)> = me_too::table
        .inner_join(feedback::table.on(me_too::echo_id.eq(feedback::id.nullable())))
        .filter(me_too::feedback_id.eq_any(ids))
        .filter(feedback::moderation.eq("visible"))
        .group_by(me_too::feedback_id)
        .select((me_too::feedback_id, diesel::dsl::count_star()))
        .load(conn)?;
    Ok(rows.into_iter().collect())
}

/// The feedback a submission said "me too" to, if its voice counted.
pub fn agreed_with(conn: &mut Conn, echo_id: i64) -> QueryResult<Option<i64>> {
    me_too::table.filter(me_too::echo_id.eq(echo_id)).select(me_too::feedback_id).first(conn).optional()
}

/// Records a voice that came without a submission of its own (the demo's voices, and
/// those given before voices carried one) and adds it to the feedback's own count.
pub fn insert_bare(conn: &mut Conn, feedback_id: i64, browser_key: &str, now: NaiveDateTime) -> QueryResult<()> {
    let voice =
        NewVoice { feedback_id, browser_key, created_at: now, echo_id: None, token_nonce: None, address_key: "" };
    insert(conn, &voice)?;
    diesel::update(feedback::table.find(feedback_id))
        .set(feedback::extra_voices.eq(feedback::extra_voices + 1))
        .execute(conn)
        .map(drop)
}
