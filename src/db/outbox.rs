//! Mail waiting to be sent. A request writes a row in its own transaction;
//! the worker claims rows, sends them, and records the outcome.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Integer, Text, Timestamp};

use super::DbConn;
use super::schema::outbox;

#[derive(Clone, Debug, Queryable, Selectable, Insertable)]
#[diesel(table_name = outbox)]
pub struct OutboxRow {
    pub id: String,
    pub template: String,
    pub recipient: String,
    pub subject: String,
    pub body_text: String,
    pub body_html: String,
    pub dedupe_key: Option<String>,
    pub created_at: NaiveDateTime,
    pub attempts: i32,
    pub next_attempt_at: NaiveDateTime,
    pub locked_until: Option<NaiveDateTime>,
    pub sent_at: Option<NaiveDateTime>,
    pub failed_at: Option<NaiveDateTime>,
    pub last_error: Option<String>,
    pub attachment_name: Option<String>,
    pub attachment_content: Option<String>,
}

/// A message claimed for sending.
#[derive(Clone, Debug, QueryableByName)]
pub struct Claimed {
    #[diesel(sql_type = Text)]
    pub id: String,
    #[diesel(sql_type = Text)]
    pub recipient: String,
    #[diesel(sql_type = Text)]
    pub subject: String,
    #[diesel(sql_type = Text)]
    pub body_text: String,
    #[diesel(sql_type = Text)]
    pub body_html: String,
    #[diesel(sql_type = Integer)]
    pub attempts: i32,
    #[diesel(sql_type = diesel::sql_types::Nullable<Text>)]
    pub attachment_name: Option<String>,
    #[diesel(sql_type = diesel::sql_types::Nullable<Text>)]
    pub attachment_content: Option<String>,
}

/// Adds a message unless one with the same dedupe key exists (an event
/// never mails the same person twice). Returns whether a row was written.
pub fn enqueue(conn: &mut DbConn, row: &OutboxRow) -> QueryResult<bool> {
    if let Some(key) = &row.dedupe_key {
        let exists: i64 = outbox::table
            .filter(outbox::dedupe_key.eq(key))
            .count()
            .get_result(conn)?;
        if exists > 0 {
            return Ok(false);
        }
    }
    diesel::insert_into(outbox::table)
        .values(row)
        .execute(conn)?;
    Ok(true)
}

/// Drops messages not sent yet, and not being sent at `now`, whose dedupe
/// key matches one of the `LIKE` patterns (mail about something that no
/// longer exists). Returns how many.
pub fn cancel_unsent(
    conn: &mut DbConn,
    patterns: &[String],
    now: NaiveDateTime,
) -> QueryResult<usize> {
    let mut n = 0;
    for pattern in patterns {
        n += diesel::delete(
            outbox::table
                .filter(outbox::sent_at.is_null())
                .filter(outbox::failed_at.is_null())
                .filter(
                    outbox::locked_until
                        .is_null()
                        .or(outbox::locked_until.lt(now)),
                )
                .filter(outbox::dedupe_key.like(pattern)),
        )
        .execute(conn)?;
    }
    Ok(n)
}

/// Claims up to `limit` due messages until `lock_until`. Safe with several
/// workers: PostgreSQL skips rows another worker has locked; SQLite runs the
/// claim as one write statement.
pub fn claim_due(
    conn: &mut DbConn,
    now: NaiveDateTime,
    lock_until: NaiveDateTime,
    limit: i64,
) -> QueryResult<Vec<Claimed>> {
    const PG: &str = "UPDATE outbox SET locked_until = $1, attempts = attempts + 1 \
        WHERE id IN (SELECT id FROM outbox WHERE sent_at IS NULL AND failed_at IS NULL \
        AND next_attempt_at <= $2 AND (locked_until IS NULL OR locked_until < $2) \
        ORDER BY next_attempt_at, id LIMIT $3 FOR UPDATE SKIP LOCKED) \
        RETURNING id, recipient, subject, body_text, body_html, attempts, attachment_name, attachment_content";
    const SQLITE: &str = "UPDATE outbox SET locked_until = ?1, attempts = attempts + 1 \
        WHERE id IN (SELECT id FROM outbox WHERE sent_at IS NULL AND failed_at IS NULL \
        AND next_attempt_at <= ?2 AND (locked_until IS NULL OR locked_until < ?2) \
        ORDER BY next_attempt_at, id LIMIT ?3) \
        RETURNING id, recipient, subject, body_text, body_html, attempts, attachment_name, attachment_content";
    match conn {
        DbConn::Postgresql(pg) => diesel::sql_query(PG)
            .bind::<Timestamp, _>(lock_until)
            .bind::<Timestamp, _>(now)
            .bind::<BigInt, _>(limit)
            .load(pg),
        DbConn::Sqlite(sqlite) => diesel::sql_query(SQLITE)
            .bind::<Timestamp, _>(lock_until)
            .bind::<Timestamp, _>(now)
            .bind::<BigInt, _>(limit)
            .load(sqlite),
    }
}

pub fn mark_sent(conn: &mut DbConn, id: &str, now: NaiveDateTime) -> QueryResult<()> {
    diesel::update(outbox::table.find(id))
        .set((
            outbox::sent_at.eq(Some(now)),
            outbox::locked_until.eq(None::<NaiveDateTime>),
            outbox::last_error.eq(None::<String>),
        ))
        .execute(conn)
        .map(|_| ())
}

/// Records a failed attempt: retry at `retry_at`, or give up when `None`.
pub fn mark_failed(
    conn: &mut DbConn,
    id: &str,
    error: &str,
    retry_at: Option<NaiveDateTime>,
    now: NaiveDateTime,
) -> QueryResult<()> {
    let error: String = error.chars().take(2000).collect();
    match retry_at {
        Some(at) => diesel::update(outbox::table.find(id))
            .set((
                outbox::next_attempt_at.eq(at),
                outbox::locked_until.eq(None::<NaiveDateTime>),
                outbox::last_error.eq(Some(error)),
            ))
            .execute(conn),
        None => diesel::update(outbox::table.find(id))
            .set((
                outbox::failed_at.eq(Some(now)),
                outbox::locked_until.eq(None::<NaiveDateTime>),
                outbox::last_error.eq(Some(error)),
            ))
            .execute(conn),
    }
    .map(|_| ())
}

/// How many messages finally failed.
pub fn failed_count(conn: &mut DbConn) -> QueryResult<i64> {
    outbox::table
        .filter(outbox::failed_at.is_not_null())
        .count()
        .get_result(conn)
}

pub fn recent(conn: &mut DbConn, limit: i64) -> QueryResult<Vec<OutboxRow>> {
    outbox::table
        .select(OutboxRow::as_select())
        .order(outbox::id.desc())
        .limit(limit)
        .load(conn)
}

pub fn find(conn: &mut DbConn, id: &str) -> QueryResult<Option<OutboxRow>> {
    outbox::table
        .find(id)
        .select(OutboxRow::as_select())
        .first(conn)
        .optional()
}
