use diesel::prelude::*;

use super::DbConn;
use super::schema::organisations;

#[derive(Clone, Debug, Queryable, Selectable, Insertable)]
#[diesel(table_name = organisations)]
pub struct Organisation {
    pub id: String,
    pub name: String,
    pub name_key: String,
    pub short_name: String,
    pub created_at: chrono::NaiveDateTime,
}

/// Names are unique regardless of case and surrounding space.
pub fn name_key(name: &str) -> String {
    name.trim().to_lowercase()
}

pub fn insert(conn: &mut DbConn, org: &Organisation) -> QueryResult<()> {
    diesel::insert_into(organisations::table)
        .values(org)
        .execute(conn)
        .map(|_| ())
}

pub fn find(conn: &mut DbConn, id: &str) -> QueryResult<Option<Organisation>> {
    organisations::table
        .find(id)
        .select(Organisation::as_select())
        .first(conn)
        .optional()
}

pub fn find_by_name(conn: &mut DbConn, name: &str) -> QueryResult<Option<Organisation>> {
    organisations::table
        .filter(organisations::name_key.eq(name_key(name)))
        .select(Organisation::as_select())
        .first(conn)
        .optional()
}

/// A page in id order (ids are time-ordered): those after `after`, at most `limit`.
pub fn page(conn: &mut DbConn, after: Option<&str>, limit: i64) -> QueryResult<Vec<Organisation>> {
    let mut q = organisations::table
        .select(Organisation::as_select())
        .order(organisations::id)
        .into_boxed();
    if let Some(after) = after {
        q = q.filter(organisations::id.gt(after.to_string()));
    }
    q.limit(limit).load(conn)
}

/// Every organisation's name by id.
pub fn names(conn: &mut DbConn) -> QueryResult<std::collections::HashMap<String, String>> {
    Ok(organisations::table
        .select((organisations::id, organisations::name))
        .load::<(String, String)>(conn)?
        .into_iter()
        .collect())
}

pub fn all_by_name(conn: &mut DbConn) -> QueryResult<Vec<Organisation>> {
    organisations::table
        .select(Organisation::as_select())
        .order(organisations::name_key)
        .load(conn)
}
