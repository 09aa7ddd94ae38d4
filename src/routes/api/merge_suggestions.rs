//! Merge suggestions on the staff API (`/api/v1/staff/services/{code}/merge-suggestions`):
//! the same pairs, merge and "not the same" as the service page, for theme editors.

use actix_web::{web, HttpResponse};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::whole::Whole;
use crate::audit::Actor;
use crate::auth::Staff;
use crate::db::themes::Theme;
use crate::db::{self, Pool};
use crate::error::{AppError, ErrorEnvelope};
use crate::grouping::suggestions::{self, ThemePair};
use crate::workspace::service_to_edit;

/// One theme of a suggested pair.
#[derive(Debug, Serialize, ToSchema)]
pub struct SuggestedTheme {
    /// Theme id.
    id: i64,
    /// Label in Bangla.
    label_bn: String,
    /// Label in English.
    label_en: String,
    /// Pain category.
    category: String,
    /// Confirmed by a designer.
    confirmed: bool,
    /// Visible feedback in it.
    feedback: i64,
    /// Voices (feedback and "me too").
    voices: i64,
}

/// Two themes that look alike.
#[derive(Debug, Serialize, ToSchema)]
pub struct MergeSuggestion {
    /// The theme with the lower id.
    theme_a: SuggestedTheme,
    /// The other theme.
    theme_b: SuggestedTheme,
    /// Cosine similarity of their members' wording, 0 to 1.
    similarity: f32,
    /// Cosine similarity of their members' meaning (their embeddings, less what all feedback
    /// shares), -1 to 1; null until the embeddings service has embedded feedback of both.
    meaning_similarity: Option<f32>,
    /// What made them alike enough to be offered: `wording` or `meaning` (the same pain told
    /// in other words or another language).
    #[schema(example = "meaning")]
    alike_by: String,
}

/// Up to five pairs, most alike first.
#[derive(Debug, Serialize, ToSchema)]
pub struct MergeSuggestionList {
    /// The pairs.
    suggestions: Vec<MergeSuggestion>,
}

/// A pair to merge or to dismiss (in either order).
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ThemePairBody {
    /// One theme of the service.
    #[schema(value_type = Option<i64>)]
    theme_a: Option<Whole>,
    /// Another theme of the service.
    #[schema(value_type = Option<i64>)]
    theme_b: Option<Whole>,
}

/// What accepting did.
#[derive(Debug, Serialize, ToSchema)]
pub struct Merged {
    /// The theme that remains (the other one's feedback moved into it).
    theme_id: i64,
}

/// What dismissing did.
#[derive(Debug, Serialize, ToSchema)]
pub struct Dismissed {
    /// `false` when the pair was dismissed already (nothing changed).
    dismissed: bool,
}

fn side((t, (feedback, voices)): (Theme, (i64, i64))) -> SuggestedTheme {
    SuggestedTheme {
        id: t.id,
        label_bn: t.label_bn,
        label_en: t.label_en,
        category: t.category,
        confirmed: t.confirmed,
        feedback,
        voices,
    }
}

/// Themes of the service that look alike, most alike first (dismissed pairs left out).
#[utoipa::path(
    get,
    path = "/api/v1/staff/services/{code}/merge-suggestions",
    tag = "staff",
    params(("code" = String, Path, pattern = "^[^\\x00-\\x1F\\x7F]*$", description = "Service code, e.g. DIP-001")),
    responses(
        (status = 400, description = "A control character in the path or query", body = ErrorEnvelope),
        (status = 200, description = "Up to five pairs", body = MergeSuggestionList),
        (status = 401, description = "No valid bearer token or session", body = ErrorEnvelope),
        (status = 403, description = "The role may not edit themes", body = ErrorEnvelope),
        (status = 404, description = "No such service among the staff member's ministries", body = ErrorEnvelope),
    )
)]
pub async fn list_merge_suggestions(
    staff: Staff,
    code: web::Path<String>,
    pool: web::Data<Pool>,
) -> Result<HttpResponse, AppError> {
    let (service, _, _) = service_to_edit(&pool, &staff, code.into_inner()).await?;
    let found = db::run_blocking(&pool, move |c| suggestions::for_service(c, service.id)).await?;
    let suggestions = found
        .into_iter()
        .map(|s| MergeSuggestion {
            theme_a: side(s.a),
            theme_b: side(s.b),
            similarity: s.similarity,
            meaning_similarity: s.meaning,
            alike_by: s.by.as_str().to_owned(),
        })
        .collect();
    Ok(HttpResponse::Ok().json(MergeSuggestionList { suggestions }))
}

/// Merges the two themes (as `POST /api/v1/staff/themes/{id}/merge`): a confirmed theme
/// remains, else the one with more voices.
#[utoipa::path(
    post,
    path = "/api/v1/staff/services/{code}/merge-suggestions/accept",
    tag = "staff",
    params(("code" = String, Path, pattern = "^[^\\x00-\\x1F\\x7F]*$", description = "Service code, e.g. DIP-001")),
    request_body(content = ThemePairBody, content_type = "application/json"),
    responses(
        (status = 400, description = "A control character in the path or query", body = ErrorEnvelope),
        (status = 200, description = "Merged; audited as theme.merge", body = Merged),
        (status = 401, description = "No valid bearer token or session", body = ErrorEnvelope),
        (status = 403, description = "The role may not edit themes", body = ErrorEnvelope),
        (status = 404, description = "No such service among the staff member's ministries", body = ErrorEnvelope),
        (status = 413, description = "Body over 64 KiB", body = ErrorEnvelope),
        (status = 415, description = "Not JSON", body = ErrorEnvelope),
        (status = 422, description = "Not two different themes of this service; nothing changed", body = ErrorEnvelope),
    )
)]
pub async fn accept_merge_suggestion(
    staff: Staff,
    code: web::Path<String>,
    body: web::Json<ThemePairBody>,
    pool: web::Data<Pool>,
) -> Result<HttpResponse, AppError> {
    let (service, _, _) = service_to_edit(&pool, &staff, code.into_inner()).await?;
    let pair = ThemePair::of(body.theme_a.map(i64::from), body.theme_b.map(i64::from)).map_err(AppError::Validation)?;
    let actor = Actor::from(&staff);
    let theme = db::run_blocking(&pool, move |c| suggestions::accept(c, &actor, service.id, pair)).await?;
    Ok(HttpResponse::Ok().json(Merged { theme_id: theme.id }))
}

/// Says the two themes are not the same: the pair is never suggested again.
#[utoipa::path(
    post,
    path = "/api/v1/staff/services/{code}/merge-suggestions/dismiss",
    tag = "staff",
    params(("code" = String, Path, pattern = "^[^\\x00-\\x1F\\x7F]*$", description = "Service code, e.g. DIP-001")),
    request_body(content = ThemePairBody, content_type = "application/json"),
    responses(
        (status = 400, description = "A control character in the path or query", body = ErrorEnvelope),
        (status = 200, description = "Dismissed (audited as theme.merge_dismissed), or dismissed already", body = Dismissed),
        (status = 401, description = "No valid bearer token or session", body = ErrorEnvelope),
        (status = 403, description = "The role may not edit themes", body = ErrorEnvelope),
        (status = 404, description = "No such service among the staff member's ministries", body = ErrorEnvelope),
        (status = 413, description = "Body over 64 KiB", body = ErrorEnvelope),
        (status = 415, description = "Not JSON", body = ErrorEnvelope),
        (status = 422, description = "Not two different themes of this service; nothing changed", body = ErrorEnvelope),
    )
)]
pub async fn dismiss_merge_suggestion(
    staff: Staff,
    code: web::Path<String>,
    body: web::Json<ThemePairBody>,
    pool: web::Data<Pool>,
) -> Result<HttpResponse, AppError> {
    let (service, _, ministry) = service_to_edit(&pool, &staff, code.into_inner()).await?;
    let pair = ThemePair::of(body.theme_a.map(i64::from), body.theme_b.map(i64::from)).map_err(AppError::Validation)?;
    let actor = Actor::from(&staff);
    let dismissed =
        db::run_blocking(&pool, move |c| suggestions::dismiss(c, &actor, service.id, ministry.id, pair)).await?;
    Ok(HttpResponse::Ok().json(Dismissed { dismissed }))
}
