//! `GET /api/v1/services` and `GET /api/v1/services/{code}`.

use actix_web::{web, HttpResponse};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::db::services::{ServiceListing, ServiceQuery};
use crate::db::{self, Pool};
use crate::domain::{FieldError, FieldErrors};
use crate::error::{AppError, ErrorEnvelope};
use crate::routes::public::search_terms;

const PER_PAGE_DEFAULT: u64 = 50;
const PER_PAGE_MAX: u64 = 200;

/// Query of the service list.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListQuery {
    /// Words that must all appear in the Bangla or English name (or the code).
    #[param(pattern = "^[^\\x00-\\x1F\\x7F]*$")]
    q: Option<String>,
    /// Only this ministry's services (its code).
    #[param(pattern = "^[^\\x00-\\x1F\\x7F]*$")]
    ministry: Option<String>,
    /// Page number, from 1.
    #[param(value_type = Option<u64>, minimum = 1, maximum = 1000000)]
    page: Option<String>,
    /// Services per page (default 50).
    #[param(value_type = Option<u64>, minimum = 1, maximum = 200)]
    per_page: Option<String>,
}

/// A ministry or office reference.
#[derive(Debug, Serialize, ToSchema)]
pub struct UnitRef {
    code: String,
    name_bn: String,
    name_en: String,
}

/// A service as the API shows it.
#[derive(Debug, Serialize, ToSchema)]
pub struct ServiceResponse {
    code: String,
    name_bn: String,
    name_en: String,
    ministry: UnitRef,
    office: UnitRef,
    delivery_mode: String,
    steps: Vec<String>,
    documents: Vec<String>,
    fee_bdt: Option<i64>,
    promised_days: Option<i32>,
    responsible_officer: String,
    yearly_applications: Option<i64>,
    roadmap_category: Option<i32>,
}

impl From<ServiceListing> for ServiceResponse {
    fn from((s, o, m): ServiceListing) -> Self {
        Self {
            steps: s.step_list(),
            documents: s.document_list(),
            code: s.code,
            name_bn: s.name_bn,
            name_en: s.name_en,
            ministry: UnitRef { code: m.code, name_bn: m.name_bn, name_en: m.name_en },
            office: UnitRef { code: o.code, name_bn: o.name_bn, name_en: o.name_en },
            delivery_mode: s.delivery_mode,
            fee_bdt: s.fee_bdt,
            promised_days: s.promised_days,
            responsible_officer: s.responsible_officer,
            yearly_applications: s.yearly_applications,
            roadmap_category: s.roadmap_category,
        }
    }
}

/// One page of services.
#[derive(Debug, Serialize, ToSchema)]
pub struct ServicePage {
    items: Vec<ServiceResponse>,
    page: u64,
    per_page: u64,
    total: i64,
}

/// A page number exactly as described: ASCII digits, from 1 to `max`.
fn page_number(field: &str, value: Option<&str>, default: u64, max: u64) -> Result<u64, FieldError> {
    let Some(value) = value else { return Ok(default) };
    let digits = !value.is_empty() && value.len() <= 12 && value.bytes().all(|b| b.is_ascii_digit());
    match value.parse::<u64>() {
        Ok(n) if digits && (1..=max).contains(&n) => Ok(n),
        _ => Err(FieldError::new(field, "error-page-invalid").with("max", max)),
    }
}

/// Lists services matching `q` (words in either name, or the code), optionally
/// of one ministry, ordered by code so pages are stable.
#[utoipa::path(
    get,
    path = "/api/v1/services",
    tag = "catalogue",
    params(ListQuery),
    responses(
        (status = 200, description = "One page of services", body = ServicePage),
        (status = 400, description = "Malformed query string, or a control character in it", body = ErrorEnvelope),
        (status = 422, description = "Bad page or per_page", body = ErrorEnvelope),
        (status = 503, description = "Database unavailable; retry", body = ErrorEnvelope),
    )
)]
pub async fn list_services(query: web::Query<ListQuery>, pool: web::Data<Pool>) -> Result<HttpResponse, AppError> {
    let mut errors = FieldErrors::new();
    let page = errors.take(page_number("page", query.page.as_deref(), 1, 1_000_000));
    let per_page = errors.take(page_number("per_page", query.per_page.as_deref(), PER_PAGE_DEFAULT, PER_PAGE_MAX));
    let (Some(page), Some(per_page)) = (page, per_page) else {
        return Err(AppError::Validation(errors));
    };
    let terms = search_terms(query.q.as_deref().unwrap_or(""));
    let ministry_code = query.ministry.clone().unwrap_or_default().trim().to_ascii_uppercase();
    let (rows, total) = db::run_read(&pool, move |conn| {
        let ministry_id = match ministry_code.as_str() {
            "" => None,
            code => match db::ministries::find_by_code(conn, code)? {
                Some(m) => Some(m.id),
                None => return Ok((Vec::new(), 0)),
            },
        };
        let search = ServiceQuery {
            terms: terms.clone(),
            ministry_id,
            order_by_name: None,
            offset: ((page - 1) * per_page) as i64,
            limit: per_page as i64,
        };
        db::services::search(conn, &search)
    })
    .await?;
    let items = rows.into_iter().map(ServiceResponse::from).collect();
    Ok(HttpResponse::Ok().json(ServicePage { items, page, per_page, total }))
}

/// One service by code.
#[utoipa::path(
    get,
    path = "/api/v1/services/{code}",
    tag = "catalogue",
    params(("code" = String, Path, pattern = "^[^\\x00-\\x1F\\x7F]*$", description = "Service code, e.g. DIP-001")),
    responses(
        (status = 400, description = "A control character in the path or query", body = ErrorEnvelope),
        (status = 200, description = "The service and its charter facts", body = ServiceResponse),
        (status = 404, description = "No service with this code", body = ErrorEnvelope),
        (status = 503, description = "Database unavailable; retry", body = ErrorEnvelope),
    )
)]
pub async fn get_service(code: web::Path<String>, pool: web::Data<Pool>) -> Result<HttpResponse, AppError> {
    let listing = crate::routes::public::load_service(&pool, &code).await?;
    Ok(HttpResponse::Ok().json(ServiceResponse::from(listing)))
}
