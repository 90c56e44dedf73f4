//! Referring an agenda item to the parent or a child body: it arrives there
//! as a proposal for that body's next open meeting, linked to its origin,
//! and its outcome shows on both sides.

use serde::Deserialize;
use utoipa::ToSchema;

use super::{Actor, Ctx};
use crate::db::bodies::{self, Body};
use crate::db::meetings::{self, Meeting};
use crate::db::proposals::{self, Proposal};
use crate::db::{DbConn, agenda, memberships, users};
use crate::domain::roles::{Grants, Role};
use crate::domain::validate::Problems;
use crate::error::{AppError, AppResult, FieldError};
use crate::mail::messages::Notice;

#[derive(Debug, Default, Deserialize, ToSchema)]
pub struct ReferInput {
    /// The parent or a child body's slug.
    pub body_slug: Option<String>,
    /// What the other body is asked to do, and why.
    pub note: Option<String>,
}

/// The bodies an item of `body` may be referred to: its parent and children.
pub fn related(conn: &mut DbConn, body: &Body) -> AppResult<Vec<Body>> {
    let mut out = Vec::new();
    if let Some(parent) = &body.parent_id
        && let Some(p) = bodies::find(conn, parent)?
    {
        out.push(p);
    }
    out.extend(bodies::children(conn, &body.id)?);
    Ok(out)
}

#[allow(clippy::too_many_arguments)]
pub fn refer(
    conn: &mut DbConn,
    actor: &Actor,
    grants: &Grants,
    meeting: &Meeting,
    body: &Body,
    item_id: &str,
    input: &ReferInput,
    ctx: &Ctx<'_>,
) -> AppResult<Proposal> {
    if !grants.can_manage_body(&body.id) {
        return Err(AppError::Forbidden);
    }
    let item = agenda::find_item(conn, item_id)?
        .filter(|i| i.meeting_id == meeting.id)
        .ok_or(AppError::NotFound)?;
    let paper = match &item.paper_id {
        Some(id) => crate::db::papers::find(conn, id)?,
        None => None,
    };
    if item.kind != "substantive" {
        return Err(AppError::Conflict(vec![FieldError::new(
            "item",
            "not_substantive",
            crate::i18n::say("err-referrals-not-substantive"),
        )]));
    }
    if item.exempt_category.is_some() || paper.as_ref().is_some_and(|p| p.is_exempt()) {
        return Err(AppError::Conflict(vec![FieldError::new(
            "item",
            "exempt",
            crate::i18n::say("err-referrals-exempt"),
        )]));
    }
    let mut p = Problems::new();
    let slug = p.line(
        "body_slug",
        "field-referral-body",
        input.body_slug.as_deref(),
        100,
    );
    let note = p.line("note", "field-referral-note", input.note.as_deref(), 2000);
    p.finish()?;
    let target = related(conn, body)?
        .into_iter()
        .find(|b| b.slug == slug)
        .ok_or_else(|| {
            AppError::Validation(vec![FieldError::new(
                "body_slug",
                "not_related",
                crate::i18n::say("err-referrals-not-related"),
            )])
        })?;
    let already = proposals::referred_from(conn, std::slice::from_ref(&item.id))?
        .into_iter()
        .any(|(pr, name)| name == target.name && pr.status != "declined");
    if already {
        return Err(AppError::Conflict(vec![FieldError::new(
            "item",
            "already_referred",
            crate::i18n::say_args(
                "err-referrals-already",
                &[("body", crate::i18n::Arg::Text(&target.name))],
            ),
        )]));
    }
    let open = meetings::upcoming_of(conn, &target.id, ctx.now, 50)?
        .into_iter()
        .find(|m| {
            !m.is_cancelled()
                && ctx.now.and_utc()
                    <= super::meetings::timeline_for(m, &target, ctx.calendars).proposal_deadline
        })
        .ok_or_else(|| {
            AppError::Validation(vec![FieldError::new(
                "body_slug",
                "no_open_meeting",
                crate::i18n::say_args(
                    "err-referrals-no-open-meeting",
                    &[("body", crate::i18n::Arg::Text(&target.name))],
                ),
            )])
        })?;
    let proposer = actor.user_id.clone().unwrap_or_default();
    let org = match (&item.organisation_id, &paper) {
        (_, Some(pp)) if pp.presenting_organisation_id.is_some() => {
            pp.presenting_organisation_id.clone().unwrap_or_default()
        }
        (Some(o), _) => o.clone(),
        _ => users::find(conn, &proposer)?
            .map(|u| u.organisation_id)
            .ok_or(AppError::Forbidden)?,
    };
    let title = paper
        .as_ref()
        .map(|pp| pp.title.clone())
        .unwrap_or(item.title.clone());
    let item_type = paper
        .as_ref()
        .and_then(|pp| pp.item_type.clone())
        .or(item.item_type.clone())
        .unwrap_or_else(|| "discussion".into());
    let when = crate::domain::format::london_datetime(meeting.starts_at);
    let proposal = Proposal {
        id: crate::clock::new_id(),
        meeting_id: open.id.clone(),
        proposer_user_id: proposer,
        title,
        item_type,
        presenting_organisation_id: org,
        priority_id: None,
        no_priority_reason: format!(
            "Referred by the {} from its meeting on {when}: {note}",
            body.name
        ),
        minutes_estimate: Some(item.minutes_allocated),
        status: "proposed".into(),
        outcome_reason: None,
        deferred_to_meeting_id: None,
        paper_id: None,
        decided_by: None,
        decided_at: None,
        created_at: ctx.now,
        referred_from_item_id: Some(item.id.clone()),
        key_decision: paper.as_ref().is_some_and(|pp| pp.key_decision),
        // A confidential item stays confidential where it is referred.
        exempt_category: paper
            .as_ref()
            .and_then(|pp| pp.exempt_category)
            .or(item.exempt_category),
    };
    proposals::insert(conn, &proposal)?;
    actor.audit(
        conn,
        ctx.now,
        "agenda.refer",
        "meeting",
        &meeting.id,
        format!("referred '{}' to the {}", proposal.title, target.name),
    )?;
    for m in memberships::members_of(conn, &target.id)? {
        if Role::parse(&m.role) != Some(Role::Secretariat) {
            continue;
        }
        let Some(u) = users::find(conn, &m.user_id)? else {
            continue;
        };
        crate::mail::messages::written_for(u.language.as_deref(), target.bilingual, || {
            use crate::i18n::{Arg, t, t_args};
            let when = crate::domain::format::london_datetime(open.starts_at);
            let from = [
                ("from", Arg::Text(&body.name)),
                ("title", Arg::Text(&proposal.title)),
            ];
            Notice {
                template: "referral",
                to: u.email.clone(),
                name: u.name.clone(),
                subject: t_args("mail-referral-subject", &from),
                lines: vec![
                    t_args(
                        "mail-referral",
                        &[
                            ("from", Arg::Text(&body.name)),
                            ("title", Arg::Text(&proposal.title)),
                            ("to", Arg::Text(&target.name)),
                            ("when", Arg::Text(&when)),
                        ],
                    ),
                    t_args("mail-referral-asked", &[("note", Arg::Text(&note))]),
                    t("mail-referral-decide"),
                ],
                link_text: t("mail-open-meeting"),
                link: format!("{}/meetings/{}", ctx.base_url, open.id),
            }
            .render()
        })?
        .enqueue(
            conn,
            Some(format!("referral:{}:{}", proposal.id, m.user_id)),
            ctx.now,
        )?;
    }
    Ok(proposal)
}

/// Where a referred proposal came from, in words: "Referred by the Safer
/// Communities Group (meeting on …)".
pub fn origin_words(conn: &mut DbConn, item_id: &str) -> AppResult<Option<(String, String)>> {
    let Some(item) = agenda::find_item(conn, item_id)? else {
        return Ok(None);
    };
    let Some(m) = meetings::find(conn, &item.meeting_id)? else {
        return Ok(None);
    };
    let Some(b) = bodies::find(conn, &m.body_id)? else {
        return Ok(None);
    };
    Ok(Some((
        format!(
            "Referred by the {} from its meeting on {}",
            b.name,
            crate::domain::format::london_datetime(m.starts_at)
        ),
        m.id,
    )))
}
