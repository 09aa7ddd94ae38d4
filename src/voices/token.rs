//! What makes a "me too" voice count: the browser id the server gave, and the signed
//! similar-feedback step it showed that browser.
//!
//! A browser id is `<random>.<signature>`; a cookie the server did not sign is no id.
//! A step token is `<expires>.<nonce>.<ids>.<signature>`, signed over the service, the
//! browser, the time it expires, a one-off number (spent by the voice it allows) and the
//! ids of the feedback shown, so it allows a voice for those feedback only, from that
//! browser, for [`STEP_MINUTES`].

use chrono::{DateTime, Duration, Utc};

use crate::db::Conn;
use crate::domain::api_key;
use crate::signing::SigningKey;

/// Name of the generated key in `app_secrets`.
const SECRET_NAME: &str = "me-too";
/// Minutes a similar-feedback step allows a voice.
pub const STEP_MINUTES: i64 = 30;
/// Most feedback ids one step lists.
const MAX_IDS: usize = 20;

/// The key that signs browser ids and similar-feedback steps.
#[derive(Debug, Clone)]
pub struct VoiceKey(SigningKey);

impl VoiceKey {
    /// A key from configured text (tests).
    pub fn new(secret: &str) -> Self {
        VoiceKey(SigningKey::new(secret))
    }

    /// The key generated on first start and kept in the database.
    pub fn load(conn: &mut Conn, now: chrono::NaiveDateTime) -> diesel::QueryResult<Self> {
        SigningKey::load(conn, SECRET_NAME, "", now).map(VoiceKey)
    }

    /// A fresh browser id, for the cookie.
    pub fn new_browser(&self) -> String {
        let random = api_key::random_text(32);
        let signature = self.0.sign(&format!("browser|{random}"));
        format!("{random}.{signature}")
    }

    /// What is stored of a browser id the server gave (`None` for anything else).
    pub fn browser_key(&self, cookie: &str) -> Option<String> {
        let (random, signature) = cookie.split_once('.')?;
        (random.len() == 32 && self.0.verify(&format!("browser|{random}"), signature)).then(|| api_key::hash(random))
    }

    /// A keyed hash of a client address: the cap per address without keeping the address.
    pub fn address_key(&self, address: &str) -> String {
        self.0.sign(&format!("address|{address}"))
    }

    fn message(service_id: i64, browser_key: &str, expires: i64, nonce: &str, ids: &str) -> String {
        format!("me-too|{service_id}|{browser_key}|{expires}|{nonce}|{ids}")
    }

    /// The token of a similar-feedback step showing `ids` of `service_id` to a browser.
    pub fn step_token(&self, service_id: i64, browser_key: &str, ids: &[i64], now: DateTime<Utc>) -> String {
        let expires = (now + Duration::minutes(STEP_MINUTES)).timestamp();
        let nonce = api_key::random_text(20);
        let ids = ids.iter().take(MAX_IDS).map(i64::to_string).collect::<Vec<_>>().join("-");
        let signature = self.0.sign(&Self::message(service_id, browser_key, expires, &nonce, &ids));
        format!("{expires}.{nonce}.{ids}.{signature}")
    }

    /// The one-off number of `token` when it allows a voice for `feedback_id` of `service_id`
    /// from this browser at `now`.
    pub fn check_step(
        &self,
        token: &str,
        service_id: i64,
        browser_key: &str,
        feedback_id: i64,
        now: DateTime<Utc>,
    ) -> Option<String> {
        let mut parts = token.trim().split('.');
        let (expires, nonce, ids, signature) = (parts.next()?, parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() || browser_key.is_empty() {
            return None;
        }
        let expires_at: i64 = expires.parse().ok()?;
        let listed = ids.split('-').any(|id| id.parse::<i64>().ok() == Some(feedback_id));
        let signed = self.0.verify(&Self::message(service_id, browser_key, expires_at, nonce, ids), signature);
        (signed && listed && now.timestamp() <= expires_at).then(|| nonce.to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn setup() -> (VoiceKey, String, DateTime<Utc>) {
        let key = VoiceKey::new("secret");
        let browser = key.browser_key(&key.new_browser()).expect("its own id");
        (key, browser, Utc::now())
    }

    #[test]
    fn only_browser_ids_the_server_gave_are_ids() {
        let key = VoiceKey::new("secret");
        let id = key.new_browser();
        assert!(key.browser_key(&id).is_some());
        assert_eq!(key.browser_key(&id), key.browser_key(&id), "the same id, the same key");
        assert_eq!(VoiceKey::new("other").browser_key(&id), None);
        for forged in ["x".repeat(40), format!("{}.{}", "a".repeat(32), "0".repeat(32)), String::new()] {
            assert_eq!(key.browser_key(&forged), None, "{forged}");
        }
    }

    #[test]
    fn a_step_allows_a_voice_for_its_feedback_from_its_browser_until_it_expires() {
        let (key, browser, now) = setup();
        let token = key.step_token(7, &browser, &[11, 12], now);
        let nonce = key.check_step(&token, 7, &browser, 12, now).expect("listed, fresh, same browser");
        assert_eq!(nonce.len(), 20);
        assert_eq!(key.check_step(&token, 7, &browser, 13, now), None, "not listed");
        assert_eq!(key.check_step(&token, 8, &browser, 12, now), None, "another service");
        let other = key.browser_key(&key.new_browser()).unwrap();
        assert_eq!(key.check_step(&token, 7, &other, 12, now), None, "another browser");
        assert_eq!(key.check_step(&token, 7, "", 12, now), None, "no browser");
        let later = now + Duration::minutes(STEP_MINUTES) + Duration::seconds(1);
        assert_eq!(key.check_step(&token, 7, &browser, 12, later), None, "expired");
    }

    #[test]
    fn an_altered_step_is_refused() {
        let (key, browser, now) = setup();
        let token = key.step_token(7, &browser, &[11], now);
        let widened = token.replace(".11.", ".11-99.");
        assert_eq!(key.check_step(&widened, 7, &browser, 99, now), None);
        let (expires, rest) = token.split_once('.').unwrap();
        let extended = format!("{}.{rest}", expires.parse::<i64>().unwrap() + 3600);
        assert_eq!(key.check_step(&extended, 7, &browser, 11, now), None);
        for bad in ["", "1.2.3", "a.b.c.d", "1.2.3.4.5"] {
            assert_eq!(key.check_step(bad, 7, &browser, 11, now), None, "{bad}");
        }
    }
}
