//! The brief's exports for those who read it: `GET /staff/backlog/items/{id}/brief/print` (the
//! A4 print page, in the page's language, with Nagorik's own Bangla fonts) and
//! `GET /staff/backlog/items/{id}/brief.docx` (the same words and figures as a Word document).
//! Neither holds personal data.

use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpResponse};
use chrono::Utc;

use super::backlog_item::scoped_item;
use super::page_parts::PageParts;
use crate::auth::Staff;
use crate::brief::document::Document;
use crate::brief::docx;
use crate::brief::export::{document_of, print_html, Style};
use crate::db;
use crate::domain::staff::Permission;
use crate::domain::Locale;
use crate::error::AppError;
use crate::web::page::html_response;

/// The item's brief document in `locale`, and its service's code.
async fn document(staff: &Staff, page: &PageParts, id: i64, locale: Locale) -> Result<(Document, String), AppError> {
    staff.require(Permission::ViewBacklog)?;
    let (who, rates, counted) = (staff.clone(), page.settings.rates(), page.counted.clone());
    db::run_read(&page.pool, move |c| -> Result<(Document, String), AppError> {
        let (item, listing) = scoped_item(c, &who, id)?;
        let doc = document_of(c, (&counted, rates, Utc::now().naive_utc()), &item, &listing, locale)?;
        Ok((doc, listing.0.code.clone()))
    })
    .await
    .map_err(AppError::from)
}

/// `GET /staff/backlog/items/{id}/brief/print`.
pub async fn print(
    staff: Staff,
    locale: Locale,
    id: web::Path<i64>,
    page: PageParts,
) -> Result<HttpResponse, AppError> {
    let id = id.into_inner();
    let (doc, _) = document(&staff, &page, id, locale).await?;
    let brief_url = format!("/staff/backlog/items/{id}/brief");
    let docx_url = format!("/staff/backlog/items/{id}/brief.docx");
    let style =
        Style::Linked { css_url: page.renderer.assets().url("print.css"), brief_url: &brief_url, docx_url: &docx_url };
    let body = print_html(&page.renderer.templates().html, &doc, style)
        .map_err(|e| AppError::Internal(anyhow::anyhow!("rendering the brief's print page: {e}")))?;
    let mut response = html_response(StatusCode::OK, locale, body);
    response.headers_mut().insert(header::CACHE_CONTROL, header::HeaderValue::from_static("no-store"));
    Ok(response)
}

/// `GET /staff/backlog/items/{id}/brief.docx`.
pub async fn docx(staff: Staff, locale: Locale, id: web::Path<i64>, page: PageParts) -> Result<HttpResponse, AppError> {
    let (doc, code) = document(&staff, &page, id.into_inner(), locale).await?;
    let bytes = docx::write(&doc).map_err(|e| AppError::Internal(e.into()))?;
    Ok(HttpResponse::Ok()
        .content_type(docx::CONTENT_TYPE)
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"brief-{code}-{}.docx\"", locale.code()),
        ))
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .body(bytes))
}
