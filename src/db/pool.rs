//! The r2d2 pool: picks the backend from the URL scheme itself (diesel's derived
//! `establish` would try each backend in turn and hide the real PostgreSQL error).

use std::time::Duration;

use diesel::connection::{SimpleConnection, TransactionManager};
use diesel::pg::PgConnection;
use diesel::r2d2::{CustomizeConnection, ManageConnection};
use diesel::sqlite::SqliteConnection;
use diesel::Connection;

use super::Conn;

/// Pool of [`Conn`]s.
pub type Pool = diesel::r2d2::Pool<ConnManager>;
/// Error from the pool when no connection could be had.
pub type PoolError = diesel::r2d2::PoolError;

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
}

impl ConnManager {
    /// A manager for `target`.
    pub fn new(target: DatabaseTarget) -> Self {
        Self { target }
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
        Ok(match self.target.backend {
            Backend::Postgres => {
                super::pg_exit::before_first_connection();
                Conn::Pg(PgConnection::establish(&self.target.target)?)
            }
            Backend::Sqlite => Conn::Sqlite(SqliteConnection::establish(&self.target.target)?),
        })
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
    let pool = diesel::r2d2::Pool::builder()
        .max_size(options.max_size)
        .min_idle(Some(1))
        .connection_timeout(options.timeout)
        // A broken connection is noticed when used (`has_broken`); a check query
        // before every use would double the round trips.
        .test_on_check_out(false)
        .connection_customizer(Box::new(SqlitePragmas { busy_timeout_ms: 5_000 }))
        .build(manager)?;
    Ok(pool)
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
