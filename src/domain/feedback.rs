//! A citizen's feedback about one service, parsed from what they typed.

use serde::Serialize;

use super::contact::{ContactEmail, PersonName, PhoneNumber};
use super::digits::{parse_whole_number, NumberError};
use super::district::District;
use super::text::{clean, trim_ascii_space};
use super::{FieldError, FieldErrors, Locale};

/// Fewest characters of text, after trimming.
pub const TEXT_MIN: usize = 10;
/// Most characters of text.
pub const TEXT_MAX: usize = 4_000;
/// Most days a service can be said to have taken (ten years).
pub const DAYS_MAX: u64 = 3_650;
/// Most taka a service can be said to have cost (one crore).
pub const COST_MAX: u64 = 10_000_000;
/// Most visits to an office.
pub const VISITS_MAX: u64 = 500;

macro_rules! text_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident => $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($(#[$vmeta])* $variant),+ }

        impl $name {
            /// Every value, in display order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The stored form.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            /// Reads the stored form (any case, surrounding spaces ignored).
            pub fn parse(s: &str) -> Option<Self> {
                let s = s.trim().to_ascii_lowercase();
                Self::ALL.iter().copied().find(|v| v.as_str() == s)
            }
        }
    };
}

text_enum! {
    /// What the citizen is telling.
    FeedbackKind {
        /// Something that hurts.
        Complaint => "complaint",
        /// What they hope for.
        Expectation => "expectation",
        /// What they propose.
        Suggestion => "suggestion",
    }
}

text_enum! {
    /// How the feedback reached Nagorik.
    Channel {
        /// The citizen web form.
        Web => "web",
        /// The JSON API.
        Api => "api",
        /// Open311 GeoReport v2.
        Open311 => "open311",
        /// Typed by an operator on the citizen's behalf.
        Assisted => "assisted",
        /// A spreadsheet import.
        Import => "import",
    }
}

text_enum! {
    /// Moderation state; only visible feedback is counted and shown.
    Moderation {
        /// Counted and shown.
        Visible => "visible",
        /// Hidden by a designer.
        Hidden => "hidden",
        /// Marked as spam.
        Spam => "spam",
    }
}

impl Moderation {
    /// What a citizen holding the tracking code is told: `received` or `not_published`.
    pub fn public_status(stored: &str) -> &'static str {
        match Moderation::parse(stored) {
            Some(Moderation::Visible) | None => "received",
            Some(Moderation::Hidden | Moderation::Spam) => "not_published",
        }
    }
}

/// Feedback text: NFC, trimmed, between [`TEXT_MIN`] and [`TEXT_MAX`] characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedbackText(String);

impl FeedbackText {
    /// Checks the length of the text as received (ends trimmed), then cleans it.
    pub fn parse(field: &str, input: &str) -> Result<Self, FieldError> {
        let trimmed = trim_ascii_space(input);
        let length = trimmed.chars().count();
        if length == 0 {
            Err(FieldError::new(field, "error-text-required"))
        } else if length < TEXT_MIN {
            Err(FieldError::new(field, "error-text-too-short").with("min", TEXT_MIN))
        } else if length > TEXT_MAX {
            Err(FieldError::new(field, "error-text-too-long").with("max", TEXT_MAX).with("length", length))
        } else {
            Ok(Self(clean(trimmed)))
        }
    }

    /// The stored form.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// What the service cost the citizen, in a2i's Time-Cost-Visits terms.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tcv {
    /// Days it took.
    pub days: Option<i32>,
    /// Taka it cost, fees and everything else.
    pub cost_bdt: Option<i64>,
    /// Visits made to an office.
    pub visits: Option<i32>,
}

fn parse_bounded(field: &str, input: &str, max: u64) -> Result<Option<u64>, FieldError> {
    parse_whole_number(input, max).map_err(|e| {
        let code = match e {
            NumberError::NotANumber => "error-number-invalid",
            NumberError::Negative => "error-number-negative",
            NumberError::NotWhole => "error-number-not-whole",
            NumberError::TooLarge => "error-number-too-large",
        };
        FieldError::new(field, code).with("max", super::digits::grouped(max))
    })
}

/// Where the citizen says it happened (from Open311 clients).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Location {
    /// Address or description of the place.
    pub address: Option<String>,
    /// Latitude in millionths of a degree (WGS84).
    pub lat_e6: Option<i64>,
    /// Longitude in millionths of a degree (WGS84).
    pub long_e6: Option<i64>,
}

/// The raw fields of a submission, as typed (every one optional at this stage).
#[derive(Debug, Clone, Default)]
pub struct RawFeedback {
    /// `complaint`, `expectation` or `suggestion`.
    pub kind: Option<String>,
    /// The message.
    pub text: Option<String>,
    /// 1-based number of the charter step, or the step's exact text.
    pub step: Option<String>,
    /// Days it took.
    pub days: Option<String>,
    /// Taka it cost.
    pub cost: Option<String>,
    /// Visits made.
    pub visits: Option<String>,
    /// District code or name.
    pub district: Option<String>,
    /// Contact name.
    pub name: Option<String>,
    /// Contact email.
    pub email: Option<String>,
    /// Contact phone.
    pub phone: Option<String>,
    /// Consent to hear of progress (`on`, `true`, `1`, `yes`).
    pub consent: Option<String>,
}

/// A checked submission, ready to store.
#[derive(Debug, Clone)]
pub struct Submission {
    /// What kind of feedback.
    pub kind: FeedbackKind,
    /// The message.
    pub text: FeedbackText,
    /// The charter step it concerns, as the charter words it.
    pub step: Option<String>,
    /// Time, cost and visits.
    pub tcv: Tcv,
    /// Where the citizen is.
    pub district: District,
    /// Optional name.
    pub name: Option<PersonName>,
    /// Optional email.
    pub email: Option<ContactEmail>,
    /// Optional phone.
    pub phone: Option<PhoneNumber>,
    /// Whether they want to hear of progress (only ever true with an email).
    pub consent: bool,
    /// The language they wrote in and want replies in.
    pub locale: Locale,
    /// How it reached us.
    pub channel: Channel,
    /// Where it happened, when a client system says so.
    pub location: Location,
    /// The client system that sent it (Open311).
    pub api_client: Option<i64>,
    /// The operator who typed it on the citizen's behalf (assisted intake).
    pub assisted: Option<super::provenance::Assisted>,
    /// The "me too" voice it also asks for (from the similar-feedback step).
    pub me_too: Option<super::me_too::MeTooClaim>,
}

/// Whether a checkbox or boolean field means yes.
pub fn is_yes(value: Option<&str>) -> bool {
    matches!(value.map(|v| v.trim().to_ascii_lowercase()).as_deref(), Some("on" | "true" | "1" | "yes"))
}

fn parse_step(input: &str, steps: &[String]) -> Result<Option<String>, FieldError> {
    let typed = clean(input);
    if typed.is_empty() {
        return Ok(None);
    }
    let by_number = parse_whole_number(&typed, steps.len() as u64)
        .ok()
        .flatten()
        .and_then(|n| steps.get((n as usize).checked_sub(1)?));
    let by_text = steps.iter().find(|s| **s == typed);
    by_number.or(by_text).cloned().map(Some).ok_or_else(|| FieldError::new("step", "error-step-unknown"))
}

impl Submission {
    /// Checks every field at once, so the citizen sees every problem together.
    /// `steps` are the service's charter steps.
    pub fn parse(raw: &RawFeedback, steps: &[String], locale: Locale, channel: Channel) -> Result<Self, FieldErrors> {
        let mut errors = FieldErrors::new();
        let text_of = |v: &Option<String>| v.clone().unwrap_or_default();

        let kind = match raw.kind.as_deref().map(str::trim).filter(|k| !k.is_empty()) {
            None => errors.take(Err(FieldError::new("kind", "error-kind-required"))),
            Some(k) => errors.take(FeedbackKind::parse(k).ok_or_else(|| FieldError::new("kind", "error-kind-unknown"))),
        };
        let text = errors.take(FeedbackText::parse("text", &text_of(&raw.text)));
        let step = errors.take(parse_step(&text_of(&raw.step), steps));
        let days = errors.take(parse_bounded("days", &text_of(&raw.days), DAYS_MAX));
        let cost = errors.take(parse_bounded("cost", &text_of(&raw.cost), COST_MAX));
        let visits = errors.take(parse_bounded("visits", &text_of(&raw.visits), VISITS_MAX));
        let district = match raw.district.as_deref().map(str::trim).filter(|d| !d.is_empty()) {
            None => errors.take(Err(FieldError::new("district", "error-district-required"))),
            Some(d) => {
                errors.take(District::parse(d).ok_or_else(|| FieldError::new("district", "error-district-unknown")))
            }
        };
        let name = errors.take(PersonName::parse("name", &text_of(&raw.name)));
        let email = errors.take(ContactEmail::parse("email", &text_of(&raw.email)));
        let phone = errors.take(PhoneNumber::parse("phone", &text_of(&raw.phone)));
        let consent = is_yes(raw.consent.as_deref());
        if consent && matches!(email, Some(None)) {
            errors.push(FieldError::new("email", "error-consent-needs-email"));
        }

        errors.into_result(|| Submission {
            kind: kind.expect("checked"),
            text: text.expect("checked"),
            step: step.flatten(),
            tcv: Tcv {
                days: days.flatten().map(|d| d as i32),
                cost_bdt: cost.flatten().map(|c| c as i64),
                visits: visits.flatten().map(|v| v as i32),
            },
            district: district.expect("checked"),
            name: name.flatten(),
            email: email.flatten(),
            phone: phone.flatten(),
            consent,
            locale,
            channel,
            location: Location::default(),
            api_client: None,
            assisted: None,
            me_too: None,
        })
    }
}

#[cfg(test)]
#[path = "feedback_tests.rs"]
mod tests;
