//! A citizen's optional contact details: personal data, kept apart from the text.

use validator::ValidateEmail;

use super::digits::to_ascii_digits;
use super::text::clean_line;
use super::FieldError;

/// Most characters in a name.
pub const NAME_MAX: usize = 100;
/// Most characters in an email address (RFC 5321 path limit).
pub const EMAIL_MAX: usize = 254;

/// A name as the citizen gave it (NFC, one line).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonName(String);

impl PersonName {
    /// Reads an optional name: empty means none.
    pub fn parse(field: &str, input: &str) -> Result<Option<Self>, FieldError> {
        let name = clean_line(input);
        if name.is_empty() {
            return Ok(None);
        }
        if name.chars().count() > NAME_MAX {
            return Err(FieldError::new(field, "error-name-too-long").with("max", NAME_MAX));
        }
        Ok(Some(Self(name)))
    }

    /// The stored form.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A syntactically valid email address, lower-cased.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContactEmail(String);

impl ContactEmail {
    /// Reads an optional email address: empty means none.
    pub fn parse(field: &str, input: &str) -> Result<Option<Self>, FieldError> {
        let email = clean_line(input).to_lowercase();
        if email.is_empty() {
            return Ok(None);
        }
        if email.chars().count() > EMAIL_MAX || !email.validate_email() || email.contains(' ') {
            return Err(FieldError::new(field, "error-email-invalid"));
        }
        Ok(Some(Self(email)))
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
    /// Reads an optional phone number. Bangladeshi numbers may be written
    /// nationally (`01711-000000`, Bangla digits too); others need `+` and the country code.
    pub fn parse(field: &str, input: &str) -> Result<Option<Self>, FieldError> {
        let ascii = to_ascii_digits(input);
        let compact: String =
            ascii.chars().filter(|c| !c.is_whitespace() && !matches!(c, '-' | '(' | ')' | '.')).collect();
        if compact.is_empty() {
            return Ok(None);
        }
        let invalid = || FieldError::new(field, "error-phone-invalid");
        let (international, digits) = match compact.strip_prefix('+') {
            Some(rest) => (true, rest.to_owned()),
            None => match compact.strip_prefix("00") {
                Some(rest) => (true, rest.to_owned()),
                None => (false, compact.clone()),
            },
        };
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(invalid());
        }
        let national = if international {
            match digits.strip_prefix("880") {
                Some(rest) => rest.trim_start_matches('0').to_owned(),
                None if (8..=15).contains(&digits.len()) => return Ok(Some(Self(format!("+{digits}")))),
                None => return Err(invalid()),
            }
        } else if let Some(rest) = digits.strip_prefix("880") {
            rest.trim_start_matches('0').to_owned()
        } else if let Some(rest) = digits.strip_prefix('0') {
            rest.to_owned()
        } else {
            return Err(invalid());
        };
        // Mobile: 1[3-9] + 8 digits; land lines: area code + number, 8 to 10 digits in all.
        let mobile = national.len() == 10 && national.starts_with('1') && national.as_bytes()[1] >= b'3';
        let land_line = (8..=10).contains(&national.len()) && !national.starts_with('1');
        if mobile || land_line {
            Ok(Some(Self(format!("+880{national}"))))
        } else {
            Err(invalid())
        }
    }

    /// The stored form.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bangladeshi_mobile_numbers_are_normalised() {
        let want = Some("+8801711000000".to_owned());
        for typed in ["01711000000", "01711-000000", "+880 1711 000000", "০১৭১১০০০০০০", "8801711000000"]
        {
            assert_eq!(PhoneNumber::parse("phone", typed).unwrap().map(|p| p.0), want, "{typed}");
        }
    }

    #[test]
    fn land_lines_and_foreign_numbers_are_accepted() {
        assert_eq!(PhoneNumber::parse("phone", "02-9556677").unwrap().unwrap().0, "+88029556677");
        assert_eq!(PhoneNumber::parse("phone", "+44 20 7946 0958").unwrap().unwrap().0, "+442079460958");
    }

    #[test]
    fn malformed_phone_numbers_are_refused() {
        for typed in ["12345", "0171100000", "call me", "+1", "01211000000"] {
            assert!(PhoneNumber::parse("phone", typed).is_err(), "{typed}");
        }
    }

    #[test]
    fn emails_are_checked_and_lower_cased() {
        assert_eq!(ContactEmail::parse("email", " Rahim@Example.COM ").unwrap().unwrap().0, "rahim@example.com");
        assert!(ContactEmail::parse("email", "rahim@").is_err());
        assert!(ContactEmail::parse("email", "not an email").is_err());
        assert_eq!(ContactEmail::parse("email", "").unwrap(), None);
    }

    #[test]
    fn names_are_one_line_and_bounded() {
        assert_eq!(PersonName::parse("name", " রহিম \n উদ্দিন ").unwrap().unwrap().0, "রহিম উদ্দিন");
        assert!(PersonName::parse("name", &"ক".repeat(101)).is_err());
    }
}
