//! Where feedback came from when the citizen did not type it themselves: an
//! operator at a Union Digital Centre (assisted intake) or a spreadsheet of paper
//! and workshop feedback (import). Kept on the row, never shown to the public.

use super::text::clean_line;
use super::FieldError;

/// Longest centre name kept.
pub const CENTRE_MAX: usize = 120;
/// Longest import source label kept.
pub const SOURCE_MAX: usize = 200;

/// How the operator reached the citizen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ReachedBy {
    /// The citizen came to the centre.
    InPerson,
    /// Over the telephone.
    Phone,
}

impl ReachedBy {
    /// Both ways, in form order.
    pub const ALL: [ReachedBy; 2] = [ReachedBy::InPerson, ReachedBy::Phone];

    /// Stored form (`in-person`, `phone`).
    pub fn as_str(self) -> &'static str {
        match self {
            ReachedBy::InPerson => "in-person",
            ReachedBy::Phone => "phone",
        }
    }

    /// Reads the stored form.
    pub fn parse(s: &str) -> Option<ReachedBy> {
        ReachedBy::ALL.into_iter().find(|r| r.as_str() == s.trim())
    }
}

/// An entry typed by an operator on a citizen's behalf.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assisted {
    /// The operator's staff id.
    pub operator_id: i64,
    /// The Union Digital Centre (as the operator names it).
    pub centre: String,
    /// Whether the citizen's consent was asked before their words were entered.
    pub consent_asked: bool,
    /// How the citizen was reached.
    pub reached_by: ReachedBy,
}

/// A one-line label of 1..=`max` characters (centre name, import source).
pub fn parse_label(field: &str, input: &str, max: usize) -> Result<String, FieldError> {
    let label = clean_line(input);
    let length = label.chars().count();
    if length == 0 {
        Err(FieldError::new(field, "error-label-required"))
    } else if length > max {
        Err(FieldError::new(field, "error-label-too-long").with("max", max))
    } else {
        Ok(label)
    }
}

/// Reads a yes/no radio answer (`yes`, `no`); anything else is unanswered.
pub fn parse_yes_no(field: &str, input: Option<&str>) -> Result<bool, FieldError> {
    match input.map(str::trim) {
        Some("yes") => Ok(true),
        Some("no") => Ok(false),
        _ => Err(FieldError::new(field, "error-answer-required")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ways_of_reaching_read_back_from_their_stored_form() {
        for r in ReachedBy::ALL {
            assert_eq!(ReachedBy::parse(r.as_str()), Some(r));
        }
        assert_eq!(ReachedBy::parse("email"), None);
    }

    #[test]
    fn labels_are_one_clean_line_of_bounded_length() {
        assert_eq!(parse_label("centre", "  Savar   UDC\n", 20).unwrap(), "Savar UDC");
        assert_eq!(parse_label("centre", " ", 20).unwrap_err().code, "error-label-required");
        assert_eq!(parse_label("centre", &"x".repeat(21), 20).unwrap_err().code, "error-label-too-long");
    }

    #[test]
    fn consent_must_be_answered_yes_or_no() {
        assert_eq!(parse_yes_no("consent_asked", Some("yes")), Ok(true));
        assert_eq!(parse_yes_no("consent_asked", Some("no")), Ok(false));
        assert!(parse_yes_no("consent_asked", None).is_err());
    }
}
