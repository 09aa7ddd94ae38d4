//! One-click unsubscribe links without log-in. The link carries the address's
//! SHA-256 (never the address) and an HMAC of it under a secret key, so nobody
//! can make a working link for an address without the key, and the database only
//! ever stores the hash.

use chrono::NaiveDateTime;
use sha2::{Digest, Sha256};

use crate::db::Conn;
use crate::signing::{hex, SigningKey};

/// Name of the generated key in `app_secrets`.
const SECRET_NAME: &str = "unsubscribe";

/// The stored form of an address: SHA-256 of it, lower-cased and trimmed, as hex.
pub fn address_hash(address: &str) -> String {
    let mut hasher = Sha256::new();
    hasher.update(b"nagorik-unsubscribe\n");
    hasher.update(address.trim().to_lowercase().as_bytes());
    hex(&hasher.finalize())
}

/// The key that signs unsubscribe links.
#[derive(Debug, Clone)]
pub struct UnsubscribeKey(SigningKey);

impl UnsubscribeKey {
    /// A key from configured text.
    pub fn new(secret: &str) -> Self {
        UnsubscribeKey(SigningKey::new(secret))
    }

    /// The configured key, or else the one generated on first start and kept in the database.
    pub fn load(conn: &mut Conn, configured: &str, now: NaiveDateTime) -> diesel::QueryResult<Self> {
        SigningKey::load(conn, SECRET_NAME, configured, now).map(UnsubscribeKey)
    }

    /// The token of an address's unsubscribe link: `<hash>-<signature>`.
    pub fn token(&self, address: &str) -> String {
        let hash = address_hash(address);
        format!("{hash}-{}", self.0.sign(&hash))
    }

    /// The address hash a token stands for, if its signature is right.
    pub fn verify(&self, token: &str) -> Option<String> {
        let (hash, signature) = token.trim().split_once('-')?;
        if hash.len() != 64 || !hash.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        self.0.verify(hash, signature).then(|| hash.to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_token_verifies_to_the_hash_of_its_address_whatever_the_case() {
        let key = UnsubscribeKey::new("secret");
        let token = key.token("Rahim@Example.org ");
        assert_eq!(key.verify(&token), Some(address_hash("rahim@example.org")));
        assert!(!token.contains("rahim"));
    }

    #[test]
    fn a_token_signed_with_another_key_or_altered_is_refused() {
        let token = UnsubscribeKey::new("other").token("a@b.example");
        let key = UnsubscribeKey::new("secret");
        assert_eq!(key.verify(&token), None);
        let good = key.token("a@b.example");
        let mut altered = good.clone();
        altered.replace_range(0..1, if good.starts_with('0') { "1" } else { "0" });
        assert_eq!(key.verify(&altered), None);
        for bad in ["", "-", "zz-zz", &good[..good.len() - 2]] {
            assert_eq!(key.verify(bad), None, "{bad}");
        }
    }
}
