//! Near-duplicate texts of a service joined into units before clustering, so that
//! they always land in the same group (and are compared once instead of many times).
//!
//! Candidates come from MinHash banding (8 bands of 2 sketch bins); a candidate that
//! agrees on enough bins is confirmed with [`near_duplicate`]. Texts with no words
//! form one unit; texts fixed to different themes are never joined.

use super::hash::{mix64, FastMap};
use super::signature::{near_duplicate, Signature, EMPTY_BIN, SKETCH_BINS};

const BAND_CAP: usize = 4;
const NONE: u32 = u32::MAX;
const MIN_AGREEING_BINS: usize = 8;
/// Candidates confirmed with a full cosine per text, those agreeing on most bins first.
const MAX_CHECKS: usize = 2;

/// Near-duplicate texts treated as one: the first one's signature stands for all.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Unit {
    /// Index of the first text, whose signature represents the unit.
    pub head: usize,
    /// Indices of every text of the unit, in input order.
    pub members: Vec<usize>,
    /// The theme the unit is fixed to, if any of its texts is.
    pub fixed: Option<i64>,
}

struct Forest {
    parent: Vec<usize>,
    fixed: Vec<Option<i64>>,
}

impl Forest {
    fn find(&mut self, mut i: usize) -> usize {
        while self.parent[i] != i {
            self.parent[i] = self.parent[self.parent[i]];
            i = self.parent[i];
        }
        i
    }

    /// Joins the sets of `a` and `b` unless they are fixed to different themes.
    fn join(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        let (fa, fb) = (self.fixed[ra], self.fixed[rb]);
        if ra == rb || (fa.is_some() && fb.is_some() && fa != fb) {
            return;
        }
        let (root, child) = if ra < rb { (ra, rb) } else { (rb, ra) };
        self.parent[child] = root;
        self.fixed[root] = fa.or(fb);
    }
}

fn band_keys(sketch: &[u32; SKETCH_BINS]) -> impl Iterator<Item = u64> + '_ {
    sketch.chunks(2).enumerate().filter(|(_, pair)| pair.iter().any(|&v| v != EMPTY_BIN)).map(|(band, pair)| {
        mix64((u64::from(pair[0]) << 32 | u64::from(pair[1])) ^ (band as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15))
    })
}

fn agreeing_bins(a: &[u32; SKETCH_BINS], b: &[u32; SKETCH_BINS]) -> usize {
    a.iter().zip(b).filter(|(x, y)| x == y && **x != EMPTY_BIN).count()
}

/// Splits texts into units of near-duplicates; `fixed[i]` is text `i`'s fixed theme.
pub(crate) fn build_units(sigs: &[Signature], fixed: &[Option<i64>]) -> Vec<Unit> {
    let mut forest = Forest { parent: (0..sigs.len()).collect(), fixed: fixed.to_vec() };
    let mut bands: FastMap<u64, [u32; BAND_CAP]> = FastMap::default();
    let mut first_empty: Option<usize> = None;
    let mut seen: Vec<usize> = Vec::new();
    let mut ranked: Vec<(usize, usize)> = Vec::new();
    for (i, sig) in sigs.iter().enumerate() {
        if sig.is_empty() {
            match first_empty {
                Some(first) => forest.join(first, i),
                None => first_empty = Some(i),
            }
            continue;
        }
        seen.clear();
        for key in band_keys(sig.sketch()) {
            let list = bands.entry(key).or_insert([NONE; BAND_CAP]);
            for slot in list.iter_mut() {
                if *slot == NONE {
                    *slot = i as u32;
                    break;
                }
                let c = *slot as usize;
                if !seen.contains(&c) {
                    seen.push(c);
                }
            }
        }
        ranked.clear();
        ranked.extend(
            seen.iter()
                .map(|&c| (agreeing_bins(sig.sketch(), sigs[c].sketch()), c))
                .filter(|&(agree, _)| agree >= MIN_AGREEING_BINS),
        );
        ranked.sort_unstable_by(|x, y| y.0.cmp(&x.0).then(x.1.cmp(&y.1)));
        let mut checks = 0;
        for &(_, c) in &ranked {
            if checks == MAX_CHECKS {
                break;
            }
            if forest.find(c) == forest.find(i) {
                continue;
            }
            checks += 1;
            if near_duplicate(sig, &sigs[c]) {
                forest.join(c, i);
            }
        }
    }
    let mut unit_of_root: FastMap<usize, usize> = FastMap::default();
    let mut units: Vec<Unit> = Vec::new();
    for i in 0..sigs.len() {
        let root = forest.find(i);
        let u = *unit_of_root.entry(root).or_insert_with(|| {
            units.push(Unit { head: root, members: Vec::new(), fixed: forest.fixed[root] });
            units.len() - 1
        });
        units[u].members.push(i);
    }
    units
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::themes::signature::signature;

    fn units_of(texts: &[&str], fixed: &[Option<i64>]) -> Vec<Vec<usize>> {
        let sigs: Vec<Signature> = texts.iter().map(|t| signature(t)).collect();
        build_units(&sigs, fixed).into_iter().map(|u| u.members).collect()
    }

    #[test]
    fn near_duplicates_form_one_unit_and_others_stay_apart() {
        let texts = [
            "পাসপোর্ট অফিসে দালাল ছাড়া কোনো কাজ হয় না, ঘুষ দিতে হয়",
            "অনলাইনে আবেদন করতে গেলে সার্ভার ডাউন দেখায়",
            "পাসপোর্ট অফিসে দালাল ছাড়া কোন কাজ হয় না ঘুস দিতে হয়!!",
            "পাসপোর্ট   অফিসে দালাল ছাড়া কোনো কাজ হয় না।।  ঘুষ দিতে হয় ২ বার",
        ];
        assert_eq!(units_of(&texts, &[None; 4]), vec![vec![0, 2, 3], vec![1]]);
    }

    #[test]
    fn texts_fixed_to_different_themes_are_never_joined() {
        let texts = ["server down again", "server down again", "server down again!"];
        let units = units_of(&texts, &[Some(1), Some(2), None]);
        assert_eq!(units.len(), 2);
        assert!(units.iter().all(|u| !(u.contains(&0) && u.contains(&1))));
    }

    #[test]
    fn texts_without_words_form_one_unit() {
        assert_eq!(units_of(&["?!", "দালাল", "😡"], &[None; 3]), vec![vec![0, 2], vec![1]]);
    }
}
