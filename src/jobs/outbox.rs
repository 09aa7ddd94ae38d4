//! The outbox worker's round: claim due messages (a short lease, renewed while the worker
//! is still at them, so a crashed worker's claim runs out within the lease), render each,
//! send it, and record what happened. A message sent but not yet marked when the process
//! dies is sent again after the lease, with the same `Message-ID`: repeated at worst,
//! never lost.

use std::time::Duration;

use chrono::{NaiveDateTime, SubsecRound, Utc};
use serde_json::Value;
use tokio::sync::watch;

use super::JobContext;
use crate::db::outbox::{self, OutboxMessage};
use crate::db::{self, services, unsubscribes, Conn};
use crate::domain::Locale;
use crate::email::notifications::UPDATE;
use crate::email::unsubscribe::address_hash;
use crate::email::{EmailMessage, OutgoingEmail, SendError};

/// Messages claimed per round.
const BATCH: i64 = 20;
/// Longest wait between two attempts (mail flows again soon after the server is back).
const MAX_DELAY: Duration = Duration::from_secs(900);

/// The wait before attempt `attempt + 1`: `base` doubled per earlier failure, capped at an
/// quarter of an hour, then spread by `jitter` (0 to 1) over half to one and a half times that.
pub fn retry_delay(attempt: u32, base: Duration, jitter: f64) -> Duration {
    let doubled = base.saturating_mul(1u32 << attempt.saturating_sub(1).min(20));
    doubled.min(MAX_DELAY).mul_f64(0.5 + jitter.clamp(0.0, 1.0))
}

/// What to do with a claimed message.
enum Prepared {
    /// Send it.
    Send(Box<OutgoingEmail>),
    /// The address unsubscribed since it was queued.
    Skip,
    /// It cannot be rendered: park it.
    Broken(SendError),
}

/// One round: claims due messages, sends them, records the outcomes. Returns whether
/// the round was full (more may be waiting). Stops early when asked to.
pub async fn deliver_due(
    context: &std::sync::Arc<JobContext>,
    stopped: &mut watch::Receiver<bool>,
) -> anyhow::Result<bool> {
    let ctx = context.clone();
    let lease = Duration::from_secs(context.settings.lease_secs.max(1));
    let until = lease_until(lease);
    let claimed = db::run_blocking(&context.pool, move |c| {
        let now = Utc::now().naive_utc();
        let rows = outbox::claim_due(c, now, until, BATCH)?;
        rows.into_iter()
            .map(|row| {
                let prepared = prepare(c, &ctx, &row)?;
                Ok((row, prepared))
            })
            .collect::<diesel::QueryResult<Vec<_>>>()
    })
    .await
    .map_err(|e| anyhow::anyhow!("claiming mail: {e}"))?;
    let full = claimed.len() as i64 == BATCH;
    let mut lease = Lease { next: tokio::time::Instant::now() + lease / 3, until, length: lease };
    let ids: Vec<i64> = claimed.iter().map(|(row, _)| row.id).collect();
    for (at, (row, prepared)) in claimed.into_iter().enumerate() {
        if *stopped.borrow() {
            // Unsent claims run out with their lease and are taken up again.
            return Ok(false);
        }
        let outcome = match prepared {
            Prepared::Send(email) => {
                // The claim on this message and the later ones is renewed while the server takes its time.
                let send = context.mailer.send(&email);
                tokio::pin!(send);
                loop {
                    tokio::select! {
                        sent = &mut send => break sent.map(|_| outbox::SENT),
                        () = tokio::time::sleep_until(lease.next) => lease.renew(context, &ids[at..]).await,
                    }
                }
            }
            Prepared::Skip => Ok(outbox::SKIPPED),
            Prepared::Broken(err) => Err(err),
        };
        record(context, &row, outcome).await?;
    }
    Ok(full)
}

/// The end of a claim made now: whole milliseconds, so that it reads back equal on both
/// databases (it identifies the claim when renewed).
fn lease_until(lease: Duration) -> NaiveDateTime {
    (Utc::now().naive_utc() + chrono::Duration::from_std(lease).unwrap_or_default()).trunc_subsecs(3)
}

/// This round's claim on its messages, renewed every third of its length.
struct Lease {
    next: tokio::time::Instant,
    until: NaiveDateTime,
    length: Duration,
}

impl Lease {
    /// Extends the claim on the messages `ids` not yet done. Should the database not answer,
    /// the claim may run out and another process send a message again (same `Message-ID`).
    async fn renew(&mut self, context: &JobContext, ids: &[i64]) {
        self.next = tokio::time::Instant::now() + self.length / 3;
        let (held, until, ids) = (self.until, lease_until(self.length), ids.to_vec());
        match db::run_blocking(&context.pool, move |c| outbox::renew_lease(c, &ids, held, until)).await {
            Ok(_) => self.until = until,
            Err(err) => tracing::warn!(error = %err, "renewing the claim on mail failed"),
        }
    }
}

/// Renders a claimed message with what the worker adds: links, and the service's name.
fn prepare(conn: &mut Conn, context: &JobContext, row: &OutboxMessage) -> diesel::QueryResult<Prepared> {
    if row.kind == UPDATE && unsubscribes::is_unsubscribed(conn, &address_hash(&row.recipient))? {
        return Ok(Prepared::Skip);
    }
    let locale = Locale::parse(&row.locale).unwrap_or_default();
    let Ok(mut data) = serde_json::from_str::<Value>(&row.data) else {
        return Ok(Prepared::Broken(SendError::Permanent("bad data".into())));
    };
    let base = &context.base_url;
    let unsubscribe_url = (row.kind == UPDATE)
        .then(|| format!("{base}/unsubscribe/{}?lang={}", context.key.token(&row.recipient), locale.code()));
    if let Some(map) = data.as_object_mut() {
        map.insert("site_url".into(), Value::from(base.as_str()));
        map.insert("unsubscribe_url".into(), Value::from(unsubscribe_url.clone()));
        if let Some(service_id) = row.service_id {
            if let Some((service, _, _)) = services::find_by_id(conn, service_id)? {
                map.insert("service_name".into(), Value::from(service.name(locale)));
                map.insert("service_url".into(), Value::from(format!("{base}/services/{}", service.code)));
                // Queued before "live" was recorded: no before-and-after link.
                map.entry("live").or_insert(Value::Bool(false));
            }
        }
    }
    let message = match EmailMessage::render(&context.templates, &row.kind, locale, &data) {
        Ok(message) => message,
        Err(err) => {
            tracing::error!(id = row.id, kind = row.kind, error = format!("{err:#}"), "mail cannot be rendered");
            return Ok(Prepared::Broken(SendError::Permanent("render".into())));
        }
    };
    let host = base.split("://").nth(1).unwrap_or("localhost").split([':', '/']).next().unwrap_or("localhost");
    let message_id = format!("<nagorik.{}.{}@{host}>", row.id, row.created_at.and_utc().timestamp());
    Ok(Prepared::Send(Box::new(OutgoingEmail { to: row.recipient.clone(), message, message_id, unsubscribe_url })))
}

/// Records a round's outcome for one message.
async fn record(
    context: &JobContext,
    row: &OutboxMessage,
    outcome: Result<&'static str, SendError>,
) -> anyhow::Result<()> {
    let now = Utc::now().naive_utc();
    let (id, attempts) = (row.id, row.attempts + 1);
    let settings = &context.settings;
    // `Ok(state)`: done; `Err((error, retry_at))`: failed, parked when `retry_at` is `None`.
    let result = match outcome {
        Ok(state) => {
            tracing::info!(id, kind = row.kind, state, "mail done");
            Ok(state)
        }
        Err(err) => {
            // Transient failures are retried for as long as the message is young enough.
            let max_age = i64::try_from(settings.max_age_minutes)
                .ok()
                .and_then(chrono::Duration::try_minutes)
                .unwrap_or(chrono::Duration::MAX);
            let retry_at = match &err {
                SendError::Transient(_) if now - row.created_at < max_age => {
                    let delay = retry_delay(attempts as u32, Duration::from_millis(settings.retry_ms), rand::random());
                    Some(now + chrono::Duration::from_std(delay).unwrap_or_default())
                }
                _ => None,
            };
            tracing::warn!(id, kind = row.kind, attempts, parked = retry_at.is_none(), error = %err, "mail not sent");
            Err((err.to_string(), retry_at))
        }
    };
    db::run_blocking(&context.pool, move |c| match result {
        Ok(state) => outbox::mark_done(c, id, state, now),
        Err((text, retry_at)) => outbox::mark_failed(c, id, attempts, &text, retry_at, now),
    })
    .await
    .map_err(|e| anyhow::anyhow!("recording mail {id}: {e}"))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retries_wait_twice_as_long_each_time_up_to_an_hour() {
        let base = Duration::from_secs(30);
        assert_eq!(retry_delay(1, base, 0.5), Duration::from_secs(30));
        assert_eq!(retry_delay(2, base, 0.5), Duration::from_secs(60));
        assert_eq!(retry_delay(4, base, 0.5), Duration::from_secs(240));
        assert_eq!(retry_delay(30, base, 0.5), MAX_DELAY);
    }

    #[test]
    fn jitter_spreads_a_retry_over_half_to_one_and_a_half_times_its_wait() {
        let base = Duration::from_secs(100);
        assert_eq!(retry_delay(1, base, 0.0), Duration::from_secs(50));
        assert_eq!(retry_delay(1, base, 1.0), Duration::from_secs(150));
        assert_eq!(retry_delay(1, base, 7.0), Duration::from_secs(150));
    }
}
