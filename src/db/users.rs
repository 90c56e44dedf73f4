use diesel::prelude::*;

use super::DbConn;
use super::schema::{organisations, users};

#[derive(Clone, Debug, Queryable, Selectable, Insertable)]
#[diesel(table_name = users)]
pub struct User {
    pub id: String,
    pub email: String,
    pub name: String,
    pub organisation_id: String,
    pub is_admin: bool,
    pub password_hash: Option<String>,
    pub session_epoch: i32,
    pub created_at: chrono::NaiveDateTime,
    pub updated_at: chrono::NaiveDateTime,
    /// `en`, `cy`, or none chosen.
    pub language: Option<String>,
}

pub fn insert(conn: &mut DbConn, user: &User) -> QueryResult<()> {
    diesel::insert_into(users::table)
        .values(user)
        .execute(conn)
        .map(|_| ())
}

pub fn find(conn: &mut DbConn, id: &str) -> QueryResult<Option<User>> {
    users::table
        .find(id)
        .select(User::as_select())
        .first(conn)
        .optional()
}

/// `email` must already be lower-cased.
pub fn find_by_email(conn: &mut DbConn, email: &str) -> QueryResult<Option<User>> {
    users::table
        .filter(users::email.eq(email))
        .select(User::as_select())
        .first(conn)
        .optional()
}

/// Sets a new password hash and ends every existing session of the user.
pub fn set_password(
    conn: &mut DbConn,
    id: &str,
    hash: &str,
    now: chrono::NaiveDateTime,
) -> QueryResult<()> {
    diesel::update(users::table.find(id))
        .set((
            users::password_hash.eq(Some(hash)),
            users::session_epoch.eq(users::session_epoch + 1),
            users::updated_at.eq(now),
        ))
        .execute(conn)
        .map(|_| ())
}

/// Every user with their organisation's name, by name.
/// Every person's name by id.
pub fn names(conn: &mut DbConn) -> QueryResult<std::collections::HashMap<String, String>> {
    Ok(users::table
        .select((users::id, users::name))
        .load::<(String, String)>(conn)?
        .into_iter()
        .collect())
}

pub fn all_with_organisation(conn: &mut DbConn) -> QueryResult<Vec<(User, String)>> {
    users::table
        .inner_join(organisations::table)
        .select((User::as_select(), organisations::name))
        .order(users::name)
        .load(conn)
}

/// These people (by id), each with their organisation's name.
pub fn with_organisation(conn: &mut DbConn, ids: &[String]) -> QueryResult<Vec<(User, String)>> {
    users::table
        .inner_join(organisations::table)
        .filter(users::id.eq_any(ids))
        .select((User::as_select(), organisations::name))
        .order(users::name)
        .load(conn)
}

/// The person whose calendar feed secret has this SHA-256 (hex).
pub fn find_by_calendar_secret(conn: &mut DbConn, secret_hash: &str) -> QueryResult<Option<User>> {
    users::table
        .filter(users::calendar_secret.eq(secret_hash))
        .select(User::as_select())
        .first(conn)
        .optional()
}

pub fn calendar_secret(conn: &mut DbConn, id: &str) -> QueryResult<Option<String>> {
    users::table
        .find(id)
        .select(users::calendar_secret)
        .first::<Option<String>>(conn)
        .optional()
        .map(Option::flatten)
}

/// Sets (or, with `None`, turns off) the SHA-256 of a person's calendar feed
/// secret.
pub fn set_calendar_secret(
    conn: &mut DbConn,
    id: &str,
    secret_hash: Option<&str>,
) -> QueryResult<()> {
    diesel::update(users::table.find(id))
        .set(users::calendar_secret.eq(secret_hash))
        .execute(conn)
        .map(|_| ())
}

pub fn set_language(
    conn: &mut DbConn,
    user_id: &str,
    language: Option<&str>,
    now: chrono::NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(users::table.find(user_id))
        .set((users::language.eq(language), users::updated_at.eq(now)))
        .execute(conn)
}
