//! Designers' side of the backlog: promoting a service with a problem statement and
//! the themes it addresses, and editing both later. Each change is one audited transaction.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use serde_json::json;

use crate::audit::{self, Actor, Target};
use crate::db::backlog_items::{self, BacklogItem, NewBacklogItem};
use crate::db::backlog_moves::{self, NewBacklogMove};
use crate::db::schema::themes;
use crate::db::services::{self, ServiceListing};
use crate::db::{write_transaction, Conn};
use crate::domain::backlog::Status;
use crate::domain::text::clean;
use crate::domain::{FieldError, FieldErrors};
use crate::grouping::edits::EditError;

/// Longest problem statement, per language.
pub const PROBLEM_MAX: usize = 4_000;

/// A problem statement (Bangla and/or English) and the themes it addresses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// In Bangla (may be empty when English is given).
    pub bn: String,
    /// In English (may be empty when Bangla is given).
    pub en: String,
    /// Themes of the same service.
    pub theme_ids: Vec<i64>,
}

impl Problem {
    /// Cleans both texts (NFC, trimmed) and checks that at least one is given and none is too long.
    pub fn parse(bn: &str, en: &str, mut theme_ids: Vec<i64>) -> Result<Problem, FieldErrors> {
        let (bn, en) = (clean(bn), clean(en));
        let mut errors = FieldErrors::new();
        if bn.is_empty() && en.is_empty() {
            errors.push(FieldError::new("problem_bn", "error-backlog-problem-required"));
        }
        for (field, text) in [("problem_bn", &bn), ("problem_en", &en)] {
            if text.chars().count() > PROBLEM_MAX {
                errors.push(FieldError::new(field, "error-backlog-problem-too-long").with("max", PROBLEM_MAX));
            }
        }
        theme_ids.sort_unstable();
        theme_ids.dedup();
        if errors.is_empty() {
            Ok(Problem { bn, en, theme_ids })
        } else {
            Err(errors)
        }
    }
}

/// An item with its service, office and ministry.
pub fn find_with_service(conn: &mut Conn, item_id: i64) -> QueryResult<Option<(BacklogItem, ServiceListing)>> {
    let Some(item) = backlog_items::find(conn, item_id)? else { return Ok(None) };
    Ok(services::find_by_id(conn, item.service_id)?.map(|listing| (item, listing)))
}

/// The audit target of an item.
pub fn target(item_id: i64, listing: &ServiceListing) -> Target {
    Target { kind: "backlog", id: Some(item_id), ministry_id: Some(listing.2.id) }
}

/// What the audit log keeps of an item.
pub fn snapshot(item: &BacklogItem, theme_ids: &[i64]) -> serde_json::Value {
    json!({
        "problem_bn": item.problem_bn, "problem_en": item.problem_en, "themes": theme_ids,
        "status": item.status, "drop_reason": item.drop_reason, "target_year": item.target_year,
        "owner_office_id": item.owner_office_id,
    })
}

fn check_themes(conn: &mut Conn, service_id: i64, ids: &[i64]) -> Result<(), EditError> {
    let found: i64 = themes::table
        .filter(themes::id.eq_any(ids))
        .filter(themes::service_id.eq(service_id))
        .count()
        .get_result(conn)?;
    if found as usize != ids.len() {
        return Err(EditError::Invalid(FieldErrors(vec![FieldError::new("themes", "error-backlog-theme-unknown")])));
    }
    Ok(())
}

/// Promotes a service to the backlog (status identified). A service has at most one item.
pub fn promote(
    conn: &mut Conn,
    actor: &Actor,
    service_id: i64,
    problem: &Problem,
    now: NaiveDateTime,
) -> Result<BacklogItem, EditError> {
    write_transaction(conn, |c| {
        let listing = services::find_by_id(c, service_id)?.ok_or(EditError::NotFound)?;
        if backlog_items::for_service(c, service_id)?.is_some() {
            return Err(EditError::Invalid(FieldErrors(vec![FieldError::new("service", "error-backlog-exists")])));
        }
        check_themes(c, service_id, &problem.theme_ids)?;
        let new = NewBacklogItem {
            service_id,
            problem_bn: problem.bn.clone(),
            problem_en: problem.en.clone(),
            status: Status::Identified.as_str().to_owned(),
            target_year: None,
            owner_office_id: Some(listing.1.id),
            created_by: actor.staff_id,
            created_at: now,
            updated_at: now,
        };
        let item = backlog_items::insert(c, &new)?;
        backlog_items::set_themes(c, item.id, &problem.theme_ids)?;
        let first = NewBacklogMove {
            backlog_item_id: item.id,
            from_status: None,
            to_status: item.status.clone(),
            note: String::new(),
            staff_id: actor.staff_id,
            created_at: now,
        };
        let recorded = backlog_moves::insert(c, &first)?;
        super::moves::announce(c, recorded.id, now)?;
        let after = snapshot(&item, &problem.theme_ids);
        audit::record(c, actor, "backlog.promote", target(item.id, &listing), None, Some(after))?;
        Ok(item)
    })
}

/// Replaces an item's problem statement and linked themes.
pub fn edit_problem(
    conn: &mut Conn,
    actor: &Actor,
    item_id: i64,
    problem: &Problem,
    now: NaiveDateTime,
) -> Result<BacklogItem, EditError> {
    write_transaction(conn, |c| {
        let (mut item, listing) = find_with_service(c, item_id)?.ok_or(EditError::NotFound)?;
        check_themes(c, item.service_id, &problem.theme_ids)?;
        let before = snapshot(&item, &backlog_items::theme_ids(c, item_id)?);
        item.problem_bn = problem.bn.clone();
        item.problem_en = problem.en.clone();
        item.updated_at = now;
        backlog_items::save(c, &item)?;
        backlog_items::set_themes(c, item_id, &problem.theme_ids)?;
        let after = snapshot(&item, &problem.theme_ids);
        audit::record(c, actor, "backlog.problem", target(item_id, &listing), Some(before), Some(after))?;
        Ok(item)
    })
}
