//! Accepting feedback: a checked [`Submission`] becomes a stored row with a
//! fresh tracking code. The web form, the API and Open311 submit through the
//! [`writer::IntakeWriter`] (group commit), which stores groups with
//! [`store_one`] and falls back to [`store_alone`] when a group clashes.

pub mod correction;
pub mod retry;
pub mod writer;

use chrono::{NaiveDateTime, Utc};

use crate::db::feedback::{self, NewFeedback};
use crate::db::{is_unique_violation, write_transaction, Conn};
use crate::domain::feedback::{Moderation, Submission};
use crate::domain::tracking_code::TrackingCode;
use crate::grouping::{on_arrival_read, Reading, ThemeCache};

pub use retry::{Idempotency, RetryCodes};
pub use writer::{IntakeWriter, SubmitError};

/// How many fresh codes to try before giving up (a clash is ~1 in 10^14 per try).
const CODE_ATTEMPTS: usize = 5;

/// The row to insert for `submission` (masking and theme come from [`on_arrival`]) about `service_id`, received at `now`.
pub fn new_row(submission: &Submission, service_id: i64, code: &TrackingCode, now: NaiveDateTime) -> NewFeedback {
    NewFeedback {
        tracking_code: code.as_str().to_owned(),
        service_id,
        kind: submission.kind.as_str().to_owned(),
        body: submission.text.as_str().to_owned(),
        charter_step: submission.step.clone(),
        days_taken: submission.tcv.days,
        cost_bdt: submission.tcv.cost_bdt,
        visits: submission.tcv.visits,
        district: submission.district.code().to_owned(),
        channel: submission.channel.as_str().to_owned(),
        contact_name: submission.name.as_ref().map(|n| n.as_str().to_owned()),
        contact_email: submission.email.as_ref().map(|e| e.as_str().to_owned()),
        contact_phone: submission.phone.as_ref().map(|p| p.as_str().to_owned()),
        consent_updates: submission.consent,
        locale: submission.locale.code().to_owned(),
        moderation: Moderation::Visible.as_str().to_owned(),
        created_at: now,
        updated_at: now,
        address_text: submission.location.address.clone(),
        lat_e6: submission.location.lat_e6,
        long_e6: submission.location.long_e6,
        api_client_id: submission.api_client,
        theme_id: None,
        public_body: None,
        has_personal_data: false,
        idempotency_key: None,
        request_hash: None,
    }
}

/// What became of one submission.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Stored now (or earlier, for a retry with the same key).
    Stored(TrackingCode),
    /// The key was used before for a different submission.
    KeyReused,
}

/// Stores one submission on `conn` (inside the caller's transaction, if any), whose text was
/// read as `reading`, honouring its retry key.
pub fn store_one(
    conn: &mut Conn,
    submission: &Submission,
    service_id: i64,
    idem: Option<&Idempotency>,
    reading: &Reading,
    cache: &mut ThemeCache,
    now: NaiveDateTime,
) -> diesel::QueryResult<Outcome> {
    let code = match idem {
        Some(idem) => match retry::lookup(conn, idem)? {
            retry::Lookup::Answered(outcome) => return Ok(outcome),
            retry::Lookup::Free(code) => code,
        },
        None => TrackingCode::generate(),
    };
    let mut rows = [new_row(submission, service_id, &code, now)];
    if let Some(idem) = idem {
        idem.mark(&mut rows[0]);
    }
    // A "me too" that counts joins the theme of the feedback it agrees with.
    let voice = match &submission.me_too {
        Some(claim) => Some(crate::voices::check(conn, service_id, claim, now)?),
        None => None,
    };
    if let Some(Ok(theme)) = voice {
        rows[0].theme_id = theme;
    }
    on_arrival_read(conn, &mut rows, &[reading], cache, now)?;
    let id = feedback::insert(conn, &rows[0])?;
    if let (Some(claim), Some(outcome)) = (&submission.me_too, voice) {
        crate::voices::record(conn, service_id, claim, id, outcome.map(drop), now)?;
    }
    if let Some(assisted) = &submission.assisted {
        crate::db::provenance::set_assisted(conn, id, assisted, now)?;
    }
    crate::email::notifications::queue_acknowledgements(conn, &rows, now)?;
    Ok(Outcome::Stored(code))
}

/// Stores one submission in a transaction of its own, drawing a fresh tracking
/// code when one clashes (at most [`CODE_ATTEMPTS`] times).
pub fn store_alone(
    conn: &mut Conn,
    submission: &Submission,
    service_id: i64,
    idem: Option<&Idempotency>,
    reading: &Reading,
    cache: &mut ThemeCache,
) -> diesel::QueryResult<Outcome> {
    let mut attempt = 1;
    loop {
        let now = Utc::now().naive_utc();
        let stored = write_transaction(conn, |c| {
            crate::db::lock_services(c, &[service_id])?;
            store_one(c, submission, service_id, idem, reading, cache, now)
        });
        match stored {
            Err(err) if is_unique_violation(&err) && attempt < CODE_ATTEMPTS => attempt += 1,
            result => return result,
        }
    }
}
