//! The before and after a live e-service shows citizens on its service page: what the service
//! took before it went live (the charter's steps and the median days, cost and visits citizens
//! reported until then), what the e-service promises (the design's steps and targets), and which
//! of the citizens' expectations it took in (labels and voices of published themes only, never
//! quotes).

use std::collections::HashMap;

use chrono::NaiveDateTime;
use diesel::QueryResult;

use super::design::{Decision, Design, ToBeStep};
use super::journey::{self, Reported};
use super::load;
use crate::backlog::public::public_voices;
use crate::counts::dim;
use crate::db::services::Service;
use crate::db::{backlog_items, backlog_moves, brief_versions, service_counts, themes, Conn};

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
pub fn load(conn: &mut Conn, service: &Service) -> QueryResult<Option<BeforeAfter>> {
    let Some(item) = backlog_items::for_service(conn, service.id)? else { return Ok(None) };
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
    let rows = load::rows(conn, service.id, Some(until))?;
    let overall = journey::build(&service.step_list(), &[], &rows, &HashMap::new()).overall;
    let voices = service_counts::voices_by_bucket(conn, service.id, dim::THEME)?;
    let mut taken: Vec<(String, String, i64)> = themes::labels_of_service(conn, service.id)?
        .into_iter()
        .filter(|t| matches!(design.decision(t.id), Some(Decision::Taken { .. })))
        .filter_map(|t| public_voices(t.id, t.published_at.is_some(), &voices).map(|v| (t.label_bn, t.label_en, v)))
        .collect();
    taken.sort_by(|a, b| b.2.cmp(&a.2).then_with(|| a.1.cmp(&b.1)));
    Ok(Some(BeforeAfter {
        before: Before {
            until,
            steps: service.step_list().len(),
            days: overall.days,
            cost: overall.cost,
            visits: overall.visits,
        },
        after: design.steps,
        taken,
    }))
}
