//! Stable hashing of shingles, and a fast deterministic hasher for internal maps.
//!
//! Shingle hashes are stored inside encoded centroids, so [`hash_chars`] must never
//! change without bumping the centroid encoding version.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

const MULTIPLIER: u64 = 0x9E37_79B9_7F4A_7C15;

/// The 64-bit finaliser of MurmurHash3: spreads every input bit over the output.
pub fn mix64(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xFF51_AFD7_ED55_8CCD);
    h ^= h >> 33;
    h = h.wrapping_mul(0xC4CE_B9FE_1A85_EC53);
    h ^ (h >> 33)
}

/// A stable 32-bit hash of a sequence of code points under a `seed` (the shingle kind).
pub fn hash_chars(seed: u64, chars: &[char]) -> u32 {
    let mut h = seed.wrapping_mul(MULTIPLIER);
    for &c in chars {
        h = (h ^ u64::from(u32::from(c))).wrapping_mul(MULTIPLIER).rotate_left(29);
    }
    (mix64(h) >> 32) as u32
}

/// A 64-bit hash of a whole word, for set membership (stop words).
pub fn hash_word(chars: &[char]) -> u64 {
    let mut h = 0x5157_4F52_4453_u64;
    for &c in chars {
        h = (h ^ u64::from(u32::from(c))).wrapping_mul(MULTIPLIER).rotate_left(29);
    }
    mix64(h)
}

/// Shuffles `order` in place (Fisher-Yates) with an xorshift generator whose `state`
/// carries over between calls: deterministic, the same on every run and platform.
pub fn fixed_shuffle<T>(order: &mut [T], state: &mut u64) {
    for i in (1..order.len()).rev() {
        *state ^= *state << 13;
        *state ^= *state >> 7;
        *state ^= *state << 17;
        order.swap(i, (*state % (i as u64 + 1)) as usize);
    }
}

/// Multiplicative hasher for keys that are already hashes; no random state, so
/// maps built with it behave the same on every run.
#[derive(Debug, Default, Clone, Copy)]
pub struct FastHasher(u64);

impl Hasher for FastHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }

    fn write_u32(&mut self, n: u32) {
        self.write_u64(u64::from(n));
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(26) ^ n).wrapping_mul(MULTIPLIER);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// A `HashMap` with [`FastHasher`].
pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FastHasher>>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shingle_hashes_are_stable_across_releases() {
        // Stored centroids depend on these exact values.
        assert_eq!(hash_chars(3, &['a', 'b', 'c']), hash_chars(3, &['a', 'b', 'c']));
        assert_ne!(hash_chars(3, &['a', 'b', 'c']), hash_chars(4, &['a', 'b', 'c']));
        assert_eq!(hash_chars(3, &['a', 'b', 'c']), 0x66ac_98c5);
        assert_eq!(hash_chars(3, &['\u{1}', 'ক', 'া']), 0x58b0_3384);
    }
}
