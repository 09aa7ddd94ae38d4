//! The feedback list of a service with the designer's filters, newest first, a page at a time.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::feedback::Feedback;
use crate::db::schema::{feedback, themes};
use crate::db::services::like_pattern;
use crate::db::Conn;

/// Rows on one page.
pub const PAGE_SIZE: i64 = 25;

/// The designer's filters (all optional).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FeedbackFilter {
    /// complaint / expectation / suggestion.
    pub kind: Option<String>,
    /// A theme id (`Some(None)`: feedback in no theme).
    pub theme: Option<Option<i64>>,
    /// A pain category (of the feedback's theme).
    pub category: Option<String>,
    /// District code.
    pub district: Option<String>,
    /// Channel.
    pub channel: Option<String>,
    /// Received at or after.
    pub from: Option<NaiveDateTime>,
    /// Received before.
    pub until: Option<NaiveDateTime>,
    /// Words that must all appear in the text (Bangla or English, any case).
    pub words: Vec<String>,
    /// Search the original text (staff who may see personal data); else only the masked text.
    pub search_original: bool,
    /// `visible` (default), `hidden`, `spam`, or `all`.
    pub moderation: Option<String>,
    /// 0-based page.
    pub page: i64,
}

/// One page of a service's feedback matching `filter`, and whether there is a next page.
pub fn page(conn: &mut Conn, service_id: i64, filter: &FeedbackFilter) -> QueryResult<(Vec<Feedback>, bool)> {
    let mut q = feedback::table.filter(feedback::service_id.eq(service_id)).into_boxed();
    match filter.moderation.as_deref() {
        Some("all") => {}
        Some(state) => q = q.filter(feedback::moderation.eq(state.to_owned())),
        None => q = q.filter(feedback::moderation.eq("visible")),
    }
    if let Some(kind) = &filter.kind {
        q = q.filter(feedback::kind.eq(kind.clone()));
    }
    match filter.theme {
        Some(Some(theme)) => q = q.filter(feedback::theme_id.eq(theme)),
        Some(None) => q = q.filter(feedback::theme_id.is_null()),
        None => {}
    }
    if let Some(category) = &filter.category {
        // The category's themes first: a short id list lets the database use the theme index.
        let ids: Vec<i64> = themes::table
            .filter(themes::service_id.eq(service_id))
            .filter(themes::category.eq(category.clone()))
            .select(themes::id)
            .load(conn)?;
        q = q.filter(feedback::theme_id.eq_any(ids));
    }
    if let Some(district) = &filter.district {
        q = q.filter(feedback::district.eq(district.clone()));
    }
    if let Some(channel) = &filter.channel {
        q = q.filter(feedback::channel.eq(channel.clone()));
    }
    if let Some(from) = filter.from {
        q = q.filter(feedback::created_at.ge(from));
    }
    if let Some(until) = filter.until {
        q = q.filter(feedback::created_at.lt(until));
    }
    // Staff without the right to personal data search what they may read, so a search
    // cannot reveal where a masked phone number or name occurs.
    let column = if filter.search_original { "feedback.body" } else { "COALESCE(feedback.public_body, '')" };
    for word in &filter.words {
        // Always `lower(…)`, the expression PostgreSQL's trigram indexes are built on (Bangla has
        // no case: lower() leaves it as it is).
        q = q.filter(
            diesel::dsl::sql::<diesel::sql_types::Bool>(&format!("lower({column}) LIKE "))
                .bind::<diesel::sql_types::Text, _>(like_pattern(&word.to_lowercase()))
                .sql(" ESCAPE '\\'"),
        );
    }
    let mut rows: Vec<Feedback> = q
        .select(Feedback::as_select())
        .order((feedback::created_at.desc(), feedback::id.desc()))
        .offset(filter.page.max(0) * PAGE_SIZE)
        .limit(PAGE_SIZE + 1)
        .load(conn)?;
    let more = rows.len() as i64 > PAGE_SIZE;
    rows.truncate(PAGE_SIZE as usize);
    Ok((rows, more))
}
