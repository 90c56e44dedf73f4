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
    /// The body the message is about, if one: its secretariat sees it.
    pub body_id: Option<String>,
    /// The recipient's account, where the address is one.
    pub user_id: Option<String>,
    /// What the message's `List-Unsubscribe` link stops (a topic key or
    /// `all`); none on statutory, account and direct mail.
    pub unsubscribe: Option<String>,
    /// Held for the recipient's daily digest.
    pub held: bool,
    /// The daily digest that carried it.
    pub digest_id: Option<String>,
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
    /// What the message is about (one event, one person), when it has one.
    #[diesel(sql_type = diesel::sql_types::Nullable<Text>)]
    pub dedupe_key: Option<String>,
    #[diesel(sql_type = diesel::sql_types::Nullable<Text>)]
    pub user_id: Option<String>,
    /// What its `List-Unsubscribe` link stops, when it carries one.
    #[diesel(sql_type = diesel::sql_types::Nullable<Text>)]
    pub unsubscribe: Option<String>,
}

/// Adds a message unless one with the same dedupe key exists (an event
/// never mails the same person twice). Returns whether a row was written.
pub fn enqueue(conn: &mut DbConn, row: &OutboxRow) -> QueryResult<bool> {
    if let Some(key) = &row.dedupe_key
        && has_key(conn, key)?
    {
        return Ok(false);
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

/// Has a message with this dedupe key been queued (whatever became of it)?
pub fn has_key(conn: &mut DbConn, key: &str) -> QueryResult<bool> {
    let n: i64 = outbox::table
        .filter(outbox::dedupe_key.eq(key))
        .count()
        .get_result(conn)?;
    Ok(n > 0)
}

/// Which of these dedupe keys have been queued (whatever became of the
/// messages): a few queries for many keys.
pub fn existing_keys(
    conn: &mut DbConn,
    keys: &[String],
) -> QueryResult<std::collections::HashSet<String>> {
    let mut found = std::collections::HashSet::new();
    for chunk in keys.chunks(500) {
        let rows: Vec<Option<String>> = outbox::table
            .filter(outbox::dedupe_key.eq_any(chunk))
            .select(outbox::dedupe_key)
            .load(conn)?;
        found.extend(rows.into_iter().flatten());
    }
    Ok(found)
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
        AND NOT held AND next_attempt_at <= $2 AND (locked_until IS NULL OR locked_until < $2) \
        ORDER BY next_attempt_at, id LIMIT $3 FOR UPDATE SKIP LOCKED) \
        RETURNING id, recipient, subject, body_text, body_html, attempts, attachment_name, attachment_content, dedupe_key, user_id, unsubscribe";
    const SQLITE: &str = "UPDATE outbox SET locked_until = ?1, attempts = attempts + 1 \
        WHERE id IN (SELECT id FROM outbox WHERE sent_at IS NULL AND failed_at IS NULL \
        AND NOT held AND next_attempt_at <= ?2 AND (locked_until IS NULL OR locked_until < ?2) \
        ORDER BY next_attempt_at, id LIMIT ?3) \
        RETURNING id, recipient, subject, body_text, body_html, attempts, attachment_name, attachment_content, dedupe_key, user_id, unsubscribe";
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

/// Routine mail held for daily digests and queued before `before`,
/// oldest first, grouped by recipient.
pub fn held_before(conn: &mut DbConn, before: NaiveDateTime) -> QueryResult<Vec<OutboxRow>> {
    outbox::table
        .filter(outbox::held.eq(true))
        .filter(outbox::created_at.lt(before))
        .select(OutboxRow::as_select())
        .order((outbox::user_id, outbox::created_at, outbox::id))
        .load(conn)
}

/// Marks held messages as sent in the digest `digest_id`.
pub fn mark_digested(
    conn: &mut DbConn,
    ids: &[String],
    digest_id: &str,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(outbox::table.filter(outbox::id.eq_any(ids.to_vec())))
        .set((
            outbox::held.eq(false),
            outbox::sent_at.eq(Some(now)),
            outbox::digest_id.eq(Some(digest_id)),
        ))
        .execute(conn)
}

/// Sends a person's held mail at the next pass (they chose to have mail as
/// it happens again). Returns how many.
pub fn release_held(conn: &mut DbConn, user_id: &str, now: NaiveDateTime) -> QueryResult<usize> {
    diesel::update(
        outbox::table
            .filter(outbox::held.eq(true))
            .filter(outbox::user_id.eq(user_id)),
    )
    .set((outbox::held.eq(false), outbox::next_attempt_at.eq(now)))
    .execute(conn)
}

/// Drops a person's held mail about topics they turned off.
pub fn drop_held(conn: &mut DbConn, user_id: &str, topics: &[String]) -> QueryResult<usize> {
    diesel::delete(
        outbox::table
            .filter(outbox::held.eq(true))
            .filter(outbox::user_id.eq(user_id))
            .filter(outbox::unsubscribe.eq_any(topics.to_vec())),
    )
    .execute(conn)
}

/// Where a message stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MailState {
    /// Not sent yet: waiting, or between retries.
    Queued,
    Sent,
    /// Refused for good, out of attempts, or cancelled.
    Failed,
}

/// Messages newest first: those about `bodies` (all when `None`), in
/// `state` (any when `None`), at most `limit`.
pub fn listing(
    conn: &mut DbConn,
    bodies: Option<&[String]>,
    state: Option<MailState>,
    limit: i64,
) -> QueryResult<Vec<OutboxRow>> {
    let mut q = outbox::table.select(OutboxRow::as_select()).into_boxed();
    if let Some(ids) = bodies {
        q = q.filter(outbox::body_id.eq_any(ids.to_vec()));
    }
    q = match state {
        None => q,
        Some(MailState::Queued) => q
            .filter(outbox::sent_at.is_null())
            .filter(outbox::failed_at.is_null()),
        Some(MailState::Sent) => q.filter(outbox::sent_at.is_not_null()),
        Some(MailState::Failed) => q.filter(outbox::failed_at.is_not_null()),
    };
    q.order((outbox::created_at.desc(), outbox::id.desc()))
        .limit(limit)
        .load(conn)
}

/// How many messages about `bodies` (all when `None`) have failed.
pub fn failed_about(conn: &mut DbConn, bodies: Option<&[String]>) -> QueryResult<i64> {
    let mut q = outbox::table
        .filter(outbox::failed_at.is_not_null())
        .count()
        .into_boxed();
    if let Some(ids) = bodies {
        q = q.filter(outbox::body_id.eq_any(ids.to_vec()));
    }
    q.get_result(conn)
}

/// Puts a failed message back in the queue, to go at the next pass with a
/// fresh set of attempts. False if it had not failed.
pub fn retry(conn: &mut DbConn, id: &str, now: NaiveDateTime) -> QueryResult<bool> {
    let n = diesel::update(
        outbox::table
            .find(id)
            .filter(outbox::failed_at.is_not_null())
            .filter(outbox::sent_at.is_null()),
    )
    .set((
        outbox::failed_at.eq(None::<NaiveDateTime>),
        outbox::attempts.eq(0),
        outbox::next_attempt_at.eq(now),
        outbox::locked_until.eq(None::<NaiveDateTime>),
    ))
    .execute(conn)?;
    Ok(n == 1)
}

/// Stops a queued message from going (not one being sent at `now`): it
/// is marked failed with `why`. False if it was not queued.
pub fn cancel(conn: &mut DbConn, id: &str, why: &str, now: NaiveDateTime) -> QueryResult<bool> {
    let n = diesel::update(
        outbox::table
            .find(id)
            .filter(outbox::sent_at.is_null())
            .filter(outbox::failed_at.is_null())
            .filter(
                outbox::locked_until
                    .is_null()
                    .or(outbox::locked_until.lt(now)),
            ),
    )
    .set((
        outbox::failed_at.eq(Some(now)),
        outbox::last_error.eq(Some(why)),
    ))
    .execute(conn)?;
    Ok(n == 1)
}
