//! Password-reset links, kept as hashes of their tokens: each works once,
//! until it expires.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::DbConn;
use super::schema::password_resets;

#[derive(Clone, Debug, Queryable, Selectable, Insertable)]
#[diesel(table_name = password_resets)]
pub struct PasswordReset {
    pub id: String,
    pub user_id: String,
    pub token_hash: String,
    pub expires_at: NaiveDateTime,
    pub used_at: Option<NaiveDateTime>,
    pub created_at: NaiveDateTime,
}

pub fn insert(conn: &mut DbConn, r: &PasswordReset) -> QueryResult<()> {
    diesel::insert_into(password_resets::table)
        .values(r)
        .execute(conn)
        .map(|_| ())
}

/// How many links this person was sent since `since`.
pub fn sent_since(conn: &mut DbConn, user_id: &str, since: NaiveDateTime) -> QueryResult<i64> {
    password_resets::table
        .filter(password_resets::user_id.eq(user_id))
        .filter(password_resets::created_at.gt(since))
        .count()
        .get_result(conn)
}

/// An unused, unexpired link with this hash.
pub fn find_valid(
    conn: &mut DbConn,
    hash: &str,
    now: NaiveDateTime,
) -> QueryResult<Option<PasswordReset>> {
    password_resets::table
        .filter(password_resets::token_hash.eq(hash))
        .filter(password_resets::used_at.is_null())
        .filter(password_resets::expires_at.gt(now))
        .select(PasswordReset::as_select())
        .first(conn)
        .optional()
}

/// Marks this link used; false if it was used first by another request.
pub fn mark_used(conn: &mut DbConn, id: &str, now: NaiveDateTime) -> QueryResult<bool> {
    let n = diesel::update(
        password_resets::table
            .find(id)
            .filter(password_resets::used_at.is_null()),
    )
    .set(password_resets::used_at.eq(Some(now)))
    .execute(conn)?;
    Ok(n == 1)
}

/// Every other link of this person stops working (their password has
/// just been set). Returns how many did.
pub fn retire_all_of(conn: &mut DbConn, user_id: &str, now: NaiveDateTime) -> QueryResult<usize> {
    diesel::update(
        password_resets::table
            .filter(password_resets::user_id.eq(user_id))
            .filter(password_resets::used_at.is_null()),
    )
    .set(password_resets::used_at.eq(Some(now)))
    .execute(conn)
}
