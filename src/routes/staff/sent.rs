//! What a staff form sends back to the page it belongs to: on a refusal the messages (a
//! summary and one beside each field) and the values typed, answered 422; after a change, a
//! banner saying what was done (`?done=…`, one of the page's known outcomes).

use std::future::Future;

use actix_web::http::StatusCode;
use actix_web::HttpResponse;
use serde_json::{json, Map, Value};

use super::view::field_messages;
use crate::domain::{FieldErrors, Locale};
use crate::error::AppError;
use crate::web::page::see_other;

/// `?done=…` after a form: what the page says was done.
#[derive(Debug, serde::Deserialize)]
pub struct DoneQuery {
    /// One of the page's known outcomes (anything else is ignored).
    pub done: Option<String>,
}

/// A form as it was sent: its name on the page, the values typed, and the fields the page
/// names otherwise (`(as sent, on the page)`).
pub struct Typed<'a> {
    /// The form's name (`redact`, `status`).
    pub form: &'a str,
    /// What was typed.
    pub values: Value,
    /// Renamed fields.
    pub names: &'a [(&'a str, &'a str)],
}

/// The answer to a page's form: back to `page_url?done=…` when it was done, the page again
/// (`page(sent)`, 422) when refused, any other error as it is.
pub async fn answer<Fut>(
    outcome: Result<&str, AppError>,
    page_url: &str,
    locale: Locale,
    typed: Typed<'_>,
    page: impl FnOnce(Sent) -> Fut,
) -> Result<HttpResponse, AppError>
where
    Fut: Future<Output = Result<HttpResponse, AppError>>,
{
    match outcome {
        Ok(done) => Ok(see_other(&format!("{page_url}?done={done}"))),
        Err(AppError::Validation(errors)) => {
            page(Sent::refused(locale, &errors, typed.form, typed.values).renamed(typed.names)).await
        }
        Err(other) => Err(other),
    }
}

/// A form's outcome shown on its page.
#[derive(Debug, Default)]
pub struct Sent {
    /// The values typed, by form (`{"redact": {"span": …}}`); `None` when nothing was refused.
    pub typed: Option<Value>,
    /// Messages in the page's language, each `{field, message}`.
    pub errors: Vec<Value>,
    /// Message id of what was done.
    pub done: Option<String>,
}

impl Sent {
    /// A refused form: `errors` in `locale`, and what was typed in `form`.
    pub fn refused(locale: Locale, errors: &FieldErrors, form: &str, typed: Value) -> Sent {
        Sent { typed: Some(json!({ form: typed })), errors: field_messages(locale, errors), done: None }
    }

    /// The banner of `done` when it is one of `known`, as the message `<prefix>-<done>`.
    pub fn done(prefix: &str, done: Option<&str>, known: &[&str]) -> Sent {
        let done = done.filter(|d| known.contains(d)).map(|d| format!("{prefix}-{d}"));
        Sent { done, ..Sent::default() }
    }

    /// The messages of fields the page names otherwise (`(as sent, on the page)`), so that
    /// the summary links to the field and the message sits beside it.
    pub fn renamed(mut self, names: &[(&str, &str)]) -> Sent {
        for e in &mut self.errors {
            let page_name = names.iter().find(|(sent, _)| e["field"].as_str() == Some(sent)).map(|(_, page)| *page);
            if let Some(name) = page_name {
                e["field"] = json!(name);
            }
        }
        self
    }

    /// 422 after a refusal, else 200.
    pub fn status(&self) -> StatusCode {
        if self.errors.is_empty() {
            StatusCode::OK
        } else {
            StatusCode::UNPROCESSABLE_ENTITY
        }
    }

    /// Adds `typed`, `errors`, `has_errors`, `field_errors` (message by field) and `done` to
    /// the page's data (an object), for `partials/staff/form_outcome`.
    pub fn into_page(self, data: &mut Value) {
        let by_field: Map<String, Value> =
            self.errors.iter().filter_map(|e| Some((e["field"].as_str()?.to_owned(), e["message"].clone()))).collect();
        if let Some(object) = data.as_object_mut() {
            object.insert("has_errors".into(), json!(!self.errors.is_empty()));
            object.insert("field_errors".into(), Value::Object(by_field));
            object.insert("errors".into(), Value::Array(self.errors));
            object.insert("typed".into(), self.typed.unwrap_or(Value::Null));
            object.insert("done".into(), json!(self.done));
        }
    }
}
