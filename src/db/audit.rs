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

/// What the audit log viewer asks for; every part is optional.
#[derive(Clone, Debug, Default)]
pub struct AuditFilter {
    /// The person who acted.
    pub actor_user_id: Option<String>,
    /// Entries about the body itself, its meetings, their papers and agenda
    /// items, and its decisions and actions.
    pub body_id: Option<String>,
    pub entity_type: Option<String>,
    pub entity_id: Option<String>,
    /// From this instant (inclusive) and before that one (exclusive).
    pub from: Option<chrono::NaiveDateTime>,
    pub before: Option<chrono::NaiveDateTime>,
    /// Entries older than this id (ids are time-ordered): the next page.
    pub older_than: Option<String>,
}

/// Matching entries, newest first, at most `limit`.
pub fn search(conn: &mut DbConn, f: &AuditFilter, limit: i64) -> QueryResult<Vec<AuditEntry>> {
    use super::schema::{actions, agenda_items, decisions, meetings, papers};
    let mut q = audit_log::table
        .select(AuditEntry::as_select())
        .into_boxed();
    if let Some(a) = &f.actor_user_id {
        q = q.filter(audit_log::actor_user_id.eq(a.clone()));
    }
    if let Some(b) = &f.body_id {
        let meeting_ids: Vec<String> = meetings::table
            .filter(meetings::body_id.eq(b))
            .select(meetings::id)
            .load(conn)?;
        q = q.filter(
            audit_log::entity_id
                .eq(b.clone())
                .or(audit_log::entity_id.eq_any(meeting_ids.clone()))
                .or(audit_log::entity_id.eq_any(
                    papers::table
                        .filter(papers::meeting_id.eq_any(meeting_ids.clone()))
                        .select(papers::id),
                ))
                .or(audit_log::entity_id.eq_any(
                    agenda_items::table
                        .filter(agenda_items::meeting_id.eq_any(meeting_ids))
                        .select(agenda_items::id),
                ))
                .or(audit_log::entity_id.eq_any(
                    decisions::table
                        .filter(decisions::body_id.eq(b.clone()))
                        .select(decisions::id),
                ))
                .or(audit_log::entity_id.eq_any(
                    actions::table
                        .filter(actions::body_id.eq(b.clone()))
                        .select(actions::id),
                )),
        );
    }
    if let Some(t) = &f.entity_type {
        q = q.filter(audit_log::entity_type.eq(t.clone()));
    }
    if let Some(id) = &f.entity_id {
        q = q.filter(audit_log::entity_id.eq(id.clone()));
    }
    if let Some(t) = f.from {
        q = q.filter(audit_log::occurred_at.ge(t));
    }
    if let Some(t) = f.before {
        q = q.filter(audit_log::occurred_at.lt(t));
    }
    if let Some(id) = &f.older_than {
        q = q.filter(audit_log::id.lt(id.clone()));
    }
    q.order(audit_log::id.desc()).limit(limit).load(conn)
}

/// The kinds of thing the log has entries about, for the viewer's filter.
pub fn entity_types(conn: &mut DbConn) -> QueryResult<Vec<String>> {
    audit_log::table
        .select(audit_log::entity_type)
        .distinct()
        .order(audit_log::entity_type)
        .load(conn)
}
