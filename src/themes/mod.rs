//! Grouping feedback texts of one service into pain-point themes.
//!
//! Texts in Bangla, English, mixed and romanised Bangla are compared through
//! character n-gram [`Signature`]s (no stemmer, no language detection).

mod fold;
mod hash;
pub mod normalise;
mod shingle;
mod signature;
mod stopwords;

pub use signature::{near_duplicate, signature, Signature, NEAR_DUPLICATE};
