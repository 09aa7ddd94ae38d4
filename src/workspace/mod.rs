//! What designers and admins read: services ranked by recent pain, a service's
//! grouped feedback, filtered feedback lists. Every function takes the staff
//! member's scope, so nothing of another ministry can be read through it.

pub mod dashboard;
pub mod feedback_list;
pub mod filter_input;
pub mod service_stats;

use crate::auth::Staff;
use crate::db::services::{self, ServiceListing};
use crate::db::Conn;

/// The service with `code` if the staff member's ministries include it (else `None`: a 404, no hint).
pub fn visible_service(conn: &mut Conn, staff: &Staff, code: &str) -> diesel::QueryResult<Option<ServiceListing>> {
    Ok(services::find_by_code(conn, code)?.filter(|(_, office, _)| staff.sees(office.ministry_id)))
}
