//! One feedback entry as staff pages list it: the original text and the
//! citizen's contact details only for staff who may see personal data.

use std::collections::HashMap;

use serde_json::{json, Value};

use crate::db::feedback::Feedback;
use crate::domain::district::District;
use crate::domain::Locale;

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
        "contact": contact.then(|| json!({
            "name": f.contact_name, "email": f.contact_email, "phone": f.contact_phone, "consent": f.consent_updates,
        })),
        "forgotten": f.forgotten_at.is_some(),
    })
}
