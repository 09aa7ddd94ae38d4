//! Finding similar feedback and representative quotes (a new text's theme: [`super::place`]).

use super::centroid::Centroid;
use super::signature::{near_duplicate, Signature};
use super::SIMILAR_THRESHOLD;

/// Up to `n` ids of `candidates` most similar to `sig`, best first (ties by lower
/// id), keeping only those at or above [`SIMILAR_THRESHOLD`].
pub fn most_similar(sig: &Signature, candidates: &[(i64, Signature)], n: usize) -> Vec<(i64, f32)> {
    let mut scored: Vec<(i64, f32)> = candidates
        .iter()
        .map(|(id, other)| (*id, sig.cosine(other)))
        .filter(|&(_, s)| s >= SIMILAR_THRESHOLD)
        .collect();
    scored.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    scored.truncate(n);
    scored
}

/// Ids of the `n` members closest to the centroid (representative quotes), closest
/// first. A member that is a near-duplicate of one already chosen is passed over
/// while other members remain, so the quotes say different things.
pub fn representatives(centroid: &Centroid, members: &[(i64, Signature)], n: usize) -> Vec<i64> {
    let mut order: Vec<(usize, f32)> =
        members.iter().enumerate().map(|(i, m)| (i, centroid.similarity(&m.1))).collect();
    order.sort_by(|a, b| b.1.total_cmp(&a.1).then(members[a.0].0.cmp(&members[b.0].0)));
    let mut chosen: Vec<usize> = Vec::with_capacity(n);
    let mut passed: Vec<usize> = Vec::new();
    for &(i, _) in &order {
        if chosen.len() == n {
            break;
        }
        if chosen.iter().any(|&c| near_duplicate(&members[c].1, &members[i].1)) {
            passed.push(i);
        } else {
            chosen.push(i);
        }
    }
    chosen.extend(passed.into_iter().take(n.saturating_sub(chosen.len())));
    chosen.into_iter().map(|i| members[i].0).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::themes::signature::signature;

    fn signed(texts: &[&str]) -> Vec<(i64, Signature)> {
        texts.iter().enumerate().map(|(i, t)| (i as i64 + 1, signature(t))).collect()
    }

    #[test]
    fn similar_feedback_is_sorted_best_first_and_filtered() {
        let candidates = signed(&[
            "অনলাইনে আবেদন করতে গেলে সার্ভার ডাউন দেখায়",
            "দালাল ছাড়া কাজ হয় না",
            "অনলাইনে আবেদন করতে গেলে সার্ভার ডাউন দেখায়, তিন দিন ধরে চেষ্টা করছি",
            "সার্ভার ডাউন",
        ]);
        let found = most_similar(&signature("অনলাইনে আবেদন করতে গেলে সার্ভার ডাউন দেখায়!"), &candidates, 5);
        let ids: Vec<i64> = found.iter().map(|f| f.0).collect();
        assert_eq!(ids[..2], [1, 3]);
        assert!(!ids.contains(&2));
        assert!(found.windows(2).all(|w| w[0].1 >= w[1].1));
        assert!(found.iter().all(|f| f.1 >= SIMILAR_THRESHOLD));
        assert_eq!(most_similar(&signature("সার্ভার ডাউন"), &candidates, 1).len(), 1);
        assert!(most_similar(&signature("fingerprint"), &candidates, 3).is_empty());
    }

    #[test]
    fn representatives_skip_near_duplicates_of_quotes_already_chosen() {
        let members = signed(&[
            "দালাল ছাড়া পাসপোর্ট অফিসে কাজ হয় না",
            "দালাল ছাড়া পাসপোর্ট অফিসে কাজ হয় না!",
            "দালালকে টাকা না দিলে ফাইল আটকে রাখে",
            "ঘুষ ছাড়া পাসপোর্ট অফিসে কাজ হয় না",
        ]);
        let mut centroid = Centroid::new(&members[0].1);
        for m in &members[1..] {
            centroid.add(&m.1);
        }
        let reps = representatives(&centroid, &members, 2);
        assert_eq!(reps.len(), 2);
        assert!(!(reps.contains(&1) && reps.contains(&2)));
        assert_eq!(representatives(&centroid, &members, 10).len(), 4);
        assert!(representatives(&centroid, &[], 3).is_empty());
    }
}
