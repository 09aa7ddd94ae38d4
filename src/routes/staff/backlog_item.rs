//! A backlog item's page: its problem statement and themes, its score explained, its
//! status with the allowed moves, priority inputs, history and quarterly reviews.

use std::collections::HashMap;

use actix_web::{web, HttpRequest, HttpResponse};
use chrono::Utc;
use serde_json::{json, Value};

use super::backlog_view::{breakdown, points};
use super::page_parts::PageParts;
use super::sent::{DoneQuery, Sent};
use crate::auth::Staff;
use crate::backlog::ranking;
use crate::backlog::shaping::find_with_service;
use crate::brief::design::Design;
use crate::brief::figures;
use crate::counts::dim;
use crate::db::backlog_items::{self, BacklogItem};
use crate::db::services::ServiceListing;
use crate::db::{
    self, backlog_moves, backlog_reviews, brief_versions, offices, service_counts, staff_users, themes, Conn,
};
use crate::domain::backlog::{FiscalYear, Quarter, Status};
use crate::domain::digits::{lakh_crore, taka_in_full};
use crate::domain::scoring::FEW_ANSWERS;
use crate::domain::staff::Permission;
use crate::domain::Locale;
use crate::error::AppError;

/// Themes offered to link: the linked, the confirmed, then the most voiced.
const THEMES_OFFERED: usize = 40;

/// The item `id` with its service, if the staff member sees its ministry (404 otherwise).
pub fn scoped_item(c: &mut Conn, staff: &Staff, id: i64) -> Result<(BacklogItem, ServiceListing), AppError> {
    let (item, listing) = find_with_service(c, id)?.ok_or(AppError::NotFound)?;
    if !staff.sees(listing.2.id) {
        return Err(AppError::NotFound);
    }
    Ok((item, listing))
}

/// Themes of a service to offer as checkboxes, `linked` ones checked.
pub fn theme_choices(c: &mut Conn, service_id: i64, linked: &[i64], locale: Locale) -> diesel::QueryResult<Vec<Value>> {
    let voices = service_counts::voices_by_bucket(c, service_id, dim::THEME)?;
    let mut all: Vec<(bool, bool, i64, Value)> = themes::labels_of_service(c, service_id)?
        .into_iter()
        .map(|t| {
            let v = voices.get(&t.id.to_string()).copied().unwrap_or(0);
            let on = linked.contains(&t.id);
            let shown = json!({ "id": t.id, "label": locale.pick(&t.label_bn, &t.label_en), "voices": v,
                                "confirmed": t.confirmed, "checked": on });
            (on, t.confirmed, v, shown)
        })
        .collect();
    all.sort_by_key(|x| std::cmp::Reverse((x.0, x.1, x.2)));
    Ok(all.into_iter().take(THEMES_OFFERED.max(linked.len())).map(|x| x.3).collect())
}

/// What the item page says was done (`?done=`).
const DONE: [&str; 5] = ["promoted", "problem", "moved", "priorities", "review"];

/// `GET /staff/backlog/items/{id}`.
pub async fn show_item(
    req: HttpRequest,
    staff: Staff,
    locale: Locale,
    id: web::Path<i64>,
    query: web::Query<DoneQuery>,
    page: PageParts,
) -> Result<HttpResponse, AppError> {
    let sent = Sent::done("backlog-item-done", query.done.as_deref(), &DONE);
    item_page(&req, &staff, locale, &page, id.into_inner(), sent).await
}

/// The item page, with what a form sent back.
pub async fn item_page(
    req: &HttpRequest,
    staff: &Staff,
    locale: Locale,
    page: &PageParts,
    id: i64,
    sent: Sent,
) -> Result<HttpResponse, AppError> {
    staff.require(Permission::ViewBacklog)?;
    let (who, rates, counted) = (staff.clone(), page.settings.rates(), page.counted.clone());
    let typed = sent.typed.clone().unwrap_or_default();
    let now = Utc::now().naive_utc();
    let mut data = db::run_read(&page.pool, move |c| -> Result<Value, AppError> {
        let (item, (service, office, ministry)) = scoped_item(c, &who, id)?;
        let ranking = ranking::build_cached(c, &counted, rates, now)?;
        let ranked = ranking.of_service(service.id).ok_or(AppError::NotFound)?;
        let linked = backlog_items::theme_ids(c, id)?;
        let mut choices = theme_choices(c, service.id, &linked, locale)?;
        if let Some(ticked) = typed["problem"]["themes"].as_array() {
            for choice in &mut choices {
                choice["checked"] = json!(ticked.contains(&choice["id"]));
            }
        }
        let chosen = |form: &str, field: &str| typed[form][field].as_str().map(str::to_owned);
        let moves = backlog_moves::for_item(c, id)?;
        let reviews = backlog_reviews::for_item(c, id)?;
        let mut names: HashMap<i64, String> = HashMap::new();
        for staff_id in moves.iter().filter_map(|m| m.staff_id).chain(reviews.iter().filter_map(|r| r.staff_id)) {
            if let std::collections::hash_map::Entry::Vacant(e) = names.entry(staff_id) {
                e.insert(staff_users::find(c, staff_id)?.map(|u| u.name).unwrap_or_default());
            }
        }
        let who_name = |id: Option<i64>| id.and_then(|i| names.get(&i).cloned()).unwrap_or_else(|| "—".into());
        let status = Status::parse(&item.status).unwrap_or(Status::Identified);
        let owner = chosen("priorities", "owner_office").unwrap_or_else(|| item.owner_office_id.unwrap_or(office.id).to_string());
        let office_options: Vec<Value> = offices::list_for_ministry(c, ministry.id)?
            .into_iter()
            .map(|o| json!({ "id": o.id, "name": locale.pick(&o.name_bn, &o.name_en), "selected": o.id.to_string() == owner }))
            .collect();
        let this_year = FiscalYear::of(now.date());
        let year = chosen("priorities", "target_year").or_else(|| item.target_year.clone()).unwrap_or_default();
        let years: Vec<Value> = (-1..4)
            .map(|d| FiscalYear(this_year.0 + d).label())
            .map(|y| json!({ "value": y, "selected": year == y }))
            .collect();
        let category = chosen("priorities", "category")
            .unwrap_or_else(|| service.roadmap_category.map_or("none".to_owned(), |c| c.to_string()));
        let move_to = chosen("status", "status").unwrap_or_default();
        let review_status = chosen("review", "status").unwrap_or_else(|| status.as_str().to_owned());
        let b = &ranked.score.burden;
        let i = &ranked.inputs;
        let version = brief_versions::latest(c, id)?;
        let design = version.as_ref().map(|v| Design::from_json(&v.design)).unwrap_or_default();
        let figures = figures::compare(*b, i.yearly_applications, &design, ranking.rates);
        let brief = version.as_ref().zip(figures).map(|(v, f)| {
            json!({
                "version": v.number, "target_per": lakh_crore(f.target.burden.per_application_bdt, locale),
                "target_year": lakh_crore(f.target.burden.yearly_bdt, locale),
                "saves_year": lakh_crore(f.savings.yearly_bdt, locale), "saves_full": taka_in_full(f.savings.yearly_bdt, locale),
                "more_year": lakh_crore(-f.savings.yearly_bdt, locale), "costs_more": f.savings.costs_more(),
            })
        });
        Ok(json!({
            "item": {
                "id": id, "problem_bn": item.problem_bn, "problem_en": item.problem_en,
                "status_id": format!("backlog-status-{}", item.status), "status": item.status,
                "drop_reason": item.drop_reason, "target_year": item.target_year,
                "action": format!("/staff/backlog/items/{id}"),
            },
            "service": {
                "code": service.code, "name": locale.pick(&service.name_bn, &service.name_en),
                "url": format!("/staff/services/{}", service.code), "public_url": format!("/services/{}", service.code),
                "ministry": locale.pick(&ministry.name_bn, &ministry.name_en), "category": service.roadmap_category,
                "yearly_applications": service.yearly_applications,
            },
            "score": {
                "rank": ranked.rank, "of": ranking.rows.len(), "total": points(ranked.score.total),
                "components": breakdown(&ranked.score, &ranking.scale, service.roadmap_category, locale), "ministry_weights": ranked.ministry_weights,
                "per_application_bdt": lakh_crore(b.per_application_bdt, locale),
                "per_application_hours": lakh_crore(b.per_application_hours, locale),
                "yearly_bdt": lakh_crore(b.yearly_bdt, locale), "yearly_hours": lakh_crore(b.yearly_hours, locale),
                "yearly_full": taka_in_full(b.yearly_bdt, locale),
                "median_days": i.median_days, "median_cost": i.median_cost, "median_visits": i.median_visits,
                "answers_days": lakh_crore(i.answers[0], locale), "answers_cost": lakh_crore(i.answers[1], locale),
                "answers_visits": lakh_crore(i.answers[2], locale),
                "few_answers": i.answers.iter().any(|&n| n < FEW_ANSWERS),
                "few": lakh_crore(FEW_ANSWERS, locale),
                "promised_days": i.promised_days, "fee": i.fee_bdt, "rates": ranking.rates,
            },
            "brief": brief,
            "themes": choices,
            "next": status.next().iter().map(|s| json!({ "value": s.as_str(), "label_id": format!("backlog-status-{}", s.as_str()), "selected": s.as_str() == move_to })).collect::<Vec<_>>(),
            "offices": office_options, "years": years,
            "categories": (["1", "2", "none"]).iter()
                .map(|v| json!({ "value": v, "selected": category == *v })).collect::<Vec<_>>(),
            "all_statuses": Status::ALL.iter().map(|s| json!({ "value": s.as_str(), "label_id": format!("backlog-status-{}", s.as_str()), "selected": s.as_str() == review_status })).collect::<Vec<_>>(),
            "moves": moves.iter().rev().map(|m| json!({
                "from_id": m.from_status.as_ref().map(|s| format!("backlog-status-{s}")),
                "to_id": format!("backlog-status-{}", m.to_status), "note": m.note, "who": who_name(m.staff_id),
                "when": super::view::shown_time(m.created_at),
            })).collect::<Vec<_>>(),
            "reviews": reviews.iter().map(|r| json!({
                "quarter": r.quarter, "progress": r.progress, "status_id": format!("backlog-status-{}", r.status),
                "next_step": r.next_step, "who": who_name(r.staff_id), "when": super::view::shown_time(r.created_at),
                "brief_version": r.brief_version,
                "brief_url": r.brief_version.map(|n| format!("/staff/backlog/items/{id}/brief/versions?to={n}")),
            })).collect::<Vec<_>>(),
            "quarter": Quarter::of(now.date()).label(),
            "can_shape": who.may(Permission::ShapeBacklog, ministry.id),
            "can_prioritise": who.may(Permission::PrioritiseBacklog, ministry.id),
        }))
    })
    .await?;
    let status = sent.status();
    sent.into_page(&mut data);
    Ok(page.renderer.respond_staff(req, locale, staff, status, "staff/backlog_item", data))
}
