//! Failed log-ins, kept per account and per address (both hashed) so that
//! throttling holds across every app server sharing the database.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::schema::login_failures;
use super::Conn;

/// Records one failure for each subject.
pub fn record(conn: &mut Conn, subjects: &[&str], now: NaiveDateTime) -> QueryResult<()> {
    for subject in subjects {
        diesel::insert_into(login_failures::table)
            .values((login_failures::subject.eq(subject), login_failures::created_at.eq(now)))
            .execute(conn)?;
    }
    Ok(())
}

/// How many failures `subject` had since `since`, and when the last was.
pub fn recent(conn: &mut Conn, subject: &str, since: NaiveDateTime) -> QueryResult<(i64, Option<NaiveDateTime>)> {
    login_failures::table
        .filter(login_failures::subject.eq(subject))
        .filter(login_failures::created_at.ge(since))
        .select((diesel::dsl::count_star(), diesel::dsl::max(login_failures::created_at)))
        .first(conn)
}

/// Forgets the failures of a subject (after a successful log-in).
pub fn clear(conn: &mut Conn, subject: &str) -> QueryResult<usize> {
    diesel::delete(login_failures::table.filter(login_failures::subject.eq(subject))).execute(conn)
}

/// Forgets failures older than `before`.
pub fn delete_older_than(conn: &mut Conn, before: NaiveDateTime) -> QueryResult<usize> {
    diesel::delete(login_failures::table.filter(login_failures::created_at.lt(before))).execute(conn)
}
