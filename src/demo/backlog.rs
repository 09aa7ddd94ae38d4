//! A demo backlog: the highest-scoring services promoted, spread over the workflow, with
//! target years and reviews, so `serve --demo` shows the backlog, the APA view and exports.

use chrono::{Duration, Utc};

use crate::audit::Actor;
use crate::backlog::moves::{self, Review};
use crate::backlog::ranking;
use crate::backlog::shaping::{self, Problem};
use crate::db::{backlog_items, Conn};
use crate::domain::backlog::{FiscalYear, Status};
use crate::domain::scoring::Rates;

/// Services promoted.
const PROMOTED: usize = 40;

/// Promotes the top services (once: a database that has a backlog is left alone). Returns how many.
pub fn promote_demo_backlog(conn: &mut Conn, rates: Rates) -> anyhow::Result<usize> {
    if !backlog_items::all(conn)?.is_empty() {
        return Ok(0);
    }
    let now = Utc::now().naive_utc();
    let ranking = ranking::build(conn, rates, now)?;
    let actor = Actor::command_line();
    let this_year = FiscalYear::of(now.date());
    let mut promoted = 0;
    for (i, row) in ranking.rows.iter().take(PROMOTED).enumerate() {
        let (bn, en) = (&row.service.name_bn, &row.service.name_en);
        let problem = Problem::parse(
            &format!("{bn}: নাগরিকদের বারবার অফিসে যেতে হয় এবং সময় ও খরচ সিটিজেন চার্টারের চেয়ে বেশি লাগে।"),
            &format!(
                "{en}: citizens make repeated office visits and spend more time and money than the charter promises."
            ),
            Vec::new(),
        )
        .map_err(|e| anyhow::anyhow!("demo problem statement refused: {e:?}"))?;
        let item = shaping::promote(conn, &actor, row.service.id, &problem, now - Duration::days(120))
            .map_err(|e| anyhow::anyhow!("demo promotion failed: {e}"))?;
        // Spread the items over the workflow: the best-ranked are furthest along.
        let path: &[Status] = match i % 5 {
            0 => &[Status::Designing, Status::Approved, Status::Building],
            1 => &[Status::Designing, Status::Approved],
            2 => &[Status::Designing],
            _ => &[],
        };
        for step in path {
            moves::move_status(conn, &actor, item.id, *step, "", now - Duration::days(60))
                .map_err(|e| anyhow::anyhow!("demo move failed: {e}"))?;
        }
        let year = if path.len() >= 2 { this_year } else { FiscalYear(this_year.0 + 1) };
        let priorities = moves::Priorities {
            target_year: Some(year),
            owner_office_id: row.office.id,
            category: row.service.roadmap_category,
            yearly_applications: row.service.yearly_applications,
        };
        moves::set_priorities(conn, &actor, item.id, &priorities, now).map_err(|e| anyhow::anyhow!("{e}"))?;
        if i % 2 == 0 {
            let status = path.last().copied().unwrap_or(Status::Identified);
            let review = Review {
                progress: "কর্মশালায় নাগরিকদের ভোগান্তি যাচাই করা হয়েছে। Pain points checked in a workshop.".into(),
                status,
                next_step: "প্রোটোটাইপ তৈরি। Build a prototype.".into(),
            };
            moves::record_review(conn, &actor, item.id, &review, now - Duration::days(10))
                .map_err(|e| anyhow::anyhow!("{e}"))?;
        }
        promoted += 1;
    }
    Ok(promoted)
}
