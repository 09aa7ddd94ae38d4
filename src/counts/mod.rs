//! What a feedback entry adds to its service's counters, and applying many
//! such changes at once (one upsert per counter touched, not per feedback).

use std::collections::HashMap;

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use crate::db::schema::feedback;
use crate::db::service_counts::{self, Bump};
use crate::db::Conn;

/// Dimensions counted per service.
pub mod dim {
    /// complaint / expectation / suggestion.
    pub const KIND: &str = "kind";
    /// District code.
    pub const DISTRICT: &str = "district";
    /// web, api, open311, assisted, import.
    pub const CHANNEL: &str = "channel";
    /// Monday of the week received (`2026-11-23`).
    pub const WEEK: &str = "week";
    /// Theme id, or `none`.
    pub const THEME: &str = "theme";
    /// Days taken (TCV time), zero-padded.
    pub const DAYS: &str = "days";
    /// Taka paid (TCV cost), zero-padded.
    pub const COST: &str = "cost";
    /// Visits made (TCV visits), zero-padded.
    pub const VISITS: &str = "visits";
    /// How often the service's counters changed (a version for caches; bucket empty).
    pub const CHANGES: &str = crate::db::service_counts::CHANGES;
}

/// The facts of one feedback entry that counters depend on.
#[derive(Debug, Clone, PartialEq, Eq, Queryable)]
pub struct Facts {
    /// The service.
    pub service_id: i64,
    /// Kind.
    pub kind: String,
    /// District code.
    pub district: String,
    /// Channel.
    pub channel: String,
    /// When received.
    pub created_at: NaiveDateTime,
    /// Days taken.
    pub days: Option<i32>,
    /// Taka paid.
    pub cost: Option<i64>,
    /// Visits.
    pub visits: Option<i32>,
    /// Theme.
    pub theme_id: Option<i64>,
}

impl From<&crate::db::feedback::Feedback> for Facts {
    fn from(f: &crate::db::feedback::Feedback) -> Self {
        Facts {
            service_id: f.service_id,
            kind: f.kind.clone(),
            district: f.district.clone(),
            channel: f.channel.clone(),
            created_at: f.created_at,
            days: f.days_taken,
            cost: f.cost_bdt,
            visits: f.visits,
            theme_id: f.theme_id,
        }
    }
}

/// The Monday of the week of `at`, as counters name it.
pub fn week_of(at: NaiveDateTime) -> NaiveDate {
    let day = at.date();
    day - Duration::days(i64::from(day.weekday().num_days_from_monday()))
}

/// A TCV value as a counter bucket (zero-padded so buckets sort by value).
pub fn number_bucket(n: i64) -> String {
    format!("{n:012}")
}

/// The theme bucket.
pub fn theme_bucket(theme_id: Option<i64>) -> String {
    theme_id.map_or_else(|| "none".to_owned(), |id| id.to_string())
}

impl Facts {
    /// Every (dimension, bucket) this entry counts in.
    pub fn buckets(&self) -> Vec<(&'static str, String)> {
        let mut out = vec![
            (dim::KIND, self.kind.clone()),
            (dim::DISTRICT, self.district.clone()),
            (dim::CHANNEL, self.channel.clone()),
            (dim::WEEK, week_of(self.created_at).to_string()),
            (dim::THEME, theme_bucket(self.theme_id)),
        ];
        if let Some(d) = self.days {
            out.push((dim::DAYS, number_bucket(i64::from(d))));
        }
        if let Some(c) = self.cost {
            out.push((dim::COST, number_bucket(c)));
        }
        if let Some(v) = self.visits {
            out.push((dim::VISITS, number_bucket(i64::from(v))));
        }
        out
    }
}

/// Changes to counters, gathered and then written in one go.
#[derive(Debug, Default)]
pub struct Tally {
    changes: HashMap<(i64, &'static str, String), (i64, i64)>,
}

impl Tally {
    /// Counts `feedback` entries and `voices` (negative to uncount) for every bucket of `facts`.
    pub fn add(&mut self, facts: &Facts, feedback: i64, voices: i64) {
        for (dimension, bucket) in facts.buckets() {
            self.add_one(facts.service_id, dimension, bucket, feedback, voices);
        }
    }

    /// Counts in one bucket only (a theme move changes nothing else).
    pub fn add_one(&mut self, service_id: i64, dimension: &'static str, bucket: String, feedback: i64, voices: i64) {
        let entry = self.changes.entry((service_id, dimension, bucket)).or_default();
        entry.0 += feedback;
        entry.1 += voices;
    }

    /// Writes every change (inside the caller's transaction).
    pub fn apply(self, conn: &mut Conn) -> QueryResult<()> {
        let changes: Vec<_> = self.changes.into_iter().filter(|(_, (f, v))| *f != 0 || *v != 0).collect();
        let bumps: Vec<Bump> = changes
            .into_iter()
            .map(|((service_id, dimension, bucket), (feedback, voices))| Bump {
                service_id,
                dimension,
                bucket,
                feedback,
                voices,
            })
            .collect();
        service_counts::bump_many(conn, &bumps)
    }
}

/// The facts and voices of a service's visible feedback.
fn visible_facts(conn: &mut Conn, service_id: i64) -> QueryResult<Vec<(Facts, i32)>> {
    feedback::table
        .filter(feedback::service_id.eq(service_id))
        .filter(feedback::moderation.eq("visible"))
        .select((
            (
                feedback::service_id,
                feedback::kind,
                feedback::district,
                feedback::channel,
                feedback::created_at,
                feedback::days_taken,
                feedback::cost_bdt,
                feedback::visits,
                feedback::theme_id,
            ),
            feedback::extra_voices,
        ))
        .load(conn)
}

/// Counts a service again from its feedback (after a regroup; also the reference the tests hold
/// the incremental counters to). With `only`, just that dimension.
pub fn recount(conn: &mut Conn, service_id: i64, only: Option<&'static str>) -> QueryResult<()> {
    service_counts::clear(conn, service_id, only)?;
    let mut tally = Tally::default();
    for (facts, extra) in visible_facts(conn, service_id)? {
        let voices = 1 + i64::from(extra);
        match only {
            Some(d) => {
                for (dimension, bucket) in facts.buckets().into_iter().filter(|(x, _)| *x == d) {
                    tally.add_one(service_id, dimension, bucket, 1, voices);
                }
            }
            None => tally.add(&facts, 1, voices),
        }
    }
    tally.apply(conn)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
    }

    #[test]
    fn weeks_start_on_monday() {
        assert_eq!(week_of(at("2026-11-30 10:00")).to_string(), "2026-11-30");
        assert_eq!(week_of(at("2026-12-06 23:59")).to_string(), "2026-11-30");
        assert_eq!(week_of(at("2026-11-29 00:00")).to_string(), "2026-11-23");
    }

    #[test]
    fn only_given_tcv_values_are_counted() {
        let facts = Facts {
            service_id: 1,
            kind: "complaint".into(),
            district: "dhaka".into(),
            channel: "web".into(),
            created_at: at("2026-11-30 10:00"),
            days: Some(45),
            cost: None,
            visits: Some(3),
            theme_id: None,
        };
        let dims: Vec<_> = facts.buckets().into_iter().map(|(d, _)| d).collect();
        assert_eq!(dims, ["kind", "district", "channel", "week", "theme", "days", "visits"]);
        assert!(number_bucket(45) < number_bucket(120));
    }

    #[test]
    fn opposite_changes_cancel_out() {
        let mut tally = Tally::default();
        tally.add_one(1, dim::THEME, "4".into(), 1, 2);
        tally.add_one(1, dim::THEME, "4".into(), -1, -2);
        assert_eq!(tally.changes.values().filter(|(f, v)| *f != 0 || *v != 0).count(), 0);
    }
}
