//! Today's journey: a service's charter steps in order, each with what citizens who reached
//! it said (voices, top themes, median days, cost and visits, a few masked quotes), the
//! feedback tied to no step once, and the required documents with the voices naming them.
//! Built from visible feedback only; nothing here names or contacts a citizen.

use std::collections::HashMap;

use serde::Serialize;

/// Themes shown per step.
pub const THEMES_PER_STEP: usize = 3;
/// Quotes shown per step.
pub const QUOTES_PER_STEP: usize = 3;
/// Longest quote (characters); longer texts end in "…".
pub const QUOTE_CHARS: usize = 240;

/// One visible feedback as the journey reads it.
#[derive(Debug, Clone, PartialEq)]
pub struct JourneyRow {
    /// The charter step the citizen chose (as stored: the step's name), if any.
    pub step: Option<String>,
    /// Days it took, as reported.
    pub days: Option<i64>,
    /// Cost in taka, as reported.
    pub cost: Option<i64>,
    /// Office visits, as reported.
    pub visits: Option<i64>,
    /// Its theme.
    pub theme_id: Option<i64>,
    /// Voices it carries: itself and older "me too" voices (a newer "me too" is a row of its own).
    pub voices: i64,
    /// The text others may read (personal data masked).
    pub public_text: String,
    /// Personal data was found in it: never quoted.
    pub has_personal_data: bool,
    /// `complaint`, `expectation` or `suggestion`.
    pub kind: String,
}

/// A theme's label and category.
#[derive(Debug, Clone, PartialEq)]
pub struct ThemeLabel {
    /// Bangla label.
    pub label_bn: String,
    /// English label.
    pub label_en: String,
    /// Pain category (`time`, `cost`, …).
    pub category: String,
}

/// A median of what citizens reported, and how many reported it.
#[derive(Debug, Clone, Copy, Default, Serialize, PartialEq, Eq, utoipa::ToSchema)]
pub struct Reported {
    /// The lower median (a value someone reported); null when nobody said.
    pub median: Option<i64>,
    /// How many reported it.
    pub answers: i64,
}

/// A theme met at a step.
#[derive(Debug, Clone, Serialize, PartialEq, utoipa::ToSchema)]
pub struct StepTheme {
    /// Theme id.
    pub id: i64,
    /// Bangla label.
    pub label_bn: String,
    /// English label.
    pub label_en: String,
    /// Pain category.
    pub category: String,
    /// Voices of this step in it.
    pub voices: i64,
}

/// What citizens said about one part of the journey.
#[derive(Debug, Clone, Serialize, PartialEq, utoipa::ToSchema)]
pub struct Stage {
    /// 1-based position among the charter steps; null for feedback tied to no step.
    pub number: Option<i64>,
    /// The step's name as the charter gives it; null for feedback tied to no step.
    pub step: Option<String>,
    /// Feedback entries.
    pub feedback: i64,
    /// Voices (feedback and older "me too" voices).
    pub voices: i64,
    /// Its most voiced themes (at most three).
    pub themes: Vec<StepTheme>,
    /// Days it took.
    pub days: Reported,
    /// Cost in taka.
    pub cost: Reported,
    /// Office visits.
    pub visits: Reported,
    /// Up to three masked texts, most voiced first (never one with personal data).
    pub quotes: Vec<String>,
}

/// A required document and the voices that name it.
#[derive(Debug, Clone, Serialize, PartialEq, utoipa::ToSchema)]
pub struct Document {
    /// The document as the charter names it.
    pub name: String,
    /// Voices whose text names it (spaces and case ignored).
    pub voices: i64,
}

/// Today's journey of one service.
#[derive(Debug, Clone, Serialize, PartialEq, utoipa::ToSchema)]
pub struct Journey {
    /// The charter's steps in order, each with what was said about it (steps nobody named too).
    pub steps: Vec<Stage>,
    /// Feedback tied to no step (or to a step the charter no longer lists).
    pub unstepped: Stage,
    /// The whole journey: every visible feedback.
    pub overall: Stage,
    /// Required documents in the charter's order.
    pub documents: Vec<Document>,
}

/// Builds the journey of a service with charter `steps` and `documents` from its visible
/// feedback `rows`; `themes` labels the themes met.
pub fn build(
    steps: &[String],
    documents: &[String],
    rows: &[JourneyRow],
    themes: &HashMap<i64, ThemeLabel>,
) -> Journey {
    let position = |name: &str| steps.iter().position(|s| s.trim() == name.trim());
    let mut by_step: Vec<Vec<&JourneyRow>> = vec![Vec::new(); steps.len()];
    let mut unstepped = Vec::new();
    for row in rows {
        match row.step.as_deref().and_then(position) {
            Some(i) => by_step[i].push(row),
            None => unstepped.push(row),
        }
    }
    let all: Vec<&JourneyRow> = rows.iter().collect();
    Journey {
        steps: by_step
            .iter()
            .enumerate()
            .map(|(i, of_step)| stage(Some((i as i64 + 1, steps[i].clone())), of_step, themes))
            .collect(),
        unstepped: stage(None, &unstepped, themes),
        overall: stage(None, &all, themes),
        documents: documents.iter().map(|name| Document { name: name.clone(), voices: naming(name, rows) }).collect(),
    }
}

fn stage(step: Option<(i64, String)>, rows: &[&JourneyRow], themes: &HashMap<i64, ThemeLabel>) -> Stage {
    let (number, step) = step.map_or((None, None), |(n, s)| (Some(n), Some(s)));
    let mut voices_by_theme: HashMap<i64, i64> = HashMap::new();
    for row in rows {
        if let Some(id) = row.theme_id {
            *voices_by_theme.entry(id).or_default() += row.voices;
        }
    }
    let mut ranked: Vec<(i64, i64)> = voices_by_theme.into_iter().collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let top = ranked
        .into_iter()
        .filter_map(|(id, voices)| {
            let t = themes.get(&id)?;
            Some(StepTheme {
                id,
                label_bn: t.label_bn.clone(),
                label_en: t.label_en.clone(),
                category: t.category.clone(),
                voices,
            })
        })
        .take(THEMES_PER_STEP)
        .collect();
    Stage {
        number,
        step,
        feedback: rows.len() as i64,
        voices: rows.iter().map(|r| r.voices).sum(),
        themes: top,
        days: median(rows.iter().filter_map(|r| r.days)),
        cost: median(rows.iter().filter_map(|r| r.cost)),
        visits: median(rows.iter().filter_map(|r| r.visits)),
        quotes: quotes(rows),
    }
}

/// Up to [`QUOTES_PER_STEP`] masked texts of `rows`, most voiced first and among equals the
/// newest (rows come oldest first; the sort is stable); never one with personal data.
pub fn quotes(rows: &[&JourneyRow]) -> Vec<String> {
    let mut quoted: Vec<&&JourneyRow> =
        rows.iter().rev().filter(|r| !r.has_personal_data && !r.public_text.trim().is_empty()).collect();
    quoted.sort_by_key(|r| std::cmp::Reverse(r.voices));
    quoted.into_iter().take(QUOTES_PER_STEP).map(|r| shorten(&r.public_text)).collect()
}

/// The lower median of `values` (a value someone reported) and how many there were.
pub fn median(values: impl Iterator<Item = i64>) -> Reported {
    let mut all: Vec<i64> = values.collect();
    all.sort_unstable();
    let answers = all.len() as i64;
    let median = (!all.is_empty()).then(|| all[(all.len() - 1) / 2]);
    Reported { median, answers }
}

fn shorten(text: &str) -> String {
    let text = text.trim();
    if text.chars().count() <= QUOTE_CHARS {
        return text.to_owned();
    }
    let cut: String = text.chars().take(QUOTE_CHARS - 1).collect();
    format!("{}…", cut.trim_end())
}

/// Voices of the rows whose text names `document` (spaces and case ignored). A charter name
/// in two languages, `টিকা কার্ড (Vaccination card)`, is named by either.
fn naming(document: &str, rows: &[JourneyRow]) -> i64 {
    let squeeze = |s: &str| s.chars().filter(|c| !c.is_whitespace()).flat_map(char::to_lowercase).collect::<String>();
    let mut names = vec![squeeze(document)];
    if let Some((before, inside)) = document.split_once('(') {
        names.push(squeeze(before));
        names.push(squeeze(inside.trim_end().trim_end_matches(')')));
    }
    names.retain(|n| n.chars().count() >= 2);
    if names.is_empty() {
        return 0;
    }
    rows.iter()
        .filter(|r| {
            let text = squeeze(&r.public_text);
            names.iter().any(|n| text.contains(n.as_str()))
        })
        .map(|r| r.voices)
        .sum()
}

#[cfg(test)]
#[path = "journey_tests.rs"]
mod tests;
