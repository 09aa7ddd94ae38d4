//! Where a log-in comes from. A log-in has no session yet, so no CSRF token: a page on
//! another site could post its own account's password and log the browser in as that
//! account (login CSRF). Browsers say where a POST comes from in `Origin` (or, for some,
//! only in `Sec-Fetch-Site`); a request that says neither is a script or an old client,
//! which cannot be made to carry a victim's browser cookies, and is let through.

use actix_web::http::header;
use actix_web::HttpRequest;

/// The `scheme://host[:port]` of a URL, in lower case (`None` when it has no authority).
fn origin_of(url: &str) -> Option<String> {
    let (scheme, rest) = url.split_once("://")?;
    let authority = rest.split(['/', '?', '#']).next().filter(|a| !a.is_empty())?;
    Some(format!("{scheme}://{authority}").to_ascii_lowercase())
}

/// True when the request says it comes from a page of another origin: an `Origin` (`null`
/// included) that is neither `base_url`'s nor the one the request was sent to (scheme and
/// `Host`, as a proxy forwards them), or, without `Origin`, a `Sec-Fetch-Site` other than
/// `same-origin` or `none` (typed or bookmarked).
pub fn is_cross_origin(req: &HttpRequest, base_url: &str) -> bool {
    let text = |name| req.headers().get(name).map(|v| v.to_str().unwrap_or("").trim().to_ascii_lowercase());
    if let Some(origin) = text(header::ORIGIN) {
        let info = req.connection_info();
        let here = format!("{}://{}", info.scheme(), info.host()).to_ascii_lowercase();
        return origin_of(base_url).as_deref() != Some(origin.as_str()) && origin != here;
    }
    match text(header::HeaderName::from_static("sec-fetch-site")) {
        Some(site) => !matches!(site.as_str(), "same-origin" | "none"),
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::is_cross_origin;
    use actix_web::test::TestRequest;

    const BASE: &str = "https://nagorik.example.gov.bd";

    fn cross(pairs: &[(&'static str, &'static str)]) -> bool {
        let mut req = TestRequest::post().uri("/staff/login");
        for pair in pairs {
            req = req.insert_header(*pair);
        }
        is_cross_origin(&req.to_http_request(), BASE)
    }

    #[test]
    fn the_sites_own_origin_is_allowed_by_base_url_or_host() {
        assert!(!cross(&[("origin", "https://nagorik.example.gov.bd")]));
        assert!(!cross(&[("origin", "HTTPS://Nagorik.Example.gov.bd")]));
        assert!(!cross(&[("origin", "http://127.0.0.1:8080"), ("host", "127.0.0.1:8080")]));
        let proxied = [("origin", "https://other.example"), ("host", "other.example"), ("x-forwarded-proto", "https")];
        assert!(!cross(&proxied));
    }

    #[test]
    fn no_origin_and_no_fetch_metadata_is_allowed() {
        assert!(!cross(&[]));
        assert!(!cross(&[("sec-fetch-site", "same-origin")]));
        assert!(!cross(&[("sec-fetch-site", "none")]));
    }

    #[test]
    fn another_origin_is_refused() {
        for origin in [
            "https://evil.example",
            "null",
            "https://evil.nagorik.example.gov.bd",
            "https://nagorik.example.gov.bd:444",
        ] {
            assert!(cross(&[("origin", origin), ("host", "nagorik.example.gov.bd")]), "{origin}");
        }
        assert!(cross(&[("origin", "http://127.0.0.1:9"), ("host", "127.0.0.1:8080")]));
        assert!(cross(&[("sec-fetch-site", "cross-site")]));
        assert!(cross(&[("sec-fetch-site", "same-site")]));
        assert!(cross(&[("origin", "https://evil.example"), ("sec-fetch-site", "same-origin")]));
    }
}
