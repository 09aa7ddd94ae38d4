//! A demo backlog: the highest-scoring services promoted, spread over the workflow, with
//! target years and reviews, so `serve --demo` shows the backlog, the APA view and exports.

use chrono::{Duration, Utc};

use crate::audit::Actor;
use crate::backlog::moves::{self, Review};
use crate::backlog::ranking;
use crate::backlog::shaping::{self, Problem};
use crate::brief::design::{Channel, Decision, Design, ToBeStep, WantMark};
use crate::brief::design_form::SentDesign;
use crate::brief::{load, save};
use crate::db::services::Service;
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
        // The best-ranked is live, so its public page shows the before and after.
        let path: &[Status] = match i % 5 {
            0 if i == 0 => &[Status::Designing, Status::Approved, Status::Building, Status::Live],
            0 => &[Status::Designing, Status::Approved, Status::Building],
            1 => &[Status::Designing, Status::Approved],
            2 => &[Status::Designing],
            _ => &[],
        };
        for step in path {
            moves::move_status(conn, &actor, item.id, *step, "", now - Duration::days(60))
                .map_err(|e| anyhow::anyhow!("demo move failed: {e}"))?;
        }
        if !path.is_empty() {
            demo_design(conn, &actor, (item.id, row.office.ministry_id), &row.service, now - Duration::days(30))?;
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

/// A to-be journey for an item in design: apply online, be verified at a union digital centre,
/// be told by SMS. Saved twice, as a designer would: the second version shortens verification
/// and takes the most voiced thing citizens want into the last step.
fn demo_design(
    conn: &mut Conn,
    actor: &Actor,
    (item_id, ministry_id): (i64, i64),
    service: &Service,
    when: chrono::NaiveDateTime,
) -> anyhow::Result<()> {
    let step = |bn: &str, en: &str, channel, documents: String, (days, cost, visits)| ToBeStep {
        name_bn: bn.into(),
        name_en: en.into(),
        channel,
        documents,
        days,
        cost,
        visits,
    };
    let mut design = Design {
        steps: vec![
            step(
                "অনলাইনে আবেদন ও কাগজ আপলোড",
                "Apply and upload papers online",
                Channel::Online,
                service.document_list().join(", "),
                (0, service.fee_bdt.unwrap_or(0), 0),
            ),
            step(
                "ইউনিয়ন ডিজিটাল সেন্টারে যাচাই",
                "Verification at the union digital centre",
                Channel::UnionDigitalCentre,
                String::new(),
                (3, 20, 1),
            ),
            step(
                "এসএমএসে জানানো, সেবা অনলাইনে",
                "Told by SMS, delivered online",
                Channel::Mobile,
                String::new(),
                (2, 0, 0),
            ),
        ],
        wants: Vec::new(),
    };
    let store = |conn: &mut Conn, design: &Design, base_version| {
        save::save(conn, actor, (item_id, ministry_id), &SentDesign { design: design.clone(), base_version }, when)
            .map(drop)
            .map_err(|e| anyhow::anyhow!("demo design refused: {e}"))
    };
    store(conn, &design, 0)?;
    design.steps[1].days = 2;
    let wants = load::brief(conn, item_id, service)?.wants;
    if let Some(theme_id) = wants.iter().find_map(|w| w.theme_id) {
        design.wants.push(WantMark { theme_id, decision: Decision::Taken { step: 3 } });
    }
    store(conn, &design, 1)?;
    Ok(())
}
