//! Charter vocabulary: how a service is delivered, its roadmap category, codes.

use serde::Serialize;

/// How a service is delivered today.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DeliveryMode {
    /// Paper and visits only.
    Manual,
    /// Some steps online.
    PartlyOnline,
    /// Fully online.
    Online,
}

impl DeliveryMode {
    /// Reads `manual`, `partly_online` (or `partly-online`, `partly online`) or `online`.
    pub fn parse(s: &str) -> Option<Self> {
        match s.trim().to_ascii_lowercase().replace(['-', ' '], "_").as_str() {
            "manual" => Some(Self::Manual),
            "partly_online" | "partial" => Some(Self::PartlyOnline),
            "online" => Some(Self::Online),
            _ => None,
        }
    }

    /// The stored form.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Manual => "manual",
            Self::PartlyOnline => "partly_online",
            Self::Online => "online",
        }
    }
}

/// A roadmap category that is not 1, 2 or empty.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InvalidCategory;

/// The e-Service Roadmap priority category; `None` in the catalogue means neither.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum RoadmapCategory {
    /// Priority category 1.
    One,
    /// Priority category 2.
    Two,
}

impl RoadmapCategory {
    /// Reads `1`, `2` (Bangla digits too); `None` for empty or `none`; `Err` otherwise.
    pub fn parse(s: &str) -> Result<Option<Self>, InvalidCategory> {
        match super::digits::to_ascii_digits(s.trim()).to_ascii_lowercase().as_str() {
            "" | "none" | "-" => Ok(None),
            "1" => Ok(Some(Self::One)),
            "2" => Ok(Some(Self::Two)),
            _ => Err(InvalidCategory),
        }
    }

    /// The stored number.
    pub fn number(self) -> i32 {
        match self {
            Self::One => 1,
            Self::Two => 2,
        }
    }

    /// From the stored number.
    pub fn from_number(n: i32) -> Option<Self> {
        match n {
            1 => Some(Self::One),
            2 => Some(Self::Two),
            _ => None,
        }
    }
}

/// Whether `code` is a valid ministry or office code: 2–12 upper-case ASCII letters or digits.
pub fn is_unit_code(code: &str) -> bool {
    (2..=12).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
}

/// Whether `code` is a valid service code: 2–40 upper-case ASCII letters,
/// digits, `-`, `_` or `.`, starting with a letter or digit.
pub fn is_service_code(code: &str) -> bool {
    (2..=40).contains(&code.len())
        && code.bytes().next().is_some_and(|b| b.is_ascii_alphanumeric())
        && code.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || matches!(b, b'-' | b'_' | b'.'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delivery_modes_parse_in_their_usual_spellings() {
        assert_eq!(DeliveryMode::parse("Partly online"), Some(DeliveryMode::PartlyOnline));
        assert_eq!(DeliveryMode::parse("online"), Some(DeliveryMode::Online));
        assert_eq!(DeliveryMode::parse("fax"), None);
    }

    #[test]
    fn roadmap_category_is_one_two_or_none() {
        assert_eq!(RoadmapCategory::parse("১"), Ok(Some(RoadmapCategory::One)));
        assert_eq!(RoadmapCategory::parse(""), Ok(None));
        assert_eq!(RoadmapCategory::parse("3"), Err(InvalidCategory));
    }

    #[test]
    fn codes_are_checked() {
        assert!(is_unit_code("MOHA"));
        assert!(!is_unit_code("moha"));
        assert!(is_service_code("DIP-001"));
        assert!(!is_service_code("-DIP"));
        assert!(!is_service_code("DIP 001"));
    }
}
