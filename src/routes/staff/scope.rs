//! Finding what a staff member asks for, within their ministries only: anything
//! else is "not found" (no data, no hint that it exists).

use crate::auth::Staff;
use crate::db::feedback::Feedback;
use crate::db::services::{self, ServiceListing};
use crate::db::themes::Theme;
use crate::db::{moderation, run_blocking, Conn, Pool};
use crate::domain::staff::Permission;
use crate::error::AppError;
use crate::grouping::edits::theme_with_ministry;
use crate::grouping::edits::EditError;
use crate::moderation::ModerationError;

/// The theme `id` with its service, if the staff member sees its ministry.
pub fn theme(c: &mut Conn, staff: &Staff, id: i64) -> Result<(Theme, ServiceListing), AppError> {
    let (theme, ministry) = theme_with_ministry(c, id)?.ok_or(AppError::NotFound)?;
    if !staff.sees(ministry) {
        return Err(AppError::NotFound);
    }
    let listing = services::find_by_id(c, theme.service_id)?.ok_or(AppError::NotFound)?;
    Ok((theme, listing))
}

/// The feedback `id` with its service, if the staff member sees its ministry.
pub fn feedback(c: &mut Conn, staff: &Staff, id: i64) -> Result<(Feedback, ServiceListing), AppError> {
    let f = moderation::find(c, id)?.ok_or(AppError::NotFound)?;
    let listing = services::find_by_id(c, f.service_id)?.ok_or(AppError::NotFound)?;
    if !staff.sees(listing.2.id) {
        return Err(AppError::NotFound);
    }
    Ok((f, listing))
}

/// Refuses (403) unless the role allows `permission`, and (404) unless theme `id` is of the staff
/// member's ministries; gives its service and ministry ids.
pub async fn theme_allowed(
    pool: &Pool,
    staff: &Staff,
    id: i64,
    permission: Permission,
) -> Result<(i64, i64), AppError> {
    staff.require(permission)?;
    let who = staff.clone();
    let (_, (service, _, ministry)) = run_blocking(pool, move |c| theme(c, &who, id)).await?;
    Ok((service.id, ministry.id))
}

/// Like [`theme_allowed`], for feedback `id`.
pub async fn feedback_allowed(
    pool: &Pool,
    staff: &Staff,
    id: i64,
    permission: Permission,
) -> Result<(i64, i64), AppError> {
    staff.require(permission)?;
    let who = staff.clone();
    let (_, (service, _, ministry)) = run_blocking(pool, move |c| feedback(c, &who, id)).await?;
    Ok((service.id, ministry.id))
}

impl From<EditError> for AppError {
    fn from(err: EditError) -> Self {
        match err {
            EditError::NotFound => AppError::NotFound,
            EditError::Invalid(errors) => AppError::Validation(errors),
            EditError::Database(e) => e.into(),
        }
    }
}

impl From<ModerationError> for AppError {
    fn from(err: ModerationError) -> Self {
        match err {
            ModerationError::NotFound => AppError::NotFound,
            ModerationError::Invalid(errors) => AppError::Validation(errors),
            ModerationError::Database(e) => e.into(),
        }
    }
}
