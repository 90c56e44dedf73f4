use diesel::prelude::*;

use super::DbConn;
use super::schema::{bodies, memberships, organisations, users};

#[derive(Clone, Debug, Queryable, Selectable, Insertable)]
#[diesel(table_name = memberships)]
pub struct Membership {
    pub id: String,
    pub body_id: String,
    pub user_id: String,
    pub role: String,
    pub substitute_for_user_id: Option<String>,
    pub created_at: chrono::NaiveDateTime,
    pub updated_at: chrono::NaiveDateTime,
}

/// A member as listed on a body page: no email addresses.
#[derive(Clone, Debug, Queryable)]
pub struct MemberRow {
    pub user_id: String,
    pub name: String,
    pub organisation_id: String,
    pub organisation: String,
    pub role: String,
    pub substitute_for_user_id: Option<String>,
}

pub fn find(conn: &mut DbConn, body_id: &str, user_id: &str) -> QueryResult<Option<Membership>> {
    memberships::table
        .filter(memberships::body_id.eq(body_id))
        .filter(memberships::user_id.eq(user_id))
        .select(Membership::as_select())
        .first(conn)
        .optional()
}

pub fn insert(conn: &mut DbConn, m: &Membership) -> QueryResult<()> {
    diesel::insert_into(memberships::table)
        .values(m)
        .execute(conn)
        .map(|_| ())
}

pub fn update_role(
    conn: &mut DbConn,
    id: &str,
    role: &str,
    substitute_for: Option<&str>,
    now: chrono::NaiveDateTime,
) -> QueryResult<()> {
    diesel::update(memberships::table.find(id))
        .set((
            memberships::role.eq(role),
            memberships::substitute_for_user_id.eq(substitute_for),
            memberships::updated_at.eq(now),
        ))
        .execute(conn)
        .map(|_| ())
}

/// Removes a membership; substitutes who stood in for that person no longer do.
pub fn delete(conn: &mut DbConn, m: &Membership) -> QueryResult<()> {
    diesel::update(
        memberships::table
            .filter(memberships::body_id.eq(&m.body_id))
            .filter(memberships::substitute_for_user_id.eq(&m.user_id)),
    )
    .set(memberships::substitute_for_user_id.eq(None::<String>))
    .execute(conn)?;
    diesel::delete(memberships::table.find(&m.id))
        .execute(conn)
        .map(|_| ())
}

pub fn members_of(conn: &mut DbConn, body_id: &str) -> QueryResult<Vec<MemberRow>> {
    memberships::table
        .inner_join(users::table.on(users::id.eq(memberships::user_id)))
        .inner_join(organisations::table.on(organisations::id.eq(users::organisation_id)))
        .filter(memberships::body_id.eq(body_id))
        .select((
            users::id,
            users::name,
            organisations::id,
            organisations::name,
            memberships::role,
            memberships::substitute_for_user_id,
        ))
        .order((organisations::name_key, users::name))
        .load(conn)
}

/// The bodies a user belongs to, with the role in each: (body id, slug, name, role).
pub fn roles_of(
    conn: &mut DbConn,
    user_id: &str,
) -> QueryResult<Vec<(String, String, String, String)>> {
    memberships::table
        .inner_join(bodies::table.on(bodies::id.eq(memberships::body_id)))
        .filter(memberships::user_id.eq(user_id))
        .select((bodies::id, bodies::slug, bodies::name, memberships::role))
        .order(bodies::name)
        .load(conn)
}
