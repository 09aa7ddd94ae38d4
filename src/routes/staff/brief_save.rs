//! `POST /staff/backlog/items/{id}/brief`: saves the design form as the brief's next version.
//! Designers and ministry admins of the item's ministry may; a refused form comes back on the
//! brief page with its messages and what was typed (422); a save over a version someone else
//! saved since comes back the same way (409) saying so, with a link to compare, and stores
//! nothing.

use actix_web::{web, HttpRequest, HttpResponse};
use chrono::Utc;
use serde_json::{Map, Value};

use super::backlog_item::scoped_item;
use super::brief::brief_page;
use super::page_parts::PageParts;
use super::sent::Sent;
use crate::audit::Actor;
use crate::auth::Staff;
use crate::brief::design_form::DesignForm;
use crate::brief::save::{self, SaveError, Saved};
use crate::brief::{load, wants};
use crate::db;
use crate::domain::staff::Permission;
use crate::domain::{FieldErrors, Locale};
use crate::error::AppError;
use crate::web::page::see_other;

/// Largest design form accepted: 20 rows of long Bangla names, documents and reasons, each
/// Bangla character nine bytes once URL-encoded, fit with room to spare.
pub const FORM_LIMIT: usize = 1024 * 1024;

/// What a save came to.
enum Outcome {
    Saved(Saved),
    Refused(FieldErrors),
    Stale { base: i32, latest: i32 },
}

/// `POST /staff/backlog/items/{id}/brief`.
pub async fn save_brief(
    req: HttpRequest,
    staff: Staff,
    locale: Locale,
    id: web::Path<i64>,
    form: web::Form<Vec<(String, String)>>,
    page: PageParts,
) -> Result<HttpResponse, AppError> {
    staff.require(Permission::ShapeBacklog)?;
    let (id, who, pairs) = (id.into_inner(), staff.clone(), form.into_inner());
    let typed: Map<String, Value> =
        pairs.iter().filter(|(k, _)| k != "csrf_token").map(|(k, v)| (k.clone(), Value::from(v.as_str()))).collect();
    let outcome = db::run_blocking(&page.pool, move |c| -> Result<Outcome, AppError> {
        let (_, listing) = scoped_item(c, &who, id)?;
        let loaded = load::brief(c, id, &listing.0)?;
        let decidable = wants::decidable(&loaded.wants);
        let mut sent = match DesignForm::new(&pairs).parse(&decidable) {
            Ok(sent) => sent,
            Err(errors) => return Ok(Outcome::Refused(errors)),
        };
        // A decision on a theme the form no longer offers (merged, regrouped, or its feedback
        // changed kind) stays as it was: only the designer takes a decision back.
        let kept = loaded.design.wants.iter().filter(|w| !decidable.contains(&w.theme_id)).cloned();
        sent.design.wants.extend(kept);
        let actor = Actor::from(&who);
        match save::save(c, &actor, (id, listing.2.id), &sent, Utc::now().naive_utc()) {
            Ok(saved) => Ok(Outcome::Saved(saved)),
            Err(SaveError::Stale { latest }) => Ok(Outcome::Stale { base: sent.base_version, latest }),
            Err(SaveError::Database(e)) => Err(e.into()),
        }
    })
    .await?;
    let url = format!("/staff/backlog/items/{id}/brief");
    match outcome {
        Outcome::Saved(Saved::Version { .. }) => Ok(see_other(&format!("{url}?done=saved#design-h"))),
        Outcome::Saved(Saved::Unchanged { .. }) => Ok(see_other(&format!("{url}?done=unchanged#design-h"))),
        Outcome::Refused(errors) => {
            let sent = Sent::refused(locale, &errors, "design", Value::Object(typed));
            brief_page(&req, &staff, locale, &page, id, sent, None).await
        }
        Outcome::Stale { base, latest } => {
            let sent = Sent::refused(locale, &FieldErrors::new(), "design", Value::Object(typed));
            brief_page(&req, &staff, locale, &page, id, sent, Some((base, latest))).await
        }
    }
}
