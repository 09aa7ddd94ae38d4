//! `Staff` as a handler argument: a handler that takes it cannot run for an
//! anonymous request (the middleware has authenticated it already).

use std::future::{ready, Ready};

use actix_web::dev::Payload;
use actix_web::{FromRequest, HttpMessage, HttpRequest};

use super::Staff;
use crate::error::AppError;

impl FromRequest for Staff {
    type Error = AppError;
    type Future = Ready<Result<Self, Self::Error>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(req.extensions().get::<Staff>().cloned().ok_or(AppError::Unauthorized))
    }
}
