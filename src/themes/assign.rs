//! The clustering engine behind [`regroup`](super::regroup): leader clustering of
//! units against theme centroids found through the [`ClusterIndex`], then passes
//! that move each unit to its most similar centroid.

use super::centroid::{Centroid, CENTROID_SIZE};
use super::hash::FastMap;
use super::index::ClusterIndex;
use super::signature::{bin_of, Signature, EMPTY_BIN, SKETCH_BINS};
use super::units::Unit;
use super::weights::Weights;
use super::{ASSIGN_THRESHOLD, IDF_POWER};

/// Shingles a working centroid keeps while clustering (as many as a stored one:
/// keeping twice as many was slower and grouped no better on the fixture).
const WORKING_SIZE: usize = CENTROID_SIZE;
/// Clusters compared exactly per unit, among those sharing most sketch bins.
const CANDIDATES: usize = 8;
/// A unit that joined its cluster at least this many times the threshold is settled:
/// the reassignment pass leaves it (it would hardly find a better cluster).
const SETTLED: f32 = 2.0;

/// The knobs of the clustering (the defaults are what [`regroup`](super::regroup) uses).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Params {
    /// Similarity at or above which a unit joins a cluster.
    pub threshold: f32,
    /// Exponent of the rarity weights (0 turns them off).
    pub idf_power: f32,
    /// Reassignment passes after the leader pass.
    pub passes: usize,
}

impl Params {
    /// The tuned defaults (docs/themes.md).
    pub const DEFAULT: Params = Params { threshold: ASSIGN_THRESHOLD, idf_power: IDF_POWER, passes: 1 };
}

/// One cluster being built: an existing theme or a new group.
pub(crate) struct Cluster {
    /// The existing theme it continues, if any.
    pub theme: Option<i64>,
    /// The centroid texts are compared with.
    pub view: Centroid,
    /// Units currently in the cluster.
    pub units: Vec<usize>,
}

/// Clusters, the index that finds them, and the unit → cluster assignment.
pub(crate) struct Engine<'a> {
    sigs: &'a [Signature],
    units: &'a [Unit],
    /// The clusters, kept themes first.
    pub clusters: Vec<Cluster>,
    /// Cluster of each unit.
    pub cluster_of: Vec<usize>,
    /// Whether each unit joined its cluster clearly (see [`SETTLED`]).
    settled: Vec<bool>,
    index: ClusterIndex,
    scratch: Vec<u32>,
    weighted: Vec<(u32, f32)>,
    weights: Weights,
    params: Params,
}

/// The one-permutation sketch of a centroid's own shingles.
fn centroid_sketch(centroid: &Centroid) -> [u32; SKETCH_BINS] {
    let mut sketch = [EMPTY_BIN; SKETCH_BINS];
    for &(hash, _) in centroid.entries() {
        let bin = bin_of(hash);
        sketch[bin] = sketch[bin].min(hash);
    }
    sketch
}

impl<'a> Engine<'a> {
    /// Starts with the kept themes; every unit is unassigned (`usize::MAX`).
    pub fn new(sigs: &'a [Signature], units: &'a [Unit], kept: &[(i64, Centroid)], params: Params) -> Self {
        let weights = Weights::count(units.iter().map(|u| &sigs[u.head]), params.idf_power);
        let mut engine = Engine {
            sigs,
            units,
            clusters: Vec::new(),
            cluster_of: vec![usize::MAX; units.len()],
            settled: vec![false; units.len()],
            index: ClusterIndex::default(),
            scratch: Vec::new(),
            weighted: Vec::new(),
            weights,
            params,
        };
        for (id, centroid) in kept {
            if engine.clusters.iter().any(|c| c.theme == Some(*id)) {
                continue;
            }
            let c = engine.clusters.len();
            engine.index.insert(&centroid_sketch(centroid), c as u32);
            engine.clusters.push(Cluster { theme: Some(*id), view: centroid.clone(), units: Vec::new() });
        }
        engine
    }

    fn head(&self, unit: usize) -> &'a Signature {
        &self.sigs[self.units[unit].head]
    }

    fn weight(&self, unit: usize) -> u32 {
        self.units[unit].members.len() as u32
    }

    fn join(&mut self, unit: usize, cluster: usize) {
        let (sig, weight) = (self.head(unit), self.weight(unit));
        self.weights.apply(sig.entries(), &mut self.weighted);
        let c = &mut self.clusters[cluster];
        c.view.add_weighted(&self.weighted, weight, WORKING_SIZE);
        c.units.push(unit);
        self.cluster_of[unit] = cluster;
        self.index.insert(sig.sketch(), cluster as u32);
    }

    fn open(&mut self, unit: usize, theme: Option<i64>) -> usize {
        let view = Centroid::from_parts(Vec::new(), 0, WORKING_SIZE);
        self.clusters.push(Cluster { theme, view, units: Vec::new() });
        let c = self.clusters.len() - 1;
        self.join(unit, c);
        c
    }

    /// Puts every fixed unit into its theme, opening the themes not kept.
    pub fn place_fixed(&mut self) {
        let mut by_theme: FastMap<i64, usize> = FastMap::default();
        for (c, cluster) in self.clusters.iter().enumerate() {
            if let Some(theme) = cluster.theme {
                by_theme.insert(theme, c);
            }
        }
        for u in 0..self.units.len() {
            let Some(theme) = self.units[u].fixed else { continue };
            match by_theme.get(&theme) {
                Some(&c) => self.join(u, c),
                None => {
                    let c = self.open(u, Some(theme));
                    by_theme.insert(theme, c);
                }
            }
        }
    }

    /// The most similar candidate cluster other than `skip`, with its similarity.
    fn best(&mut self, unit: usize, skip: Option<usize>) -> Option<(usize, f32)> {
        let sig = self.head(unit);
        let mut candidates = std::mem::take(&mut self.scratch);
        self.index.candidates(sig.sketch(), CANDIDATES, &mut candidates);
        let mut best: Option<(usize, f32)> = None;
        for c in candidates.iter().map(|&c| c as usize) {
            if Some(c) == skip {
                continue;
            }
            let s = self.clusters[c].view.similarity(sig);
            if best.is_none_or(|(bc, bs)| s > bs || (s == bs && c < bc)) {
                best = Some((c, s));
            }
        }
        self.scratch = candidates;
        best
    }

    /// Leader pass: each unfixed unit joins the most similar cluster reaching the
    /// threshold, or opens a new one.
    pub fn lead(&mut self) {
        for u in 0..self.units.len() {
            if self.units[u].fixed.is_some() {
                continue;
            }
            match self.best(u, None) {
                Some((c, s)) if s >= self.params.threshold => {
                    self.settled[u] = s >= SETTLED * self.params.threshold;
                    self.join(u, c);
                }
                _ => {
                    self.open(u, None);
                }
            }
        }
    }

    /// Moves each unfixed unit to its most similar centroid (centroids frozen during
    /// a pass, then recomputed from their members).
    pub fn reassign(&mut self) {
        for pass in 0..self.params.passes {
            let mut moves: Vec<(usize, usize)> = Vec::new();
            for u in 0..self.units.len() {
                if self.units[u].fixed.is_some() || self.settled[u] {
                    continue;
                }
                let current = self.cluster_of[u];
                let found = self.best(u, Some(current));
                let alone = self.clusters[current].units.len() == 1;
                let stay = if alone { 0.0 } else { self.clusters[current].view.similarity(self.head(u)) };
                if let Some((c, s)) = found {
                    if s >= self.params.threshold && s > stay {
                        moves.push((u, c));
                    }
                }
            }
            if moves.is_empty() {
                break;
            }
            for (u, c) in moves {
                self.cluster_of[u] = c;
            }
            self.rebuild(pass + 1 < self.params.passes);
        }
    }

    /// Recomputes every cluster's member list from the assignment, and with
    /// `centroids` their centroids too (not needed after the last pass).
    fn rebuild(&mut self, centroids: bool) {
        for c in &mut self.clusters {
            c.units.clear();
        }
        for (u, &c) in self.cluster_of.iter().enumerate() {
            self.clusters[c].units.push(u);
        }
        for c in 0..self.clusters.len() {
            if !centroids || (self.clusters[c].units.is_empty() && self.clusters[c].theme.is_some()) {
                continue; // a kept theme without texts keeps the centroid it came with
            }
            self.clusters[c].view = self.exact_centroid(c, WORKING_SIZE);
        }
    }

    /// The exact mean of a cluster's texts (rarity-weighted), cut to `cap` shingles.
    pub fn exact_centroid(&self, cluster: usize, cap: usize) -> Centroid {
        let mut sum: FastMap<u32, f32> = FastMap::default();
        let mut count = 0u32;
        for &u in &self.clusters[cluster].units {
            let w = self.weight(u);
            count += w;
            for &(h, x) in self.head(u).entries() {
                *sum.entry(h).or_insert(0.0) += x * w as f32;
            }
        }
        let scale = 1.0 / count.max(1) as f32;
        let mut entries: Vec<(u32, f32)> = sum.into_iter().map(|(h, x)| (h, x * scale * self.weights.of(h))).collect();
        entries.sort_unstable_by_key(|e| e.0);
        Centroid::from_parts(entries, count, cap)
    }
}
