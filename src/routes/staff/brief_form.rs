//! The brief page's design form as the template draws it: the to-be step rows and the
//! decision on each theme of what citizens want, filled from the latest version or, after a
//! refusal, from what was typed, with each box's message beside it.

use serde_json::{json, Map, Value};

use crate::brief::design::{Channel, Decision, Design, BLANK_ROWS, MAX_STEPS};
use crate::brief::wants::Want;
use crate::domain::Locale;

/// What was typed (a refused form's fields, by name), or nothing.
pub struct Typed<'a>(pub Option<&'a Map<String, Value>>);

impl Typed<'_> {
    fn get(&self, name: &str) -> Option<String> {
        self.0.map(|m| m.get(name).and_then(Value::as_str).unwrap_or("").to_owned())
    }

    /// The highest step row typed in (blank rows sent back do not count).
    fn rows(&self) -> Option<usize> {
        self.0.map(|m| {
            m.iter()
                .filter(|(_, v)| v.as_str().is_some_and(|v| !v.trim().is_empty()))
                .filter_map(|(k, _)| k.strip_prefix("step-")?.split_once('-')?.0.parse::<usize>().ok())
                .max()
                .unwrap_or(0)
        })
    }
}

fn message(errors: &Map<String, Value>, field: &str) -> Value {
    errors.get(field).cloned().unwrap_or(Value::Null)
}

fn channels(selected: &str) -> Vec<Value> {
    Channel::ALL
        .iter()
        .map(|c| json!({ "value": c.as_str(), "label_id": format!("brief-channel-{}", c.as_str()), "selected": c.as_str() == selected }))
        .collect()
}

/// The step rows: the written steps (or the typed rows) and blank rows to add more, at most
/// [`MAX_STEPS`].
pub fn rows(design: &Design, typed: &Typed, errors: &Map<String, Value>, locale: Locale) -> Vec<Value> {
    let written = typed.rows().unwrap_or(design.steps.len());
    let count = (written + BLANK_ROWS).min(MAX_STEPS).max(written.min(MAX_STEPS));
    (1..=count)
        .map(|n| {
            let saved = design.steps.get(n - 1);
            let number = |v: i64| crate::i18n::localise_digits(locale, &v.to_string());
            let value = |field: &str, from_design: Option<String>| -> String {
                typed.get(&format!("step-{n}-{field}")).unwrap_or_else(|| from_design.unwrap_or_default())
            };
            let channel = value("channel", saved.map(|s| s.channel.as_str().to_owned()));
            let mut row = json!({
                "n": n,
                "name_bn": value("name_bn", saved.map(|s| s.name_bn.clone())),
                "name_en": value("name_en", saved.map(|s| s.name_en.clone())),
                "documents": value("documents", saved.map(|s| s.documents.clone())),
                "days": value("days", saved.map(|s| number(s.days))),
                "cost": value("cost", saved.map(|s| number(s.cost))),
                "visits": value("visits", saved.map(|s| number(s.visits))),
                "channels": channels(&channel),
            });
            let errs: Map<String, Value> = ["name_bn", "name_en", "channel", "documents", "days", "cost", "visits"]
                .iter()
                .map(|f| ((*f).to_owned(), message(errors, &format!("step-{n}-{f}"))))
                .collect();
            row["errors"] = Value::Object(errs);
            row
        })
        .collect()
}

/// The themes of what citizens want, each with its decision (saved or typed) and the steps it
/// may be taken into.
/// The step choices are the form's rows as shown (typed names after a refusal).
pub fn wants(
    wants: &[Want],
    typed: &Typed,
    errors: &Map<String, Value>,
    (rows, locale): (&[Value], Locale),
) -> Vec<Value> {
    wants
        .iter()
        .map(|w| {
            let mut view = json!({
                "label": locale.pick(&w.label_bn, &w.label_en),
                "category_id": format!("category-{}", w.category),
                "feedback": w.feedback, "voices": w.voices, "quotes": w.quotes,
                "grouped": w.theme_id.is_some(),
            });
            let Some(id) = w.theme_id else { return view };
            let field = format!("want-{id}");
            let (saved_decision, saved_step, saved_reason) = match &w.decision {
                Some(Decision::Taken { step }) => ("taken", step.to_string(), String::new()),
                Some(Decision::NotNow { reason }) => ("not-now", String::new(), reason.clone()),
                None => ("", String::new(), String::new()),
            };
            let decision = typed.get(&field).unwrap_or_else(|| saved_decision.to_owned());
            let step = typed.get(&format!("{field}-step")).unwrap_or(saved_step);
            let step_options: Vec<Value> = rows
                .iter()
                .enumerate()
                .map(|(i, row)| {
                    let n = i + 1;
                    let name = row[locale.pick("name_bn", "name_en")].as_str().unwrap_or("").trim().to_owned();
                    let shown = crate::i18n::localise_digits(locale, &n.to_string());
                    let label = if name.is_empty() {
                        crate::i18n::message(locale, "brief-want-new-step", &[("step", shown)])
                    } else {
                        format!("{shown}. {name}")
                    };
                    json!({ "value": n.to_string(), "label": label, "selected": n.to_string() == step })
                })
                .collect();
            let options: Vec<Value> = [("", "brief-want-undecided"), ("taken", "brief-want-taken"), ("not-now", "brief-want-not-now")]
                .iter()
                .map(|(v, label)| json!({ "value": v, "label_id": label, "checked": *v == decision, "id": format!("{field}-{}", if v.is_empty() { "none" } else { v }) }))
                .collect();
            view["id"] = json!(id);
            view["field"] = json!(field);
            view["url"] = json!(format!("/staff/themes/{id}"));
            view["options"] = json!(options);
            view["step_options"] = json!(step_options);
            view["step_typed"] = json!(step);
            view["reason"] = json!(typed.get(&format!("{field}-reason")).unwrap_or(saved_reason));
            view["errors"] = json!({
                "decision": message(errors, &field),
                "step": message(errors, &format!("{field}-step")),
                "reason": message(errors, &format!("{field}-reason")),
            });
            view
        })
        .collect()
}
