//! The Annual Performance Agreement view: per ministry and department, whether a
//! conversion is committed for the current fiscal year (at least one per department per
//! year), the backlog by status, and items overdue for their quarterly review.

use std::collections::{BTreeMap, HashMap};

use chrono::{Months, NaiveDateTime};

use super::ranking::Ranking;
use crate::db::ministries::Ministry;
use crate::db::offices::Office;
use crate::domain::backlog::{FiscalYear, Status};

/// An open item with no review for this long is overdue.
pub const REVIEW_EVERY_MONTHS: u32 = 3;

/// One department (an office that delivers at least one service).
#[derive(Debug, Clone)]
pub struct Department {
    /// The office.
    pub office: Office,
    /// Services it delivers.
    pub services: usize,
    /// Items it owns that are committed (approved, building or live) for the fiscal year.
    pub committed: Vec<String>,
    /// Items it owns with the fiscal year as target but not yet approved.
    pub planned: Vec<String>,
}

/// One ministry's line.
#[derive(Debug, Clone)]
pub struct MinistryApa {
    /// The ministry.
    pub ministry: Ministry,
    /// Its departments, by code.
    pub departments: Vec<Department>,
    /// Backlog items by status.
    pub by_status: BTreeMap<Status, usize>,
    /// Open items overdue for review: (service code, item id, last review or promotion).
    pub overdue: Vec<(String, i64, NaiveDateTime)>,
}

impl Department {
    fn new(office: Office) -> Department {
        Department { office, services: 0, committed: Vec::new(), planned: Vec::new() }
    }
}

impl MinistryApa {
    /// Departments with a committed conversion for the year.
    pub fn committed_departments(&self) -> usize {
        self.departments.iter().filter(|d| !d.committed.is_empty()).count()
    }
}

/// Whether an open item is overdue: its last review (or, never reviewed, its promotion)
/// is more than three months before `now`.
pub fn is_overdue(status: Status, last: NaiveDateTime, now: NaiveDateTime) -> bool {
    status.is_open() && now.checked_sub_months(Months::new(REVIEW_EVERY_MONTHS)).is_some_and(|limit| last < limit)
}

/// Builds the view for `year` from the ranking (every service with its item) and each
/// item's last review time.
pub fn build(
    ranking: &Ranking,
    last_reviews: &HashMap<i64, NaiveDateTime>,
    offices: &HashMap<i64, Office>,
    year: FiscalYear,
    now: NaiveDateTime,
    keep_ministry: impl Fn(i64) -> bool,
) -> Vec<MinistryApa> {
    let label = year.label();
    let mut by_ministry: BTreeMap<String, MinistryApa> = BTreeMap::new();
    let mut departments: HashMap<i64, Department> = HashMap::new();
    for r in ranking.rows.iter().filter(|r| keep_ministry(r.ministry.id)) {
        let line = by_ministry.entry(r.ministry.code.clone()).or_insert_with(|| MinistryApa {
            ministry: r.ministry.clone(),
            departments: Vec::new(),
            by_status: BTreeMap::new(),
            overdue: Vec::new(),
        });
        departments.entry(r.office.id).or_insert_with(|| Department::new(r.office.clone())).services += 1;
        let (Some(item), Some(status)) = (&r.item, r.status()) else { continue };
        *line.by_status.entry(status).or_insert(0) += 1;
        let last = last_reviews.get(&item.id).copied().unwrap_or(item.created_at);
        if is_overdue(status, last, now) {
            line.overdue.push((r.service.code.clone(), item.id, last));
        }
        if item.target_year.as_deref() == Some(label.as_str()) {
            let owner = r.owner_office_id();
            let dept = departments
                .entry(owner)
                .or_insert_with(|| Department::new(offices.get(&owner).cloned().unwrap_or_else(|| r.office.clone())));
            if status.is_committed() {
                dept.committed.push(r.service.code.clone());
            } else if status.is_open() {
                dept.planned.push(r.service.code.clone());
            }
        }
    }
    for dept in departments.into_values() {
        let ministry_id = dept.office.ministry_id;
        if let Some(line) = by_ministry.values_mut().find(|l| l.ministry.id == ministry_id) {
            line.departments.push(dept);
        }
    }
    let mut lines: Vec<MinistryApa> = by_ministry.into_values().collect();
    for line in &mut lines {
        line.departments.sort_by(|a, b| a.office.code.cmp(&b.office.code));
        line.overdue.sort();
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn at(y: i32, m: u32, d: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, m, d).unwrap().and_hms_opt(12, 0, 0).unwrap()
    }

    #[test]
    fn open_items_are_overdue_after_three_months_without_review() {
        let now = at(2026, 11, 30);
        assert!(is_overdue(Status::Designing, at(2026, 8, 29), now));
        assert!(!is_overdue(Status::Designing, at(2026, 8, 31), now));
        assert!(!is_overdue(Status::Live, at(2025, 1, 1), now));
        assert!(!is_overdue(Status::Dropped, at(2025, 1, 1), now));
    }
}
