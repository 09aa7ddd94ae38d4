//! The r2d2 pool: picks the backend from the URL scheme itself (diesel's derived
//! `establish` would try each backend in turn and hide the real PostgreSQL error).

use std::ops::Deref;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use diesel::connection::{SimpleConnection, TransactionManager};
use diesel::pg::PgConnection;
use diesel::r2d2::{CustomizeConnection, ManageConnection, PooledConnection};
use diesel::sqlite::SqliteConnection;
use diesel::Connection;

use super::Conn;

/// Error from the pool when no connection could be had.
pub type PoolError = diesel::r2d2::PoolError;
/// A connection lent by the [`Pool`].
pub type PooledConn = PooledConnection<ConnManager>;

/// How long a checkout waits while the pool knows its database is unreachable: requests
/// fail fast (503) instead of each waiting the pool's full timeout.
const WHILE_DOWN: Duration = Duration::from_millis(250);
/// For this long after a connection was found dead, every connection is checked with a
/// one-row query before it is lent out, so the pool's other dead connections (all of them
/// die together in a failover or a `pg_terminate_backend`) are dropped, not used.
const CHECK_AFTER_LOSS_MS: u64 = 30_000;

/// What the pool has learned about its database.
#[derive(Debug, Default)]
pub struct Reachability {
    /// The last attempt to open a connection failed.
    down: AtomicBool,
    /// When (ms since the epoch) a lent connection was last found dead; 0 if never.
    lost_at: AtomicU64,
}

fn now_ms() -> u64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_millis() as u64)
}

impl Reachability {
    fn check_out_with_care(&self) -> bool {
        let lost = self.lost_at.load(Ordering::Relaxed);
        lost != 0 && now_ms().saturating_sub(lost) < CHECK_AFTER_LOSS_MS
    }
}

/// Pool of [`Conn`]s that knows when its database is unreachable and drops connections
/// that died (see [`Pool::checkout`] and [`Pool::discard_if_dead`]).
#[derive(Clone, Debug)]
pub struct Pool {
    inner: diesel::r2d2::Pool<ConnManager>,
    reach: Arc<Reachability>,
}

impl Deref for Pool {
    type Target = diesel::r2d2::Pool<ConnManager>;

    fn deref(&self) -> &Self::Target {
        &self.inner
    }
}

impl Pool {
    /// A connection: at once (within [`WHILE_DOWN`]) or not at all while the database is known
    /// to be unreachable, else within the pool's timeout; checked first shortly after a
    /// connection was found dead.
    pub fn checkout(&self) -> Result<PooledConn, PoolError> {
        let started = std::time::Instant::now();
        let conn = self.checkout_now();
        crate::observe::pool_wait(started.elapsed().as_secs_f64());
        conn
    }

    fn checkout_now(&self) -> Result<PooledConn, PoolError> {
        let timeout = if self.reach.down.load(Ordering::Relaxed) { WHILE_DOWN } else { self.connection_timeout() };
        if !self.reach.check_out_with_care() {
            return self.inner.get_timeout(timeout);
        }
        // Each dead connection is dropped and the next one tried; a fresh one is opened
        // when none is left, so this ends within the pool's size plus one.
        for _ in 0..=self.max_size() {
            let mut conn = self.inner.get_timeout(timeout)?;
            if answers(&mut conn) {
                return Ok(conn);
            }
            mark_broken(&mut conn);
        }
        self.inner.get_timeout(timeout)
    }

    /// After a failed unit of work: whether `conn` died (a PostgreSQL connection no longer
    /// answers `SELECT 1`). A dead connection is marked broken, so the pool drops it instead
    /// of lending it again, and connections lent in the next seconds are checked first.
    pub fn discard_if_dead(&self, conn: &mut Conn) -> bool {
        if !matches!(conn, Conn::Pg(_)) || answers(conn) {
            return false;
        }
        mark_broken(conn);
        self.reach.lost_at.store(now_ms(), Ordering::Relaxed);
        true
    }
}

/// Whether `conn` still answers a one-row query.
fn answers(conn: &mut Conn) -> bool {
    conn.batch_execute("SELECT 1").is_ok()
}

/// Makes the pool drop `conn` when it comes back (`has_broken` reads this).
fn mark_broken(conn: &mut Conn) {
    <Conn as Connection>::TransactionManager::transaction_manager_status_mut(conn).set_in_error();
}

/// The storage engine behind a database URL.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    /// Embedded single-file SQLite.
    Sqlite,
    /// PostgreSQL server.
    Postgres,
}

/// A database URL split into its backend and what that backend's driver expects.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DatabaseTarget {
    /// Which engine.
    pub backend: Backend,
    /// For PostgreSQL the URL itself; for SQLite the file path (or `file:` URI).
    pub target: String,
}

impl DatabaseTarget {
    /// Reads `sqlite://path`, `sqlite:path`, a bare path, or `postgres://…`/`postgresql://…`.
    pub fn parse(url: &str) -> Self {
        let url = url.trim();
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            return Self { backend: Backend::Postgres, target: url.to_owned() };
        }
        let path = url.strip_prefix("sqlite://").or_else(|| url.strip_prefix("sqlite:")).unwrap_or(url);
        Self { backend: Backend::Sqlite, target: path.to_owned() }
    }

    /// The URL with any password replaced, fit for logs and error messages.
    pub fn redacted(&self) -> String {
        match self.backend {
            Backend::Sqlite => self.target.clone(),
            Backend::Postgres => redact_password(&self.target),
        }
    }
}

fn redact_password(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_owned();
    };
    let Some((userinfo, host)) = rest.split_once('@') else {
        return url.to_owned();
    };
    match userinfo.split_once(':') {
        Some((user, _)) => format!("{scheme}://{user}:***@{host}"),
        None => url.to_owned(),
    }
}

/// Opens connections of the backend named by the URL.
#[derive(Debug, Clone)]
pub struct ConnManager {
    target: DatabaseTarget,
    reach: Arc<Reachability>,
}

impl ConnManager {
    /// A manager for `target`.
    pub fn new(target: DatabaseTarget) -> Self {
        Self { target, reach: Arc::default() }
    }
}

/// Why a connection could not be opened or checked.
#[derive(Debug, thiserror::Error)]
pub enum ConnError {
    /// The server or file could not be opened.
    #[error("{0}")]
    Connect(#[from] diesel::ConnectionError),
    /// A check query failed.
    #[error("{0}")]
    Query(#[from] diesel::result::Error),
}

impl ManageConnection for ConnManager {
    type Connection = Conn;
    type Error = ConnError;

    fn connect(&self) -> Result<Conn, ConnError> {
        let conn = match self.target.backend {
            Backend::Postgres => {
                super::pg_exit::before_first_connection();
                PgConnection::establish(&self.target.target).map(Conn::Pg)
            }
            Backend::Sqlite => SqliteConnection::establish(&self.target.target).map(Conn::Sqlite),
        };
        self.reach.down.store(conn.is_err(), Ordering::Relaxed);
        Ok(conn?)
    }

    fn is_valid(&self, conn: &mut Conn) -> Result<(), ConnError> {
        Ok(conn.batch_execute("SELECT 1")?)
    }

    fn has_broken(&self, conn: &mut Conn) -> bool {
        std::thread::panicking() || <Conn as Connection>::TransactionManager::is_broken_transaction_manager(conn)
    }
}

/// Pages of write-ahead log after which a commit copies it into the database.
/// Small checkpoints keep the slowest commits short: 100 pages gave a p99 of
/// about 10 ms under load, SQLite's default of 1,000 about 25 ms (docs/benchmarks.md).
const WAL_AUTOCHECKPOINT_PAGES: u32 = 100;

/// Sets the per-connection SQLite pragmas: WAL, foreign keys, a busy timeout.
#[derive(Debug, Clone, Copy)]
struct SqlitePragmas {
    busy_timeout_ms: u64,
}

impl CustomizeConnection<Conn, ConnError> for SqlitePragmas {
    fn on_acquire(&self, conn: &mut Conn) -> Result<(), ConnError> {
        if let Conn::Sqlite(c) = conn {
            // busy_timeout first: switching to WAL itself needs the lock.
            c.batch_execute(&format!(
                "PRAGMA busy_timeout = {}; PRAGMA journal_mode = WAL; \
                 PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA wal_autocheckpoint = {};",
                self.busy_timeout_ms, WAL_AUTOCHECKPOINT_PAGES
            ))?;
        }
        Ok(())
    }
}

/// How the pool is sized and how long a request may wait for a connection.
#[derive(Debug, Clone, Copy)]
pub struct PoolOptions {
    /// Most connections open at once.
    pub max_size: u32,
    /// How long to wait for a free connection before giving up (503).
    pub timeout: Duration,
}

/// Connects once (so an unreachable server is reported with its real cause at
/// once), then builds the pool.
pub fn build_pool(url: &str, options: PoolOptions) -> anyhow::Result<Pool> {
    let target = DatabaseTarget::parse(url);
    let manager = ConnManager::new(target.clone());
    if let Err(err) = manager.connect() {
        let what = match target.backend {
            Backend::Postgres => "PostgreSQL",
            Backend::Sqlite => "SQLite database",
        };
        let cause = err.to_string().replace('\n', " ");
        anyhow::bail!("cannot open {what} at {}: {}", target.redacted(), cause.trim());
    }
    let reach = manager.reach.clone();
    let inner = diesel::r2d2::Pool::builder()
        .max_size(options.max_size)
        .min_idle(Some(1))
        .connection_timeout(options.timeout)
        // A broken connection is noticed when used (`has_broken`); a check query
        // before every use would double the round trips.
        .test_on_check_out(false)
        .connection_customizer(Box::new(SqlitePragmas { busy_timeout_ms: 5_000 }))
        .build(manager)?;
    Ok(Pool { inner, reach })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sqlite_urls_and_bare_paths_pick_sqlite() {
        assert_eq!(DatabaseTarget::parse("sqlite://nagorik.db").target, "nagorik.db");
        assert_eq!(DatabaseTarget::parse("sqlite:///var/lib/n.db").target, "/var/lib/n.db");
        assert_eq!(DatabaseTarget::parse("data/n.db").backend, Backend::Sqlite);
    }

    #[test]
    fn postgres_urls_pick_postgres_and_hide_the_password() {
        let t = DatabaseTarget::parse("postgres://app:s3cret@db:5432/nagorik");
        assert_eq!(t.backend, Backend::Postgres);
        assert_eq!(t.redacted(), "postgres://app:***@db:5432/nagorik");
        assert_eq!(DatabaseTarget::parse("postgresql://db/n").backend, Backend::Postgres);
    }
}
