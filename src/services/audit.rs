//! The audit log viewer: site admins look up who changed what, filtered by
//! person, body, kind of record, record and date, and download it as CSV.

use chrono::NaiveDateTime;

use crate::db::audit::{self, AuditEntry, AuditFilter};
use crate::db::{DbConn, bodies, users};
use crate::domain::roles::Grants;
use crate::domain::validate::{Problems, uk_date};
use crate::error::{AppError, AppResult};

/// The viewer's filters as typed (every one may be empty).
#[derive(Clone, Debug, Default, serde::Deserialize, serde::Serialize)]
#[serde(default)]
pub struct AuditQuery {
    /// A person's id.
    pub person: String,
    /// A body's slug.
    pub body: String,
    /// A kind of record: `paper`, `meeting`, `action`, …
    pub entity_type: String,
    /// One record's id.
    pub entity_id: String,
    /// A date, like 26/11/2026 or 2026-11-26 (London).
    pub from: String,
    /// A date, included.
    pub to: String,
    /// `next_cursor` from the page before.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub cursor: String,
}

impl AuditQuery {
    /// These filters as a query string (`?person=…`), empty ones left out.
    pub fn query_string(&self) -> String {
        let pairs: Vec<(&str, &str)> = [
            ("person", &self.person),
            ("body", &self.body),
            ("entity_type", &self.entity_type),
            ("entity_id", &self.entity_id),
            ("from", &self.from),
            ("to", &self.to),
            ("cursor", &self.cursor),
        ]
        .into_iter()
        .filter(|(_, v)| !v.trim().is_empty())
        .map(|(k, v)| (k, v.as_str()))
        .collect();
        if pairs.is_empty() {
            String::new()
        } else {
            format!(
                "?{}",
                url::form_urlencoded::Serializer::new(String::new())
                    .extend_pairs(pairs)
                    .finish()
            )
        }
    }
}

/// One page of entries, and what the filters can be set to.
pub struct AuditPage {
    pub entries: Vec<AuditEntry>,
    pub next_cursor: Option<String>,
    /// Filters that could not be read, with their fields (no entries then).
    pub problems: Vec<crate::error::FieldError>,
    /// (id, name, email)
    pub people: Vec<(String, String, String)>,
    /// (slug, name)
    pub bodies: Vec<(String, String)>,
    pub entity_types: Vec<String>,
}

/// London midnight at the start of `day`, as UTC.
fn start_of(day: chrono::NaiveDate) -> NaiveDateTime {
    crate::domain::timeline::london_instant(day, chrono::NaiveTime::MIN).naive_utc()
}

/// Reads the filters: every problem at once, with its field.
fn filter_of(conn: &mut DbConn, q: &AuditQuery) -> AppResult<AuditFilter> {
    let mut p = Problems::new();
    let text = |s: &str| Some(s.trim().to_string()).filter(|s| !s.is_empty());
    let mut date = |field: &str, s: &str| match text(s) {
        None => None,
        Some(t) => {
            let d = uk_date(&t);
            if d.is_none() {
                p.add(
                    field,
                    "invalid_date",
                    crate::i18n::say("err-audit-invalid-date"),
                );
            }
            d
        }
    };
    let from = date("from", &q.from);
    let to = date("to", &q.to);
    if let (Some(f), Some(t)) = (from, to)
        && t < f
    {
        p.add(
            "to",
            "before_from",
            crate::i18n::say("err-audit-before-from"),
        );
    }
    let body_id = match text(&q.body) {
        None => None,
        Some(slug) => match bodies::find_by_slug(conn, &slug)? {
            Some(b) => Some(b.id),
            None => {
                p.add("body", "unknown", crate::i18n::say("err-audit-unknown"));
                None
            }
        },
    };
    let person = text(&q.person);
    if let Some(id) = &person
        && users::find(conn, id)?.is_none()
    {
        p.add(
            "person",
            "unknown",
            crate::i18n::say("err-audit-unknown-person"),
        );
    }
    for (field, value) in [("entity_type", &q.entity_type), ("entity_id", &q.entity_id)] {
        if value.chars().count() > 100 {
            p.add(field, "too_long", crate::i18n::say("err-audit-too-long"));
        }
    }
    p.finish()?;
    Ok(AuditFilter {
        actor_user_id: person,
        body_id,
        entity_type: text(&q.entity_type),
        entity_id: text(&q.entity_id),
        from: from.map(start_of),
        before: to.and_then(|d| d.succ_opt()).map(start_of),
        older_than: text(&q.cursor),
    })
}

fn admin_only(grants: &Grants) -> AppResult<()> {
    if grants.is_admin {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

/// One page of entries, newest first (site admins only); with filters that
/// cannot be read, their problems and no entries.
pub fn page(
    conn: &mut DbConn,
    grants: &Grants,
    q: &AuditQuery,
    limit: i64,
) -> AppResult<AuditPage> {
    admin_only(grants)?;
    let people = users::all_with_organisation(conn)?
        .into_iter()
        .map(|(u, _)| (u.id, u.name, u.email))
        .collect();
    let all_bodies = bodies::all(conn)?
        .into_iter()
        .map(|b| (b.slug, b.name))
        .collect();
    let entity_types = audit::entity_types(conn)?;
    let (mut entries, problems) = match filter_of(conn, q) {
        Ok(filter) => (audit::search(conn, &filter, limit + 1)?, Vec::new()),
        Err(AppError::Validation(problems)) => (Vec::new(), problems),
        Err(e) => return Err(e),
    };
    let next_cursor = if entries.len() as i64 > limit {
        entries.truncate(limit as usize);
        entries.last().map(|e| e.id.clone())
    } else {
        None
    };
    Ok(AuditPage {
        entries,
        next_cursor,
        problems,
        people,
        bodies: all_bodies,
        entity_types,
    })
}

/// The most rows one CSV download holds.
pub const CSV_LIMIT: i64 = 100_000;

/// Every matching entry (up to `CSV_LIMIT`), newest first, for the CSV.
pub fn all(conn: &mut DbConn, grants: &Grants, q: &AuditQuery) -> AppResult<Vec<AuditEntry>> {
    admin_only(grants)?;
    let mut filter = filter_of(conn, q)?;
    filter.older_than = None;
    Ok(audit::search(conn, &filter, CSV_LIMIT)?)
}

/// The latest entries, for the admin index (administrators only; nobody
/// else is shown any).
pub fn recent(
    conn: &mut crate::db::DbConn,
    grants: &crate::domain::roles::Grants,
    limit: i64,
) -> crate::error::AppResult<Vec<crate::db::audit::AuditEntry>> {
    if !grants.is_admin {
        return Ok(Vec::new());
    }
    Ok(crate::db::audit::recent(conn, limit)?)
}
