//! `GET /staff/services/{code}`: a service's feedback, grouped — counts by kind
//! and theme, the charter gap, trend and district charts, voices by pain category
//! and the themes with their cohesion, reasons and quotes (`service_themes`), and
//! the filtered feedback list.

use std::collections::HashMap;

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use chrono::{Datelike, Utc};
use serde_json::{json, Value};

use super::feedback_row::feedback_row;
use super::page_parts::PageParts;
use super::sent::{DoneQuery, Sent};
use super::service_themes::{category_chart, theme_cards};
use super::view::field_messages;
use crate::auth::Staff;
use crate::charts::{horizontal_bars, weekly_trend, ChartText};
use crate::db::{self, themes};
use crate::domain::district::District;
use crate::domain::feedback::{Channel, FeedbackKind};
use crate::domain::staff::Permission;
use crate::domain::{FieldErrors, Locale};
use crate::error::AppError;
use crate::grouping;
use crate::i18n;
use crate::themes::PainCategory;
use crate::workspace::filter_input::FilterQuery;
use crate::workspace::service_stats::{self, ServiceStats};
use crate::workspace::{feedback_list, visible_service};

/// Representative quotes shown per theme.
const QUOTES_PER_THEME: usize = 3;
/// Themes listed on the page (most voices first); the rest are counted, and listed in the filter.
const THEMES_LISTED: usize = 30;

fn charts(stats: &ServiceStats, locale: Locale) -> (String, String) {
    let msg = |id: &str| i18n::message(locale, id, &[]);
    let weeks: Vec<(String, u64)> = stats
        .weekly
        .iter()
        .map(|(week, voices)| {
            // "২ মার্চ" on Bangla pages: the day in the page's digits, without a leading zero.
            let label = format!(
                "{} {}",
                i18n::localise_digits(locale, &week.day().to_string()),
                i18n::message(locale, &format!("month-{}", week.format("%m")), &[])
            );
            (label, (*voices).max(0) as u64)
        })
        .collect();
    let peak = stats.weekly.iter().map(|(_, v)| *v).max().unwrap_or(0);
    let trend_desc = i18n::message(locale, "staff-trend-desc", &[("peak", peak.to_string())]);
    let (trend_title, empty) = (msg("staff-trend-title"), msg("chart-empty"));
    let trend =
        weekly_trend(&weeks, &ChartText { id: "trend", title: &trend_title, desc: &trend_desc, empty: &empty }, locale);
    let districts: Vec<(String, u64)> = stats
        .districts
        .iter()
        .map(|(code, voices)| {
            let name = District::from_code(code).map(|d| d.name(locale).to_owned()).unwrap_or_else(|| code.clone());
            (name, (*voices).max(0) as u64)
        })
        .collect();
    let top = districts.first().map(|(n, _)| n.clone()).unwrap_or_default();
    let district_desc = i18n::message(locale, "staff-districts-desc", &[("top", top)]);
    let (district_title, rest) = (msg("staff-districts-title"), msg("staff-districts-rest"));
    let bars = horizontal_bars(
        &districts,
        10,
        &rest,
        &ChartText { id: "districts", title: &district_title, desc: &district_desc, empty: &empty },
        locale,
    );
    (trend, bars)
}

fn options(values: &[&str], prefix: &str, selected: &Option<String>) -> Vec<Value> {
    let chosen = selected.as_deref().unwrap_or("");
    values.iter().map(|v| json!({ "value": v, "label_id": format!("{prefix}{v}"), "selected": *v == chosen })).collect()
}

/// "Me too" voices not counted in 24 hours from which moderators are warned.
const ME_TOO_BURST: i64 = 5;

/// What the service page says was done (`?done=`): a regroup, a suggested merge accepted or
/// dismissed.
const DONE: [&str; 3] = ["regrouped", "merged", "dismissed"];

/// `GET /staff/services/{code}`.
pub async fn show_service(
    req: HttpRequest,
    staff: Staff,
    locale: Locale,
    code: web::Path<String>,
    query: web::Query<FilterQuery>,
    done: web::Query<DoneQuery>,
    parts: PageParts,
) -> Result<HttpResponse, AppError> {
    let sent = Sent::done("staff-service-done", done.done.as_deref(), &DONE);
    service_page(&req, &staff, locale, code.into_inner(), query.into_inner(), &parts, sent).await
}

/// The service page for the feedback filter `query`, with what a form (promote) sent back.
pub async fn service_page(
    req: &HttpRequest,
    staff: &Staff,
    locale: Locale,
    code: String,
    query: FilterQuery,
    parts: &PageParts,
    sent: Sent,
) -> Result<HttpResponse, AppError> {
    staff.require(Permission::ViewFeedback)?;
    let (pool, renderer) = (&parts.pool, &parts.renderer);
    let (filter, errors) = match query.parse() {
        Ok(filter) => (filter, FieldErrors::new()),
        Err(errors) => (Default::default(), errors),
    };
    let who = staff.clone();
    let mut list_filter = filter.clone();
    let classifier = parts.classifier.clone().into_inner();
    let typed = sent.typed.clone().unwrap_or_default();
    let (listing, stats, insights, (rows, more), theme_names, (backlog, refused)) =
        db::run_read(pool, move |c| -> Result<_, AppError> {
            let listing = visible_service(c, &who, &code)?.ok_or(AppError::NotFound)?;
            list_filter.search_original = who.may(Permission::ViewPersonalData, listing.2.id);
            let stats = service_stats::load(c, &listing.0, Utc::now().naive_utc())?;
            let listed: Vec<i64> = stats.themes.iter().take(THEMES_LISTED).map(|t| t.id).collect();
            let insights = grouping::insights(c, listing.0.id, &listed, QUOTES_PER_THEME, &classifier)?;
            let page = feedback_list::page(c, listing.0.id, &list_filter)?;
            let names: HashMap<i64, (String, String)> = themes::labels_of_service(c, listing.0.id)?
                .into_iter()
                .map(|t| (t.id, (t.label_bn, t.label_en)))
                .collect();
            let backlog = match db::backlog_items::for_service(c, listing.0.id)? {
                Some(item) => json!({ "url": format!("/staff/backlog/items/{}", item.id),
                                      "status_id": format!("backlog-status-{}", item.status) }),
                None => {
                    let ticked: Vec<i64> = typed["promote"]["themes"]
                        .as_array()
                        .map_or_else(Vec::new, |a| a.iter().filter_map(Value::as_i64).collect());
                    json!({ "themes": super::backlog_item::theme_choices(c, listing.0.id, &ticked, locale)?,
                            "promote_url": format!("/staff/services/{}/backlog", listing.0.code) })
                }
            };
            let day_ago = Utc::now().naive_utc() - chrono::Duration::hours(24);
            let refused = crate::voices::refused_since(c, listing.0.id, day_ago)?;
            Ok((listing, stats, insights, page, names, (backlog, refused)))
        })
        .await?;
    let merge_suggestions = super::merge_suggestions::section(pool, staff, &listing, locale).await?;
    let (service, _, ministry) = &listing;
    let personal = staff.may(Permission::ViewPersonalData, ministry.id);
    let (trend, districts) = charts(&stats, locale);
    let theme_rows = theme_cards(&stats, &insights, &service.code, THEMES_LISTED, locale);
    let categories_svg = category_chart(&stats, locale);
    let rows: Vec<Value> = rows.iter().map(|f| feedback_row(f, locale, personal, &theme_names)).collect();
    let filters = query.to_query();
    let page = filter.page;
    let link = |p: i64| format!("/staff/services/{}?{filters}&page={p}", service.code);
    let kinds: Vec<&str> = FeedbackKind::ALL.iter().map(|k| k.as_str()).collect();
    let channels: Vec<&str> = Channel::ALL.iter().map(|k| k.as_str()).collect();
    let categories: Vec<&str> = PainCategory::ALL.iter().map(|k| k.as_str()).collect();
    let theme_options: Vec<Value> = stats
        .themes
        .iter()
        .map(|t| json!({ "value": t.id.to_string(), "label": locale.pick(&t.label_bn, &t.label_en), "selected": query.theme.as_deref() == Some(t.id.to_string().as_str()) }))
        .collect();
    let district_options: Vec<Value> = District::all()
        .map(|d| json!({ "value": d.code(), "label": d.name(locale), "selected": query.district.as_deref() == Some(d.code()) }))
        .collect();
    let error_list = field_messages(locale, &errors);
    let mut data = json!({
        "service": {
            "code": service.code, "name": locale.pick(&service.name_bn, &service.name_en),
            "other_name": locale.pick(&service.name_en, &service.name_bn), "ministry": locale.pick(&ministry.name_bn, &ministry.name_en),
            "public_url": format!("/services/{}", service.code),
            "regroup_url": format!("/staff/services/{}/regroup", service.code),
            "ungrouped_url": format!("/staff/services/{}?theme=none#list-h", service.code),
        },
        "can_edit_themes": staff.may(Permission::EditThemes, ministry.id),
        "can_promote": staff.may(Permission::ShapeBacklog, ministry.id),
        "backlog": backlog,
        "can_moderate": staff.may(Permission::Moderate, ministry.id),
        // A burst of "me too" voices not counted: someone may be trying to stuff votes.
        "me_too_refused": (refused >= ME_TOO_BURST).then_some(refused),
        "personal": personal,
        "stats": stats,
        "kind_rows": stats.kinds.iter().map(|(k, t)| json!({ "label_id": format!("staff-kind-{k}"), "feedback": t.feedback, "voices": t.voices })).collect::<Vec<_>>(),
        "tcv": stats.tcv.iter().map(|m| json!({
            "label_id": format!("staff-tcv-{}", m.name), "median": m.median.map(|v| v.to_string()),
            "promised": m.promised.map(|v| v.to_string()), "gap": m.gap.map(|v| v.to_string()),
            "answers": m.answers, "over": m.gap.is_some_and(|g| g > 0),
            // A charter fee of 0 is a promise too: the service is free.
            "free": m.name == crate::counts::dim::COST && m.promised == Some(0),
        })).collect::<Vec<_>>(),
        "themes": theme_rows,
        "merge_suggestions": merge_suggestions,
        "categories_svg": categories_svg,
        "more_themes": stats.themes.len().saturating_sub(THEMES_LISTED),
        "trend_svg": trend,
        "districts_svg": districts,
        "rows": rows,
        "filter_errors": error_list,
        "filter": {
            "q": query.q.clone().unwrap_or_default(), "from": query.from.clone().unwrap_or_default(), "to": query.to.clone().unwrap_or_default(),
            "kinds": options(&kinds, "staff-kind-", &query.kind), "channels": options(&channels, "channel-", &query.channel),
            "categories": options(&categories, "category-", &query.category), "themes": theme_options,
            "districts": district_options, "states": options(&["visible", "hidden", "spam", "all"], "state-", &query.state),
            "none_selected": query.theme.as_deref() == Some("none"),
        },
        "next_url": more.then(|| link(page + 1)),
        "prev_url": (page > 0).then(|| link(page - 1)),
    });
    let status = if errors.is_empty() { sent.status() } else { StatusCode::UNPROCESSABLE_ENTITY };
    sent.into_page(&mut data);
    Ok(renderer.respond_staff(req, locale, staff, status, "staff/service", data))
}
