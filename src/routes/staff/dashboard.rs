//! `GET /staff`: the staff member's services ranked by recent pain.

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use chrono::Utc;
use serde::Deserialize;
use serde_json::json;

use crate::auth::Staff;
use crate::charts::{sparkline, ChartText};
use crate::db::{self, ministries, Pool};
use crate::domain::staff::Permission;
use crate::domain::Locale;
use crate::error::AppError;
use crate::i18n;
use crate::web::Renderer;
use crate::workspace::dashboard;

/// Rows per dashboard page.
const PER_PAGE: usize = 50;

/// The dashboard's filters.
#[derive(Debug, Deserialize)]
pub struct DashboardQuery {
    ministry: Option<String>,
    page: Option<usize>,
}

/// `GET /staff`.
pub async fn show_dashboard(
    req: HttpRequest,
    staff: Staff,
    locale: Locale,
    query: web::Query<DashboardQuery>,
    pool: web::Data<Pool>,
    renderer: web::Data<Renderer>,
) -> Result<HttpResponse, AppError> {
    // Operators have a page of their own and nothing else: send them there.
    if staff.role.allows(Permission::AssistedIntake) && !staff.role.allows(Permission::ViewFeedback) {
        return Ok(crate::web::page::see_other("/staff/assisted"));
    }
    staff.require(Permission::ViewFeedback)?;
    let scope = staff.ministry_filter();
    let wanted = query.ministry.clone().filter(|m| !m.trim().is_empty());
    let (rows, choices) = db::run_read(&pool, move |c| -> Result<_, AppError> {
        let mut visible: Vec<_> = ministries::list_with_service_counts(c)?
            .into_iter()
            .map(|(m, _)| m)
            .filter(|m| scope.as_ref().is_none_or(|ids| ids.contains(&m.id)))
            .collect();
        visible.sort_by(|a, b| a.code.cmp(&b.code));
        let filter: Option<Vec<i64>> = match &wanted {
            Some(code) => Some(vec![visible.iter().find(|m| &m.code == code).ok_or(AppError::NotFound)?.id]),
            None => scope.clone(),
        };
        Ok((dashboard::ranked(c, filter.as_deref(), Utc::now().naive_utc())?, visible))
    })
    .await?;
    let page = query.page.unwrap_or(0);
    let total = rows.len();
    let title = i18n::message(locale, "staff-dashboard-spark-title", &[]);
    let shown: Vec<_> = rows
        .into_iter()
        .skip(page * PER_PAGE)
        .take(PER_PAGE)
        .map(|r| {
            let id = format!("spark-{}", r.code);
            let desc = i18n::message(locale, "staff-dashboard-spark-desc", &[("voices", r.recent_voices.to_string())]);
            let empty = i18n::message(locale, "chart-empty", &[]);
            let text = ChartText { id: &id, title: &title, desc: &desc, empty: &empty };
            json!({
                "code": r.code,
                "name": locale.pick(&r.name_bn, &r.name_en),
                "ministry": r.ministry,
                "url": format!("/staff/services/{}", r.code),
                "recent_voices": r.recent_voices,
                "recent_feedback": r.recent_feedback,
                "spark": sparkline(&r.weekly, &text, locale),
            })
        })
        .collect();
    let ministry = query.ministry.clone().unwrap_or_default();
    let options: Vec<_> = choices
        .iter()
        .map(|m| json!({ "code": m.code, "name": locale.pick(&m.name_bn, &m.name_en), "selected": m.code == ministry }))
        .collect();
    let more = (page + 1) * PER_PAGE < total;
    let link = |p: usize| format!("/staff?ministry={}&page={p}", crate::web::page::encode(&ministry));
    let today = Utc::now().date_naive();
    let since = today - chrono::Duration::days(dashboard::RECENT_DAYS);
    let data = json!({
        "rows": shown,
        "since": i18n::localise_digits(locale, &since.format("%Y-%m-%d").to_string()),
        "today": i18n::localise_digits(locale, &today.format("%Y-%m-%d").to_string()),
        "ministries": options,
        "total": total,
        "next_url": if more { Some(link(page + 1)) } else { None },
        "prev_url": if page > 0 { Some(link(page - 1)) } else { None },
    });
    Ok(renderer.respond_staff(&req, locale, &staff, StatusCode::OK, "staff/dashboard", data))
}
