//! The dashboard: a staff member's services ranked by recent pain (voices in
//! the last 90 days), with counts by kind and the last weeks' voices.

use std::collections::HashMap;

use chrono::{Duration, NaiveDateTime};
use serde::Serialize;

use crate::counts::{dim, week_of};
use crate::db::service_counts;
use crate::db::services::{self, ServiceListing};
use crate::db::Conn;

/// Days that count as "recent".
pub const RECENT_DAYS: i64 = 90;
/// Weeks in a sparkline.
pub const SPARK_WEEKS: usize = 13;

/// One service on the dashboard.
#[derive(Debug, Clone, Serialize)]
pub struct RankedService {
    /// Service code.
    pub code: String,
    /// Name in Bangla.
    pub name_bn: String,
    /// Name in English.
    pub name_en: String,
    /// Ministry code.
    pub ministry: String,
    /// Voices in the last 90 days (feedback and "me too").
    pub recent_voices: i64,
    /// Feedback entries received in the last 90 days.
    pub recent_feedback: i64,
    /// All visible feedback since the start, by kind.
    pub complaints: i64,
    /// Expectations.
    pub expectations: i64,
    /// Suggestions.
    pub suggestions: i64,
    /// Voices per week, oldest first, the current week last.
    pub weekly: Vec<u64>,
}

/// Services of `ministries` (`None`: all) ranked by recent voices, then recent feedback, then
/// feedback since the start, then code.
pub fn ranked(
    conn: &mut Conn,
    ministries: Option<&[i64]>,
    now: NaiveDateTime,
) -> diesel::QueryResult<Vec<RankedService>> {
    let listings = services::list_in_ministries(conn, ministries)?;
    let ids: Vec<i64> = listings.iter().map(|(s, _, _)| s.id).collect();
    let this_week = week_of(now);
    let first_spark = this_week - Duration::weeks(SPARK_WEEKS as i64 - 1);
    let recent_from = week_of(now - Duration::days(RECENT_DAYS));
    let from = first_spark.min(recent_from).to_string();
    let (weeks, kinds) = if ministries.is_none() {
        // Every service: two reads of one dimension each instead of 809-id lists.
        (service_counts::of_dimension(conn, dim::WEEK, &from)?, service_counts::of_dimension(conn, dim::KIND, "")?)
    } else {
        (
            service_counts::of_services(conn, &ids, dim::WEEK, &from)?,
            service_counts::of_services(conn, &ids, dim::KIND, "")?,
        )
    };
    let mut weekly: HashMap<i64, Vec<u64>> = HashMap::new();
    let mut recent: HashMap<i64, (i64, i64)> = HashMap::new();
    let recent_key = recent_from.to_string();
    let spark_key = first_spark.to_string();
    for c in weeks {
        if c.bucket >= recent_key {
            let r = recent.entry(c.service_id).or_default();
            r.0 += c.voices;
            r.1 += c.feedback;
        }
        if c.bucket >= spark_key {
            if let Ok(week) = chrono::NaiveDate::parse_from_str(&c.bucket, "%Y-%m-%d") {
                let index = ((week - first_spark).num_weeks()) as usize;
                if index < SPARK_WEEKS {
                    weekly.entry(c.service_id).or_insert_with(|| vec![0; SPARK_WEEKS])[index] += c.voices.max(0) as u64;
                }
            }
        }
    }
    let mut by_kind: HashMap<(i64, String), i64> = HashMap::new();
    for c in kinds {
        by_kind.insert((c.service_id, c.bucket), c.feedback);
    }
    let kind = |id: i64, k: &str| by_kind.get(&(id, k.to_owned())).copied().unwrap_or(0);
    let mut rows: Vec<RankedService> = listings
        .into_iter()
        .map(|(s, _, m): ServiceListing| RankedService {
            recent_voices: recent.get(&s.id).map_or(0, |r| r.0),
            recent_feedback: recent.get(&s.id).map_or(0, |r| r.1),
            complaints: kind(s.id, "complaint"),
            expectations: kind(s.id, "expectation"),
            suggestions: kind(s.id, "suggestion"),
            weekly: weekly.remove(&s.id).unwrap_or_else(|| vec![0; SPARK_WEEKS]),
            code: s.code,
            name_bn: s.name_bn,
            name_en: s.name_en,
            ministry: m.code,
        })
        .collect();
    rows.sort_by(|a, b| {
        let total = |r: &RankedService| r.complaints + r.expectations + r.suggestions;
        b.recent_voices
            .cmp(&a.recent_voices)
            .then(b.recent_feedback.cmp(&a.recent_feedback))
            .then(total(b).cmp(&total(a)))
            .then(a.code.cmp(&b.code))
    });
    Ok(rows)
}
