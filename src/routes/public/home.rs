//! The home page: search box and the ministries to browse.

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use serde_json::json;

use crate::db::{self, Pool};
use crate::domain::Locale;
use crate::error::AppError;
use crate::web::Renderer;

/// `GET /`.
pub async fn show_home(
    req: HttpRequest,
    locale: Locale,
    pool: web::Data<Pool>,
    renderer: web::Data<Renderer>,
) -> Result<HttpResponse, AppError> {
    let ministries = db::run_blocking(&pool, db::ministries::list_with_service_counts).await?;
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
    Ok(renderer.respond(&req, locale, StatusCode::OK, "public/home", json!({ "ministries": list, "q": "" })))
}
