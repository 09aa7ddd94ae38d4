//! A service's feedback, grouped: counts by kind and theme, TCV medians beside
//! the charter's promise, weekly voices and districts. Read from the counters
//! only, so the page costs the same with 100 or 100,000 feedback.

use std::collections::HashMap;

use chrono::{Duration, NaiveDate, NaiveDateTime};
use serde::Serialize;

use crate::counts::{dim, week_of};
use crate::db::service_counts::{self, Count};
use crate::db::services::Service;
use crate::db::{themes, Conn};

/// Weeks on the trend chart.
pub const TREND_WEEKS: i64 = 52;

/// Feedback and voices of one group.
#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct Tally {
    /// Feedback entries.
    pub feedback: i64,
    /// Voices (feedback and "me too").
    pub voices: i64,
}

/// One theme with its counts.
#[derive(Debug, Clone, Serialize)]
pub struct ThemeCount {
    /// Theme id.
    pub id: i64,
    /// Bangla label.
    pub label_bn: String,
    /// English label.
    pub label_en: String,
    /// Pain category.
    pub category: String,
    /// Confirmed by a designer.
    pub confirmed: bool,
    /// Published on the citizens' page.
    pub published: bool,
    /// A designer wrote its labels (else they are suggested automatically).
    pub label_by_designer: bool,
    /// Its visible feedback and voices.
    pub count: Tally,
}

/// One TCV measure: the median reported against the charter's promise.
#[derive(Debug, Clone, Serialize)]
pub struct Measure {
    /// `days`, `cost` or `visits`.
    pub name: &'static str,
    /// Median of what citizens reported (`None`: nobody said).
    pub median: Option<i64>,
    /// How many reported it.
    pub answers: i64,
    /// What the charter promises (`None`: it does not say).
    pub promised: Option<i64>,
    /// Median minus promise, when both are known.
    pub gap: Option<i64>,
}

/// Everything the service page shows above the feedback list.
#[derive(Debug, Clone, Serialize)]
pub struct ServiceStats {
    /// All visible feedback.
    pub total: Tally,
    /// By kind: complaint, expectation, suggestion (in that order).
    pub kinds: Vec<(String, Tally)>,
    /// Themes, most voices first.
    pub themes: Vec<ThemeCount>,
    /// Feedback in no theme.
    pub unthemed: Tally,
    /// Time, cost and visits.
    pub tcv: Vec<Measure>,
    /// Voices per week, oldest first, ending with the current week.
    pub weekly: Vec<(NaiveDate, i64)>,
    /// Voices per district, most first.
    pub districts: Vec<(String, i64)>,
    /// Voices per channel, most first.
    pub channels: Vec<(String, i64)>,
}

/// The median of values counted in `counts` (buckets are numbers, weights the feedback counts).
pub fn median(counts: &[Count]) -> (Option<i64>, i64) {
    let mut values: Vec<(i64, i64)> = counts
        .iter()
        .filter_map(|c| c.bucket.parse::<i64>().ok().map(|v| (v, c.feedback)))
        .filter(|(_, n)| *n > 0)
        .collect();
    values.sort();
    let total: i64 = values.iter().map(|(_, n)| n).sum();
    if total == 0 {
        return (None, 0);
    }
    // The lower median: a value someone actually reported.
    let middle = (total + 1) / 2;
    let mut seen = 0;
    for (value, n) in &values {
        seen += n;
        if seen >= middle {
            return (Some(*value), total);
        }
    }
    (None, total)
}

fn tallies(counts: Vec<Count>) -> HashMap<String, Tally> {
    counts.into_iter().map(|c| (c.bucket, Tally { feedback: c.feedback, voices: c.voices })).collect()
}

fn ranked(counts: Vec<Count>) -> Vec<(String, i64)> {
    let mut rows: Vec<(String, i64)> =
        counts.into_iter().filter(|c| c.voices > 0).map(|c| (c.bucket, c.voices)).collect();
    rows.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    rows
}

/// Loads the grouped view of `service` at `now`.
pub fn load(conn: &mut Conn, service: &Service, now: NaiveDateTime) -> diesel::QueryResult<ServiceStats> {
    let id = service.id;
    let kinds_map = tallies(service_counts::of_service(conn, id, dim::KIND)?);
    let kinds: Vec<(String, Tally)> = ["complaint", "expectation", "suggestion"]
        .iter()
        .map(|k| (k.to_string(), kinds_map.get(*k).cloned().unwrap_or_default()))
        .collect();
    let total = kinds.iter().fold(Tally::default(), |acc, (_, t)| Tally {
        feedback: acc.feedback + t.feedback,
        voices: acc.voices + t.voices,
    });
    let mut theme_counts = tallies(service_counts::of_service(conn, id, dim::THEME)?);
    let unthemed = theme_counts.remove("none").unwrap_or_default();
    let mut theme_rows: Vec<ThemeCount> = themes::labels_of_service(conn, id)?
        .into_iter()
        .map(|t| ThemeCount {
            count: theme_counts.get(&t.id.to_string()).cloned().unwrap_or_default(),
            id: t.id,
            label_bn: t.label_bn,
            label_en: t.label_en,
            category: t.category,
            confirmed: t.confirmed,
            published: t.published_at.is_some(),
            label_by_designer: t.label_by_designer,
        })
        .filter(|t| t.count.feedback > 0 || t.confirmed)
        .collect();
    theme_rows.sort_by(|a, b| b.count.voices.cmp(&a.count.voices).then(a.id.cmp(&b.id)));
    let measure = |conn: &mut Conn, name: &'static str, promised: Option<i64>| -> diesel::QueryResult<Measure> {
        let (median, answers) = median(&service_counts::of_service(conn, id, name)?);
        let gap = median.zip(promised).map(|(m, p)| m - p);
        Ok(Measure { name, median, answers, promised, gap })
    };
    let tcv = vec![
        measure(conn, dim::DAYS, service.promised_days.map(i64::from))?,
        measure(conn, dim::COST, service.fee_bdt)?,
        measure(conn, dim::VISITS, None)?,
    ];
    let this_week = week_of(now);
    let first = this_week - Duration::weeks(TREND_WEEKS - 1);
    let by_week: HashMap<String, i64> = service_counts::of_service(conn, id, dim::WEEK)?
        .into_iter()
        .filter(|c| c.bucket >= first.to_string())
        .map(|c| (c.bucket, c.voices))
        .collect();
    let weekly = (0..TREND_WEEKS)
        .map(|i| {
            let week = first + Duration::weeks(i);
            (week, by_week.get(&week.to_string()).copied().unwrap_or(0))
        })
        .collect();
    let districts = ranked(service_counts::of_service(conn, id, dim::DISTRICT)?);
    let channels = ranked(service_counts::of_service(conn, id, dim::CHANNEL)?);
    Ok(ServiceStats { total, kinds, themes: theme_rows, unthemed, tcv, weekly, districts, channels })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::counts::number_bucket;

    fn counts(values: &[(i64, i64)]) -> Vec<Count> {
        values
            .iter()
            .map(|(v, n)| Count {
                service_id: 1,
                dimension: "days".into(),
                bucket: number_bucket(*v),
                feedback: *n,
                voices: *n,
            })
            .collect()
    }

    #[test]
    fn the_median_weighs_each_value_by_how_many_reported_it() {
        assert_eq!(median(&counts(&[(10, 1), (30, 5), (90, 1)])), (Some(30), 7));
        assert_eq!(median(&counts(&[(10, 2), (30, 2)])), (Some(10), 4));
        assert_eq!(median(&counts(&[])), (None, 0));
    }
}
