//! Staff pages: log-in, the designer workspace, accounts and the audit log.
//! Everything but the log-in page sits behind `auth::middleware::authenticate`,
//! and every handler names the permission it needs (deny by default).

// Assisted intake (operators) and bulk import (ministry admins), registered by `configure_intake`.
mod assisted;
mod assisted_form;
mod import;

mod backlog_export;
mod dashboard;
mod feedback;
mod feedback_row;
mod invalid;
mod login;
mod merge_suggestions;
mod page_parts;
mod regroup;
pub mod scope;
mod sent;
mod service_page;
mod service_themes;
mod themes;

// The e-service backlog (registered by `configure_backlog`).
mod apa;
mod backlog;
mod backlog_edit;
pub(crate) mod backlog_item;
mod backlog_view;
mod backlog_weights;
mod brief;
mod brief_export;
mod brief_form;
mod brief_save;
mod brief_versions;

// Admin pages: accounts, audit log, API tokens (registered by `configure_admin`).
mod audit;
mod outbox;
mod settings;
mod tokens;
mod users;
mod view;

use actix_web::middleware::from_fn;
use actix_web::web;

use crate::auth::middleware::authenticate;

/// Registers the staff pages.
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/staff/login", web::get().to(login::show_login))
        .route("/staff/login", web::post().to(login::log_in))
        .service(
            web::scope("/staff")
                .wrap(from_fn(authenticate))
                .route("", web::get().to(dashboard::show_dashboard))
                .route("/", web::get().to(dashboard::show_dashboard))
                .route("/logout", web::post().to(login::log_out))
                // Before any `/backlog/{id}` route, which would otherwise take `export.csv`.
                .configure(configure_exports)
                .route("/services/{code}", web::get().to(service_page::show_service))
                .route("/services/{code}/regroup", web::get().to(regroup::show_regroup))
                .route("/services/{code}/regroup", web::post().to(regroup::regroup))
                .route(
                    "/services/{code}/merge-suggestions/accept",
                    web::post().to(merge_suggestions::accept_merge_suggestion),
                )
                .route(
                    "/services/{code}/merge-suggestions/dismiss",
                    web::post().to(merge_suggestions::dismiss_merge_suggestion),
                )
                .route("/themes/{id}", web::get().to(themes::show_theme))
                .route("/themes/{id}", web::post().to(themes::edit_theme))
                .route("/themes/{id}/merge", web::post().to(themes::merge_theme))
                .route("/themes/{id}/publish", web::post().to(themes::publish_theme))
                .route("/themes/{id}/split", web::post().to(themes::split_theme))
                .route("/feedback/{id}", web::get().to(feedback::show_feedback))
                .route("/feedback/{id}/state", web::post().to(feedback::set_state))
                .route("/feedback/{id}/redact", web::post().to(feedback::redact))
                .route("/feedback/{id}/forget", web::post().to(feedback::forget))
                .route("/feedback/{id}/theme", web::post().to(feedback::move_to_theme))
                .configure(configure_backlog)
                .configure(configure_admin)
                .configure(configure_intake),
        );
}

/// Registers the backlog pages inside the authenticated `/staff` scope.
fn configure_backlog(cfg: &mut web::ServiceConfig) {
    cfg.route("/services/{code}/backlog", web::post().to(backlog_edit::promote))
        .route("/backlog", web::get().to(backlog::show_backlog))
        .route("/backlog/weights", web::get().to(backlog_weights::show_weights))
        .route("/backlog/weights", web::post().to(backlog_weights::save_weights))
        .route("/backlog/items/{id}", web::get().to(backlog_item::show_item))
        .service(
            web::resource("/backlog/items/{id}/brief")
                .app_data(web::FormConfig::default().limit(brief_save::FORM_LIMIT))
                .route(web::get().to(brief::show_brief))
                .route(web::post().to(brief_save::save_brief)),
        )
        .route("/backlog/items/{id}/brief/versions", web::get().to(brief_versions::show_versions))
        .route("/backlog/items/{id}/brief/print", web::get().to(brief_export::print))
        .route("/backlog/items/{id}/brief.docx", web::get().to(brief_export::docx))
        .route("/backlog/items/{id}/problem", web::post().to(backlog_edit::edit_problem))
        .route("/backlog/items/{id}/status", web::post().to(backlog_edit::move_status))
        .route("/backlog/items/{id}/priorities", web::post().to(backlog_edit::set_priorities))
        .route("/backlog/items/{id}/reviews", web::post().to(backlog_edit::record_review))
        .route("/apa", web::get().to(apa::show_apa));
}

/// Registers the admin pages inside the authenticated `/staff` scope.
fn configure_admin(cfg: &mut web::ServiceConfig) {
    cfg.route("/users", web::get().to(users::list_users))
        .route("/users", web::post().to(users::create_user))
        .route("/users/{id}/disable", web::post().to(users::disable_user))
        .route("/users/{id}/enable", web::post().to(users::enable_user))
        .route("/audit", web::get().to(audit::list_audit))
        .route("/tokens", web::get().to(tokens::list_tokens))
        .route("/tokens", web::post().to(tokens::create_token))
        .route("/tokens/{id}/revoke", web::post().to(tokens::revoke_token))
        .route("/outbox", web::get().to(outbox::list_failed_mail))
        .route("/outbox/{id}/retry", web::post().to(outbox::retry_mail))
        .route("/settings", web::get().to(settings::show_settings))
        .route("/settings", web::post().to(settings::save_settings));
}

/// Registers the backlog exports inside the authenticated `/staff` scope.
fn configure_exports(cfg: &mut web::ServiceConfig) {
    cfg.route("/backlog/export.csv", web::get().to(backlog_export::export_backlog_csv))
        .route("/backlog/export.xlsx", web::get().to(backlog_export::export_backlog_xlsx))
        .route("/backlog/export.json", web::get().to(backlog_export::export_backlog_json));
}

/// Registers the assisted-intake and import pages inside the authenticated `/staff` scope.
fn configure_intake(cfg: &mut web::ServiceConfig) {
    cfg.route("/assisted", web::get().to(assisted::show_assisted))
        .route("/assisted", web::post().to(assisted::submit_assisted))
        .route("/assisted/{id}", web::get().to(assisted::show_correction))
        .route("/assisted/{id}", web::post().to(assisted::correct_entry))
        .route("/import", web::get().to(import::show_import))
        .route("/import", web::post().to(import::upload_import));
}
