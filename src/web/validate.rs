//! Request structs checked with `validator` (lengths, ranges, rules of our own), their errors
//! turned into the field errors that pages show beside each field and the JSON API sends in its
//! error envelope. Each rule names its message with `code = "error-…"` (a catalog message id);
//! a message may use `{ $min }`, `{ $max }` and `{ $length }` (characters or items given).
//! Domain types keep their own checks: this is for what a request itself must look like.

use std::borrow::Cow;

use serde_json::Value;
use validator::{Validate, ValidationError, ValidationErrors};

use crate::domain::{FieldError, FieldErrors};

/// Message of an error whose rule names no catalog message (a mistake caught by a test).
const UNNAMED: &str = "error-invalid-value";

/// Checks `value`; its errors come in the order of `fields` (the form's order), others after
/// them by name.
pub fn check<T: Validate>(value: &T, fields: &[&str]) -> Result<(), FieldErrors> {
    value.validate().map_err(|e| field_errors(&e, fields))
}

/// The field errors of `errors`, in the order of `fields` (then by name).
pub fn field_errors(errors: &ValidationErrors, fields: &[&str]) -> FieldErrors {
    let mut listed: Vec<(&str, &Vec<ValidationError>)> =
        errors.field_errors().into_iter().map(|(field, list)| (field_name(field), list)).collect();
    let position = |f: &str| fields.iter().position(|x| *x == f).unwrap_or(usize::MAX);
    listed.sort_by(|a, b| position(a.0).cmp(&position(b.0)).then(a.0.cmp(b.0)));
    let mut out = FieldErrors::new();
    for (field, list) in listed {
        for error in list {
            out.push(field_error(field, error));
        }
    }
    out
}

fn field_name(field: Cow<'static, str>) -> &'static str {
    match field {
        Cow::Borrowed(name) => name,
        // Field names come from the struct's fields, always static.
        Cow::Owned(_) => "",
    }
}

fn field_error(field: &str, error: &ValidationError) -> FieldError {
    let code = match &error.code {
        Cow::Borrowed(code) if code.starts_with("error-") => *code,
        _ => UNNAMED,
    };
    let mut out = FieldError::new(field, code);
    for (name, value) in &error.params {
        let arg = match name.as_ref() {
            "min" => "min",
            "max" => "max",
            // The value itself: its length in characters (or items), never its content.
            "value" => "length",
            _ => continue,
        };
        let shown = match value {
            Value::String(s) if arg == "length" => s.chars().count().to_string(),
            Value::Array(items) if arg == "length" => items.len().to_string(),
            Value::Number(n) if arg != "length" => n.to_string(),
            _ => continue,
        };
        out = out.with(arg, shown);
    }
    out.args.sort();
    out
}

/// A rule for text that must say something: not only spaces and line breaks.
pub fn not_blank(value: &str) -> Result<(), ValidationError> {
    if value.trim().is_empty() {
        Err(ValidationError::new("blank"))
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use validator::Validate;

    #[derive(Validate)]
    struct Form {
        #[validate(
            length(max = 5, code = "error-token-name-too-long"),
            custom(function = "not_blank", code = "error-token-name-required")
        )]
        name: String,
        #[validate(length(min = 1, max = 3, code = "error-move-none-chosen"))]
        ids: Vec<i64>,
    }

    #[test]
    fn errors_come_as_field_errors_in_form_order_with_their_limits_and_never_the_value() {
        let form = Form { name: "ক".repeat(7), ids: Vec::new() };
        let errors = check(&form, &["name", "ids"]).unwrap_err();
        let fields: Vec<&str> = errors.0.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["name", "ids"]);
        assert_eq!(errors.0[0].code, "error-token-name-too-long");
        assert_eq!(errors.0[0].args, [("length", "7".to_owned()), ("max", "5".to_owned())]);
        assert_eq!(errors.0[1].code, "error-move-none-chosen");
        let reversed = check(&form, &["ids", "name"]).unwrap_err();
        assert_eq!(reversed.0[0].field, "ids");
        let blank = Form { name: " \n".into(), ids: vec![1] };
        assert_eq!(check(&blank, &["name"]).unwrap_err().0[0].code, "error-token-name-required");
        assert!(check(&Form { name: "ok".into(), ids: vec![1, 2] }, &[]).is_ok());
    }
}
