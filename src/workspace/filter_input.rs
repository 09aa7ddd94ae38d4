//! Reads the feedback-list filters as typed in a query string (web page or
//! staff API) into a [`FeedbackFilter`], naming every bad value.

use chrono::{Duration, NaiveDate};
use serde::Deserialize;

use super::feedback_list::FeedbackFilter;
use crate::domain::digits::to_ascii_digits;
use crate::domain::district::District;
use crate::domain::feedback::{Channel, FeedbackKind, Moderation};
use crate::domain::{FieldError, FieldErrors};
use crate::themes::PainCategory;

/// The filters as sent (every field optional; blank means "any").
#[derive(Debug, Clone, Default, Deserialize)]
pub struct FilterQuery {
    /// complaint / expectation / suggestion.
    pub kind: Option<String>,
    /// Theme id, or `none`.
    pub theme: Option<String>,
    /// Pain category.
    pub category: Option<String>,
    /// District (code or name).
    pub district: Option<String>,
    /// Channel.
    pub channel: Option<String>,
    /// First day (YYYY-MM-DD).
    pub from: Option<String>,
    /// Last day, included (YYYY-MM-DD).
    pub to: Option<String>,
    /// Words to search for.
    pub q: Option<String>,
    /// visible, hidden, spam or all.
    pub state: Option<String>,
    /// 0-based page.
    pub page: Option<String>,
}

fn given(value: &Option<String>) -> Option<String> {
    value.as_ref().map(|v| v.trim().to_owned()).filter(|v| !v.is_empty())
}

fn date(field: &'static str, value: &Option<String>, errors: &mut FieldErrors) -> Option<NaiveDate> {
    let text = given(value)?;
    let parsed = NaiveDate::parse_from_str(&to_ascii_digits(&text), "%Y-%m-%d").ok();
    if parsed.is_none() {
        errors.push(FieldError::new(field, "error-filter-date"));
    }
    parsed
}

impl FilterQuery {
    /// The checked filter, or every problem found.
    pub fn parse(&self) -> Result<FeedbackFilter, FieldErrors> {
        let mut errors = FieldErrors::new();
        let mut filter = FeedbackFilter::default();
        if let Some(kind) = given(&self.kind) {
            match FeedbackKind::parse(&kind) {
                Some(k) => filter.kind = Some(k.as_str().to_owned()),
                None => errors.push(FieldError::new("kind", "error-filter-kind")),
            }
        }
        if let Some(theme) = given(&self.theme) {
            match theme.as_str() {
                "none" => filter.theme = Some(None),
                id => match to_ascii_digits(id).parse::<i64>() {
                    Ok(id) if id > 0 => filter.theme = Some(Some(id)),
                    _ => errors.push(FieldError::new("theme", "error-filter-theme")),
                },
            }
        }
        if let Some(category) = given(&self.category) {
            match PainCategory::parse(&category) {
                Some(c) => filter.category = Some(c.as_str().to_owned()),
                None => errors.push(FieldError::new("category", "error-filter-category")),
            }
        }
        if let Some(district) = given(&self.district) {
            match District::parse(&district) {
                Some(d) => filter.district = Some(d.code().to_owned()),
                None => errors.push(FieldError::new("district", "error-district-unknown")),
            }
        }
        if let Some(channel) = given(&self.channel) {
            match Channel::parse(&channel) {
                Some(c) => filter.channel = Some(c.as_str().to_owned()),
                None => errors.push(FieldError::new("channel", "error-filter-channel")),
            }
        }
        let from = date("from", &self.from, &mut errors);
        let to = date("to", &self.to, &mut errors);
        if let (Some(f), Some(t)) = (from, to) {
            if t < f {
                errors.push(FieldError::new("to", "error-filter-date-order"));
            }
        }
        filter.from = from.map(|d| d.and_hms_opt(0, 0, 0).expect("midnight"));
        filter.until = to.map(|d| (d + Duration::days(1)).and_hms_opt(0, 0, 0).expect("midnight"));
        filter.words = given(&self.q)
            .map(|q| q.split_whitespace().take(8).map(crate::domain::text::clean_line).collect())
            .unwrap_or_default();
        if let Some(state) = given(&self.state) {
            match state.as_str() {
                "all" => filter.moderation = Some("all".into()),
                s => match Moderation::parse(s) {
                    Some(m) => filter.moderation = Some(m.as_str().to_owned()),
                    None => errors.push(FieldError::new("state", "error-filter-state")),
                },
            }
        }
        if let Some(page) = given(&self.page) {
            match to_ascii_digits(&page).parse::<i64>() {
                Ok(p) if (0..=100_000).contains(&p) => filter.page = p,
                _ => errors.push(FieldError::new("page", "error-filter-page")),
            }
        }
        if errors.is_empty() {
            Ok(filter)
        } else {
            Err(errors)
        }
    }

    /// The same filters as a query string (for paging links), without the page.
    pub fn to_query(&self) -> String {
        let pairs = [
            ("kind", &self.kind),
            ("theme", &self.theme),
            ("category", &self.category),
            ("district", &self.district),
            ("channel", &self.channel),
            ("from", &self.from),
            ("to", &self.to),
            ("q", &self.q),
            ("state", &self.state),
        ];
        pairs
            .iter()
            .filter_map(|(k, v)| given(v).map(|v| format!("{k}={}", crate::web::page::encode(&v))))
            .collect::<Vec<_>>()
            .join("&")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn query(pairs: &[(&str, &str)]) -> FilterQuery {
        let text = pairs.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join("&");
        actix_web::web::Query::<FilterQuery>::from_query(&text).unwrap().into_inner()
    }

    #[test]
    fn blank_filters_mean_everything_visible() {
        assert_eq!(query(&[("kind", ""), ("q", " ")]).parse().unwrap(), FeedbackFilter::default());
    }

    #[test]
    fn dates_accept_bangla_digits_and_include_the_last_day() {
        let f = query(&[("from", "২০২৬-১১-০১"), ("to", "2026-11-30")]).parse().unwrap();
        assert_eq!(f.from.unwrap().to_string(), "2026-11-01 00:00:00");
        assert_eq!(f.until.unwrap().to_string(), "2026-12-01 00:00:00");
    }

    #[test]
    fn every_bad_value_is_named() {
        let errors =
            query(&[("kind", "rant"), ("from", "yesterday"), ("theme", "x"), ("state", "gone")]).parse().unwrap_err();
        let fields: Vec<_> = errors.0.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["kind", "theme", "from", "state"]);
    }
}
