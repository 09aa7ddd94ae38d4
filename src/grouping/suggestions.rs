//! "Merge these?": pairs of a service's themes that look alike, offered to a designer
//! who accepts (the existing merge) or dismisses them (never offered again).
//!
//! Two themes are alike in their wording (the cosine of their 200-shingle centroids) or, where
//! the embeddings service has embedded their feedback, in meaning (the cosine of their
//! [`Embedding::theme_direction`]s): the same pain told in Bangla and in English shares almost
//! no words, and only the meaning finds it.
//!
//! Only the service's [`COMPARED_THEMES`] largest themes are compared (at most 1,770 pairs;
//! the meaning of a theme is read from its [`MEANING_SAMPLE`] latest members), so the cost does
//! not grow with the service. The thresholds were measured on the labelled corpus: see
//! `docs/themes.md`.

use std::collections::HashSet;

use chrono::Utc;
use serde_json::json;

use super::edits::{self, EditError};
use crate::audit::{self, Actor, Target};
use crate::counts::dim;
use crate::db::theme_merge_dismissals::{self, NewDismissal};
use crate::db::themes::{self, Theme};
use crate::db::{feedback_embeddings, service_counts, theme_members, write_transaction, Conn};
use crate::domain::digits::to_ascii_digits;
use crate::domain::{FieldError, FieldErrors};
use crate::themes::embedding::Embedding;
use crate::themes::{Centroid, PainCategory};

/// Least centroid similarity for two themes of one pain category: on the corpus's development
/// part 138 of 142 halves of one theme at or above it are one true theme (the test part: 84 of 87).
pub const ALIKE_SAME_CATEGORY: f32 = 0.35;
/// Least centroid similarity for two themes of different categories (not both set by a
/// designer): no pair of different true themes reaches it in either part of the corpus
/// (4 of the development part's reached 0.6).
pub const ALIKE_OTHER_CATEGORY: f32 = 0.65;
/// Least likeness in meaning for two themes of one pain category: on the development part 244
/// of 249 halves of one theme at or above it are one theme, and 82 of 92 pairs of a theme's
/// Bangla and Latin-script halves (the test part: 173 of 173, and 47 of 49).
pub const MEANING_SAME_CATEGORY: f32 = 0.45;
/// Least likeness in meaning for two themes of different categories (not both set by a
/// designer): no pair of different true themes reaches it in either part of the corpus.
pub const MEANING_OTHER_CATEGORY: f32 = 0.65;
/// Latest members of a theme whose embeddings give its meaning.
pub const MEANING_SAMPLE: usize = 40;
/// Suggestions offered at once.
pub const SUGGESTIONS_SHOWN: usize = 5;
/// Themes compared: the service's largest by voices.
pub const COMPARED_THEMES: usize = 60;

/// A theme as the pair finder sees it.
#[derive(Debug, Clone)]
pub struct Candidate {
    /// Theme id.
    pub id: i64,
    /// Its members' centroid.
    pub centroid: Centroid,
    /// Its members' meaning, when the embeddings service has embedded some of them.
    pub meaning: Option<Embedding>,
    /// Its pain category.
    pub category: PainCategory,
    /// A designer set the category.
    pub by_designer: bool,
    /// A designer confirmed the theme.
    pub confirmed: bool,
}

/// What made two themes alike enough to be offered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AlikeBy {
    /// Their feedback uses the same words.
    Wording,
    /// Their feedback means the same (in other words, or in another language).
    Meaning,
}

impl AlikeBy {
    /// `wording` or `meaning`.
    pub fn as_str(self) -> &'static str {
        match self {
            AlikeBy::Wording => "wording",
            AlikeBy::Meaning => "meaning",
        }
    }
}

/// Two themes that look alike.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct AlikePair {
    /// The lower theme id.
    pub a: i64,
    /// The higher theme id.
    pub b: i64,
    /// Cosine of their centroids (wording).
    pub similarity: f32,
    /// Cosine of their meanings, when both have one.
    pub meaning: Option<f32>,
    /// The likeness that carried the pair (the one furthest past its bar).
    pub by: AlikeBy,
    /// How far past its bar, as a share of the way from the bar to 1: the order offered in.
    reach: f32,
}

/// The similarity two themes need to be offered, in wording and in meaning, or `None` when they
/// never are: categories that differ although a designer set both, or confirmed both (they were
/// judged apart).
pub fn bar(x: &Candidate, y: &Candidate) -> Option<(f32, f32)> {
    if x.category == y.category {
        Some((ALIKE_SAME_CATEGORY, MEANING_SAME_CATEGORY))
    } else if (x.by_designer && y.by_designer) || (x.confirmed && y.confirmed) {
        None
    } else {
        Some((ALIKE_OTHER_CATEGORY, MEANING_OTHER_CATEGORY))
    }
}

/// The pair `x`, `y` if it is alike enough in wording or in meaning.
fn alike(x: &Candidate, y: &Candidate) -> Option<AlikePair> {
    let (words_bar, meaning_bar) = bar(x, y)?;
    let past = |s: f32, bar: f32| (s >= bar).then(|| (s - bar) / (1.0 - bar));
    let similarity = x.centroid.similarity_to(&y.centroid);
    let meaning = x.meaning.as_ref().zip(y.meaning.as_ref()).map(|(a, b)| a.cosine(b));
    let by_words = past(similarity, words_bar).map(|r| (r, AlikeBy::Wording));
    let by_meaning = meaning.and_then(|m| past(m, meaning_bar)).map(|r| (r, AlikeBy::Meaning));
    let (reach, by) = match (by_words, by_meaning) {
        (Some(w), Some(m)) => {
            if m.0 > w.0 {
                m
            } else {
                w
            }
        }
        (w, m) => w.or(m)?,
    };
    Some(AlikePair { a: x.id.min(y.id), b: x.id.max(y.id), similarity, meaning, by, reach })
}

/// The pairs to offer, most alike first, at most `limit`, leaving out `dismissed` pairs
/// (lower id first). Each theme appears at most once, so acting on one suggestion never
/// leaves another pointing at a theme that was merged away.
pub fn alike_pairs(candidates: &[Candidate], dismissed: &HashSet<(i64, i64)>, limit: usize) -> Vec<AlikePair> {
    let mut pairs = Vec::new();
    for (i, x) in candidates.iter().enumerate() {
        for y in &candidates[i + 1..] {
            let (a, b) = (x.id.min(y.id), x.id.max(y.id));
            if a == b || dismissed.contains(&(a, b)) {
                continue;
            }
            pairs.extend(alike(x, y));
        }
    }
    pairs.sort_by(|p, q| q.reach.total_cmp(&p.reach).then((p.a, p.b).cmp(&(q.a, q.b))));
    let mut used = HashSet::new();
    let mut out = Vec::new();
    for p in pairs {
        if out.len() == limit {
            break;
        }
        if !used.contains(&p.a) && !used.contains(&p.b) {
            used.extend([p.a, p.b]);
            out.push(p);
        }
    }
    out
}

/// One suggestion with both themes and their voices and feedback counts.
#[derive(Debug, Clone)]
pub struct Suggestion {
    /// The first theme, with (feedback, voices).
    pub a: (Theme, (i64, i64)),
    /// The second theme, with (feedback, voices).
    pub b: (Theme, (i64, i64)),
    /// Cosine of their centroids (wording).
    pub similarity: f32,
    /// Cosine of their meanings, when both have one.
    pub meaning: Option<f32>,
    /// What made them alike enough.
    pub by: AlikeBy,
}

/// The meaning of each theme with embedded members: the [`Embedding::theme_direction`] of its
/// [`MEANING_SAMPLE`] latest visible members' embeddings.
fn meanings(conn: &mut Conn, theme_ids: &[i64]) -> diesel::QueryResult<Vec<(i64, Embedding)>> {
    let members = theme_members::recent_of_themes(conn, theme_ids, MEANING_SAMPLE)?;
    let ids: Vec<i64> = members.iter().map(|m| m.id).collect();
    let stored = feedback_embeddings::of_feedback(conn, &ids)?;
    Ok(theme_ids
        .iter()
        .filter_map(|&theme| {
            let of_theme = members.iter().filter(|m| m.theme_id == Some(theme)).filter_map(|m| stored.get(&m.id));
            Some((theme, Embedding::theme_direction(of_theme)?))
        })
        .collect())
}

/// The merge suggestions of a service, most alike first (at most [`SUGGESTIONS_SHOWN`]).
pub fn for_service(conn: &mut Conn, service_id: i64) -> diesel::QueryResult<Vec<Suggestion>> {
    let mut counts: Vec<(i64, (i64, i64))> = service_counts::of_service(conn, service_id, dim::THEME)?
        .into_iter()
        .filter(|c| c.feedback > 0)
        .filter_map(|c| Some((c.bucket.parse().ok()?, (c.feedback, c.voices))))
        .collect();
    counts.sort_by(|x, y| y.1 .1.cmp(&x.1 .1).then(x.0.cmp(&y.0)));
    counts.truncate(COMPARED_THEMES);
    let ids: Vec<i64> = counts.iter().map(|c| c.0).collect();
    let found: Vec<Theme> = themes::with_ids(conn, &ids)?.into_iter().filter(|t| t.service_id == service_id).collect();
    let dismissed: HashSet<(i64, i64)> = theme_merge_dismissals::among(conn, &ids)?.into_iter().collect();
    let mut meanings = meanings(conn, &ids)?;
    let tally = |id: i64| counts.iter().find(|c| c.0 == id).map_or((0, 0), |c| c.1);
    let candidates: Vec<Candidate> = found
        .iter()
        .filter_map(|t| {
            Some(Candidate {
                id: t.id,
                centroid: Centroid::decode(&t.centroid)?,
                meaning: meanings.iter().position(|m| m.0 == t.id).map(|i| meanings.swap_remove(i).1),
                category: PainCategory::parse(&t.category).unwrap_or(PainCategory::Other),
                by_designer: t.category_by_designer,
                confirmed: t.confirmed,
            })
        })
        .collect();
    let theme = |id: i64| found.iter().find(|t| t.id == id).cloned();
    Ok(alike_pairs(&candidates, &dismissed, SUGGESTIONS_SHOWN)
        .into_iter()
        .filter_map(|p| {
            Some(Suggestion {
                a: (theme(p.a)?, tally(p.a)),
                b: (theme(p.b)?, tally(p.b)),
                similarity: p.similarity,
                meaning: p.meaning,
                by: p.by,
            })
        })
        .collect())
}

/// Two different themes a designer acted on, as posted (`theme_a`, `theme_b`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ThemePair {
    /// The lower id.
    pub a: i64,
    /// The higher id.
    pub b: i64,
}

impl ThemePair {
    /// Reads two theme ids as typed (Bangla digits too).
    pub fn parse(a: Option<&str>, b: Option<&str>) -> Result<Self, FieldErrors> {
        let id = |v: Option<&str>| v.and_then(|v| to_ascii_digits(v.trim()).parse::<i64>().ok());
        Self::of(id(a), id(b))
    }

    /// Two theme ids; both must be given, positive and different.
    pub fn of(a: Option<i64>, b: Option<i64>) -> Result<Self, FieldErrors> {
        let (x, y) = (a.filter(|&n| n > 0), b.filter(|&n| n > 0));
        let mut errors = FieldErrors::new();
        for (field, value) in [("theme_a", x), ("theme_b", y)] {
            if value.is_none() {
                errors.push(FieldError::new(field, "staff-merge-suggest-error-unknown"));
            }
        }
        match (x, y) {
            (Some(x), Some(y)) if x == y => {
                Err(FieldErrors(vec![FieldError::new("theme_b", "staff-merge-suggest-error-same")]))
            }
            (Some(x), Some(y)) => Ok(ThemePair { a: x.min(y), b: x.max(y) }),
            _ => Err(errors),
        }
    }
}

/// Both themes of the pair, if both belong to `service_id`.
fn both_of_service(c: &mut Conn, pair: ThemePair, service_id: i64) -> Result<(Theme, Theme), EditError> {
    let mut found = themes::with_ids(c, &[pair.a, pair.b])?;
    found.retain(|t| t.service_id == service_id);
    found.sort_by_key(|t| t.id);
    match <[Theme; 2]>::try_from(found) {
        Ok([a, b]) => Ok((a, b)),
        Err(_) => {
            Err(EditError::Invalid(FieldErrors(vec![FieldError::new("theme_a", "staff-merge-suggest-error-unknown")])))
        }
    }
}

/// Accepts a suggestion: the existing merge (audited `theme.merge`). The theme a designer
/// confirmed stays (it keeps its name); otherwise the one with fewer voices goes into the
/// one with more (ties: into the older). Returns the theme that remains.
pub fn accept(conn: &mut Conn, actor: &Actor, service_id: i64, pair: ThemePair) -> Result<Theme, EditError> {
    let (a, b) = both_of_service(conn, pair, service_id)?;
    let voices: Vec<(i64, i64)> = service_counts::of_service(conn, service_id, dim::THEME)?
        .into_iter()
        .filter_map(|c| Some((c.bucket.parse().ok()?, c.voices)))
        .collect();
    let of = |id: i64| voices.iter().find(|v| v.0 == id).map_or(0, |v| v.1);
    // Larger key stays: confirmed first, then voices, then the older (lower) id.
    let key = |t: &Theme| (t.confirmed, of(t.id), -t.id);
    let (source, target) = if key(&a) >= key(&b) { (b.id, a.id) } else { (a.id, b.id) };
    edits::merge(conn, actor, source, target)
}

/// Dismisses a suggestion: the pair is never offered again. Audited `theme.merge_dismissed`;
/// `false` (and no audit entry) when it was dismissed already.
pub fn dismiss(
    conn: &mut Conn,
    actor: &Actor,
    service_id: i64,
    ministry_id: i64,
    pair: ThemePair,
) -> Result<bool, EditError> {
    write_transaction(conn, |c| {
        let (a, b) = both_of_service(c, pair, service_id)?;
        let new = NewDismissal::new(a.id, b.id, actor.staff_id, Utc::now().naive_utc());
        if !theme_merge_dismissals::insert(c, &new)? {
            return Ok(false);
        }
        let target = Target { kind: "theme", id: Some(a.id), ministry_id: Some(ministry_id) };
        let after = json!({
            "theme_a": a.id, "theme_a_label_en": a.label_en,
            "theme_b": b.id, "theme_b_label_en": b.label_en,
        });
        audit::record(c, actor, "theme.merge_dismissed", target, None, Some(after))?;
        Ok(true)
    })
}

#[cfg(test)]
#[path = "suggestions_tests.rs"]
mod tests;
