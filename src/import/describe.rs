//! A plan's rows in plain words, in the page's (or the terminal's) language.

use super::DuplicateOf;
use crate::domain::{FieldError, Locale};
use crate::i18n;

/// A row's problems, each after its column: `days: Write a whole number…; date: …`.
pub fn reasons(locale: Locale, errors: &[FieldError]) -> String {
    let parts: Vec<String> =
        errors.iter().map(|e| format!("{}: {}", e.field, i18n::message(locale, e.code, &e.args))).collect();
    parts.join("; ")
}

/// What a duplicate duplicates.
pub fn duplicate_of(locale: Locale, exact: bool, of: &DuplicateOf) -> String {
    let (id, arg) = match (of, exact) {
        (DuplicateOf::Stored(code), true) => ("import-duplicate-exact-stored", ("code", code.clone())),
        (DuplicateOf::Stored(code), false) => ("import-duplicate-near-stored", ("code", code.clone())),
        (DuplicateOf::Line(l), true) => ("import-duplicate-exact-line", ("line", l.to_string())),
        (DuplicateOf::Line(l), false) => ("import-duplicate-near-line", ("line", l.to_string())),
    };
    i18n::message(locale, id, &[arg])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reasons_name_their_column_in_the_pages_language() {
        let errors = [FieldError::new("days", "error-number-invalid")];
        assert_eq!(reasons(Locale::En, &errors), "days: Write a whole number, like 5 or ৫");
        assert!(duplicate_of(Locale::Bn, false, &DuplicateOf::Line(12)).contains("১২"));
    }
}
