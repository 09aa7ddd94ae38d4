//! `GET /staff/backlog/export.{csv,xlsx,json}`: the ranked backlog as a download, for
//! ministry admins (their ministries) and cabinet admins (all). Never any personal data;
//! never cached. Query: `ministry`, `office`, `status`, `category`, `year`, `candidates`,
//! and for CSV `table`.

use actix_web::http::header::{self, ContentDisposition, DispositionParam, DispositionType};
use actix_web::{web, HttpResponse};
use chrono::Utc;

use crate::auth::Staff;
use crate::config::Settings;
use crate::db::{self, Pool};
use crate::domain::staff::Permission;
use crate::domain::Locale;
use crate::error::AppError;
use crate::exports::request::{ExportQuery, RequestError};
use crate::exports::{self, Format};

impl From<RequestError> for AppError {
    fn from(e: RequestError) -> Self {
        match e {
            RequestError::Invalid(errors) => AppError::Validation(errors),
            RequestError::NotFound(_) => AppError::NotFound,
            RequestError::Database(e) => e.into(),
        }
    }
}

async fn export(
    staff: Staff,
    locale: Locale,
    query: ExportQuery,
    pool: &Pool,
    settings: &Settings,
    format: Format,
) -> Result<HttpResponse, AppError> {
    staff.require(Permission::ExportBacklog)?;
    let rates = settings.rates();
    let (name, bytes) = db::run_blocking(pool, move |c| -> Result<(String, Vec<u8>), AppError> {
        let request = query.resolve(c, staff.ministry_filter(), locale)?;
        let now = Utc::now().naive_utc();
        let export = exports::load::load(c, rates, now, &request)?;
        let bytes = exports::render(&export, format, &request.table, request.locale).map_err(AppError::Internal)?;
        Ok((exports::filename(&request.scope, &request.table, now.date(), format), bytes))
    })
    .await?;
    let disposition = ContentDisposition {
        disposition: DispositionType::Attachment,
        parameters: vec![DispositionParam::Filename(name)],
    };
    Ok(HttpResponse::Ok()
        .content_type(format.content_type())
        .insert_header(disposition)
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .insert_header((header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        .body(bytes))
}

/// The backlog as CSV (UTF-8 with BOM; one table, the backlog unless `table` says otherwise).
pub async fn export_backlog_csv(
    staff: Staff,
    locale: Locale,
    query: web::Query<ExportQuery>,
    pool: web::Data<Pool>,
    settings: web::Data<Settings>,
) -> Result<HttpResponse, AppError> {
    export(staff, locale, query.into_inner(), &pool, &settings, Format::Csv).await
}

/// The backlog as an XLSX workbook (Backlog, Themes, Weights).
pub async fn export_backlog_xlsx(
    staff: Staff,
    locale: Locale,
    query: web::Query<ExportQuery>,
    pool: web::Data<Pool>,
    settings: web::Data<Settings>,
) -> Result<HttpResponse, AppError> {
    export(staff, locale, query.into_inner(), &pool, &settings, Format::Xlsx).await
}

/// The backlog as one JSON document (schema in `docs/export.md`).
pub async fn export_backlog_json(
    staff: Staff,
    locale: Locale,
    query: web::Query<ExportQuery>,
    pool: web::Data<Pool>,
    settings: web::Data<Settings>,
) -> Result<HttpResponse, AppError> {
    export(staff, locale, query.into_inner(), &pool, &settings, Format::Json).await
}
