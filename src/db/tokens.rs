use diesel::prelude::*;

use super::DbConn;
use super::schema::api_tokens;

#[derive(Clone, Debug, Queryable, Selectable, Insertable)]
#[diesel(table_name = api_tokens)]
pub struct ApiToken {
    pub id: String,
    pub user_id: String,
    pub token_hash: String,
    pub label: String,
    pub created_at: chrono::NaiveDateTime,
    pub last_used_at: Option<chrono::NaiveDateTime>,
    pub revoked_at: Option<chrono::NaiveDateTime>,
}

pub fn insert(conn: &mut DbConn, t: &ApiToken) -> QueryResult<()> {
    diesel::insert_into(api_tokens::table)
        .values(t)
        .execute(conn)
        .map(|_| ())
}

/// The live (not revoked) token with this hash.
pub fn find_live_by_hash(conn: &mut DbConn, hash: &str) -> QueryResult<Option<ApiToken>> {
    api_tokens::table
        .filter(api_tokens::token_hash.eq(hash))
        .filter(api_tokens::revoked_at.is_null())
        .select(ApiToken::as_select())
        .first(conn)
        .optional()
}

pub fn touch(conn: &mut DbConn, id: &str, now: chrono::NaiveDateTime) -> QueryResult<()> {
    diesel::update(api_tokens::table.find(id))
        .set(api_tokens::last_used_at.eq(Some(now)))
        .execute(conn)
        .map(|_| ())
}

pub fn of_user(conn: &mut DbConn, user_id: &str) -> QueryResult<Vec<ApiToken>> {
    api_tokens::table
        .filter(api_tokens::user_id.eq(user_id))
        .select(ApiToken::as_select())
        .order(api_tokens::created_at.desc())
        .load(conn)
}

pub fn find(conn: &mut DbConn, id: &str) -> QueryResult<Option<ApiToken>> {
    api_tokens::table
        .find(id)
        .select(ApiToken::as_select())
        .first(conn)
        .optional()
}

pub fn revoke(conn: &mut DbConn, id: &str, now: chrono::NaiveDateTime) -> QueryResult<()> {
    diesel::update(
        api_tokens::table
            .find(id)
            .filter(api_tokens::revoked_at.is_null()),
    )
    .set(api_tokens::revoked_at.eq(Some(now)))
    .execute(conn)
    .map(|_| ())
}
