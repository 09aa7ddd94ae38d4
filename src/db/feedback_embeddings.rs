//! Sentence embeddings of feedback texts (`feedback_embeddings`), written by the embeddings
//! job and read wherever the pain classifier classifies stored feedback.

use std::collections::HashMap;

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::schema::{feedback, feedback_embeddings};
use super::Conn;
use crate::themes::embedding::Embedding;

/// Feedback the embeddings job may read next: visible, not embedded yet.
#[derive(Debug, Clone, Queryable)]
pub struct Pending {
    /// Feedback id.
    pub id: i64,
    /// The public (masked) text, or the original when nothing was masked.
    pub public_body: Option<String>,
    /// The original text.
    pub body: String,
}

impl Pending {
    /// The text the classifier reads: the public one.
    pub fn text(&self) -> &str {
        self.public_body.as_deref().unwrap_or(&self.body)
    }
}

/// Which way [`pending`] reads from an id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// Ids above the given one, lowest first (feedback that arrived since).
    Above,
    /// Ids below the given one, highest first (older feedback, newest first).
    Below,
}

/// Up to `limit` visible feedback without an embedding, above or below `from`.
pub fn pending(conn: &mut Conn, from: i64, direction: Direction, limit: i64) -> QueryResult<Vec<Pending>> {
    let missing = diesel::dsl::not(diesel::dsl::exists(
        feedback_embeddings::table.filter(feedback_embeddings::feedback_id.eq(feedback::id)),
    ));
    let query = feedback::table
        .filter(feedback::moderation.eq("visible"))
        .filter(missing)
        .select((feedback::id, feedback::public_body, feedback::body))
        .limit(limit);
    match direction {
        Direction::Above => query.filter(feedback::id.gt(from)).order(feedback::id.asc()).load(conn),
        Direction::Below => query.filter(feedback::id.lt(from)).order(feedback::id.desc()).load(conn),
    }
}

/// The highest feedback id (0 when there is none).
pub fn highest_id(conn: &mut Conn) -> QueryResult<i64> {
    feedback::table.select(diesel::dsl::max(feedback::id)).first::<Option<i64>>(conn).map(|m| m.unwrap_or(0))
}

/// The stored embeddings of these feedback (those that have one).
pub fn of_feedback(conn: &mut Conn, ids: &[i64]) -> QueryResult<HashMap<i64, Embedding>> {
    let mut out = HashMap::new();
    for chunk in ids.chunks(500) {
        let rows: Vec<(i64, Vec<u8>)> = feedback_embeddings::table
            .filter(feedback_embeddings::feedback_id.eq_any(chunk))
            .select((feedback_embeddings::feedback_id, feedback_embeddings::embedding))
            .load(conn)?;
        out.extend(rows.into_iter().filter_map(|(id, bytes)| Some((id, Embedding::decode(&bytes)?))));
    }
    Ok(out)
}

/// Stores embeddings of feedback that has none yet; returns the ids stored (another server
/// may have stored some first: those are passed over, not an error).
pub fn insert_new(conn: &mut Conn, rows: &[(i64, Embedding)], now: NaiveDateTime) -> QueryResult<Vec<i64>> {
    #[derive(QueryableByName)]
    struct Stored {
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        feedback_id: i64,
    }
    if rows.is_empty() {
        return Ok(Vec::new());
    }
    use diesel::sql_types::{Array, BigInt, Binary, Timestamp};
    // ON CONFLICT does not go through the multi-backend connection: each backend is named here.
    let stored: Vec<Stored> = match conn {
        Conn::Pg(c) => diesel::sql_query(
            "INSERT INTO feedback_embeddings (feedback_id, embedding, created_at) \
             SELECT id, e, $3 FROM UNNEST($1::bigint[], $2::bytea[]) AS t (id, e) \
             ON CONFLICT (feedback_id) DO NOTHING RETURNING feedback_id",
        )
        .bind::<Array<BigInt>, _>(rows.iter().map(|r| r.0).collect::<Vec<_>>())
        .bind::<Array<Binary>, _>(rows.iter().map(|r| r.1.encode()).collect::<Vec<_>>())
        .bind::<Timestamp, _>(now)
        .load(c)?,
        Conn::Sqlite(c) => {
            let values = vec!["(?, ?, ?)"; rows.len()].join(", ");
            let mut q = diesel::sql_query(format!(
                "INSERT INTO feedback_embeddings (feedback_id, embedding, created_at) VALUES {values} \
                 ON CONFLICT (feedback_id) DO NOTHING RETURNING feedback_id"
            ))
            .into_boxed();
            for (id, e) in rows {
                q = q.bind::<BigInt, _>(*id).bind::<Binary, _>(e.encode()).bind::<Timestamp, _>(now);
            }
            q.load(c)?
        }
    };
    let mut ids: Vec<i64> = stored.into_iter().map(|s| s.feedback_id).collect();
    ids.sort_unstable();
    Ok(ids)
}

/// Drops the embeddings of these feedback (their public text changed); the job does not
/// embed them again until the next start, and until then they are classified by their words.
pub fn forget(conn: &mut Conn, ids: &[i64]) -> QueryResult<usize> {
    diesel::delete(feedback_embeddings::table.filter(feedback_embeddings::feedback_id.eq_any(ids))).execute(conn)
}
