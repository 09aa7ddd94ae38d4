//! The districts each operator enters feedback for.

use diesel::prelude::*;

use super::schema::staff_districts;
use super::Conn;

/// Replaces the districts of an account (codes, e.g. `dhaka`).
pub fn set(conn: &mut Conn, staff_id: i64, districts: &[String]) -> QueryResult<()> {
    diesel::delete(staff_districts::table.filter(staff_districts::staff_id.eq(staff_id))).execute(conn)?;
    for district in districts {
        diesel::insert_into(staff_districts::table)
            .values((staff_districts::staff_id.eq(staff_id), staff_districts::district.eq(district)))
            .execute(conn)?;
    }
    Ok(())
}

/// The district codes of one account, in code order.
pub fn of_staff(conn: &mut Conn, staff_id: i64) -> QueryResult<Vec<String>> {
    staff_districts::table
        .filter(staff_districts::staff_id.eq(staff_id))
        .select(staff_districts::district)
        .order(staff_districts::district)
        .load(conn)
}

/// The district codes of each listed account, as `(staff_id, code)`.
pub fn of_many(conn: &mut Conn, staff_ids: &[i64]) -> QueryResult<Vec<(i64, String)>> {
    staff_districts::table
        .filter(staff_districts::staff_id.eq_any(staff_ids))
        .select((staff_districts::staff_id, staff_districts::district))
        .order((staff_districts::staff_id, staff_districts::district))
        .load(conn)
}
