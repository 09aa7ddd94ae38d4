//! Agreement between a grouping and the true themes: purity, inverse purity, adjusted
//! Rand index, and per-category precision, recall and F1.

use std::collections::HashMap;

use super::category::PainCategory;

/// Purity, inverse purity and adjusted Rand index of one grouping.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Agreement {
    /// Share of texts whose group's most common true theme is their own.
    pub purity: f64,
    /// Share of texts in the group that holds most of their true theme.
    pub inverse_purity: f64,
    /// Adjusted Rand index (1 for the same partition, about 0 for chance).
    pub adjusted_rand: f64,
    /// Number of groups.
    pub groups: usize,
    /// Number of true themes.
    pub themes: usize,
}

fn pairs(n: usize) -> f64 {
    let n = n as f64;
    n * (n - 1.0) / 2.0
}

/// Compares `groups[i]` (any group key) with `truth[i]` (true theme) over the same texts.
pub fn agreement<G: Eq + std::hash::Hash, T: Eq + std::hash::Hash>(groups: &[G], truth: &[T]) -> Agreement {
    assert_eq!(groups.len(), truth.len(), "one group per text");
    let n = groups.len();
    if n == 0 {
        return Agreement::default();
    }
    let mut table: HashMap<(&G, &T), usize> = HashMap::new();
    let mut by_group: HashMap<&G, usize> = HashMap::new();
    let mut by_theme: HashMap<&T, usize> = HashMap::new();
    for (g, t) in groups.iter().zip(truth) {
        *table.entry((g, t)).or_default() += 1;
        *by_group.entry(g).or_default() += 1;
        *by_theme.entry(t).or_default() += 1;
    }
    let mut best_in_group: HashMap<&G, usize> = HashMap::new();
    let mut best_in_theme: HashMap<&T, usize> = HashMap::new();
    for (&(g, t), &k) in &table {
        let bg = best_in_group.entry(g).or_default();
        *bg = (*bg).max(k);
        let bt = best_in_theme.entry(t).or_default();
        *bt = (*bt).max(k);
    }
    let purity = best_in_group.values().sum::<usize>() as f64 / n as f64;
    let inverse_purity = best_in_theme.values().sum::<usize>() as f64 / n as f64;
    let index: f64 = table.values().map(|&k| pairs(k)).sum();
    let a: f64 = by_group.values().map(|&k| pairs(k)).sum();
    let b: f64 = by_theme.values().map(|&k| pairs(k)).sum();
    let expected = a * b / pairs(n).max(1.0);
    let max = (a + b) / 2.0;
    let adjusted_rand = if (max - expected).abs() < f64::EPSILON { 1.0 } else { (index - expected) / (max - expected) };
    Agreement { purity, inverse_purity, adjusted_rand, groups: by_group.len(), themes: by_theme.len() }
}

/// Precision, recall and F1 of one category.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct CategoryScore {
    /// Share of texts given this category that truly are.
    pub precision: f64,
    /// Share of texts of this category given it.
    pub recall: f64,
    /// Harmonic mean of the two.
    pub f1: f64,
    /// Texts truly of this category.
    pub support: usize,
}

/// Scores per category (those that occur in `truth` or `predicted`) and their macro-F1
/// over the categories that occur in `truth`.
pub fn category_scores(
    predicted: &[PainCategory],
    truth: &[PainCategory],
) -> (Vec<(PainCategory, CategoryScore)>, f64) {
    let mut scores = Vec::new();
    for c in PainCategory::ALL {
        let tp = predicted.iter().zip(truth).filter(|(p, t)| **p == c && **t == c).count();
        let given = predicted.iter().filter(|p| **p == c).count();
        let support = truth.iter().filter(|t| **t == c).count();
        if given == 0 && support == 0 {
            continue;
        }
        let precision = if given == 0 { 0.0 } else { tp as f64 / given as f64 };
        let recall = if support == 0 { 0.0 } else { tp as f64 / support as f64 };
        let f1 = if precision + recall == 0.0 { 0.0 } else { 2.0 * precision * recall / (precision + recall) };
        scores.push((c, CategoryScore { precision, recall, f1, support }));
    }
    let present: Vec<f64> = scores.iter().filter(|s| s.1.support > 0).map(|s| s.1.f1).collect();
    let macro_f1 = if present.is_empty() { 0.0 } else { present.iter().sum::<f64>() / present.len() as f64 };
    (scores, macro_f1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_partition_scores_one_under_any_names() {
        let a = agreement(&[1, 1, 2, 2, 3], &["x", "x", "y", "y", "z"]);
        assert_eq!((a.purity, a.inverse_purity, a.adjusted_rand), (1.0, 1.0, 1.0));
        assert_eq!((a.groups, a.themes), (3, 3));
    }

    #[test]
    fn one_big_group_is_inverse_pure_but_not_pure_and_rand_is_zero() {
        let a = agreement(&[0, 0, 0, 0], &["x", "x", "y", "y"]);
        assert_eq!((a.purity, a.inverse_purity), (0.5, 1.0));
        assert!(a.adjusted_rand.abs() < 1e-9);
    }

    #[test]
    fn singletons_are_pure_but_not_inverse_pure() {
        let a = agreement(&[1, 2, 3, 4], &["x", "x", "y", "y"]);
        assert_eq!((a.purity, a.inverse_purity), (1.0, 0.5));
        assert!(a.adjusted_rand <= 0.0);
    }

    #[test]
    fn adjusted_rand_matches_a_worked_example() {
        // Hubert & Arabie's index for this table is 0.2424... (computed by hand).
        let a = agreement(&[1, 1, 1, 2, 2, 2], &["x", "x", "y", "y", "z", "z"]);
        assert!((a.adjusted_rand - 0.242_424).abs() < 1e-4, "{}", a.adjusted_rand);
    }

    #[test]
    fn category_scores_count_precision_recall_and_macro_f1() {
        use PainCategory::*;
        let (scores, macro_f1) = category_scores(&[Time, Time, Cost, Other], &[Time, Cost, Cost, Cost]);
        let time = scores.iter().find(|s| s.0 == Time).unwrap().1;
        assert_eq!((time.precision, time.recall), (0.5, 1.0));
        let cost = scores.iter().find(|s| s.0 == Cost).unwrap().1;
        assert!((cost.recall - 1.0 / 3.0).abs() < 1e-9 && cost.precision == 1.0);
        // Macro over the true categories (time, cost) only.
        assert!((macro_f1 - (2.0 / 3.0 + 0.5) / 2.0).abs() < 1e-9, "{macro_f1}");
    }
}
