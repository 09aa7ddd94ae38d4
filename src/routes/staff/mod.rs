//! Staff pages: log-in, the designer workspace, accounts and the audit log.
//! Everything but the log-in page sits behind `auth::middleware::authenticate`.

mod login;

use actix_web::middleware::from_fn;
use actix_web::web;

use crate::auth::middleware::authenticate;

/// Registers the staff pages.
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/staff/login", web::get().to(login::show_login))
        .route("/staff/login", web::post().to(login::log_in))
        .service(web::scope("/staff").wrap(from_fn(authenticate)).route("/logout", web::post().to(login::log_out)));
}
