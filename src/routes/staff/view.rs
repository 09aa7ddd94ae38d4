//! What the admin pages (accounts, audit log, API tokens) share in their views:
//! field messages in the page's language and how stored times are shown.

use chrono::NaiveDateTime;
use serde_json::{json, Map, Value};

use crate::domain::{FieldErrors, Locale};
use crate::i18n;

/// The field messages of a form in `locale`: `errors` by field (beside each input),
/// `error_list` in order (for the summary) and `has_errors`.
pub fn error_context(locale: Locale, errors: &FieldErrors) -> Value {
    let list = field_messages(locale, errors);
    let by_field: Map<String, Value> =
        list.iter().map(|e| (e["field"].as_str().unwrap_or_default().to_owned(), e["message"].clone())).collect();
    json!({ "has_errors": !errors.is_empty(), "errors": by_field, "error_list": list })
}

/// The messages of `errors` in `locale`, in order, each as `{field, message}`.
pub fn field_messages(locale: Locale, errors: &FieldErrors) -> Vec<Value> {
    errors.0.iter().map(|e| json!({ "field": e.field, "message": i18n::message(locale, e.code, &e.args) })).collect()
}

/// Adds the entries of `extra` (an object) to `base` (an object).
pub fn merged(mut base: Value, extra: Value) -> Value {
    if let (Some(base), Value::Object(extra)) = (base.as_object_mut(), extra) {
        base.extend(extra);
    }
    base
}

/// A stored UTC time as staff pages show it (`2026-01-05 14:03`; the template adds `UTC`).
pub fn shown_time(t: NaiveDateTime) -> String {
    t.format("%Y-%m-%d %H:%M").to_string()
}

/// Bangladesh Standard Time: UTC+6 all year (no daylight saving).
const BANGLADESH_OFFSET_HOURS: i64 = 6;

/// A stored UTC time in Bangladesh time, as people at a Union Digital Centre read a clock
/// (`2026-01-05 20:03`, in Bangla digits on Bangla pages; the template says "Bangladesh time").
pub fn bangladesh_time(t: NaiveDateTime, locale: crate::domain::Locale) -> String {
    let local = t + chrono::Duration::hours(BANGLADESH_OFFSET_HOURS);
    crate::i18n::localise_digits(locale, &local.format("%Y-%m-%d %H:%M").to_string())
}

/// A stored UTC time for a `<time datetime>` attribute.
pub fn machine_time(t: NaiveDateTime) -> String {
    t.format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::FieldError;

    #[test]
    fn field_messages_come_in_the_pages_language_by_field_and_in_order() {
        let mut errors = FieldErrors::new();
        errors.push(FieldError::new("email", "error-staff-email-taken"));
        errors.push(FieldError::new("password", "error-password-too-short").with("min", 10));
        let en = error_context(Locale::En, &errors);
        assert_eq!(en["has_errors"], true);
        assert_eq!(en["errors"]["email"], "An account with this email already exists");
        assert_eq!(en["error_list"][1]["field"], "password");
        let bn = error_context(Locale::Bn, &errors);
        assert!(bn["errors"]["password"].as_str().unwrap().contains("১০"));
    }

    #[test]
    fn times_are_shown_to_the_minute_in_utc() {
        let t = chrono::NaiveDate::from_ymd_opt(2026, 1, 5).unwrap().and_hms_opt(14, 3, 9).unwrap();
        assert_eq!(shown_time(t), "2026-01-05 14:03");
        assert_eq!(bangladesh_time(t, crate::domain::Locale::En), "2026-01-05 20:03");
        assert_eq!(bangladesh_time(t, crate::domain::Locale::Bn), "২০২৬-০১-০৫ ২০:০৩");
        assert_eq!(machine_time(t), "2026-01-05T14:03:09Z");
    }
}
