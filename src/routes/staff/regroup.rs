//! `POST /staff/services/{code}/regroup`: groups a service's feedback again
//! (confirmed themes and designers' moves are kept).

use actix_web::{web, HttpResponse};

use crate::audit::Actor;
use crate::auth::Staff;
use crate::db::{self, Pool};
use crate::domain::staff::Permission;
use crate::error::AppError;
use crate::grouping::regroup_service;
use crate::themes::Lexicon;
use crate::web::page::see_other;
use crate::workspace::visible_service;

/// Regroups the service and returns to its page.
pub async fn regroup(
    staff: Staff,
    code: web::Path<String>,
    pool: web::Data<Pool>,
    lexicon: web::Data<Lexicon>,
) -> Result<HttpResponse, AppError> {
    staff.require(Permission::EditThemes)?;
    let (code, who, lexicon) = (code.into_inner(), staff.clone(), lexicon.into_inner());
    let code = db::run_blocking(&pool, move |c| -> Result<String, AppError> {
        let (service, _, ministry) = visible_service(c, &who, &code)?.ok_or(AppError::NotFound)?;
        regroup_service(c, service.id, ministry.id, &lexicon, &Actor::from(&who))?;
        Ok(service.code)
    })
    .await?;
    Ok(see_other(&format!("/staff/services/{code}#themes-h")))
}
