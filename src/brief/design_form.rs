//! The brief's design form as sent: step rows `step-N-…` (N the row on the form, 1-based;
//! a row left wholly blank is skipped), one decision per theme of what citizens want
//! (`want-ID`, `want-ID-step`, `want-ID-reason`) and the version the designer opened
//! (`base_version`). Numbers take Bangla or ASCII digits; a blank number counts as 0. Every
//! problem is a field error naming the row and the box, in the page's language.

use std::collections::HashMap;

use super::design::{
    Channel, Decision, Design, ToBeStep, WantMark, MAX_COST, MAX_DAYS, MAX_STEPS, MAX_TEXT, MAX_VISITS,
};
use crate::domain::digits::{grouped, parse_whole_number, to_ascii_digits, NumberError};
use crate::domain::{FieldError, FieldErrors};

/// The form as sent, field by field.
pub struct DesignForm<'a> {
    fields: HashMap<&'a str, &'a str>,
}

/// A design read from the form, and the version it was written over.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SentDesign {
    /// The design.
    pub design: Design,
    /// The version the designer opened (0: none existed).
    pub base_version: i32,
}

const STEP_FIELDS: [&str; 7] = ["name_bn", "name_en", "channel", "documents", "days", "cost", "visits"];

impl<'a> DesignForm<'a> {
    /// The form's `(name, value)` pairs (the last of a repeated name wins).
    pub fn new(pairs: &'a [(String, String)]) -> Self {
        DesignForm { fields: pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect() }
    }

    fn get(&self, name: &str) -> &'a str {
        self.fields.get(name).copied().unwrap_or("")
    }

    /// The highest step row sent.
    fn last_row(&self) -> usize {
        self.fields
            .keys()
            .filter_map(|k| k.strip_prefix("step-")?.split_once('-')?.0.parse::<usize>().ok())
            .max()
            .unwrap_or(0)
    }

    /// Reads the design; `themes` are the themes of what citizens want that may be decided on.
    pub fn parse(&self, themes: &[i64]) -> Result<SentDesign, FieldErrors> {
        let mut errors = FieldErrors::new();
        let base_version = to_ascii_digits(self.get("base_version").trim()).parse::<i32>().unwrap_or(0).max(0);
        let last = self.last_row();
        if last > MAX_STEPS {
            errors.push(
                FieldError::new(format!("step-{last}-name_bn"), "error-brief-too-many-steps").with("max", MAX_STEPS),
            );
        }
        let mut steps = Vec::new();
        // The row each kept step came from: a decision names the row it sees on the form.
        let mut row_of_step = Vec::new();
        for row in 1..=last.min(MAX_STEPS) {
            if self.is_blank(row) {
                continue;
            }
            if let Some(step) = self.step(row, &mut errors) {
                steps.push(step);
            }
            row_of_step.push(row);
        }
        let mut wants = Vec::new();
        for &theme_id in themes {
            let field = format!("want-{theme_id}");
            let decision = match self.get(&field).trim() {
                "" => None,
                "taken" => {
                    let step_field = format!("{field}-step");
                    let row = to_ascii_digits(self.get(&step_field).trim()).parse::<usize>().ok();
                    match row.and_then(|r| row_of_step.iter().position(|&kept| kept == r)) {
                        Some(i) => Some(Decision::Taken { step: i as i64 + 1 }),
                        None => {
                            errors.push(FieldError::new(step_field, "error-brief-want-step"));
                            None
                        }
                    }
                }
                "not-now" => {
                    let reason_field = format!("{field}-reason");
                    let reason = self.get(&reason_field).trim();
                    if reason.is_empty() {
                        errors.push(FieldError::new(reason_field, "error-brief-want-reason"));
                        None
                    } else if let Some(long) = too_long(&reason_field, reason) {
                        errors.push(long);
                        None
                    } else {
                        Some(Decision::NotNow { reason: reason.to_owned() })
                    }
                }
                _ => {
                    errors.push(FieldError::new(field, "error-brief-want-decision"));
                    None
                }
            };
            if let Some(decision) = decision {
                wants.push(WantMark { theme_id, decision });
            }
        }
        errors.into_result(|| SentDesign { design: Design { steps, wants }, base_version })
    }

    /// A row with no text, no channel and no number other than zero: not a step (a saved step
    /// is removed by emptying its boxes; its numbers may be left at 0).
    fn is_blank(&self, row: usize) -> bool {
        STEP_FIELDS.iter().all(|f| {
            let value = self.get(&format!("step-{row}-{f}"));
            match *f {
                "days" | "cost" | "visits" => matches!(parse_whole_number(value, u64::MAX), Ok(None | Some(0))),
                _ => value.trim().is_empty(),
            }
        })
    }

    /// One written row; its problems go to `errors`.
    fn step(&self, row: usize, errors: &mut FieldErrors) -> Option<ToBeStep> {
        let name = |f: &str| format!("step-{row}-{f}");
        let before = errors.0.len();
        let text = |f: &str, errors: &mut FieldErrors| -> String {
            let value = self.get(&name(f)).trim();
            if let Some(long) = too_long(&name(f), value) {
                errors.push(long.with("step", row));
            }
            value.to_owned()
        };
        let (name_bn, name_en, documents) =
            (text("name_bn", errors), text("name_en", errors), text("documents", errors));
        for (value, f) in [(&name_bn, "name_bn"), (&name_en, "name_en")] {
            if value.is_empty() {
                errors.push(FieldError::new(name(f), "error-brief-step-name").with("step", row));
            }
        }
        let channel = Channel::parse(self.get(&name("channel")));
        if channel.is_none() {
            errors.push(FieldError::new(name("channel"), "error-brief-step-channel").with("step", row));
        }
        let mut number = |f: &str, max: u64| -> i64 {
            match parse_whole_number(self.get(&name(f)), max) {
                Ok(n) => n.unwrap_or(0) as i64,
                Err(e) => {
                    let code = match e {
                        NumberError::NotANumber => "error-brief-number-invalid",
                        NumberError::Negative => "error-brief-number-negative",
                        NumberError::NotWhole => "error-brief-number-not-whole",
                        NumberError::TooLarge => "error-brief-number-too-large",
                    };
                    errors.push(
                        FieldError::new(name(f), code).with("step", row).with("what", f).with("max", grouped(max)),
                    );
                    0
                }
            }
        };
        let (days, cost, visits) = (number("days", MAX_DAYS), number("cost", MAX_COST), number("visits", MAX_VISITS));
        (errors.0.len() == before).then(|| ToBeStep {
            name_bn,
            name_en,
            channel: channel.expect("checked above"),
            documents,
            days,
            cost,
            visits,
        })
    }
}

fn too_long(field: &str, value: &str) -> Option<FieldError> {
    let length = value.chars().count();
    (length > MAX_TEXT)
        .then(|| FieldError::new(field, "error-brief-text-too-long").with("max", MAX_TEXT).with("length", length))
}

#[cfg(test)]
#[path = "design_form_tests.rs"]
mod tests;
