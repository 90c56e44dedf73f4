//! Item proposals: raised before the proposal deadline, then accepted (a
//! draft paper is started for the proposer), deferred to a later meeting, or
//! declined with a reason. The proposer is told the outcome.

use serde::Deserialize;
use utoipa::ToSchema;

use super::{Actor, Ctx};
use crate::db::bodies;
use crate::db::meetings::{self, Meeting};
use crate::db::proposals;
pub use crate::db::proposals::Proposal;
use crate::db::{DbConn, organisations, priorities, users};
use crate::domain::briefing::ItemType;
use crate::domain::roles::Grants;
use crate::domain::validate::Problems;
use crate::error::{AppError, AppResult, FieldError};
use crate::mail::messages::Notice;

#[derive(Clone, Debug, Default, Deserialize, ToSchema)]
pub struct ProposalInput {
    pub title: Option<String>,
    /// decision, discussion or information
    #[schema(pattern = "^(decision|discussion|information)$")]
    pub item_type: Option<String>,
    pub presenting_organisation_id: Option<String>,
    pub priority_id: Option<String>,
    pub no_priority_reason: Option<String>,
    #[schema(minimum = 1, maximum = 240)]
    pub minutes_estimate: Option<i32>,
    /// A key decision: the forward plan gives 28 clear days' public notice.
    pub key_decision: Option<bool>,
    /// Confidential: a paragraph of the body's exempt catalogue (1 to 7 in
    /// England, 12 to 18 in Wales, 1 to 15 in Scotland, ground 1 or 2 under
    /// the 1960 Act); the forward plan then shows only the paragraph.
    #[schema(minimum = 1, maximum = 18)]
    pub exempt_category: Option<i32>,
}

pub fn propose(
    conn: &mut DbConn,
    actor: &Actor,
    grants: &Grants,
    meeting: &Meeting,
    input: &ProposalInput,
    ctx: &Ctx<'_>,
) -> AppResult<Proposal> {
    let body = bodies::find(conn, &meeting.body_id)?.ok_or(AppError::NotFound)?;
    if !grants.can_propose_in(&body.id) {
        return Err(AppError::Forbidden);
    }
    if meeting.is_cancelled() {
        return Err(AppError::Validation(vec![FieldError::new(
            "meeting_id",
            "meeting_cancelled",
            crate::i18n::say("err-meetings-cancelled"),
        )]));
    }
    let timeline = super::meetings::timeline_for(meeting, &body, ctx.calendars);
    if ctx.now.and_utc() > timeline.proposal_deadline {
        return Err(AppError::Validation(vec![FieldError::new(
            "meeting_id",
            "proposal_deadline_passed",
            crate::i18n::say_args(
                "err-proposals-deadline-passed",
                &[(
                    "due",
                    crate::i18n::Arg::Text(&crate::i18n::with(crate::i18n::reader(), || {
                        crate::domain::format::london_datetime(
                            timeline.proposal_deadline.naive_utc(),
                        )
                    })),
                )],
            ),
        )]));
    }
    let mut p = Problems::new();
    let title = p.line("title", "field-title", input.title.as_deref(), 200);
    let item_type = match input.item_type.as_deref().and_then(ItemType::parse) {
        Some(t) => t.as_str().to_string(),
        None => {
            p.add(
                "item_type",
                "required",
                crate::i18n::say("err-proposals-required"),
            );
            String::new()
        }
    };
    let org = input.presenting_organisation_id.as_deref().unwrap_or("");
    if organisations::find(conn, org)?.is_none() {
        p.add(
            "presenting_organisation_id",
            "required",
            crate::i18n::say("err-proposals-required-presenting-organisation-id"),
        );
    }
    let priority_id = input.priority_id.as_deref().filter(|s| !s.is_empty());
    if let Some(pid) = priority_id {
        if !priorities::find(conn, pid)?.is_some_and(|x| x.body_id == body.id && x.active) {
            p.add(
                "priority_id",
                "invalid",
                crate::i18n::say("err-papers-invalid-priority-id"),
            );
        }
    } else if input
        .no_priority_reason
        .as_deref()
        .is_none_or(|r| r.trim().is_empty())
    {
        p.add(
            "priority_id",
            "required",
            crate::i18n::say("err-proposals-required-priority-id"),
        );
    }
    if input
        .minutes_estimate
        .is_some_and(|m| !(1..=240).contains(&m))
    {
        p.add(
            "minutes_estimate",
            "out_of_range",
            crate::i18n::say("err-papers-out-of-range"),
        );
    }
    if let Some(problem) = input
        .exempt_category
        .and_then(|c| crate::domain::rules::paragraph_problem(body.profile(), c))
    {
        p.add("exempt_category", "invalid", problem);
    }
    let reason = input.no_priority_reason.clone().unwrap_or_default();
    if reason.chars().count() > 2000 {
        p.add(
            "no_priority_reason",
            "too_long",
            crate::i18n::say("err-papers-too-long"),
        );
    }
    p.finish()?;
    let proposal = Proposal {
        id: crate::clock::new_id(),
        meeting_id: meeting.id.clone(),
        proposer_user_id: actor.user_id.clone().unwrap_or_default(),
        title,
        item_type,
        presenting_organisation_id: org.to_string(),
        priority_id: priority_id.map(str::to_string),
        no_priority_reason: reason.trim().to_string(),
        minutes_estimate: input.minutes_estimate,
        status: "proposed".into(),
        outcome_reason: None,
        deferred_to_meeting_id: None,
        paper_id: None,
        decided_by: None,
        decided_at: None,
        created_at: ctx.now,
        referred_from_item_id: None,
        key_decision: input.key_decision.unwrap_or(false),
        exempt_category: input.exempt_category,
    };
    proposals::insert(conn, &proposal)?;
    actor.audit(
        conn,
        ctx.now,
        "proposal.create",
        "meeting",
        &meeting.id,
        format!("proposed '{}'", proposal.title),
    )?;
    Ok(proposal)
}

/// What the secretariat decides.
pub enum Outcome<'a> {
    Accept,
    Defer { to_meeting_id: &'a str },
    Decline { reason: &'a str },
}

pub fn decide(
    conn: &mut DbConn,
    actor: &Actor,
    grants: &Grants,
    proposal: &Proposal,
    outcome: Outcome<'_>,
    ctx: &Ctx<'_>,
) -> AppResult<Proposal> {
    let meeting = meetings::find(conn, &proposal.meeting_id)?.ok_or(AppError::NotFound)?;
    let body = bodies::find(conn, &meeting.body_id)?.ok_or(AppError::NotFound)?;
    if !grants.can_manage_body(&body.id) {
        return Err(AppError::Forbidden);
    }
    if proposal.status != "proposed" {
        return Err(AppError::Conflict(vec![FieldError::new(
            "status",
            "decided",
            crate::i18n::say_args(
                "err-proposals-decided-already",
                &[("status", crate::i18n::Arg::Text(&proposal.status))],
            ),
        )]));
    }
    let mut p = proposal.clone();
    p.decided_by = Some(actor.label.clone());
    p.decided_at = Some(ctx.now);
    let (summary, told): (String, Told) = match outcome {
        Outcome::Accept => {
            // The proposer was checked when proposing; the paper is started for them.
            let author_grants = Grants {
                is_admin: true,
                roles: Vec::new(),
                organisation_id: String::new(),
            };
            let input = super::papers::PaperInput {
                title: Some(p.title.clone()),
                item_type: Some(Some(p.item_type.clone())),
                presenting_organisation_id: Some(Some(p.presenting_organisation_id.clone())),
                priority_id: Some(p.priority_id.clone()),
                no_priority_reason: Some(p.no_priority_reason.clone()),
                minutes_allocated: Some(p.minutes_estimate),
                key_decision: Some(p.key_decision),
                exempt_category: Some(p.exempt_category),
                ..Default::default()
            };
            let author = Actor {
                user_id: Some(p.proposer_user_id.clone()),
                label: actor.label.clone(),
                client_addr: actor.client_addr.clone(),
            };
            let paper = super::papers::create_paper(
                conn,
                &author,
                &author_grants,
                &p.proposer_user_id,
                &meeting,
                &input,
                ctx.now,
            )?;
            p.status = "accepted".into();
            p.paper_id = Some(paper.id.clone());
            (format!("accepted '{}'", p.title), Told::Accepted)
        }
        Outcome::Defer { to_meeting_id } => {
            let later = meetings::find(conn, to_meeting_id)?
                .filter(|m| {
                    m.body_id == body.id && !m.is_cancelled() && m.starts_at > meeting.starts_at
                })
                .ok_or_else(|| {
                    AppError::Validation(vec![FieldError::new(
                        "meeting_id",
                        "invalid",
                        crate::i18n::say("err-proposals-invalid"),
                    )])
                })?;
            let moved = Proposal {
                id: crate::clock::new_id(),
                meeting_id: later.id.clone(),
                created_at: ctx.now,
                ..proposal.clone()
            };
            proposals::insert(conn, &moved)?;
            p.status = "deferred".into();
            p.deferred_to_meeting_id = Some(later.id.clone());
            let when = crate::domain::format::london_datetime(later.starts_at);
            (
                format!("deferred '{}' to {when}", p.title),
                Told::Deferred(later.starts_at),
            )
        }
        Outcome::Decline { reason } => {
            let reason = reason.trim();
            if reason.is_empty() || reason.chars().count() > 2000 {
                return Err(AppError::Validation(vec![FieldError::new(
                    "reason",
                    "required",
                    crate::i18n::say("err-proposals-required-reason"),
                )]));
            }
            p.status = "declined".into();
            p.outcome_reason = Some(reason.to_string());
            (
                format!("declined '{}': {reason}", p.title),
                Told::Declined(reason.to_string()),
            )
        }
    };
    if !proposals::decide(conn, &p)? {
        return Err(AppError::Conflict(vec![FieldError::new(
            "status",
            "decided",
            crate::i18n::say("err-proposals-decided"),
        )]));
    }
    actor.audit(
        conn,
        ctx.now,
        "proposal.decide",
        "meeting",
        &meeting.id,
        summary,
    )?;
    if let Some(u) = users::find(conn, &p.proposer_user_id)? {
        let link = match &p.paper_id {
            Some(paper) => format!("{}/papers/{paper}/edit", ctx.base_url),
            None => format!("{}/my/papers", ctx.base_url),
        };
        crate::mail::messages::written_for(u.language.as_deref(), body.bilingual, || {
            use crate::i18n::{Arg, t, t_args};
            let named = [
                ("title", Arg::Text(&p.title)),
                ("body", Arg::Text(&body.name)),
            ];
            let (subject, lines) = match &told {
                Told::Accepted => (
                    "mail-proposal-accepted-subject",
                    vec![
                        t_args("mail-proposal-accepted", &named),
                        t("mail-proposal-started"),
                    ],
                ),
                Told::Deferred(at) => {
                    let when = crate::domain::format::london_datetime(*at);
                    (
                        "mail-proposal-deferred-subject",
                        vec![t_args(
                            "mail-proposal-deferred",
                            &[
                                ("title", Arg::Text(&p.title)),
                                ("body", Arg::Text(&body.name)),
                                ("when", Arg::Text(&when)),
                            ],
                        )],
                    )
                }
                Told::Declined(reason) => (
                    "mail-proposal-declined-subject",
                    vec![
                        t_args("mail-proposal-declined", &named),
                        t_args("mail-proposal-reason", &[("reason", Arg::Text(reason))]),
                    ],
                ),
            };
            Notice {
                template: "proposal_outcome",
                to: u.email.clone(),
                name: u.name.clone(),
                subject: t_args(subject, &named),
                lines,
                link_text: t(if p.paper_id.is_some() {
                    "mail-proposal-write"
                } else {
                    "mail-proposal-yours"
                }),
                link: link.clone(),
            }
            .render()
        })?
        .enqueue(conn, Some(format!("proposal:{}", p.id)), ctx.now)?;
    }
    Ok(p)
}

/// What the proposer is told, written in their language when the mail is.
enum Told {
    Accepted,
    Deferred(chrono::NaiveDateTime),
    Declined(String),
}

/// A proposal by id; 404 when there is none.
pub fn find(conn: &mut DbConn, id: &str) -> AppResult<Proposal> {
    proposals::find(conn, id)?.ok_or(AppError::NotFound)
}

/// A meeting's proposals, for anyone with a role in its body (403 for others).
pub fn of_meeting(
    conn: &mut DbConn,
    grants: &Grants,
    user_id: &str,
    meeting_id: &str,
) -> AppResult<Vec<Proposal>> {
    let (m, body) = super::meetings::with_body(conn, meeting_id)?;
    if !grants.is_admin && grants.role_in(&body.id).is_none() {
        return Err(AppError::Forbidden);
    }
    Ok(seen_by(
        proposals::of_meeting(conn, &m.id)?,
        grants,
        user_id,
        &body.id,
    ))
}

/// The proposals a person with a role in the body may read: a confidential
/// one only if their role sees exempt material, or they proposed it.
pub fn seen_by(
    list: Vec<Proposal>,
    grants: &Grants,
    user_id: &str,
    body_id: &str,
) -> Vec<Proposal> {
    let sees_exempt = grants.is_admin
        || grants
            .role_in(body_id)
            .is_some_and(crate::domain::roles::Role::sees_exempt);
    list.into_iter()
        .filter(|p| p.exempt_category.is_none() || sees_exempt || p.proposer_user_id == user_id)
        .collect()
}
