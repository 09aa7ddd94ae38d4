//! Scoring weights: the national default and each ministry's own.

use std::collections::HashMap;

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::schema::score_weights;
use super::Conn;
use crate::domain::scoring::Weights;

type Row = (Option<i64>, i32, i32, i32, i32, i32);

fn weights(r: &Row) -> Weights {
    Weights::from_array([r.1, r.2, r.3, r.4, r.5])
}

/// Every stored set: the national default under `None`, ministries under their id.
pub fn all(conn: &mut Conn) -> QueryResult<HashMap<Option<i64>, Weights>> {
    let rows: Vec<Row> = score_weights::table
        .select((
            score_weights::ministry_id,
            score_weights::demand,
            score_weights::burden,
            score_weights::gap,
            score_weights::severity,
            score_weights::readiness,
        ))
        .load(conn)?;
    Ok(rows.iter().map(|r| (r.0, weights(r))).collect())
}

/// Stores the weights of a ministry (`None`: the national default), replacing earlier ones.
pub fn set(
    conn: &mut Conn,
    ministry_id: Option<i64>,
    w: Weights,
    staff_id: Option<i64>,
    now: NaiveDateTime,
) -> QueryResult<()> {
    let values = (
        score_weights::demand.eq(w.demand),
        score_weights::burden.eq(w.burden),
        score_weights::gap.eq(w.gap),
        score_weights::severity.eq(w.severity),
        score_weights::readiness.eq(w.readiness),
        score_weights::updated_by.eq(staff_id),
        score_weights::updated_at.eq(now),
    );
    let updated = match ministry_id {
        Some(id) => {
            diesel::update(score_weights::table.filter(score_weights::ministry_id.eq(id))).set(values).execute(conn)?
        }
        None => diesel::update(score_weights::table.filter(score_weights::ministry_id.is_null()))
            .set(values)
            .execute(conn)?,
    };
    if updated == 0 {
        diesel::insert_into(score_weights::table)
            .values((score_weights::ministry_id.eq(ministry_id), values))
            .execute(conn)?;
    }
    Ok(())
}

/// Removes a ministry's own weights, so it follows the national default again.
pub fn reset(conn: &mut Conn, ministry_id: i64) -> QueryResult<usize> {
    diesel::delete(score_weights::table.filter(score_weights::ministry_id.eq(ministry_id))).execute(conn)
}
