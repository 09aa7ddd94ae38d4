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

/// Adds `feedback` and `voices` (either may be negative) to one counter, creating it if needed.
pub fn bump(
    conn: &mut Conn,
    service_id: i64,
    dimension: &str,
    bucket: &str,
    feedback: i64,
    voices: i64,
) -> QueryResult<()> {
    // An upsert: diesel's ON CONFLICT does not go through the multi-backend connection,
    // so the statement is written once and given each backend's placeholders.
    const SQL: &str = "INSERT INTO service_counts (service_id, dimension, bucket, feedback, voices) \
        VALUES (#, #, #, #, #) ON CONFLICT (service_id, dimension, bucket) DO UPDATE SET \
        feedback = service_counts.feedback + excluded.feedback, voices = service_counts.voices + excluded.voices";
    fn numbered(sql: &str) -> String {
        let mut n = 0;
        sql.split('#').enumerate().fold(String::new(), |mut out, (i, part)| {
            if i > 0 {
                n += 1;
                out.push_str(&format!("${n}"));
            }
            out.push_str(part);
            out
        })
    }
    macro_rules! run {
        ($c:expr, $sql:expr) => {
            diesel::sql_query($sql)
                .bind::<BigInt, _>(service_id)
                .bind::<Text, _>(dimension)
                .bind::<Text, _>(bucket)
                .bind::<BigInt, _>(feedback)
                .bind::<BigInt, _>(voices)
                .execute($c)
                .map(drop)
        };
    }
    match conn {
        Conn::Pg(c) => run!(c, numbered(SQL)),
        Conn::Sqlite(c) => run!(c, SQL.replace('#', "?")),
    }
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

/// Removes a service's counters (of one dimension, or all) before they are counted again.
pub fn clear(conn: &mut Conn, service_id: i64, dimension: Option<&str>) -> QueryResult<usize> {
    let q = service_counts::table.filter(service_counts::service_id.eq(service_id));
    match dimension {
        Some(d) => diesel::delete(q.filter(service_counts::dimension.eq(d))).execute(conn),
        None => diesel::delete(q).execute(conn),
    }
}

/// Voices of a service's visible feedback (its kind counters summed).
pub fn total_voices(conn: &mut Conn, service_id: i64) -> QueryResult<i64> {
    Ok(of_service(conn, service_id, "kind")?.iter().map(|c| c.voices).sum())
}
