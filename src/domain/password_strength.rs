//! Whether a new password is too easy to guess: a common password or pattern (as a password
//! cracker tries them first, estimated by zxcvbn), or one built from the account's own email or
//! name.

use zxcvbn::{zxcvbn, Score};

/// Least zxcvbn score a new password needs ("safely unguessable": about 10^8 guesses).
const LEAST_SCORE: Score = Score::Three;
/// Shortest part of an email or name that a password may not contain.
const SHORTEST_PERSONAL_PART: usize = 3;

/// The parts of an email and name a password may not contain: the whole email, its local
/// part, and each word of the name and of the local part, lower-cased.
fn personal_parts(personal: &[&str]) -> Vec<String> {
    let mut parts = Vec::new();
    for item in personal.iter().map(|p| p.trim().to_lowercase()).filter(|p| !p.is_empty()) {
        let local = item.split('@').next().unwrap_or_default().to_owned();
        parts.extend(local.split(|c: char| !c.is_alphanumeric()).map(str::to_owned));
        parts.push(local);
        parts.push(item);
    }
    parts.retain(|p| p.chars().count() >= SHORTEST_PERSONAL_PART);
    parts.sort();
    parts.dedup();
    parts
}

/// Whether `password` is too guessable for an account with these email and name.
pub fn is_guessable(password: &str, personal: &[&str]) -> bool {
    let lower = password.to_lowercase();
    let parts = personal_parts(personal);
    if parts.iter().any(|p| lower.contains(p.as_str())) {
        return true;
    }
    let inputs: Vec<&str> = parts.iter().map(String::as_str).collect();
    zxcvbn(password, &inputs).score() < LEAST_SCORE
}

#[cfg(test)]
mod tests {
    use super::*;

    const ME: [&str; 2] = ["rahima.khatun@lgd.gov.bd", "Rahima Khatun"];

    #[test]
    fn common_passwords_and_patterns_are_guessable() {
        for p in ["aaaaaaaaaa", "1234567890", "password123", "qwertyuiop", "iloveyou2024", "abcdefghij", "1111111111"] {
            assert!(is_guessable(p, &ME), "{p}");
        }
    }

    #[test]
    fn the_accounts_own_email_or_name_is_guessable() {
        for p in ["rahima.khatun@lgd.gov.bd", "Rahima.Khatun-2025!", "my name is khatun and I work", "RAHIMA1985xz"] {
            assert!(is_guessable(p, &ME), "{p}");
        }
    }

    #[test]
    fn long_phrases_of_unrelated_words_pass_in_either_script() {
        for p in ["correct horse battery staple", "tin-shed ferry mango 42 lantern", "নদীর ধারে সবুজ ছাতা ১৯৭১ কাক"]
        {
            assert!(!is_guessable(p, &ME), "{p}");
        }
    }
}
