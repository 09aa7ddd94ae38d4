//! A citizen's optional contact details: personal data, kept apart from the text.
//!
//! The rules are exact regular expressions so the API description can state them
//! word for word ([`EMAIL_PATTERN`], [`PHONE_PATTERN`]); the web form tidies what
//! people type (spaces, dashes, Bangla digits) before these rules apply.

use std::sync::LazyLock;

use regex::Regex;

use super::digits::to_ascii_digits;
use super::text::{clean_line, trim_ascii_space};
use super::FieldError;

/// Most characters in a name.
pub const NAME_MAX: usize = 100;
/// Most characters in an email address (RFC 5321 path limit).
pub const EMAIL_MAX: usize = 254;
/// An email address: plain ASCII local part, a domain of labels and a letter TLD (or empty).
pub const EMAIL_PATTERN: &str =
    r"^$|^[A-Za-z0-9._%+-]{1,64}@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$";
/// A phone number: international with `+` and 8–15 digits, or Bangladeshi national from `0` (or empty).
pub const PHONE_PATTERN: &str = r"^$|^(?:\+[1-9][0-9]{7,14}|0[1-9][0-9]{7,9})$";

/// JSON Schema patterns use `$`, which (as in Python) also matches before one final newline.
fn anchored(pattern: &str) -> Regex {
    Regex::new(&pattern.replace('$', r"\n?\z")).expect("valid pattern")
}

static EMAIL: LazyLock<Regex> = LazyLock::new(|| anchored(EMAIL_PATTERN));
static PHONE: LazyLock<Regex> = LazyLock::new(|| anchored(PHONE_PATTERN));

/// A name as the citizen gave it (NFC, one line).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonName(String);

impl PersonName {
    /// Reads an optional name of at most [`NAME_MAX`] characters: blank means none.
    pub fn parse(field: &str, input: &str) -> Result<Option<Self>, FieldError> {
        if input.chars().count() > NAME_MAX {
            return Err(FieldError::new(field, "error-name-too-long").with("max", NAME_MAX));
        }
        let name = clean_line(input);
        Ok((!name.is_empty()).then_some(Self(name)))
    }

    /// The stored form.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A valid email address, lower-cased.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContactEmail(String);

impl ContactEmail {
    /// Reads an optional email address: empty means none.
    pub fn parse(field: &str, input: &str) -> Result<Option<Self>, FieldError> {
        if input.chars().count() > EMAIL_MAX || !EMAIL.is_match(input) {
            return Err(FieldError::new(field, "error-email-invalid"));
        }
        let email = input.trim_end_matches('\n').to_ascii_lowercase();
        Ok((!email.is_empty()).then_some(Self(email)))
    }

    /// The stored form.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A phone number in international form (`+8801711000000`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhoneNumber(String);

impl PhoneNumber {
    /// Reads an optional phone number matching [`PHONE_PATTERN`]: empty means none;
    /// national numbers get Bangladesh's country code.
    pub fn parse(field: &str, input: &str) -> Result<Option<Self>, FieldError> {
        if !PHONE.is_match(input) {
            return Err(FieldError::new(field, "error-phone-invalid"));
        }
        let number = input.trim_end_matches('\n');
        Ok(match number.strip_prefix('0') {
            _ if number.is_empty() => None,
            Some(national) => Some(Self(format!("+880{national}"))),
            None => Some(Self(number.to_owned())),
        })
    }

    /// The stored form.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// How people type phone numbers (`০১৭১১-০০০০০০`, `+880 1711 000000`, `8801711…`)
/// tidied into what [`PhoneNumber::parse`] reads.
pub fn tidy_phone(input: &str) -> String {
    let compact: String =
        to_ascii_digits(input).chars().filter(|c| !c.is_whitespace() && !matches!(c, '-' | '(' | ')' | '.')).collect();
    if let Some(rest) = compact.strip_prefix("00") {
        format!("+{rest}")
    } else if compact.starts_with("880") {
        format!("+{compact}")
    } else {
        compact
    }
}

/// An email as typed into a form: surrounding spaces removed.
pub fn tidy_email(input: &str) -> String {
    trim_ascii_space(input).to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn phone(typed: &str) -> Result<Option<String>, FieldError> {
        PhoneNumber::parse("phone", &tidy_phone(typed)).map(|p| p.map(|p| p.0))
    }

    #[test]
    fn bangladeshi_numbers_get_the_country_code() {
        for typed in ["01711000000", "01711-000000", "+880 1711 000000", "০১৭১১০০০০০০", "8801711000000"]
        {
            assert_eq!(phone(typed).unwrap().as_deref(), Some("+8801711000000"), "{typed}");
        }
        assert_eq!(phone("02-9556677").unwrap().as_deref(), Some("+88029556677"));
        assert_eq!(phone("+44 20 7946 0958").unwrap().as_deref(), Some("+442079460958"));
    }

    #[test]
    fn malformed_phone_numbers_are_refused() {
        for typed in ["12345", "call me", "+1", "0171", "+0123456789"] {
            assert!(phone(typed).is_err(), "{typed}");
        }
        assert!(PhoneNumber::parse("phone", "01711 000000").is_err(), "the API takes no separators");
    }

    #[test]
    fn emails_are_checked_and_lower_cased() {
        let email = |s: &str| ContactEmail::parse("email", s).map(|e| e.map(|e| e.0));
        assert_eq!(email(&tidy_email(" Rahim@Example.COM ")).unwrap().as_deref(), Some("rahim@example.com"));
        assert!(email("rahim@").is_err());
        assert!(email("not an email").is_err());
        assert!(email(" a@b.co").is_err(), "the API takes no surrounding spaces");
        assert_eq!(email("").unwrap(), None);
    }

    #[test]
    fn names_are_one_line_and_bounded() {
        let name = PersonName::parse("name", " রহিম \n উদ্দিন ").unwrap().unwrap();
        assert_eq!(name.0, "রহিম উদ্দিন");
        assert!(PersonName::parse("name", &"ক".repeat(101)).is_err());
        assert_eq!(PersonName::parse("name", "   ").unwrap(), None);
    }
}
