//! Keys that client systems use for Open311: random, shown once, stored hashed.

use rand::Rng;
use sha2::{Digest, Sha256};

const ALPHABET: &[u8] = b"abcdefghijkmnpqrstuvwxyz23456789";

/// A freshly issued key: the secret (shown once), its hash and a short prefix for lists.
#[derive(Debug, Clone)]
pub struct IssuedKey {
    /// `nk_` and 32 random characters (160 bits).
    pub secret: String,
    /// SHA-256 of the secret, hex.
    pub hash: String,
    /// The first characters, to recognise a key without revealing it.
    pub prefix: String,
}

/// A new random key from the operating system's CSPRNG.
pub fn issue() -> IssuedKey {
    let mut rng = rand::rng();
    let body: String = (0..32).map(|_| char::from(ALPHABET[rng.random_range(0..ALPHABET.len())])).collect();
    let secret = format!("nk_{body}");
    IssuedKey { hash: hash(&secret), prefix: secret[..7].to_owned(), secret }
}

/// The stored hash of a key as a client presents it.
pub fn hash(secret: &str) -> String {
    Sha256::digest(secret.trim().as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn issued_keys_are_random_and_verify_by_hash() {
        let a = issue();
        let b = issue();
        assert_ne!(a.secret, b.secret);
        assert_eq!(a.secret.len(), 35);
        assert_eq!(hash(&a.secret), a.hash);
        assert!(a.secret.starts_with(&a.prefix));
    }
}
