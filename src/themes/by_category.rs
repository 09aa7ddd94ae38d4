//! Grouping that keeps one pain category per theme.
//!
//! Texts are first sorted by the category the classifier gives them; within a
//! category the n-gram clustering ([`regroup_signed`]) proposes groups, and only
//! groups big enough to be a pain point of their own stay apart (with [`SPLIT_SHARE`]
//! at 1, none: one theme per category besides kept themes): the rest join the
//! most similar of those (or, when none is, all of the category's texts form one
//! theme). Texts of no category (`other`: off-topic, spam) and categories with too
//! few texts wait as "not yet grouped" instead of opening themes of one text.
//! On arrival ([`place`]) a text joins the most similar theme of its category.

use super::category::{CategoryVotes, PainCategory};
use super::centroid::Centroid;
use super::cluster::{regroup_signed, Doc, Group};
use super::signature::Signature;
use super::ASSIGN_THRESHOLD;

/// Fewest texts that make a theme of their own.
pub const MIN_THEME: usize = 2;
/// Share of a category's texts that a group needs to stay a theme of its own: all of them.
/// The n-gram groups within a category follow wording and language more than the problem
/// (measured in docs/themes.md: splitting at 30% lowered inverse purity, adjusted Rand and the
/// same complaint across languages), so a regroup makes one theme per category and splitting
/// is left to the designer.
pub const SPLIT_SHARE: f32 = 1.0;
/// Share of a theme's votes a category needs for the theme to take texts of it on arrival
/// besides its own category (a designer merged themes of two categories).
pub const ACCEPT_SHARE: f32 = 0.3;

/// A theme that must survive a regroup: id, centroid and the category it stands for.
pub type KeptTheme = (i64, Centroid, PainCategory);

/// The result of a regroup: themes, and the texts that wait as not yet grouped.
#[derive(Debug, Clone, Default)]
pub struct Grouping {
    /// Themes, kept ones first; each with its category.
    pub groups: Vec<(Group, PainCategory)>,
    /// Ids of texts that fit no theme yet.
    pub ungrouped: Vec<i64>,
}

/// Regroups one service. `categories[i]` is the category of `docs[i]`; a doc fixed to a
/// kept theme is placed by that theme's category. Kept themes always come back.
///
/// # Panics
/// When `docs`, `sigs` and `categories` differ in length.
pub fn regroup_by_category(
    docs: &[Doc],
    sigs: &[Signature],
    categories: &[PainCategory],
    kept: &[KeptTheme],
) -> Grouping {
    assert!(docs.len() == sigs.len() && docs.len() == categories.len(), "one signature and category per doc");
    let category_of =
        |i: usize| docs[i].fixed.and_then(|t| kept.iter().find(|k| k.0 == t)).map_or(categories[i], |k| k.2);
    let mut out = Grouping::default();
    for category in PainCategory::ALL {
        let idx: Vec<usize> = (0..docs.len()).filter(|&i| category_of(i) == category).collect();
        let kept_here: Vec<(i64, Centroid)> =
            kept.iter().filter(|k| k.2 == category).map(|k| (k.0, k.1.clone())).collect();
        if idx.is_empty() && kept_here.is_empty() {
            continue;
        }
        let sub_docs: Vec<Doc> = idx.iter().map(|&i| docs[i].clone()).collect();
        let sub_sigs: Vec<Signature> = idx.iter().map(|&i| sigs[i].clone()).collect();
        let groups = regroup_signed(&sub_docs, &sub_sigs, &kept_here);
        let (themes, waiting) = consolidate(groups, idx.len(), category == PainCategory::Other);
        out.groups.extend(themes.into_iter().map(|g| (g, category)));
        out.ungrouped.extend(waiting);
    }
    // Kept themes first (in the order given), then new ones, largest first.
    let rank = |g: &Group| kept.iter().position(|k| Some(k.0) == g.theme).unwrap_or(usize::MAX);
    out.groups.sort_by(|a, b| rank(&a.0).cmp(&rank(&b.0)).then(b.0.members.len().cmp(&a.0.members.len())));
    out.ungrouped.sort_unstable();
    out
}

/// Keeps the groups big enough (or kept) and folds the others into the most similar of
/// them; returns the themes and the ids left waiting.
fn consolidate(groups: Vec<Group>, total: usize, other: bool) -> (Vec<Group>, Vec<i64>) {
    let min = MIN_THEME.max((SPLIT_SHARE * total as f32).ceil() as usize);
    let (mut big, small): (Vec<Group>, Vec<Group>) =
        groups.into_iter().partition(|g| g.theme.is_some() || (!other && g.members.len() >= min));
    let mut waiting = Vec::new();
    if other {
        waiting.extend(small.into_iter().flat_map(|g| g.members));
        return (big, waiting);
    }
    if big.is_empty() {
        if total < MIN_THEME {
            waiting.extend(small.into_iter().flat_map(|g| g.members));
            return (big, waiting);
        }
        let mut all = small.into_iter();
        let Some(mut first) = all.next() else { return (big, waiting) };
        for g in all {
            first.centroid.merge(&g.centroid);
            first.members.extend(g.members);
        }
        first.members.sort_unstable();
        return (vec![first], waiting);
    }
    for g in small {
        let best = (0..big.len())
            .max_by(|&a, &b| {
                let (sa, sb) = (big[a].centroid.similarity_to(&g.centroid), big[b].centroid.similarity_to(&g.centroid));
                sa.total_cmp(&sb).then(b.cmp(&a))
            })
            .expect("at least one big group");
        big[best].centroid.merge(&g.centroid);
        big[best].members.extend(g.members);
    }
    for g in &mut big {
        g.members.sort_unstable();
    }
    (big, waiting)
}

/// Where a new text goes on arrival.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Placement {
    /// Join this theme.
    Join(i64),
    /// Open a new theme of the text's category.
    Open,
    /// Wait as not yet grouped.
    Wait,
}

/// Whether a theme of `theme_category` with these votes takes a new text of `category`:
/// its own category, or one that holds [`ACCEPT_SHARE`] of its votes.
pub fn accepts(theme_category: PainCategory, votes: &CategoryVotes, category: PainCategory) -> bool {
    theme_category == category || votes.share(category) >= ACCEPT_SHARE
}

/// Places a new text of `category` among the service's themes `(id, centroid, whether
/// it [`accepts`] the category)`: the most similar theme that accepts it; else a new
/// theme. A text of no category joins an accepting theme only when really alike, and
/// otherwise waits as not yet grouped.
pub fn place<'a>(
    sig: &Signature,
    category: PainCategory,
    themes: impl IntoIterator<Item = (i64, &'a Centroid, bool)>,
) -> Placement {
    let mut best: Option<(i64, f32)> = None;
    for (id, centroid, accepted) in themes {
        if !accepted {
            continue;
        }
        let s = centroid.similarity(sig);
        if best.is_none_or(|(_, b)| s > b) {
            best = Some((id, s));
        }
    }
    match best {
        Some((id, s)) if category != PainCategory::Other || s >= ASSIGN_THRESHOLD => Placement::Join(id),
        _ if category != PainCategory::Other => Placement::Open,
        _ => Placement::Wait,
    }
}

#[cfg(test)]
#[path = "by_category_tests.rs"]
mod tests;
