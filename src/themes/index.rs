//! Inverted index from sketch values to the clusters whose members carry them, so a
//! text is compared only with the few clusters it shares a MinHash bin with.

use super::hash::FastMap;
use super::signature::{EMPTY_BIN, SKETCH_BINS};

/// A sketch value shared by more clusters than this says little; it is dropped.
const POSTING_CAP: usize = 64;

#[derive(Default)]
struct Posting {
    clusters: Vec<u32>,
    saturated: bool,
}

/// Sketch value → clusters, with a scratch area for counting shared bins.
#[derive(Default)]
pub(crate) struct ClusterIndex {
    postings: FastMap<u32, Posting>,
    hits: Vec<u8>,
    touched: Vec<u32>,
}

impl ClusterIndex {
    /// Records that `cluster` holds a text with this sketch.
    pub fn insert(&mut self, sketch: &[u32; SKETCH_BINS], cluster: u32) {
        for &value in sketch.iter().filter(|&&v| v != EMPTY_BIN) {
            let posting = self.postings.entry(value).or_default();
            if posting.saturated || posting.clusters.contains(&cluster) {
                continue;
            }
            if posting.clusters.len() == POSTING_CAP {
                posting.saturated = true;
                posting.clusters = Vec::new();
            } else {
                posting.clusters.push(cluster);
            }
        }
    }

    /// Up to `limit` clusters sharing most bins with `sketch`, most shared first
    /// (ties by lower id), written into `out`.
    pub fn candidates(&mut self, sketch: &[u32; SKETCH_BINS], limit: usize, out: &mut Vec<u32>) {
        out.clear();
        for &value in sketch.iter().filter(|&&v| v != EMPTY_BIN) {
            let Some(posting) = self.postings.get(&value) else { continue };
            for &c in &posting.clusters {
                let c = c as usize;
                if c >= self.hits.len() {
                    self.hits.resize(c + 1, 0);
                }
                if self.hits[c] == 0 {
                    self.touched.push(c as u32);
                }
                self.hits[c] += 1;
            }
        }
        let hits = &self.hits;
        let order = |a: &u32, b: &u32| hits[*b as usize].cmp(&hits[*a as usize]).then(a.cmp(b));
        if self.touched.len() > limit && limit > 0 {
            self.touched.select_nth_unstable_by(limit - 1, order);
            self.touched[..limit].sort_unstable_by(order);
        } else {
            self.touched.sort_unstable_by(order);
        }
        out.extend(self.touched.iter().take(limit));
        for &c in &self.touched {
            self.hits[c as usize] = 0;
        }
        self.touched.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sketch(values: &[u32]) -> [u32; SKETCH_BINS] {
        let mut s = [EMPTY_BIN; SKETCH_BINS];
        s[..values.len()].copy_from_slice(values);
        s
    }

    #[test]
    fn clusters_sharing_more_bins_come_first() {
        let mut index = ClusterIndex::default();
        index.insert(&sketch(&[1, 2, 3]), 0);
        index.insert(&sketch(&[1, 2, 9]), 1);
        index.insert(&sketch(&[7, 8]), 2);
        let mut out = Vec::new();
        index.candidates(&sketch(&[1, 2, 9]), 8, &mut out);
        assert_eq!(out, vec![1, 0]);
        index.candidates(&sketch(&[5]), 8, &mut out);
        assert!(out.is_empty());
    }

    #[test]
    fn a_value_shared_by_too_many_clusters_is_ignored() {
        let mut index = ClusterIndex::default();
        for c in 0..=POSTING_CAP as u32 {
            index.insert(&sketch(&[42]), c);
        }
        let mut out = Vec::new();
        index.candidates(&sketch(&[42]), 8, &mut out);
        assert!(out.is_empty());
    }
}
