//! "Me too" from the similar-feedback step: the browser id and the signed step the page
//! carries, and the voice a "me too" submission claims with them (`crate::voices`).

use actix_web::cookie::{time, Cookie, SameSite};
use actix_web::HttpRequest;
use chrono::Utc;

use crate::config::Settings;
use crate::domain::me_too::MeTooClaim;
use crate::voices::VoiceKey;
use crate::web::client_address::TrustedProxies;

/// The cookie that identifies a browser for "me too" (signed by the server; only a hash is stored).
pub const BROWSER_COOKIE: &str = "nagorik_browser";

/// This browser as the server knows it.
pub struct Browser {
    /// The stored form of its id.
    pub key: String,
    /// The cookie to set when it had no id the server gave.
    pub new_cookie: Option<Cookie<'static>>,
}

/// What is stored of the browser id the request carries, if the server gave it.
fn known_browser(req: &HttpRequest, key: &VoiceKey) -> Option<String> {
    req.cookie(BROWSER_COOKIE).and_then(|c| key.browser_key(c.value()))
}

/// The browser's id, or a fresh one (with its cookie) when it sent none the server signed.
pub fn browser(req: &HttpRequest, key: &VoiceKey, settings: &Settings) -> Browser {
    if let Some(known) = known_browser(req, key) {
        return Browser { key: known, new_cookie: None };
    }
    let id = key.new_browser();
    let known = key.browser_key(&id).expect("the server's own id");
    let cookie = Cookie::build(BROWSER_COOKIE, id)
        .path("/")
        .http_only(true)
        .same_site(SameSite::Lax)
        .secure(settings.secure_cookies)
        .max_age(time::Duration::days(365))
        .finish();
    Browser { key: known, new_cookie: Some(cookie) }
}

/// The voice claimed by a submission whose "me too" named `feedback_id`, with the step `token` it carried.
pub fn claim(
    req: &HttpRequest,
    key: &VoiceKey,
    settings: &Settings,
    proxies: &TrustedProxies,
    service_id: i64,
    feedback_id: i64,
    token: Option<&str>,
) -> MeTooClaim {
    let browser_key = known_browser(req, key).unwrap_or_default();
    let address = proxies.of_request(req).map(|ip| ip.to_string()).unwrap_or_default();
    let nonce = token.and_then(|t| key.check_step(t, service_id, &browser_key, feedback_id, Utc::now()));
    MeTooClaim {
        feedback_id,
        browser_key,
        address_key: key.address_key(&address),
        nonce,
        daily_cap: settings.me_too_per_address_per_day,
    }
}
