//! `GET /api/v1/services` and `GET /api/v1/services/{code}`.

use actix_web::{web, HttpResponse};
use serde::{Deserialize, Serialize};

use crate::db::services::{ServiceListing, ServiceQuery};
use crate::db::{self, Pool};
use crate::domain::digits::parse_whole_number;
use crate::domain::{FieldError, FieldErrors};
use crate::error::AppError;
use crate::routes::public::search_terms;

const PER_PAGE_DEFAULT: u64 = 50;
const PER_PAGE_MAX: u64 = 200;

/// Query of the service list.
#[derive(Debug, Deserialize)]
pub struct ListQuery {
    q: Option<String>,
    ministry: Option<String>,
    page: Option<String>,
    per_page: Option<String>,
}

/// A ministry or office reference.
#[derive(Debug, Serialize)]
pub struct UnitRef {
    code: String,
    name_bn: String,
    name_en: String,
}

/// A service as the API shows it.
#[derive(Debug, Serialize)]
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
#[derive(Debug, Serialize)]
pub struct ServicePage {
    items: Vec<ServiceResponse>,
    page: u64,
    per_page: u64,
    total: i64,
}

fn page_number(field: &str, value: Option<&str>, default: u64, max: u64) -> Result<u64, FieldError> {
    match parse_whole_number(value.unwrap_or(""), max) {
        Ok(None) => Ok(default),
        Ok(Some(n)) if n >= 1 => Ok(n),
        _ => Err(FieldError::new(field, "error-page-invalid").with("max", max)),
    }
}

/// Lists services matching `q` (words in either name, or the code), optionally
/// of one ministry, ordered by code so pages are stable.
pub async fn list_services(query: web::Query<ListQuery>, pool: web::Data<Pool>) -> Result<HttpResponse, AppError> {
    let mut errors = FieldErrors::new();
    let page = errors.take(page_number("page", query.page.as_deref(), 1, 1_000_000));
    let per_page = errors.take(page_number("per_page", query.per_page.as_deref(), PER_PAGE_DEFAULT, PER_PAGE_MAX));
    let (Some(page), Some(per_page)) = (page, per_page) else {
        return Err(AppError::Validation(errors));
    };
    let terms = search_terms(query.q.as_deref().unwrap_or(""));
    let ministry_code = query.ministry.clone().unwrap_or_default().trim().to_ascii_uppercase();
    let (rows, total) = db::run_blocking(&pool, move |conn| {
        let ministry_id = match ministry_code.as_str() {
            "" => None,
            code => match db::ministries::find_by_code(conn, code)? {
                Some(m) => Some(m.id),
                None => return Ok((Vec::new(), 0)),
            },
        };
        let search = ServiceQuery {
            terms,
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
pub async fn get_service(code: web::Path<String>, pool: web::Data<Pool>) -> Result<HttpResponse, AppError> {
    let listing = crate::routes::public::load_service(&pool, &code).await?;
    Ok(HttpResponse::Ok().json(ServiceResponse::from(listing)))
}
