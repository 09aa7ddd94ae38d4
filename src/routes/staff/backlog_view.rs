//! How backlog rows and score breakdowns appear on staff pages.

use serde_json::{json, Value};

use crate::backlog::ranking::Ranked;
use crate::domain::digits::{lakh_crore, taka_in_full};
use crate::domain::scoring::{Scale, Score, COMPONENTS};
use crate::domain::Locale;

/// Points shown with one decimal.
pub fn points(x: f64) -> String {
    format!("{x:.1}")
}

/// The status message id of a row (`backlog-status-…`, or candidate).
pub fn status_id(r: &Ranked) -> String {
    match &r.item {
        Some(item) => format!("backlog-status-{}", item.status),
        None => "backlog-status-candidate".into(),
    }
}

/// Where a row links: the item page, or the service page for candidates.
pub fn url(r: &Ranked) -> String {
    match &r.item {
        Some(item) => format!("/staff/backlog/items/{}", item.id),
        None => format!("/staff/services/{}", r.service.code),
    }
}

/// The fewest answers behind a service's savings estimate (of days, cost and visits).
pub fn fewest_answers(r: &Ranked) -> i64 {
    r.inputs.answers.iter().copied().min().unwrap_or(0)
}

/// One row of the ranked list.
pub fn row(r: &Ranked, locale: Locale) -> Value {
    let answers = fewest_answers(r);
    json!({
        "rank": r.rank, "code": r.service.code, "name": locale.pick(&r.service.name_bn, &r.service.name_en),
        "ministry": r.ministry.code, "office": locale.pick(&r.office.name_bn, &r.office.name_en),
        "status_id": status_id(r), "url": url(r),
        "target_year": r.item.as_ref().and_then(|i| i.target_year.clone()),
        "category": r.service.roadmap_category,
        "points": r.score.components.iter().map(|c| points(c.points)).collect::<Vec<_>>(),
        "total": points(r.score.total),
        "savings_bdt": lakh_crore(r.score.burden.yearly_bdt, locale),
        "savings_hours": lakh_crore(r.score.burden.yearly_hours, locale),
        "savings_full": taka_in_full(r.score.burden.yearly_bdt, locale),
        // The estimate rests on the fewest of its days, cost and visits answers.
        "answers": lakh_crore(answers, locale),
        "few_answers": answers < crate::domain::scoring::FEW_ANSWERS,
    })
}

/// The breakdown of a score: each component's measure explained in a plain sentence (against
/// the largest of all services, where the component is measured against it), its weight and
/// its points. `category` is the service's roadmap category (readiness reads it).
pub fn breakdown(score: &Score, scale: &Scale, category: Option<i32>, locale: Locale) -> Vec<Value> {
    let n = |x: i64| lakh_crore(x, locale);
    COMPONENTS
        .iter()
        .zip(score.components.iter())
        .map(|(name, c)| {
            let (id, args): (String, Vec<(&str, String)>) = match *name {
                "demand" => ("backlog-explain-demand".into(), vec![("voices", n(c.raw)), ("top", n(scale.demand))]),
                "burden" => ("backlog-explain-burden".into(), vec![("bdt", n(c.raw)), ("top", n(scale.burden))]),
                "gap" => ("backlog-explain-gap".into(), vec![("bdt", n(c.raw)), ("top", n(scale.gap))]),
                "severity" => ("backlog-explain-severity".into(), vec![("percent", n((c.raw + 5) / 10))]),
                _ => (
                    format!("backlog-explain-readiness-{}", category.map_or("none".to_owned(), |c| c.to_string())),
                    Vec::new(),
                ),
            };
            json!({
                "name_id": format!("backlog-component-{name}"),
                "explained": crate::i18n::message(locale, &id, &args),
                "weight": c.weight, "points": points(c.points),
            })
        })
        .collect()
}
