//! One snapshot of the ranking per fiscal quarter, taken as the quarter opens (by the
//! schedule that runs every minute in `serve`, or the first look at the backlog, whichever
//! comes first), and what moved since.

use std::collections::HashMap;

use chrono::NaiveDateTime;
use diesel::QueryResult;

use super::ranking::{Ranked, Ranking};
use crate::db::backlog_snapshots::{self, SnapshotRow};
use crate::db::{is_unique_violation, write_transaction, Conn};
use crate::domain::backlog::Quarter;
use crate::domain::scoring::Rates;

/// A score change smaller than this (points out of 100) is not news.
pub const SCORE_CHANGE_MIN: f64 = 1.0;

/// Takes the snapshot of the quarter `now` falls in, unless it exists. Another process
/// taking it at the same moment is not an error.
pub fn ensure(conn: &mut Conn, ranking: &Ranking, now: NaiveDateTime) -> QueryResult<bool> {
    let quarter = Quarter::of(now.date()).label();
    if backlog_snapshots::exists(conn, &quarter)? {
        return Ok(false);
    }
    let rows: Vec<SnapshotRow> = ranking
        .rows
        .iter()
        .map(|r| SnapshotRow {
            quarter: quarter.clone(),
            service_id: r.service.id,
            in_backlog: r.item.is_some(),
            status: r.item.as_ref().map(|i| i.status.clone()),
            target_year: r.item.as_ref().and_then(|i| i.target_year.clone()),
            rank: r.rank as i32,
            score_milli: (r.score.total * 1000.0).round() as i64,
            taken_at: now,
        })
        .collect();
    match write_transaction(conn, |c| backlog_snapshots::insert(c, &rows)) {
        Ok(()) => Ok(true),
        Err(e) if is_unique_violation(&e) => Ok(false),
        Err(e) => Err(e),
    }
}

/// Takes the current quarter's snapshot if it is missing, ranking only then (the check is
/// one indexed lookup, cheap enough to run every minute).
pub fn ensure_current(conn: &mut Conn, rates: Rates, now: NaiveDateTime) -> QueryResult<bool> {
    if backlog_snapshots::exists(conn, &Quarter::of(now.date()).label())? {
        return Ok(false);
    }
    let ranking = super::ranking::build(conn, rates, now)?;
    ensure(conn, &ranking, now)
}

/// What changed for one service since the snapshot.
#[derive(Debug, Clone)]
pub struct Moved<'a> {
    /// The service now.
    pub now: &'a Ranked,
    /// It entered the backlog since.
    pub new_item: bool,
    /// Its status then, when it changed.
    pub status_before: Option<Option<String>>,
    /// Its score then, when it changed by at least [`SCORE_CHANGE_MIN`].
    pub score_before: Option<f64>,
    /// Its rank then.
    pub rank_before: Option<i32>,
}

/// Compares the ranking with the snapshot of `quarter`: backlog items (now or then) that were
/// added, changed status or score, in rank order.
pub fn moved_since<'a>(
    conn: &mut Conn,
    ranking: &'a Ranking,
    quarter: &str,
    keep: impl Fn(&Ranked) -> bool,
) -> QueryResult<Vec<Moved<'a>>> {
    let then: HashMap<i64, SnapshotRow> =
        backlog_snapshots::of_quarter(conn, quarter)?.into_iter().map(|r| (r.service_id, r)).collect();
    if then.is_empty() {
        return Ok(Vec::new());
    }
    Ok(ranking
        .rows
        .iter()
        .filter(|r| keep(r))
        .filter_map(|r| {
            let before = then.get(&r.service.id);
            // The backlog's news: items now or then; candidates' drifting scores are not news.
            if r.item.is_none() && !before.is_some_and(|b| b.in_backlog) {
                return None;
            }
            let status_now = r.item.as_ref().map(|i| i.status.clone());
            let status_then = before.and_then(|b| b.status.clone());
            let score_then = before.map(|b| b.score_milli as f64 / 1000.0);
            let moved = Moved {
                now: r,
                new_item: r.item.is_some() && !before.is_some_and(|b| b.in_backlog),
                status_before: (status_now != status_then).then_some(status_then),
                score_before: score_then.filter(|s| (s - r.score.total).abs() >= SCORE_CHANGE_MIN),
                rank_before: before.map(|b| b.rank),
            };
            (moved.new_item || moved.status_before.is_some() || moved.score_before.is_some()).then_some(moved)
        })
        .collect())
}
