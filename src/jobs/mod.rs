//! Background work inside `serve` that coordinates through the database, so any
//! number of app servers may run it side by side: the outbox worker (claims due
//! messages and sends them) and the daily schedules (staff digests, quarterly
//! review reminders), which queue each message once under a unique key, and retention,
//! which the first server to claim the day runs.

pub mod digest;
pub mod embeddings;
pub mod outbox;
pub mod reminders;
pub mod retention;

use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::Utc;
use tokio::sync::watch;

use crate::config::MailSettings;
use crate::db::{self, Pool};
use crate::email::unsubscribe::UnsubscribeKey;
use crate::email::Mailer;
use crate::templates::Templates;

/// How often the schedules look whether a digest or reminder is due.
const SCHEDULE_EVERY: Duration = Duration::from_secs(60);

/// What the background jobs need.
pub struct JobContext {
    /// The database.
    pub pool: Pool,
    /// Where mail goes.
    pub mailer: Mailer,
    /// The mail templates.
    pub templates: Templates,
    /// Signs unsubscribe links.
    pub key: UnsubscribeKey,
    /// Attempts, poll interval, retry delay, digest hour.
    pub settings: MailSettings,
    /// Public address of the site, for links.
    pub base_url: String,
    /// Money rates of the backlog score (for the quarter's snapshot).
    pub rates: crate::domain::scoring::Rates,
    /// Months citizens' contact details are kept after their feedback last changed (0: kept).
    pub contact_retention_months: u32,
    /// The embeddings job, when an embeddings service is configured.
    pub embeddings: Option<Arc<embeddings::EmbeddingsJob>>,
}

/// The running jobs; dropping the handle leaves them running, [`Jobs::stop`] ends them.
pub struct Jobs {
    stop: watch::Sender<bool>,
    task: tokio::task::JoinHandle<()>,
    embeddings: Option<tokio::task::JoinHandle<()>>,
}

impl Jobs {
    /// Starts the jobs on the current Tokio runtime.
    pub fn start(context: Arc<JobContext>) -> Jobs {
        let (stop, stopped) = watch::channel(false);
        let embeddings = context.embeddings.clone().map(|job| tokio::spawn(embeddings::run(job, stopped.clone())));
        Jobs { stop, task: tokio::spawn(run(context, stopped)), embeddings }
    }

    /// Asks the jobs to stop after the message under way, and waits (at most `grace`).
    pub async fn stop(self, grace: Duration) {
        let _ = self.stop.send(true);
        if let Some(mut job) = self.embeddings {
            // Its round is one transaction: cut off, it is done again by the next start.
            if tokio::time::timeout(grace, &mut job).await.is_err() {
                job.abort();
            }
        }
        let mut task = self.task;
        if tokio::time::timeout(grace, &mut task).await.is_err() {
            // A message cut off here is sent again once its claim expires: repeated, never lost.
            task.abort();
        }
    }
}

async fn run(context: Arc<JobContext>, mut stopped: watch::Receiver<bool>) {
    let poll = Duration::from_millis(context.settings.poll_ms.max(10));
    let mut last_schedule: Option<Instant> = None;
    loop {
        let busy = match outbox::deliver_due(&context, &mut stopped).await {
            Ok(full) => full,
            Err(err) => {
                tracing::warn!(error = format!("{err:#}"), "outbox round failed");
                false
            }
        };
        if last_schedule.is_none_or(|t| t.elapsed() >= SCHEDULE_EVERY) {
            last_schedule = Some(Instant::now());
            if let Err(err) = run_schedules(&context).await {
                tracing::warn!(error = format!("{err:#}"), "mail schedules failed");
            }
        }
        if *stopped.borrow() {
            break;
        }
        if !busy {
            tokio::select! {
                _ = tokio::time::sleep(poll) => {}
                _ = stopped.changed() => break,
            }
        }
    }
}

async fn run_schedules(context: &JobContext) -> anyhow::Result<()> {
    let hour = context.settings.digest_hour_utc;
    let (now, rates) = (Utc::now().naive_utc(), context.rates);
    let months = context.contact_retention_months;
    let (digests, reminders, purged) = db::run_blocking(&context.pool, move |c| {
        // The quarter's snapshot is taken as the quarter opens, whether or not anyone looks.
        crate::backlog::snapshots::ensure_current(c, rates, now)?;
        let purged = if retention::ran_today(c, now)? { None } else { retention::run_daily(c, now, months)? };
        Ok::<_, diesel::result::Error>((
            digest::queue_digests(c, now, hour)?,
            reminders::queue_review_reminders(c, now, hour)?,
            purged,
        ))
    })
    .await
    .map_err(|e| anyhow::anyhow!("{e}"))?;
    if digests + reminders > 0 {
        tracing::info!(digests, reminders, "staff mail queued");
    }
    if let Some(p) = purged {
        tracing::info!(
            sent_mail = p.sent_mail,
            idempotency_keys = p.idempotency_keys,
            sessions = p.sessions,
            login_failures = p.login_failures,
            contacts_erased = p.contacts,
            "retention ran"
        );
    }
    Ok(())
}
