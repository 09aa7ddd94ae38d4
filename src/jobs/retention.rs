//! Retention, once a day across every app server: what Nagorik no longer needs goes.
//!
//! - sent mail (outbox rows) 90 days after it was sent;
//! - idempotency keys after 24 hours (clients retry within minutes);
//! - staff sessions once expired, and log-in failures older than a day (the throttle reads
//!   the last [`WINDOW_MINUTES`]);
//! - citizens' contact details (name, email, phone, and with them the wish for updates) a
//!   configurable number of months after the feedback last changed (default 24; 0 keeps them),
//!   audited as a count.
//!
//! The first server to claim the day (`job_runs`) runs it, in one transaction with the claim:
//! if it fails, the claim goes too and the next minute's run tries again.

use chrono::{Months, NaiveDateTime};
use diesel::prelude::*;
use serde_json::json;

use crate::audit::{self, Actor, Target};
use crate::auth::throttle::WINDOW_MINUTES;
use crate::db::schema::{feedback, idempotency_keys, job_runs, login_failures, outbox, staff_sessions};
use crate::db::{is_unique_violation, write_transaction, Conn};

/// The job's name in `job_runs`.
const JOB: &str = "retention";
/// Days sent mail is kept.
pub const SENT_MAIL_DAYS: i64 = 90;
/// Hours an idempotency key is kept.
pub const IDEMPOTENCY_HOURS: i64 = 24;
/// Hours a log-in failure is kept (far more than the throttle's window).
const LOGIN_FAILURE_HOURS: i64 = 24;
const _: () = assert!(LOGIN_FAILURE_HOURS * 60 > WINDOW_MINUTES);

/// What one run removed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Purged {
    /// Sent mail.
    pub sent_mail: usize,
    /// Idempotency keys.
    pub idempotency_keys: usize,
    /// Expired staff sessions.
    pub sessions: usize,
    /// Old log-in failures.
    pub login_failures: usize,
    /// Feedback whose contact details were erased.
    pub contacts: usize,
}

/// Whether a server already ran today's retention.
pub fn ran_today(conn: &mut Conn, now: NaiveDateTime) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        job_runs::table.filter(job_runs::name.eq(JOB)).filter(job_runs::day.eq(now.date())),
    ))
    .get_result(conn)
}

/// Runs today's retention unless a server already has; `None` when one had.
pub fn run_daily(conn: &mut Conn, now: NaiveDateTime, contact_months: u32) -> QueryResult<Option<Purged>> {
    let outcome = write_transaction(conn, |c| {
        diesel::insert_into(job_runs::table)
            .values((job_runs::name.eq(JOB), job_runs::day.eq(now.date()), job_runs::started_at.eq(now)))
            .execute(c)?;
        purge(c, now, contact_months)
    });
    match outcome {
        Ok(purged) => Ok(Some(purged)),
        Err(err) if is_unique_violation(&err) => Ok(None),
        Err(err) => Err(err),
    }
}

/// Erases the retry keys kept on feedback received before `before` (its tracking code stays; a
/// submission sent again with the key now is new, and gets the key's next code).
fn forget_retry_keys(c: &mut Conn, before: NaiveDateTime) -> QueryResult<usize> {
    diesel::update(
        feedback::table.filter(feedback::idempotency_key.is_not_null()).filter(feedback::created_at.lt(before)),
    )
    .set((feedback::idempotency_key.eq(None::<String>), feedback::request_hash.eq(None::<String>)))
    .execute(c)
}

fn purge(c: &mut Conn, now: NaiveDateTime, contact_months: u32) -> QueryResult<Purged> {
    let sent_before = now - chrono::Duration::days(SENT_MAIL_DAYS);
    let keys_before = now - chrono::Duration::hours(IDEMPOTENCY_HOURS);
    let failures_before = now - chrono::Duration::hours(LOGIN_FAILURE_HOURS);
    let mut purged = Purged {
        sent_mail: diesel::delete(
            outbox::table.filter(outbox::state.eq("sent")).filter(outbox::sent_at.lt(sent_before)),
        )
        .execute(c)?,
        idempotency_keys: diesel::delete(idempotency_keys::table.filter(idempotency_keys::created_at.lt(keys_before)))
            .execute(c)?
            + forget_retry_keys(c, keys_before)?,
        sessions: diesel::delete(staff_sessions::table.filter(staff_sessions::expires_at.lt(now))).execute(c)?,
        login_failures: diesel::delete(login_failures::table.filter(login_failures::created_at.lt(failures_before)))
            .execute(c)?,
        contacts: 0,
    };
    if contact_months > 0 {
        let before = now.checked_sub_months(Months::new(contact_months)).unwrap_or(NaiveDateTime::MIN);
        let has_contact = feedback::contact_name
            .is_not_null()
            .or(feedback::contact_email.is_not_null())
            .or(feedback::contact_phone.is_not_null());
        purged.contacts = diesel::update(feedback::table.filter(feedback::updated_at.lt(before)).filter(has_contact))
            .set((
                feedback::contact_name.eq(None::<String>),
                feedback::contact_email.eq(None::<String>),
                feedback::contact_phone.eq(None::<String>),
                feedback::consent_updates.eq(false),
            ))
            .execute(c)?;
        if purged.contacts > 0 {
            let actor = Actor { staff_id: None, label: "retention".into() };
            let target = Target { kind: "feedback", id: None, ministry_id: None };
            let after = json!({ "contacts_erased": purged.contacts, "months": contact_months });
            audit::record(c, &actor, "feedback.contacts_expired", target, None, Some(after))?;
        }
    }
    Ok(purged)
}
