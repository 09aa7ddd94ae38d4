//! Citizen pages: server-rendered, in Bangla and English, no JavaScript needed.

mod feedback;
mod feedback_form;
mod home;
mod language;
mod me_too;
mod service_view;
mod services;
mod tracking;
mod unsubscribe;

use actix_web::web;

pub use services::{load_service, search_terms};

/// Registers the citizen pages.
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/", web::get().to(home::show_home))
        .route("/services", web::get().to(services::search_services))
        .route("/services/{code}", web::get().to(services::show_service))
        .route("/services/{code}/feedback", web::post().to(feedback::submit_feedback))
        .route("/services/{code}/feedback", web::get().to(feedback::show_feedback_form))
        .route("/thanks/{tracking_code}", web::get().to(feedback::show_thanks))
        .route("/track", web::get().to(tracking::show_track_form))
        .route("/track/{tracking_code}", web::get().to(tracking::show_tracking))
        .route("/lang/{lang}", web::get().to(language::switch_language))
        .route("/unsubscribe/{token}", web::get().to(unsubscribe::show_unsubscribe))
        .route("/unsubscribe/{token}", web::post().to(unsubscribe::unsubscribe));
}
