//! Feedback similar to what a citizen is typing (for "me too"), picked by text
//! similarity; a theme's representative quotes are in [`super::insights`].

use std::collections::HashMap;

use serde::Serialize;

use super::CANDIDATE_THEMES;
use crate::db::{theme_members, themes, Conn};
use crate::themes::{most_similar, signature, Centroid};

/// Themes searched for similar feedback.
const SIMILAR_THEMES: usize = 4;
/// Members of each of those themes compared.
const SIMILAR_POOL: i64 = 150;
/// A theme is searched only if the text is at least this similar to it.
const THEME_FLOOR: f32 = 0.1;

/// A feedback entry shown to a citizen as possibly the same as theirs.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct SimilarFeedback {
    /// Feedback id (the "me too" target).
    pub id: i64,
    /// Its text (only feedback without personal data is ever shown).
    pub text: String,
    /// Voices it has.
    pub voices: i64,
    /// How similar (0–1).
    pub similarity: f32,
}

/// Up to `n` visible feedback of the service most similar to `text`, never any with personal data.
pub fn similar(conn: &mut Conn, service_id: i64, text: &str, n: usize) -> diesel::QueryResult<Vec<SimilarFeedback>> {
    let sig = signature(&crate::domain::pii::mask(text));
    if sig.is_empty() {
        return Ok(Vec::new());
    }
    let mut ranked: Vec<(i64, f32)> = themes::recent_of_service(conn, service_id, CANDIDATE_THEMES)?
        .iter()
        .filter_map(|t| Some((t.id, Centroid::decode(&t.centroid)?.similarity(&sig))))
        .filter(|(_, s)| *s >= THEME_FLOOR)
        .collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut pool = Vec::new();
    let mut extra = HashMap::new();
    let mut texts = HashMap::new();
    for (theme_id, _) in ranked.into_iter().take(SIMILAR_THEMES) {
        for m in theme_members::recent_of_theme(conn, theme_id, SIMILAR_POOL)? {
            if m.has_personal_data {
                continue;
            }
            let public = m.public_text();
            pool.push((m.id, signature(&public)));
            extra.insert(m.id, m.extra_voices);
            texts.insert(m.id, public);
        }
    }
    let found = most_similar(&sig, &pool, n);
    // Voices count the submissions that said "me too" to it as well.
    let shown: Vec<(i64, i32)> = found.iter().filter_map(|(id, _)| Some((*id, *extra.get(id)?))).collect();
    let voices = crate::voices::voices_of(conn, &shown)?;
    Ok(found
        .into_iter()
        .filter_map(|(id, similarity)| {
            Some(SimilarFeedback { id, text: texts.remove(&id)?, voices: voices.get(&id).copied()?, similarity })
        })
        .collect())
}
