use diesel::prelude::*;

use super::DbConn;
use super::schema::priorities;

#[derive(Clone, Debug, Queryable, Selectable, Insertable)]
#[diesel(table_name = priorities)]
pub struct Priority {
    pub id: String,
    pub body_id: String,
    pub title: String,
    pub active: bool,
    pub created_at: chrono::NaiveDateTime,
    pub retired_at: Option<chrono::NaiveDateTime>,
}

pub fn insert(conn: &mut DbConn, p: &Priority) -> QueryResult<()> {
    diesel::insert_into(priorities::table)
        .values(p)
        .execute(conn)
        .map(|_| ())
}

pub fn find(conn: &mut DbConn, id: &str) -> QueryResult<Option<Priority>> {
    priorities::table
        .find(id)
        .select(Priority::as_select())
        .first(conn)
        .optional()
}

pub fn active_of(conn: &mut DbConn, body_id: &str) -> QueryResult<Vec<Priority>> {
    priorities::table
        .filter(priorities::body_id.eq(body_id))
        .filter(priorities::active.eq(true))
        .select(Priority::as_select())
        .order(priorities::created_at)
        .load(conn)
}

pub fn retire(conn: &mut DbConn, id: &str, now: chrono::NaiveDateTime) -> QueryResult<()> {
    diesel::update(priorities::table.find(id))
        .set((
            priorities::active.eq(false),
            priorities::retired_at.eq(Some(now)),
        ))
        .execute(conn)
        .map(|_| ())
}
