//! The centroid of a theme: the mean of its members' signatures, cut to the
//! [`CENTROID_SIZE`] heaviest shingles so that it stays small enough for a TEXT column.

use std::cmp::Ordering;

use super::signature::{dot, Signature};

/// Shingles kept in a centroid (about 1.6 KB once encoded).
pub const CENTROID_SIZE: usize = 200;
const VERSION: &str = "c1";
const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
const QUANT: f32 = 4095.0;
const MAX_DECODED: usize = 1024;

/// Mean shingle vector of the texts of one theme, with how many texts it holds.
#[derive(Debug, Clone, PartialEq)]
pub struct Centroid {
    entries: Vec<(u32, f32)>,
    count: u32,
    norm: f32,
}

impl Centroid {
    /// A centroid holding one text.
    pub fn new(sig: &Signature) -> Self {
        Self::from_parts(sig.entries().to_vec(), 1, CENTROID_SIZE)
    }

    /// Adds one text (a running mean; shingles beyond the heaviest [`CENTROID_SIZE`] are dropped).
    pub fn add(&mut self, sig: &Signature) {
        self.add_weighted(sig.entries(), 1, CENTROID_SIZE);
    }

    /// Folds another theme's centroid into this one, weighting each by its count.
    pub fn merge(&mut self, other: &Centroid) {
        self.add_weighted(&other.entries, other.count, CENTROID_SIZE);
    }

    /// Cosine similarity between this centroid and a text, in `[0, 1]`.
    pub fn similarity(&self, sig: &Signature) -> f32 {
        if self.norm == 0.0 {
            return 0.0;
        }
        (dot(&self.entries, sig.entries()) / self.norm).clamp(0.0, 1.0)
    }

    /// Cosine similarity between two centroids, in `[0, 1]`.
    pub fn similarity_to(&self, other: &Centroid) -> f32 {
        if self.norm == 0.0 || other.norm == 0.0 {
            return 0.0;
        }
        (dot(&self.entries, &other.entries) / (self.norm * other.norm)).clamp(0.0, 1.0)
    }

    /// How many texts the centroid stands for.
    pub fn count(&self) -> u32 {
        self.count
    }

    /// Number of shingles held (at most [`CENTROID_SIZE`] for centroids built here).
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the centroid holds no shingle (its texts had no words).
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The `(shingle hash, weight)` pairs, sorted by hash.
    pub(crate) fn entries(&self) -> &[(u32, f32)] {
        &self.entries
    }

    /// A centroid of `count` texts from a vector sorted by hash, cut to `cap` shingles.
    pub(crate) fn from_parts(entries: Vec<(u32, f32)>, count: u32, cap: usize) -> Self {
        let mut c = Centroid { entries, count, norm: 0.0 };
        c.truncate(cap);
        c
    }

    /// Running-mean update with `weight` texts whose mean vector is `entries`.
    pub(crate) fn add_weighted(&mut self, entries: &[(u32, f32)], weight: u32, cap: usize) {
        if weight == 0 {
            return;
        }
        let total = self.count as f32 + weight as f32;
        let (keep, take) = (self.count as f32 / total, weight as f32 / total);
        let mut out = Vec::with_capacity(self.entries.len() + entries.len());
        let (a, b) = (&self.entries, entries);
        let (mut i, mut j) = (0, 0);
        while i < a.len() || j < b.len() {
            let order = match (a.get(i), b.get(j)) {
                (Some(x), Some(y)) => x.0.cmp(&y.0),
                (Some(_), None) => Ordering::Less,
                _ => Ordering::Greater,
            };
            match order {
                Ordering::Less => {
                    out.push((a[i].0, a[i].1 * keep));
                    i += 1;
                }
                Ordering::Greater => {
                    out.push((b[j].0, b[j].1 * take));
                    j += 1;
                }
                Ordering::Equal => {
                    out.push((a[i].0, a[i].1 * keep + b[j].1 * take));
                    i += 1;
                    j += 1;
                }
            }
        }
        self.entries = out;
        self.count = self.count.saturating_add(weight);
        self.truncate(cap);
    }

    fn truncate(&mut self, cap: usize) {
        if self.entries.len() > cap {
            let heavier_first = |x: &(u32, f32), y: &(u32, f32)| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0));
            self.entries.select_nth_unstable_by(cap, heavier_first);
            self.entries.truncate(cap);
            self.entries.sort_unstable_by_key(|e| e.0);
        }
        self.norm = self.entries.iter().map(|e| e.1 * e.1).sum::<f32>().sqrt();
    }

    /// Compact ASCII form (`c1.<count>.<scale>.<8 chars per shingle>`), at most about 1.6 KB.
    pub fn encode(&self) -> String {
        let scale = self.entries.iter().map(|e| e.1).fold(0.0f32, f32::max);
        let mut out = format!("{VERSION}.{}.{:08x}.", self.count, scale.to_bits());
        for &(hash, weight) in &self.entries {
            let q = ((weight / scale) * QUANT).round().clamp(1.0, QUANT) as u64;
            let packed = (u64::from(hash) << 12) | q;
            for shift in (0..8).rev() {
                out.push(B64[((packed >> (shift * 6)) & 63) as usize] as char);
            }
        }
        out
    }

    /// Reads [`Centroid::encode`]'s form; `None` for anything malformed.
    pub fn decode(s: &str) -> Option<Self> {
        let mut parts = s.split('.');
        if parts.next()? != VERSION {
            return None;
        }
        let count: u32 = parts.next()?.parse().ok().filter(|&c| c > 0)?;
        let scale_hex = parts.next()?;
        let scale = f32::from_bits(u32::from_str_radix(scale_hex, 16).ok().filter(|_| scale_hex.len() == 8)?);
        let body = parts.next()?.as_bytes();
        if parts.next().is_some() || !scale.is_finite() || scale < 0.0 || body.len() % 8 != 0 {
            return None;
        }
        if body.len() / 8 > MAX_DECODED {
            return None;
        }
        let mut entries = Vec::with_capacity(body.len() / 8);
        for chunk in body.chunks(8) {
            let mut packed = 0u64;
            for &b in chunk {
                packed = (packed << 6) | B64.iter().position(|&x| x == b)? as u64;
            }
            let hash = u32::try_from(packed >> 12).ok()?;
            entries.push((hash, (packed & 0xFFF) as f32 / QUANT * scale));
        }
        entries.sort_unstable_by_key(|e| e.0);
        if entries.windows(2).any(|w| w[0].0 == w[1].0) {
            return None;
        }
        Some(Self::from_parts(entries, count, MAX_DECODED))
    }
}

#[cfg(test)]
#[path = "centroid_tests.rs"]
mod tests;
