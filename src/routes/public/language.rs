//! The language switch: a plain link that sets the `lang` cookie (Secure when configured) and goes back.

use actix_web::cookie::{time::Duration, Cookie, SameSite};
use actix_web::{web, HttpResponse};
use serde::Deserialize;

use crate::config::Settings;
use crate::domain::local_path::{LocalPath, LocalPathError};
use crate::domain::Locale;
use crate::error::AppError;
use crate::web::lang::COOKIE;
use crate::web::page::see_other;

/// Query of the switch link.
#[derive(Debug, Deserialize)]
pub struct SwitchQuery {
    next: Option<String>,
}

/// Only paths on this site; anything else (`//evil`, `/\evil`, `https://…`) goes home,
/// and control characters (`/%09/evil`) are a bad request.
fn safe_next(next: Option<&str>) -> Result<String, AppError> {
    match next.map(LocalPath::parse) {
        Some(Ok(path)) => Ok(path.as_str().to_owned()),
        Some(Err(LocalPathError::Control)) => Err(AppError::BadRequest("control characters in next".into())),
        Some(Err(LocalPathError::NotLocal)) | None => Ok("/".to_owned()),
    }
}

/// `GET /lang/{bn|en}?next=/path`: remembers the choice for a year.
pub async fn switch_language(
    lang: web::Path<String>,
    query: web::Query<SwitchQuery>,
    settings: web::Data<Settings>,
) -> Result<HttpResponse, AppError> {
    let locale = Locale::parse(&lang).ok_or(AppError::NotFound)?;
    let next = safe_next(query.next.as_deref())?;
    let cookie = Cookie::build(COOKIE, locale.code())
        .path("/")
        .max_age(Duration::days(365))
        .same_site(SameSite::Lax)
        .http_only(true)
        .secure(settings.secure_cookies)
        .finish();
    let mut response = see_other(&next);
    response.add_cookie(&cookie).map_err(|e| AppError::Internal(anyhow::anyhow!("cookie: {e}")))?;
    Ok(response)
}

#[cfg(test)]
mod tests {
    use super::safe_next;

    #[test]
    fn the_switch_only_returns_to_this_site() {
        assert_eq!(safe_next(Some("/services?q=x")).unwrap(), "/services?q=x");
        assert_eq!(safe_next(Some("//evil.example")).unwrap(), "/");
        assert_eq!(safe_next(Some("https://evil.example")).unwrap(), "/");
        assert_eq!(safe_next(None).unwrap(), "/");
        assert!(safe_next(Some("/\t/evil.example")).is_err());
    }
}
