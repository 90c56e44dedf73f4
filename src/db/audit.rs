//! The append-only audit log: written in the same transaction as the change.

use diesel::prelude::*;

use super::DbConn;
use super::schema::audit_log;

#[derive(Clone, Debug, Queryable, Selectable, Insertable)]
#[diesel(table_name = audit_log)]
pub struct AuditEntry {
    pub id: String,
    pub occurred_at: chrono::NaiveDateTime,
    pub actor_user_id: Option<String>,
    pub actor: String,
    pub action: String,
    pub entity_type: String,
    pub entity_id: String,
    pub summary: String,
    pub client_addr: Option<String>,
}

pub fn insert(conn: &mut DbConn, e: &AuditEntry) -> QueryResult<()> {
    diesel::insert_into(audit_log::table)
        .values(e)
        .execute(conn)
        .map(|_| ())
}

pub fn for_entity(
    conn: &mut DbConn,
    entity_type: &str,
    entity_id: &str,
) -> QueryResult<Vec<AuditEntry>> {
    audit_log::table
        .filter(audit_log::entity_type.eq(entity_type))
        .filter(audit_log::entity_id.eq(entity_id))
        .select(AuditEntry::as_select())
        .order(audit_log::id)
        .load(conn)
}

pub fn recent(conn: &mut DbConn, limit: i64) -> QueryResult<Vec<AuditEntry>> {
    audit_log::table
        .select(AuditEntry::as_select())
        .order(audit_log::id.desc())
        .limit(limit)
        .load(conn)
}
