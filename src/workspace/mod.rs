//! What designers and admins read: services ranked by recent pain, a service's
//! grouped feedback, filtered feedback lists. Every function takes the staff
//! member's scope, so nothing of another ministry can be read through it.

pub mod dashboard;
pub mod feedback_list;
pub mod filter_input;
pub mod service_stats;

use crate::auth::Staff;
use crate::db::services::{self, ServiceListing};
use crate::db::{self, Conn, Pool};
use crate::domain::staff::Permission;
use crate::error::AppError;

/// The service with `code` if the staff member's ministries include it (else `None`: a 404, no hint).
pub fn visible_service(conn: &mut Conn, staff: &Staff, code: &str) -> diesel::QueryResult<Option<ServiceListing>> {
    Ok(services::find_by_code(conn, code)?.filter(|(_, office, _)| staff.sees(office.ministry_id)))
}

/// The service with `code` for a staff member who may edit its themes: 403 without the
/// permission, 404 when it is not among their ministries.
pub async fn service_to_edit(pool: &Pool, staff: &Staff, code: String) -> Result<ServiceListing, AppError> {
    staff.require(Permission::EditThemes)?;
    let who = staff.clone();
    let listing = db::run_read(pool, move |c| -> Result<_, AppError> {
        visible_service(c, &who, &code)?.ok_or(AppError::NotFound)
    })
    .await?;
    Ok(listing)
}
