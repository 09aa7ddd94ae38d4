//! Pain-point themes in the database: new feedback joins a suggested theme as
//! it arrives, a whole service can be regrouped, designers edit themes, and
//! quotes and similar feedback are picked by the same text similarity
//! (`crate::themes`). Counters (`crate::counts`) stay right through every change.

pub mod arrival;
pub mod categories;
pub mod edits;
pub mod insights;
pub mod quotes;
pub mod refine;
pub mod regroup;
pub mod suggestions;

pub use arrival::{on_arrival, on_arrival_read, Reading, ThemeCache};
pub use insights::{insights, quotes, ThemeInsight};
pub use quotes::{similar, SimilarFeedback};
pub use regroup::{preview_regroup, regroup_service, RegroupPreview, RegroupSummary};

use crate::db::{theme_members, themes, Conn};
use crate::domain::Locale;
use crate::themes::{category_label, LabelScript, PainCategory};

/// Themes a new feedback is compared with: the service's most recently grown ones.
pub const CANDIDATE_THEMES: i64 = 500;

/// Texts a suggested label is made from (a theme's most recent ones).
pub const LABEL_TEXTS: usize = 40;

/// The name of a pain category in `locale`, as the labels begin.
pub fn category_name(category: PainCategory, locale: Locale) -> String {
    crate::i18n::message(locale, &format!("category-{}", category.as_str()), &[])
}

/// Suggested Bangla and English labels for a group of texts of `category`: each led by the
/// category's name in its language, then the words the texts share in that script only
/// (`অনানুষ্ঠানিক টাকা: পুলিশ ভেরিফিকেশন`, `Unofficial payment: police verification`).
pub fn auto_labels(texts: &[&str], category: PainCategory) -> (String, String) {
    (
        category_label(&category_name(category, Locale::Bn), texts, LabelScript::Bangla),
        category_label(&category_name(category, Locale::En), texts, LabelScript::Latin),
    )
}

/// Suggests the labels of theme `id` again from its most recent feedback (and `extra` texts not
/// stored yet), as `category`; a designer's labels stay as they are. Returns the suggestion.
pub fn relabel(
    conn: &mut Conn,
    id: i64,
    category: PainCategory,
    extra: &[String],
) -> diesel::QueryResult<(String, String)> {
    let mut texts: Vec<String> = extra.iter().take(LABEL_TEXTS).cloned().collect();
    let stored = theme_members::recent_of_theme(conn, id, (LABEL_TEXTS - texts.len()) as i64)?;
    texts.extend(stored.iter().map(theme_members::Member::public_text));
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let (bn, en) = auto_labels(&refs, category);
    themes::set_auto_labels(conn, id, &bn, &en)?;
    Ok((bn, en))
}
