//! Integration tests: each spawns Nagorik on port 0 with its own database.
//! Run on SQLite by default, on PostgreSQL with `TEST_DATABASE_URL=postgres://…`.

mod access_matrix;
mod assisted;
mod backlog;
mod backlog_export;
mod backlog_helpers;
mod backlog_ranking;
mod bulk_import;
mod catalogue_import;
mod cli;
mod durability;
mod email;
mod email_backlog;
mod email_smtp;
mod email_staff;
mod feedback_api;
mod feedback_form;
mod health;
mod helpers;
mod i18n;
mod import_limits;
mod me_too;
mod merge_suggestions;
mod moderation;
mod open311;
mod overload;
mod search;
mod security_headers;
mod service_page;
mod smtp_server;
mod staff_admin;
mod staff_helpers;
mod staff_login;
mod themes;
mod tracking;
mod workspace_helpers;
