//! What the score needs of every service, read from the counters kept per service
//! (never from the feedback rows), so ranking stays fast however much feedback there is.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use chrono::{Duration, NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use crate::counts::{dim, week_of};
use crate::db::schema::{service_counts, themes};
use crate::db::service_counts::{of_dimension, version, Count};
use crate::db::services::ServiceListing;
use crate::db::Conn;
use crate::domain::scoring::Inputs;
use crate::themes::PainCategory;
use crate::workspace::service_stats::median;

/// Pain categories that make feedback severe.
pub const SEVERE: [PainCategory; 2] = [PainCategory::UnofficialPayment, PainCategory::StaffConduct];

fn by_service(counts: Vec<Count>) -> HashMap<i64, Vec<Count>> {
    let mut map: HashMap<i64, Vec<Count>> = HashMap::new();
    for c in counts {
        map.entry(c.service_id).or_default().push(c);
    }
    map
}

fn sum_by_service(counts: &[Count], keep: impl Fn(&Count) -> bool) -> HashMap<i64, i64> {
    let mut map = HashMap::new();
    for c in counts.iter().filter(|c| keep(c)) {
        *map.entry(c.service_id).or_insert(0) += c.voices;
    }
    map
}

/// Voices of themes tagged with a severe category, per service.
fn severe_voices(conn: &mut Conn) -> QueryResult<HashMap<i64, i64>> {
    let categories: Vec<String> = SEVERE.iter().map(|c| c.to_string()).collect();
    let ids: Vec<String> = themes::table
        .filter(themes::category.eq_any(categories))
        .select(themes::id)
        .load::<i64>(conn)?
        .into_iter()
        .map(|id| id.to_string())
        .collect();
    let mut counts = Vec::new();
    for chunk in ids.chunks(500) {
        counts.extend(
            service_counts::table
                .filter(service_counts::dimension.eq(dim::THEME))
                .filter(service_counts::bucket.eq_any(chunk))
                .select(Count::as_select())
                .load(conn)?,
        );
    }
    Ok(sum_by_service(&counts, |_| true))
}

/// What the score reads of one service's counters.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counted {
    voices_12m: i64,
    voices_all: i64,
    complaint_voices: i64,
    severe_theme_voices: i64,
    medians: [Option<i64>; 3],
    answers: [i64; 3],
}

/// What the score reads of every service's counters at `now`, by service id.
pub fn counted(conn: &mut Conn, now: NaiveDateTime) -> QueryResult<HashMap<i64, Counted>> {
    let year_ago = week_of(now - Duration::days(364)).to_string();
    let recent = sum_by_service(&of_dimension(conn, dim::WEEK, &year_ago)?, |_| true);
    let kinds = of_dimension(conn, dim::KIND, "")?;
    let all = sum_by_service(&kinds, |_| true);
    let complaints = sum_by_service(&kinds, |c| c.bucket == "complaint");
    let severe = severe_voices(conn)?;
    let mut out: HashMap<i64, Counted> = HashMap::new();
    for (map, set) in [
        (recent, (|c, v| c.voices_12m = v) as fn(&mut Counted, i64)),
        (all, |c, v| c.voices_all = v),
        (complaints, |c, v| c.complaint_voices = v),
        (severe, |c, v| c.severe_theme_voices = v),
    ] {
        for (id, v) in map {
            set(out.entry(id).or_default(), v);
        }
    }
    for (i, dimension) in [dim::DAYS, dim::COST, dim::VISITS].into_iter().enumerate() {
        for (id, counts) in by_service(of_dimension(conn, dimension, "")?) {
            let (value, answers) = median(&counts);
            let entry = out.entry(id).or_default();
            entry.medians[i] = value;
            entry.answers[i] = answers;
        }
    }
    Ok(out)
}

/// The score inputs of each listed service, from its charter and its counters.
pub fn combine(services: &[ServiceListing], counted: &HashMap<i64, Counted>) -> HashMap<i64, Inputs> {
    services
        .iter()
        .map(|(s, _, _)| {
            let c = counted.get(&s.id).copied().unwrap_or_default();
            let inputs = Inputs {
                voices_12m: c.voices_12m,
                voices_all: c.voices_all,
                complaint_voices: c.complaint_voices,
                severe_theme_voices: c.severe_theme_voices,
                yearly_applications: s.yearly_applications,
                median_days: c.medians[0],
                median_cost: c.medians[1],
                median_visits: c.medians[2],
                answers: c.answers,
                promised_days: s.promised_days.map(i64::from),
                fee_bdt: s.fee_bdt,
                category: s.roadmap_category,
            };
            (s.id, inputs)
        })
        .collect()
}

/// The score inputs of each listed service at `now`, by service id.
pub fn load(conn: &mut Conn, services: &[ServiceListing], now: NaiveDateTime) -> QueryResult<HashMap<i64, Inputs>> {
    Ok(combine(services, &counted(conn, now)?))
}

/// The counters' version and the first week of the 12-month window.
type CacheKey = (i64, NaiveDate);

/// What [`counted`] reads, by service id.
pub type AllCounted = HashMap<i64, Counted>;

/// The last [`counted`] read, kept while the counters' version and the 12-month window
/// stay the same: the backlog, item and APA pages then read one small column instead of
/// every service's counters. Each process keeps its own and checks the version in the
/// database, so a change made by another process is seen on the next page.
#[derive(Debug, Default)]
pub struct CountedCache {
    last: Mutex<Option<(CacheKey, Arc<AllCounted>)>>,
}

impl CountedCache {
    /// What the counters say at `now`, from the cache when it is current.
    pub fn get(&self, conn: &mut Conn, now: NaiveDateTime) -> QueryResult<Arc<AllCounted>> {
        // The version is read before the counters, so what is stored under it is at least as new.
        let key = (version(conn)?, week_of(now - Duration::days(364)));
        let cached = self
            .last
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .as_ref()
            .filter(|(k, _)| *k == key)
            .map(|(_, v)| v.clone());
        if let Some(hit) = cached {
            return Ok(hit);
        }
        let fresh = Arc::new(counted(conn, now)?);
        *self.last.lock().unwrap_or_else(|e| e.into_inner()) = Some((key, fresh.clone()));
        Ok(fresh)
    }
}
