//! Regrouping a service's feedback: `GET /staff/services/{code}/regroup` previews what
//! would change (themes kept, ended and losing feedback) and asks to confirm;
//! `POST` does it (confirmed, backlog-linked and designer-shaped themes are kept).

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use serde_json::json;

use crate::audit::Actor;
use crate::auth::Staff;
use crate::db::{self, Pool};
use crate::domain::staff::Permission;
use crate::domain::Locale;
use crate::error::AppError;
use crate::grouping::{preview_regroup, regroup_service};
use crate::themes::Classifier;
use crate::web::page::see_other;
use crate::web::Renderer;
use crate::workspace::visible_service;

/// The preview page: what a regroup would change, and the button that does it.
pub async fn show_regroup(
    req: HttpRequest,
    staff: Staff,
    locale: Locale,
    code: web::Path<String>,
    pool: web::Data<Pool>,
    classifier: web::Data<Classifier>,
    renderer: web::Data<Renderer>,
) -> Result<HttpResponse, AppError> {
    staff.require(Permission::EditThemes)?;
    let (code, who, classifier) = (code.into_inner(), staff.clone(), classifier.into_inner());
    let (service, preview) = db::run_blocking(&pool, move |c| -> Result<_, AppError> {
        let (service, _, _) = visible_service(c, &who, &code)?.ok_or(AppError::NotFound)?;
        let preview = preview_regroup(c, service.id, &classifier)?;
        Ok((service, preview))
    })
    .await?;
    let change = |t: &crate::grouping::regroup::ThemeChange| {
        json!({
            "label": locale.pick(&t.label_bn, &t.label_en), "url": format!("/staff/themes/{}", t.id),
            "before": t.before, "after": t.after, "kept": t.kept, "ends": t.after == 0 && !t.kept,
        })
    };
    let losing: Vec<_> = preview.themes.iter().filter(|t| t.after < t.before).map(change).collect();
    let kept: Vec<_> = preview.themes.iter().filter(|t| t.kept).map(change).collect();
    let s = &preview.summary;
    let data = json!({
        "service": {
            "name": locale.pick(&service.name_bn, &service.name_en),
            "url": format!("/staff/services/{}", service.code),
            "regroup_url": format!("/staff/services/{}/regroup", service.code),
        },
        "summary": {
            "feedback": s.feedback, "themes_before": preview.themes.len(), "themes_after": preview.themes_after,
            "kept": s.kept, "created": s.created, "ended": s.ended,
            "ungrouped_before": preview.ungrouped_before, "ungrouped_after": s.ungrouped,
        },
        "losing": losing,
        "kept": kept,
    });
    Ok(renderer.respond_staff(&req, locale, &staff, StatusCode::OK, "staff/regroup", data))
}

/// Regroups the service and returns to its page.
pub async fn regroup(
    staff: Staff,
    code: web::Path<String>,
    pool: web::Data<Pool>,
    classifier: web::Data<Classifier>,
) -> Result<HttpResponse, AppError> {
    staff.require(Permission::EditThemes)?;
    let (code, who, classifier) = (code.into_inner(), staff.clone(), classifier.into_inner());
    let code = db::run_blocking(&pool, move |c| -> Result<String, AppError> {
        let (service, _, ministry) = visible_service(c, &who, &code)?.ok_or(AppError::NotFound)?;
        regroup_service(c, service.id, ministry.id, &classifier, &Actor::from(&who))?;
        Ok(service.code)
    })
    .await?;
    Ok(see_other(&format!("/staff/services/{code}?done=regrouped#themes-h")))
}
