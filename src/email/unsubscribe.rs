//! One-click unsubscribe links without log-in. The link carries the address's
//! SHA-256 (never the address) and an HMAC of it under a secret key, so nobody
//! can make a working link for an address without the key, and the database only
//! ever stores the hash.

use chrono::NaiveDateTime;
use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};

use crate::db::{app_secrets, Conn};

/// Name of the generated key in `app_secrets`.
const SECRET_NAME: &str = "unsubscribe";
/// Bytes of the HMAC kept in a link (128 bits).
const SIGNATURE_BYTES: usize = 16;

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn unhex(text: &str) -> Option<Vec<u8>> {
    if text.len() % 2 != 0 || !text.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    (0..text.len()).step_by(2).map(|i| u8::from_str_radix(&text[i..i + 2], 16).ok()).collect()
}

/// The stored form of an address: SHA-256 of it, lower-cased and trimmed, as hex.
pub fn address_hash(address: &str) -> String {
    let mut hasher = Sha256::new();
    hasher.update(b"nagorik-unsubscribe\n");
    hasher.update(address.trim().to_lowercase().as_bytes());
    hex(&hasher.finalize())
}

/// The key that signs unsubscribe links.
#[derive(Clone)]
pub struct UnsubscribeKey(Vec<u8>);

impl std::fmt::Debug for UnsubscribeKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("UnsubscribeKey(***)")
    }
}

impl UnsubscribeKey {
    /// A key from configured text.
    pub fn new(secret: &str) -> Self {
        UnsubscribeKey(secret.as_bytes().to_vec())
    }

    /// The configured key, or else the one generated on first start and kept in the database.
    pub fn load(conn: &mut Conn, configured: &str, now: NaiveDateTime) -> diesel::QueryResult<Self> {
        if !configured.trim().is_empty() {
            return Ok(Self::new(configured.trim()));
        }
        let fresh = hex(&rand::random::<[u8; 32]>());
        Ok(Self::new(&app_secrets::get_or_insert(conn, SECRET_NAME, &fresh, now)?))
    }

    fn mac(&self, hash: &str) -> Hmac<Sha256> {
        let mut mac = Hmac::<Sha256>::new_from_slice(&self.0).expect("HMAC takes keys of any length");
        mac.update(hash.as_bytes());
        mac
    }

    /// The token of an address's unsubscribe link: `<hash>-<signature>`.
    pub fn token(&self, address: &str) -> String {
        let hash = address_hash(address);
        let signature = self.mac(&hash).finalize().into_bytes();
        format!("{hash}-{}", hex(&signature[..SIGNATURE_BYTES]))
    }

    /// The address hash a token stands for, if its signature is right.
    pub fn verify(&self, token: &str) -> Option<String> {
        let (hash, signature) = token.trim().split_once('-')?;
        if hash.len() != 64 || unhex(hash).is_none() {
            return None;
        }
        let signature = unhex(signature)?;
        if signature.len() != SIGNATURE_BYTES {
            return None;
        }
        self.mac(hash).verify_truncated_left(&signature).ok()?;
        Some(hash.to_owned())
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
