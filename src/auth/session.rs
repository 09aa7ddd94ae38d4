//! Log-in sessions and API tokens: creating, finding and ending them.

use actix_web::cookie::{time, Cookie, SameSite};
use chrono::{Duration, NaiveDateTime};

use super::{staff_from, Proof, Staff};
use crate::db::{staff_sessions, staff_users, Conn};
use crate::domain::api_key;

/// The session cookie's name.
pub const COOKIE: &str = "nagorik_staff";

/// A session just created: the cookie value (shown once) and its CSRF token.
pub struct NewSession {
    /// The secret the browser keeps.
    pub token: String,
    /// The token its forms carry.
    pub csrf: String,
}

/// Starts a session for `staff_id`, lasting `hours`.
pub fn start(conn: &mut Conn, staff_id: i64, now: NaiveDateTime, hours: i64) -> diesel::QueryResult<NewSession> {
    let issued = api_key::issue_with("ns_");
    let csrf = api_key::random_text(32);
    staff_sessions::delete_expired(conn, now)?;
    staff_sessions::insert(conn, &issued.hash, staff_id, &csrf, now, now + Duration::hours(hours))?;
    Ok(NewSession { token: issued.secret, csrf })
}

/// The staff member behind a session cookie value, if the session is live and the account enabled.
pub fn find(conn: &mut Conn, token: &str, now: NaiveDateTime) -> diesel::QueryResult<Option<Staff>> {
    let token_hash = api_key::hash(token);
    let Some((session, user)) = staff_sessions::find_live(conn, &token_hash, now)? else {
        return Ok(None);
    };
    let ministries = staff_users::ministry_ids(conn, user.id)?;
    Ok(staff_from(user, ministries, Proof::Session { csrf: session.csrf_token, token_hash }))
}

/// The staff member behind a bearer API token, if unrevoked and the account enabled.
pub fn find_by_token(conn: &mut Conn, token: &str) -> diesel::QueryResult<Option<Staff>> {
    let Some(user) = staff_sessions::find_token_owner(conn, &api_key::hash(token))? else {
        return Ok(None);
    };
    let ministries = staff_users::ministry_ids(conn, user.id)?;
    Ok(staff_from(user, ministries, Proof::Token))
}

/// The cookie that carries a new session (HttpOnly, SameSite=Lax, Secure when configured).
pub fn cookie(token: String, secure: bool, hours: i64) -> Cookie<'static> {
    Cookie::build(COOKIE, token)
        .path("/")
        .http_only(true)
        .same_site(SameSite::Lax)
        .secure(secure)
        .max_age(time::Duration::hours(hours))
        .finish()
}

/// The cookie that removes the session from the browser.
pub fn removal(secure: bool) -> Cookie<'static> {
    let mut c = cookie(String::new(), secure, 0);
    c.make_removal();
    c
}
