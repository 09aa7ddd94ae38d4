//! Changing a feedback's moderation state and its personal data.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::feedback::Feedback;
use super::schema::feedback;
use super::Conn;

/// The feedback with this id.
pub fn find(conn: &mut Conn, id: i64) -> QueryResult<Option<Feedback>> {
    feedback::table.find(id).select(Feedback::as_select()).first(conn).optional()
}

/// Sets the moderation state.
pub fn set_state(conn: &mut Conn, id: i64, state: &str, now: NaiveDateTime) -> QueryResult<usize> {
    diesel::update(feedback::table.find(id))
        .set((feedback::moderation.eq(state), feedback::updated_at.eq(now)))
        .execute(conn)
}

/// Sets the text others may read (after a designer's redaction); the embedding of the old
/// text goes with it.
pub fn set_public_body(conn: &mut Conn, id: i64, public: &str, now: NaiveDateTime) -> QueryResult<usize> {
    super::feedback_embeddings::forget(conn, &[id])?;
    diesel::update(feedback::table.find(id))
        .set((feedback::public_body.eq(public), feedback::has_personal_data.eq(true), feedback::updated_at.eq(now)))
        .execute(conn)
}

/// Erases the citizen's personal data: contact details, location, and the original text
/// (replaced by the masked one).
pub fn forget(conn: &mut Conn, id: i64, public: &str, now: NaiveDateTime) -> QueryResult<usize> {
    diesel::update(feedback::table.find(id))
        .set((
            feedback::body.eq(public),
            feedback::public_body.eq(public),
            feedback::contact_name.eq(None::<String>),
            feedback::contact_email.eq(None::<String>),
            feedback::contact_phone.eq(None::<String>),
            feedback::consent_updates.eq(false),
            feedback::address_text.eq(None::<String>),
            feedback::lat_e6.eq(None::<i64>),
            feedback::long_e6.eq(None::<i64>),
            feedback::forgotten_at.eq(Some(now)),
            feedback::updated_at.eq(now),
        ))
        .execute(conn)
}
