//! "Merge these?" on the service page: themes that look alike, each pair with a
//! merge button (`POST /staff/services/{code}/merge-suggestions/accept`) and a
//! "not the same" button (`…/dismiss`: never offered again). Theme editors only.

use actix_web::{web, HttpRequest, HttpResponse};
use serde::Deserialize;
use serde_json::{json, Value};

use super::invalid::or_invalid_page;
use super::page_parts::PageParts;
use super::sent::Sent;
use super::service_page::service_page;
use super::service_themes::shorten;
use crate::audit::Actor;
use crate::auth::Staff;
use crate::db::services::ServiceListing;
use crate::db::{self, Pool};
use crate::domain::staff::Permission;
use crate::domain::Locale;
use crate::error::AppError;
use crate::grouping;
use crate::grouping::suggestions::{self, AlikeBy, ThemePair};
use crate::web::page::see_other;
use crate::workspace::filter_input::FilterQuery;
use crate::workspace::service_to_edit;

/// Longest quote shown beside a suggested theme (characters).
const QUOTE_CHARS: usize = 160;

/// The section's data: `items` (empty for staff who may not edit themes) and the form actions.
pub async fn section(pool: &Pool, staff: &Staff, listing: &ServiceListing, locale: Locale) -> Result<Value, AppError> {
    let (service, _, ministry) = listing;
    let base = format!("/staff/services/{}/merge-suggestions", service.code);
    let urls = json!({ "accept_url": format!("{base}/accept"), "dismiss_url": format!("{base}/dismiss") });
    if !staff.may(Permission::EditThemes, ministry.id) {
        return Ok(json!({ "items": [], "urls": urls }));
    }
    let service_id = service.id;
    let (found, quotes) = db::run_blocking(pool, move |c| -> Result<_, AppError> {
        let found = suggestions::for_service(c, service_id)?;
        let ids: Vec<i64> = found.iter().flat_map(|s| [s.a.0.id, s.b.0.id]).collect();
        Ok((found, grouping::quotes(c, &ids, 1)?))
    })
    .await?;
    let side = |(t, (feedback, voices)): &(db::themes::Theme, (i64, i64))| {
        let quote = quotes.get(&t.id).and_then(|q| q.first()).map(|(_, text)| shorten(text, QUOTE_CHARS));
        json!({
            "id": t.id, "label": locale.pick(&t.label_bn, &t.label_en), "url": format!("/staff/themes/{}", t.id),
            "category_id": format!("category-{}", t.category), "feedback": feedback, "voices": voices, "quote": quote,
        })
    };
    let items: Vec<Value> = found
        .iter()
        .map(|s| {
            let alike_id = match s.by {
                AlikeBy::Wording => "staff-merge-suggest-alike",
                AlikeBy::Meaning => "staff-merge-suggest-alike-meaning",
            };
            let percent = (s.similarity * 100.0).round() as i64;
            json!({ "a": side(&s.a), "b": side(&s.b), "alike_id": alike_id, "percent": percent, "by": s.by.as_str() })
        })
        .collect();
    Ok(json!({ "items": items, "urls": urls }))
}

/// The form of both buttons: the two themes.
#[derive(Debug, Deserialize)]
pub struct PairForm {
    theme_a: Option<String>,
    theme_b: Option<String>,
}

fn pair(form: &PairForm) -> Result<ThemePair, AppError> {
    ThemePair::parse(form.theme_a.as_deref(), form.theme_b.as_deref()).map_err(AppError::Validation)
}

/// What a designer decided about a suggested pair.
#[derive(Debug, Clone, Copy)]
enum Decision {
    /// Merge the two themes.
    Accept,
    /// Never offer the pair again.
    Dismiss,
}

/// Both buttons: checks the service and the pair, records the decision, and goes back to the
/// service's themes; a pair that cannot be acted on (a theme merged away meanwhile) brings the
/// service page back with the reason and the suggestions as they are now (422).
async fn decide(
    decision: Decision,
    req: HttpRequest,
    staff: Staff,
    locale: Locale,
    code: web::Path<String>,
    form: web::Form<PairForm>,
    parts: PageParts,
) -> Result<HttpResponse, AppError> {
    let code = code.into_inner();
    let back = format!("/staff/services/{code}#themes-h");
    let pool = parts.pool.clone();
    let decided = async {
        let (service, _, ministry) = service_to_edit(&pool, &staff, code.clone()).await?;
        let pair = pair(&form)?;
        let actor = Actor::from(&staff);
        db::run_blocking(&pool, move |c| match decision {
            Decision::Accept => suggestions::accept(c, &actor, service.id, pair).map(drop),
            Decision::Dismiss => suggestions::dismiss(c, &actor, service.id, ministry.id, pair).map(drop),
        })
        .await?;
        Ok(service.code)
    };
    let result = match decided.await {
        Ok(code) => {
            let done = match decision {
                Decision::Accept => "merged",
                Decision::Dismiss => "dismissed",
            };
            Ok(see_other(&format!("/staff/services/{code}?done={done}#themes-h")))
        }
        Err(AppError::Validation(errors)) => {
            // The summary links to the themes part, where the suggestions are listed afresh.
            let names = [("theme_a", "themes-h"), ("theme_b", "themes-h")];
            let sent = Sent::refused(locale, &errors, "merge_suggestion", json!({})).renamed(&names);
            service_page(&req, &staff, locale, code, FilterQuery::default(), &parts, sent).await
        }
        Err(other) => Err(other),
    };
    or_invalid_page(result, &req, locale, &staff, &parts.renderer, &back)
}

/// `POST /staff/services/{code}/merge-suggestions/accept`: merges the two themes.
pub async fn accept_merge_suggestion(
    req: HttpRequest,
    staff: Staff,
    locale: Locale,
    code: web::Path<String>,
    form: web::Form<PairForm>,
    parts: PageParts,
) -> Result<HttpResponse, AppError> {
    decide(Decision::Accept, req, staff, locale, code, form, parts).await
}

/// `POST /staff/services/{code}/merge-suggestions/dismiss`: the pair is not offered again.
pub async fn dismiss_merge_suggestion(
    req: HttpRequest,
    staff: Staff,
    locale: Locale,
    code: web::Path<String>,
    form: web::Form<PairForm>,
    parts: PageParts,
) -> Result<HttpResponse, AppError> {
    decide(Decision::Dismiss, req, staff, locale, code, form, parts).await
}
