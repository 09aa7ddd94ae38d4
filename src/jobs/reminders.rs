//! The quarterly review reminder. Ministries review their backlog every three
//! months; from the configured hour (UTC) on, each enabled ministry admin gets one
//! reminder per fiscal quarter (key `reminder:<staff>:<quarter>`) listing the open
//! items of their ministries that are due: no review in the last three months, or,
//! never reviewed, promoted more than three months ago (a newer item is not due
//! yet). An admin with nothing due gets nothing, and is looked at again later in
//! the quarter, so an item that falls due mid-quarter is still reminded of.

use std::collections::HashMap;

use chrono::{Months, NaiveDateTime, Timelike};
use diesel::prelude::*;

use crate::db::backlog_items::{self, BacklogItem};
use crate::db::schema::{offices, services, staff_users};
use crate::db::staff_users::{self as staff_db, StaffUser};
use crate::db::{backlog_reviews, is_unique_violation, outbox, write_transaction, Conn};
use crate::domain::backlog::{Quarter, Status};
use crate::domain::staff::Role;
use crate::domain::Locale;
use crate::email::notifications::{queue_review_reminder, status_message_id, Reminder, ReminderItem};

/// An item due for review, with what the reminder shows.
#[derive(Debug, Clone)]
pub struct DueItem {
    /// The item.
    pub item: BacklogItem,
    /// Its service's ministry.
    pub ministry_id: i64,
    /// Service name in Bangla and English.
    pub service: (String, String),
    /// When last reviewed.
    pub last_review: Option<NaiveDateTime>,
}

/// Whether an open item needs a review at `now`: its last review, or else its
/// promotion, is three months old or more.
pub fn is_due(status: &str, created_at: NaiveDateTime, last_review: Option<NaiveDateTime>, now: NaiveDateTime) -> bool {
    let open = Status::parse(status).is_some_and(Status::is_open);
    let cutoff = now.checked_sub_months(Months::new(3)).unwrap_or(now);
    open && last_review.unwrap_or(created_at) <= cutoff
}

/// Every item due for review at `now`.
pub fn due_items(conn: &mut Conn, now: NaiveDateTime) -> QueryResult<Vec<DueItem>> {
    let reviewed: HashMap<i64, NaiveDateTime> = backlog_reviews::last_review_times(conn)?.into_iter().collect();
    let due: Vec<BacklogItem> = backlog_items::all(conn)?
        .into_iter()
        .filter(|i| is_due(&i.status, i.created_at, reviewed.get(&i.id).copied(), now))
        .collect();
    let service_ids: Vec<i64> = due.iter().map(|i| i.service_id).collect();
    let mut names: HashMap<i64, (i64, String, String)> = HashMap::new();
    for chunk in service_ids.chunks(500) {
        let rows: Vec<(i64, i64, String, String)> = services::table
            .inner_join(offices::table)
            .filter(services::id.eq_any(chunk))
            .select((services::id, offices::ministry_id, services::name_bn, services::name_en))
            .load(conn)?;
        names.extend(rows.into_iter().map(|(id, m, bn, en)| (id, (m, bn, en))));
    }
    Ok(due
        .into_iter()
        .filter_map(|item| {
            let (ministry_id, bn, en) = names.get(&item.service_id)?.clone();
            let last_review = reviewed.get(&item.id).copied();
            Some(DueItem { item, ministry_id, service: (bn, en), last_review })
        })
        .collect())
}

/// Queues this quarter's reminder for every ministry admin with items due and no
/// reminder yet this quarter, once `now` is past `hour` (UTC). Returns how many.
pub fn queue_review_reminders(conn: &mut Conn, now: NaiveDateTime, hour: u32) -> QueryResult<usize> {
    if now.hour() < hour {
        return Ok(0);
    }
    let quarter = Quarter::of(now.date()).label();
    let admins: Vec<StaffUser> = staff_users::table
        .filter(staff_users::role.eq(Role::MinistryAdmin.as_str()))
        .filter(staff_users::disabled_at.is_null())
        .order(staff_users::id)
        .select(StaffUser::as_select())
        .load(conn)?;
    let mut pending = Vec::new();
    for admin in admins {
        let key = format!("reminder:{}:{quarter}", admin.id);
        if !outbox::has_key(conn, &key)? {
            pending.push((admin, key));
        }
    }
    if pending.is_empty() {
        return Ok(0);
    }
    let due = due_items(conn, now)?;
    let mut queued = 0;
    for (admin, key) in pending {
        let ministries = staff_db::ministry_ids(conn, admin.id)?;
        let locale = Locale::parse(&admin.locale).unwrap_or_default();
        let items: Vec<ReminderItem> = due
            .iter()
            .filter(|d| ministries.contains(&d.ministry_id))
            .map(|d| ReminderItem {
                service: locale.pick(&d.service.0, &d.service.1).to_owned(),
                status_id: status_message_id(&d.item.status),
                last_review: d.last_review.map(|t| t.date().to_string()),
            })
            .collect();
        if items.is_empty() {
            continue;
        }
        let reminder = Reminder { quarter: quarter.clone(), items };
        match write_transaction(conn, |c| queue_review_reminder(c, &admin, &reminder, &key, now)) {
            Ok(true) => queued += 1,
            Ok(false) => {}
            Err(err) if is_unique_violation(&err) => {}
            Err(err) => return Err(err),
        }
    }
    Ok(queued)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(y: i32, m: u32, d: u32) -> NaiveDateTime {
        chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap().and_hms_opt(2, 0, 0).unwrap()
    }

    #[test]
    fn an_open_item_is_due_three_months_after_its_last_review_or_its_promotion() {
        let now = at(2026, 11, 30);
        assert!(is_due("designing", at(2026, 1, 1), Some(at(2026, 8, 30)), now));
        assert!(!is_due("designing", at(2026, 1, 1), Some(at(2026, 9, 1)), now));
        assert!(is_due("identified", at(2026, 8, 1), None, now));
        assert!(!is_due("identified", at(2026, 10, 1), None, now));
    }

    #[test]
    fn live_and_dropped_items_are_never_due() {
        let now = at(2026, 11, 30);
        assert!(!is_due("live", at(2025, 1, 1), None, now));
        assert!(!is_due("dropped", at(2025, 1, 1), None, now));
    }
}
