//! The feedback form's view: what was typed, the choices, and the errors.

use serde::Deserialize;
use serde_json::{json, Map, Value};

use crate::db::services::Service;
use crate::domain::contact::{tidy_email, tidy_phone};
use crate::domain::district::District;
use crate::domain::feedback::{is_yes, FeedbackKind, RawFeedback, DAYS_MAX, TEXT_MAX, TEXT_MIN, VISITS_MAX};
use crate::domain::tracking_code::TrackingCode;
use crate::domain::{FieldErrors, Locale};
use crate::i18n;

/// The form as posted; every field optional so that a missing one is a field error.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct FormValues {
    kind: Option<String>,
    text: Option<String>,
    step: Option<String>,
    days: Option<String>,
    cost: Option<String>,
    visits: Option<String>,
    district: Option<String>,
    name: Option<String>,
    email: Option<String>,
    phone: Option<String>,
    consent: Option<String>,
    submission_id: Option<String>,
    action: Option<String>,
    /// The similar feedback a "me too" button agreed with.
    me_too: Option<String>,
    /// The signed similar-feedback step the form carries.
    similar_token: Option<String>,
}

impl FormValues {
    /// The form's one-off id (1–64 characters), if it sent a usable one.
    pub fn submission_id(&self) -> Option<&str> {
        self.submission_id.as_deref().map(str::trim).filter(|id| !id.is_empty() && id.len() <= 64)
    }

    /// Whether the citizen asked to see similar feedback before sending (the form's first button).
    pub fn wants_check(&self) -> bool {
        self.action.as_deref() == Some("check")
    }

    /// The feedback whose "me too" button sent the form, if one did (an unusable id is none).
    pub fn me_too_id(&self) -> Option<i64> {
        let id = crate::domain::digits::to_ascii_digits(self.me_too.as_deref()?.trim());
        id.parse().ok().filter(|id| *id > 0)
    }

    /// The similar-feedback step the form carries.
    pub fn similar_token(&self) -> Option<&str> {
        self.similar_token.as_deref().filter(|t| t.len() <= 512)
    }

    /// The raw submission the domain checks, tidied as people type: one newline
    /// per line break, phone numbers without separators, emails without spaces.
    pub fn raw(&self) -> RawFeedback {
        RawFeedback {
            kind: self.kind.clone(),
            text: self.text.as_ref().map(|t| t.replace("\r\n", "\n")),
            step: self.step.clone(),
            days: self.days.clone(),
            cost: self.cost.clone(),
            visits: self.visits.clone(),
            district: self.district.clone(),
            name: self.name.clone(),
            email: self.email.as_deref().map(tidy_email),
            phone: self.phone.as_deref().map(tidy_phone),
            consent: self.consent.clone(),
        }
    }
}

/// Everything the form template needs.
pub fn form_context(
    locale: Locale,
    service: &Service,
    values: &FormValues,
    errors: &FieldErrors,
    similar_token: Option<&str>,
) -> Value {
    let value = |v: &Option<String>| v.clone().unwrap_or_default();
    let kind = value(&values.kind);
    let step = value(&values.step);
    let district = value(&values.district);
    let chosen_district = District::parse(&district).map(|d| d.code());

    let kinds: Vec<Value> = FeedbackKind::ALL
        .iter()
        .map(|k| {
            json!({
                "value": k.as_str(),
                "label_id": format!("kind-{}", k.as_str()),
                "hint_id": format!("kind-{}-hint", k.as_str()),
                "checked": kind == k.as_str(),
            })
        })
        .collect();
    let steps: Vec<Value> = service
        .step_list()
        .into_iter()
        .enumerate()
        .map(|(i, label)| {
            let number = (i + 1).to_string();
            json!({ "value": number, "selected": step == number || step == label, "label": label })
        })
        .collect();
    let mut divisions: Vec<(String, Vec<Value>)> = Vec::new();
    for d in District::all() {
        let entry = json!({ "code": d.code(), "name": d.name(locale), "selected": chosen_district == Some(d.code()) });
        match divisions.last_mut() {
            Some((name, list)) if name == d.division(locale) => list.push(entry),
            _ => divisions.push((d.division(locale).to_owned(), vec![entry])),
        }
    }
    let mut by_field = Map::new();
    let mut list = Vec::new();
    for e in &errors.0 {
        let message = i18n::message(locale, e.code, &e.args);
        by_field.insert(e.field.clone(), Value::String(message.clone()));
        // The summary names the box each message is about ("কত দিন লেগেছে: …"); the message
        // beside the box does not need to.
        let summary = match i18n::try_message(locale, &format!("form-{}", e.field), &[]) {
            Some(label) => format!("{label}: {message}"),
            None => message,
        };
        list.push(json!({ "field": e.field, "message": summary }));
    }
    let submission_id =
        values.submission_id().map(str::to_owned).unwrap_or_else(|| TrackingCode::generate().to_string());
    json!({
        "action": format!("/services/{}/feedback", service.code),
        "submission_id": submission_id,
        "similar_token": similar_token,
        "values": {
            "text": value(&values.text),
            "days": value(&values.days),
            "cost": value(&values.cost),
            "visits": value(&values.visits),
            "name": value(&values.name),
            "email": value(&values.email),
            "phone": value(&values.phone),
            "consent": is_yes(values.consent.as_deref()),
        },
        "kinds": kinds,
        "steps": steps,
        "divisions": divisions.into_iter().map(|(name, districts)| json!({"name": name, "districts": districts})).collect::<Vec<_>>(),
        "errors": by_field,
        "error_list": list,
        "has_errors": !errors.is_empty(),
        "limits": {
            "text_min": TEXT_MIN, "text_max": TEXT_MAX, "days_max": DAYS_MAX, "visits_max": VISITS_MAX,
        },
    })
}
