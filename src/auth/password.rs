//! Password hashing with argon2id (the crate's defaults: 19 MiB, 2 passes).

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use rand::RngCore;

use crate::domain::staff::Password;

/// The PHC string of a new argon2id hash of `password`, with a fresh salt.
pub fn hash(password: &Password) -> anyhow::Result<String> {
    let mut bytes = [0u8; 16];
    rand::rng().fill_bytes(&mut bytes);
    let salt = SaltString::encode_b64(&bytes).map_err(|e| anyhow::anyhow!("salt: {e}"))?;
    Argon2::default()
        .hash_password(password.expose().as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| anyhow::anyhow!("hashing a password: {e}"))
}

/// Whether `password` matches the stored `phc` hash (false for a malformed hash).
pub fn verify(password: &str, phc: &str) -> bool {
    PasswordHash::new(phc).is_ok_and(|parsed| Argon2::default().verify_password(password.as_bytes(), &parsed).is_ok())
}

/// Spends the same effort as a real check, so an unknown email answers as slowly as a known one.
pub fn verify_dummy(password: &str) {
    static DUMMY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    let phc =
        DUMMY.get_or_init(|| hash(&Password::parse("dummy password for timing").expect("long enough")).expect("hash"));
    let _ = verify(password, phc);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hash_verifies_its_password_and_nothing_else() {
        let phc = hash(&Password::parse("সঠিক পাসওয়ার্ড ১২৩").unwrap()).unwrap();
        assert!(phc.starts_with("$argon2id$"));
        assert!(verify("সঠিক পাসওয়ার্ড ১২৩", &phc));
        assert!(!verify("ভুল পাসওয়ার্ড ১২৩", &phc));
        assert!(!verify("anything", "not a hash"));
    }

    #[test]
    fn the_same_password_hashes_differently_each_time() {
        let p = Password::parse("correct horse battery").unwrap();
        assert_ne!(hash(&p).unwrap(), hash(&p).unwrap());
    }
}
