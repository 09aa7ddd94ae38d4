//! Slows down guessing: after a few failed log-ins for one account (or many
//! from one address) within a window, further attempts must wait, and the wait
//! doubles with every further failure.

use chrono::{Duration, NaiveDateTime};
use sha2::{Digest, Sha256};

/// Failures counted over this window.
pub const WINDOW_MINUTES: i64 = 15;
/// Failures an account may have in the window before waits start.
pub const ACCOUNT_FREE_FAILURES: i64 = 5;
/// Failures an address may have in the window before waits start (offices share addresses).
pub const ADDRESS_FREE_FAILURES: i64 = 20;
/// The first wait; it doubles with every further failure.
const FIRST_WAIT_SECONDS: i64 = 30;
/// The longest wait.
const MAX_WAIT_SECONDS: i64 = WINDOW_MINUTES * 60;

/// The stored subject for an account's failures (the email is hashed: no personal data at rest).
pub fn account_subject(email: &str) -> String {
    format!("account:{}", digest(&email.trim().to_lowercase()))
}

/// The stored subject for an address's failures.
pub fn address_subject(address: &str) -> String {
    format!("address:{}", digest(address))
}

fn digest(s: &str) -> String {
    Sha256::digest(s.as_bytes()).iter().take(16).map(|b| format!("{b:02x}")).collect()
}

/// How long a subject with `failures` in the window, the last at `last`, must
/// still wait at `now` (`None`: it may try now).
pub fn wait(failures: i64, free: i64, last: Option<NaiveDateTime>, now: NaiveDateTime) -> Option<Duration> {
    let over = failures - free;
    let last = last?;
    if over < 0 {
        return None;
    }
    let seconds = (FIRST_WAIT_SECONDS << over.min(20)).min(MAX_WAIT_SECONDS);
    let until = last + Duration::seconds(seconds);
    (until > now).then(|| until - now)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: i64) -> NaiveDateTime {
        chrono::DateTime::from_timestamp(1_800_000_000 + s, 0).unwrap().naive_utc()
    }

    #[test]
    fn a_few_failures_cost_nothing() {
        assert_eq!(wait(4, 5, Some(at(0)), at(1)), None);
    }

    #[test]
    fn the_wait_starts_at_the_limit_and_doubles() {
        assert_eq!(wait(5, 5, Some(at(0)), at(0)), Some(Duration::seconds(30)));
        assert_eq!(wait(6, 5, Some(at(0)), at(10)), Some(Duration::seconds(50)));
        assert_eq!(wait(5, 5, Some(at(0)), at(31)), None);
    }

    #[test]
    fn the_wait_never_exceeds_the_window() {
        assert_eq!(wait(60, 5, Some(at(0)), at(0)), Some(Duration::seconds(900)));
    }

    #[test]
    fn subjects_do_not_store_the_email_itself() {
        let s = account_subject("Rahim@Example.org");
        assert_eq!(s, account_subject("rahim@example.org"));
        assert!(!s.contains("rahim"));
    }
}
