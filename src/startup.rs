//! Builds the application: pool, migrations, templates, listener, routes.

use std::net::TcpListener;

use actix_governor::Governor;
use actix_web::dev::Server;
use actix_web::middleware::{from_fn, Compress, Condition, DefaultHeaders, ErrorHandlers};
use actix_web::{web, App, HttpServer};
use anyhow::Context;
use tracing_actix_web::TracingLogger;

use crate::assets::Assets;
use crate::catalogue::cache::ServiceCache;
use crate::config::Settings;
use crate::db::pool::PoolOptions;
use crate::db::{self, Pool};
use crate::email::unsubscribe::UnsubscribeKey;
use crate::email::Mailer;
use crate::intake::{IntakeWriter, RetryCodes};
use crate::jobs::{JobContext, Jobs};
use crate::routes;
use crate::themes::{Classifier, Lexicon};
use crate::voices::VoiceKey;
use crate::web::client_address::TrustedProxies;
use crate::web::{rate_limit, Renderer};

/// A bound, not yet running, Nagorik server.
pub struct Application {
    port: u16,
    metrics: Option<(u16, Server)>,
    server: Server,
    pool: Pool,
    writer: std::thread::JoinHandle<()>,
    jobs: std::sync::Arc<JobContext>,
}

/// Opens the database named in the settings and brings its schema up to date.
pub fn open_database(settings: &Settings) -> anyhow::Result<Pool> {
    let options = PoolOptions { max_size: settings.pool_size, timeout: settings.pool_timeout() };
    let pool = db::build_pool(&settings.database_url, options)?;
    let mut conn = pool.get().context("no database connection")?;
    crate::upgrade::migrate(&mut conn)?;
    Ok(pool)
}

impl Application {
    /// Opens the database, runs migrations, loads templates and binds the listener.
    pub fn build(settings: &Settings) -> anyhow::Result<Self> {
        let pool = open_database(settings)?;
        Self::build_with_pool(settings, pool)
    }

    /// Like [`Application::build`], on an already migrated pool.
    pub fn build_with_pool(settings: &Settings, pool: Pool) -> anyhow::Result<Self> {
        let renderer = web::Data::new(Renderer::new(crate::templates::build()?, Assets::load()));
        let listener =
            TcpListener::bind(&settings.bind).with_context(|| format!("cannot listen on {}", settings.bind))?;
        let port = listener.local_addr()?.port();
        let data_pool = web::Data::new(pool.clone());
        let data_settings = web::Data::new(settings.clone());
        // SQLite has a single writer; PostgreSQL overlaps several groups' commits.
        let writers = match pool.get().context("no database connection")?.backend() {
            db::Backend::Sqlite => 1,
            db::Backend::Postgres => settings.intake_writers.max(1),
        };
        let classifier = std::sync::Arc::new(load_classifier(settings)?);
        let codes = {
            let mut conn = pool.get().context("no database connection")?;
            RetryCodes::load(&mut conn, chrono::Utc::now().naive_utc()).context("retry codes key")?
        };
        let (writer, writer_thread) = IntakeWriter::start(
            pool.clone(),
            settings.intake_queue,
            settings.intake_batch,
            writers,
            classifier.clone(),
            codes,
        );
        let classifier = web::Data::from(classifier);
        let writer = web::Data::new(writer);
        let metrics = match settings.metrics_bind.trim() {
            "" => None,
            bind => Some(crate::observe::serve_metrics(bind, pool.clone(), writer.clone())?),
        };
        let service_cache = web::Data::new(ServiceCache::default());
        let counted_cache = web::Data::new(crate::backlog::inputs::CountedCache::default());
        let mut jobs = mail_jobs(settings, &pool)?;
        jobs.embeddings = match settings.embeddings_url.trim() {
            "" => None,
            url => Some(std::sync::Arc::new(crate::jobs::embeddings::EmbeddingsJob {
                pool: pool.clone(),
                client: crate::embeddings::EmbeddingsClient::new(url)?,
                classifier: classifier.clone().into_inner(),
            })),
        };
        let jobs = std::sync::Arc::new(jobs);
        let unsubscribe_key = web::Data::new(jobs.key.clone());
        let voice_key = {
            let mut conn = pool.get().context("no database connection")?;
            let key = VoiceKey::load(&mut conn, chrono::Utc::now().naive_utc()).context("\"me too\" key")?;
            web::Data::new(key)
        };
        let limit = settings.submit_rate_per_minute;
        let https = settings.secure_cookies;
        let proxies = TrustedProxies::parse(&settings.trusted_proxies).map_err(anyhow::Error::msg)?;
        let governor = rate_limit::submit_limit(limit, settings.submit_burst, proxies.clone())
            .context("bad submission rate limit")?;
        let proxies = web::Data::new(proxies);
        let counting = metrics.is_some();
        let mut server = HttpServer::new(move || {
            App::new()
                .wrap(from_fn(crate::web::control_chars::refuse_control_characters))
                .wrap(Condition::new(limit > 0, Governor::new(&governor)))
                .wrap(ErrorHandlers::new().default_handler(routes::errors::render_error))
                .wrap(Compress::default())
                .wrap(security_headers(https))
                .wrap(from_fn(crate::telemetry::request_id_header))
                .wrap(TracingLogger::<crate::telemetry::PrivateRootSpan>::new())
                .wrap(Condition::new(counting, from_fn(crate::observe::count_requests)))
                .app_data(data_pool.clone())
                .app_data(data_settings.clone())
                .app_data(renderer.clone())
                .app_data(writer.clone())
                .app_data(service_cache.clone())
                .app_data(counted_cache.clone())
                .app_data(classifier.clone())
                .app_data(unsubscribe_key.clone())
                .app_data(voice_key.clone())
                .app_data(proxies.clone())
                .app_data(web::FormConfig::default().limit(crate::routes::api::JSON_LIMIT))
                .configure(routes::configure)
                .default_service(web::to(routes::errors::not_found))
        })
        .listen(listener)?;
        if let Some(workers) = settings.workers {
            server = server.workers(workers);
        }
        Ok(Self { port, metrics, server: server.shutdown_timeout(30).run(), pool, writer: writer_thread, jobs })
    }

    /// The port actually bound (useful with port 0).
    pub fn port(&self) -> u16 {
        self.port
    }

    /// The port of `GET /metrics`, when served.
    pub fn metrics_port(&self) -> Option<u16> {
        self.metrics.as_ref().map(|m| m.0)
    }

    /// The database pool the server uses.
    pub fn pool(&self) -> Pool {
        self.pool.clone()
    }

    /// Where this app's mail goes (tests read the stub's messages through it).
    pub fn mailer(&self) -> Mailer {
        self.jobs.mailer.clone()
    }

    /// Serves until the process is told to stop (SIGTERM or Ctrl-C: stop
    /// accepting, finish the requests under way, commit what they queued, exit).
    /// The mail jobs run alongside and stop after the message under way.
    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        let jobs = Jobs::start(self.jobs);
        let metrics = self.metrics.map(|(_, server)| {
            let handle = server.handle();
            tokio::spawn(server);
            handle
        });
        let served = self.server.await;
        if let Some(handle) = metrics {
            // It holds a handle to the intake writer, which drains only once every handle is gone.
            handle.stop(false).await;
        }
        jobs.stop(std::time::Duration::from_secs(10)).await;
        // The server's handles to the writer are gone now; wait until it has drained.
        let writer = self.writer;
        let _ = tokio::task::spawn_blocking(move || writer.join()).await;
        served
    }
}

/// The mailer, the unsubscribe key and what the mail jobs need. Runs inside the Tokio
/// runtime: lettre's SMTP pool starts a task of its own.
fn mail_jobs(settings: &Settings, pool: &Pool) -> anyhow::Result<JobContext> {
    let mailer = Mailer::from_settings(&settings.mail)?;
    let mut conn = pool.get().context("no database connection")?;
    let now = chrono::Utc::now().naive_utc();
    let key = UnsubscribeKey::load(&mut conn, &settings.mail.secret_key, now).context("unsubscribe key")?;
    Ok(JobContext {
        pool: pool.clone(),
        mailer,
        templates: crate::templates::build()?,
        key,
        settings: settings.mail.clone(),
        base_url: settings.base_url.clone(),
        rates: settings.rates(),
        contact_retention_months: settings.contact_retention_months,
        embeddings: None,
    })
}

/// The pain classifier, reading the built-in keyword lexicon plus a designer's own file when configured.
/// With an embeddings service configured it also reads the stored embeddings of feedback.
pub fn load_classifier(settings: &Settings) -> anyhow::Result<Classifier> {
    let classifier = match &settings.pain_lexicon {
        Some(path) if !path.trim().is_empty() => Lexicon::extended_from(std::path::Path::new(path))
            .map(Classifier::with_lexicon)
            .with_context(|| format!("cannot use the pain lexicon {path}"))?,
        _ => Classifier::builtin(),
    };
    Ok(if settings.embeddings_url.trim().is_empty() { classifier } else { classifier.with_builtin_embeddings() })
}

/// Headers on every answer; served over HTTPS (`secure_cookies`), browsers are also told
/// to use nothing else for a year (HSTS).
fn security_headers(https: bool) -> DefaultHeaders {
    let headers = DefaultHeaders::new()
        .add(("X-Content-Type-Options", "nosniff"))
        .add(("Referrer-Policy", "same-origin"))
        .add(("X-Frame-Options", "DENY"));
    if https {
        headers.add(("Strict-Transport-Security", "max-age=31536000; includeSubDomains"))
    } else {
        headers
    }
}
