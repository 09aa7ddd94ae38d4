//! "Me too": a citizen adds their voice to feedback already given, at most once
//! per browser per feedback. Voices count wherever feedback is counted.

use chrono::Utc;

use crate::counts::{Facts, Tally};
use crate::db::{is_unique_violation, me_too, moderation, write_transaction, Conn};

/// What became of a "me too".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MeToo {
    /// The voice was added.
    Added,
    /// This browser had already added its voice here.
    AlreadyCounted,
    /// No such feedback shown to citizens (hidden, with personal data, or of another service).
    NotFound,
}

/// Adds a voice from `browser_key` (a hash of the browser's cookie) to feedback `id` of `service_id`.
pub fn add(conn: &mut Conn, service_id: i64, id: i64, browser_key: &str) -> diesel::QueryResult<MeToo> {
    let outcome = write_transaction(conn, |c| {
        let Some(f) = moderation::find(c, id)? else { return Ok(MeToo::NotFound) };
        if f.service_id != service_id || f.moderation != "visible" || f.has_personal_data {
            return Ok(MeToo::NotFound);
        }
        if me_too::exists(c, id, browser_key)? {
            return Ok(MeToo::AlreadyCounted);
        }
        me_too::insert(c, id, browser_key, Utc::now().naive_utc())?;
        let mut tally = Tally::default();
        tally.add(&Facts::from(&f), 0, 1);
        tally.apply(c)?;
        Ok(MeToo::Added)
    });
    match outcome {
        // Two clicks raced: the unique key kept the second out.
        Err(e) if is_unique_violation(&e) => Ok(MeToo::AlreadyCounted),
        other => other,
    }
}
