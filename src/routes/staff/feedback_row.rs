//! One feedback entry as staff pages list it: the original text and the
//! citizen's contact details only for staff who may see personal data.

use std::collections::HashMap;

use serde_json::{json, Value};

use crate::db::feedback::Feedback;
use crate::domain::district::District;
use crate::domain::Locale;

/// "Step: …", the days, cost and visits this feedback reports, as one line (empty for none).
fn own_numbers(f: &Feedback, locale: Locale) -> String {
    let msg = |id: &str, name: &'static str, value: String| crate::i18n::message(locale, id, &[(name, value)]);
    let parts: Vec<String> = [
        f.charter_step.clone().map(|s| msg("staff-item-step", "step", s)),
        f.days_taken.map(|d| msg("staff-item-days", "count", d.to_string())),
        f.cost_bdt.map(|c| msg("staff-item-cost", "amount", crate::domain::digits::grouped(c.max(0) as u64))),
        f.visits.map(|v| msg("staff-item-visits", "count", v.to_string())),
    ]
    .into_iter()
    .flatten()
    .collect();
    parts.join(" · ")
}

/// The row's template data. `personal`: the viewer may see personal data of this ministry.
pub fn feedback_row(f: &Feedback, locale: Locale, personal: bool, themes: &HashMap<i64, (String, String)>) -> Value {
    let text = if personal { f.body.clone() } else { f.public_text() };
    let theme = f.theme_id.and_then(|id| themes.get(&id)).map(|(bn, en)| locale.pick(bn, en).to_owned());
    let contact = personal && (f.contact_name.is_some() || f.contact_email.is_some() || f.contact_phone.is_some());
    json!({
        "id": f.id,
        "url": format!("/staff/feedback/{}", f.id),
        "kind_id": format!("staff-kind-{}", f.kind),
        "text": text,
        "masked": f.has_personal_data,
        "theme": theme,
        "theme_url": f.theme_id.map(|id| format!("/staff/themes/{id}")),
        "pinned": f.theme_pinned,
        "district": District::from_code(&f.district).map(|d| d.name(locale)).unwrap_or(&f.district),
        "channel_id": format!("channel-{}", f.channel),
        "state_id": format!("state-{}", f.moderation),
        "hidden": f.moderation != "visible",
        "received": f.created_at.format("%Y-%m-%d %H:%M").to_string(),
        "voices": f.voices(),
        "days": f.days_taken,
        "cost": f.cost_bdt,
        "visits": f.visits,
        // The citizen's own step and numbers, so outliers behind a median can be checked.
        "numbers": own_numbers(f, locale),
        "contact": contact.then(|| json!({
            "name": f.contact_name, "email": f.contact_email, "phone": f.contact_phone, "consent": f.consent_updates,
        })),
        "forgotten": f.forgotten_at.is_some(),
    })
}
