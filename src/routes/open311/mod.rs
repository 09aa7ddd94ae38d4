//! Open311 GeoReport v2 under `/open311/v2/`, in XML and JSON, so that municipal
//! apps and grievance portals can submit and read feedback without custom work.

mod reply;
mod requests;
mod services;

use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpRequest, HttpResponse};

use crate::db::BlockingError;
use crate::domain::Locale;
pub use reply::Node;

/// The format named by a path's extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// `.xml` (the specification's default).
    Xml,
    /// `.json`.
    Json,
}

impl Format {
    /// From `xml` or `json`.
    pub fn parse(ext: &str) -> Option<Format> {
        match ext {
            "xml" => Some(Format::Xml),
            "json" => Some(Format::Json),
            _ => None,
        }
    }

    /// The format of a request path, XML when it has no known extension.
    pub fn of_path(path: &str) -> Format {
        path.rsplit_once('.').and_then(|(_, ext)| Format::parse(ext)).unwrap_or(Format::Xml)
    }
}

/// An answer with `root` as the XML element around `body`.
pub fn reply(format: Format, status: StatusCode, root: &str, body: &Node) -> HttpResponse {
    let mut response = HttpResponse::build(status);
    match format {
        Format::Xml => response.content_type("text/xml; charset=utf-8").body(reply::to_xml(root, body)),
        Format::Json => response.json(reply::to_json(body)),
    }
}

/// The specification's error answer: `errors/error` with `code` and `description`.
pub fn fail(format: Format, status: StatusCode, descriptions: &[String]) -> HttpResponse {
    let errors = descriptions
        .iter()
        .map(|d| {
            Node::Object(vec![("code", Node::Int(i64::from(status.as_u16()))), ("description", Node::text(d.as_str()))])
        })
        .collect();
    let mut response = reply(format, status, "errors", &Node::List("error", errors));
    if status == StatusCode::SERVICE_UNAVAILABLE {
        response.headers_mut().insert(header::RETRY_AFTER, header::HeaderValue::from_static("5"));
    }
    response
}

/// A database failure as an Open311 error (503 when the pool is exhausted or the connection died).
pub fn db_failure<E: std::fmt::Display>(format: Format, err: BlockingError<E>) -> HttpResponse {
    match err {
        BlockingError::Pool(_) | BlockingError::Lost => {
            fail(format, StatusCode::SERVICE_UNAVAILABLE, &["The service is busy; try again".into()])
        }
        other => {
            tracing::error!(error = %other, "open311 request failed");
            fail(format, StatusCode::INTERNAL_SERVER_ERROR, &["General service error".into()])
        }
    }
}

/// Open311 clients get English unless they ask for Bangla.
pub fn locale(req: &HttpRequest) -> Locale {
    req.headers()
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .and_then(Locale::from_accept_language)
        .unwrap_or(Locale::En)
}

/// A path segment `name.format`, split; `None` when the format is unknown.
pub fn split_format(segment: &str) -> Option<(&str, Format)> {
    let (name, ext) = segment.rsplit_once('.')?;
    Some((name, Format::parse(ext)?))
}

async fn not_found(req: HttpRequest) -> HttpResponse {
    fail(Format::of_path(req.path()), StatusCode::NOT_FOUND, &["No such Open311 resource".into()])
}

fn form_error(err: actix_web::error::UrlencodedError, req: &HttpRequest) -> actix_web::Error {
    let format = Format::of_path(req.path());
    let status = match err {
        actix_web::error::UrlencodedError::Overflow { .. } => StatusCode::PAYLOAD_TOO_LARGE,
        _ => StatusCode::BAD_REQUEST,
    };
    let response = fail(format, status, &[format!("The request body could not be read: {err}")]);
    actix_web::error::InternalError::from_response(err, response).into()
}

/// A resource that answers other methods with the specification's 405 and the methods it allows.
fn resource(path: &str, allow: &'static str) -> actix_web::Resource {
    web::resource(path).default_service(web::to(move |req: HttpRequest| async move {
        // Of the top-level resources only `requests` takes a POST.
        let top_level_get = allow.contains("POST") && !req.match_info().query("resource").starts_with("requests.");
        method_not_allowed(Format::of_path(req.path()), if top_level_get { "GET" } else { allow })
    }))
}

/// The specification's 405, with the methods the resource takes.
pub fn method_not_allowed(format: Format, allow: &'static str) -> HttpResponse {
    let mut response = fail(format, StatusCode::METHOD_NOT_ALLOWED, &["This action is not allowed here".into()]);
    response.headers_mut().insert(header::ALLOW, header::HeaderValue::from_static(allow));
    response
}

/// Registers the Open311 endpoints.
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::scope("/open311/v2")
            .app_data(web::FormConfig::default().limit(crate::routes::api::JSON_LIMIT).error_handler(form_error))
            .service(
                resource("/{resource}", "GET, POST")
                    .route(web::get().to(services::get_top_level))
                    .route(web::post().to(requests::post_top_level)),
            )
            .service(resource("/services/{segment}", "GET").route(web::get().to(services::get_service_definition)))
            .service(resource("/requests/{segment}", "GET").route(web::get().to(requests::get_request)))
            .default_service(web::to(not_found)),
    );
}
