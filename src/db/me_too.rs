//! "Me too" voices: one per browser per feedback.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::schema::{feedback, me_too};
use super::Conn;

/// Whether this browser already added its voice to this feedback.
pub fn exists(conn: &mut Conn, feedback_id: i64, browser_key: &str) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        me_too::table.filter(me_too::feedback_id.eq(feedback_id)).filter(me_too::browser_key.eq(browser_key)),
    ))
    .get_result(conn)
}

/// Records one voice and adds it to the feedback.
pub fn insert(conn: &mut Conn, feedback_id: i64, browser_key: &str, now: NaiveDateTime) -> QueryResult<()> {
    diesel::insert_into(me_too::table)
        .values((me_too::feedback_id.eq(feedback_id), me_too::browser_key.eq(browser_key), me_too::created_at.eq(now)))
        .execute(conn)?;
    diesel::update(feedback::table.find(feedback_id))
        .set(feedback::extra_voices.eq(feedback::extra_voices + 1))
        .execute(conn)
        .map(drop)
}
