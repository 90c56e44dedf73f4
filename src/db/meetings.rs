use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::DbConn;
use super::schema::meetings;

#[derive(Clone, Debug, Queryable, Selectable, Insertable)]
#[diesel(table_name = meetings)]
pub struct Meeting {
    pub id: String,
    pub body_id: String,
    pub starts_at: NaiveDateTime,
    pub ends_at: NaiveDateTime,
    pub location: String,
    /// "scheduled" or "cancelled"
    pub status: String,
    pub cancel_reason: Option<String>,
    pub version: i32,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    /// How to attend remotely: a link and instructions ("" when none).
    pub remote_access: String,
    /// A bilingual body's chair's reason for publishing the agenda before
    /// every translation is done, in English and Welsh, and who gave it.
    pub translation_urgency_en: Option<String>,
    pub translation_urgency_cy: Option<String>,
    pub translation_urgency_by: Option<String>,
}

impl Meeting {
    pub fn is_cancelled(&self) -> bool {
        self.status == "cancelled"
    }
}

/// Records (or clears) the chair's urgency reason for publishing before
/// the translations are complete.
pub fn set_translation_urgency(
    conn: &mut DbConn,
    id: &str,
    reason: Option<(&str, &str, &str)>,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(meetings::table.find(id))
        .set((
            meetings::translation_urgency_en.eq(reason.map(|r| r.0)),
            meetings::translation_urgency_cy.eq(reason.map(|r| r.1)),
            meetings::translation_urgency_by.eq(reason.map(|r| r.2)),
            meetings::updated_at.eq(now),
        ))
        .execute(conn)
}

pub fn insert(conn: &mut DbConn, m: &Meeting) -> QueryResult<()> {
    diesel::insert_into(meetings::table)
        .values(m)
        .execute(conn)
        .map(|_| ())
}

/// The meetings with these ids, by id.
pub fn by_id(
    conn: &mut DbConn,
    ids: &[String],
) -> QueryResult<std::collections::HashMap<String, Meeting>> {
    Ok(meetings::table
        .filter(meetings::id.eq_any(ids))
        .select(Meeting::as_select())
        .load::<Meeting>(conn)?
        .into_iter()
        .map(|m| (m.id.clone(), m))
        .collect())
}

pub fn find(conn: &mut DbConn, id: &str) -> QueryResult<Option<Meeting>> {
    meetings::table
        .find(id)
        .select(Meeting::as_select())
        .first(conn)
        .optional()
}

/// Moves a meeting, if it is still at `version`. Returns false on a stale version.
pub fn update_times(
    conn: &mut DbConn,
    m: &Meeting,
    version: i32,
    now: NaiveDateTime,
) -> QueryResult<bool> {
    let n = diesel::update(
        meetings::table
            .find(&m.id)
            .filter(meetings::version.eq(version)),
    )
    .set((
        meetings::starts_at.eq(m.starts_at),
        meetings::ends_at.eq(m.ends_at),
        meetings::location.eq(&m.location),
        meetings::remote_access.eq(&m.remote_access),
        meetings::version.eq(version + 1),
        meetings::updated_at.eq(now),
    ))
    .execute(conn)?;
    if n == 1 {
        let day = crate::domain::timeline::london_date(m.starts_at.and_utc());
        super::search::set_meeting_day(conn, &m.id, day)?;
    }
    Ok(n == 1)
}

pub fn cancel(conn: &mut DbConn, id: &str, reason: &str, now: NaiveDateTime) -> QueryResult<()> {
    diesel::update(meetings::table.find(id))
        .set((
            meetings::status.eq("cancelled"),
            meetings::cancel_reason.eq(Some(reason)),
            meetings::version.eq(meetings::version + 1),
            meetings::updated_at.eq(now),
        ))
        .execute(conn)
        .map(|_| ())
}

/// A body's meetings from `from` on, soonest first.
pub fn upcoming_of(
    conn: &mut DbConn,
    body_id: &str,
    from: NaiveDateTime,
    limit: i64,
) -> QueryResult<Vec<Meeting>> {
    meetings::table
        .filter(meetings::body_id.eq(body_id))
        .filter(meetings::ends_at.ge(from))
        .select(Meeting::as_select())
        .order(meetings::starts_at)
        .limit(limit)
        .load(conn)
}

/// Every body's meetings from `from` on, soonest first.
pub fn upcoming(conn: &mut DbConn, from: NaiveDateTime, limit: i64) -> QueryResult<Vec<Meeting>> {
    meetings::table
        .filter(meetings::ends_at.ge(from))
        .filter(meetings::status.eq("scheduled"))
        .select(Meeting::as_select())
        .order(meetings::starts_at)
        .limit(limit)
        .load(conn)
}

/// All of a body's meetings, soonest first.
pub fn of_body(conn: &mut DbConn, body_id: &str) -> QueryResult<Vec<Meeting>> {
    meetings::table
        .filter(meetings::body_id.eq(body_id))
        .select(Meeting::as_select())
        .order(meetings::starts_at)
        .load(conn)
}

/// Meetings of several bodies from `from` on, soonest first.
pub fn of_bodies_since(
    conn: &mut DbConn,
    body_ids: &[String],
    from: NaiveDateTime,
) -> QueryResult<Vec<Meeting>> {
    meetings::table
        .filter(meetings::body_id.eq_any(body_ids))
        .filter(meetings::starts_at.ge(from))
        .select(Meeting::as_select())
        .order(meetings::starts_at)
        .limit(500)
        .load(conn)
}

/// Scheduled meetings that began in [`from`, `to`), soonest first.
pub fn held_between(
    conn: &mut DbConn,
    from: NaiveDateTime,
    to: NaiveDateTime,
) -> QueryResult<Vec<Meeting>> {
    meetings::table
        .filter(meetings::starts_at.ge(from))
        .filter(meetings::starts_at.lt(to))
        .filter(meetings::status.eq("scheduled"))
        .select(Meeting::as_select())
        .order(meetings::starts_at)
        .limit(1000)
        .load(conn)
}
