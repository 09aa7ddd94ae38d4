//! Cohesion: how alike the texts of a theme are, for the designer's page.
//!
//! A text *fits* its theme when it is more similar, on average, to the theme's other
//! texts than to the service's feedback in general; cohesion is the share of the
//! theme's texts that fit. Similarities are cosines of signatures weighted by shingle
//! rarity in the service (as regroup's centroids are), so the words every text of the
//! service uses do not make everything look alike. A bare mean similarity was measured
//! and not kept: texts of one true theme are only about 0.08 alike (they are told in
//! different words and scripts) against 0.05 for random texts of the service, too close
//! to read. On the development corpus the share that fits is 0.94 for a median true
//! theme, 0.81 for two themes mixed half and half and 0.44 for random texts
//! (`docs/themes.md`); [`CohesionBand`] puts plain words on it. A theme of fewer than
//! three texts, or a service of fewer than twenty, has no cohesion: too few to say.

use std::collections::{HashMap, HashSet};

use super::signature::Signature;
use super::weights::Weights;
use super::IDF_POWER;

/// Fewest texts (with words) of a theme for which a cohesion is given.
pub const MIN_THEME_TEXTS: usize = 3;
/// Fewest texts (with words) of the service sample to compare with: in a service with fewer,
/// a theme's own texts are most of "the service's feedback in general".
pub const MIN_SAMPLE_TEXTS: usize = 20;

/// Share of fitting texts at or above which a theme is very alike (three quarters of the
/// corpus's true themes reach it, half of its half-and-half mixes do not).
pub const VERY_ALIKE: f32 = 0.85;
/// Share below which a theme is mixed (nine in ten groups of random texts stay below it).
pub const MIXED_BELOW: f32 = 0.65;

/// Plain words for a cohesion.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CohesionBand {
    /// As alike as texts of one pain point usually are.
    VeryAlike,
    /// Alike, with some texts about something else.
    Fairly,
    /// Hardly more alike than any texts of the service: probably several problems.
    Mixed,
}

impl CohesionBand {
    /// The band of a cohesion (a share of fitting texts).
    pub fn of(cohesion: f32) -> Self {
        if cohesion >= VERY_ALIKE {
            CohesionBand::VeryAlike
        } else if cohesion >= MIXED_BELOW {
            CohesionBand::Fairly
        } else {
            CohesionBand::Mixed
        }
    }

    /// A short stable name (`very-alike`, `fairly`, `mixed`), e.g. for message ids.
    pub fn as_str(self) -> &'static str {
        match self {
            CohesionBand::VeryAlike => "very-alike",
            CohesionBand::Fairly => "fairly",
            CohesionBand::Mixed => "mixed",
        }
    }
}

/// The sum of unit vectors, as a map from shingle to summed weight.
type Sum = HashMap<u32, f32>;

fn sum<'a>(sigs: impl IntoIterator<Item = &'a Signature>) -> (Sum, usize) {
    let mut total = Sum::new();
    let mut n = 0;
    for sig in sigs {
        n += 1;
        for &(hash, weight) in sig.entries() {
            *total.entry(hash).or_default() += weight;
        }
    }
    (total, n)
}

fn dot(sig: &Signature, sum: &Sum) -> f32 {
    sig.entries().iter().map(|(h, w)| w * sum.get(h).copied().unwrap_or(0.0)).sum()
}

/// A service's feedback in general, as cohesion compares a theme's texts with: rarity
/// weights and the summed weighted signatures of a sample of the service's texts.
#[derive(Debug, Clone)]
pub struct ServiceBaseline {
    weights: Weights,
    sum: Sum,
    count: usize,
    ids: HashSet<i64>,
}

impl ServiceBaseline {
    /// The baseline of a sample of the service's texts (feedback id, signature), e.g. its
    /// recent feedback; `None` for fewer than [`MIN_SAMPLE_TEXTS`] texts with words.
    pub fn of(sample: &[(i64, Signature)]) -> Option<Self> {
        let sample: Vec<&(i64, Signature)> = sample.iter().filter(|(_, s)| !s.is_empty()).collect();
        if sample.len() < MIN_SAMPLE_TEXTS {
            return None;
        }
        let weights = Weights::count(sample.iter().map(|(_, s)| s), IDF_POWER);
        let weighted: Vec<Signature> = sample.iter().map(|(_, s)| s.reweighted(&weights)).collect();
        let (sum, count) = sum(&weighted);
        Some(ServiceBaseline { weights, sum, count, ids: sample.iter().map(|(id, _)| *id).collect() })
    }

    /// The mean similarity of feedback `id` (its weighted signature) with the sample's other texts.
    fn mean_similarity(&self, id: i64, weighted: &Signature) -> f32 {
        if self.ids.contains(&id) {
            (dot(weighted, &self.sum) - 1.0) / (self.count - 1) as f32
        } else {
            dot(weighted, &self.sum) / self.count as f32
        }
    }
}

/// The share of `members` (a theme's texts: feedback id, signature) more similar on average
/// to the theme's other texts than to the service's texts in general, in `[0, 1]`; `None`
/// for fewer than [`MIN_THEME_TEXTS`] texts with words.
pub fn cohesion(members: &[(i64, Signature)], baseline: &ServiceBaseline) -> Option<f32> {
    let weighted: Vec<(i64, Signature)> =
        members.iter().filter(|(_, s)| !s.is_empty()).map(|(id, s)| (*id, s.reweighted(&baseline.weights))).collect();
    if weighted.len() < MIN_THEME_TEXTS {
        return None;
    }
    let (own, n) = sum(weighted.iter().map(|(_, s)| s));
    let fit = weighted
        .iter()
        // Its similarity with itself is 1: taken out of the theme's sum.
        .filter(|(id, s)| (dot(s, &own) - 1.0) / (n - 1) as f32 > baseline.mean_similarity(*id, s))
        .count();
    Some(fit as f32 / n as f32)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::themes::signature;

    /// Texts with ids: the service's sample uses their place in `SERVICE`, others 100 and up.
    fn sigs(texts: &[&str]) -> Vec<(i64, Signature)> {
        texts
            .iter()
            .enumerate()
            .map(|(i, t)| (SERVICE.iter().position(|s| s == t).map_or(100 + i as i64, |p| p as i64), signature(t)))
            .collect()
    }

    const SERVICE: [&str; 20] = [
        "পাসপোর্ট অফিসে দালাল ছাড়া কাজ হয় না",
        "দালালকে টাকা না দিলে পাসপোর্ট অফিসে ফাইল নড়ে না",
        "পাসপোর্ট অফিসের দালাল ৫০০০ টাকা নিল",
        "The passport website was down for three days",
        "Passport website down again, could not pay the fee online",
        "Nobody told me which documents to bring for the passport",
        "The passport counter staff shouted at my mother",
        "Police verification for my passport took two months",
        "I had to visit the passport office five times",
        "The queue at the passport office started at dawn",
        "My passport was delivered with a wrong date of birth",
        "The fee for an urgent passport is too high for a farmer",
        "পাসপোর্টের আবেদন জমা দিতে তিনবার যেতে হয়েছে",
        "পুলিশ ভেরিফিকেশনে দুই মাস লেগেছে",
        "পাসপোর্ট অফিসের কর্মচারী খারাপ ব্যবহার করেছেন",
        "অনলাইনে পাসপোর্ট ফি দেওয়া যায় না, সার্ভার ডাউন",
        "Biometric enrolment machine was broken all week",
        "No one answers the passport helpline number",
        "পাসপোর্ট কবে পাবো কেউ বলতে পারে না",
        "The passport office has no place to sit for old people",
    ];

    #[test]
    fn texts_of_one_problem_fit_their_theme_and_texts_of_several_do_not() {
        let baseline = ServiceBaseline::of(&sigs(&SERVICE)).unwrap();
        let one = cohesion(&sigs(&SERVICE[..3]), &baseline).unwrap();
        let several = cohesion(&sigs(&[SERVICE[0], SERVICE[5], SERVICE[6], SERVICE[8]]), &baseline).unwrap();
        assert_eq!(one, 1.0, "every broker text is more like the others than like the service");
        assert!(several < one, "{several} >= {one}");
        assert_eq!(CohesionBand::of(one), CohesionBand::VeryAlike);
        assert_eq!(CohesionBand::of(0.5), CohesionBand::Mixed);
        assert_eq!(CohesionBand::of(0.7), CohesionBand::Fairly);
    }

    #[test]
    fn too_few_texts_have_no_cohesion_and_texts_without_words_do_not_count() {
        let baseline = ServiceBaseline::of(&sigs(&SERVICE)).unwrap();
        assert_eq!(cohesion(&sigs(&[SERVICE[0]]), &baseline), None);
        assert_eq!(cohesion(&sigs(&[SERVICE[0], SERVICE[1], "!!!"]), &baseline), None);
        assert!(ServiceBaseline::of(&sigs(&SERVICE[..19])).is_none(), "too small a service to compare with");
        assert_eq!(cohesion(&sigs(&SERVICE[..2]), &baseline), None, "two texts are too few to say");
    }
}
