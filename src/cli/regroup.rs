//! `nagorik regroup`: groups the feedback of one service (or all) into themes again.

use anyhow::Context;

use crate::audit::Actor;
use crate::config::Settings;
use crate::db::services;
use crate::grouping::regroup_service;
use crate::startup::{load_classifier, open_database};

/// Regroups `service` (a code), or every service when `None`.
pub fn regroup(settings: &Settings, service: Option<String>) -> anyhow::Result<()> {
    let classifier = load_classifier(settings)?;
    let pool = open_database(settings)?;
    let mut conn = pool.get().context("no database connection")?;
    let targets: Vec<(i64, String, i64)> = match service {
        Some(code) => {
            let code = code.trim().to_uppercase();
            let (s, _, m) = services::find_by_code(&mut conn, &code)?.with_context(|| format!("no service {code}"))?;
            vec![(s.id, s.code, m.id)]
        }
        None => {
            services::list_in_ministries(&mut conn, None)?.into_iter().map(|(s, _, m)| (s.id, s.code, m.id)).collect()
        }
    };
    let bar = super::progress_bar(targets.len() as u64, "services");
    let (mut feedback, mut created) = (0, 0);
    for (id, code, ministry) in &targets {
        let summary = regroup_service(&mut conn, *id, *ministry, &classifier, &Actor::command_line())
            .with_context(|| format!("regrouping {code} failed; it is unchanged"))?;
        feedback += summary.feedback;
        created += summary.created;
        bar.inc(1);
    }
    bar.finish_and_clear();
    println!(
        "Regrouped {} service(s): {feedback} feedback into {created} new theme(s); confirmed themes kept.",
        targets.len()
    );
    Ok(())
}
