//! The operator's entry form: what was typed, checked into a [`Submission`] with
//! the "on behalf of" details, and the form's view.

use serde::Deserialize;
use serde_json::{json, Value};

use super::view::field_messages;
use crate::catalogue::lookup::ServiceLookup;
use crate::domain::contact::{tidy_email, tidy_phone};
use crate::domain::district::District;
use crate::domain::feedback::{is_yes, Channel, FeedbackKind, RawFeedback, Submission};
use crate::domain::provenance::{parse_label, parse_yes_no, Assisted, ReachedBy, CENTRE_MAX};
use crate::domain::tracking_code::TrackingCode;
use crate::domain::{FieldError, FieldErrors, Locale};

/// The entry (and correction) form as posted; every field optional so a missing one is a field error.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct EntryForm {
    service: Option<String>,
    /// The service chosen among several that matched what was typed.
    service_choice: Option<String>,
    kind: Option<String>,
    text: Option<String>,
    days: Option<String>,
    cost: Option<String>,
    visits: Option<String>,
    district: Option<String>,
    name: Option<String>,
    email: Option<String>,
    phone: Option<String>,
    consent: Option<String>,
    centre: Option<String>,
    consent_asked: Option<String>,
    reached_by: Option<String>,
    submission_id: Option<String>,
}

fn value(v: &Option<String>) -> String {
    v.clone().unwrap_or_default()
}

impl EntryForm {
    /// A blank form for the next citizen, keeping the centre and how citizens are reached.
    pub fn next(centre: Option<String>, reached_by: Option<String>, district: Option<String>) -> Self {
        EntryForm { centre, reached_by, district, ..EntryForm::default() }
    }

    /// The form's one-off id (1–64 characters), if it sent a usable one.
    pub fn submission_id(&self) -> Option<&str> {
        self.submission_id.as_deref().map(str::trim).filter(|id| !id.is_empty() && id.len() <= 64)
    }

    fn raw(&self) -> RawFeedback {
        RawFeedback {
            kind: self.kind.clone(),
            text: self.text.as_ref().map(|t| t.replace("\r\n", "\n")),
            step: None,
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

    /// The checked feedback and the service it is about; every problem at once.
    /// `districts` are the operator's own (the only ones allowed).
    pub fn parse(
        &self,
        lookup: &ServiceLookup,
        districts: &[String],
        operator_id: i64,
        locale: Locale,
    ) -> Result<(Submission, i64), FieldErrors> {
        let mut errors = FieldErrors::new();
        let chosen = value(&self.service_choice);
        let typed_service = if chosen.trim().is_empty() { value(&self.service) } else { chosen };
        let service = match lookup.find(&typed_service) {
            Some(listing) => Some(listing.0.id),
            None if typed_service.trim().is_empty() => {
                errors.push(FieldError::new("service", "error-assisted-service-required"));
                None
            }
            // Part of a name: one service is that service; several are offered to choose from.
            None => match lookup.matching(&typed_service).as_slice() {
                [one] => Some(one.0.id),
                [] => {
                    errors.push(FieldError::new("service", "error-assisted-service-unknown"));
                    None
                }
                several => {
                    let count = several.len().to_string();
                    errors.push(FieldError::new("service", "error-assisted-service-several").with("count", count));
                    None
                }
            },
        };
        let submission = Submission::parse(&self.raw(), &[], locale, Channel::Assisted);
        if let Err(e) = &submission {
            e.0.iter().cloned().for_each(|e| errors.push(e));
        }
        check_district(&self.district, districts, &mut errors);
        // The summary names what is missing: the centre, not "a name".
        let centre = errors.take(parse_label("centre", &value(&self.centre), CENTRE_MAX).map_err(|e| {
            if e.code == "error-label-required" {
                FieldError::new("centre", "error-centre-required")
            } else {
                e
            }
        }));
        let consent_asked = errors.take(parse_yes_no("consent_asked", self.consent_asked.as_deref()));
        let reached_by = ReachedBy::parse(&value(&self.reached_by));
        if reached_by.is_none() {
            errors.push(FieldError::new("reached_by", "error-reached-by-required"));
        }
        match (submission, service, centre, consent_asked, reached_by) {
            (Ok(mut submission), Some(service), Some(centre), Some(consent_asked), Some(reached_by))
                if errors.is_empty() =>
            {
                submission.assisted = Some(Assisted { operator_id, centre, consent_asked, reached_by });
                Ok((submission, service))
            }
            _ => Err(errors),
        }
    }
}

/// Records an error unless `typed` names one of the operator's `districts`.
pub fn check_district(typed: &Option<String>, districts: &[String], errors: &mut FieldErrors) {
    if let Some(d) = typed.as_deref().and_then(District::parse) {
        if !districts.iter().any(|mine| mine == d.code()) {
            errors.push(FieldError::new("district", "error-assisted-district-not-yours"));
        }
    }
}

/// The operator's districts as choices, `chosen` selected (else the first).
pub fn district_choices(locale: Locale, districts: &[String], chosen: &Option<String>) -> Vec<Value> {
    let chosen = chosen.as_deref().and_then(District::parse).map(|d| d.code());
    districts
        .iter()
        .filter_map(|code| District::from_code(code))
        .enumerate()
        .map(|(i, d)| {
            let selected = chosen.map_or(i == 0, |c| c == d.code());
            json!({ "code": d.code(), "name": d.name(locale), "selected": selected })
        })
        .collect()
}

/// The kinds as choices, `chosen` selected.
pub fn kind_choices(chosen: &Option<String>) -> Vec<Value> {
    let chosen = chosen.as_deref().and_then(FeedbackKind::parse);
    FeedbackKind::ALL
        .iter()
        .map(|k| json!({ "value": k.as_str(), "label_id": format!("kind-{}", k.as_str()), "selected": Some(*k) == chosen }))
        .collect()
}

/// Services offered to choose from when what was typed matches several.
const CHOICES_SHOWN: usize = 20;

/// What the entry form shows: the values, the choices (the `suggested` services of `lookup`,
/// in that order) and the messages.
pub fn form_context(
    locale: Locale,
    form: &EntryForm,
    (lookup, suggested): (&ServiceLookup, &[i64]),
    districts: &[String],
    errors: &FieldErrors,
) -> Value {
    let services: Vec<Value> = suggested
        .iter()
        .filter_map(|id| lookup.all().iter().find(|(s, _, _)| s.id == *id))
        .map(|(s, _, _)| json!({ "code": s.code, "label": format!("{} · {}", s.name_bn, s.name_en) }))
        .collect();
    // The services that matched what was typed, when several did.
    let several = errors.0.iter().any(|e| e.code == "error-assisted-service-several");
    let choices: Vec<Value> = if several {
        lookup
            .matching(&value(&form.service))
            .iter()
            .take(CHOICES_SHOWN)
            .map(|(s, _, _)| json!({ "code": s.code, "label": format!("{} · {}", s.name_bn, s.name_en) }))
            .collect()
    } else {
        Vec::new()
    };
    let reached: Vec<Value> = ReachedBy::ALL
        .iter()
        .map(|r| {
            let checked = form.reached_by.as_deref() == Some(r.as_str());
            json!({ "value": r.as_str(), "label_id": format!("reached-{}", r.as_str()), "checked": checked })
        })
        .collect();
    let list = field_messages(locale, errors);
    let by_field: serde_json::Map<String, Value> =
        list.iter().map(|e| (e["field"].as_str().unwrap_or_default().to_owned(), e["message"].clone())).collect();
    let submission_id = form.submission_id().map(str::to_owned).unwrap_or_else(|| TrackingCode::generate().to_string());
    json!({
        "submission_id": submission_id,
        "values": {
            "service": value(&form.service), "text": value(&form.text), "days": value(&form.days),
            "cost": value(&form.cost), "visits": value(&form.visits), "name": value(&form.name),
            "email": value(&form.email), "phone": value(&form.phone), "consent": is_yes(form.consent.as_deref()),
            "centre": value(&form.centre),
            "consent_yes": form.consent_asked.as_deref() == Some("yes"),
            "consent_no": form.consent_asked.as_deref() == Some("no"),
        },
        "services": services,
        "choices": choices,
        "kinds": kind_choices(&form.kind),
        "districts": district_choices(locale, districts, &form.district),
        "reached": reached,
        "errors": by_field,
        "error_list": list,
        "has_errors": !errors.is_empty(),
    })
}
