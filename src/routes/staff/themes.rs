//! A theme's page and a designer's changes to it: confirm, rename, category,
//! merge into another theme, and split (move chosen feedback elsewhere).

use std::collections::HashMap;

use actix_web::{web, HttpRequest, HttpResponse};
use serde::Deserialize;
use serde_json::{json, Value};

use super::feedback_row::feedback_row;
use super::invalid::or_invalid_page;
use super::scope;
use super::sent::Sent;
use crate::audit::Actor;
use crate::auth::Staff;
use crate::counts::dim;
use crate::db::{self, service_counts, themes, Pool};
use crate::domain::digits::to_ascii_digits;
use crate::domain::staff::Permission;
use crate::domain::{FieldError, Locale};
use crate::error::AppError;
use crate::grouping::edits::{self, Destination, ThemeEdit};
use crate::themes::{Classifier, PainCategory};
use crate::web::page::see_other;
use crate::web::Renderer;
use crate::workspace::feedback_list::{self, FeedbackFilter};

/// The members page.
#[derive(Debug, Deserialize)]
pub struct PageQuery {
    page: Option<i64>,
    /// One of [`DONE`] after a theme form: the page says so.
    done: Option<String>,
}

/// `GET /staff/themes/{id}`.
pub async fn show_theme(
    req: HttpRequest,
    staff: Staff,
    locale: Locale,
    id: web::Path<i64>,
    query: web::Query<PageQuery>,
    pool: web::Data<Pool>,
    renderer: web::Data<Renderer>,
) -> Result<HttpResponse, AppError> {
    staff.require(Permission::ViewFeedback)?;
    let (id, page) = (id.into_inner(), query.page.unwrap_or(0).max(0));
    // A theme merged away leads to the theme it joined.
    let moved = db::run_blocking(&pool, move |c| -> diesel::QueryResult<_> {
        Ok(match themes::find(c, id)? {
            Some(_) => None,
            None => themes::redirected(c, id)?,
        })
    })
    .await?;
    if let Some(to) = moved {
        // Not permanent: a browser must not remember it if SQLite gives the id to a new theme.
        return Ok(crate::web::page::see_other(&format!("/staff/themes/{to}")));
    }
    let sent = Sent::done("staff-theme", query.done.as_deref(), &DONE);
    theme_page(&req, &staff, locale, &pool, &renderer, (id, page), sent).await
}

/// The outcomes `?done=` names on the theme page, each with its message.
const DONE: [&str; 5] = ["published", "unpublished", "saved", "merged", "split"];

/// The theme page (members page `page`), with what a form sent back.
async fn theme_page(
    req: &HttpRequest,
    staff: &Staff,
    locale: Locale,
    pool: &Pool,
    renderer: &Renderer,
    (id, page): (i64, i64),
    sent: Sent,
) -> Result<HttpResponse, AppError> {
    let who = staff.clone();
    let (theme, listing, siblings, count, (rows, more)) = db::run_blocking(pool, move |c| -> Result<_, AppError> {
        let (theme, listing) = scope::theme(c, &who, id)?;
        let siblings = themes::labels_of_service(c, theme.service_id)?;
        let count = service_counts::of_service(c, theme.service_id, dim::THEME)?
            .into_iter()
            .find(|x| x.bucket == id.to_string());
        let filter = FeedbackFilter { theme: Some(Some(id)), page, ..Default::default() };
        let members = feedback_list::page(c, theme.service_id, &filter)?;
        Ok((theme, listing, siblings, count, members))
    })
    .await?;
    let (service, _, ministry) = &listing;
    let personal = staff.may(Permission::ViewPersonalData, ministry.id);
    let names: HashMap<i64, (String, String)> =
        siblings.iter().map(|t| (t.id, (t.label_bn.clone(), t.label_en.clone()))).collect();
    let typed = sent.typed.clone().unwrap_or_default();
    let merge_into = typed["merge"]["into"].as_str().unwrap_or_default();
    let split_into = typed["split"]["into"].as_str().unwrap_or_default();
    let ticked: Vec<i64> =
        typed["split"]["feedback"].as_array().map(|a| a.iter().filter_map(Value::as_i64).collect()).unwrap_or_default();
    let option = |t: &themes::ThemeLabel, chosen: &str| json!({ "id": t.id, "label": locale.pick(&t.label_bn, &t.label_en), "selected": t.id.to_string() == chosen });
    let others: Vec<_> = siblings.iter().filter(|t| t.id != theme.id).map(|t| option(t, merge_into)).collect();
    let split_to: Vec<_> = siblings.iter().filter(|t| t.id != theme.id).map(|t| option(t, split_into)).collect();
    let categories: Vec<_> = PainCategory::ALL
        .iter()
        .map(|c| json!({ "value": c.as_str(), "label_id": format!("category-{}", c.as_str()), "selected": c.as_str() == theme.category }))
        .collect();
    let mut data = json!({
        "theme": {
            "id": theme.id, "label_bn": theme.label_bn, "label_en": theme.label_en,
            "label": locale.pick(&theme.label_bn, &theme.label_en), "category_id": format!("category-{}", theme.category),
            "confirmed": theme.confirmed, "by_designer": theme.category_by_designer,
            "automatic": !theme.label_by_designer,
            "feedback": count.as_ref().map_or(0, |c| c.feedback), "voices": count.as_ref().map_or(0, |c| c.voices),
            "action": format!("/staff/themes/{}", theme.id),
            "published": theme.published_at.map(|t| t.format("%Y-%m-%d").to_string()),
            "publish_refused": edits::publish_refusal(&theme).is_some(),
            "public_url": format!("/services/{}", service.code),
        },
        "min_public_voices": crate::backlog::public::MIN_PUBLIC_VOICES,
        "service": { "name": locale.pick(&service.name_bn, &service.name_en), "url": format!("/staff/services/{}", service.code) },
        "can_edit": staff.may(Permission::EditThemes, ministry.id),
        "others": others, "split_to": split_to,
        "categories": categories,
        "rows": rows.iter().map(|f| {
            let mut row = feedback_row(f, locale, personal, &names);
            row["ticked"] = json!(ticked.contains(&f.id));
            row
        }).collect::<Vec<_>>(),
        "next_url": more.then(|| format!("/staff/themes/{}?page={}", theme.id, page + 1)),
        "prev_url": (page > 0).then(|| format!("/staff/themes/{}?page={}", theme.id, page - 1)),
    });
    let status = sent.status();
    sent.into_page(&mut data);
    Ok(renderer.respond_staff(req, locale, staff, status, "staff/theme", data))
}

/// The edit form (labels, category, confirmation).
#[derive(Debug, Deserialize)]
pub struct EditForm {
    label_bn: Option<String>,
    label_en: Option<String>,
    category: Option<String>,
    confirmed: Option<String>,
}

/// `POST /staff/themes/{id}`: rename, set the category, confirm or un-confirm.
#[allow(clippy::too_many_arguments)] // one argument per extractor
pub async fn edit_theme(
    req: HttpRequest,
    staff: Staff,
    locale: Locale,
    id: web::Path<i64>,
    form: web::Form<EditForm>,
    pool: web::Data<Pool>,
    renderer: web::Data<Renderer>,
) -> Result<HttpResponse, AppError> {
    let id = id.into_inner();
    let back = format!("/staff/themes/{id}");
    let result = async {
        scope::theme_allowed(&pool, &staff, id, Permission::EditThemes).await?;
        let form = form.into_inner();
        let edit = ThemeEdit {
            label_bn: form.label_bn,
            label_en: form.label_en,
            category: form.category.filter(|c| !c.trim().is_empty()),
            confirmed: form.confirmed.map(|v| v == "yes" || v == "on" || v == "true"),
        };
        let typed = (edit.label_bn.clone().unwrap_or_default(), edit.label_en.clone().unwrap_or_default());
        let actor = Actor::from(&staff);
        match db::run_blocking(&pool, move |c| edits::edit_theme(c, &actor, id, &edit)).await.map_err(AppError::from) {
            Err(AppError::Validation(errors)) => {
                let typed = json!({ "label_bn": typed.0, "label_en": typed.1 });
                let sent = Sent::refused(locale, &errors, "labels", typed);
                theme_page(&req, &staff, locale, &pool, &renderer, (id, 0), sent).await
            }
            Err(other) => Err(other),
            Ok(_) => Ok(see_other(&format!("/staff/themes/{id}?done=saved"))),
        }
    }
    .await;
    or_invalid_page(result, &req, locale, &staff, &renderer, &back)
}

/// The publish form: `publish` is `yes` (show it on the citizens' page) or `no` (take it off).
#[derive(Debug, Deserialize)]
pub struct PublishForm {
    publish: Option<String>,
}

/// `POST /staff/themes/{id}/publish`: publishes the theme on the citizens' page or takes it off.
#[allow(clippy::too_many_arguments)] // one argument per extractor
pub async fn publish_theme(
    req: HttpRequest,
    staff: Staff,
    locale: Locale,
    id: web::Path<i64>,
    form: web::Form<PublishForm>,
    pool: web::Data<Pool>,
    renderer: web::Data<Renderer>,
) -> Result<HttpResponse, AppError> {
    let id = id.into_inner();
    let back = format!("/staff/themes/{id}#public-h");
    let result = async {
        scope::theme_allowed(&pool, &staff, id, Permission::EditThemes).await?;
        let choice = match form.publish.as_deref().map(str::trim) {
            Some("yes") => Ok(true),
            Some("no") => Ok(false),
            _ => Err(AppError::Validation(FieldError::new("publish", "error-publish-choice").into())),
        };
        let publish = choice.as_ref().is_ok_and(|p| *p);
        let actor = Actor::from(&staff);
        let published = match choice {
            Ok(publish) => {
                db::run_blocking(&pool, move |c| edits::publish(c, &actor, id, publish)).await.map_err(AppError::from)
            }
            Err(refused) => Err(refused),
        };
        match published {
            Err(AppError::Validation(errors)) => {
                let sent = Sent::refused(locale, &errors, "publish", json!({}));
                return theme_page(&req, &staff, locale, &pool, &renderer, (id, 0), sent).await;
            }
            Err(other) => return Err(other),
            Ok(_) => {}
        }
        let done = if publish { "published" } else { "unpublished" };
        Ok(see_other(&format!("/staff/themes/{id}?done={done}#public-h")))
    }
    .await;
    or_invalid_page(result, &req, locale, &staff, &renderer, &back)
}

/// The merge form.
#[derive(Debug, Deserialize)]
pub struct MergeForm {
    into: Option<String>,
}

fn theme_id(field: &'static str, value: Option<&str>) -> Result<i64, AppError> {
    value
        .and_then(|v| to_ascii_digits(v.trim()).parse::<i64>().ok())
        .ok_or_else(|| AppError::Validation(FieldError::new(field, "error-theme-unknown").into()))
}

/// `POST /staff/themes/{id}/merge`: every member moves into `into`; this theme goes.
#[allow(clippy::too_many_arguments)] // one argument per extractor
pub async fn merge_theme(
    req: HttpRequest,
    staff: Staff,
    locale: Locale,
    id: web::Path<i64>,
    form: web::Form<MergeForm>,
    pool: web::Data<Pool>,
    renderer: web::Data<Renderer>,
) -> Result<HttpResponse, AppError> {
    let id = id.into_inner();
    let back = format!("/staff/themes/{id}");
    let result = async {
        scope::theme_allowed(&pool, &staff, id, Permission::EditThemes).await?;
        let typed = form.into.clone().unwrap_or_default();
        let merged = match theme_id("into", form.into.as_deref()) {
            Ok(into) => {
                let actor = Actor::from(&staff);
                db::run_blocking(&pool, move |c| edits::merge(c, &actor, id, into)).await.map_err(AppError::from)
            }
            Err(e) => Err(e),
        };
        match merged {
            Err(AppError::Validation(errors)) => {
                let sent = Sent::refused(locale, &errors, "merge", json!({ "into": typed }));
                theme_page(&req, &staff, locale, &pool, &renderer, (id, 0), sent).await
            }
            Err(other) => Err(other),
            Ok(merged) => Ok(see_other(&format!("/staff/themes/{}?done=merged", merged.id))),
        }
    }
    .await;
    or_invalid_page(result, &req, locale, &staff, &renderer, &back)
}

/// The split form as posted: `feedback` repeats (one per chosen entry), then `into`
/// (a theme id, or `new`) and `label` (for a new theme).
type SplitForm = Vec<(String, String)>;

fn field<'a>(form: &'a SplitForm, name: &str) -> Option<&'a str> {
    form.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
}

/// `POST /staff/themes/{id}/split`: the chosen members move to another or a new theme.
#[allow(clippy::too_many_arguments)] // one argument per extractor
pub async fn split_theme(
    req: HttpRequest,
    staff: Staff,
    locale: Locale,
    id: web::Path<i64>,
    form: web::Form<SplitForm>,
    pool: web::Data<Pool>,
    renderer: web::Data<Renderer>,
    classifier: web::Data<Classifier>,
) -> Result<HttpResponse, AppError> {
    let id = id.into_inner();
    let back = format!("/staff/themes/{id}");
    let result = async {
        let (service_id, ministry) = scope::theme_allowed(&pool, &staff, id, Permission::EditThemes).await?;
        let form = form.into_inner();
        let chosen: Vec<&str> = form.iter().filter(|(k, _)| k == "feedback").map(|(_, v)| v.as_str()).collect();
        let ids: Vec<i64> = chosen.iter().filter_map(|v| to_ascii_digits(v.trim()).parse().ok()).collect();
        let typed = (
            ids.clone(),
            field(&form, "into").unwrap_or("").to_owned(),
            field(&form, "label").unwrap_or("").to_owned(),
        );
        let moved = async {
            if ids.len() != chosen.len() {
                return Err(AppError::Validation(FieldError::new("feedback", "error-move-none-chosen").into()));
            }
            let to = match field(&form, "into").map(str::trim) {
                None | Some("") | Some("new") => Destination::New(field(&form, "label").map(str::to_owned)),
                Some(other) => Destination::Theme(theme_id("into", Some(other))?),
            };
            let (actor, classifier) = (Actor::from(&staff), classifier.into_inner());
            let moved = db::run_blocking(&pool, move |c| {
                edits::move_feedback(c, &actor, service_id, ministry, &ids, &to, &classifier)
            });
            Ok(moved.await?)
        };
        match moved.await {
            Err(AppError::Validation(errors)) => {
                let typed = json!({ "feedback": typed.0, "into": typed.1, "label": typed.2 });
                // The split form's fields carry a `split_` prefix on the page (the merge form has an `into` too).
                let names = [("feedback", "split_feedback"), ("into", "split_into"), ("label", "split_label")];
                let sent = Sent::refused(locale, &errors, "split", typed).renamed(&names);
                theme_page(&req, &staff, locale, &pool, &renderer, (id, 0), sent).await
            }
            Err(other) => Err(other),
            Ok(theme) => Ok(see_other(&format!("/staff/themes/{}?done=split", theme.id))),
        }
    }
    .await;
    or_invalid_page(result, &req, locale, &staff, &renderer, &back)
}
