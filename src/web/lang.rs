//! The page language: the `lang` cookie, else `Accept-Language`, else Bangla.

use std::future::{ready, Ready};

use actix_web::dev::Payload;
use actix_web::http::header;
use actix_web::{FromRequest, HttpRequest};

use crate::domain::Locale;

/// Name of the cookie that keeps the language choice.
pub const COOKIE: &str = "lang";

/// The language a request should be answered in.
pub fn locale_of(req: &HttpRequest) -> Locale {
    if let Some(locale) = req.cookie(COOKIE).and_then(|c| Locale::parse(c.value())) {
        return locale;
    }
    req.headers()
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .and_then(Locale::from_accept_language)
        .unwrap_or_default()
}

impl FromRequest for Locale {
    type Error = actix_web::Error;
    type Future = Ready<Result<Self, Self::Error>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(Ok(locale_of(req)))
    }
}
