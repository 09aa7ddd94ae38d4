//! The pain category of stored feedback: the classifier reads the text, and its embedding
//! too when the classifier has an embedding model and the feedback has one stored.

use diesel::QueryResult;

use crate::db::theme_members::Member;
use crate::db::{feedback_embeddings, Conn};
use crate::themes::{Classifier, PainCategory};

/// The category of each member's public text, in order.
pub fn of_members(conn: &mut Conn, classifier: &Classifier, members: &[Member]) -> QueryResult<Vec<PainCategory>> {
    let embeddings = if classifier.reads_embeddings() {
        let ids: Vec<i64> = members.iter().map(|m| m.id).collect();
        feedback_embeddings::of_feedback(conn, &ids)?
    } else {
        Default::default()
    };
    Ok(members.iter().map(|m| classifier.classify_with(&m.public_text(), embeddings.get(&m.id)).category).collect())
}
