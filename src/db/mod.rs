//! Storage: one connection type over SQLite and PostgreSQL, the pool, migrations
//! and the helper that keeps diesel off the async executor.

pub mod api_clients;
pub mod app_secrets;
pub mod audit_log;
pub mod backlog_items;
pub mod backlog_moves;
pub mod backlog_reviews;
pub mod backlog_snapshots;
pub mod brief_versions;
pub mod feedback;
pub mod feedback_embeddings;
pub mod idempotency_keys;
pub mod login_failures;
pub mod me_too;
pub mod migrations;
pub mod ministries;
pub mod moderation;
pub mod offices;
pub mod outbox;
pub mod pg_exit;
pub mod pool;
pub mod provenance;
pub mod schema;
pub mod score_weights;
pub mod service_counts;
pub mod services;
pub mod staff_districts;
pub mod staff_sessions;
pub mod staff_users;
pub mod theme_members;
pub mod theme_merge_dismissals;
pub mod themes;
pub mod unsubscribes;

use diesel::connection::{AnsiTransactionManager, TransactionManager};
use diesel::pg::PgConnection;
use diesel::sqlite::SqliteConnection;

pub use pool::{build_pool, Backend, Pool, PoolError, PooledConn};

/// A database connection of either backend; queries are written once against it.
#[derive(diesel::MultiConnection)]
pub enum Conn {
    /// Production store.
    Pg(PgConnection),
    /// Embedded default store.
    Sqlite(SqliteConnection),
}

impl Conn {
    /// Which backend this connection talks to.
    pub fn backend(&self) -> Backend {
        match self {
            Conn::Pg(_) => Backend::Postgres,
            Conn::Sqlite(_) => Backend::Sqlite,
        }
    }
}

/// Failure of a unit of work run through [`run_blocking`].
#[derive(Debug, thiserror::Error)]
pub enum BlockingError<E> {
    /// No connection could be had from the pool in time.
    #[error("database unavailable: {0}")]
    Pool(#[from] PoolError),
    /// The connection died during the work (PostgreSQL restarted, failed over or ended it);
    /// the pool drops it.
    #[error("database connection lost")]
    Lost,
    /// The blocking task panicked or was cancelled.
    #[error("database task failed: {0}")]
    Join(#[from] tokio::task::JoinError),
    /// The work itself failed.
    #[error(transparent)]
    Work(E),
}

/// Runs `work` with a pooled connection on the blocking thread pool, so that
/// no diesel call ever blocks the async executor. When the work fails because its
/// connection died, the answer is [`BlockingError::Lost`] (a 503: the client retries) and
/// the pool drops the connection.
pub async fn run_blocking<T, E, F>(pool: &Pool, work: F) -> Result<T, BlockingError<E>>
where
    F: FnOnce(&mut Conn) -> Result<T, E> + Send + 'static,
    T: Send + 'static,
    E: Send + 'static,
{
    let pool = pool.clone();
    tokio::task::spawn_blocking(move || attempt(&pool, work)).await?
}

/// `work` on a connection of `pool`; [`BlockingError::Lost`] when it failed because the
/// connection died (which the pool then drops).
fn attempt<T, E>(pool: &Pool, work: impl FnOnce(&mut Conn) -> Result<T, E>) -> Result<T, BlockingError<E>> {
    let mut conn = pool.checkout()?;
    work(&mut conn).map_err(|err| {
        if pool.discard_if_dead(&mut conn) {
            BlockingError::Lost
        } else {
            BlockingError::Work(err)
        }
    })
}

/// Like [`run_blocking`] for work that only reads: when its connection died, the work is
/// run once more on another connection (checked first), so a database failover or a
/// restarted proxy costs a reader nothing once the database answers again.
pub async fn run_read<T, E, F>(pool: &Pool, work: F) -> Result<T, BlockingError<E>>
where
    F: FnMut(&mut Conn) -> Result<T, E> + Send + 'static,
    T: Send + 'static,
    E: Send + 'static,
{
    let pool = pool.clone();
    tokio::task::spawn_blocking(move || {
        let mut work = work;
        match attempt(&pool, &mut work) {
            Err(BlockingError::Lost) => attempt(&pool, work),
            done => done,
        }
    })
    .await?
}

/// Runs `work` in one write transaction. On SQLite the transaction takes the
/// write lock up front (`BEGIN IMMEDIATE`), so a read followed by a write can
/// never fail half-way with `SQLITE_BUSY` when another writer got in between.
pub fn write_transaction<T, E, F>(conn: &mut Conn, work: F) -> Result<T, E>
where
    F: FnOnce(&mut Conn) -> Result<T, E>,
    E: From<diesel::result::Error>,
{
    match conn {
        Conn::Sqlite(c) => AnsiTransactionManager::begin_transaction_sql(c, "BEGIN IMMEDIATE")?,
        Conn::Pg(c) => AnsiTransactionManager::begin_transaction(c)?,
    }
    match work(conn) {
        Ok(value) => {
            <Conn as diesel::Connection>::TransactionManager::commit_transaction(conn)?;
            Ok(value)
        }
        Err(err) => {
            // The original error matters more than a failed rollback.
            let _ = <Conn as diesel::Connection>::TransactionManager::rollback_transaction(conn);
            Err(err)
        }
    }
}

/// Namespace of Nagorik's transaction-scoped advisory locks on services (PostgreSQL).
const SERVICE_LOCKS: i32 = 0x4E41;

/// Inside a write transaction, takes the advisory lock of each of `service_ids` in id order
/// (PostgreSQL; released at commit or rollback). Writers of several servers that take them
/// before touching a service's themes and counters never wait on each other in a cycle, so
/// they never deadlock. SQLite has one writer at a time and needs none.
pub fn lock_services(conn: &mut Conn, service_ids: &[i64]) -> diesel::QueryResult<()> {
    use diesel::RunQueryDsl;
    let Conn::Pg(c) = conn else { return Ok(()) };
    let mut ids: Vec<i32> = service_ids.iter().filter_map(|id| i32::try_from(*id).ok()).collect();
    ids.sort_unstable();
    ids.dedup();
    if ids.is_empty() {
        return Ok(());
    }
    // The inner query sorts; the outer one takes the locks in that order.
    diesel::sql_query("SELECT 1 FROM (SELECT k FROM unnest($1::int4[]) AS k ORDER BY k) AS s, LATERAL (SELECT pg_advisory_xact_lock($2, s.k)) AS l")
        .bind::<diesel::sql_types::Array<diesel::sql_types::Integer>, _>(ids)
        .bind::<diesel::sql_types::Integer, _>(SERVICE_LOCKS)
        .execute(c)
        .map(drop)
}

/// True when `err` is a unique-constraint violation (same code on both backends).
pub fn is_unique_violation(err: &diesel::result::Error) -> bool {
    matches!(err, diesel::result::Error::DatabaseError(diesel::result::DatabaseErrorKind::UniqueViolation, _))
}

/// True when `err` is worth retrying as it is: a PostgreSQL deadlock or serialization failure
/// (writers updating the same counters), or SQLite's "database is locked".
pub fn is_transient(err: &diesel::result::Error) -> bool {
    use diesel::result::{DatabaseErrorKind, Error};
    match err {
        Error::DatabaseError(DatabaseErrorKind::SerializationFailure, _) => true,
        Error::DatabaseError(_, info) => {
            let message = info.message();
            message.contains("deadlock detected") || message.contains("database is locked")
        }
        _ => false,
    }
}
