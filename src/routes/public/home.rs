//! The home page: search box, the services citizens use most, and the ministries to browse.

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use serde_json::json;

use crate::db::{self, Pool};
use crate::domain::Locale;
use crate::error::AppError;
use crate::web::Renderer;

/// Services listed as the most used.
const MOST_USED: i64 = 8;

/// `GET /`.
pub async fn show_home(
    req: HttpRequest,
    locale: Locale,
    pool: web::Data<Pool>,
    renderer: web::Data<Renderer>,
) -> Result<HttpResponse, AppError> {
    let (ministries, popular) = db::run_read(&pool, |c| -> diesel::QueryResult<_> {
        Ok((db::ministries::list_with_service_counts(c)?, db::services::most_used(c, MOST_USED)?))
    })
    .await?;
    let popular: Vec<_> = popular
        .iter()
        .map(|(s, _, _)| json!({ "name": s.name(locale), "url": format!("/services/{}", s.code) }))
        .collect();
    let mut list: Vec<_> = ministries
        .into_iter()
        .filter(|(_, count)| *count > 0)
        .map(|(m, count)| {
            let name = locale.pick(&m.name_bn, &m.name_en);
            json!({ "name": name, "count": count, "url": format!("/services?ministry={}", m.code) })
        })
        .collect();
    if locale == Locale::Bn {
        list.sort_by(|a, b| a["name"].as_str().cmp(&b["name"].as_str()));
    }
    Ok(renderer.respond(
        &req,
        locale,
        StatusCode::OK,
        "public/home",
        json!({ "ministries": list, "popular": popular, "q": "" }),
    ))
}
