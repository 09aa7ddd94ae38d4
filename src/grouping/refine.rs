//! Themes refined by embeddings: once the embeddings job has a feedback's embedding, the
//! classifier reads it beside the words, and a feedback whose category changes moves to
//! the most similar theme of its new category (or opens one, or waits as not yet grouped
//! when it reads as off-topic). Intake never waits for this: it classifies by the words.
//!
//! Designers' work is never undone: feedback a designer moved (pinned), and feedback in a
//! theme a designer confirmed or set the category of, or that a backlog item addresses,
//! stay where they are. Counters move with the feedback, in the same transaction.

use std::collections::{BTreeSet, HashMap, HashSet};

use chrono::Utc;
use diesel::prelude::*;

use super::edits::rebuild;
use super::{auto_labels, CANDIDATE_THEMES};
use crate::counts::{dim, theme_bucket, Tally};
use crate::db::schema::feedback;
use crate::db::themes::{self, NewTheme, Theme};
use crate::db::{feedback_embeddings, theme_members, write_transaction, Conn};
use crate::themes::embedding::Embedding;
use crate::themes::{accepts, place, signature, CategoryVotes, Centroid, Classifier, PainCategory, Placement};

/// What one round of refinement did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Refined {
    /// Embeddings stored (others were stored first by another server).
    pub stored: usize,
    /// Feedback moved to another theme (or out of one).
    pub moved: usize,
}

/// A candidate theme of one service, decoded.
struct Candidate {
    id: i64,
    centroid: Centroid,
    votes: CategoryVotes,
    category: PainCategory,
    /// Confirmed, categorised by a designer, or addressed by a backlog item: its members stay.
    protected: bool,
}

impl Candidate {
    fn of(theme: &Theme, linked: &HashSet<i64>) -> Option<Self> {
        Some(Candidate {
            id: theme.id,
            centroid: Centroid::decode(&theme.centroid)?,
            votes: CategoryVotes::decode(&theme.category_votes).unwrap_or_default(),
            category: PainCategory::parse(&theme.category).unwrap_or(PainCategory::Other),
            protected: theme.confirmed || theme.category_by_designer || linked.contains(&theme.id),
        })
    }
}

/// Stores `rows` (feedback id and the embedding of its public text) and moves the feedback
/// whose category the embedding changes, in one transaction.
pub fn with_embeddings(conn: &mut Conn, classifier: &Classifier, rows: &[(i64, Embedding)]) -> QueryResult<Refined> {
    write_transaction(conn, |c| {
        let now = Utc::now().naive_utc();
        let stored = feedback_embeddings::insert_new(c, rows, now)?;
        let mut refined = Refined { stored: stored.len(), moved: 0 };
        if !classifier.reads_embeddings() || stored.is_empty() {
            return Ok(refined);
        }
        let embedding: HashMap<i64, &Embedding> = rows.iter().map(|(id, e)| (*id, e)).collect();
        let services: Vec<(i64, i64)> = feedback::table
            .filter(feedback::id.eq_any(&stored))
            .filter(feedback::moderation.eq("visible"))
            .select((feedback::id, feedback::service_id))
            .load(c)?;
        let mut by_service: HashMap<i64, Vec<i64>> = HashMap::new();
        for (id, service) in services {
            by_service.entry(service).or_default().push(id);
        }
        let mut by_service: Vec<(i64, Vec<i64>)> = by_service.into_iter().collect();
        by_service.sort_unstable();
        for (service_id, ids) in by_service {
            refined.moved += refine_service(c, classifier, service_id, &ids, &embedding)?;
        }
        Ok(refined)
    })
}

fn refine_service(
    c: &mut Conn,
    classifier: &Classifier,
    service_id: i64,
    ids: &[i64],
    embedding: &HashMap<i64, &Embedding>,
) -> QueryResult<usize> {
    let now = Utc::now().naive_utc();
    let linked: HashSet<i64> = themes::linked_to_backlog(c, service_id)?.into_iter().collect();
    let mut candidates: Vec<Candidate> = themes::recent_of_service(c, service_id, CANDIDATE_THEMES)?
        .iter()
        .filter_map(|t| Candidate::of(t, &linked))
        .collect();
    let mut tally = Tally::default();
    let mut touched: BTreeSet<i64> = BTreeSet::new();
    let mut moved = 0;
    for m in theme_members::with_ids(c, ids)? {
        let Some(e) = embedding.get(&m.id) else { continue };
        if m.theme_pinned {
            continue;
        }
        let current = m.theme_id.and_then(|t| candidates.iter().position(|x| x.id == t));
        if m.theme_id.is_some() && current.is_none_or(|i| candidates[i].protected) {
            continue;
        }
        let text = m.public_text();
        let category = classifier.classify_with(&text, Some(e)).category;
        let stays = match current {
            Some(i) => accepts(candidates[i].category, &candidates[i].votes, category),
            None => category == PainCategory::Other,
        };
        let sig = signature(&text);
        if stays || sig.is_empty() {
            continue;
        }
        let others = candidates
            .iter()
            .filter(|x| Some(x.id) != m.theme_id)
            .map(|x| (x.id, &x.centroid, accepts(x.category, &x.votes, category)));
        let destination = match place(&sig, category, others) {
            Placement::Join(id) => Some(id),
            Placement::Wait => None,
            Placement::Open => {
                let (label_bn, label_en) = auto_labels(&[text.as_str()], category);
                let mut votes = CategoryVotes::default();
                votes.vote(category, 1);
                let centroid = Centroid::new(&sig);
                let new = NewTheme::automatic(service_id, (label_bn, label_en), &votes, &centroid, now);
                let id = themes::insert(c, &new)?;
                candidates.push(Candidate { id, centroid, votes, category, protected: false });
                Some(id)
            }
        };
        let voices = 1 + i64::from(m.extra_voices);
        tally.add_one(service_id, dim::THEME, theme_bucket(m.theme_id), -1, -voices);
        tally.add_one(service_id, dim::THEME, theme_bucket(destination), 1, voices);
        theme_members::set_theme(c, &[m.id], destination, false, now)?;
        touched.extend(m.theme_id.into_iter().chain(destination));
        moved += 1;
    }
    if moved == 0 {
        return Ok(0);
    }
    tally.apply(c)?;
    for theme in themes::with_ids(c, &touched.into_iter().collect::<Vec<_>>())? {
        rebuild(c, &theme, classifier)?;
    }
    themes::delete_empty_unconfirmed(c, service_id)?;
    Ok(moved)
}
