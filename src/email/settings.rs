//! Mail settings (part of `config::Settings`, key `mail` in the TOML file).

use serde::Deserialize;

/// How mail is sent (see `email::Mailer`) and how the outbox worker behaves.
#[derive(Clone, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct MailSettings {
    /// `smtp://host:25`, `smtp://user:pass@host:587?tls=required`, `smtps://host:465`; empty: write `.eml` files.
    pub smtp_url: String,
    /// The `From` address.
    pub from: String,
    /// The `Reply-To` address (empty: none).
    pub reply_to: String,
    /// Folder of `.eml` files when no SMTP server is configured.
    pub dir: String,
    /// Minutes a message keeps being retried after transient failures (the mail server down or
    /// putting it off) before it is parked as failed; a permanent refusal parks it at once.
    pub max_age_minutes: u64,
    /// Milliseconds between looks at the outbox.
    pub poll_ms: u64,
    /// Milliseconds before the first retry; each later retry waits twice as long (with jitter),
    /// at most 15 minutes.
    pub retry_ms: u64,
    /// Seconds a worker's claim on a message lasts; renewed every third of it while the worker
    /// is still sending, so another process takes up a crashed worker's messages this soon.
    pub lease_secs: u64,
    /// Hour of the day (UTC) from which daily digests and review reminders are queued.
    pub digest_hour_utc: u32,
    /// Key that signs unsubscribe links (empty: one is generated and kept in the database).
    pub secret_key: String,
    /// Keep messages in memory instead of sending them (tests only; not read from the environment).
    #[serde(skip)]
    pub stub: bool,
}

impl Default for MailSettings {
    fn default() -> Self {
        Self {
            smtp_url: String::new(),
            from: "Nagorik <no-reply@localhost>".into(),
            reply_to: String::new(),
            dir: "mail".into(),
            max_age_minutes: 3 * 24 * 60,
            poll_ms: 2_000,
            retry_ms: 30_000,
            lease_secs: 30,
            digest_hour_utc: 1,
            secret_key: String::new(),
            stub: false,
        }
    }
}

// Hand-written so that the SMTP password and the secret key never reach a log line.
impl std::fmt::Debug for MailSettings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MailSettings")
            .field("smtp", &!self.smtp_url.is_empty())
            .field("dir", &self.dir)
            .field("max_age_minutes", &self.max_age_minutes)
            .field("stub", &self.stub)
            .finish_non_exhaustive()
    }
}

impl MailSettings {
    /// Overrides from `NAGORIK_SMTP_URL`, `NAGORIK_MAIL_*`, `NAGORIK_DIGEST_HOUR_UTC` and `NAGORIK_SECRET_KEY`.
    pub fn apply_env(&mut self, var: &impl Fn(&str) -> Option<String>) -> anyhow::Result<()> {
        fn parsed<T: std::str::FromStr>(key: &str, value: String) -> anyhow::Result<T> {
            value.trim().parse().map_err(|_| anyhow::anyhow!("{key}={value:?} is not a valid value"))
        }
        for (key, field) in [
            ("NAGORIK_SMTP_URL", &mut self.smtp_url),
            ("NAGORIK_MAIL_FROM", &mut self.from),
            ("NAGORIK_MAIL_REPLY_TO", &mut self.reply_to),
            ("NAGORIK_MAIL_DIR", &mut self.dir),
            ("NAGORIK_SECRET_KEY", &mut self.secret_key),
        ] {
            if let Some(v) = var(key) {
                *field = v.trim().to_owned();
            }
        }
        if let Some(v) = var("NAGORIK_MAIL_MAX_AGE_MINUTES") {
            self.max_age_minutes = parsed("NAGORIK_MAIL_MAX_AGE_MINUTES", v)?;
        }
        if let Some(v) = var("NAGORIK_MAIL_POLL_MS") {
            self.poll_ms = parsed("NAGORIK_MAIL_POLL_MS", v)?;
        }
        if let Some(v) = var("NAGORIK_MAIL_RETRY_MS") {
            self.retry_ms = parsed("NAGORIK_MAIL_RETRY_MS", v)?;
        }
        if let Some(v) = var("NAGORIK_MAIL_LEASE_SECS") {
            self.lease_secs = parsed("NAGORIK_MAIL_LEASE_SECS", v)?;
        }
        if let Some(v) = var("NAGORIK_DIGEST_HOUR_UTC") {
            self.digest_hour_utc = parsed("NAGORIK_DIGEST_HOUR_UTC", v)?;
        }
        Ok(())
    }
}
