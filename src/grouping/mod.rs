//! Pain-point themes in the database: new feedback joins a suggested theme as
//! it arrives, a whole service can be regrouped, designers edit themes, and
//! quotes and similar feedback are picked by the same text similarity
//! (`crate::themes`). Counters (`crate::counts`) stay right through every change.

pub mod arrival;
pub mod edits;
pub mod quotes;
pub mod regroup;
pub mod suggestions;

pub use arrival::{on_arrival, ThemeCache};
pub use quotes::{quotes, similar, SimilarFeedback};
pub use regroup::{preview_regroup, regroup_service, RegroupPreview, RegroupSummary};

use crate::themes::suggest_label;

/// Themes a new feedback is compared with: the service's most recently grown ones.
pub const CANDIDATE_THEMES: i64 = 500;

/// Whether a text is mostly Bangla script.
fn is_bangla(text: &str) -> bool {
    let (bn, latin) = text.chars().fold((0, 0), |(b, l), c| match c {
        '\u{0980}'..='\u{09FF}' => (b + 1, l),
        c if c.is_ascii_alphabetic() => (b, l + 1),
        _ => (b, l),
    });
    bn >= latin
}

/// Suggested Bangla and English labels for a group of texts: each from the texts
/// in that script when there are any, else from all of them.
pub fn auto_labels(texts: &[&str]) -> (String, String) {
    let (bn, en): (Vec<&str>, Vec<&str>) = texts.iter().partition(|t| is_bangla(t));
    let label = |part: &[&str]| if part.is_empty() { suggest_label(texts) } else { suggest_label(part) };
    (label(&bn), label(&en))
}
