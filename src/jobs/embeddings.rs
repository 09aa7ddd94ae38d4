//! The embeddings job (only with `NAGORIK_EMBEDDINGS_URL`): embeds visible feedback that has
//! no embedding yet, a batch at a time, and refines its themes ([`refine`]). New feedback
//! comes first (ids above the highest seen), then older feedback, newest first, so a
//! database filled before the service was configured is embedded too. Intake never waits:
//! when the service is slow or down, the job backs off and feedback keeps the themes its
//! words gave it. Several servers may run it side by side: an embedding stored by another
//! is passed over.

use std::sync::Arc;
use std::time::Duration;

use tokio::sync::watch;

use crate::db::feedback_embeddings::{self, Direction, Pending};
use crate::db::{self, Pool};
use crate::embeddings::EmbeddingsClient;
use crate::grouping::refine;
use crate::themes::Classifier;

/// Texts sent in one request.
const BATCH: i64 = 32;
/// Wait between looks for new feedback when there is none.
const IDLE: Duration = Duration::from_secs(2);
/// Longest wait after the service failed.
const MAX_BACKOFF: Duration = Duration::from_secs(300);

/// What the job needs.
pub struct EmbeddingsJob {
    /// The database.
    pub pool: Pool,
    /// The embeddings service.
    pub client: EmbeddingsClient,
    /// The classifier, with its embedding model.
    pub classifier: Arc<Classifier>,
}

/// Sleeps `wait`, or less when told to stop; returns whether to stop.
async fn pause(wait: Duration, stopped: &mut watch::Receiver<bool>) -> bool {
    if *stopped.borrow() {
        return true;
    }
    tokio::select! {
        _ = tokio::time::sleep(wait) => *stopped.borrow(),
        _ = stopped.changed() => true,
    }
}

/// Runs until told to stop.
pub async fn run(job: Arc<EmbeddingsJob>, mut stopped: watch::Receiver<bool>) {
    let mut backoff = Duration::from_secs(1);
    // The service must embed like the vectors the classifier was trained on.
    loop {
        match job.client.check_model().await {
            Ok(()) => break,
            Err(err) => {
                tracing::warn!(error = format!("{err:#}"), "embeddings service not usable yet; themes use words alone");
                if pause(backoff, &mut stopped).await {
                    return;
                }
                backoff = (backoff * 2).min(MAX_BACKOFF);
            }
        }
    }
    tracing::info!("embeddings service in use");
    let top = loop {
        match db::run_blocking(&job.pool, feedback_embeddings::highest_id).await {
            Ok(top) => break top,
            Err(err) => {
                tracing::warn!(error = %err, "embeddings job cannot read the database");
                if pause(backoff, &mut stopped).await {
                    return;
                }
            }
        }
    };
    // Ids above `above` are new since the start; ids below `below` are still to look at.
    let (mut above, mut below) = (top, top + 1);
    backoff = Duration::from_secs(1);
    loop {
        let batch = next_batch(&job.pool, above, below).await;
        let (direction, pending) = match batch {
            Ok(Some(b)) => b,
            Ok(None) => {
                if pause(IDLE, &mut stopped).await {
                    return;
                }
                continue;
            }
            Err(err) => {
                tracing::warn!(error = %err, "embeddings job cannot read the database");
                if pause(backoff, &mut stopped).await {
                    return;
                }
                backoff = (backoff * 2).min(MAX_BACKOFF);
                continue;
            }
        };
        match embed_and_refine(&job, &pending).await {
            Ok(refined) => {
                backoff = Duration::from_secs(1);
                let ids = pending.iter().map(|p| p.id);
                match direction {
                    Direction::Above => above = ids.max().unwrap_or(above),
                    Direction::Below if pending.len() < BATCH as usize => below = 0,
                    Direction::Below => below = ids.min().unwrap_or(below),
                }
                if refined.moved > 0 {
                    tracing::info!(embedded = refined.stored, moved = refined.moved, "themes refined by embeddings");
                }
                metrics::counter!("nagorik_embeddings_stored_total").increment(refined.stored as u64);
                metrics::counter!("nagorik_embeddings_moved_total").increment(refined.moved as u64);
            }
            Err(err) => {
                metrics::counter!("nagorik_embeddings_failures_total").increment(1);
                tracing::warn!(error = format!("{err:#}"), retry_in_s = backoff.as_secs(), "embeddings round failed");
                if pause(backoff, &mut stopped).await {
                    return;
                }
                backoff = (backoff * 2).min(MAX_BACKOFF);
            }
        }
        if *stopped.borrow() {
            return;
        }
    }
}

/// The next feedback to embed: new feedback first, then older.
async fn next_batch(pool: &Pool, above: i64, below: i64) -> Result<Option<(Direction, Vec<Pending>)>, String> {
    db::run_blocking(pool, move |c| {
        let new = feedback_embeddings::pending(c, above, Direction::Above, BATCH)?;
        if !new.is_empty() {
            return Ok(Some((Direction::Above, new)));
        }
        if below <= 0 {
            return Ok(None);
        }
        let old = feedback_embeddings::pending(c, below, Direction::Below, BATCH)?;
        Ok::<_, diesel::result::Error>(if old.is_empty() { None } else { Some((Direction::Below, old)) })
    })
    .await
    .map_err(|e| e.to_string())
}

async fn embed_and_refine(job: &Arc<EmbeddingsJob>, pending: &[Pending]) -> anyhow::Result<refine::Refined> {
    let texts: Vec<String> = pending.iter().map(|p| p.text().to_owned()).collect();
    let embeddings = job.client.embed(&texts).await?;
    let rows: Vec<_> = pending.iter().map(|p| p.id).zip(embeddings).collect();
    let job = job.clone();
    db::run_blocking(&job.pool.clone(), move |c| refine::with_embeddings(c, &job.classifier, &rows))
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))
}
