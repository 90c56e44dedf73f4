use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::DbConn;
use super::schema::attachments;

#[derive(Clone, Debug, Queryable, Selectable, Insertable, serde::Serialize)]
#[diesel(table_name = attachments)]
pub struct Attachment {
    pub id: String,
    pub paper_id: String,
    /// Cleaned for display: no path, no control characters.
    pub filename: String,
    pub content_type: String,
    pub size_bytes: i64,
    pub sha256: String,
    pub uploaded_by: String,
    pub created_at: NaiveDateTime,
}

pub fn insert(conn: &mut DbConn, a: &Attachment) -> QueryResult<()> {
    diesel::insert_into(attachments::table)
        .values(a)
        .execute(conn)?;
    // Appendix names are found by search.
    super::search::index_paper(conn, &a.paper_id)
}

pub fn of_paper(conn: &mut DbConn, paper_id: &str) -> QueryResult<Vec<Attachment>> {
    attachments::table
        .filter(attachments::paper_id.eq(paper_id))
        .select(Attachment::as_select())
        .order(attachments::created_at)
        .load(conn)
}

pub fn find(conn: &mut DbConn, id: &str) -> QueryResult<Option<Attachment>> {
    attachments::table
        .find(id)
        .select(Attachment::as_select())
        .first(conn)
        .optional()
}
