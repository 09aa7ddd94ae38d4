//! Regrouping all the feedback of one service into themes.

use super::assign::{Engine, Params};
use super::centroid::{Centroid, CENTROID_SIZE};
use super::signature::{signature, Signature};
use super::units::build_units;

/// One feedback text to group.
#[derive(Debug, Clone, PartialEq)]
pub struct Doc {
    /// The feedback id.
    pub id: i64,
    /// The feedback text.
    pub text: String,
    /// The existing theme it must stay in (a designer confirmed or moved it), if any.
    pub fixed: Option<i64>,
}

/// One theme after regrouping.
#[derive(Debug, Clone)]
pub struct Group {
    /// The existing theme it continues (kept or fixed), or `None` for a new group.
    pub theme: Option<i64>,
    /// Ids of its feedback, in input order.
    pub members: Vec<i64>,
    /// The centroid of its texts (a kept theme without texts keeps the one it came with).
    pub centroid: Centroid,
}

/// Regroups a whole service. `kept` are confirmed themes (id, centroid) that must
/// survive: their fixed docs stay, and unfixed docs may join them. Every doc ends in
/// exactly one group (singletons allowed). Deterministic for the same input.
///
/// Groups come in this order: the kept themes (in `kept` order, even when empty),
/// then themes named only by fixed docs, then new groups, largest first.
pub fn regroup(docs: &[Doc], kept: &[(i64, Centroid)]) -> Vec<Group> {
    let sigs: Vec<Signature> = docs.iter().map(|d| signature(&d.text)).collect();
    regroup_signed(docs, &sigs, kept)
}

/// [`regroup`] with the signatures already made (`sigs[i]` is `docs[i]`'s; the
/// texts are not read again).
///
/// # Panics
/// When `sigs` and `docs` differ in length.
pub fn regroup_signed(docs: &[Doc], sigs: &[Signature], kept: &[(i64, Centroid)]) -> Vec<Group> {
    regroup_tuned(docs, sigs, kept, Params::DEFAULT)
}

/// [`regroup_signed`] with other clustering knobs (for tuning).
pub(crate) fn regroup_tuned(docs: &[Doc], sigs: &[Signature], kept: &[(i64, Centroid)], params: Params) -> Vec<Group> {
    assert_eq!(docs.len(), sigs.len(), "one signature per doc");
    let fixed: Vec<Option<i64>> = docs.iter().map(|d| d.fixed).collect();
    let units = build_units(sigs, &fixed);
    let mut engine = Engine::new(sigs, &units, kept, params);
    engine.place_fixed();
    engine.lead();
    engine.reassign();

    let mut order: Vec<usize> = (0..engine.clusters.len()).collect();
    let first_doc = |c: usize| engine.clusters[c].units.iter().map(|&u| units[u].head).min().unwrap_or(usize::MAX);
    let size = |c: usize| engine.clusters[c].units.iter().map(|&u| units[u].members.len()).sum::<usize>();
    order.retain(|&c| engine.clusters[c].theme.is_some() || !engine.clusters[c].units.is_empty());
    order.sort_by_key(|&c| match engine.clusters[c].theme {
        Some(_) => (0, 0, c),
        None => (1, usize::MAX - size(c), first_doc(c)),
    });
    order
        .into_iter()
        .map(|c| {
            let cluster = &engine.clusters[c];
            let mut members: Vec<usize> =
                cluster.units.iter().flat_map(|&u| units[u].members.iter().copied()).collect();
            members.sort_unstable();
            let centroid = match kept.iter().find(|k| Some(k.0) == cluster.theme) {
                Some((_, given)) if members.is_empty() => given.clone(),
                _ => engine.exact_centroid(c, CENTROID_SIZE),
            };
            Group { theme: cluster.theme, members: members.into_iter().map(|i| docs[i].id).collect(), centroid }
        })
        .collect()
}

#[cfg(test)]
#[path = "cluster_tests.rs"]
mod tests;
