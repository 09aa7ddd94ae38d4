//! Keys that sign what the server hands out and must recognise later (unsubscribe links,
//! the "me too" step, browser ids): HMAC-SHA256, kept to 128 bits in the text.
//!
//! A key is the operator's configured secret or, when none is configured, one generated on
//! first start and kept in the database (`app_secrets`), so every app server against one
//! database signs alike.

use chrono::NaiveDateTime;
use hmac::{Hmac, Mac};
use sha2::Sha256;

use crate::db::{app_secrets, Conn};

/// Bytes of the HMAC kept in a signature (128 bits).
const SIGNATURE_BYTES: usize = 16;

/// Lower-case hex of `bytes`.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The bytes of lower- or upper-case hex, if it is hex.
pub fn unhex(text: &str) -> Option<Vec<u8>> {
    if text.len() % 2 != 0 || !text.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    (0..text.len()).step_by(2).map(|i| u8::from_str_radix(&text[i..i + 2], 16).ok()).collect()
}

/// A secret that signs and checks messages.
#[derive(Clone)]
pub struct SigningKey(Vec<u8>);

impl std::fmt::Debug for SigningKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SigningKey(***)")
    }
}

impl SigningKey {
    /// A key from configured text.
    pub fn new(secret: &str) -> Self {
        SigningKey(secret.as_bytes().to_vec())
    }

    /// `configured` when set, or else the secret `name` generated on first start and kept in the database.
    pub fn load(conn: &mut Conn, name: &str, configured: &str, now: NaiveDateTime) -> diesel::QueryResult<Self> {
        if !configured.trim().is_empty() {
            return Ok(Self::new(configured.trim()));
        }
        let fresh = hex(&rand::random::<[u8; 32]>());
        Ok(Self::new(&app_secrets::get_or_insert(conn, name, &fresh, now)?))
    }

    fn mac(&self, message: &str) -> Hmac<Sha256> {
        let mut mac = Hmac::<Sha256>::new_from_slice(&self.0).expect("HMAC takes keys of any length");
        mac.update(message.as_bytes());
        mac
    }

    /// The whole HMAC of `message`: 32 bytes no one can tell without the key.
    pub fn digest(&self, message: &str) -> [u8; 32] {
        self.mac(message).finalize().into_bytes().into()
    }

    /// The signature of `message`, as hex.
    pub fn sign(&self, message: &str) -> String {
        hex(&self.mac(message).finalize().into_bytes()[..SIGNATURE_BYTES])
    }

    /// Whether `signature` (hex) is this key's signature of `message` (compared in constant time).
    pub fn verify(&self, message: &str, signature: &str) -> bool {
        match unhex(signature) {
            Some(bytes) if bytes.len() == SIGNATURE_BYTES => self.mac(message).verify_truncated_left(&bytes).is_ok(),
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_signature_checks_only_for_its_message_and_key() {
        let key = SigningKey::new("secret");
        let signature = key.sign("hello");
        assert_eq!(signature.len(), 32);
        assert!(key.verify("hello", &signature));
        assert!(!key.verify("hellO", &signature));
        assert!(!SigningKey::new("other").verify("hello", &signature));
        for bad in ["", "zz", &signature[..30]] {
            assert!(!key.verify("hello", bad), "{bad}");
        }
    }

    #[test]
    fn hex_round_trips() {
        assert_eq!(unhex(&hex(&[0, 15, 255])), Some(vec![0, 15, 255]));
        assert_eq!(unhex("abc"), None);
        assert_eq!(unhex("zz"), None);
    }
}
