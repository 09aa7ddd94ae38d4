//! Every route, registered in one place.

pub mod api;
pub mod errors;
pub mod health;
pub mod open311;
pub mod public;
pub mod staff;

use actix_web::web;

/// Registers the health check, static files, the citizen pages and the JSON API.
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(api::get("/health").to(health::check_health))
        .service(api::get("/health/ready").to(health::check_health))
        .service(api::get("/health/live").to(health::check_live))
        .route("/static/{file:.*}", web::get().to(crate::assets::serve_asset))
        .configure(api::openapi::configure)
        .service(web::scope("/api/v1").configure(api::configure))
        .configure(open311::configure)
        .configure(staff::configure)
        .configure(public::configure);
}
