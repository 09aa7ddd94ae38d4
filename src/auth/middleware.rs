//! Guards every staff route: finds the staff member (session cookie or
//! `Authorization: Bearer` token), refuses anonymous requests (log-in page for
//! browsers, 401 for the API) and checks the CSRF token of every state-changing
//! request made with a session cookie, before any handler runs.

use actix_web::body::{EitherBody, MessageBody};
use actix_web::dev::{Payload, ServiceRequest, ServiceResponse};
use actix_web::http::{header, Method};
use actix_web::middleware::Next;
use actix_web::{web, FromRequest, HttpMessage};
use chrono::Utc;

use super::{session, Proof, Staff};
use crate::db::{run_read, Pool};
use crate::error::AppError;
use crate::web::page::{encode, see_other};

/// The form field and header that carry the CSRF token.
pub const CSRF_FIELD: &str = "csrf_token";
const CSRF_HEADER: &str = "x-csrf-token";
/// The one path whose handler checks the CSRF token itself (in its multipart body).
pub const UPLOAD_PATH: &str = "/staff/import";

fn bearer(req: &ServiceRequest) -> Option<String> {
    let value = req.headers().get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.split_once(' ')?;
    scheme.eq_ignore_ascii_case("bearer").then(|| token.trim().to_owned())
}

/// Compares two tokens in time that does not depend on where they differ.
pub(crate) fn same_token(a: &str, b: &str) -> bool {
    a.len() == b.len() && !a.is_empty() && a.bytes().zip(b.bytes()).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

fn field_of(pairs: &str, name: &str) -> Option<String> {
    url_pairs(pairs).find(|(k, _)| k == name).map(|(_, v)| v)
}

fn url_pairs(s: &str) -> impl Iterator<Item = (String, String)> + '_ {
    s.split('&').filter_map(|pair| {
        let (k, v) = pair.split_once('=')?;
        let decode =
            |x: &str| percent_encoding::percent_decode_str(&x.replace('+', " ")).decode_utf8_lossy().into_owned();
        Some((decode(k), decode(v)))
    })
}

/// Reads the CSRF token a request carries (header or form field; never the query string, which
/// lands in access logs), putting the body back for the handler.
async fn presented_csrf(req: ServiceRequest) -> Result<(ServiceRequest, Option<String>), actix_web::Error> {
    if let Some(value) = req.headers().get(CSRF_HEADER).and_then(|v| v.to_str().ok()) {
        let token = value.to_owned();
        return Ok((req, Some(token)));
    }
    let is_form = req.content_type() == "application/x-www-form-urlencoded";
    if !is_form {
        return Ok((req, None));
    }
    let (http, mut payload) = req.into_parts();
    let body = web::Bytes::from_request(&http, &mut payload).await?;
    let token = field_of(std::str::from_utf8(&body).unwrap_or(""), CSRF_FIELD);
    Ok((ServiceRequest::from_parts(http, Payload::from(body)), token))
}

/// The middleware function (`middleware::from_fn(authenticate)` on the staff scopes).
pub async fn authenticate(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<EitherBody<impl MessageBody>>, actix_web::Error> {
    let pool = req.app_data::<web::Data<Pool>>().expect("the pool is registered").get_ref().clone();
    let is_api = req.path().starts_with("/api/");
    let token = bearer(&req);
    let cookie = req.cookie(session::COOKIE).map(|c| c.value().to_owned());
    let found = match (token, cookie) {
        (Some(token), _) => run_read(&pool, move |c| session::find_by_token(c, &token)).await,
        (None, Some(cookie)) => run_read(&pool, move |c| session::find(c, &cookie, Utc::now().naive_utc())).await,
        (None, None) => Ok(None),
    }
    .map_err(AppError::from)?;
    let Some(staff) = found else {
        if is_api {
            return Err(AppError::Unauthorized.into());
        }
        let here = req.uri().path_and_query().map(|p| p.as_str()).unwrap_or("/staff");
        let back = if req.method() == Method::GET { here } else { "/staff" };
        let to = format!("/staff/login?next={}", encode(back));
        return Ok(req.into_response(see_other(&to)).map_into_right_body());
    };
    let changes_state = !matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    // The import upload carries its token in its multipart body, among the file's bytes: its
    // handler checks it as it reads the body. Every other state change is checked here.
    let in_body = req.path() == UPLOAD_PATH && req.content_type() == "multipart/form-data";
    let req = match (&staff.proof, changes_state) {
        (Proof::Session { csrf, .. }, true) if !in_body => {
            let (req, presented) = presented_csrf(req).await?;
            if !presented.is_some_and(|p| same_token(&p, csrf)) {
                tracing::warn!(
                    staff = staff.id,
                    path = req.path(),
                    "state change refused: missing or wrong CSRF token"
                );
                return Err(AppError::Forbidden.into());
            }
            req
        }
        _ => req,
    };
    req.extensions_mut().insert::<Staff>(staff);
    next.call(req).await.map(ServiceResponse::map_into_left_body)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_match_only_when_equal_and_not_empty() {
        assert!(same_token("abc", "abc"));
        assert!(!same_token("abc", "abd"));
        assert!(!same_token("abc", "ab"));
        assert!(!same_token("", ""));
    }

    #[test]
    fn the_csrf_field_is_read_from_a_form_body() {
        assert_eq!(field_of("a=1&csrf_token=x%2By&b=2", CSRF_FIELD).as_deref(), Some("x+y"));
        assert_eq!(field_of("a=1", CSRF_FIELD), None);
    }
}
