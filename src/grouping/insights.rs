//! What the designer's service page says of each listed theme beyond its counts: how
//! alike its feedback is (cohesion, against the service's recent feedback), the words
//! that decide its category, and its representative quotes. All listed themes are read
//! with one query for their recent members (and one for the service's recent feedback),
//! so the page costs the same with 3 or 30 themes listed.

use std::collections::HashMap;

use crate::db::theme_members::{self, Member};
use crate::db::{themes, Conn};
use crate::themes::{
    cohesion, representatives, signature, Centroid, Classifier, PainCategory, ServiceBaseline, Signature,
};

/// Recent members of each theme read for its quotes, cohesion and deciding words.
pub const MEMBERS_READ: usize = 60;
/// Deciding words shown per theme.
pub const DECIDING_SHOWN: usize = 4;
/// Texts of each theme (its most representative) whose words decide its category: classifying
/// every text read would cost three times as much for much the same words.
pub const DECIDING_TEXTS: usize = 20;
/// Recent feedback of the service that cohesion compares a theme's feedback with.
pub const BASELINE_SAMPLE: i64 = 400;

/// One theme as the service page describes it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ThemeInsight {
    /// Representative quotes: (feedback id, public text), most representative first.
    pub quotes: Vec<(i64, String)>,
    /// Share of its (recent) texts more like each other than like the service's feedback in
    /// general; `None` with fewer than two.
    pub cohesion: Option<f32>,
    /// The words that push its texts most towards its category (empty when a designer set it).
    pub deciding: Vec<String>,
    /// A designer chose the category (then `deciding` is empty: the reason is the designer).
    pub category_by_designer: bool,
}

/// One theme's recent members: their signatures, and their texts most representative first.
struct Ranked {
    theme: themes::Theme,
    sigs: Vec<(i64, Signature)>,
    texts: Vec<(i64, String)>,
}

/// The recent members of each of `theme_ids`, each theme's `keep` most representative
/// texts first (closest to the centroid, near-duplicates passed over): one query for all.
fn ranked(conn: &mut Conn, theme_ids: &[i64], keep: usize) -> diesel::QueryResult<Vec<Ranked>> {
    if theme_ids.is_empty() {
        return Ok(Vec::new());
    }
    let mut members: HashMap<i64, Vec<Member>> = HashMap::new();
    for m in theme_members::recent_of_themes(conn, theme_ids, MEMBERS_READ)? {
        if let Some(theme) = m.theme_id {
            members.entry(theme).or_default().push(m);
        }
    }
    let mut out = Vec::new();
    for theme in themes::with_ids(conn, theme_ids)? {
        let texts: Vec<(i64, String)> =
            members.remove(&theme.id).unwrap_or_default().iter().map(|m| (m.id, m.public_text())).collect();
        let sigs: Vec<(i64, Signature)> = texts.iter().map(|(id, t)| (*id, signature(t))).collect();
        let texts: Vec<(i64, String)> = match Centroid::decode(&theme.centroid) {
            Some(centroid) => {
                let by_id: HashMap<i64, &String> = texts.iter().map(|(id, t)| (*id, t)).collect();
                representatives(&centroid, &sigs, keep)
                    .into_iter()
                    .filter_map(|id| Some((id, by_id.get(&id)?.to_string())))
                    .collect()
            }
            None => texts.into_iter().take(keep).collect(),
        };
        out.push(Ranked { theme, sigs, texts });
    }
    Ok(out)
}

/// The `n` most representative quotes (feedback id, public text) of each of `theme_ids`.
pub fn quotes(conn: &mut Conn, theme_ids: &[i64], n: usize) -> diesel::QueryResult<HashMap<i64, Vec<(i64, String)>>> {
    Ok(ranked(conn, theme_ids, n)?.into_iter().map(|r| (r.theme.id, r.texts)).collect())
}

/// Quotes (`n` per theme), cohesion and deciding words of each of `theme_ids` (of `service_id`).
pub fn insights(
    conn: &mut Conn,
    service_id: i64,
    theme_ids: &[i64],
    n: usize,
    classifier: &Classifier,
) -> diesel::QueryResult<HashMap<i64, ThemeInsight>> {
    if theme_ids.is_empty() {
        return Ok(HashMap::new());
    }
    let found = ranked(conn, theme_ids, n.max(DECIDING_TEXTS))?;
    let sample: Vec<(i64, Signature)> = theme_members::recent_of_service(conn, service_id, BASELINE_SAMPLE)?
        .iter()
        .map(|m| (m.id, signature(&m.public_text())))
        .collect();
    let baseline = ServiceBaseline::of(&sample);
    let mut out = HashMap::new();
    for Ranked { theme, sigs, texts: ranked } in found {
        let category = PainCategory::parse(&theme.category).unwrap_or(PainCategory::Other);
        let deciding = if theme.category_by_designer {
            Vec::new()
        } else {
            let refs: Vec<&str> = ranked.iter().take(DECIDING_TEXTS).map(|(_, t)| t.as_str()).collect();
            classifier.deciding_for(&refs, category, DECIDING_SHOWN)
        };
        let quotes: Vec<(i64, String)> = ranked.into_iter().take(n).collect();
        let insight = ThemeInsight {
            quotes,
            cohesion: baseline.as_ref().and_then(|b| cohesion(&sigs, b)),
            deciding,
            category_by_designer: theme.category_by_designer,
        };
        out.insert(theme.id, insight);
    }
    Ok(out)
}
