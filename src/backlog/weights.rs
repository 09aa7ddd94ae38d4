//! Changing the scoring weights: a ministry's own (ministry admins) or the national
//! default (cabinet admins). Audited, with the weights before and after.

use chrono::NaiveDateTime;
use serde_json::json;

use crate::audit::{self, Actor, Target};
use crate::db::{score_weights, write_transaction, Conn};
use crate::domain::scoring::Weights;

/// Stores `weights` for a ministry (`None`: national), or with `weights` `None` removes the
/// ministry's own so it follows the national default.
pub fn set(
    conn: &mut Conn,
    actor: &Actor,
    ministry_id: Option<i64>,
    weights: Option<Weights>,
    now: NaiveDateTime,
) -> diesel::QueryResult<()> {
    write_transaction(conn, |c| {
        let before = score_weights::all(c)?.get(&ministry_id).copied();
        match (weights, ministry_id) {
            (Some(w), _) => score_weights::set(c, ministry_id, w, actor.staff_id, now)?,
            (None, Some(m)) => {
                score_weights::reset(c, m)?;
            }
            (None, None) => {}
        }
        let target = Target { kind: "weights", id: ministry_id, ministry_id };
        audit::record(c, actor, "backlog.weights", target, Some(json!(before)), Some(json!(weights)))
    })
}
