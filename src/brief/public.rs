//! The before and after a live e-service shows citizens on its service page: what the service
//! took before it went live (the charter's steps and the median days, cost and visits citizens
//! reported until then), what the e-service promises (the design's steps and targets), and which
//! of the citizens' expectations it took in (labels and voices of published themes only, never
//! quotes). The public page reads three numbers per feedback sent before the go-live, kept for
//! ten minutes per service, never the texts.

use std::collections::HashMap;

use std::sync::{Mutex, OnceLock};
use std::time::Instant;

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::design::{Decision, Design, ToBeStep};
use super::journey::{median, Reported};
use crate::backlog::public::Shown;
use crate::db::schema::feedback;
use crate::db::services::Service;
use crate::db::{backlog_moves, brief_versions, Conn};

/// What the service took before it went live.
#[derive(Debug, Clone, PartialEq)]
pub struct Before {
    /// When it went live: the figures are of feedback sent before.
    pub until: NaiveDateTime,
    /// The charter's steps.
    pub steps: usize,
    /// Median days, cost and visits citizens reported.
    pub days: Reported,
    /// Cost.
    pub cost: Reported,
    /// Visits.
    pub visits: Reported,
}

/// The before and after of a live e-service.
#[derive(Debug, Clone, PartialEq)]
pub struct BeforeAfter {
    /// Before.
    pub before: Before,
    /// The e-service's steps.
    pub after: Vec<ToBeStep>,
    /// Expectations it took in: (label bn, label en, voices), most voiced first.
    pub taken: Vec<(String, String, i64)>,
}

/// The before and after of `service`, once its backlog item is live with a saved design.
pub fn load(conn: &mut Conn, service: &Service, shown: &Shown) -> QueryResult<Option<BeforeAfter>> {
    let Some(item) = &shown.item else { return Ok(None) };
    if item.status != "live" {
        return Ok(None);
    }
    let Some(version) = brief_versions::latest(conn, item.id)? else { return Ok(None) };
    let design = Design::from_json(&version.design);
    if design.steps.is_empty() {
        return Ok(None);
    }
    let until = backlog_moves::for_item(conn, item.id)?
        .into_iter()
        .rev()
        .find(|m| m.to_status == "live")
        .map_or(item.updated_at, |m| m.created_at);
    let (days, cost, visits) = reported_before(conn, service.id, until)?;
    // Shown themes come most voiced first.
    let taken: Vec<(String, String, i64)> = shown
        .themes
        .iter()
        .filter(|(id, ..)| matches!(design.decision(*id), Some(Decision::Taken { .. })))
        .map(|(_, bn, en, v)| (bn.clone(), en.clone(), *v))
        .collect();
    Ok(Some(BeforeAfter {
        before: Before { until, steps: service.step_list().len(), days, cost, visits },
        after: design.steps,
        taken,
    }))
}

/// How long the figures of one service before one go-live are kept: a public page is read far
/// more often than old feedback is hidden.
const KEPT: std::time::Duration = std::time::Duration::from_secs(600);

type Medians = (Reported, Reported, Reported);

/// Medians by service and go-live, with when they were read.
type Kept = Mutex<HashMap<(i64, NaiveDateTime), (Instant, Medians)>>;

/// The medians of days, cost and visits of the service's visible feedback sent before `until`:
/// three numbers per feedback read (never a text), and kept for a while per service and go-live.
fn reported_before(conn: &mut Conn, service_id: i64, until: NaiveDateTime) -> QueryResult<Medians> {
    static CACHE: OnceLock<Kept> = OnceLock::new();
    let cache = CACHE.get_or_init(Default::default);
    let key = (service_id, until);
    if let Some((at, medians)) = cache.lock().unwrap_or_else(|e| e.into_inner()).get(&key) {
        if at.elapsed() < KEPT {
            return Ok(*medians);
        }
    }
    let found: Vec<(Option<i32>, Option<i64>, Option<i32>)> = feedback::table
        .filter(feedback::service_id.eq(service_id))
        .filter(feedback::moderation.eq("visible"))
        .filter(feedback::created_at.lt(until))
        .filter(
            feedback::days_taken.is_not_null().or(feedback::cost_bdt.is_not_null()).or(feedback::visits.is_not_null()),
        )
        .select((feedback::days_taken, feedback::cost_bdt, feedback::visits))
        .load(conn)?;
    let medians = (
        median(found.iter().filter_map(|r| r.0.map(i64::from))),
        median(found.iter().filter_map(|r| r.1)),
        median(found.iter().filter_map(|r| r.2.map(i64::from))),
    );
    let mut kept = cache.lock().unwrap_or_else(|e| e.into_inner());
    kept.retain(|_, (at, _)| at.elapsed() < KEPT);
    kept.insert(key, (Instant::now(), medians));
    Ok(medians)
}
