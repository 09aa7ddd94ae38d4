//! Retry keys: a client that sends a submission again with the same key (`Idempotency-Key`, the
//! web form's submission id) gets the first answer again, and nothing is stored twice.
//!
//! A keyed submission's tracking code is derived from its key with a server secret
//! ([`RetryCodes`], kept in the database so every server derives alike): the first of
//! [`ATTEMPTS`] derived codes that no other feedback holds. A retry derives the same codes and
//! meets the first row through the tracking code's own unique index, which every row writes
//! anyway; a separate key table cost each keyed submission one more random b-tree write
//! (docs/benchmarks.md). The key and the request's hash stay on the row for 24 hours, to tell a
//! retry (same key) from another key that derived the same code, and a retry from a different
//! request sent with a used key. Without the secret a derived code is as unguessable as a
//! random one.

use std::sync::Arc;

use sha2::{Digest, Sha256};

use super::Outcome;
use crate::db::feedback::{self, NewFeedback, StoredCode};
use crate::db::idempotency_keys::{self, IdempotencyKey};
use crate::db::Conn;
use crate::domain::feedback::Submission;
use crate::domain::tracking_code::TrackingCode;
use crate::signing::SigningKey;

/// Codes derived per key: a key whose codes are all held by other feedback (a key reused after
/// it expired, again and again) is answered as reused.
pub const ATTEMPTS: usize = 8;

/// Name of the generated secret in `app_secrets`.
const SECRET_NAME: &str = "retry-codes";

/// The secret that derives keyed submissions' tracking codes.
#[derive(Debug, Clone)]
pub struct RetryCodes(SigningKey);

impl RetryCodes {
    /// Codes derived with configured text (tests).
    pub fn new(secret: &str) -> Self {
        RetryCodes(SigningKey::new(secret))
    }

    /// The secret generated on first start and kept in the database.
    pub fn load(conn: &mut Conn, now: chrono::NaiveDateTime) -> diesel::QueryResult<Self> {
        SigningKey::load(conn, SECRET_NAME, "", now).map(RetryCodes)
    }

    /// The code of try `attempt` (from 0) of a submission with retry key `key`.
    fn code(&self, key: &str, attempt: usize) -> TrackingCode {
        TrackingCode::from_digest(&self.0.digest(&format!("retry-code|{attempt}|{key}")))
    }

    #[cfg(test)]
    fn codes(&self, key: &str) -> Vec<TrackingCode> {
        (0..ATTEMPTS).map(|i| self.code(key, i)).collect()
    }
}

fn sha256_hex(data: &str) -> String {
    crate::signing::hex(&Sha256::digest(data.as_bytes()))
}

/// Hex digits of the key's and the request's hashes kept on the feedback (128 bits each: a
/// smaller row for every keyed submission; the retired key table kept all 256).
const KEPT_HEX: usize = 32;

/// A client's retry key, scoped to where it came from, with the request it named.
#[derive(Debug, Clone)]
pub struct Idempotency {
    /// SHA-256 of scope and key.
    pub key: String,
    /// SHA-256 of the submission's content.
    pub request_hash: String,
    /// Its first tracking code, derived where the request is handled (most keys need no other),
    /// and what derives the others (both set by [`Idempotency::with_codes`]).
    first: Option<TrackingCode>,
    codes: Option<Arc<RetryCodes>>,
}

impl Idempotency {
    /// The key `raw` sent from `scope` (e.g. `api`, `form`) for this submission.
    pub fn new(scope: &str, raw: &str, submission: &Submission, service_id: i64) -> Self {
        let content = format!(
            "{service_id}|{:?}|{}|{:?}|{:?}|{}|{:?}|{:?}|{:?}|{}",
            submission.kind,
            submission.text.as_str(),
            submission.step,
            submission.tcv,
            submission.district.code(),
            submission.name.as_ref().map(|n| n.as_str()),
            submission.email.as_ref().map(|e| e.as_str()),
            submission.phone.as_ref().map(|p| p.as_str()),
            submission.consent
        );
        Self {
            key: sha256_hex(&format!("{scope}\n{}", raw.trim())),
            request_hash: sha256_hex(&content),
            first: None,
            codes: None,
        }
    }

    /// The same key with its tracking codes derived by `codes`.
    pub fn with_codes(mut self, codes: &Arc<RetryCodes>) -> Self {
        self.first = Some(codes.code(&self.key, 0));
        self.codes = Some(codes.clone());
        self
    }

    /// The code of try `attempt` (`None` past the last, or before [`Idempotency::with_codes`]).
    pub fn code(&self, attempt: usize) -> Option<TrackingCode> {
        match attempt {
            0 => self.first.clone(),
            n if n < ATTEMPTS => self.codes.as_ref().map(|c| c.code(&self.key, n)),
            _ => None,
        }
    }

    fn kept_key(&self) -> &str {
        &self.key[..KEPT_HEX]
    }

    fn kept_hash(&self) -> &str {
        &self.request_hash[..KEPT_HEX]
    }

    /// What this submission gets when the first with its key was stored as `code` with
    /// `request_hash` (whole, or as kept on the feedback).
    pub fn answer(&self, request_hash: &str, code: &TrackingCode) -> Outcome {
        if request_hash == self.request_hash || request_hash == self.kept_hash() {
            Outcome::Stored(code.clone())
        } else {
            Outcome::KeyReused
        }
    }

    /// The request hash `stored` (the feedback holding one of this key's codes) keeps, when it
    /// came with this key; `None` when it came with another key or none (the code is taken).
    pub fn holds<'a>(&self, stored: &'a StoredCode) -> Option<&'a str> {
        match (&stored.idempotency_key, &stored.request_hash) {
            (Some(key), Some(hash)) if key == self.kept_key() => Some(hash),
            _ => None,
        }
    }

    /// The first request under this key as the retired key table kept it: (request hash, code).
    pub fn stored_in_table(row: &IdempotencyKey) -> (String, TrackingCode) {
        (row.request_hash.clone(), TrackingCode::parse(&row.tracking_code).expect("stored codes are valid"))
    }

    /// Marks `row` as stored under this key (kept 24 hours).
    pub fn mark(&self, row: &mut NewFeedback) {
        row.idempotency_key = Some(self.kept_key().to_owned());
        row.request_hash = Some(self.kept_hash().to_owned());
    }
}

/// Where a keyed submission stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lookup {
    /// Stored before (or its key was used for another request).
    Answered(Outcome),
    /// Not stored yet: the code it gets.
    Free(TrackingCode),
}

/// Where a key stands among its derived codes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Standing {
    /// Its first request was stored: (request hash as kept, code).
    Stored(String, TrackingCode),
    /// Not stored: the first of its codes no feedback holds, and which try that is.
    Free(usize, TrackingCode),
    /// Every one of its codes is held by other feedback.
    Exhausted,
}

/// Where `idem` stands, reading its derived codes from try `from` on (earlier ones are known to
/// be held by other feedback).
pub fn standing_from(conn: &mut Conn, idem: &Idempotency, from: usize) -> diesel::QueryResult<Standing> {
    for attempt in from..ATTEMPTS {
        let Some(code) = idem.code(attempt) else { break };
        match feedback::stored_code(conn, code.as_str())? {
            None => return Ok(Standing::Free(attempt, code)),
            Some(stored) => {
                if let Some(hash) = idem.holds(&stored) {
                    return Ok(Standing::Stored(hash.to_owned(), code));
                }
            }
        }
    }
    Ok(Standing::Exhausted)
}

/// Looks up a keyed submission: the key table that keys were kept in before (read until its last
/// keys expire), then its derived codes in order.
pub fn lookup(conn: &mut Conn, idem: &Idempotency) -> diesel::QueryResult<Lookup> {
    if let Some(row) = idempotency_keys::find(conn, &idem.key)? {
        let (hash, code) = Idempotency::stored_in_table(&row);
        return Ok(Lookup::Answered(idem.answer(&hash, &code)));
    }
    Ok(match standing_from(conn, idem, 0)? {
        Standing::Stored(hash, code) => Lookup::Answered(idem.answer(&hash, &code)),
        Standing::Free(_, code) => Lookup::Free(code),
        Standing::Exhausted => Lookup::Answered(Outcome::KeyReused),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_derives_the_same_distinct_valid_codes_only_with_the_same_secret() {
        let one = RetryCodes::new("secret").codes("key");
        assert_eq!(one, RetryCodes::new("secret").codes("key"), "a retry derives the same codes");
        assert_eq!(one.len(), ATTEMPTS);
        let distinct: std::collections::HashSet<&TrackingCode> = one.iter().collect();
        assert_eq!(distinct.len(), ATTEMPTS);
        for code in &one {
            assert_eq!(TrackingCode::parse(code.as_str()).as_ref(), Some(code), "{code} is a valid code");
        }
        assert_ne!(one, RetryCodes::new("other").codes("key"), "another server secret, other codes");
        assert_ne!(one, RetryCodes::new("secret").codes("keY"));
    }

    #[test]
    fn stored_feedback_answers_a_retry_only_when_it_came_with_the_same_key_and_request() {
        let idem = Idempotency { key: "k".repeat(64), request_hash: "h".repeat(64), first: None, codes: None };
        let (k, h, other) = ("k".repeat(KEPT_HEX), "h".repeat(KEPT_HEX), "o".repeat(KEPT_HEX));
        let code = TrackingCode::generate();
        let stored = |key: Option<&str>, hash: Option<&str>| StoredCode {
            idempotency_key: key.map(str::to_owned),
            request_hash: hash.map(str::to_owned),
        };
        let held = stored(Some(&k), Some(&h));
        assert_eq!(idem.holds(&held), Some(h.as_str()));
        assert_eq!(idem.answer(idem.holds(&held).unwrap(), &code), Outcome::Stored(code.clone()));
        let reused = stored(Some(&k), Some(&other));
        assert_eq!(idem.answer(idem.holds(&reused).unwrap(), &code), Outcome::KeyReused);
        assert_eq!(idem.holds(&stored(Some(&other), Some(&h))), None, "another key's code: try the next");
        assert_eq!(idem.holds(&stored(None, None)), None, "no key, or erased: try the next");
        assert_eq!(
            idem.answer(&"h".repeat(64), &code),
            Outcome::Stored(code.clone()),
            "a whole hash, as in the old table"
        );
    }
}
