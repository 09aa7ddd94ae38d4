//! Failed log-ins, kept per account and per address (both hashed) so that
//! throttling holds across every app server sharing the database.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::schema::login_failures;
use super::Conn;

/// Records an attempt as a failure before its password is checked; returns its row for each
/// subject, in order. Counting the attempts in flight this way is what keeps parallel guesses
/// from all passing the check before any of them is recorded.
pub fn reserve(conn: &mut Conn, subjects: &[&str], now: NaiveDateTime) -> QueryResult<Vec<i64>> {
    subjects
        .iter()
        .map(|subject| {
            diesel::insert_into(login_failures::table)
                .values((login_failures::subject.eq(subject), login_failures::created_at.eq(now)))
                .returning(login_failures::id)
                .get_result(conn)
        })
        .collect()
}

/// Takes back reserved rows (the attempt succeeded or was told to wait).
pub fn release(conn: &mut Conn, ids: &[i64]) -> QueryResult<usize> {
    diesel::delete(login_failures::table.filter(login_failures::id.eq_any(ids))).execute(conn)
}

/// How many failures (and attempts in flight) `subject` had since `since` other than the row
/// `mine`, and when the last was.
pub fn recent(
    conn: &mut Conn,
    subject: &str,
    since: NaiveDateTime,
    mine: i64,
) -> QueryResult<(i64, Option<NaiveDateTime>)> {
    login_failures::table
        .filter(login_failures::subject.eq(subject))
        .filter(login_failures::created_at.ge(since))
        .filter(login_failures::id.ne(mine))
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
