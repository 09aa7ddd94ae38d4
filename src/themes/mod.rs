//! Grouping feedback texts of one service into pain-point themes.
//!
//! Texts in Bangla, English, mixed and romanised Bangla are compared through
//! character n-gram [`Signature`]s (no stemmer, no language detection); themes are
//! [`Centroid`]s of their texts; [`regroup`] clusters a whole service; a
//! [`Lexicon`] of keywords votes for each theme's [`PainCategory`]. See
//! `docs/themes.md` for the method, the thresholds and the measured purity.

mod assign;
mod by_category;
pub mod category;
mod centroid;
pub mod classify;
mod cluster;
mod cohesion;
pub mod corpus;
pub mod embedding;
pub mod eval;
mod fold;
mod hash;
mod index;
mod label;
mod lexicon;
pub mod metrics;
pub mod normalise;
mod readable_label;
mod search;
mod shingle;
mod signature;
mod stopwords;
mod units;
mod weights;

#[cfg(test)]
mod labelled_tests;
#[cfg(test)]
mod tuning;

pub use by_category::{accepts, place, regroup_by_category, Grouping, KeptTheme, Placement, MIN_THEME};
pub use category::{CategoryVotes, Lexicon, PainCategory};
pub use centroid::{Centroid, CENTROID_SIZE};
pub use classify::{Classification, Classifier};
pub use cluster::{regroup, regroup_signed, Doc, Group};
pub use cohesion::{cohesion, CohesionBand, ServiceBaseline};
pub use fold::skeleton_of;
pub use label::{suggest_label, LABEL_MAX_CHARS};
pub use readable_label::{category_label, has_label_words, is_bare, LabelScript, READABLE_LABEL_MAX};
pub use search::{most_similar, representatives};
pub use signature::{near_duplicate, signature, Signature, NEAR_DUPLICATE};

/// Similarity (cosine with a theme's centroid) at or above which a text joins a theme.
pub const ASSIGN_THRESHOLD: f32 = 0.18;

/// Exponent of the rarity weights that [`regroup`] gives centroid shingles.
pub const IDF_POWER: f32 = 1.5;

/// Lowest cosine at which [`most_similar`] shows another text as similar feedback
/// (on the labelled fixture 69% of pairs this similar share a theme).
pub const SIMILAR_THRESHOLD: f32 = 0.35;
