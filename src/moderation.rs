//! Moderation and personal data: hiding feedback or marking it spam (and
//! undoing it), redacting spans of text by hand, and forgetting a citizen's
//! personal data on request. Every change is audited without repeating the
//! personal data it removes, and counters follow visibility.

use chrono::Utc;
use serde_json::json;

use crate::audit::{self, Actor, Target};
use crate::counts::{Facts, Tally};
use crate::db::feedback::Feedback;
use crate::db::{moderation, write_transaction, Conn};
use crate::domain::feedback::Moderation;
use crate::domain::{FieldError, FieldErrors};

/// What replaces a span a designer redacts.
pub const REDACTED: &str = "[…]";

/// Why a moderation change was refused.
#[derive(Debug, thiserror::Error)]
pub enum ModerationError {
    /// No such feedback (for this staff member).
    #[error("not found")]
    NotFound,
    /// A field is wrong.
    #[error("invalid: {0}")]
    Invalid(FieldErrors),
    /// The database failed.
    #[error(transparent)]
    Database(#[from] diesel::result::Error),
}

fn target(f: &Feedback, ministry_id: i64) -> Target {
    Target { kind: "feedback", id: Some(f.id), ministry_id: Some(ministry_id) }
}

/// Sets the moderation state (visible, hidden, spam); hidden and spam feedback leave every count.
pub fn set_state(
    conn: &mut Conn,
    actor: &Actor,
    id: i64,
    ministry_id: i64,
    state: Moderation,
) -> Result<(), ModerationError> {
    write_transaction(conn, |c| {
        let f = moderation::find(c, id)?.ok_or(ModerationError::NotFound)?;
        let was_visible = f.moderation == Moderation::Visible.as_str();
        let is_visible = state == Moderation::Visible;
        if f.moderation == state.as_str() {
            return Ok(());
        }
        moderation::set_state(c, id, state.as_str(), Utc::now().naive_utc())?;
        if was_visible != is_visible {
            let sign = if is_visible { 1 } else { -1 };
            let mut tally = Tally::default();
            tally.add(&Facts::from(&f), sign, sign * f.voices());
            tally.apply(c)?;
        }
        let action = format!("feedback.{}", state.as_str());
        let before = json!({ "moderation": f.moderation });
        let after = json!({ "moderation": state.as_str() });
        audit::record(c, actor, &action, target(&f, ministry_id), Some(before), Some(after))?;
        Ok(())
    })
}

/// Masks every occurrence of `span` in the text others see. The original stays for staff with rights.
pub fn redact(conn: &mut Conn, actor: &Actor, id: i64, ministry_id: i64, span: &str) -> Result<(), ModerationError> {
    let span = crate::domain::text::clean_line(span);
    if span.chars().count() < 2 {
        return Err(ModerationError::Invalid(FieldErrors(vec![FieldError::new("span", "error-redact-span")])));
    }
    write_transaction(conn, |c| {
        let f = moderation::find(c, id)?.ok_or(ModerationError::NotFound)?;
        let public = f.public_text();
        if !public.contains(&span) {
            return Err(ModerationError::Invalid(FieldErrors(vec![FieldError::new("span", "error-redact-not-found")])));
        }
        let occurrences = public.matches(&span).count();
        moderation::set_public_body(c, id, &public.replace(&span, REDACTED), Utc::now().naive_utc())?;
        // The audit log records that something was redacted, never what.
        let after = json!({ "redacted_occurrences": occurrences, "redacted_chars": span.chars().count() });
        audit::record(c, actor, "feedback.redact", target(&f, ministry_id), None, Some(after))?;
        Ok(())
    })
}

/// Erases the citizen's contact details, location and original text (keeping the masked text).
pub fn forget(conn: &mut Conn, actor: &Actor, id: i64, ministry_id: i64) -> Result<(), ModerationError> {
    write_transaction(conn, |c| {
        let f = moderation::find(c, id)?.ok_or(ModerationError::NotFound)?;
        let had = json!({
            "contact_name": f.contact_name.is_some(), "contact_email": f.contact_email.is_some(),
            "contact_phone": f.contact_phone.is_some(), "location": f.lat_e6.is_some() || f.address_text.is_some(),
            "original_text_differed": f.public_text() != f.body,
        });
        moderation::forget(c, id, &f.public_text(), Utc::now().naive_utc())?;
        audit::record(
            c,
            actor,
            "feedback.forget",
            target(&f, ministry_id),
            Some(had),
            Some(json!({ "erased": true })),
        )?;
        Ok(())
    })
}
