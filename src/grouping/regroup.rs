//! Regrouping a whole service: every visible feedback is grouped again, except
//! that confirmed themes and designers' moves are kept (their members stay put;
//! other feedback may still join a confirmed theme).

use std::collections::HashMap;

use chrono::Utc;
use serde_json::json;

use super::auto_labels;
use crate::audit::{self, Actor, Target};
use crate::counts::{self, dim};
use crate::db::theme_members::{self, Member};
use crate::db::themes::{self, NewTheme};
use crate::db::{write_transaction, Conn};
use crate::themes::{regroup, CategoryVotes, Centroid, Doc, Lexicon};

/// Texts used to label a new group.
const LABEL_TEXTS: usize = 40;

/// What a regroup did.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct RegroupSummary {
    /// Feedback grouped.
    pub feedback: usize,
    /// Themes kept (confirmed by designers).
    pub kept: usize,
    /// Themes made anew.
    pub created: usize,
}

/// Regroups the service (in one transaction), audited as `service.regroup` by `actor`.
pub fn regroup_service(
    conn: &mut Conn,
    service_id: i64,
    ministry_id: i64,
    lexicon: &Lexicon,
    actor: &Actor,
) -> diesel::QueryResult<RegroupSummary> {
    write_transaction(conn, |c| {
        let now = Utc::now().naive_utc();
        let members = theme_members::visible_of_service(c, service_id)?;
        let all_themes = themes::of_service(c, service_id)?;
        let pinned_to: std::collections::HashSet<i64> =
            members.iter().filter(|m| m.theme_pinned).filter_map(|m| m.theme_id).collect();
        // Confirmed themes, and themes a designer moved feedback into, survive.
        let survivors: Vec<_> = all_themes.iter().filter(|t| t.confirmed || pinned_to.contains(&t.id)).collect();
        let kept: Vec<(i64, Centroid)> =
            survivors.iter().filter_map(|t| Some((t.id, Centroid::decode(&t.centroid)?))).collect();
        let confirmed_ids: Vec<i64> = all_themes.iter().filter(|t| t.confirmed).map(|t| t.id).collect();
        let docs: Vec<Doc> = members
            .iter()
            .map(|m| Doc {
                id: m.id,
                text: m.public_text(),
                fixed: m.theme_id.filter(|t| m.theme_pinned || confirmed_ids.contains(t)),
            })
            .collect();
        let groups = regroup(&docs, &kept);
        let by_id: HashMap<i64, &Member> = members.iter().map(|m| (m.id, m)).collect();
        let mut summary = RegroupSummary { feedback: members.len(), kept: survivors.len(), created: 0 };
        for group in groups {
            let texts: Vec<String> =
                group.members.iter().filter_map(|id| by_id.get(id)).map(|m| m.public_text()).collect();
            let mut votes = CategoryVotes::default();
            for text in &texts {
                votes.add(&lexicon.votes(text));
            }
            let theme_id = match group.theme {
                Some(id) => {
                    let theme = survivors.iter().find(|t| t.id == id);
                    let category = theme.filter(|t| !t.category_by_designer).map(|_| votes.winner().as_str());
                    themes::set_grouping(c, id, &group.centroid.encode(), &votes.encode(), category, now)?;
                    id
                }
                None => {
                    let sample: Vec<&str> = texts.iter().take(LABEL_TEXTS).map(String::as_str).collect();
                    let (label_bn, label_en) = auto_labels(&sample);
                    summary.created += 1;
                    themes::insert(
                        c,
                        &NewTheme {
                            service_id,
                            label_bn,
                            label_en,
                            category: votes.winner().as_str().to_owned(),
                            category_by_designer: false,
                            category_votes: votes.encode(),
                            confirmed: false,
                            centroid: group.centroid.encode(),
                            created_at: now,
                            updated_at: now,
                        },
                    )?
                }
            };
            // Pinned members keep their pin; the rest are placed by the algorithm.
            let (pinned, free): (Vec<i64>, Vec<i64>) =
                group.members.iter().partition(|id| by_id.get(id).is_some_and(|m| m.theme_pinned));
            theme_members::set_theme(c, &free, Some(theme_id), false, now)?;
            theme_members::set_theme(c, &pinned, Some(theme_id), true, now)?;
        }
        themes::delete_empty_unconfirmed(c, service_id)?;
        counts::recount(c, service_id, Some(dim::THEME))?;
        let target = Target { kind: "service", id: Some(service_id), ministry_id: Some(ministry_id) };
        audit::record(c, actor, "service.regroup", target, None, Some(json!(summary)))?;
        Ok(summary)
    })
}
