//! An operator correcting a typo in their own entry, within a day of it. The
//! counters follow the corrected facts in the same transaction, and the audit log
//! records what changed (never the text itself, which may hold personal data).

use chrono::{Duration, NaiveDateTime};
use serde_json::json;

use crate::audit::{self, Actor, Target};
use crate::counts::{Facts, Tally};
use crate::db::provenance::{self, Correction};
use crate::db::{moderation, services, write_transaction, Conn};
use crate::domain::district::District;
use crate::domain::feedback::{FeedbackKind, FeedbackText, Moderation, Tcv};

/// How long after an entry its operator may correct it.
pub const CORRECTION_WINDOW: Duration = Duration::hours(24);

/// The corrected fields, checked.
#[derive(Debug, Clone)]
pub struct Corrected {
    /// Kind.
    pub kind: FeedbackKind,
    /// Text.
    pub text: FeedbackText,
    /// Time, cost, visits.
    pub tcv: Tcv,
    /// District.
    pub district: District,
}

/// Why a correction was refused.
#[derive(Debug, thiserror::Error)]
pub enum CorrectionError {
    /// No such entry of this operator.
    #[error("not found")]
    NotFound,
    /// The entry is older than [`CORRECTION_WINDOW`].
    #[error("correction window closed")]
    WindowClosed,
    /// The database failed.
    #[error(transparent)]
    Database(#[from] diesel::result::Error),
}

/// Whether an entry received at `created_at` may still be corrected at `now`.
pub fn within_window(created_at: NaiveDateTime, now: NaiveDateTime) -> bool {
    now - created_at <= CORRECTION_WINDOW
}

/// Applies `corrected` to entry `id` of `operator_id`; returns its tracking code.
pub fn correct(
    conn: &mut Conn,
    actor: &Actor,
    operator_id: i64,
    id: i64,
    corrected: &Corrected,
    now: NaiveDateTime,
) -> Result<String, CorrectionError> {
    write_transaction(conn, |c| {
        let source = provenance::source_of(c, id)?;
        if source.and_then(|s| s.operator_id) != Some(operator_id) {
            return Err(CorrectionError::NotFound);
        }
        let f = moderation::find(c, id)?.ok_or(CorrectionError::NotFound)?;
        if !within_window(f.created_at, now) {
            return Err(CorrectionError::WindowClosed);
        }
        let ministry_id = services::find_by_id(c, f.service_id)?.map(|(_, _, m)| m.id);
        let body = corrected.text.as_str().to_owned();
        let public = crate::domain::pii::mask(&body);
        let change = Correction {
            kind: corrected.kind.as_str().to_owned(),
            has_personal_data: public != body,
            public_body: Some(public),
            body,
            days_taken: corrected.tcv.days,
            cost_bdt: corrected.tcv.cost_bdt,
            visits: corrected.tcv.visits,
            district: corrected.district.code().to_owned(),
            updated_at: now,
        };
        // A typo fix keeps the entry in its theme; the counted facts move with the correction.
        if f.moderation == Moderation::Visible.as_str() {
            let before = Facts::from(&f);
            let after = Facts {
                kind: change.kind.clone(),
                district: change.district.clone(),
                days: change.days_taken,
                cost: change.cost_bdt,
                visits: change.visits,
                ..before.clone()
            };
            let mut tally = Tally::default();
            tally.add(&before, -1, -f.voices());
            tally.add(&after, 1, f.voices());
            tally.apply(c)?;
        }
        provenance::correct(c, id, &change)?;
        let facts = |kind: &str, district: &str, days: Option<i32>, cost: Option<i64>, visits: Option<i32>| json!({ "kind": kind, "district": district, "days": days, "cost": cost, "visits": visits });
        let mut after = facts(&change.kind, &change.district, change.days_taken, change.cost_bdt, change.visits);
        after["text_changed"] = json!(change.body != f.body);
        let before = facts(&f.kind, &f.district, f.days_taken, f.cost_bdt, f.visits);
        let target = Target { kind: "feedback", id: Some(id), ministry_id };
        audit::record(c, actor, "feedback.correct", target, Some(before), Some(after))?;
        Ok(f.tracking_code)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_may_be_corrected_for_a_day() {
        let at = chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap().and_hms_opt(10, 0, 0).unwrap();
        assert!(within_window(at, at + Duration::hours(23)));
        assert!(within_window(at, at + Duration::hours(24)));
        assert!(!within_window(at, at + Duration::hours(24) + Duration::seconds(1)));
    }
}
