//! The per-address limit on submissions (POST): actix-governor keyed by the peer address,
//! answering 429 with a `Retry-After` in whole seconds rounded up, never `0`.

use actix_governor::governor::clock::{Clock, DefaultClock, QuantaInstant};
use actix_governor::governor::middleware::NoOpMiddleware;
use actix_governor::governor::NotUntil;
use actix_governor::{GovernorConfig, GovernorConfigBuilder, KeyExtractor, SimpleKeyExtractionError};
use actix_web::dev::ServiceRequest;
use actix_web::http::{header, Method};
use actix_web::{HttpResponse, HttpResponseBuilder};

use super::client_address::TrustedProxies;

/// Keys by the client's address (the peer's, or the one a trusted proxy forwards).
#[derive(Debug, Clone)]
pub struct PeerAddress(pub TrustedProxies);

/// Seconds a client must wait, rounded up: governor's own rounding down says `0` for any
/// wait under a second, and a client retrying at once is refused again.
fn retry_after_secs(wait: std::time::Duration) -> u64 {
    wait.as_secs() + u64::from(wait.subsec_nanos() > 0)
}

impl KeyExtractor for PeerAddress {
    type Key = std::net::IpAddr;
    type KeyExtractionError = SimpleKeyExtractionError<&'static str>;

    fn extract(&self, req: &ServiceRequest) -> Result<Self::Key, Self::KeyExtractionError> {
        self.0.of_service_request(req).ok_or_else(|| SimpleKeyExtractionError::new("no client address"))
    }

    fn exceed_rate_limit_response(
        &self,
        negative: &NotUntil<QuantaInstant>,
        mut response: HttpResponseBuilder,
    ) -> HttpResponse {
        let secs = retry_after_secs(negative.wait_time_from(DefaultClock::default().now())).max(1);
        response
            .insert_header((header::RETRY_AFTER, secs))
            .insert_header(("x-ratelimit-after", secs))
            .content_type("text/plain; charset=utf-8")
            .body(format!("Too many requests, retry in {secs}s"))
    }
}

/// `per_minute` submissions per client address with bursts of `burst`; `None` when the numbers are unusable.
pub fn submit_limit(
    per_minute: u32,
    burst: u32,
    proxies: TrustedProxies,
) -> Option<GovernorConfig<PeerAddress, NoOpMiddleware<QuantaInstant>>> {
    GovernorConfigBuilder::default()
        .requests_per_minute(u64::from(per_minute.max(1)))
        .burst_size(burst.max(1))
        .methods(vec![Method::POST])
        .key_extractor(PeerAddress(proxies))
        .finish()
}

#[cfg(test)]
mod tests {
    use super::retry_after_secs;
    use std::time::Duration;

    #[test]
    fn a_wait_is_rounded_up_to_whole_seconds() {
        assert_eq!(retry_after_secs(Duration::from_millis(1)), 1);
        assert_eq!(retry_after_secs(Duration::from_millis(999)), 1);
        assert_eq!(retry_after_secs(Duration::from_secs(1)), 1);
        assert_eq!(retry_after_secs(Duration::from_millis(9_001)), 10);
        assert_eq!(retry_after_secs(Duration::ZERO), 0);
    }
}
