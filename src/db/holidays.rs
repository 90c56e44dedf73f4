//! Imported bank-holiday files; the newest one is in force.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::DbConn;
use super::schema::holiday_imports;

pub fn insert(conn: &mut DbConn, content: &str, by: &str, now: NaiveDateTime) -> QueryResult<()> {
    diesel::insert_into(holiday_imports::table)
        .values((
            holiday_imports::id.eq(crate::clock::new_id()),
            holiday_imports::content.eq(content),
            holiday_imports::imported_by.eq(by),
            holiday_imports::imported_at.eq(now),
        ))
        .execute(conn)
        .map(|_| ())
}

/// The newest imported file, if any.
pub fn latest(conn: &mut DbConn) -> QueryResult<Option<(String, NaiveDateTime)>> {
    holiday_imports::table
        .select((holiday_imports::content, holiday_imports::imported_at))
        .order(holiday_imports::id.desc())
        .first(conn)
        .optional()
}
