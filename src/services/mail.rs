//! The mail page: what the outbox holds for the reader, with each
//! message's fate and the server's reason for a failure; a failed message
//! retried, a queued one cancelled. Site administrators see all mail; a
//! body's secretariat sees the mail about that body, recipients masked.

use chrono::NaiveDateTime;

use super::Actor;
use crate::db::DbConn;
pub use crate::db::outbox::MailState;
use crate::db::outbox::{self, OutboxRow};
use crate::domain::roles::Grants;
use crate::error::{AppError, AppResult};

/// How many messages the page lists, newest first.
pub const SHOWN: i64 = 200;

/// Whose mail: everyone's (administrators) or one body's.
#[derive(Clone, Debug)]
pub enum MailScope {
    All,
    Body(String),
}

/// One message as the page shows it.
#[derive(Clone, Debug)]
pub struct MailLine {
    pub id: String,
    /// The address, or for a body's secretariat a masked one (`p…@ashby.example`).
    pub to: String,
    pub subject: String,
    pub state: MailState,
    pub created_at: NaiveDateTime,
    pub sent_at: Option<NaiveDateTime>,
    pub failed_at: Option<NaiveDateTime>,
    pub attempts: i32,
    /// The server's reason for the last failure, or who cancelled it.
    pub error: Option<String>,
    /// Waiting for its recipient's daily digest.
    pub held: bool,
    /// Sent inside a daily digest rather than on its own.
    pub in_digest: bool,
}

/// The page: its title's body (if one), and the messages.
pub struct MailView {
    pub body: Option<crate::db::bodies::Body>,
    pub lines: Vec<MailLine>,
}

/// `p…@ashby.example`: enough to recognise, not to harvest.
pub fn mask(address: &str) -> String {
    match address.split_once('@') {
        Some((local, domain)) => {
            let first: String = local.chars().take(1).collect();
            format!("{first}…@{domain}")
        }
        None => "…".to_string(),
    }
}

/// The bodies whose mail the reader sees (`None`: all), after checking
/// they may: administrators for all, the secretariat for their body.
fn scope_of(
    conn: &mut DbConn,
    grants: &Grants,
    scope: &MailScope,
) -> AppResult<(Option<crate::db::bodies::Body>, Option<Vec<String>>)> {
    match scope {
        MailScope::All => {
            super::administrator(grants)?;
            Ok((None, None))
        }
        MailScope::Body(slug) => {
            let body = super::directory::managed_body(conn, grants, slug)?;
            let ids = vec![body.id.clone()];
            Ok((Some(body), Some(ids)))
        }
    }
}

/// The messages the reader may see, newest first, in `state` if given.
pub fn listing(
    conn: &mut DbConn,
    grants: &Grants,
    scope: &MailScope,
    state: Option<MailState>,
) -> AppResult<MailView> {
    let (body, ids) = scope_of(conn, grants, scope)?;
    let rows = outbox::listing(conn, ids.as_deref(), state, SHOWN)?;
    let masked = !grants.is_admin;
    Ok(MailView {
        body,
        lines: rows.into_iter().map(|r| line(r, masked)).collect(),
    })
}

fn line(r: OutboxRow, masked: bool) -> MailLine {
    let state = if r.sent_at.is_some() {
        MailState::Sent
    } else if r.failed_at.is_some() {
        MailState::Failed
    } else {
        MailState::Queued
    };
    MailLine {
        id: r.id,
        to: if masked {
            mask(&r.recipient)
        } else {
            r.recipient
        },
        subject: r.subject,
        state,
        created_at: r.created_at,
        sent_at: r.sent_at,
        failed_at: r.failed_at,
        attempts: r.attempts,
        error: r.last_error,
        held: r.held,
        in_digest: r.digest_id.is_some(),
    }
}

/// What the page may do to a message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MailChange {
    /// A failed message goes again, with fresh attempts.
    Retry,
    /// A queued message does not go.
    Cancel,
}

impl MailChange {
    pub fn parse(s: &str) -> Option<MailChange> {
        match s {
            "retry" => Some(MailChange::Retry),
            "cancel" => Some(MailChange::Cancel),
            _ => None,
        }
    }
}

/// Retries or cancels a message the reader may see (404 otherwise; 409
/// when it is not in a state for it), audited.
pub fn change(
    conn: &mut DbConn,
    actor: &Actor,
    grants: &Grants,
    scope: &MailScope,
    id: &str,
    what: MailChange,
    now: NaiveDateTime,
) -> AppResult<()> {
    let (_, ids) = scope_of(conn, grants, scope)?;
    let row = outbox::find(conn, id)?
        .filter(|r| match &ids {
            None => true,
            Some(ids) => r.body_id.as_ref().is_some_and(|b| ids.contains(b)),
        })
        .ok_or(AppError::NotFound)?;
    let done = match what {
        MailChange::Retry => outbox::retry(conn, id, now)?,
        MailChange::Cancel => {
            outbox::cancel(conn, id, &format!("Cancelled by {}", actor.label), now)?
        }
    };
    if !done {
        return Err(AppError::Conflict(vec![crate::error::FieldError::new(
            "id",
            "state",
            crate::i18n::say(match what {
                MailChange::Retry => "err-mail-retry",
                MailChange::Cancel => "err-mail-cancel",
            }),
        )]));
    }
    actor.audit(
        conn,
        now,
        match what {
            MailChange::Retry => "mail.retry",
            MailChange::Cancel => "mail.cancel",
        },
        "mail",
        id,
        format!("\"{}\" to {}", row.subject, mask(&row.recipient)),
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_are_masked_to_their_first_letter_and_domain() {
        assert_eq!(mask("priya.shah@ashby.example"), "p…@ashby.example");
        assert_eq!(mask("not-an-address"), "…");
    }
}
