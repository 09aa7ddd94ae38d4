//! What the score needs of every service, read from the counters kept per service
//! (never from the feedback rows), so ranking stays fast however much feedback there is.

use std::collections::HashMap;

use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;

use crate::counts::{dim, week_of};
use crate::db::schema::{service_counts, themes};
use crate::db::service_counts::{of_dimension, Count};
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

/// The score inputs of each listed service at `now`, by service id.
pub fn load(conn: &mut Conn, services: &[ServiceListing], now: NaiveDateTime) -> QueryResult<HashMap<i64, Inputs>> {
    let year_ago = week_of(now - Duration::days(364)).to_string();
    let recent = sum_by_service(&of_dimension(conn, dim::WEEK, &year_ago)?, |_| true);
    let kinds = of_dimension(conn, dim::KIND, "")?;
    let all = sum_by_service(&kinds, |_| true);
    let complaints = sum_by_service(&kinds, |c| c.bucket == "complaint");
    let severe = severe_voices(conn)?;
    let mut medians: [HashMap<i64, Option<i64>>; 3] = Default::default();
    for (slot, dimension) in medians.iter_mut().zip([dim::DAYS, dim::COST, dim::VISITS]) {
        *slot = by_service(of_dimension(conn, dimension, "")?).into_iter().map(|(id, c)| (id, median(&c).0)).collect();
    }
    let get = |m: &HashMap<i64, i64>, id: i64| m.get(&id).copied().unwrap_or(0);
    let med = |i: usize, id: i64| medians[i].get(&id).copied().flatten();
    Ok(services
        .iter()
        .map(|(s, _, _)| {
            let inputs = Inputs {
                voices_12m: get(&recent, s.id),
                voices_all: get(&all, s.id),
                complaint_voices: get(&complaints, s.id),
                severe_theme_voices: get(&severe, s.id),
                yearly_applications: s.yearly_applications,
                median_days: med(0, s.id),
                median_cost: med(1, s.id),
                median_visits: med(2, s.id),
                promised_days: s.promised_days.map(i64::from),
                fee_bdt: s.fee_bdt,
                category: s.roadmap_category,
            };
            (s.id, inputs)
        })
        .collect())
}
