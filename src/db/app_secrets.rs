//! Secrets generated on first start when the operator configured none, so that
//! every app server against one database uses the same one.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::schema::app_secrets;
use super::{is_unique_violation, Conn};

/// The secret called `name`, stored as `fresh` if there is none yet (the first writer wins).
pub fn get_or_insert(conn: &mut Conn, name: &str, fresh: &str, now: NaiveDateTime) -> QueryResult<String> {
    if let Some(value) = app_secrets::table.find(name).select(app_secrets::value).first(conn).optional()? {
        return Ok(value);
    }
    let inserted = diesel::insert_into(app_secrets::table)
        .values((app_secrets::name.eq(name), app_secrets::value.eq(fresh), app_secrets::created_at.eq(now)))
        .execute(conn);
    match inserted {
        Ok(_) => Ok(fresh.to_owned()),
        // Another server started at the same moment and stored its own.
        Err(err) if is_unique_violation(&err) => app_secrets::table.find(name).select(app_secrets::value).first(conn),
        Err(err) => Err(err),
    }
}
