//! Ministries' side of the backlog: status moves along the workflow, priority inputs
//! (target year, owner office, category, yearly applications) and quarterly reviews.
//! Each change is one audited transaction; a status move also queues the citizens' news.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use serde_json::json;

use super::shaping::{find_with_service, snapshot, target};
use crate::audit::{self, Actor};
use crate::db::backlog_items::{self, BacklogItem};
use crate::db::backlog_moves::{self, NewBacklogMove};
use crate::db::backlog_reviews::{self, BacklogReview, NewBacklogReview};
use crate::db::schema::{offices, services};
use crate::db::{write_transaction, Conn};
use crate::domain::backlog::{FiscalYear, Quarter, Status};
use crate::domain::text::clean;
use crate::domain::{FieldError, FieldErrors};
use crate::grouping::edits::EditError;

/// Longest note, reason or review text.
pub const NOTE_MAX: usize = 2_000;

fn invalid(field: &'static str, code: &'static str) -> EditError {
    EditError::Invalid(FieldErrors(vec![FieldError::new(field, code)]))
}

/// Cleans a note and checks its length.
pub fn parse_note(field: &'static str, raw: &str, required: bool) -> Result<String, FieldError> {
    let text = clean(raw);
    if required && text.is_empty() {
        Err(FieldError::new(field, "error-backlog-note-required"))
    } else if text.chars().count() > NOTE_MAX {
        Err(FieldError::new(field, "error-backlog-note-too-long").with("max", NOTE_MAX))
    } else {
        Ok(text)
    }
}

/// Queues what a status move tells citizens, inside the move's transaction.
pub fn announce(conn: &mut Conn, move_id: i64, now: NaiveDateTime) -> QueryResult<usize> {
    crate::email::notifications::queue_backlog_status_change(conn, move_id, now)
}

fn apply_move(
    c: &mut Conn,
    actor: &Actor,
    item: &mut BacklogItem,
    to: Status,
    note: &str,
    now: NaiveDateTime,
) -> Result<(), EditError> {
    let from = Status::parse(&item.status).ok_or(EditError::NotFound)?;
    if !from.may_move_to(to) {
        return Err(invalid("status", "error-backlog-move"));
    }
    if to == Status::Dropped && note.is_empty() {
        return Err(invalid("note", "error-backlog-drop-reason"));
    }
    item.status = to.as_str().to_owned();
    item.drop_reason = (to == Status::Dropped).then(|| note.to_owned());
    item.updated_at = now;
    backlog_items::save(c, item)?;
    let new = NewBacklogMove {
        backlog_item_id: item.id,
        from_status: Some(from.as_str().to_owned()),
        to_status: to.as_str().to_owned(),
        note: note.to_owned(),
        staff_id: actor.staff_id,
        created_at: now,
    };
    let recorded = backlog_moves::insert(c, &new)?;
    announce(c, recorded.id, now)?;
    Ok(())
}

/// Moves an item to `to` (an allowed move only; dropping needs a reason in `note`).
pub fn move_status(
    conn: &mut Conn,
    actor: &Actor,
    item_id: i64,
    to: Status,
    note: &str,
    now: NaiveDateTime,
) -> Result<BacklogItem, EditError> {
    write_transaction(conn, |c| {
        let (mut item, listing) = find_with_service(c, item_id)?.ok_or(EditError::NotFound)?;
        let themes = backlog_items::theme_ids(c, item_id)?;
        let before = snapshot(&item, &themes);
        apply_move(c, actor, &mut item, to, note, now)?;
        let after = snapshot(&item, &themes);
        audit::record(c, actor, "backlog.status", target(item_id, &listing), Some(before), Some(after))?;
        Ok(item)
    })
}

/// What a ministry sets to prioritise an item (`None` clears the target year or category).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Priorities {
    /// Fiscal year of the conversion.
    pub target_year: Option<FiscalYear>,
    /// Office that owns the conversion (of the same ministry).
    pub owner_office_id: i64,
    /// Roadmap category 1 or 2 (stored on the service).
    pub category: Option<i32>,
    /// Estimated yearly applications (stored on the service).
    pub yearly_applications: Option<i64>,
}

/// Sets an item's priority inputs.
pub fn set_priorities(
    conn: &mut Conn,
    actor: &Actor,
    item_id: i64,
    p: &Priorities,
    now: NaiveDateTime,
) -> Result<BacklogItem, EditError> {
    write_transaction(conn, |c| {
        let (mut item, listing) = find_with_service(c, item_id)?.ok_or(EditError::NotFound)?;
        let (service, ministry) = (&listing.0, &listing.2);
        let office_ministry: Option<i64> =
            offices::table.find(p.owner_office_id).select(offices::ministry_id).first(c).optional()?;
        if office_ministry != Some(ministry.id) {
            return Err(invalid("owner_office", "error-backlog-office"));
        }
        let themes = backlog_items::theme_ids(c, item_id)?;
        let mut before = snapshot(&item, &themes);
        before["category"] = json!(service.roadmap_category);
        before["yearly_applications"] = json!(service.yearly_applications);
        item.target_year = p.target_year.map(FiscalYear::label);
        item.owner_office_id = Some(p.owner_office_id);
        item.updated_at = now;
        backlog_items::save(c, &item)?;
        diesel::update(services::table.find(service.id))
            .set((
                services::roadmap_category.eq(p.category),
                services::yearly_applications.eq(p.yearly_applications),
                services::updated_at.eq(now),
            ))
            .execute(c)?;
        let mut after = snapshot(&item, &themes);
        after["category"] = json!(p.category);
        after["yearly_applications"] = json!(p.yearly_applications);
        audit::record(c, actor, "backlog.priorities", target(item_id, &listing), Some(before), Some(after))?;
        Ok(item)
    })
}

/// A quarterly review as typed: progress, the status after the review, the next step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Review {
    /// What moved this quarter.
    pub progress: String,
    /// The status after the review (a move when it differs).
    pub status: Status,
    /// What comes next.
    pub next_step: String,
}

/// Records a review for the current fiscal quarter, moving the status when it changed.
pub fn record_review(
    conn: &mut Conn,
    actor: &Actor,
    item_id: i64,
    review: &Review,
    now: NaiveDateTime,
) -> Result<BacklogReview, EditError> {
    write_transaction(conn, |c| {
        let (mut item, listing) = find_with_service(c, item_id)?.ok_or(EditError::NotFound)?;
        if item.status != review.status.as_str() {
            apply_move(c, actor, &mut item, review.status, &review.progress, now)?;
        }
        let new = NewBacklogReview {
            backlog_item_id: item_id,
            quarter: Quarter::of(now.date()).label(),
            progress: review.progress.clone(),
            status: review.status.as_str().to_owned(),
            next_step: review.next_step.clone(),
            staff_id: actor.staff_id,
            created_at: now,
            brief_version: crate::db::brief_versions::latest(c, item_id)?.map(|v| v.number),
        };
        let stored = backlog_reviews::insert(c, &new)?;
        let after = json!({ "quarter": stored.quarter, "progress": stored.progress, "status": stored.status,
                            "next_step": stored.next_step, "brief_version": stored.brief_version });
        audit::record(c, actor, "backlog.review", target(item_id, &listing), None, Some(after))?;
        Ok(stored)
    })
}
