//! Counters per service, kept up to date as feedback arrives and changes, so
//! designer pages read a few rows instead of counting a service's feedback.

use diesel::prelude::*;
use diesel::sql_types::{BigInt, Text};

use super::schema::service_counts;
use super::Conn;

/// One counter row.
#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable)]
#[diesel(table_name = service_counts)]
pub struct Count {
    /// The service.
    pub service_id: i64,
    /// `kind`, `district`, `channel`, `week`, `theme`, `days`, `cost`, `visits`.
    pub dimension: String,
    /// The value counted (`complaint`, `dhaka`, `2026-11-23`, a theme id, a number of days…).
    pub bucket: String,
    /// Feedback entries.
    pub feedback: i64,
    /// Voices: feedback plus "me too".
    pub voices: i64,
}

/// One change to one counter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bump {
    /// The service.
    pub service_id: i64,
    /// The dimension.
    pub dimension: &'static str,
    /// The bucket.
    pub bucket: String,
    /// Feedback to add (may be negative).
    pub feedback: i64,
    /// Voices to add (may be negative).
    pub voices: i64,
}

/// The dimension of one counter per service that every change to the service's other
/// counters raises by one: a version of the counters, so a cache of what is computed from
/// them (the backlog ranking) knows when it is stale, in any process.
pub const CHANGES: &str = "changes";

/// Most counters changed by one statement (5 bind parameters each).
const BUMPS_PER_STATEMENT: usize = 100;

/// Adds every change to its counter, creating counters as needed: one upsert statement per
/// hundred counters. The changes must name distinct counters. Each service's [`CHANGES`]
/// counter rises by one in the same statements.
pub fn bump_many(conn: &mut Conn, bumps: &[Bump]) -> QueryResult<()> {
    let mut services: Vec<i64> = bumps.iter().map(|b| b.service_id).collect();
    services.sort_unstable();
    services.dedup();
    let mut all: Vec<Bump> = bumps.iter().filter(|b| b.dimension != CHANGES).cloned().collect();
    all.extend(services.into_iter().map(changed));
    // A fixed order keeps concurrent writers from deadlocking on PostgreSQL.
    all.sort_by(|a, b| (a.service_id, a.dimension, &a.bucket).cmp(&(b.service_id, b.dimension, &b.bucket)));
    upsert(conn, &all)
}

fn changed(service_id: i64) -> Bump {
    Bump { service_id, dimension: CHANGES, bucket: String::new(), feedback: 1, voices: 0 }
}

/// Marks a service's counters changed without changing a count (a theme's category, which
/// the ranking's severity reads, changed).
pub fn touch(conn: &mut Conn, service_id: i64) -> QueryResult<()> {
    upsert(conn, &[changed(service_id)])
}

/// The version of every service's counters: the sum of their [`CHANGES`] counters, which only
/// grows. Equal versions read in two transactions mean the same counters.
pub fn version(conn: &mut Conn) -> QueryResult<i64> {
    let changes: Vec<i64> = service_counts::table
        .filter(service_counts::dimension.eq(CHANGES))
        .select(service_counts::feedback)
        .load(conn)?;
    Ok(changes.iter().sum())
}

fn upsert(conn: &mut Conn, bumps: &[Bump]) -> QueryResult<()> {
    // An upsert: diesel's ON CONFLICT does not go through the multi-backend connection, so the
    // statement is written once here, with each backend's placeholders.
    fn statement(rows: usize, placeholder: impl Fn(usize) -> String) -> String {
        let values: Vec<String> = (0..rows)
            .map(|r| format!("({})", (1..=5).map(|i| placeholder(r * 5 + i)).collect::<Vec<_>>().join(", ")))
            .collect();
        format!(
            "INSERT INTO service_counts (service_id, dimension, bucket, feedback, voices) VALUES {} \
             ON CONFLICT (service_id, dimension, bucket) DO UPDATE SET \
             feedback = service_counts.feedback + excluded.feedback, voices = service_counts.voices + excluded.voices",
            values.join(", ")
        )
    }
    macro_rules! run {
        ($c:expr, $sql:expr, $chunk:expr) => {{
            let mut q = diesel::sql_query($sql).into_boxed();
            for b in $chunk {
                q = q
                    .bind::<BigInt, _>(b.service_id)
                    .bind::<Text, _>(b.dimension)
                    .bind::<Text, _>(b.bucket.clone())
                    .bind::<BigInt, _>(b.feedback)
                    .bind::<BigInt, _>(b.voices);
            }
            q.execute($c)?;
        }};
    }
    for chunk in bumps.chunks(BUMPS_PER_STATEMENT) {
        match conn {
            Conn::Pg(c) => run!(c, statement(chunk.len(), |n| format!("${n}")), chunk),
            Conn::Sqlite(c) => run!(c, statement(chunk.len(), |_| "?".to_owned()), chunk),
        }
    }
    Ok(())
}

/// Every counter of one dimension of a service.
pub fn of_service(conn: &mut Conn, service_id: i64, dimension: &str) -> QueryResult<Vec<Count>> {
    service_counts::table
        .filter(service_counts::service_id.eq(service_id))
        .filter(service_counts::dimension.eq(dimension))
        .select(Count::as_select())
        .order(service_counts::bucket)
        .load(conn)
}

/// Voices of each bucket of one dimension of a service (a theme id, a district…).
pub fn voices_by_bucket(
    conn: &mut Conn,
    service_id: i64,
    dimension: &str,
) -> QueryResult<std::collections::HashMap<String, i64>> {
    Ok(of_service(conn, service_id, dimension)?.into_iter().map(|c| (c.bucket, c.voices)).collect())
}

/// Counters of one dimension for many services, buckets at or after `from` (e.g. recent weeks).
pub fn of_services(conn: &mut Conn, service_ids: &[i64], dimension: &str, from: &str) -> QueryResult<Vec<Count>> {
    let mut all = Vec::new();
    for chunk in service_ids.chunks(500) {
        all.extend(
            service_counts::table
                .filter(service_counts::service_id.eq_any(chunk))
                .filter(service_counts::dimension.eq(dimension))
                .filter(service_counts::bucket.ge(from))
                .select(Count::as_select())
                .load(conn)?,
        );
    }
    Ok(all)
}

/// Counters of one dimension across every service, buckets at or after `from`.
pub fn of_dimension(conn: &mut Conn, dimension: &str, from: &str) -> QueryResult<Vec<Count>> {
    service_counts::table
        .filter(service_counts::dimension.eq(dimension))
        .filter(service_counts::bucket.ge(from))
        .select(Count::as_select())
        .load(conn)
}

/// Removes a service's counters (of one dimension, or all) before they are counted again;
/// its [`CHANGES`] counter stays, one higher.
pub fn clear(conn: &mut Conn, service_id: i64, dimension: Option<&str>) -> QueryResult<usize> {
    let q = service_counts::table.filter(service_counts::service_id.eq(service_id));
    let removed = match dimension {
        Some(d) => diesel::delete(q.filter(service_counts::dimension.eq(d))).execute(conn)?,
        None => diesel::delete(q.filter(service_counts::dimension.ne(CHANGES))).execute(conn)?,
    };
    touch(conn, service_id)?;
    Ok(removed)
}

/// Voices of a service's visible feedback (its kind counters summed).
pub fn total_voices(conn: &mut Conn, service_id: i64) -> QueryResult<i64> {
    Ok(of_service(conn, service_id, "kind")?.iter().map(|c| c.voices).sum())
}
