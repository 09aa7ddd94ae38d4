//! `GET /staff/backlog/items/{id}/brief/versions`: every saved version of the brief's design
//! (who, when, what changed), and any two compared (`?from=A&to=B`, by default the latest
//! against the one before): what changed between them and both to-be journeys side by side.

use std::collections::HashMap;

use actix_web::{web, HttpRequest, HttpResponse};
use serde::Deserialize;
use serde_json::{json, Value};

use super::backlog_item::scoped_item;
use super::page_parts::PageParts;
use crate::auth::Staff;
use crate::brief::design::{Decision, Design};
use crate::brief::design_diff::{changes, Change};
use crate::db::{self, brief_versions, themes};
use crate::domain::digits::lakh_crore;
use crate::domain::staff::Permission;
use crate::domain::Locale;
use crate::error::AppError;

/// The two versions to compare.
#[derive(Debug, Deserialize)]
pub struct CompareQuery {
    from: Option<String>,
    to: Option<String>,
}

fn number(raw: Option<&str>) -> Option<i32> {
    crate::domain::digits::to_ascii_digits(raw?.trim()).parse().ok()
}

/// One change in words, in the page's language; `labels` names themes.
pub fn change_text(change: &Change, labels: &HashMap<i64, String>, locale: Locale) -> String {
    let msg = |id: &str, args: &[(&str, String)]| crate::i18n::message(locale, id, args);
    let step = |n: i64| crate::i18n::localise_digits(locale, &n.to_string());
    let theme = |id: i64| labels.get(&id).cloned().unwrap_or_else(|| format!("#{id}"));
    match change {
        Change::StepAdded { step: n, name_bn, name_en } => {
            msg("brief-change-step-added", &[("step", step(*n)), ("name", locale.pick(name_bn, name_en).to_owned())])
        }
        Change::StepRemoved { step: n, name_bn, name_en } => {
            msg("brief-change-step-removed", &[("step", step(*n)), ("name", locale.pick(name_bn, name_en).to_owned())])
        }
        Change::StepChanged { step: n, fields } => {
            let names: Vec<String> = fields.iter().map(|f| msg(&format!("brief-field-{f}"), &[])).collect();
            msg("brief-change-step-changed", &[("step", step(*n)), ("fields", names.join(", "))])
        }
        Change::WantDecided { theme_id, decision: Decision::Taken { step: n } } => {
            msg("brief-change-want-taken", &[("theme", theme(*theme_id)), ("step", step(*n))])
        }
        Change::WantDecided { theme_id, decision: Decision::NotNow { reason } } => {
            msg("brief-change-want-not-now", &[("theme", theme(*theme_id)), ("reason", reason.clone())])
        }
        Change::WantCleared { theme_id } => msg("brief-change-want-cleared", &[("theme", theme(*theme_id))]),
    }
}

fn steps_view(design: &Design, locale: Locale) -> Vec<Value> {
    design
        .steps
        .iter()
        .enumerate()
        .map(|(i, s)| {
            json!({
                "n": i + 1, "name": locale.pick(&s.name_bn, &s.name_en),
                "channel_id": format!("brief-channel-{}", s.channel.as_str()), "documents": s.documents,
                "days": s.days, "cost": lakh_crore(s.cost, locale), "visits": s.visits,
            })
        })
        .collect()
}

/// `GET /staff/backlog/items/{id}/brief/versions`.
pub async fn show_versions(
    req: HttpRequest,
    staff: Staff,
    locale: Locale,
    id: web::Path<i64>,
    query: web::Query<CompareQuery>,
    page: PageParts,
) -> Result<HttpResponse, AppError> {
    staff.require(Permission::ViewBacklog)?;
    let (id, who) = (id.into_inner(), staff.clone());
    let (from, to) = (number(query.from.as_deref()), number(query.to.as_deref()));
    let data = db::run_read(&page.pool, move |c| -> Result<Value, AppError> {
        let (_, (service, _, _)) = scoped_item(c, &who, id)?;
        let versions = brief_versions::for_item(c, id)?;
        let labels: HashMap<i64, String> = themes::labels_of_service(c, service.id)?
            .into_iter()
            .map(|t| (t.id, locale.pick(&t.label_bn, &t.label_en).to_owned()))
            .collect();
        let latest = versions.first().map_or(0, |v| v.number);
        let to = to.unwrap_or(latest);
        let from = from.unwrap_or(to.saturating_sub(1)).max(0);
        // Version 0 is the empty brief before the first save.
        let design_of = |n: i32| match n {
            0 => Some(Design::default()),
            n => versions.iter().find(|v| v.number == n).map(|v| Design::from_json(&v.design)),
        };
        let (a, b) = (design_of(from), design_of(to));
        if (query.from.is_some() || query.to.is_some()) && (a.is_none() || b.is_none()) {
            return Err(AppError::NotFound);
        }
        let compared = a.zip(b).map(|(a, b)| {
            json!({
                "from": from, "to": to,
                "changes": changes(&a, &b).iter().map(|ch| change_text(ch, &labels, locale)).collect::<Vec<_>>(),
                "from_steps": steps_view(&a, locale), "to_steps": steps_view(&b, locale),
            })
        });
        Ok(json!({
            "item": { "id": id, "url": format!("/staff/backlog/items/{id}"), "brief_url": format!("/staff/backlog/items/{id}/brief") },
            "service": { "code": service.code, "name": locale.pick(&service.name_bn, &service.name_en) },
            "versions": versions.iter().map(|v| {
                let recorded: Vec<Change> = serde_json::from_str(&v.changes).unwrap_or_default();
                json!({
                    "number": v.number, "who": v.saved_by, "when": super::view::shown_time(v.created_at),
                    "changes": recorded.iter().map(|ch| change_text(ch, &labels, locale)).collect::<Vec<_>>(),
                    "compare_url": format!("/staff/backlog/items/{id}/brief/versions?from={}&to={}", v.number - 1, v.number),
                })
            }).collect::<Vec<_>>(),
            "numbers": (0..=latest).map(|n| json!({ "n": n, "from": n == from, "to": n == to })).collect::<Vec<_>>(),
            "compared": compared,
        }))
    })
    .await?;
    Ok(page.renderer.respond_staff(&req, locale, &staff, actix_web::http::StatusCode::OK, "staff/brief_versions", data))
}
