//! Minutes of a meeting: draft, circulated, approved (then frozen).

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::DbConn;
use super::schema::minutes;

#[derive(Clone, Debug, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = minutes, treat_none_as_null = true)]
pub struct Minutes {
    pub meeting_id: String,
    /// draft, circulated or approved
    pub status: String,
    /// The open part, published once approved.
    pub body_markdown: String,
    /// Part 2: exempt items, for members only.
    pub exempt_markdown: String,
    pub version: i32,
    pub circulated_at: Option<NaiveDateTime>,
    pub approved_at: Option<NaiveDateTime>,
    pub approved_at_meeting_id: Option<String>,
    pub updated_at: NaiveDateTime,
}

pub fn find(conn: &mut DbConn, meeting_id: &str) -> QueryResult<Option<Minutes>> {
    minutes::table
        .find(meeting_id)
        .select(Minutes::as_select())
        .first(conn)
        .optional()
}

pub fn insert(conn: &mut DbConn, m: &Minutes) -> QueryResult<()> {
    diesel::insert_into(minutes::table)
        .values(m)
        .execute(conn)?;
    super::search::index_minutes(conn, &m.meeting_id)
}

/// Saves if still at `expected` and not approved.
pub fn save(conn: &mut DbConn, m: &Minutes, expected: i32) -> QueryResult<bool> {
    let n = diesel::update(
        minutes::table
            .find(&m.meeting_id)
            .filter(minutes::version.eq(expected))
            .filter(minutes::status.ne("approved")),
    )
    .set(m)
    .execute(conn)?;
    if n == 1 {
        super::search::index_minutes(conn, &m.meeting_id)?;
    }
    Ok(n == 1)
}
