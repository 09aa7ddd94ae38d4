//! Counts every request by method, route pattern and status, and times it.

use std::time::Instant;

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::middleware::Next;

/// Middleware: one count and one duration per request. The route is the matched pattern
/// (`/services/{code}`), so codes and ids never become labels; anything unmatched is `unmatched`.
pub async fn count_requests(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let started = Instant::now();
    let method = req.method().as_str().to_owned();
    let response = next.call(req).await?;
    let route = response.request().match_pattern().unwrap_or_else(|| "unmatched".to_owned());
    let status = response.status().as_u16().to_string();
    let labels = [("method", method), ("route", route)];
    metrics::histogram!("nagorik_http_request_duration_seconds", &labels).record(started.elapsed().as_secs_f64());
    let [method, route] = labels;
    metrics::counter!("nagorik_http_requests_total", &[method, route, ("status", status)]).increment(1);
    Ok(response)
}
