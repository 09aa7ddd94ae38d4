//! Group commit. A writer thread takes every submission waiting in a bounded
//! queue, stores the whole group in one transaction, and only after the commit
//! answers each request: an acknowledged submission is on disk. SQLite has one
//! writer; on PostgreSQL several write side by side (each service always to the same one), so one group's commit (its
//! fsync) overlaps the next group's insert. A full queue is refused at once
//! (503), so memory stays bounded under overload.

use std::collections::HashMap;
use std::sync::Arc;
use std::thread::JoinHandle;

use chrono::Utc;
use tokio::sync::mpsc::error::TrySendError;
use tokio::sync::{mpsc, oneshot};

use chrono::NaiveDateTime;
use diesel::QueryResult;

use super::retry::{self, Standing};
use super::{new_row, store_alone, store_one, Idempotency, Outcome, RetryCodes};
use crate::db::feedback::insert_batch;
use crate::db::idempotency_keys::find_many;
use crate::db::{is_transient, is_unique_violation, write_transaction, Conn, Pool};
use crate::domain::feedback::Submission;
use crate::domain::tracking_code::TrackingCode;
use crate::grouping::{on_arrival_read, Reading, ThemeCache};
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
    /// The text read before queueing (masked, signed, classified), so the writer need not.
    reading: Reading,
    reply: oneshot::Sender<Result<TrackingCode, SubmitError>>,
}

/// Hands submissions to the writer threads; cheap to clone. Each service's submissions
/// always go to the same writer, so two writers never update the same themes and counters
/// (on PostgreSQL they would wait for each other's row locks instead of overlapping).
#[derive(Clone)]
pub struct IntakeWriter {
    queues: Vec<mpsc::Sender<Pending>>,
    classifier: Arc<Classifier>,
    codes: Arc<RetryCodes>,
}

impl IntakeWriter {
    /// Starts `writers` threads, each with a queue of its share of `capacity` submissions,
    /// committing at most `max_batch` per transaction; `classifier` reads texts as they are
    /// queued, and `codes` derives keyed submissions' tracking codes. The threads end when every
    /// handle is dropped and the queues are empty; the returned handle joins them all.
    pub fn start(
        pool: Pool,
        capacity: usize,
        max_batch: usize,
        writers: usize,
        classifier: Arc<Classifier>,
        codes: RetryCodes,
    ) -> (Self, JoinHandle<()>) {
        let writers = writers.max(1);
        let mut queues = Vec::with_capacity(writers);
        let threads: Vec<JoinHandle<()>> = (0..writers)
            .map(|i| {
                let (queue, receiver) = mpsc::channel((capacity / writers).max(1));
                queues.push(queue);
                let pool = pool.clone();
                std::thread::Builder::new()
                    .name(format!("intake-writer-{i}"))
                    .spawn(move || run(pool, receiver, max_batch.max(1)))
                    .expect("a writer thread starts")
            })
            .collect();
        let all = std::thread::Builder::new()
            .name("intake-writers".into())
            .spawn(move || threads.into_iter().for_each(|t| drop(t.join())))
            .expect("the joining thread starts");
        (Self { queues, classifier, codes: Arc::new(codes) }, all)
    }

    /// Submissions waiting to be written, over every queue.
    pub fn queued(&self) -> usize {
        self.queues.iter().map(|q| q.max_capacity() - q.capacity()).sum()
    }

    /// Queues one submission and waits until it is committed. Its text is read (masked,
    /// signed, classified) and its retry key's codes derived here, on the request's own thread,
    /// so that the one writer of a service spends its time on the database only.
    pub async fn submit(
        &self,
        submission: Submission,
        service_id: i64,
        idem: Option<Idempotency>,
    ) -> Result<TrackingCode, SubmitError> {
        let (reply, answer) = oneshot::channel();
        let queue = &self.queues[service_id.rem_euclid(self.queues.len() as i64) as usize];
        // A full queue is refused before the text is read, so overload costs nothing more.
        if queue.capacity() == 0 && !queue.is_closed() {
            return Err(SubmitError::Overloaded);
        }
        let reading = Reading::of(submission.text.as_str(), &self.classifier);
        let idem = idem.map(|idem| idem.with_codes(&self.codes));
        queue.try_send(Pending { submission, service_id, idem, reading, reply }).map_err(|e| match e {
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

fn run(pool: Pool, mut receiver: mpsc::Receiver<Pending>, max_batch: usize) {
    let mut cache = ThemeCache::default();
    while let Some(batch) = next_batch(&mut receiver, max_batch) {
        write_batch(&pool, batch, &mut cache);
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

/// What the writer knows of a group's retry keys between its tries.
#[derive(Default)]
struct Retries {
    /// Keys stored before: the first request's hash (as kept) and its code. Each submission with
    /// the key is answered for its own request ([`Idempotency::answer`]).
    known: HashMap<String, (String, TrackingCode)>,
    /// Keys whose first codes other feedback holds: the try whose code they take next
    /// ([`retry::ATTEMPTS`] when other feedback holds every one of them).
    attempts: HashMap<String, usize>,
}

/// Stores a group: submissions in multi-row INSERTs (one round trip per 500 rows), those with an
/// operator's details or a "me too" one by one. A keyed submission's code is derived from its key
/// ([`super::retry`]): the INSERT passes over a code stored before and reports it in `taken`, and
/// the group rolls back to be tried again knowing what holds it (a retry of a stored submission
/// is then answered from that row; another key's code makes this key try its next code). Retries
/// are rare: nothing is looked up on the common path.
fn store_group(
    conn: &mut Conn,
    batch: &[Pending],
    cache: &mut ThemeCache,
    now: NaiveDateTime,
    retries: &Retries,
    taken: &mut Vec<String>,
) -> QueryResult<Vec<Outcome>> {
    let services: Vec<i64> = batch.iter().map(|p| p.service_id).collect();
    crate::db::lock_services(conn, &services)?;
    let mut outcomes: Vec<Option<Outcome>> = vec![None; batch.len()];
    // Keys stored by this group so far: (request hash, code).
    let mut in_group: HashMap<String, (String, TrackingCode)> = HashMap::new();
    for (i, p) in batch.iter().enumerate() {
        if p.submission.assisted.is_some() || p.submission.me_too.is_some() {
            let outcome = store_one(conn, &p.submission, p.service_id, p.idem.as_ref(), &p.reading, cache, now)?;
            if let (Some(idem), Outcome::Stored(code)) = (&p.idem, &outcome) {
                in_group.insert(idem.key.clone(), (idem.request_hash.clone(), code.clone()));
            }
            outcomes[i] = Some(outcome);
        }
    }
    let (mut plain, mut readings) = (Vec::new(), Vec::new());
    for (p, outcome) in batch.iter().zip(outcomes.iter_mut()).filter(|(_, o)| o.is_none()) {
        let code = match &p.idem {
            None => TrackingCode::generate(),
            Some(idem) => {
                let earlier = retries.known.get(&idem.key).or_else(|| in_group.get(&idem.key));
                let next = idem.code(retries.attempts.get(&idem.key).copied().unwrap_or(0));
                match (earlier, next) {
                    (Some((hash, code)), _) => {
                        *outcome = Some(idem.answer(hash, code));
                        continue;
                    }
                    // Every code of the key is held by other feedback.
                    (None, None) => {
                        *outcome = Some(Outcome::KeyReused);
                        continue;
                    }
                    (None, Some(code)) => {
                        // A second request with this key in the same group is answered by the first.
                        in_group.insert(idem.key.clone(), (idem.request_hash.clone(), code.clone()));
                        code
                    }
                }
            }
        };
        let mut row = new_row(&p.submission, p.service_id, &code, now);
        if let Some(idem) = &p.idem {
            idem.mark(&mut row);
        }
        plain.push(row);
        readings.push(&p.reading);
        *outcome = Some(Outcome::Stored(code));
    }
    on_arrival_read(conn, &mut plain, &readings, cache, now)?;
    for chunk in plain.chunks(ROWS_PER_INSERT) {
        taken.extend(insert_batch(conn, chunk)?);
    }
    if !taken.is_empty() {
        return Err(diesel::result::Error::RollbackTransaction);
    }
    crate::email::notifications::queue_acknowledgements(conn, &plain, now)?;
    Ok(outcomes.into_iter().map(|o| o.expect("every submission has an outcome")).collect())
}

/// Learns, after a try of `batch` found the codes `taken` held, what holds them, reading each
/// such key's codes on from the one it tried ([`retry::standing_from`]): the key's own earlier
/// submission answers it; codes other feedback holds are passed over. A code no stored feedback
/// holds was held by another row of the same group: an unkeyed row draws another random code on
/// the next try, and of two keys that derived the same code the first keeps it.
fn learn(conn: &mut Conn, batch: &[Pending], taken: &[String], retries: &mut Retries) -> QueryResult<()> {
    let mut keeps: HashMap<TrackingCode, &str> = HashMap::new();
    for idem in batch.iter().filter_map(|p| p.idem.as_ref()) {
        if retries.known.contains_key(&idem.key) {
            continue;
        }
        let attempt = retries.attempts.get(&idem.key).copied().unwrap_or(0);
        let Some(code) = idem.code(attempt).filter(|c| taken.iter().any(|t| t == c.as_str())) else {
            continue;
        };
        match retry::standing_from(conn, idem, attempt)? {
            Standing::Stored(hash, code) => drop(retries.known.insert(idem.key.clone(), (hash, code))),
            Standing::Exhausted => drop(retries.attempts.insert(idem.key.clone(), retry::ATTEMPTS)),
            Standing::Free(next, _) if next > attempt => drop(retries.attempts.insert(idem.key.clone(), next)),
            Standing::Free(..) => match keeps.get(&code) {
                Some(first) if *first != idem.key => drop(retries.attempts.insert(idem.key.clone(), attempt + 1)),
                _ => drop(keeps.insert(code, &idem.key)),
            },
        }
    }
    Ok(())
}

/// Keys kept in the retired key table (before codes were derived from keys), read until the last
/// of them expires: one statement for the group's keys, none for a group without keys.
fn known_from_table(conn: &mut Conn, batch: &[Pending], retries: &mut Retries) -> QueryResult<()> {
    let keys: Vec<&str> = batch.iter().filter_map(|p| p.idem.as_ref()).map(|idem| idem.key.as_str()).collect();
    if keys.is_empty() {
        return Ok(());
    }
    for row in find_many(conn, &keys)? {
        retries.known.insert(row.key.clone(), Idempotency::stored_in_table(&row));
    }
    Ok(())
}

/// Times a group is tried again after a deadlock or a serialization failure, before each
/// submission is stored on its own. Groups of several servers do not deadlock with each other
/// (each first takes its services' advisory locks in order); a staff edit touching the same
/// themes and counters still can. Each retry waits a random few milliseconds more than the last,
/// so that the two transactions do not meet again in the same order (docs/benchmarks.md).
const GROUP_RETRIES: usize = 8;

/// The pause before retry `tries` of a group: 5–25 ms times the number of tries so far.
fn retry_pause(tries: usize) -> std::time::Duration {
    std::time::Duration::from_millis(rand::random_range(5..=25) * tries as u64)
}

fn write_batch(pool: &Pool, batch: Vec<Pending>, cache: &mut ThemeCache) {
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
    let mut retries = Retries::default();
    if let Err(err) = known_from_table(&mut conn, &batch, &mut retries) {
        // Storing a key without knowing whether the old table holds it could store it twice.
        tracing::warn!(error = %err, size = batch.len(), "reading the retired retry keys failed");
        pool.discard_if_dead(&mut conn);
        batch.into_iter().for_each(|p| drop(p.reply.send(Err(SubmitError::Unavailable))));
        return;
    }
    let mut tries = 0;
    let together = loop {
        tries += 1;
        let mut taken = Vec::new();
        let result = write_transaction(&mut conn, |c| store_group(c, &batch, cache, now, &retries, &mut taken));
        if tries > GROUP_RETRIES {
            break result;
        }
        if !taken.is_empty() {
            // Codes stored before: learn what holds them and store the group again.
            match learn(&mut conn, &batch, &taken, &mut retries) {
                Ok(()) => continue,
                Err(err) => break Err(err),
            }
        }
        match result {
            Err(err) if is_transient(&err) => {
                std::thread::sleep(retry_pause(tries));
                continue;
            }
            result => break result,
        }
    };
    match together {
        Ok(outcomes) => {
            crate::observe::intake_group(size, started.elapsed().as_secs_f64());
            for (pending, outcome) in batch.into_iter().zip(outcomes) {
                let _ = pending.reply.send(answer(outcome));
            }
        }
        // A clash (tracking code, or a key another process stored), or codes still taken after
        // every try: store each alone, looking its key up first.
        Err(err) if is_unique_violation(&err) || matches!(err, diesel::result::Error::RollbackTransaction) => {
            for pending in batch {
                let result = store_alone(
                    &mut conn,
                    &pending.submission,
                    pending.service_id,
                    pending.idem.as_ref(),
                    &pending.reading,
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
