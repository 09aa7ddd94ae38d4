//! Addresses that asked for no more "you said, we did" updates, stored as
//! SHA-256 (see `email::unsubscribe::address_hash`), never in plain.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::schema::unsubscribes;
use super::{is_unique_violation, Conn};

/// Records an unsubscribed address hash; recording it twice is not an error.
pub fn insert(conn: &mut Conn, address_hash: &str, now: NaiveDateTime) -> QueryResult<()> {
    if is_unsubscribed(conn, address_hash)? {
        return Ok(());
    }
    let inserted = diesel::insert_into(unsubscribes::table)
        .values((unsubscribes::address_hash.eq(address_hash), unsubscribes::created_at.eq(now)))
        .execute(conn);
    match inserted {
        // Two clicks at once: the other one recorded it.
        Err(err) if is_unique_violation(&err) => Ok(()),
        other => other.map(drop),
    }
}

/// Whether this address hash unsubscribed.
pub fn is_unsubscribed(conn: &mut Conn, address_hash: &str) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(unsubscribes::table.find(address_hash))).get_result(conn)
}

/// Of `hashes`, those that unsubscribed.
pub fn unsubscribed_among(conn: &mut Conn, hashes: &[String]) -> QueryResult<Vec<String>> {
    let mut found = Vec::new();
    for chunk in hashes.chunks(500) {
        found.extend(
            unsubscribes::table
                .filter(unsubscribes::address_hash.eq_any(chunk))
                .select(unsubscribes::address_hash)
                .load::<String>(conn)?,
        );
    }
    Ok(found)
}
