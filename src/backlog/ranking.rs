//! Every service scored and ranked, with what the pages, exports and snapshots need to
//! show it: its office and ministry, its backlog item (if promoted) and the weights used.

use std::collections::HashMap;

use chrono::NaiveDateTime;
use diesel::QueryResult;

use super::inputs::{self, Counted, CountedCache};
use crate::db::backlog_items::{self, BacklogItem};
use crate::db::ministries::Ministry;
use crate::db::offices::Office;
use crate::db::services::{self, Service};
use crate::db::{score_weights, Conn};
use crate::domain::backlog::Status;
use crate::domain::scoring::{score, Inputs, Rates, Scale, Score, Weights};

/// One service in the ranking.
#[derive(Debug, Clone)]
pub struct Ranked {
    /// Position among all services, 1 first.
    pub rank: usize,
    /// The service.
    pub service: Service,
    /// Its office.
    pub office: Office,
    /// Its ministry.
    pub ministry: Ministry,
    /// Its backlog item, when promoted.
    pub item: Option<BacklogItem>,
    /// What the score was computed from.
    pub inputs: Inputs,
    /// The score.
    pub score: Score,
    /// The weights came from the ministry (not the national default).
    pub ministry_weights: bool,
}

impl Ranked {
    /// The backlog status, if promoted.
    pub fn status(&self) -> Option<Status> {
        self.item.as_ref().and_then(|i| Status::parse(&i.status))
    }

    /// The office that owns the conversion: the item's owner, else the service's office.
    pub fn owner_office_id(&self) -> i64 {
        self.item.as_ref().and_then(|i| i.owner_office_id).unwrap_or(self.office.id)
    }
}

/// The whole ranking and what it was computed with.
#[derive(Debug, Clone)]
pub struct Ranking {
    /// Every service, highest score first.
    pub rows: Vec<Ranked>,
    /// The national default weights.
    pub national: Weights,
    /// Ministries' own weights.
    pub by_ministry: HashMap<i64, Weights>,
    /// The largest demand, burden and gap (normalising scale).
    pub scale: Scale,
    /// The money rates.
    pub rates: Rates,
}

/// Which rows a page or export asks for.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    /// Only these ministries (a staff member's scope).
    pub within: Option<Vec<i64>>,
    /// One ministry.
    pub ministry: Option<i64>,
    /// One office (owner office for items, the service's office for candidates).
    pub office: Option<i64>,
    /// `Some(None)`: candidates not in the backlog; `Some(Some(s))`: items with status `s`.
    pub status: Option<Option<Status>>,
    /// Only items in the backlog (any status).
    pub backlog_only: bool,
    /// Roadmap category: `Some(None)` for none.
    pub category: Option<Option<i32>>,
    /// Target fiscal year label.
    pub target_year: Option<String>,
}

impl Filter {
    /// Whether a row passes.
    pub fn keeps(&self, r: &Ranked) -> bool {
        let ministry = r.ministry.id;
        self.within.as_ref().is_none_or(|w| w.contains(&ministry))
            && self.ministry.is_none_or(|m| m == ministry)
            && self.office.is_none_or(|o| o == r.owner_office_id())
            && self.status.is_none_or(|s| s == r.status())
            && (!self.backlog_only || r.item.is_some())
            && self.category.is_none_or(|c| c == r.service.roadmap_category)
            && self.target_year.as_ref().is_none_or(|y| r.item.as_ref().and_then(|i| i.target_year.as_ref()) == Some(y))
    }
}

impl Ranking {
    /// The weights a ministry's services are scored with.
    pub fn weights_for(&self, ministry_id: i64) -> Weights {
        self.by_ministry.get(&ministry_id).copied().unwrap_or(self.national)
    }

    /// The rows a filter keeps, in rank order.
    pub fn filtered<'a>(&'a self, filter: &'a Filter) -> impl Iterator<Item = &'a Ranked> + 'a {
        self.rows.iter().filter(move |r| filter.keeps(r))
    }

    /// The row of a service.
    pub fn of_service(&self, service_id: i64) -> Option<&Ranked> {
        self.rows.iter().find(|r| r.service.id == service_id)
    }
}

/// Scores and ranks every service at `now`. The scale is national, so a service's score
/// does not depend on which other services a page shows.
pub fn build(conn: &mut Conn, rates: Rates, now: NaiveDateTime) -> QueryResult<Ranking> {
    let counted = inputs::counted(conn, now)?;
    rank(conn, &counted, rates, None)
}

/// [`build`], reading the counters through `cache` (pages; exports and snapshots read afresh).
pub fn build_cached(conn: &mut Conn, cache: &CountedCache, rates: Rates, now: NaiveDateTime) -> QueryResult<Ranking> {
    let counted = cache.get(conn, now)?;
    rank(conn, &counted, rates, None)
}

/// Weights tried before saving: the national default (`None`) or one ministry's own.
pub type TrialWeights = (Option<i64>, Weights);

/// [`build_cached`] as it would be with `trial` in place of the stored weights of its scope
/// (the weights page's preview; nothing is saved).
pub fn build_trial(
    conn: &mut Conn,
    cache: &CountedCache,
    rates: Rates,
    now: NaiveDateTime,
    trial: TrialWeights,
) -> QueryResult<Ranking> {
    let counted = cache.get(conn, now)?;
    rank(conn, &counted, rates, Some(trial))
}

fn rank(
    conn: &mut Conn,
    counted: &HashMap<i64, Counted>,
    rates: Rates,
    trial: Option<TrialWeights>,
) -> QueryResult<Ranking> {
    let listings = services::list_in_ministries(conn, None)?;
    let mut inputs = inputs::combine(&listings, counted);
    let mut items: HashMap<i64, BacklogItem> =
        backlog_items::all(conn)?.into_iter().map(|i| (i.service_id, i)).collect();
    let mut stored = score_weights::all(conn)?;
    if let Some((scope, weights)) = trial {
        stored.insert(scope, weights);
    }
    let national = stored.remove(&None).unwrap_or(Weights::DEFAULT);
    let by_ministry: HashMap<i64, Weights> = stored.into_iter().filter_map(|(m, w)| Some((m?, w))).collect();
    let scale = Scale::of(inputs.values(), rates);
    let mut rows: Vec<Ranked> = listings
        .into_iter()
        .map(|(service, office, ministry)| {
            let own = by_ministry.get(&ministry.id).copied();
            let inputs = inputs.remove(&service.id).unwrap_or_default();
            let score = score(&inputs, own.unwrap_or(national), rates, scale);
            let item = items.remove(&service.id);
            Ranked { rank: 0, service, office, ministry, item, inputs, score, ministry_weights: own.is_some() }
        })
        .collect();
    rows.sort_by(|a, b| b.score.total.total_cmp(&a.score.total).then_with(|| a.service.code.cmp(&b.service.code)));
    for (i, r) in rows.iter_mut().enumerate() {
        r.rank = i + 1;
    }
    Ok(Ranking { rows, national, by_ministry, scale, rates })
}
