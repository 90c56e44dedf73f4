//! Use cases. Each runs inside the caller's transaction and writes its audit
//! entry (and any mail) there too, so a change is never half-recorded.

pub mod accounts;
pub mod actions;
pub mod agenda;
pub mod agenda_mail;
pub mod attachments;
pub mod audit;
pub mod chase;
pub mod decision_note;
pub mod decisions;
pub mod directory;
pub mod feeds;
pub mod follow;
pub mod forward_plan;
pub mod home;
pub mod import;
pub mod interests;
pub mod mail;
pub mod meetings;
pub mod minutes;
pub mod open_data;
pub mod outcomes;
pub mod packs;
pub mod papers;
pub mod preferences;
pub mod proposals;
pub mod record;
pub mod referrals;
pub mod search;
pub mod translations;

use chrono::NaiveDateTime;

use crate::db::DbConn;
use crate::db::audit::{self as audit_log, AuditEntry};
use crate::error::{AppError, AppResult, FieldError};

/// What a use case needs beyond the database: the time, links, calendars.
pub struct Ctx<'a> {
    pub base_url: &'a str,
    pub calendars: &'a crate::domain::calendar::Calendars,
    pub now: NaiveDateTime,
}

/// A `Ctx` with owned parts, to move into a database closure.
#[derive(Clone)]
pub struct CtxParts {
    pub base_url: String,
    pub calendars: std::sync::Arc<crate::domain::calendar::Calendars>,
    pub now: NaiveDateTime,
}

impl CtxParts {
    pub fn ctx(&self) -> Ctx<'_> {
        Ctx {
            base_url: &self.base_url,
            calendars: &self.calendars,
            now: self.now,
        }
    }
}

impl crate::state::AppState {
    /// Links, calendars and the time, for a use case run in `tx`.
    pub fn ctx_parts(&self) -> crate::services::CtxParts {
        crate::services::CtxParts {
            base_url: self.base_url().to_string(),
            calendars: self.calendars(),
            now: self.clock.now_naive(),
        }
    }
}

/// Site administration (organisations, bodies, people, bank holidays, the
/// audit log) is for site administrators only.
pub fn administrator(grants: &crate::domain::roles::Grants) -> AppResult<()> {
    if grants.is_admin {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

/// `administrator` for whoever makes a change: a person must be a site
/// administrator; the system itself (the command line, the demo) may.
pub(crate) fn administering(conn: &mut DbConn, actor: &Actor) -> AppResult<()> {
    match &actor.user_id {
        None => Ok(()),
        Some(id) => match crate::db::users::find(conn, id)? {
            Some(u) if u.is_admin => Ok(()),
            _ => Err(AppError::Forbidden),
        },
    }
}

/// Can the database be reached? (For `/healthz`.)
pub fn ping(conn: &mut DbConn) -> AppResult<()> {
    Ok(crate::db::ping(conn)?)
}

/// Who is making a change, and from where: recorded in the audit log.
#[derive(Clone, Debug)]
pub struct Actor {
    pub user_id: Option<String>,
    pub label: String,
    pub client_addr: Option<String>,
}

impl Actor {
    /// Whose idempotency keys these are: the person, or the system's label.
    pub fn key_owner(&self) -> &str {
        self.user_id.as_deref().unwrap_or(&self.label)
    }

    pub fn system(label: &str) -> Actor {
        Actor {
            user_id: None,
            label: label.to_string(),
            client_addr: None,
        }
    }

    pub fn audit(
        &self,
        conn: &mut DbConn,
        now: NaiveDateTime,
        action: &str,
        entity_type: &str,
        entity_id: &str,
        summary: String,
    ) -> AppResult<()> {
        audit_log::insert(
            conn,
            &AuditEntry {
                id: crate::clock::new_id(),
                occurred_at: now,
                actor_user_id: self.user_id.clone(),
                actor: self.label.clone(),
                action: action.to_string(),
                entity_type: entity_type.to_string(),
                entity_id: entity_id.to_string(),
                summary,
                client_addr: self.client_addr.clone(),
            },
        )?;
        Ok(())
    }
}

/// Answers a request whose idempotency key is already in store: the record it
/// made, when this is the same request again; otherwise a 409 that says the
/// key was used for something else (nothing is written).
pub(crate) fn replay<T>(stored_digest: Option<String>, sent: &str, record: T) -> AppResult<T> {
    if crate::domain::idempotency::may_replay(stored_digest.as_deref(), sent) {
        Ok(record)
    } else {
        Err(AppError::Conflict(vec![FieldError::new(
            "idempotency_key",
            "idempotency_key_reused",
            crate::i18n::say("err-web-idempotency-key-reused"),
        )]))
    }
}

/// The problems found so far and the outcome of one more step, as one
/// answer: every problem at once (a 422 listing them all), or the step's
/// own error when nothing else was wrong.
pub fn all_problems(
    mut problems: Vec<crate::error::FieldError>,
    step: crate::error::AppResult<()>,
) -> crate::error::AppResult<()> {
    match step {
        Err(crate::error::AppError::Validation(more)) => problems.extend(more),
        Err(other) if problems.is_empty() => return Err(other),
        _ => {}
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(crate::error::AppError::Validation(problems))
    }
}
