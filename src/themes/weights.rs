//! Rarity weights of shingles within one service (an inverse document frequency).
//!
//! Shingles that most texts of a service share (the service's own name: `পাসপোর্ট`,
//! `অফিস`) say nothing about which pain a text is about, yet they dominate a plain
//! cosine. While regrouping, centroids weight each shingle by
//! `ln(1 + S / max(df, d0))^p`, counted on a sample of `S` texts; every shingle rarer
//! than `d0` gets the same, highest weight, so typos do not get outsized weights and
//! only the few thousand common shingles need to be stored.

use super::hash::FastMap;
use super::signature::Signature;

/// Texts sampled to count document frequencies.
const SAMPLE: usize = 4096;

/// Shingle rarity weights counted on (a sample of) one service's texts.
#[derive(Debug, Clone)]
pub(crate) struct Weights {
    common: FastMap<u32, f32>,
    rare: f32,
}

impl Weights {
    /// Counts the texts `heads` (every n-th one beyond [`SAMPLE`]), with exponent `power`.
    pub fn count<'a>(heads: impl ExactSizeIterator<Item = &'a Signature>, power: f32) -> Self {
        let total = heads.len();
        let step = total.div_ceil(SAMPLE).max(1);
        let mut df: FastMap<u32, u32> = FastMap::default();
        let mut sampled = 0usize;
        for sig in heads.step_by(step) {
            sampled += 1;
            for &(h, _) in sig.entries() {
                *df.entry(h).or_default() += 1;
            }
        }
        let floor = (sampled / 200).max(2) as f32;
        let weight = |df: f32| (1.0 + sampled as f32 / df.max(floor)).ln().powf(power);
        let common = df.into_iter().filter(|&(_, d)| d as f32 > floor).map(|(h, d)| (h, weight(d as f32))).collect();
        Weights { common, rare: weight(floor) }
    }

    /// The weight of one shingle.
    pub fn of(&self, hash: u32) -> f32 {
        self.common.get(&hash).copied().unwrap_or(self.rare)
    }

    /// `entries` with each weight multiplied by its shingle's rarity, into `out`.
    pub fn apply(&self, entries: &[(u32, f32)], out: &mut Vec<(u32, f32)>) {
        out.clear();
        out.extend(entries.iter().map(|&(h, w)| (h, w * self.of(h))));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::themes::signature::signature;

    #[test]
    fn shingles_every_text_shares_weigh_less_than_rare_ones() {
        let texts: Vec<Signature> = (0..20)
            .map(|i| signature(&format!("পাসপোর্ট অফিসে সমস্যা নম্বর{i} {}", ["দালাল", "সার্ভার", "লাইন", "ফি"][i % 4])))
            .collect();
        let w = Weights::count(texts.iter(), 1.0);
        let common = signature("পাসপোর্ট");
        let rare = signature("দালাল");
        let mean = |s: &Signature| s.entries().iter().map(|e| w.of(e.0)).sum::<f32>() / s.len() as f32;
        assert!(mean(&common) < mean(&rare) / 2.0, "{} {}", mean(&common), mean(&rare));
    }

    #[test]
    fn no_texts_weigh_everything_alike() {
        let w = Weights::count(std::iter::empty(), 1.0);
        assert_eq!(w.of(1), w.of(2));
    }
}
