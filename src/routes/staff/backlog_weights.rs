//! `GET/POST /staff/backlog/weights`: the national default weights and each ministry's
//! own, shown beside the normalisation they apply to.

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use chrono::Utc;
use serde::Deserialize;
use serde_json::{json, Value};

use super::invalid::or_invalid_page;
use crate::audit::Actor;
use crate::auth::Staff;
use crate::backlog::weights;
use crate::db::{self, ministries, score_weights, Pool};
use crate::domain::digits::parse_whole_number;
use crate::domain::scoring::{Weights, COMPONENTS};
use crate::domain::staff::Permission;
use crate::domain::{FieldError, FieldErrors, Locale};
use crate::error::AppError;
use crate::web::page::see_other;
use crate::web::Renderer;

fn fields(w: Weights) -> Vec<Value> {
    COMPONENTS
        .iter()
        .zip(w.as_array())
        .map(|(name, v)| json!({ "name": name, "name_id": format!("backlog-component-{name}"), "value": v }))
        .collect()
}

/// `GET /staff/backlog/weights`.
pub async fn show_weights(
    req: HttpRequest,
    staff: Staff,
    locale: Locale,
    pool: web::Data<Pool>,
    renderer: web::Data<Renderer>,
) -> Result<HttpResponse, AppError> {
    staff.require(Permission::ViewBacklog)?;
    let within = staff.ministry_filter();
    let (stored, list) = db::run_blocking(&pool, move |c| -> Result<_, AppError> {
        Ok((score_weights::all(c)?, ministries::list(c, within.as_deref())?))
    })
    .await?;
    let national = stored.get(&None).copied().unwrap_or(Weights::DEFAULT);
    let rows: Vec<Value> = list
        .iter()
        .map(|m| {
            let own = stored.get(&Some(m.id)).copied();
            json!({
                "code": m.code, "name": locale.pick(&m.name_bn, &m.name_en), "own": own.is_some(),
                "fields": fields(own.unwrap_or(national)), "can_edit": staff.may(Permission::PrioritiseBacklog, m.id),
            })
        })
        .collect();
    let data = json!({
        "national": fields(national),
        "can_edit_national": staff.role.allows(Permission::SetNationalWeights),
        "ministries": rows, "max": Weights::MAX,
    });
    Ok(renderer.respond_staff(&req, locale, &staff, StatusCode::OK, "staff/backlog_weights", data))
}

/// The weights form: `scope` is `national` or a ministry code; `reset` drops a ministry's own.
#[derive(Debug, Deserialize)]
pub struct WeightsForm {
    scope: Option<String>,
    demand: Option<String>,
    burden: Option<String>,
    gap: Option<String>,
    severity: Option<String>,
    readiness: Option<String>,
    reset: Option<String>,
}

impl WeightsForm {
    fn weights(&self) -> Result<Weights, FieldErrors> {
        let mut errors = FieldErrors::new();
        let mut values = [0i32; 5];
        let given = [&self.demand, &self.burden, &self.gap, &self.severity, &self.readiness];
        for ((slot, name), raw) in values.iter_mut().zip(COMPONENTS).zip(given) {
            match parse_whole_number(raw.as_deref().unwrap_or(""), Weights::MAX as u64) {
                Ok(Some(v)) => *slot = v as i32,
                _ => errors.push(FieldError::new(name, "error-weight-range").with("max", Weights::MAX)),
            }
        }
        let w = Weights::from_array(values);
        if errors.is_empty() && !w.is_valid() {
            errors.push(FieldError::new("demand", "error-weight-all-zero"));
        }
        if errors.is_empty() {
            Ok(w)
        } else {
            Err(errors)
        }
    }
}

/// `POST /staff/backlog/weights`.
pub async fn save_weights(
    req: HttpRequest,
    staff: Staff,
    locale: Locale,
    form: web::Form<WeightsForm>,
    pool: web::Data<Pool>,
    renderer: web::Data<Renderer>,
) -> Result<HttpResponse, AppError> {
    let result = async {
        let scope = form.scope.as_deref().unwrap_or("").trim().to_owned();
        let ministry_id = if scope == "national" {
            staff.require(Permission::SetNationalWeights)?;
            None
        } else {
            staff.require(Permission::PrioritiseBacklog)?;
            let code = scope.clone();
            let found = db::run_blocking(&pool, move |c| ministries::find_by_code(c, &code)).await?;
            match found.filter(|m| staff.sees(m.id)) {
                Some(m) => Some(m.id),
                None => return Err(AppError::NotFound),
            }
        };
        let weights = if form.reset.is_some() && ministry_id.is_some() {
            None
        } else {
            Some(form.weights().map_err(AppError::Validation)?)
        };
        let actor = Actor::from(&staff);
        db::run_blocking(&pool, move |c| weights::set(c, &actor, ministry_id, weights, Utc::now().naive_utc())).await?;
        Ok(see_other("/staff/backlog/weights"))
    }
    .await;
    or_invalid_page(result, &req, locale, &staff, &renderer, "/staff/backlog/weights")
}
