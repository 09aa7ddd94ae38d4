//! What citizens want: the service's visible expectations and suggestions grouped by theme,
//! most voiced first, each with its voices, a few masked quotes and the designer's decision
//! (taken into the design at a to-be step, or not now and why). Those in no theme yet come
//! last, as one group a designer cannot decide on until they are grouped.

use std::collections::HashMap;

use serde::Serialize;

use super::design::{Decision, Design};
use super::journey::{quotes, JourneyRow, ThemeLabel};

/// Kinds of feedback that say what citizens want.
pub const KINDS: [&str; 2] = ["expectation", "suggestion"];

/// One theme of what citizens want.
#[derive(Debug, Clone, Serialize, PartialEq, utoipa::ToSchema)]
pub struct Want {
    /// The theme; null for expectations and suggestions not grouped yet.
    pub theme_id: Option<i64>,
    /// Bangla label (empty when not grouped).
    pub label_bn: String,
    /// English label (empty when not grouped).
    pub label_en: String,
    /// Pain category (empty when not grouped).
    pub category: String,
    /// Expectations and suggestions in it.
    pub feedback: i64,
    /// Their voices.
    pub voices: i64,
    /// Up to three masked texts, most voiced first.
    pub quotes: Vec<String>,
    /// The designer's decision, if made.
    pub decision: Option<Decision>,
}

/// What citizens want, from the service's visible feedback `rows`.
pub fn build(rows: &[JourneyRow], themes: &HashMap<i64, ThemeLabel>, design: &Design) -> Vec<Want> {
    let mut by_theme: HashMap<Option<i64>, Vec<&JourneyRow>> = HashMap::new();
    for row in rows.iter().filter(|r| KINDS.contains(&r.kind.as_str())) {
        let theme = row.theme_id.filter(|id| themes.contains_key(id));
        by_theme.entry(theme).or_default().push(row);
    }
    let mut wants: Vec<Want> = by_theme
        .into_iter()
        .map(|(theme_id, rows)| {
            let label = theme_id.and_then(|id| themes.get(&id));
            Want {
                theme_id,
                label_bn: label.map(|l| l.label_bn.clone()).unwrap_or_default(),
                label_en: label.map(|l| l.label_en.clone()).unwrap_or_default(),
                category: label.map(|l| l.category.clone()).unwrap_or_default(),
                feedback: rows.len() as i64,
                voices: rows.iter().map(|r| r.voices).sum(),
                quotes: quotes(&rows),
                decision: theme_id.and_then(|id| design.decision(id).cloned()),
            }
        })
        .collect();
    wants.sort_by(|a, b| {
        (a.theme_id.is_none(), std::cmp::Reverse(a.voices), a.theme_id).cmp(&(
            b.theme_id.is_none(),
            std::cmp::Reverse(b.voices),
            b.theme_id,
        ))
    });
    wants
}

/// The themes a designer may decide on.
pub fn decidable(wants: &[Want]) -> Vec<i64> {
    wants.iter().filter_map(|w| w.theme_id).collect()
}
