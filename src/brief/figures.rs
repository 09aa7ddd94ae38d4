//! What the to-be journey promises against today: the target days, cost and visits of one
//! application, its burden with the backlog score's rates and yearly applications, today's
//! burden as the score computes it, and the yearly savings between them.

use chrono::NaiveDateTime;
use serde::Serialize;

use super::design::{Design, Savings, Target};
use crate::backlog::inputs::{combine, CountedCache};
use crate::db::services::ServiceListing;
use crate::db::Conn;
use crate::domain::scoring::{Burden, Rates};

/// Today's burden, the design's target and the savings.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, utoipa::ToSchema)]
pub struct Figures {
    /// Today, as the backlog score reads it (reported medians, else the charter's promise).
    #[schema(value_type = Object)]
    pub today: Burden,
    /// The to-be journey.
    pub target: Target,
    /// Today less the target.
    pub savings: Savings,
    /// Yearly applications both are multiplied by (the charter's estimate); null when unknown.
    pub yearly_applications: Option<i64>,
}

/// The figures of `design` against `today` (a service with `yearly_applications`); none while
/// the design has no step.
pub fn compare(today: Burden, yearly_applications: Option<i64>, design: &Design, rates: Rates) -> Option<Figures> {
    if design.steps.is_empty() {
        return None;
    }
    let target = design.target(rates, yearly_applications);
    Some(Figures { today, target, savings: Savings::between(&today, &target), yearly_applications })
}

/// The figures of `design` for `listing`, today's burden read as the backlog score reads it.
pub fn of(
    conn: &mut Conn,
    counted: &CountedCache,
    rates: Rates,
    now: NaiveDateTime,
    listing: &ServiceListing,
    design: &Design,
) -> diesel::QueryResult<Option<Figures>> {
    if design.steps.is_empty() {
        return Ok(None);
    }
    let all = counted.get(conn, now)?;
    let inputs = combine(std::slice::from_ref(listing), &all).remove(&listing.0.id).unwrap_or_default();
    Ok(compare(inputs.burden(rates), inputs.yearly_applications, design, rates))
}
