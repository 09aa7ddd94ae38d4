//! One function per notification. Each queues outbox rows on the caller's
//! connection, inside the caller's transaction, so a message exists exactly when
//! the change that causes it was committed. Rows hold the template context; the
//! outbox worker renders and sends them.

use std::collections::HashMap;

use chrono::NaiveDateTime;
use diesel::prelude::*;
use serde::Serialize;
use serde_json::json;

use super::unsubscribe::address_hash;
use crate::db::feedback::NewFeedback;
use crate::db::outbox::{self, NewOutboxMessage};
use crate::db::schema::feedback;
use crate::db::staff_users::StaffUser;
use crate::db::{backlog_items, backlog_moves, unsubscribes, Conn};
use crate::domain::backlog::Status;
use crate::domain::feedback::Moderation;
use crate::domain::Locale;

/// Acknowledgement to a citizen who left an email (template `email/ack`).
pub const ACK: &str = "ack";
/// "You said, we did": a service's backlog item moved (template `email/update`).
pub const UPDATE: &str = "update";
/// Daily digest to staff (template `email/digest`).
pub const DIGEST: &str = "digest";
/// Quarterly review reminder to ministry admins (template `email/reminder`).
pub const REMINDER: &str = "reminder";

/// Queues an acknowledgement for every row in `rows` that has a contact email
/// (one multi-row INSERT); called by intake in the transaction that stores them.
pub fn queue_acknowledgements(conn: &mut Conn, rows: &[NewFeedback], now: NaiveDateTime) -> QueryResult<usize> {
    let messages: Vec<NewOutboxMessage> = rows
        .iter()
        .filter_map(|row| {
            let email = row.contact_email.as_deref()?;
            let data = json!({ "tracking_code": row.tracking_code });
            let mut message = NewOutboxMessage::new(ACK, email, &row.locale, &data, now);
            message.service_id = Some(row.service_id);
            Some(message)
        })
        .collect();
    if messages.is_empty() {
        return Ok(0);
    }
    outbox::insert_all(conn, &messages)
}

/// The template id of a status's name in `email.ftl`.
pub fn status_message_id(status: &str) -> String {
    let known = Status::parse(status).map_or("unknown", Status::as_str);
    format!("email-status-{known}")
}

/// "You said, we did": after a backlog move is recorded (same transaction), queues
/// one message per distinct consenting citizen address of the item's service, in
/// the language of that citizen's latest feedback. Left out: feedback without
/// consent or email, forgotten or marked as spam, and unsubscribed addresses.
/// A move that keeps the status (a note only) tells nobody. Returns how many were queued.
pub fn queue_backlog_status_change(conn: &mut Conn, move_id: i64, now: NaiveDateTime) -> QueryResult<usize> {
    let step = backlog_moves::find(conn, move_id)?;
    if step.from_status.as_deref() == Some(step.to_status.as_str()) {
        return Ok(0);
    }
    let item = backlog_items::find(conn, step.backlog_item_id)?.ok_or(diesel::result::Error::NotFound)?;
    // The service page shows before and now once the item is live with a designed journey.
    let before_and_now = step.to_status == "live"
        && crate::db::brief_versions::latest(conn, item.id)?
            .is_some_and(|v| !crate::brief::design::Design::from_json(&v.design).steps.is_empty());
    let contacts: Vec<(String, String)> = feedback::table
        .filter(feedback::service_id.eq(item.service_id))
        .filter(feedback::consent_updates.eq(true))
        .filter(feedback::contact_email.is_not_null())
        .filter(feedback::forgotten_at.is_null())
        .filter(feedback::moderation.ne(Moderation::Spam.as_str()))
        .order(feedback::id)
        .select((feedback::contact_email.assume_not_null(), feedback::locale))
        .load(conn)?;
    // One message per address (compared without case); the latest feedback's language wins.
    let mut latest: HashMap<String, (String, String)> = HashMap::new();
    for (email, locale) in contacts {
        let email = email.trim().to_owned();
        latest.insert(address_hash(&email), (email, locale));
    }
    let hashes: Vec<String> = latest.keys().cloned().collect();
    for gone in unsubscribes::unsubscribed_among(conn, &hashes)? {
        latest.remove(&gone);
    }
    let mut recipients: Vec<(String, String)> = latest.into_values().collect();
    recipients.sort();
    let messages: Vec<NewOutboxMessage> = recipients
        .iter()
        .map(|(email, locale)| {
            let lang = Locale::parse(locale).unwrap_or_default();
            let data = json!({
                "move_id": step.id,
                "from_status_id": step.from_status.as_deref().map(status_message_id),
                "to_status_id": status_message_id(&step.to_status),
                "problem": lang.pick(&item.problem_bn, &item.problem_en),
                "note": step.note,
                "live": before_and_now,
            });
            let mut message = NewOutboxMessage::new(UPDATE, email, lang.code(), &data, now);
            message.service_id = Some(item.service_id);
            message
        })
        .collect();
    outbox::insert_all(conn, &messages)
}

/// One service's line in a digest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DigestService {
    /// Service name in the recipient's language.
    pub name: String,
    /// New feedback since the last digest.
    pub count: i64,
}

/// One new theme in a digest (label masked of personal data).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DigestTheme {
    /// Service name in the recipient's language.
    pub service: String,
    /// Theme label in the recipient's language, masked.
    pub label: String,
}

/// What a daily digest tells one staff member: counts and theme labels only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Digest {
    /// The start of the period (`2026-11-29`).
    pub since: String,
    /// All new feedback in the staff member's ministries.
    pub total: i64,
    /// New feedback per service, most first.
    pub services: Vec<DigestService>,
    /// New themes.
    pub themes: Vec<DigestTheme>,
}

impl Digest {
    /// Whether there is nothing to tell.
    pub fn is_empty(&self) -> bool {
        self.total == 0 && self.themes.is_empty()
    }
}

/// Queues `digest` for `staff` once under `key` (false when a message with that key exists already).
/// An empty digest is recorded as skipped, so the day counts as done and nothing is sent.
pub fn queue_digest(
    conn: &mut Conn,
    staff: &StaffUser,
    digest: &Digest,
    key: &str,
    now: NaiveDateTime,
) -> QueryResult<bool> {
    let data = serde_json::to_value(digest).expect("a digest serialises");
    let state = if digest.is_empty() { outbox::SKIPPED } else { outbox::QUEUED };
    queue_staff_once(conn, staff, DIGEST, data, key, state, now)
}

/// One open backlog item in a review reminder.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReminderItem {
    /// Service name in the recipient's language.
    pub service: String,
    /// Message id of its status (`email-status-designing`).
    pub status_id: String,
    /// Date of its last review, if it had one.
    pub last_review: Option<String>,
}

/// What a quarterly review reminder lists.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reminder {
    /// The fiscal quarter (`2026-27 Q2`).
    pub quarter: String,
    /// Items due for review.
    pub items: Vec<ReminderItem>,
}

/// Queues `reminder` for `staff` once under `key` (false when one with that key exists already).
pub fn queue_review_reminder(
    conn: &mut Conn,
    staff: &StaffUser,
    reminder: &Reminder,
    key: &str,
    now: NaiveDateTime,
) -> QueryResult<bool> {
    let data = serde_json::to_value(reminder).expect("a reminder serialises");
    queue_staff_once(conn, staff, REMINDER, data, key, outbox::QUEUED, now)
}

#[allow(clippy::too_many_arguments)] // the row's every field
fn queue_staff_once(
    conn: &mut Conn,
    staff: &StaffUser,
    kind: &str,
    data: serde_json::Value,
    key: &str,
    state: &str,
    now: NaiveDateTime,
) -> QueryResult<bool> {
    if outbox::has_key(conn, key)? {
        return Ok(false);
    }
    let mut message = NewOutboxMessage::new(kind, &staff.email, &staff.locale, &data, now);
    message.staff_id = Some(staff.id);
    message.dedupe_key = Some(key.to_owned());
    message.state = state.to_owned();
    outbox::insert_all(conn, &[message]).map(|n| n > 0)
}
