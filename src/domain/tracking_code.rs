//! Tracking codes: 10 characters, no look-alikes (no 0/O, 1/I/L, U), random.

use rand::Rng;

/// The 30 characters a code is made of.
pub const ALPHABET: &[u8] = b"23456789ABCDEFGHJKMNPQRSTVWXYZ";
/// Length of every code.
pub const LENGTH: usize = 10;

/// A syntactically valid tracking code (upper-case, without separators).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct TrackingCode(String);

impl TrackingCode {
    /// A new random code from the operating system's CSPRNG (about 49 bits).
    pub fn generate() -> Self {
        let mut rng = rand::rng();
        let code = (0..LENGTH).map(|_| char::from(ALPHABET[rng.random_range(0..ALPHABET.len())])).collect();
        Self(code)
    }

    /// Reads a code as people type it: any case, Bangla digits, spaces or
    /// dashes between groups.
    pub fn parse(input: &str) -> Option<Self> {
        let code: String = super::digits::to_ascii_digits(input)
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '-')
            .map(|c| c.to_ascii_uppercase())
            .collect();
        let valid = code.len() == LENGTH && code.bytes().all(|b| ALPHABET.contains(&b));
        valid.then_some(Self(code))
    }

    /// The stored form.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for TrackingCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_codes_are_ten_unambiguous_characters() {
        for _ in 0..200 {
            let code = TrackingCode::generate();
            assert_eq!(code.as_str().len(), 10);
            assert!(!code.as_str().contains(['0', 'O', '1', 'I', 'L', 'U']));
            assert_eq!(TrackingCode::parse(code.as_str()), Some(code));
        }
    }

    #[test]
    fn codes_are_read_as_people_type_them() {
        assert_eq!(TrackingCode::parse("abcde-fghjk").map(|c| c.0), Some("ABCDEFGHJK".into()));
        assert_eq!(TrackingCode::parse("২৩৪৫৬ 789AB").map(|c| c.0), Some("23456789AB".into()));
    }

    #[test]
    fn malformed_codes_are_refused() {
        assert_eq!(TrackingCode::parse("ABC"), None);
        assert_eq!(TrackingCode::parse("ABCDEFGHIO"), None);
    }
}
