//! Refuses control characters at the edge, before any handler or database sees them.
//!
//! PostgreSQL cannot store a NUL in text and answers with an error; SQLite stores it. So that both
//! databases answer the same and no handler has to remember:
//! - a path or query that holds a control character once percent-decoded (C0 or DEL) is refused
//!   with 400 (the OpenAPI description says so with a `pattern` on every such parameter);
//! - a form body with a NUL (`%00`) is refused with 400;
//! - in a JSON body a NUL (`\u0000`) becomes U+FFFD, as feedback text cleaning does, so that the
//!   fields decide: an unknown service code is a 404, a text keeps the replacement character, and
//!   nothing reaches the database with a NUL.
//!
//! Other control characters in a body are the fields' business: feedback text pasted from a word
//! processor may carry them and is cleaned, not refused.

use actix_web::body::{EitherBody, MessageBody};
use actix_web::dev::{Payload, ServiceRequest, ServiceResponse};
use actix_web::http::header;
use actix_web::middleware::Next;
use actix_web::{web, FromRequest, HttpRequest, ResponseError};
use percent_encoding::percent_decode;

use crate::error::AppError;

/// What the 400 says (after "The request could not be understood: ").
const REFUSED: &str = "it holds a control character (such as NUL); remove it and send again";

/// Whether `b` is a control character refused in a path or query.
fn refused_in_uri(b: u8) -> bool {
    b < 0x20 || b == 0x7f
}

/// Whether a percent-encoded path or query holds a refused control character once decoded.
pub fn uri_has_control(encoded: &str) -> bool {
    encoded.bytes().any(refused_in_uri) || percent_decode(encoded.as_bytes()).any(refused_in_uri)
}

/// Whether an `application/x-www-form-urlencoded` body holds a NUL once decoded.
pub fn form_has_nul(body: &[u8]) -> bool {
    percent_decode(body).any(|b| b == 0)
}

/// A JSON text with every `\u0000` escape inside a string turned into `\ufffd` (same length); an
/// escaped backslash followed by `u0000` is ordinary text. Raw NUL bytes are left to the JSON
/// parser, which refuses them as malformed.
pub fn json_without_nul(body: &[u8]) -> Option<Vec<u8>> {
    let mut out: Option<Vec<u8>> = None;
    let mut i = 0;
    while i < body.len() {
        if body[i] == b'\\' {
            if body.get(i + 1) == Some(&b'u') && body.get(i + 2..i + 6).is_some_and(|hex| hex == b"0000") {
                out.get_or_insert_with(|| body.to_vec())[i + 2..i + 6].copy_from_slice(b"fffd");
            }
            i += 2;
        } else {
            i += 1;
        }
    }
    out
}

/// Which body this check reads.
enum BodyKind {
    Form,
    Json,
}

fn body_kind(req: &ServiceRequest) -> Option<BodyKind> {
    let content_type = req.headers().get(header::CONTENT_TYPE)?.to_str().ok()?.to_ascii_lowercase();
    if content_type.starts_with("application/x-www-form-urlencoded") {
        Some(BodyKind::Form)
    } else if content_type.starts_with("application/json") || content_type.contains("+json") {
        Some(BodyKind::Json)
    } else {
        None
    }
}

/// The 400 answer, as a response (not an error) so that the error pages still render it in
/// the page's language.
fn refused<B>(http: HttpRequest) -> ServiceResponse<EitherBody<B>> {
    use crate::routes::open311;
    let response = if http.path().starts_with("/open311/") {
        // Open311 clients read the specification's error list, in the path's format.
        let message = format!("The request could not be understood: {REFUSED}");
        open311::fail(open311::Format::of_path(http.path()), actix_web::http::StatusCode::BAD_REQUEST, &[message])
    } else {
        AppError::BadRequest(REFUSED.into()).error_response()
    };
    ServiceResponse::new(http, response).map_into_right_body()
}

/// The middleware function (`middleware::from_fn(refuse_control_characters)`).
pub async fn refuse_control_characters<B: MessageBody + 'static>(
    req: ServiceRequest,
    next: Next<B>,
) -> Result<ServiceResponse<EitherBody<B>>, actix_web::Error> {
    if uri_has_control(req.uri().path()) || uri_has_control(req.query_string()) {
        return Ok(refused(req.into_parts().0));
    }
    let Some(kind) = body_kind(&req) else {
        return next.call(req).await.map(ServiceResponse::map_into_left_body);
    };
    let (http, mut payload) = req.into_parts();
    let body = match web::Bytes::from_request(&http, &mut payload).await {
        Ok(body) => body,
        // Too large or cut off: answered here (413, 400) and rendered like every other error.
        Err(err) => return Ok(ServiceResponse::new(http, err.error_response()).map_into_right_body()),
    };
    let body = match kind {
        BodyKind::Form if form_has_nul(&body) => return Ok(refused(http)),
        BodyKind::Form => body,
        BodyKind::Json => json_without_nul(&body).map_or(body, web::Bytes::from),
    };
    next.call(ServiceRequest::from_parts(http, Payload::from(body))).await.map(ServiceResponse::map_into_left_body)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_and_queries_with_control_characters_are_found_encoded_or_not() {
        assert!(uri_has_control("ministry=%00"));
        assert!(uri_has_control("/api/v1/services/DIP%00-001"));
        assert!(uri_has_control("q=a%1Bb"));
        assert!(uri_has_control("q=%7f"));
        assert!(!uri_has_control("q=%E0%A6%AA%E0%A6%BE%E0%A6%B8%E0%A6%AA%E0%A7%8B%E0%A6%B0%E0%A7%8D%E0%A6%9F"));
        assert!(!uri_has_control("q=two%20words&page=2"));
        assert!(uri_has_control("q=line%0Abreak"));
        assert!(uri_has_control("q=a%09tab"));
    }

    #[test]
    fn a_nul_in_a_form_is_found_and_other_text_passes() {
        assert!(form_has_nul(b"email=a%00%40b.com&password=x"));
        assert!(!form_has_nul("text=%E0%A6%A6%E0%A6%BE%E0%A6%B2%E0%A6%BE%E0%A6%B2+%0D%0A".as_bytes()));
    }

    #[test]
    fn a_nul_in_json_becomes_the_replacement_character_but_an_escaped_backslash_is_text() {
        assert_eq!(json_without_nul(br#"{"ministry":"A\u0000"}"#).unwrap(), br#"{"ministry":"A\ufffd"}"#);
        assert_eq!(json_without_nul(br#"{"text":"a path C:\\u0000 is text"}"#), None);
        assert_eq!(json_without_nul(br#"{"text":"\u0985\u09AE\n"}"#), None);
    }
}
