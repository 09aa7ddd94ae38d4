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

/// A new random Open311 key from the operating system's CSPRNG.
pub fn issue() -> IssuedKey {
    issue_with("nk_")
}

/// A new random secret that starts with `kind` (`nk_` Open311 keys, `ns_`
/// session cookies, `nt_` staff API tokens).
pub fn issue_with(kind: &str) -> IssuedKey {
    let secret = format!("{kind}{}", random_text(32));
    IssuedKey { hash: hash(&secret), prefix: secret[..kind.len() + 4].to_owned(), secret }
}

/// `len` random characters of an unambiguous alphabet (5 bits each).
pub fn random_text(len: usize) -> String {
    let mut rng = rand::rng();
    (0..len).map(|_| char::from(ALPHABET[rng.random_range(0..ALPHABET.len())])).collect()
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
