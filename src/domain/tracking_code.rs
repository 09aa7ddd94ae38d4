//! Tracking codes: 10 characters, no look-alikes (no 0/O, 1/I/L, U), random.

use rand::Rng;

/// The 30 characters a code is made of.
pub const ALPHABET: &[u8] = b"23456789ABCDEFGHJKMNPQRSTVWXYZ";
/// Length of every code.
pub const LENGTH: usize = 10;

/// Why typed text is not a tracking code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CodeProblem {
    /// Nothing but spaces and dashes.
    Empty,
    /// A character no code holds (`0`, `O`, `1`, `I`, `L`, `U`, punctuation, letters of other scripts).
    NeverUsed(char),
    /// Only code characters, but not [`LENGTH`] of them.
    Length(usize),
}

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

    /// The code a digest names: the first [`LENGTH`] base-30 digits of its first 16 bytes
    /// (bias under 10^-23), so a secret digest makes a code as unguessable as a random one.
    pub fn from_digest(digest: &[u8; 32]) -> Self {
        let mut n = u128::from_le_bytes(digest[..16].try_into().expect("16 bytes"));
        let code = (0..LENGTH)
            .map(|_| {
                let digit = (n % ALPHABET.len() as u128) as usize;
                n /= ALPHABET.len() as u128;
                char::from(ALPHABET[digit])
            })
            .collect();
        Self(code)
    }

    /// Reads a code as people type it: any case, Bangla digits, spaces or
    /// dashes between groups.
    pub fn parse(input: &str) -> Option<Self> {
        Self::check(input).ok()
    }

    /// [`parse`](Self::parse), saying what is wrong with typed text that is not a code: nothing
    /// typed, a character codes never use (the first one), or the wrong length.
    pub fn check(input: &str) -> Result<Self, CodeProblem> {
        let code: String = super::digits::to_ascii_digits(input)
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '-')
            .map(|c| c.to_ascii_uppercase())
            .collect();
        if code.is_empty() {
            return Err(CodeProblem::Empty);
        }
        if let Some(c) = code.chars().find(|c| !c.is_ascii() || !ALPHABET.contains(&(*c as u8))) {
            return Err(CodeProblem::NeverUsed(c));
        }
        let length = code.chars().count();
        if length != LENGTH {
            return Err(CodeProblem::Length(length));
        }
        Ok(Self(code))
    }

    /// A stored code as people read it ([`grouped`](Self::grouped)); anything that is not a code
    /// as it is.
    pub fn shown(stored: &str) -> String {
        Self::parse(stored).map_or_else(|| stored.to_owned(), |c| c.grouped())
    }

    /// The code as receipts and pages print it, in two groups of five: `7KX4M-2QHTD`.
    pub fn grouped(&self) -> String {
        format!("{}-{}", &self.0[..LENGTH / 2], &self.0[LENGTH / 2..])
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
    fn malformed_codes_are_refused_saying_why() {
        assert_eq!(TrackingCode::check("ABC"), Err(CodeProblem::Length(3)));
        assert_eq!(TrackingCode::check("ABCDEFGHIO"), Err(CodeProblem::NeverUsed('I')));
        assert_eq!(TrackingCode::check("7kx4m-2qhto"), Err(CodeProblem::NeverUsed('O')));
        assert_eq!(TrackingCode::check("7KX4M-2QHT০"), Err(CodeProblem::NeverUsed('0')));
        assert_eq!(TrackingCode::check(" - "), Err(CodeProblem::Empty));
        assert_eq!(TrackingCode::check("কখগ"), Err(CodeProblem::NeverUsed('ক')));
    }

    #[test]
    fn codes_print_in_two_groups_of_five() {
        assert_eq!(TrackingCode::parse("7kx4m2qhtd").unwrap().grouped(), "7KX4M-2QHTD");
    }
}
