//! A "me too" a citizen asked for with their submission: which feedback they agree with,
//! and what the server knows of where the request came from. Whether it counts is
//! decided when the submission is stored (`crate::voices`).

/// The voice a submission claims.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeTooClaim {
    /// The feedback the citizen agrees with.
    pub feedback_id: i64,
    /// The browser, as the hash of the id the server gave it (empty when it sent none it gave).
    pub browser_key: String,
    /// The address it came from, as a keyed hash.
    pub address_key: String,
    /// The one-off number of the similar-feedback step it came from, when that step's
    /// signature, browser, time and list hold (`None`: no such step).
    pub nonce: Option<String>,
    /// Voices counted from one address in 24 hours.
    pub daily_cap: u32,
}
