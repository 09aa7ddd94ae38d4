//! `/staff/import`: a ministry admin uploads a CSV or XLSX of paper or workshop
//! feedback. "Dry run" shows the plan (rows to add, duplicates, every bad row with
//! its line and reason); "Import" uploads the same file again with the plan's digest
//! and adds exactly that plan, in one transaction, or refuses if anything changed.

use actix_multipart::Multipart;
use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpRequest, HttpResponse};
use chrono::Utc;
use futures_util::StreamExt;
use serde_json::{json, Value};

use super::view::error_context;
use crate::audit::Actor;
use crate::auth::middleware::{same_token, CSRF_FIELD};
use crate::auth::{Proof, Staff};
use crate::db::{self, Pool};
use crate::domain::provenance::{parse_label, SOURCE_MAX};
use crate::domain::staff::Permission;
use crate::domain::{FieldError, FieldErrors, Locale};
use crate::error::AppError;
use crate::i18n;
use crate::import::describe::{duplicate_of, reasons};
use crate::import::plan::ImportError;
use crate::import::{self, ImportRequest, Outcome, Plan};
use crate::themes::Classifier;
use crate::web::Renderer;

/// Largest file accepted, in megabytes.
pub const LIMIT_MB: usize = 10;
/// Room for the other fields and the multipart framing.
const FRAMING: usize = 64 * 1024;
/// Rows to add shown on the dry-run page (all duplicates and bad rows are shown).
const ADDED_SHOWN: usize = 50;

/// The upload as sent.
#[derive(Debug, Default)]
struct Upload {
    /// The form's CSRF token (in the body, never the URL, which lands in access logs).
    csrf: String,
    file_name: String,
    bytes: Vec<u8>,
    source: String,
    plan: String,
    import: bool,
}

fn plan_view(locale: Locale, plan: &Plan) -> Value {
    let added: Vec<Value> = plan
        .add
        .iter()
        .take(ADDED_SHOWN)
        .map(|c| {
            let text: String = c.text.as_str().chars().take(120).collect();
            json!({ "line": c.line, "service": c.service_code, "kind_id": format!("kind-{}", c.kind.as_str()), "text": text })
        })
        .collect();
    let duplicates: Vec<Value> = plan
        .duplicates
        .iter()
        .map(|d| json!({ "line": d.line, "service": d.service_code, "why": duplicate_of(locale, d.exact, &d.of) }))
        .collect();
    let bad: Vec<Value> =
        plan.bad.iter().map(|b| json!({ "line": b.line, "why": reasons(locale, &b.errors) })).collect();
    json!({
        "file": plan.file_name, "source": plan.source, "digest": plan.digest(),
        "added_count": plan.add.len(), "duplicate_count": plan.duplicates.len(), "bad_count": plan.bad.len(),
        "shown": ADDED_SHOWN.min(plan.add.len()), "added": added, "duplicates": duplicates, "bad": bad,
    })
}

/// One rendering of the page.
struct View<'a> {
    source: &'a str,
    errors: &'a FieldErrors,
    plan: Option<&'a Plan>,
    done: Option<String>,
    status: StatusCode,
}

fn render(req: &HttpRequest, locale: Locale, staff: &Staff, renderer: &Renderer, view: View<'_>) -> HttpResponse {
    let data = json!({
        "upload_url": "/staff/import",
        "limit_mb": LIMIT_MB,
        "form": crate::routes::staff::view::merged(json!({ "source": view.source }), error_context(locale, view.errors)),
        "plan": view.plan.map(|p| plan_view(locale, p)),
        "done": view.done,
    });
    renderer.respond_staff(req, locale, staff, view.status, "staff/import", data)
}

/// `GET /staff/import`: the upload form.
pub async fn show_import(
    req: HttpRequest,
    locale: Locale,
    staff: Staff,
    renderer: web::Data<Renderer>,
) -> Result<HttpResponse, AppError> {
    staff.require(Permission::ImportFeedback)?;
    let view = View { source: "", errors: &FieldErrors::new(), plan: None, done: None, status: StatusCode::OK };
    Ok(render(&req, locale, &staff, &renderer, view))
}

/// Reads the upload's fields as they stream in, up to the limit; `Err` with the field error when
/// it is too large or not a multipart form.
async fn read_upload(req: &HttpRequest, payload: web::Payload) -> Result<Upload, AppError> {
    let limit = LIMIT_MB * 1024 * 1024 + FRAMING;
    let too_large =
        || AppError::Validation(FieldError::new("file", "error-import-file-too-large").with("mb", LIMIT_MB).into());
    let missing = || AppError::Validation(FieldError::new("file", "error-import-file-required").into());
    let declared = req.headers().get(header::CONTENT_LENGTH).and_then(|v| v.to_str().ok()?.parse::<usize>().ok());
    if declared.is_some_and(|n| n > limit) {
        return Err(too_large());
    }
    let mut form = Multipart::new(req.headers(), payload);
    let (mut upload, mut read) = (Upload::default(), 0usize);
    while let Some(field) = form.next().await {
        let mut field = field.map_err(|_| missing())?;
        let name = field.name().unwrap_or_default().to_owned();
        let file_name = field.content_disposition().and_then(|d| d.get_filename()).map(str::to_owned);
        let mut data = Vec::new();
        while let Some(chunk) = field.next().await {
            let chunk = chunk.map_err(|_| missing())?;
            read += chunk.len();
            if read > limit {
                return Err(too_large());
            }
            data.extend_from_slice(&chunk);
        }
        let text = || String::from_utf8_lossy(&data).into_owned();
        match name.as_str() {
            "file" => {
                upload.file_name = file_name.unwrap_or_default();
                upload.bytes = data;
            }
            CSRF_FIELD => upload.csrf = text(),
            "source" => upload.source = text(),
            "plan" => upload.plan = text().trim().to_owned(),
            "action" => upload.import = text() == "import",
            _ => {}
        }
    }
    Ok(upload)
}

/// `POST /staff/import`: a dry run, or the import of the plan a dry run showed. A browser session's
/// CSRF token comes in the multipart body (the middleware leaves multipart bodies to this handler,
/// the only one that reads them), checked before anything else is done with the upload.
pub async fn upload_import(
    req: HttpRequest,
    locale: Locale,
    staff: Staff,
    payload: web::Payload,
    pool: web::Data<Pool>,
    renderer: web::Data<Renderer>,
    classifier: web::Data<Classifier>,
) -> Result<HttpResponse, AppError> {
    staff.require(Permission::ImportFeedback)?;
    let upload = match read_upload(&req, payload).await {
        Ok(upload) => upload,
        Err(AppError::Validation(errors)) => {
            let status = if errors.0[0].code == "error-import-file-too-large" {
                StatusCode::PAYLOAD_TOO_LARGE
            } else {
                StatusCode::UNPROCESSABLE_ENTITY
            };
            return Ok(render(
                &req,
                locale,
                &staff,
                &renderer,
                View { source: "", errors: &errors, plan: None, done: None, status },
            ));
        }
        Err(e) => return Err(e),
    };
    if let Proof::Session { csrf, .. } = &staff.proof {
        if !same_token(&upload.csrf, csrf) {
            tracing::warn!(staff = staff.id, "import refused: missing or wrong CSRF token");
            return Err(AppError::Forbidden);
        }
    }
    let mut errors = FieldErrors::new();
    if upload.bytes.is_empty() {
        errors.push(FieldError::new("file", "error-import-file-required"));
    }
    let source = errors.take(parse_label("source", &upload.source, SOURCE_MAX));
    if upload.import && upload.plan.is_empty() {
        errors.push(FieldError::new("plan", "error-import-plan-missing"));
    }
    let refuse = |errors: &FieldErrors, plan: Option<&Plan>, status| {
        let view = View { source: &upload.source, errors, plan, done: None, status };
        render(&req, locale, &staff, &renderer, view)
    };
    let Some(source) = source.filter(|_| errors.is_empty()) else {
        return Ok(refuse(&errors, None, StatusCode::UNPROCESSABLE_ENTITY));
    };
    let request = ImportRequest {
        file_name: upload.file_name.clone(),
        bytes: upload.bytes.clone(),
        source,
        ministries: staff.ministry_filter(),
    };
    let now = Utc::now().naive_utc();
    let result = if upload.import {
        let (actor, expected, classifier) = (Actor::from(&staff), upload.plan.clone(), classifier.into_inner());
        db::run_blocking(&pool, move |c| {
            import::apply(c, &request, Some(&expected), (&actor, &classifier), now, &mut |_, _| {})
        })
        .await
    } else {
        db::run_blocking(&pool, move |c| import::build(c, &request, now).map(Outcome::Changed)).await
    };
    match result {
        Ok(Outcome::Imported(plan)) => {
            let args = [
                ("added", plan.add.len().to_string()),
                ("file", plan.file_name.clone()),
                ("source", plan.source.clone()),
                ("duplicates", plan.duplicates.len().to_string()),
            ];
            let done = Some(i18n::message(locale, "import-done", &args));
            let view = View { source: "", errors: &FieldErrors::new(), plan: None, done, status: StatusCode::OK };
            Ok(render(&req, locale, &staff, &renderer, view))
        }
        // A dry run, or an import whose plan changed since its dry run: show the (new) plan.
        Ok(Outcome::Changed(plan)) => {
            let (errors, status) = if upload.import {
                (FieldError::new("plan", "error-import-plan-changed").into(), StatusCode::CONFLICT)
            } else {
                (FieldErrors::new(), StatusCode::OK)
            };
            Ok(refuse(&errors, Some(&plan), status))
        }
        Err(db::BlockingError::Work(ImportError::File(e))) => {
            Ok(refuse(&e.field_error().into(), None, StatusCode::UNPROCESSABLE_ENTITY))
        }
        Err(e) => Err(e.into()),
    }
}

impl From<ImportError> for AppError {
    fn from(err: ImportError) -> Self {
        match err {
            ImportError::File(e) => AppError::Validation(e.field_error().into()),
            ImportError::Database(e) => e.into(),
        }
    }
}
