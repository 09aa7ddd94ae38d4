//! The weighted shingle vector of one text, and cosine similarity between two.
//!
//! The [shingles](super::shingle) of a text are weighted by the square root of their
//! count (function words and numbers count 0.2) and the vector is scaled to unit
//! length. A one-permutation MinHash sketch of the content shingles (16 bins: the
//! smallest hash whose top 4 bits are the bin) finds candidate neighbours cheaply.

use super::shingle::{with_scratch, LOW_WEIGHT};

/// Number of bins of the one-permutation MinHash sketch kept with a signature.
pub const SKETCH_BINS: usize = 16;
/// Cosine at or above which two texts are near-duplicates.
pub const NEAR_DUPLICATE: f32 = 0.8;
/// A sketch bin that no shingle fell into.
pub(crate) const EMPTY_BIN: u32 = u32::MAX;

/// Weighted shingle vector of one text: unit length, sorted by shingle hash.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Signature {
    entries: Vec<(u32, f32)>,
    sketch: [u32; SKETCH_BINS],
}

/// The signature of `text` (any mix of Bangla, English and romanised Bangla).
pub fn signature(text: &str) -> Signature {
    with_scratch(|scratch| {
        scratch.shingle(text);
        Signature::from_packed(&mut scratch.raw)
    })
}

impl Signature {
    /// Builds the vector from packed shingles (`hash << 1 | content`).
    fn from_packed(raw: &mut [u64]) -> Self {
        raw.sort_unstable();
        let mut entries: Vec<(u32, f32)> = Vec::with_capacity(raw.len());
        let mut content_sketch = [EMPTY_BIN; SKETCH_BINS];
        let mut any_sketch = [EMPTY_BIN; SKETCH_BINS];
        for &packed in raw.iter() {
            let (hash, content) = ((packed >> 1) as u32, packed & 1 == 1);
            let weight = if content { 1.0 } else { LOW_WEIGHT };
            match entries.last_mut() {
                Some(last) if last.0 == hash => last.1 += weight,
                _ => entries.push((hash, weight)),
            }
            let bin = bin_of(hash);
            any_sketch[bin] = any_sketch[bin].min(hash);
            if content {
                content_sketch[bin] = content_sketch[bin].min(hash);
            }
        }
        let norm = entries.iter().map(|e| e.1).sum::<f32>().sqrt();
        for e in &mut entries {
            e.1 = e.1.sqrt() / norm;
        }
        let has_content = content_sketch.iter().any(|&v| v != EMPTY_BIN);
        Signature { entries, sketch: if has_content { content_sketch } else { any_sketch } }
    }

    /// Cosine similarity, in `[0, 1]`; 0 when either text has no words.
    pub fn cosine(&self, other: &Signature) -> f32 {
        dot(&self.entries, &other.entries).clamp(0.0, 1.0)
    }

    /// Whether the text had no words at all (only punctuation, emoji or spaces).
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Number of distinct shingles (memory is 8 bytes each plus 64 for the sketch).
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// This signature with each shingle's weight multiplied by its rarity in the service,
    /// scaled to unit length again.
    pub(crate) fn reweighted(&self, weights: &super::weights::Weights) -> Signature {
        let mut entries = Vec::with_capacity(self.entries.len());
        weights.apply(&self.entries, &mut entries);
        let norm = entries.iter().map(|e| e.1 * e.1).sum::<f32>().sqrt();
        if norm > 0.0 {
            for e in &mut entries {
                e.1 /= norm;
            }
        }
        Signature { entries, sketch: self.sketch }
    }

    /// The `(shingle hash, weight)` pairs, sorted by hash.
    pub(crate) fn entries(&self) -> &[(u32, f32)] {
        &self.entries
    }

    /// The one-permutation MinHash sketch of the content shingles.
    pub(crate) fn sketch(&self) -> &[u32; SKETCH_BINS] {
        &self.sketch
    }
}

/// The sketch bin of a shingle hash: its top bits.
pub(crate) fn bin_of(hash: u32) -> usize {
    (hash >> (32 - SKETCH_BINS.trailing_zeros())) as usize
}

/// Sum of products of weights of the shingles both sorted vectors hold.
pub(crate) fn dot(a: &[(u32, f32)], b: &[(u32, f32)]) -> f32 {
    let (mut i, mut j, mut sum) = (0, 0, 0.0f32);
    // Branch-free steps: which side advances is data-dependent and unpredictable.
    while i < a.len() && j < b.len() {
        let (x, y) = (a[i], b[j]);
        sum += if x.0 == y.0 { x.1 * y.1 } else { 0.0 };
        i += usize::from(x.0 <= y.0);
        j += usize::from(y.0 <= x.0);
    }
    sum
}

/// Whether `a` and `b` are the same text modulo spacing, punctuation, case, digits
/// and small edits (cosine at least [`NEAR_DUPLICATE`]).
pub fn near_duplicate(a: &Signature, b: &Signature) -> bool {
    !a.is_empty() && !b.is_empty() && a.cosine(b) >= NEAR_DUPLICATE
}

#[cfg(test)]
#[path = "signature_tests.rs"]
mod tests;
