//! Accepting feedback: a checked [`Submission`] becomes a stored row with a
//! fresh tracking code. Every channel (web, API, later Open311, imports) goes through here.

use chrono::{NaiveDateTime, Utc};

use crate::db::feedback::{self, NewFeedback};
use crate::db::{is_unique_violation, Conn};
use crate::domain::feedback::{Moderation, Submission};
use crate::domain::tracking_code::TrackingCode;

/// How many fresh codes to try before giving up (a clash is ~1 in 10^14 per try).
const CODE_ATTEMPTS: usize = 5;

/// The row to insert for `submission` about `service_id`, received at `now`.
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
    }
}

/// Stores the submission and returns its tracking code. The row is committed
/// when this returns, so the code can be shown to the citizen.
pub fn store(conn: &mut Conn, submission: &Submission, service_id: i64) -> diesel::QueryResult<TrackingCode> {
    let now = Utc::now().naive_utc();
    let mut attempt = 0;
    loop {
        let code = TrackingCode::generate();
        match feedback::insert(conn, &new_row(submission, service_id, &code, now)) {
            Ok(_) => return Ok(code),
            Err(err) if is_unique_violation(&err) && attempt + 1 < CODE_ATTEMPTS => attempt += 1,
            Err(err) => return Err(err),
        }
    }
}
