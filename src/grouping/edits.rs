//! Designers' changes to themes: confirm, rename, set the category, merge two
//! themes, and move chosen feedback to another or a new theme (split). Each is
//! one transaction, audited, and keeps the theme counters exact.

use chrono::Utc;
use serde_json::json;

use super::{auto_labels, relabel, LABEL_TEXTS};
use crate::audit::{self, Actor, Target};
use crate::counts::{dim, theme_bucket, Tally};
use crate::db::schema::{offices, services};
use crate::db::theme_members::{self, Member};
use crate::db::themes::{self, NewTheme, Theme, ThemeChanges};
use crate::db::{service_counts, write_transaction, Conn};
use crate::domain::{FieldError, FieldErrors};
use crate::themes::{signature, CategoryVotes, Centroid, Classifier, PainCategory};
use diesel::prelude::*;

/// Members read to rebuild a theme's centroid after feedback left it.
const CENTROID_POOL: i64 = 1_000;
/// Longest theme label.
pub const LABEL_MAX: usize = 120;

/// Why an edit was refused.
#[derive(Debug, thiserror::Error)]
pub enum EditError {
    /// A theme or feedback that does not exist in this service (or not for this staff member).
    #[error("not found")]
    NotFound,
    /// A field is wrong.
    #[error("invalid: {0}")]
    Invalid(FieldErrors),
    /// The database failed.
    #[error(transparent)]
    Database(#[from] diesel::result::Error),
}

/// A theme with the ministry it belongs to.
pub fn theme_with_ministry(conn: &mut Conn, id: i64) -> QueryResult<Option<(Theme, i64)>> {
    let Some(theme) = themes::find(conn, id)? else { return Ok(None) };
    let ministry = services::table
        .inner_join(offices::table)
        .filter(services::id.eq(theme.service_id))
        .select(offices::ministry_id)
        .first(conn)?;
    Ok(Some((theme, ministry)))
}

/// What a designer asks to change on a theme (`None`: leave as is).
#[derive(Debug, Clone, Default)]
pub struct ThemeEdit {
    /// New Bangla label.
    pub label_bn: Option<String>,
    /// New English label.
    pub label_en: Option<String>,
    /// New category.
    pub category: Option<String>,
    /// Confirm (or un-confirm).
    pub confirmed: Option<bool>,
}

fn label(field: &'static str, value: &Option<String>, errors: &mut FieldErrors) -> Option<String> {
    let text = crate::domain::text::clean_line(value.as_deref()?);
    if text.is_empty() {
        errors.push(FieldError::new(field, "error-theme-label-required"));
    } else if text.chars().count() > LABEL_MAX {
        errors.push(FieldError::new(field, "error-theme-label-too-long").with("max", LABEL_MAX));
    }
    Some(text)
}

fn snapshot(t: &Theme) -> serde_json::Value {
    json!({ "label_bn": t.label_bn, "label_en": t.label_en, "category": t.category, "confirmed": t.confirmed,
            "label_by_designer": t.label_by_designer, "published": t.published_at.is_some() })
}

/// Whether a theme may be published: it needs an English label of its own (citizens reading
/// English would otherwise see the Bangla one, or an automatic one nobody checked).
pub fn publish_refusal(t: &Theme) -> Option<FieldError> {
    let en = t.label_en.trim();
    (en.is_empty() || en == t.label_bn.trim() || !t.label_by_designer)
        .then(|| FieldError::new("label_en", "error-publish-needs-english"))
}

/// Publishes the theme on the citizens' page (confirming it) or takes it off, audited.
pub fn publish(conn: &mut Conn, actor: &Actor, theme_id: i64, publish: bool) -> Result<Theme, EditError> {
    write_transaction(conn, |c| {
        let (before, ministry) = theme_with_ministry(c, theme_id)?.ok_or(EditError::NotFound)?;
        if publish {
            if let Some(refused) = publish_refusal(&before) {
                return Err(EditError::Invalid(FieldErrors(vec![refused])));
            }
        }
        let now = Utc::now().naive_utc();
        themes::set_published(c, theme_id, publish.then_some(now), now)?;
        let after = themes::find(c, theme_id)?.ok_or(EditError::NotFound)?;
        let target = Target { kind: "theme", id: Some(theme_id), ministry_id: Some(ministry) };
        let action = if publish { "theme.publish" } else { "theme.unpublish" };
        audit::record(c, actor, action, target, Some(snapshot(&before)), Some(snapshot(&after)))?;
        Ok(after)
    })
}

fn category_of(t: &Theme) -> PainCategory {
    PainCategory::parse(&t.category).unwrap_or(PainCategory::Other)
}

/// Applies a designer's edit of labels, category or confirmation.
pub fn edit_theme(conn: &mut Conn, actor: &Actor, theme_id: i64, edit: &ThemeEdit) -> Result<Theme, EditError> {
    let mut errors = FieldErrors::new();
    let label_bn = label("label_bn", &edit.label_bn, &mut errors);
    let label_en = label("label_en", &edit.label_en, &mut errors);
    let category = match &edit.category {
        Some(c) => match PainCategory::parse(c) {
            Some(c) => Some(c.as_str().to_owned()),
            None => {
                errors.push(FieldError::new("category", "error-filter-category"));
                None
            }
        },
        None => None,
    };
    if !errors.is_empty() {
        return Err(EditError::Invalid(errors));
    }
    write_transaction(conn, |c| {
        let (before, ministry) = theme_with_ministry(c, theme_id)?.ok_or(EditError::NotFound)?;
        // The edit form posts both labels each time: only a changed label is a designer's own.
        let renamed = label_bn.as_ref().is_some_and(|l| *l != before.label_bn)
            || label_en.as_ref().is_some_and(|l| *l != before.label_en);
        let changes = ThemeChanges {
            category_by_designer: category.as_ref().map(|_| true),
            label_by_designer: renamed.then_some(true),
            label_bn,
            label_en,
            category,
            confirmed: edit.confirmed,
            updated_at: Some(Utc::now().naive_utc()),
        };
        themes::update(c, theme_id, &changes)?;
        if edit.confirmed == Some(false) && before.published_at.is_some() {
            // A published theme is a confirmed one: un-confirming takes it off the citizens' page.
            themes::set_published(c, theme_id, None, Utc::now().naive_utc())?;
        }
        let mut after = themes::find(c, theme_id)?.ok_or(EditError::NotFound)?;
        if after.category != before.category && !after.label_by_designer {
            // A suggested label leads with the category: it follows the designer's choice.
            relabel(c, theme_id, category_of(&after), &[])?;
            after = themes::find(c, theme_id)?.ok_or(EditError::NotFound)?;
        }
        let target = Target { kind: "theme", id: Some(theme_id), ministry_id: Some(ministry) };
        audit::record(c, actor, "theme.edit", target, Some(snapshot(&before)), Some(snapshot(&after)))?;
        Ok(after)
    })
}

/// Merges theme `source` into `target` (same service): every member moves, the source is removed.
pub fn merge(conn: &mut Conn, actor: &Actor, source: i64, target: i64) -> Result<Theme, EditError> {
    if source == target {
        return Err(EditError::Invalid(FieldErrors(vec![FieldError::new("into", "error-theme-merge-self")])));
    }
    write_transaction(conn, |c| {
        let (from, ministry) = theme_with_ministry(c, source)?.ok_or(EditError::NotFound)?;
        let into = themes::find(c, target)?
            .filter(|t| t.service_id == from.service_id)
            .ok_or_else(|| EditError::Invalid(FieldErrors(vec![FieldError::new("into", "error-theme-unknown")])))?;
        let now = Utc::now().naive_utc();
        let moved = theme_members::move_all(c, source, target, now)?;
        let mut centroid = Centroid::decode(&into.centroid).or_else(|| Centroid::decode(&from.centroid));
        if let (Some(c1), Some(c2)) = (centroid.as_mut(), Centroid::decode(&from.centroid)) {
            c1.merge(&c2);
        }
        let mut votes = CategoryVotes::decode(&into.category_votes).unwrap_or_default();
        votes.add(&CategoryVotes::decode(&from.category_votes).unwrap_or_default());
        let category = (!into.category_by_designer).then(|| votes.winner().as_str());
        let encoded = centroid.map(|c| c.encode()).unwrap_or(into.centroid.clone());
        themes::set_grouping(c, target, &encoded, &votes.encode(), category, now)?;
        if !into.label_by_designer {
            let shown = if into.category_by_designer { category_of(&into) } else { votes.winner() };
            relabel(c, target, shown, &[])?;
        }
        // The source's counts move to the target as they are.
        let mut tally = Tally::default();
        for count in service_counts::of_service(c, from.service_id, dim::THEME)?
            .into_iter()
            .filter(|x| x.bucket == source.to_string())
        {
            tally.add_one(from.service_id, dim::THEME, theme_bucket(Some(source)), -count.feedback, -count.voices);
            tally.add_one(from.service_id, dim::THEME, theme_bucket(Some(target)), count.feedback, count.voices);
        }
        tally.apply(c)?;
        crate::db::backlog_items::relink_theme(c, source, target)?;
        // Before the delete: redirects to the source would go with it.
        themes::redirect(c, source, target, now)?;
        themes::delete(c, source)?;
        let audit_target = Target { kind: "theme", id: Some(target), ministry_id: Some(ministry) };
        let before =
            json!({ "source": source, "source_label_en": from.label_en, "target": target, "members_moved": moved });
        audit::record(c, actor, "theme.merge", audit_target, Some(before), Some(snapshot(&into)))?;
        themes::find(c, target)?.ok_or(EditError::NotFound)
    })
}

/// Where moved feedback goes.
#[derive(Debug, Clone)]
pub enum Destination {
    /// An existing theme of the same service.
    Theme(i64),
    /// A new theme (labelled from its members unless a label is given).
    New(Option<String>),
}

pub(crate) fn rebuild(c: &mut Conn, theme: &Theme, classifier: &Classifier) -> QueryResult<()> {
    let members = theme_members::recent_of_theme(c, theme.id, CENTROID_POOL)?;
    let mut centroid: Option<Centroid> = None;
    let mut votes = CategoryVotes::default();
    let categories = super::categories::of_members(c, classifier, &members)?;
    for (m, category) in members.iter().zip(categories) {
        let sig = signature(&m.public_text());
        match centroid.as_mut() {
            Some(cen) => cen.add(&sig),
            None => centroid = Some(Centroid::new(&sig)),
        }
        votes.vote(category, 1);
    }
    let Some(centroid) = centroid else { return Ok(()) };
    let category = (!theme.category_by_designer).then(|| votes.winner().as_str());
    themes::set_grouping(c, theme.id, &centroid.encode(), &votes.encode(), category, Utc::now().naive_utc())?;
    if !theme.label_by_designer {
        let texts: Vec<String> = members.iter().take(LABEL_TEXTS).map(Member::public_text).collect();
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let shown = if theme.category_by_designer { category_of(theme) } else { votes.winner() };
        let (label_bn, label_en) = auto_labels(&refs, shown);
        themes::set_auto_labels(c, theme.id, &label_bn, &label_en)?;
    }
    Ok(())
}

/// Moves the feedback `ids` (all of one service) to `to`, pinned there: a split when they come
/// from one theme, a single move for one id. Returns the destination theme.
pub fn move_feedback(
    conn: &mut Conn,
    actor: &Actor,
    service_id: i64,
    ministry_id: i64,
    ids: &[i64],
    to: &Destination,
    classifier: &Classifier,
) -> Result<Theme, EditError> {
    let mut errors = FieldErrors::new();
    if ids.is_empty() {
        errors.push(FieldError::new("feedback", "error-move-none-chosen"));
    }
    if let Destination::New(Some(given)) = to {
        if crate::domain::text::clean_line(given).chars().count() > LABEL_MAX {
            errors.push(FieldError::new("label", "error-theme-label-too-long").with("max", LABEL_MAX));
        }
    }
    if !errors.is_empty() {
        return Err(EditError::Invalid(errors));
    }
    write_transaction(conn, |c| {
        let members: Vec<Member> = theme_members::with_ids(c, ids)?;
        let of_service = crate::db::feedback::service_ids_of(c, ids)?;
        if members.len() != ids.len() || of_service.iter().any(|s| *s != service_id) {
            let wrong = FieldError::new("feedback", "error-move-not-of-service");
            return Err(EditError::Invalid(FieldErrors(vec![wrong])));
        }
        let now = Utc::now().naive_utc();
        let destination = match to {
            Destination::Theme(id) => themes::find(c, *id)?
                .filter(|t| t.service_id == service_id)
                .ok_or_else(|| EditError::Invalid(FieldErrors(vec![FieldError::new("into", "error-theme-unknown")])))?,
            Destination::New(given) => {
                let texts: Vec<String> = members.iter().map(Member::public_text).collect();
                let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
                let (auto_bn, auto_en) = auto_labels(&refs, PainCategory::Other);
                let given = given.as_deref().map(crate::domain::text::clean_line).filter(|l| !l.is_empty());
                let first = signature(&texts[0]);
                let id = themes::insert(
                    c,
                    &NewTheme {
                        service_id,
                        label_bn: given.clone().unwrap_or(auto_bn),
                        label_by_designer: given.is_some(),
                        label_en: given.unwrap_or(auto_en),
                        category: PainCategory::Other.as_str().to_owned(),
                        category_by_designer: false,
                        category_votes: CategoryVotes::default().encode(),
                        confirmed: false,
                        centroid: Centroid::new(&first).encode(),
                        created_at: now,
                        updated_at: now,
                    },
                )?;
                themes::find(c, id)?.ok_or(EditError::NotFound)?
            }
        };
        let visible: std::collections::HashSet<i64> = crate::db::feedback::visible_ids(c, ids)?.into_iter().collect();
        let mut tally = Tally::default();
        let mut sources = std::collections::BTreeSet::new();
        for m in &members {
            if visible.contains(&m.id) {
                let voices = 1 + i64::from(m.extra_voices);
                tally.add_one(service_id, dim::THEME, theme_bucket(m.theme_id), -1, -voices);
                tally.add_one(service_id, dim::THEME, theme_bucket(Some(destination.id)), 1, voices);
            }
            if let Some(t) = m.theme_id {
                sources.insert(t);
            }
        }
        theme_members::set_theme(c, ids, Some(destination.id), true, now)?;
        tally.apply(c)?;
        for theme in themes::with_ids(c, &sources.iter().copied().chain([destination.id]).collect::<Vec<_>>())? {
            rebuild(c, &theme, classifier)?;
        }
        let target = Target { kind: "theme", id: Some(destination.id), ministry_id: Some(ministry_id) };
        let before = json!({ "feedback": ids, "from_themes": sources });
        let after = json!({ "feedback": ids, "theme": destination.id, "new": matches!(to, Destination::New(_)) });
        let action = if ids.len() == 1 { "feedback.move" } else { "theme.split" };
        audit::record(c, actor, action, target, Some(before), Some(after))?;
        themes::delete_empty_unconfirmed(c, service_id)?;
        themes::find(c, destination.id)?.ok_or(EditError::NotFound)
    })
}
