//! Group commit. A writer thread takes every submission waiting in a bounded
//! queue, stores the whole group in one transaction, and only after the commit
//! answers each request: an acknowledged submission is on disk. SQLite has one
//! writer; on PostgreSQL several write side by side (each service always to the same one), so one group's commit (its
//! fsync) overlaps the next group's insert. A full queue is refused at once
//! (503), so memory stays bounded under overload.

use std::sync::Arc;
use std::thread::JoinHandle;

use chrono::Utc;
use tokio::sync::mpsc::error::TrySendError;
use tokio::sync::{mpsc, oneshot};

use chrono::NaiveDateTime;
use diesel::QueryResult;

use super::{new_row, store_alone, store_one, Idempotency, Outcome};
use crate::db::feedback::insert_batch;
use crate::db::{is_transient, is_unique_violation, write_transaction, Conn, Pool};
use crate::domain::feedback::Submission;
use crate::domain::tracking_code::TrackingCode;
use crate::grouping::{on_arrival, ThemeCache};
use crate::themes::Classifier;

/// Why a submission was not accepted.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SubmitError {
    /// The queue is full: try again shortly.
    #[error("intake queue full")]
    Overloaded,
    /// The database could not be written (or the writer has stopped).
    #[error("intake unavailable")]
    Unavailable,
    /// The retry key was used before for a different submission.
    #[error("idempotency key reused")]
    KeyReused,
}

struct Pending {
    submission: Submission,
    service_id: i64,
    idem: Option<Idempotency>,
    reply: oneshot::Sender<Result<TrackingCode, SubmitError>>,
}

/// Hands submissions to the writer threads; cheap to clone. Each service's submissions
/// always go to the same writer, so two writers never update the same themes and counters
/// (on PostgreSQL they would wait for each other's row locks instead of overlapping).
#[derive(Clone)]
pub struct IntakeWriter {
    queues: Vec<mpsc::Sender<Pending>>,
}

impl IntakeWriter {
    /// Starts `writers` threads, each with a queue of its share of `capacity` submissions,
    /// committing at most `max_batch` per transaction. The threads end when every handle
    /// is dropped and the queues are empty; the returned handle joins them all.
    pub fn start(
        pool: Pool,
        capacity: usize,
        max_batch: usize,
        writers: usize,
        classifier: Arc<Classifier>,
    ) -> (Self, JoinHandle<()>) {
        let writers = writers.max(1);
        let mut queues = Vec::with_capacity(writers);
        let threads: Vec<JoinHandle<()>> = (0..writers)
            .map(|i| {
                let (queue, receiver) = mpsc::channel((capacity / writers).max(1));
                queues.push(queue);
                let (pool, classifier) = (pool.clone(), classifier.clone());
                std::thread::Builder::new()
                    .name(format!("intake-writer-{i}"))
                    .spawn(move || run(pool, receiver, max_batch.max(1), &classifier))
                    .expect("a writer thread starts")
            })
            .collect();
        let all = std::thread::Builder::new()
            .name("intake-writers".into())
            .spawn(move || threads.into_iter().for_each(|t| drop(t.join())))
            .expect("the joining thread starts");
        (Self { queues }, all)
    }

    /// Submissions waiting to be written, over every queue.
    pub fn queued(&self) -> usize {
        self.queues.iter().map(|q| q.max_capacity() - q.capacity()).sum()
    }

    /// Queues one submission and waits until it is committed.
    pub async fn submit(
        &self,
        submission: Submission,
        service_id: i64,
        idem: Option<Idempotency>,
    ) -> Result<TrackingCode, SubmitError> {
        let (reply, answer) = oneshot::channel();
        let queue = &self.queues[service_id.rem_euclid(self.queues.len() as i64) as usize];
        queue.try_send(Pending { submission, service_id, idem, reply }).map_err(|e| match e {
            TrySendError::Full(_) => SubmitError::Overloaded,
            TrySendError::Closed(_) => SubmitError::Unavailable,
        })?;
        answer.await.unwrap_or(Err(SubmitError::Unavailable))
    }
}

/// Takes the next group: waits for one submission, then everything already waiting.
fn next_batch(receiver: &mut mpsc::Receiver<Pending>, max_batch: usize) -> Option<Vec<Pending>> {
    let mut batch = vec![receiver.blocking_recv()?];
    while batch.len() < max_batch {
        match receiver.try_recv() {
            Ok(next) => batch.push(next),
            Err(_) => break,
        }
    }
    Some(batch)
}

fn run(pool: Pool, mut receiver: mpsc::Receiver<Pending>, max_batch: usize, classifier: &Classifier) {
    let mut cache = ThemeCache::default();
    while let Some(batch) = next_batch(&mut receiver, max_batch) {
        write_batch(&pool, batch, classifier, &mut cache);
    }
    tracing::info!("intake writer stopped: every queued submission is written");
}

fn answer(outcome: Outcome) -> Result<TrackingCode, SubmitError> {
    match outcome {
        Outcome::Stored(code) => Ok(code),
        Outcome::KeyReused => Err(SubmitError::KeyReused),
    }
}

/// Most rows in one INSERT (keeps under both backends' bind-parameter limits).
const ROWS_PER_INSERT: usize = 500;

/// Stores a group: submissions without a retry key in multi-row INSERTs (one
/// round trip per 500), the others one by one so their keys are honoured.
fn store_group(
    conn: &mut Conn,
    batch: &[Pending],
    classifier: &Classifier,
    cache: &mut ThemeCache,
    now: NaiveDateTime,
) -> QueryResult<Vec<Outcome>> {
    let mut outcomes: Vec<Option<Outcome>> = vec![None; batch.len()];
    let mut plain = Vec::new();
    for (i, p) in batch.iter().enumerate() {
        // Entries with a retry key or an operator's details are stored one by one.
        match (&p.idem, &p.submission.assisted) {
            (None, None) => {
                let code = TrackingCode::generate();
                plain.push(new_row(&p.submission, p.service_id, &code, now));
                outcomes[i] = Some(Outcome::Stored(code));
            }
            (idem, _) => {
                outcomes[i] = Some(store_one(conn, &p.submission, p.service_id, idem.as_ref(), classifier, cache, now)?)
            }
        }
    }
    on_arrival(conn, &mut plain, classifier, cache, now)?;
    for chunk in plain.chunks(ROWS_PER_INSERT) {
        insert_batch(conn, chunk)?;
    }
    crate::email::notifications::queue_acknowledgements(conn, &plain, now)?;
    Ok(outcomes.into_iter().map(|o| o.expect("every submission has an outcome")).collect())
}

/// Times a group is tried again after a deadlock or a serialization failure (PostgreSQL writers
/// updating the same counters), before each submission is stored on its own.
const GROUP_RETRIES: usize = 3;

fn write_batch(pool: &Pool, batch: Vec<Pending>, classifier: &Classifier, cache: &mut ThemeCache) {
    let mut conn = match pool.checkout() {
        Ok(conn) => conn,
        Err(err) => {
            tracing::warn!(error = %err, size = batch.len(), "no connection for the intake writer");
            batch.into_iter().for_each(|p| drop(p.reply.send(Err(SubmitError::Unavailable))));
            return;
        }
    };
    let now = Utc::now().naive_utc();
    let started = std::time::Instant::now();
    let size = batch.len();
    let mut together = write_transaction(&mut conn, |c| store_group(c, &batch, classifier, cache, now));
    for _ in 0..GROUP_RETRIES {
        match &together {
            Err(err) if is_transient(err) => {
                together = write_transaction(&mut conn, |c| store_group(c, &batch, classifier, cache, now));
            }
            _ => break,
        }
    }
    match together {
        Ok(outcomes) => {
            crate::observe::intake_group(size, started.elapsed().as_secs_f64());
            for (pending, outcome) in batch.into_iter().zip(outcomes) {
                let _ = pending.reply.send(answer(outcome));
            }
        }
        // A clash (tracking code, or a key another process stored): retry each alone.
        Err(err) if is_unique_violation(&err) => {
            for pending in batch {
                let result = store_alone(
                    &mut conn,
                    &pending.submission,
                    pending.service_id,
                    pending.idem.as_ref(),
                    classifier,
                    cache,
                )
                .map_err(|e| tracing::error!(error = %e, "storing a submission failed"))
                .map_or(Err(SubmitError::Unavailable), answer);
                let _ = pending.reply.send(result);
            }
        }
        Err(err) => {
            if pool.discard_if_dead(&mut conn) {
                tracing::warn!(size = batch.len(), "the database connection died while storing a group");
            } else {
                tracing::error!(error = %err, size = batch.len(), "storing a group of submissions failed");
            }
            batch.into_iter().for_each(|p| drop(p.reply.send(Err(SubmitError::Unavailable))));
        }
    }
}
