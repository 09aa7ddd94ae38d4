//! Saving the brief's design: each save is a new version over the one the designer opened.
//! A save over an older version (someone else saved since) is refused and stores nothing, so
//! the designer can compare and save again; a save that changes nothing stores nothing either.
//! Every version is audited with what changed.

use chrono::NaiveDateTime;
use serde_json::json;

use super::design::Design;
use super::design_diff::{changes, Change};
use super::design_form::SentDesign;
use crate::audit::{self, Actor, Target};
use crate::db::brief_versions::{self, NewBriefVersion};
use crate::db::{is_unique_violation, write_transaction, Conn};

/// What a save did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Saved {
    /// Stored as version `number`, with these changes.
    Version {
        /// The new version.
        number: i32,
        /// What changed from the one before.
        changes: Vec<Change>,
    },
    /// Nothing differed from version `number`: nothing stored.
    Unchanged {
        /// The latest version.
        number: i32,
    },
}

/// Why a save stored nothing.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    /// Version `latest` was saved after the one the designer opened.
    #[error("brief version {latest} was saved since")]
    Stale {
        /// The latest version now.
        latest: i32,
    },
    /// The database failed.
    #[error(transparent)]
    Database(#[from] diesel::result::Error),
}

/// Saves `sent` as the next version of item `item_id` (of ministry `ministry_id`).
pub fn save(
    conn: &mut Conn,
    actor: &Actor,
    (item_id, ministry_id): (i64, i64),
    sent: &SentDesign,
    now: NaiveDateTime,
) -> Result<Saved, SaveError> {
    let result = write_transaction(conn, |c| -> Result<Saved, SaveError> {
        let latest = brief_versions::latest(c, item_id)?;
        let latest_number = latest.as_ref().map_or(0, |v| v.number);
        if sent.base_version != latest_number {
            return Err(SaveError::Stale { latest: latest_number });
        }
        let before = latest.map(|v| Design::from_json(&v.design)).unwrap_or_default();
        let changes = changes(&before, &sent.design);
        if changes.is_empty() {
            return Ok(Saved::Unchanged { number: latest_number });
        }
        let number = latest_number + 1;
        brief_versions::insert(
            c,
            &NewBriefVersion {
                backlog_item_id: item_id,
                number,
                design: sent.design.to_json(),
                changes: serde_json::to_string(&changes).expect("changes serialise"),
                staff_id: actor.staff_id,
                saved_by: actor.label.clone(),
                created_at: now,
            },
        )?;
        let target = Target { kind: "backlog", id: Some(item_id), ministry_id: Some(ministry_id) };
        audit::record(
            c,
            actor,
            "backlog.brief",
            target,
            Some(json!({ "version": latest_number })),
            Some(json!({ "version": number, "changes": changes })),
        )?;
        Ok(Saved::Version { number, changes })
    });
    match result {
        // Another save of the same version landed first.
        Err(SaveError::Database(e)) if is_unique_violation(&e) => {
            let latest = brief_versions::latest(conn, item_id)?.map_or(0, |v| v.number);
            Err(SaveError::Stale { latest })
        }
        other => other,
    }
}
