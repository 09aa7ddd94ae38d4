//! `GET /staff/backlog/items/{id}/brief`: the item's design brief: today's journey (the
//! charter's steps with what citizens who reached each said), what citizens want, and the
//! design form (the to-be journey and a decision on each want) with its targets and savings
//! (src/brief). The form is saved by `brief_save`.

use actix_web::{web, HttpRequest, HttpResponse};
use chrono::Utc;
use serde_json::{json, Map, Value};

use super::backlog_item::scoped_item;
use super::brief_form;
use super::page_parts::PageParts;
use super::sent::{DoneQuery, Sent};
use crate::auth::Staff;
use crate::brief::figures::{self, Figures};
use crate::brief::journey::{Reported, Stage};
use crate::brief::load;
use crate::db;
use crate::domain::digits::{lakh_crore, taka_in_full};
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

/// Item pages' outcomes the brief page announces.
const DONE: [&str; 2] = ["saved", "unchanged"];

/// `GET /staff/backlog/items/{id}/brief`.
pub async fn show_brief(
    req: HttpRequest,
    staff: Staff,
    locale: Locale,
    id: web::Path<i64>,
    query: web::Query<DoneQuery>,
    page: PageParts,
) -> Result<HttpResponse, AppError> {
    let sent = Sent::done("brief-done", query.done.as_deref(), &DONE);
    brief_page(&req, &staff, locale, &page, id.into_inner(), sent, None).await
}

/// Money as the brief shows it: lakh/crore, the full figure for a title.
fn money(n: i64, locale: Locale) -> Value {
    json!({ "short": lakh_crore(n, locale), "full": taka_in_full(n, locale), "negative": n < 0 })
}

/// The design's figures as the page shows them.
fn figures_view(f: &Figures, locale: Locale) -> Value {
    let n = |v: i64| lakh_crore(v, locale);
    json!({
        "days": n(f.target.days), "cost": n(f.target.cost), "visits": n(f.target.visits),
        "target_per": money(f.target.burden.per_application_bdt, locale),
        "target_year": money(f.target.burden.yearly_bdt, locale),
        "today_per": money(f.today.per_application_bdt, locale),
        "today_year": money(f.today.yearly_bdt, locale),
        "saves_per": money(f.savings.per_application_bdt, locale),
        "saves_year": money(f.savings.yearly_bdt, locale),
        "saves_hours": n(f.savings.yearly_hours),
        "more_per": money(-f.savings.per_application_bdt, locale),
        "more_year": money(-f.savings.yearly_bdt, locale),
        "costs_more": f.savings.costs_more(),
        "applications": f.yearly_applications.map(n),
    })
}

/// The brief page, with what the design form sent back (`stale`: the version the designer
/// opened and the one saved since, when their save was refused for it).
pub async fn brief_page(
    req: &HttpRequest,
    staff: &Staff,
    locale: Locale,
    page: &PageParts,
    id: i64,
    sent: Sent,
    stale: Option<(i32, i32)>,
) -> Result<HttpResponse, AppError> {
    staff.require(Permission::ViewBacklog)?;
    let (who, rates, counted) = (staff.clone(), page.settings.rates(), page.counted.clone());
    let typed = sent.typed.as_ref().and_then(|t| t["design"].as_object().cloned());
    let by_field: Map<String, Value> =
        sent.errors.iter().filter_map(|e| Some((e["field"].as_str()?.to_owned(), e["message"].clone()))).collect();
    let now = Utc::now().naive_utc();
    let mut data = db::run_read(&page.pool, move |c| -> Result<Value, AppError> {
        let (item, listing) = scoped_item(c, &who, id)?;
        let (service, ministry) = (&listing.0, &listing.2);
        let loaded = load::brief(c, id, service)?;
        let figures = figures::of(c, &counted, rates, now, &listing, &loaded.design)?;
        let journey = &loaded.journey;
        let promise = crate::brief::document::charter_promise(service, locale);
        let typed_base = typed.as_ref().and_then(|t| t.get("base_version")).and_then(|v| v.as_str()).and_then(|v| v.trim().parse::<i32>().ok());
        let typed = brief_form::Typed(typed.as_ref());
        let rows = brief_form::rows(&loaded.design, &typed, &by_field, locale);
        let wants = brief_form::wants(&loaded.wants, &typed, &by_field, (&rows, locale));
        let latest = loaded.version.as_ref().map_or(0, |v| v.number);
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
            "wants": wants,
            "design": {
                "action": format!("/staff/backlog/items/{id}/brief"),
                "rows": rows,
                // After a refusal the form still goes over the version the designer opened (a
                // save since then is then caught as stale); after a stale save, over the newest.
                "base_version": stale.map(|(_, newest)| newest).or(typed_base).unwrap_or(latest),
                "version": loaded.version.as_ref().map(|v| json!({
                    "number": v.number, "who": v.saved_by, "when": super::view::shown_time(v.created_at),
                })),
                "versions_url": format!("/staff/backlog/items/{id}/brief/versions"),
                "steps": loaded.design.steps.iter().enumerate().map(|(i, s)| json!({
                    "n": i + 1, "name": locale.pick(&s.name_bn, &s.name_en),
                    "channel_id": format!("brief-channel-{}", s.channel.as_str()),
                    "documents": s.documents, "days": s.days, "cost": lakh_crore(s.cost, locale), "visits": s.visits,
                })).collect::<Vec<_>>(),
                "figures": figures.as_ref().map(|f| figures_view(f, locale)),
                "rates": rates,
            },
            "stale": stale.map(|(base, latest)| json!({
                "base": base, "latest": latest,
                "compare_url": format!("/staff/backlog/items/{id}/brief/versions?from={base}&to={latest}"),
            })),
            "can_edit": who.may(Permission::ShapeBacklog, ministry.id),
        }))
    })
    .await?;
    let status = match (&stale, sent.status()) {
        (Some(_), _) => actix_web::http::StatusCode::CONFLICT,
        (None, status) => status,
    };
    sent.into_page(&mut data);
    Ok(page.renderer.respond_staff(req, locale, staff, status, "staff/brief", data))
}
