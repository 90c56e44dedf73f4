use diesel::prelude::*;

use super::DbConn;
use super::schema::invitations;

#[derive(Clone, Debug, Queryable, Selectable, Insertable)]
#[diesel(table_name = invitations)]
pub struct Invitation {
    pub id: String,
    pub user_id: String,
    pub token_hash: String,
    pub expires_at: chrono::NaiveDateTime,
    pub used_at: Option<chrono::NaiveDateTime>,
    pub created_at: chrono::NaiveDateTime,
}

pub fn insert(conn: &mut DbConn, i: &Invitation) -> QueryResult<()> {
    diesel::insert_into(invitations::table)
        .values(i)
        .execute(conn)
        .map(|_| ())
}

/// An unused, unexpired invitation with this hash.
pub fn find_valid(
    conn: &mut DbConn,
    hash: &str,
    now: chrono::NaiveDateTime,
) -> QueryResult<Option<Invitation>> {
    invitations::table
        .filter(invitations::token_hash.eq(hash))
        .filter(invitations::used_at.is_null())
        .filter(invitations::expires_at.gt(now))
        .select(Invitation::as_select())
        .first(conn)
        .optional()
}

/// Marks it used; returns false if someone else used it first.
pub fn mark_used(conn: &mut DbConn, id: &str, now: chrono::NaiveDateTime) -> QueryResult<bool> {
    let n = diesel::update(
        invitations::table
            .find(id)
            .filter(invitations::used_at.is_null()),
    )
    .set(invitations::used_at.eq(Some(now)))
    .execute(conn)?;
    Ok(n == 1)
}
