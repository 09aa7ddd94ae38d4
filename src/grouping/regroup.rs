//! Regrouping a whole service: every visible feedback is grouped again by pain
//! category ([`regroup_by_category`]). Designers' work is never undone: confirmed
//! themes, themes a backlog item addresses and themes a designer moved or merged
//! feedback into are kept with their members; other feedback may still join them.
//! A new group that continues an old automatic theme keeps that theme's id, so links
//! and renamed labels survive. [`preview_regroup`] says what would change first.

use std::collections::{HashMap, HashSet};

use chrono::Utc;
use serde_json::json;

use super::{auto_labels, LABEL_TEXTS};
use crate::audit::{self, Actor, Target};
use crate::counts::{self, dim};
use crate::db::theme_members::{self, Member};
use crate::db::themes::{self, NewTheme, Theme};
use crate::db::{write_transaction, Conn};
use crate::themes::{
    regroup_by_category, signature, CategoryVotes, Centroid, Classifier, Doc, KeptTheme, PainCategory, Signature,
};

/// What a regroup did (or, previewed, would do).
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct RegroupSummary {
    /// Feedback grouped.
    pub feedback: usize,
    /// Themes kept (confirmed, addressed by a backlog item, or shaped by a designer).
    pub kept: usize,
    /// Themes made anew.
    pub created: usize,
    /// Automatic themes that continue (same id, maybe other members).
    pub continued: usize,
    /// Automatic themes that end (their feedback goes elsewhere).
    pub ended: usize,
    /// Feedback left not yet grouped.
    pub ungrouped: usize,
}

/// One theme as it is and as it would be after a regroup.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ThemeChange {
    /// The theme.
    pub id: i64,
    /// Labels.
    pub label_bn: String,
    /// Labels.
    pub label_en: String,
    /// Feedback in it now.
    pub before: usize,
    /// Feedback in it after (0: it would end).
    pub after: usize,
    /// Kept whatever happens (confirmed, backlog, designer's work).
    pub kept: bool,
}

/// What a regroup would do, theme by theme.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct RegroupPreview {
    /// The totals.
    pub summary: RegroupSummary,
    /// Themes now, and what becomes of each.
    pub themes: Vec<ThemeChange>,
    /// Themes after.
    pub themes_after: usize,
    /// Feedback not yet grouped now.
    pub ungrouped_before: usize,
}

/// One planned theme: the id it continues, its members, centroid, category and votes.
struct Planned {
    theme: Option<i64>,
    members: Vec<i64>,
    centroid: Centroid,
    category: PainCategory,
    votes: CategoryVotes,
}

struct Plan {
    members: Vec<Member>,
    old: Vec<Theme>,
    kept: HashSet<i64>,
    groups: Vec<Planned>,
    ungrouped: Vec<i64>,
}

fn plan(c: &mut Conn, service_id: i64, classifier: &Classifier) -> diesel::QueryResult<Plan> {
    let members = theme_members::visible_of_service(c, service_id)?;
    let old = themes::of_service(c, service_id)?;
    let linked: HashSet<i64> = themes::linked_to_backlog(c, service_id)?.into_iter().collect();
    let pinned_to: HashSet<i64> = members.iter().filter(|m| m.theme_pinned).filter_map(|m| m.theme_id).collect();
    // Whole themes stay as they are when a designer confirmed them or a backlog item names them.
    let whole: HashSet<i64> = old.iter().filter(|t| t.confirmed || linked.contains(&t.id)).map(|t| t.id).collect();
    let kept: HashSet<i64> = whole.iter().copied().chain(pinned_to.iter().copied()).collect();
    let kept_themes: Vec<KeptTheme> = old
        .iter()
        .filter(|t| kept.contains(&t.id))
        .filter_map(|t| Some((t.id, Centroid::decode(&t.centroid)?, parse_category(&t.category))))
        .collect();
    let texts: Vec<String> = members.iter().map(Member::public_text).collect();
    let docs: Vec<Doc> = members
        .iter()
        .zip(&texts)
        .map(|(m, text)| Doc {
            id: m.id,
            text: text.clone(),
            fixed: m.theme_id.filter(|t| m.theme_pinned || whole.contains(t)),
        })
        .collect();
    let sigs: Vec<Signature> = texts.iter().map(|t| signature(t)).collect();
    let categories: Vec<PainCategory> = super::categories::of_members(c, classifier, &members)?;
    let by_doc: HashMap<i64, PainCategory> = members.iter().map(|m| m.id).zip(categories.iter().copied()).collect();
    let grouping = regroup_by_category(&docs, &sigs, &categories, &kept_themes);
    // A new group continues the automatic theme that gave it most of its members
    // (when that theme is not continued already and gave at least half).
    let was: HashMap<i64, i64> = members.iter().filter_map(|m| Some((m.id, m.theme_id?))).collect();
    let mut taken: HashSet<i64> = HashSet::new();
    let mut groups = Vec::new();
    for (group, category) in grouping.groups {
        let mut votes = CategoryVotes::default();
        for id in &group.members {
            votes.vote(by_doc.get(id).copied().unwrap_or(PainCategory::Other), 1);
        }
        let theme = group.theme.or_else(|| {
            let mut from: HashMap<i64, usize> = HashMap::new();
            for id in &group.members {
                if let Some(t) = was.get(id).filter(|t| !kept.contains(t)) {
                    *from.entry(*t).or_default() += 1;
                }
            }
            let best = from.into_iter().filter(|(t, _)| !taken.contains(t)).max_by_key(|&(t, n)| (n, -t))?;
            (best.1 * 2 >= group.members.len()).then_some(best.0)
        });
        if let Some(t) = theme {
            taken.insert(t);
        }
        groups.push(Planned { theme, members: group.members, centroid: group.centroid, category, votes });
    }
    Ok(Plan { members, old, kept, groups, ungrouped: grouping.ungrouped })
}

fn parse_category(s: &str) -> PainCategory {
    PainCategory::parse(s).unwrap_or(PainCategory::Other)
}

fn summarise(plan: &Plan) -> RegroupSummary {
    let continued = plan.groups.iter().filter(|g| g.theme.is_some_and(|t| !plan.kept.contains(&t))).count();
    let automatic = plan.old.iter().filter(|t| !plan.kept.contains(&t.id)).count();
    RegroupSummary {
        feedback: plan.members.len(),
        kept: plan.old.iter().filter(|t| plan.kept.contains(&t.id)).count(),
        created: plan.groups.iter().filter(|g| g.theme.is_none()).count(),
        continued,
        ended: automatic - continued,
        ungrouped: plan.ungrouped.len(),
    }
}

/// What regrouping the service would do, without changing anything.
pub fn preview_regroup(
    conn: &mut Conn,
    service_id: i64,
    classifier: &Classifier,
) -> diesel::QueryResult<RegroupPreview> {
    let plan = plan(conn, service_id, classifier)?;
    let mut before: HashMap<i64, usize> = HashMap::new();
    for m in &plan.members {
        if let Some(t) = m.theme_id {
            *before.entry(t).or_default() += 1;
        }
    }
    let after: HashMap<i64, usize> = plan.groups.iter().filter_map(|g| Some((g.theme?, g.members.len()))).collect();
    let mut themes: Vec<ThemeChange> = plan
        .old
        .iter()
        .map(|t| ThemeChange {
            id: t.id,
            label_bn: t.label_bn.clone(),
            label_en: t.label_en.clone(),
            before: before.get(&t.id).copied().unwrap_or(0),
            after: after.get(&t.id).copied().unwrap_or(0),
            kept: plan.kept.contains(&t.id),
        })
        .collect();
    themes.sort_by(|a, b| b.before.cmp(&a.before).then(a.id.cmp(&b.id)));
    Ok(RegroupPreview {
        summary: summarise(&plan),
        themes,
        themes_after: plan.groups.len(),
        ungrouped_before: plan.members.iter().filter(|m| m.theme_id.is_none()).count(),
    })
}

/// Regroups the service (in one transaction), audited as `service.regroup` by `actor`.
pub fn regroup_service(
    conn: &mut Conn,
    service_id: i64,
    ministry_id: i64,
    classifier: &Classifier,
    actor: &Actor,
) -> diesel::QueryResult<RegroupSummary> {
    write_transaction(conn, |c| {
        let now = Utc::now().naive_utc();
        let plan = plan(c, service_id, classifier)?;
        let summary = summarise(&plan);
        let by_id: HashMap<i64, &Member> = plan.members.iter().map(|m| (m.id, m)).collect();
        let old: HashMap<i64, &Theme> = plan.old.iter().map(|t| (t.id, t)).collect();
        for group in &plan.groups {
            let texts: Vec<String> = group
                .members
                .iter()
                .take(LABEL_TEXTS)
                .filter_map(|id| by_id.get(id))
                .map(|m| m.public_text())
                .collect();
            let sample: Vec<&str> = texts.iter().map(String::as_str).collect();
            let theme_id = match group.theme {
                Some(id) => {
                    let before = old.get(&id);
                    let designer = before.is_some_and(|t| t.category_by_designer);
                    let category = (!designer).then(|| group.category.as_str());
                    themes::set_grouping(c, id, &group.centroid.encode(), &group.votes.encode(), category, now)?;
                    // An automatic label follows the theme's new feedback; a designer's stays.
                    if let Some(t) = before.filter(|t| !t.label_by_designer) {
                        let shown = if designer { parse_category(&t.category) } else { group.category };
                        let (label_bn, label_en) = auto_labels(&sample, shown);
                        themes::set_auto_labels(c, id, &label_bn, &label_en)?;
                    }
                    id
                }
                None => {
                    let (label_bn, label_en) = auto_labels(&sample, group.category);
                    themes::insert(
                        c,
                        &NewTheme {
                            service_id,
                            label_bn,
                            label_en,
                            category: group.category.as_str().to_owned(),
                            category_by_designer: false,
                            category_votes: group.votes.encode(),
                            confirmed: false,
                            centroid: group.centroid.encode(),
                            created_at: now,
                            updated_at: now,
                            label_by_designer: false,
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
        theme_members::set_theme(c, &plan.ungrouped, None, false, now)?;
        themes::delete_empty_unconfirmed(c, service_id)?;
        counts::recount(c, service_id, Some(dim::THEME))?;
        let target = Target { kind: "service", id: Some(service_id), ministry_id: Some(ministry_id) };
        audit::record(c, actor, "service.regroup", target, None, Some(json!(summary)))?;
        Ok(summary)
    })
}
