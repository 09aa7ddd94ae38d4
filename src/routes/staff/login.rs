//! Log-in and log-out. Failed log-ins are counted per account and per address;
//! past a few, further attempts must wait (and the wait doubles).

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use chrono::{Duration, Utc};
use serde::Deserialize;
use serde_json::json;

use crate::auth::throttle::{self, ACCOUNT_FREE_FAILURES, ADDRESS_FREE_FAILURES, WINDOW_MINUTES};
use crate::auth::{origin, password, session, Proof, Staff};
use crate::config::Settings;
use crate::db::{self, login_failures, staff_sessions, staff_users, Conn, Pool};
use crate::domain::local_path::LocalPath;
use crate::domain::Locale;
use crate::error::AppError;
use crate::i18n;
use crate::web::client_address::TrustedProxies;
use crate::web::page::see_other;
use crate::web::Renderer;

/// Where to go after logging in (`next`), from the query.
#[derive(Debug, Deserialize)]
pub struct NextQuery {
    next: Option<String>,
}

/// The log-in form as posted.
#[derive(Debug, Deserialize)]
pub struct LoginForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    next: String,
}

/// Only a path inside the staff area may follow a log-in (no open redirect).
fn safe_next(next: &str) -> String {
    match LocalPath::parse(next) {
        Ok(path) if path.as_str().starts_with("/staff") && !next.contains('\\') => path.as_str().to_owned(),
        _ => "/staff".to_owned(),
    }
}

/// `GET /staff/login`.
pub async fn show_login(
    req: HttpRequest,
    locale: Locale,
    query: web::Query<NextQuery>,
    renderer: web::Data<Renderer>,
) -> HttpResponse {
    let next = safe_next(query.next.as_deref().unwrap_or("/staff"));
    let data = json!({ "email": "", "next": next, "error": null });
    renderer.respond(&req, locale, StatusCode::OK, "staff/login", data)
}

/// What the log-in attempt came to.
enum Attempt {
    /// Logged in: the new session's cookie value.
    In(String),
    /// Wrong email or password, or a disabled account.
    Wrong,
    /// Too many failures: wait this long.
    Wait(Duration),
}

fn attempt(conn: &mut Conn, email: &str, pass: &str, address: &str, hours: i64) -> Result<Attempt, AppError> {
    let now = Utc::now().naive_utc();
    let since = now - Duration::minutes(WINDOW_MINUTES);
    let account = throttle::account_subject(email);
    let place = throttle::address_subject(address);
    // Counted as a failure first and taken back if it succeeds: each parallel attempt then sees
    // the others, so no more than the free failures ever reach the password check.
    let mine = login_failures::reserve(conn, &[&account, &place], now)?;
    let (n, last) = login_failures::recent(conn, &account, since, mine[0])?;
    let (m, last_here) = login_failures::recent(conn, &place, since, mine[1])?;
    let waits =
        [throttle::wait(n, ACCOUNT_FREE_FAILURES, last, now), throttle::wait(m, ADDRESS_FREE_FAILURES, last_here, now)];
    if let Some(wait) = waits.into_iter().flatten().max() {
        login_failures::release(conn, &mine)?;
        return Ok(Attempt::Wait(wait));
    }
    let user = staff_users::find_by_email(conn, email)?;
    if user.is_none() {
        password::verify_dummy(pass);
    }
    // A disabled account fails like a wrong password (and counts as a failure), so
    // that nobody can learn from the answer that the password was right.
    let active = user.filter(|u| password::verify(pass, &u.password_hash) && u.disabled_at.is_none());
    let Some(user) = active else {
        crate::observe::login_failed();
        login_failures::delete_older_than(conn, since)?;
        return Ok(Attempt::Wrong);
    };
    login_failures::clear(conn, &account)?;
    login_failures::release(conn, &mine)?;
    let started = session::start(conn, user.id, now, hours)?;
    Ok(Attempt::In(started.token))
}

/// `POST /staff/login`: refused (403, the form again) when another site posts it.
pub async fn log_in(
    req: HttpRequest,
    locale: Locale,
    form: web::Form<LoginForm>,
    pool: web::Data<Pool>,
    settings: web::Data<Settings>,
    renderer: web::Data<Renderer>,
    proxies: web::Data<TrustedProxies>,
) -> Result<HttpResponse, AppError> {
    let form = form.into_inner();
    let email = form.email.trim().to_lowercase();
    let next = safe_next(&form.next);
    if origin::is_cross_origin(&req, &settings.base_url) {
        tracing::warn!("log-in refused: posted from another site");
        let error = i18n::message(locale, "staff-login-cross-origin", &[]);
        let data = json!({ "email": "", "next": next, "error": error });
        return Ok(renderer.respond(&req, locale, StatusCode::FORBIDDEN, "staff/login", data));
    }
    let address = proxies.of_request(&req).map(|ip| ip.to_string()).unwrap_or_default();
    let hours = settings.session_hours.max(1);
    let (lookup, pass) = (email.clone(), form.password);
    let outcome = db::run_blocking(&pool, move |c| attempt(c, &lookup, &pass, &address, hours)).await?;
    let (status, error) = match outcome {
        Attempt::In(token) => {
            let mut to = see_other(&next);
            to.add_cookie(&session::cookie(token, settings.secure_cookies, hours)).map_err(|e| anyhow::anyhow!(e))?;
            return Ok(to);
        }
        Attempt::Wrong => (StatusCode::UNPROCESSABLE_ENTITY, i18n::message(locale, "staff-login-wrong", &[])),
        Attempt::Wait(wait) => {
            let seconds = wait.num_seconds().max(1);
            let args = [("seconds", seconds.to_string())];
            (StatusCode::TOO_MANY_REQUESTS, i18n::message(locale, "staff-login-wait", &args))
        }
    };
    let data = json!({ "email": email, "next": next, "error": error });
    let mut page = renderer.respond(&req, locale, status, "staff/login", data);
    if status == StatusCode::TOO_MANY_REQUESTS {
        page.headers_mut().insert(actix_web::http::header::RETRY_AFTER, 60.into());
    }
    Ok(page)
}

/// `POST /staff/logout` (CSRF-checked by the middleware): ends the session here and in the browser.
pub async fn log_out(
    staff: Staff,
    pool: web::Data<Pool>,
    settings: web::Data<Settings>,
) -> Result<HttpResponse, AppError> {
    if let Proof::Session { token_hash, .. } = staff.proof {
        db::run_blocking(&pool, move |c| staff_sessions::delete_by_hash(c, &token_hash)).await?;
    }
    let mut to = see_other("/staff/login");
    to.add_cookie(&session::removal(settings.secure_cookies)).map_err(|e| anyhow::anyhow!(e))?;
    Ok(to)
}

#[cfg(test)]
mod tests {
    use super::safe_next;

    #[test]
    fn only_staff_paths_may_follow_a_log_in() {
        assert_eq!(safe_next("/staff/services/3"), "/staff/services/3");
        assert_eq!(safe_next("https://evil.example/staff"), "/staff");
        assert_eq!(safe_next("//evil.example"), "/staff");
        assert_eq!(safe_next("/"), "/staff");
        assert_eq!(safe_next("/staff\r\nSet-Cookie: x=1"), "/staff");
    }
}
