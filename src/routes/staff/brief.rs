//! `GET /staff/backlog/items/{id}/brief`: the item's design brief. So far today's journey:
//! the charter's steps with what citizens who reached each said (src/brief).

use actix_web::{web, HttpRequest, HttpResponse};
use serde_json::{json, Value};

use super::backlog_item::scoped_item;
use super::page_parts::PageParts;
use crate::auth::Staff;
use crate::brief::journey::{Reported, Stage};
use crate::brief::load;
use crate::db;
use crate::domain::digits::lakh_crore;
use crate::domain::scoring::FEW_ANSWERS;
use crate::domain::staff::Permission;
use crate::domain::Locale;
use crate::error::AppError;

/// A reported measure as the page shows it: the median (money in lakh/crore) and its answers.
fn measure(r: Reported, locale: Locale, money: bool) -> Value {
    let shown =
        r.median
            .map(|m| if money { lakh_crore(m, locale) } else { crate::i18n::localise_digits(locale, &m.to_string()) });
    json!({ "median": shown, "answers": r.answers, "few": r.answers > 0 && r.answers < FEW_ANSWERS })
}

fn stage(s: &Stage, locale: Locale) -> Value {
    let msg = |id: &str, args: &[(&str, String)]| crate::i18n::message(locale, id, args);
    let (title, intro) = match (s.number, &s.step) {
        (Some(n), Some(step)) => {
            (msg("brief-step-heading", &[("number", n.to_string()), ("step", step.clone())]), None)
        }
        _ => (msg("brief-unstepped-title", &[]), Some(msg("brief-unstepped-intro", &[]))),
    };
    json!({
        "number": s.number, "step": s.step, "feedback": s.feedback, "voices": s.voices,
        "title": title, "intro": intro,
        "heading_id": s.number.map_or_else(|| "unstepped".to_owned(), |n| format!("step-{n}")),
        "themes": s.themes.iter().map(|t| json!({
            "label": locale.pick(&t.label_bn, &t.label_en), "category_id": format!("category-{}", t.category),
            "voices": t.voices, "url": format!("/staff/themes/{}", t.id),
        })).collect::<Vec<_>>(),
        "days": measure(s.days, locale, false), "cost": measure(s.cost, locale, true),
        "visits": measure(s.visits, locale, false), "quotes": s.quotes,
    })
}

/// `GET /staff/backlog/items/{id}/brief`.
pub async fn show_brief(
    req: HttpRequest,
    staff: Staff,
    locale: Locale,
    id: web::Path<i64>,
    page: PageParts,
) -> Result<HttpResponse, AppError> {
    staff.require(Permission::ViewBacklog)?;
    let (id, who) = (id.into_inner(), staff.clone());
    let data = db::run_read(&page.pool, move |c| -> Result<Value, AppError> {
        let (item, (service, _, ministry)) = scoped_item(c, &who, id)?;
        let journey = load::journey(c, &service)?;
        let msg = |id: &str, args: &[(&str, String)]| crate::i18n::message(locale, id, args);
        let fee = match service.fee_bdt {
            Some(0) => msg("brief-promise-fee-free", &[]),
            Some(fee) => msg("brief-promise-fee-taka", &[("taka", lakh_crore(fee, locale))]),
            None => msg("brief-promise-fee-none", &[]),
        };
        let days = service.promised_days.map_or_else(|| "none".to_owned(), |d| d.to_string());
        let promise = msg("brief-promise", &[("days", days), ("fee", fee)]);
        Ok(json!({
            "item": { "id": id, "url": format!("/staff/backlog/items/{id}"), "status_id": format!("backlog-status-{}", item.status),
                      "problem": locale.pick(&item.problem_bn, &item.problem_en) },
            "service": { "code": service.code, "name": locale.pick(&service.name_bn, &service.name_en),
                         "ministry": locale.pick(&ministry.name_bn, &ministry.name_en),
                         "promise": promise },
            "overall": stage(&journey.overall, locale),
            "steps": journey.steps.iter().map(|s| stage(s, locale)).collect::<Vec<_>>(),
            "unstepped": stage(&journey.unstepped, locale),
            "documents": journey.documents,
            "few": FEW_ANSWERS,
            "json_url": format!("/api/v1/staff/backlog/items/{id}/brief"),
        }))
    })
    .await?;
    Ok(page.renderer.respond_staff(&req, locale, &staff, actix_web::http::StatusCode::OK, "staff/brief", data))
}
