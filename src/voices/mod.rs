//! "Me too": a citizen who finds their problem among the similar feedback adds their voice
//! to it. The voice is their own submission (their text, time, cost, visits and district,
//! with a tracking code), stored as feedback that joins the theme of the feedback it agrees
//! with, and recorded as a voice for that feedback.
//!
//! It counts only when it comes from a similar-feedback step the server showed this browser
//! ([`token`]), once per step, once per browser and feedback, and up to a daily cap per
//! address. Otherwise the submission is still stored as the citizen's own feedback and the
//! citizen is told kindly; the refusal is kept so moderators see bursts.

pub mod token;

use std::collections::HashMap;

use chrono::{Duration, NaiveDateTime};

use crate::db::{me_too, moderation, Conn};
use crate::domain::me_too::MeTooClaim;

pub use token::VoiceKey;

/// Why a voice was not counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// No similar-feedback step allows it: none shown, expired, altered, of another
    /// browser, or already spent.
    Step,
    /// This browser already added its voice to this feedback.
    Repeat,
    /// The address reached its daily cap.
    DailyCap,
    /// The feedback is no longer shown to citizens.
    Gone,
}

impl Refusal {
    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Refusal::Step => "step",
            Refusal::Repeat => "repeat",
            Refusal::DailyCap => "daily-cap",
            Refusal::Gone => "gone",
        }
    }
}

/// Whether `claim` counts, and if so the theme of the feedback it agrees with (the
/// submission joins it). Reads only; [`record`] writes the outcome.
pub fn check(
    conn: &mut Conn,
    service_id: i64,
    claim: &MeTooClaim,
    now: NaiveDateTime,
) -> diesel::QueryResult<Result<Option<i64>, Refusal>> {
    let Some(nonce) = &claim.nonce else { return Ok(Err(Refusal::Step)) };
    let original = moderation::find(conn, claim.feedback_id)?;
    let Some(original) =
        original.filter(|f| f.service_id == service_id && f.moderation == "visible" && !f.has_personal_data)
    else {
        return Ok(Err(Refusal::Gone));
    };
    if me_too::nonce_spent(conn, nonce)? {
        return Ok(Err(Refusal::Step));
    }
    if me_too::exists(conn, claim.feedback_id, &claim.browser_key)? {
        return Ok(Err(Refusal::Repeat));
    }
    if me_too::counted_from(conn, &claim.address_key, now - Duration::hours(24))? >= i64::from(claim.daily_cap) {
        return Ok(Err(Refusal::DailyCap));
    }
    Ok(Ok(original.theme_id))
}

/// Records what became of `claim`, whose submission was stored as feedback `echo_id`.
pub fn record(
    conn: &mut Conn,
    service_id: i64,
    claim: &MeTooClaim,
    echo_id: i64,
    outcome: Result<(), Refusal>,
    now: NaiveDateTime,
) -> diesel::QueryResult<()> {
    match outcome {
        Ok(()) => me_too::insert(
            conn,
            &me_too::NewVoice {
                feedback_id: claim.feedback_id,
                browser_key: &claim.browser_key,
                created_at: now,
                echo_id: Some(echo_id),
                token_nonce: claim.nonce.as_deref(),
                address_key: &claim.address_key,
            },
        ),
        Err(reason) => me_too::refuse(conn, service_id, reason.as_str(), &claim.address_key, now),
    }
}

/// Voices of each of `ids`: the feedback itself, its older "me too" voices and the visible
/// submissions that said "me too" to it.
pub fn voices_of(conn: &mut Conn, ids: &[(i64, i32)]) -> diesel::QueryResult<HashMap<i64, i64>> {
    let plain: Vec<i64> = ids.iter().map(|(id, _)| *id).collect();
    let echoes = me_too::visible_echoes(conn, &plain)?;
    Ok(ids.iter().map(|(id, extra)| (*id, 1 + i64::from(*extra) + echoes.get(id).copied().unwrap_or(0))).collect())
}

/// Voices not counted for `service_id` since `since` (what moderators are warned of).
pub fn refused_since(conn: &mut Conn, service_id: i64, since: NaiveDateTime) -> diesel::QueryResult<i64> {
    me_too::refusals_since(conn, service_id, since)
}
