//! The one error type that becomes an HTTP answer, and the one place that
//! decides its status. Internal causes are logged, never sent.

use actix_web::http::{header, StatusCode};
use actix_web::{HttpResponse, ResponseError};
use serde::Serialize;

use crate::db::BlockingError;
use crate::domain::{FieldError, FieldErrors, Locale};
use crate::i18n;

/// Anything a request can fail with.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// The input broke field rules (422).
    #[error("invalid input: {0}")]
    Validation(FieldErrors),
    /// The request itself is malformed (400).
    #[error("bad request: {0}")]
    BadRequest(String),
    /// No such thing, or not for this user (404).
    #[error("not found")]
    NotFound,
    /// A well-formed request names something that does not exist (404, naming the field).
    #[error("unknown reference: {0}")]
    Unknown(FieldErrors),
    /// Not logged in (401).
    #[error("unauthorized")]
    Unauthorized,
    /// Logged in, not allowed (403).
    #[error("forbidden")]
    Forbidden,
    /// Clashes with what is stored (409).
    #[error("conflict: {0}")]
    Conflict(String),
    /// The path exists, the method does not (405).
    #[error("method not allowed")]
    MethodNotAllowed,
    /// Body larger than allowed (413).
    #[error("payload too large")]
    PayloadTooLarge,
    /// Body of a type this endpoint does not read (415).
    #[error("unsupported media type")]
    UnsupportedMediaType,
    /// A dependency (the database) is down or saturated (503).
    #[error("service unavailable")]
    Unavailable,
    /// More submissions than Nagorik can take right now (503, retry in a second).
    #[error("overloaded")]
    Overloaded,
    /// A bug or an unexpected failure (500).
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

/// One entry of the JSON error envelope.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ErrorEntry {
    /// The field concerned, when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// Stable machine-readable code.
    pub code: String,
    /// What went wrong, in English.
    pub message: String,
    /// What went wrong, in Bangla.
    pub message_bn: String,
}

/// The JSON error envelope every `/api` error uses: `{"errors":[…]}`.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ErrorEnvelope {
    /// The problems.
    pub errors: Vec<ErrorEntry>,
    /// For server errors: the reference to quote to support.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
}

impl ErrorEnvelope {
    /// One general error with a message id from the catalogs.
    pub fn general(code: &str) -> Self {
        Self { errors: vec![entry(None, code, &[])], request_id: None }
    }

    /// One entry per field error.
    pub fn fields(errors: &FieldErrors) -> Self {
        Self {
            errors: errors.0.iter().map(|e| entry(Some(e.field.clone()), e.code, &e.args)).collect(),
            request_id: None,
        }
    }
}

fn entry(field: Option<String>, code: &str, args: &[(&'static str, String)]) -> ErrorEntry {
    ErrorEntry {
        field,
        code: code.trim_start_matches("error-").to_owned(),
        message: i18n::message(Locale::En, code, args),
        message_bn: i18n::message(Locale::Bn, code, args),
    }
}

impl AppError {
    /// A validation error on a single field.
    pub fn field(field: &str, code: &'static str) -> Self {
        AppError::Validation(FieldError::new(field, code).into())
    }

    /// The message id describing this error to a person.
    pub fn message_id(&self) -> &'static str {
        match self {
            AppError::Validation(_) => "error-validation",
            AppError::BadRequest(_) => "error-bad-request",
            AppError::NotFound | AppError::Unknown(_) => "error-not-found",
            AppError::Unauthorized => "error-unauthorized",
            AppError::Forbidden => "error-forbidden",
            AppError::Conflict(_) => "error-conflict",
            AppError::MethodNotAllowed => "error-method-not-allowed",
            AppError::PayloadTooLarge => "error-payload-too-large",
            AppError::UnsupportedMediaType => "error-unsupported-media-type",
            AppError::Unavailable | AppError::Overloaded => "error-unavailable",
            AppError::Internal(_) => "error-internal",
        }
    }
}

impl ResponseError for AppError {
    fn status_code(&self) -> StatusCode {
        match self {
            AppError::Validation(_) => StatusCode::UNPROCESSABLE_ENTITY,
            AppError::BadRequest(_) => StatusCode::BAD_REQUEST,
            AppError::NotFound | AppError::Unknown(_) => StatusCode::NOT_FOUND,
            AppError::Unauthorized => StatusCode::UNAUTHORIZED,
            AppError::Forbidden => StatusCode::FORBIDDEN,
            AppError::Conflict(_) => StatusCode::CONFLICT,
            AppError::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            AppError::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            AppError::UnsupportedMediaType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            AppError::Unavailable | AppError::Overloaded => StatusCode::SERVICE_UNAVAILABLE,
            AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn error_response(&self) -> HttpResponse {
        let status = self.status_code();
        match self {
            AppError::Internal(err) => {
                tracing::error!(error = format!("{err:#}"), "request failed")
            }
            AppError::Unavailable => tracing::warn!("database unavailable"),
            _ => {}
        }
        let envelope = match self {
            AppError::Validation(errors) | AppError::Unknown(errors) => ErrorEnvelope::fields(errors),
            AppError::BadRequest(detail) => {
                let mut envelope = ErrorEnvelope::general(self.message_id());
                envelope.errors[0].message = format!("{}: {detail}", envelope.errors[0].message);
                envelope
            }
            _ => ErrorEnvelope::general(self.message_id()),
        };
        let mut response = HttpResponse::build(status);
        if let AppError::Overloaded = self {
            response.insert_header((header::RETRY_AFTER, "1"));
        } else if status == StatusCode::SERVICE_UNAVAILABLE {
            response.insert_header((header::RETRY_AFTER, "5"));
        }
        response.json(envelope)
    }
}

impl From<crate::intake::SubmitError> for AppError {
    fn from(err: crate::intake::SubmitError) -> Self {
        use crate::intake::SubmitError;
        match err {
            SubmitError::Overloaded => AppError::Overloaded,
            SubmitError::Unavailable => AppError::Unavailable,
            SubmitError::KeyReused => AppError::Conflict("idempotency key reused".into()),
        }
    }
}

impl From<diesel::result::Error> for AppError {
    fn from(err: diesel::result::Error) -> Self {
        match err {
            diesel::result::Error::NotFound => AppError::NotFound,
            ref e if crate::db::is_unique_violation(e) => AppError::Conflict("already exists".into()),
            other => AppError::Internal(anyhow::Error::new(other).context("database query failed")),
        }
    }
}

impl<E> From<BlockingError<E>> for AppError
where
    E: Into<AppError>,
{
    fn from(err: BlockingError<E>) -> Self {
        match err {
            BlockingError::Pool(_) | BlockingError::Lost => AppError::Unavailable,
            BlockingError::Join(e) => AppError::Internal(anyhow::Error::new(e).context("database task failed")),
            BlockingError::Work(e) => e.into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_error_maps_to_its_status() {
        let cases = [
            (AppError::field("text", "error-text-required"), 422),
            (AppError::BadRequest("x".into()), 400),
            (AppError::NotFound, 404),
            (AppError::Unauthorized, 401),
            (AppError::Forbidden, 403),
            (AppError::Conflict("x".into()), 409),
            (AppError::MethodNotAllowed, 405),
            (AppError::PayloadTooLarge, 413),
            (AppError::UnsupportedMediaType, 415),
            (AppError::Unavailable, 503),
            (AppError::Overloaded, 503),
            (AppError::Internal(anyhow::anyhow!("boom")), 500),
        ];
        for (err, status) in cases {
            assert_eq!(err.status_code().as_u16(), status, "{err:?}");
        }
    }

    #[test]
    fn diesel_errors_map_to_404_409_and_500() {
        use diesel::result::{DatabaseErrorKind, Error};
        assert!(matches!(AppError::from(Error::NotFound), AppError::NotFound));
        let unique = Error::DatabaseError(DatabaseErrorKind::UniqueViolation, Box::new("dup".to_owned()));
        assert!(matches!(AppError::from(unique), AppError::Conflict(_)));
        assert!(matches!(AppError::from(Error::BrokenTransactionManager), AppError::Internal(_)));
    }

    #[test]
    fn internal_errors_never_reach_the_client() {
        let response = AppError::Internal(anyhow::anyhow!("password=hunter2")).error_response();
        let rt = tokio::runtime::Builder::new_current_thread().build().unwrap();
        let bytes = rt.block_on(actix_web::body::to_bytes(response.into_body())).unwrap();
        assert!(!String::from_utf8_lossy(&bytes).contains("hunter2"));
    }
}
