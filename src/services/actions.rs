//! Actions with named owners: creating them from decisions or items,
//! progress notes, re-dating with a reason, closing or dropping, and the
//! reminders and escalations the worker sends.

use chrono::{NaiveDate, NaiveDateTime};
use serde::Deserialize;
use utoipa::ToSchema;

use super::{Actor, Ctx};
use crate::db::actions;
pub use crate::db::actions::{Action, ActionEvent};
use crate::db::bodies::{self, Body};
use crate::db::{DbConn, agenda, meetings, memberships, record, users};
use crate::domain::actions::{ActionStatus, Reminder, next_reminder_day, reminders};
use crate::domain::format::london_date_words;
use crate::domain::roles::{Grants, Role};
use crate::domain::validate::Problems;
use crate::error::{AppError, AppResult, FieldError};
use crate::i18n::{Arg, t, t_args};
use crate::mail::messages::{self, Notice};

#[derive(Debug, Default, Deserialize, ToSchema)]
pub struct ActionInput {
    /// The decision the action carries out (or give `item_id`).
    pub decision_id: Option<String>,
    /// The agenda item it arose from, when there is no decision.
    pub item_id: Option<String>,
    #[schema(max_length = 2000)]
    pub description: Option<String>,
    /// A person in the system; their organisation owns it with them.
    pub owner_user_id: Option<String>,
    /// YYYY-MM-DD; may be in the past when recording history.
    #[schema(format = Date)]
    pub due_on: Option<String>,
    /// A key the form or client sends once per action: a repeat returns the first.
    #[schema(max_length = 255)]
    pub idempotency_key: Option<String>,
    /// A bilingual body's action: the Welsh of its description,
    /// `{"cy": {"description": "…"}}` (`description` holds the English).
    #[schema(value_type = Option<std::collections::HashMap<String, std::collections::HashMap<String, String>>>)]
    pub translations: Option<super::translations::TranslationsInput>,
}

fn parse_date(
    p: &mut Problems,
    field: &str,
    value: Option<&str>,
    required: bool,
) -> Option<NaiveDate> {
    match value.map(str::trim).filter(|v| !v.is_empty()) {
        None => {
            if required {
                p.add(field, "required", crate::i18n::say("err-actions-required"));
            }
            None
        }
        Some(v) => match NaiveDate::parse_from_str(v, "%Y-%m-%d") {
            Ok(d) if crate::domain::validate::plausible(d) => Some(d),
            Ok(_) => {
                p.add(
                    field,
                    "out_of_range",
                    crate::i18n::say("err-actions-out-of-range"),
                );
                None
            }
            Err(_) => {
                p.add(field, "invalid", crate::i18n::say("err-actions-invalid"));
                None
            }
        },
    }
}

fn event(a: &Action, actor: &Actor, kind: &str, note: String, now: NaiveDateTime) -> ActionEvent {
    ActionEvent {
        id: crate::clock::new_id(),
        action_id: a.id.clone(),
        kind: kind.to_string(),
        note,
        old_due_on: None,
        new_due_on: None,
        status: None,
        author_user_id: actor.user_id.clone(),
        author: actor.label.clone(),
        created_at: now,
    }
}

/// Creates an action (the body's secretariat). Every problem is reported at once.
pub fn create(
    conn: &mut DbConn,
    actor: &Actor,
    grants: &Grants,
    input: &ActionInput,
    ctx: &Ctx<'_>,
) -> AppResult<Action> {
    // A key replays only this caller's own action on the same decision or
    // item, and only while they may still manage its body.
    let target = input
        .decision_id
        .as_deref()
        .or(input.item_id.as_deref())
        .unwrap_or_default();
    let key = input
        .idempotency_key
        .as_deref()
        .filter(|k| !k.is_empty())
        .map(|k| crate::domain::idempotency::scoped(actor.key_owner(), "action", target, k));
    let digest = key.as_ref().map(|_| {
        crate::domain::idempotency::digest(&[
            input.decision_id.as_deref(),
            input.item_id.as_deref(),
            input.description.as_deref(),
            input.owner_user_id.as_deref(),
            input.due_on.as_deref(),
        ])
    });
    if let (Some(k), Some(sent)) = (&key, &digest)
        && let Some(a) = actions::by_key(conn, k)?
        && grants.can_manage_body(&a.body_id)
    {
        return super::replay(a.idempotency_digest.clone(), sent, a);
    }
    // Rights first: someone who manages no body, or not the target's body,
    // is refused before anything they sent is judged.
    if !grants.manages_any_body() {
        return Err(AppError::Forbidden);
    }
    let mut p = Problems::new();
    // What the action hangs from: a decision, or an item.
    let (decision, item) = match (
        input.decision_id.as_deref().filter(|s| !s.is_empty()),
        input.item_id.as_deref().filter(|s| !s.is_empty()),
    ) {
        (Some(d), _) => match record::find_decision(conn, d)? {
            Some(dec) if dec.withdrawn_at.is_some() => {
                p.add(
                    "decision_id",
                    "withdrawn",
                    crate::i18n::say_args(
                        "err-actions-decision-withdrawn",
                        &[("reference", crate::i18n::Arg::Text(&dec.reference))],
                    ),
                );
                (None, None)
            }
            Some(dec) => {
                let item = agenda::find_item(conn, &dec.item_id)?;
                (Some(dec), item)
            }
            None => {
                p.add(
                    "decision_id",
                    "unknown",
                    crate::i18n::say("err-actions-unknown"),
                );
                (None, None)
            }
        },
        (None, Some(i)) => match agenda::find_item(conn, i)? {
            Some(item) => (None, Some(item)),
            None => {
                p.add(
                    "item_id",
                    "unknown",
                    crate::i18n::say("err-actions-unknown-item-id"),
                );
                (None, None)
            }
        },
        (None, None) => {
            p.add(
                "decision_id",
                "required",
                crate::i18n::say("err-actions-required-decision-id"),
            );
            (None, None)
        }
    };
    if let Some(item) = &item {
        let meeting = meetings::find(conn, &item.meeting_id)?.ok_or(AppError::NotFound)?;
        if !grants.can_manage_body(&meeting.body_id) {
            return Err(AppError::Forbidden);
        }
    }
    let description = p.text_block(
        "description",
        "field-action-description",
        input.description.as_deref(),
        2000,
    );
    let owner = owner_named(conn, &mut p, input.owner_user_id.as_deref())?;
    let due = parse_date(&mut p, "due_on", input.due_on.as_deref(), true);
    p.finish()?;
    let (Some(owner), Some(due), Some(item)) = (owner, due, item) else {
        return Err(AppError::internal("checked action input missing"));
    };
    let meeting = meetings::find(conn, &item.meeting_id)?.ok_or(AppError::NotFound)?;
    let exempt = decision.as_ref().map(|d| d.exempt).unwrap_or(false)
        || super::record::item_exempt(conn, &item)?;
    let a = Action {
        id: crate::clock::new_id(),
        body_id: meeting.body_id.clone(),
        meeting_id: Some(meeting.id.clone()),
        item_id: Some(item.id.clone()),
        decision_id: decision.map(|d| d.id),
        description,
        owner_user_id: owner.id.clone(),
        owner_organisation_id: owner.organisation_id.clone(),
        due_on: due,
        status: "open".into(),
        dropped_reason: None,
        closed_on: None,
        exempt,
        version: 1,
        idempotency_key: key,
        idempotency_digest: digest,
        created_by: actor.label.clone(),
        created_at: ctx.now,
        updated_at: ctx.now,
    };
    actions::insert(conn, &a)?;
    actions::add_event(conn, &event(&a, actor, "created", String::new(), ctx.now))?;
    actor.audit(
        conn,
        ctx.now,
        "action.create",
        "action",
        &a.id,
        format!("action for {}: {}", owner.name, a.description),
    )?;
    // The Welsh first, so that a Welsh reader's mail carries it.
    save_welsh(
        conn,
        actor,
        grants,
        &a.id,
        input.translations.as_ref(),
        ctx.now,
    )?;
    let body = bodies::find(conn, &a.body_id)?.ok_or(AppError::NotFound)?;
    tell_owner(
        conn,
        &a,
        &body,
        &owner,
        "action_assigned",
        &|desc| assigned_words(&body, &a, desc),
        format!("assigned:{}", a.id),
        ctx,
    )?;
    Ok(a)
}

/// The person named as an action's owner, or the problem with the name.
fn owner_named(
    conn: &mut DbConn,
    p: &mut Problems,
    id: Option<&str>,
) -> AppResult<Option<users::User>> {
    let id = id.map(str::trim).unwrap_or("");
    if id.is_empty() {
        p.add(
            "owner_user_id",
            "required",
            crate::i18n::say("err-actions-required-owner-user-id"),
        );
        return Ok(None);
    }
    let u = users::find(conn, id)?;
    if u.is_none() {
        p.add(
            "owner_user_id",
            "unknown_person",
            crate::i18n::say("err-actions-unknown-person"),
        );
    }
    Ok(u)
}

/// The words of mail about an action, in the language being written,
/// given the action's description in that language: (subject, lines).
type ActionWords<'a> = dyn Fn(&str) -> (String, Vec<String>) + 'a;

/// Mail about an action to a person, in their language (both, Welsh
/// first, for a bilingual body's person who has not chosen).
#[allow(clippy::too_many_arguments)]
fn action_mail(
    conn: &mut DbConn,
    a: &Action,
    body: &Body,
    to: &users::User,
    template: &'static str,
    words: &ActionWords<'_>,
    link: (&str, String),
    dedupe: String,
    ctx: &Ctx<'_>,
) -> AppResult<bool> {
    // The action's description, in Welsh in the Welsh where it has one.
    let described = super::translations::Quoted::of(
        conn,
        body,
        crate::domain::translation::Subject::Action,
        &a.id,
        "description",
        &a.description,
    )?;
    messages::written_for(to.language.as_deref(), body.bilingual, || {
        let (subject, lines) = words(described.now());
        Notice {
            template,
            to: to.email.clone(),
            name: to.name.clone(),
            subject,
            lines,
            link_text: crate::i18n::t(link.0),
            link: link.1.clone(),
        }
        .render()
    })?
    .about(&a.body_id)
    .enqueue(conn, Some(dedupe), ctx.now)
}

#[allow(clippy::too_many_arguments)]
fn tell_owner(
    conn: &mut DbConn,
    a: &Action,
    body: &Body,
    owner: &users::User,
    template: &'static str,
    words: &ActionWords<'_>,
    dedupe: String,
    ctx: &Ctx<'_>,
) -> AppResult<()> {
    action_mail(
        conn,
        a,
        body,
        owner,
        template,
        words,
        (
            "mail-action-open",
            format!("{}/actions/{}", ctx.base_url, a.id),
        ),
        format!("action:{dedupe}"),
        ctx,
    )?;
    Ok(())
}

/// "The board has given you an action", in the language being written.
fn assigned_words(body: &Body, a: &Action, desc: &str) -> (String, Vec<String>) {
    let due = london_date_words(a.due_on);
    (
        t_args("mail-action-assigned-subject", &[("due", Arg::Text(&due))]),
        vec![
            t_args("mail-action-assigned", &[("body", Arg::Text(&body.name))]),
            desc.to_string(),
            t_args("mail-action-due-on", &[("due", Arg::Text(&due))]),
            t("mail-action-notes"),
        ],
    )
}

#[derive(Debug, Default, Deserialize, ToSchema)]
pub struct ActionPatch {
    /// open, in_progress, done or dropped
    #[schema(pattern = "^(open|in_progress|done|dropped)$")]
    pub status: Option<String>,
    /// A dated progress note.
    #[schema(max_length = 5000)]
    pub note: Option<String>,
    /// A new due date (YYYY-MM-DD); needs `reason`.
    #[schema(format = Date)]
    pub due_on: Option<String>,
    /// Why the due date changed, or why the action is dropped.
    #[schema(max_length = 2000)]
    pub reason: Option<String>,
}

/// May this person change the action? Its owner and the body's secretariat.
pub fn may_update(grants: &Grants, user_id: &str, a: &Action) -> bool {
    a.owner_user_id == user_id || grants.can_manage_body(&a.body_id)
}

/// May this person see it? Owner, the body's people (exempt ones: those who
/// may see exempt material), admins.
pub fn may_view(grants: Option<&Grants>, user_id: Option<&str>, a: &Action) -> bool {
    if user_id == Some(a.owner_user_id.as_str()) || grants.is_some_and(|g| g.is_admin) {
        return true;
    }
    match grants.and_then(|g| g.role_in(&a.body_id)) {
        Some(r) if a.exempt => r.sees_exempt(),
        Some(_) => true,
        None => !a.exempt,
    }
}

/// Progress notes, status changes and re-dating, in one change. `If-Match`
/// is checked against `expected`.
#[allow(clippy::too_many_arguments)]
pub fn update(
    conn: &mut DbConn,
    actor: &Actor,
    grants: &Grants,
    user_id: &str,
    a: &Action,
    patch: &ActionPatch,
    expected: Option<i32>,
    ctx: &Ctx<'_>,
) -> AppResult<Action> {
    if !may_update(grants, user_id, a) {
        return Err(AppError::Forbidden);
    }
    if expected.is_some_and(|e| e != a.version) {
        return Err(AppError::PreconditionFailed);
    }
    let current = ActionStatus::parse(&a.status).unwrap_or(ActionStatus::Open);
    let mut p = Problems::new();
    let note = patch
        .note
        .as_deref()
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .map(|n| p.text_block("note", "field-action-note", Some(n), 5000));
    let reason = patch
        .reason
        .as_deref()
        .map(str::trim)
        .filter(|r| !r.is_empty())
        .map(|r| p.text_block("reason", "field-action-reason", Some(r), 2000));
    let next = match patch
        .status
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        None => None,
        Some(s) => match ActionStatus::parse(s) {
            None => {
                p.add(
                    "status",
                    "invalid",
                    crate::i18n::say("err-actions-invalid-status"),
                );
                None
            }
            Some(n) if n == current => None,
            Some(n) if !current.can_become(n) => {
                return Err(AppError::Conflict(vec![FieldError::new(
                    "status",
                    "invalid_transition",
                    crate::i18n::say_args(
                        "err-actions-invalid-transition",
                        &[
                            (
                                "from",
                                crate::i18n::Arg::Text(
                                    &current.label_in(crate::i18n::reader()).to_lowercase(),
                                ),
                            ),
                            (
                                "to",
                                crate::i18n::Arg::Text(
                                    &n.label_in(crate::i18n::reader()).to_lowercase(),
                                ),
                            ),
                        ],
                    ),
                )]));
            }
            Some(n) => Some(n),
        },
    };
    if next == Some(ActionStatus::Dropped) && reason.is_none() {
        p.add(
            "reason",
            "required",
            crate::i18n::say("err-actions-required-reason"),
        );
    }
    let new_due =
        parse_date(&mut p, "due_on", patch.due_on.as_deref(), false).filter(|d| *d != a.due_on);
    if new_due.is_some() && reason.is_none() {
        p.add(
            "reason",
            "required",
            crate::i18n::say("err-actions-required-2"),
        );
    }
    if new_due.is_some() && current.is_closed() {
        p.add("due_on", "closed", crate::i18n::say("err-actions-closed"));
    }
    if note.is_none() && next.is_none() && new_due.is_none() {
        p.add(
            "note",
            "required",
            crate::i18n::say("err-actions-required-note"),
        );
    }
    p.finish()?;
    let mut updated = a.clone();
    updated.version += 1;
    updated.updated_at = ctx.now;
    let today = crate::domain::timeline::london_date(ctx.now.and_utc());
    if let Some(n) = note {
        actions::add_event(conn, &event(a, actor, "note", n, ctx.now))?;
    }
    if let Some(d) = new_due {
        let mut e = event(
            a,
            actor,
            "due_changed",
            reason.clone().unwrap_or_default(),
            ctx.now,
        );
        e.old_due_on = Some(a.due_on);
        e.new_due_on = Some(d);
        actions::add_event(conn, &e)?;
        updated.due_on = d;
    }
    if let Some(n) = next {
        let mut e = event(
            a,
            actor,
            "status",
            if n == ActionStatus::Dropped {
                reason.clone().unwrap_or_default()
            } else {
                String::new()
            },
            ctx.now,
        );
        e.status = Some(n.as_str().to_string());
        actions::add_event(conn, &e)?;
        updated.status = n.as_str().to_string();
        if n.is_closed() {
            updated.closed_on = Some(today);
        }
        if n == ActionStatus::Dropped {
            updated.dropped_reason = reason.clone();
        }
    }
    if !actions::save(conn, &updated, a.version)? {
        return Err(AppError::PreconditionFailed);
    }
    actor.audit(
        conn,
        ctx.now,
        "action.update",
        "action",
        &a.id,
        format!("updated action (version {})", updated.version),
    )?;
    // The owner hears about a new due date set by someone else.
    if let Some(d) = new_due
        && actor.user_id.as_deref() != Some(a.owner_user_id.as_str())
        && let Some(owner) = users::find(conn, &a.owner_user_id)?
    {
        let body = bodies::find(conn, &a.body_id)?.ok_or(AppError::NotFound)?;
        let why = reason.unwrap_or_default();
        tell_owner(
            conn,
            &updated,
            &body,
            &owner,
            "action_redated",
            &|desc| {
                let (from, to) = (london_date_words(a.due_on), london_date_words(d));
                (
                    t_args("mail-action-redated-subject", &[("due", Arg::Text(&to))]),
                    vec![
                        t_args("mail-action-redated", &[("body", Arg::Text(&body.name))]),
                        desc.to_string(),
                        t_args(
                            "mail-action-from-to",
                            &[("from", Arg::Text(&from)), ("to", Arg::Text(&to))],
                        ),
                        t_args("mail-action-why", &[("reason", Arg::Text(&why))]),
                    ],
                )
            },
            format!("redated:{}:{}", a.id, updated.version),
            ctx,
        )?;
    }
    Ok(updated)
}

/// Who an overdue action escalates to: the body's chair and the owner's
/// sponsor. The sponsor is the one who signed off the paper the action arose
/// from, when the owner's organisation presented it; otherwise it is the
/// owner organisation's member (or vice-chair) on the body, the chief officer
/// who speaks for it there. The owner is not among them: the weekly overdue
/// reminder already goes to them.
fn escalation_to(conn: &mut DbConn, a: &Action) -> AppResult<Vec<String>> {
    let members = memberships::members_of(conn, &a.body_id)?;
    let mut to: Vec<String> = members
        .iter()
        .filter(|m| m.role == Role::Chair.as_str())
        .map(|m| m.user_id.clone())
        .collect();
    match paper_sponsor(conn, a)? {
        Some(sponsor) => to.push(sponsor),
        None => to.extend(
            members
                .iter()
                .filter(|m| {
                    m.organisation_id == a.owner_organisation_id
                        && matches!(m.role.as_str(), "member" | "vice_chair")
                })
                .map(|m| m.user_id.clone()),
        ),
    }
    to.sort();
    to.dedup();
    to.retain(|u| *u != a.owner_user_id);
    Ok(to)
}

/// The sponsor of the paper behind an action's item (or its decision's item),
/// if the owner's organisation presented that paper.
fn paper_sponsor(conn: &mut DbConn, a: &Action) -> AppResult<Option<String>> {
    let item_id = match (&a.item_id, &a.decision_id) {
        (Some(item), _) => Some(item.clone()),
        (None, Some(decision)) => record::find_decision(conn, decision)?.map(|d| d.item_id),
        (None, None) => None,
    };
    let Some(item) = item_id
        .map(|id| agenda::find_item(conn, &id))
        .transpose()?
        .flatten()
    else {
        return Ok(None);
    };
    let Some(paper) = item
        .paper_id
        .map(|id| crate::db::papers::find(conn, &id))
        .transpose()?
        .flatten()
    else {
        return Ok(None);
    };
    Ok(paper
        .sponsor_user_id
        .filter(|_| paper.presenting_organisation_id.as_deref() == Some(&a.owner_organisation_id)))
}

/// Worker step: reminders 5 working days before, on the day, weekly while
/// overdue; after 10 working days overdue, the chair and the owner's sponsor
/// are told (see [`escalation_to`]). Each is sent once. Only the open
/// actions due a look today are read; each is then given the day of its
/// next look (the first day it earns a new reminder), in the same
/// transaction as its mail.
pub fn send_reminders(conn: &mut DbConn, ctx: &Ctx<'_>) -> AppResult<usize> {
    let today = crate::domain::timeline::london_date(ctx.now.and_utc());
    let due = actions::reminders_due(conn, today)?;
    if due.is_empty() {
        return Ok(0);
    }
    let all_bodies = bodies::by_id(conn)?;
    let mut people = std::collections::HashMap::new();
    let mut queued = 0;
    for a in due {
        let Some(body) = all_bodies.get(&a.body_id) else {
            continue;
        };
        let cal = super::meetings::calendar_for(ctx.calendars, body);
        let status = ActionStatus::parse(&a.status).unwrap_or(ActionStatus::Open);
        actions::set_next_reminder(
            conn,
            &a.id,
            next_reminder_day(status, a.due_on, today, &cal),
        )?;
        if !people.contains_key(&a.owner_user_id) {
            let found = users::find(conn, &a.owner_user_id)?;
            people.insert(a.owner_user_id.clone(), found);
        }
        let Some(Some(owner)) = people.get(&a.owner_user_id) else {
            continue;
        };
        let link = format!("{}/actions/{}", ctx.base_url, a.id);
        for r in reminders(status, a.due_on, today, &cal) {
            match r {
                Reminder::Escalate => {
                    let to = escalation_to(conn, &a)?;
                    for uid in to {
                        let Some(u) = users::find(conn, &uid)? else {
                            continue;
                        };
                        let words = |desc: &str| {
                            let due = london_date_words(a.due_on);
                            (
                                t_args(
                                    "mail-action-escalated-subject",
                                    &[("owner", Arg::Text(&owner.name))],
                                ),
                                vec![
                                    t_args(
                                        "mail-action-escalated",
                                        &[
                                            ("body", Arg::Text(&body.name)),
                                            ("owner", Arg::Text(&owner.name)),
                                            ("due", Arg::Text(&due)),
                                        ],
                                    ),
                                    desc.to_string(),
                                ],
                            )
                        };
                        let sent = action_mail(
                            conn,
                            &a,
                            body,
                            &u,
                            "action_escalated",
                            &words,
                            ("mail-action-open", link.clone()),
                            format!("action:{}:escalate:{uid}", a.id),
                            ctx,
                        )?;
                        queued += usize::from(sent);
                    }
                }
                other => {
                    let words = |desc: &str| {
                        let due = london_date_words(a.due_on);
                        let (subject, first) = match other {
                            Reminder::DueSoon => ("mail-action-soon-subject", "mail-action-soon"),
                            Reminder::DueToday => {
                                ("mail-action-today-subject", "mail-action-today")
                            }
                            _ => ("mail-action-overdue-subject", "mail-action-overdue"),
                        };
                        let args = [("body", Arg::Text(&body.name)), ("due", Arg::Text(&due))];
                        (
                            t_args(subject, &args),
                            vec![
                                t_args(first, &args),
                                desc.to_string(),
                                t("mail-action-what-now"),
                            ],
                        )
                    };
                    let sent = action_mail(
                        conn,
                        &a,
                        body,
                        owner,
                        "action_reminder",
                        &words,
                        ("mail-action-open", link.clone()),
                        format!("action:{}:{}:{}", a.id, other.key(), a.due_on),
                        ctx,
                    )?;
                    queued += usize::from(sent);
                }
            }
        }
    }
    Ok(queued)
}

/// What the actions tracker (page and API) is asked for.
#[derive(Clone, Debug, Default)]
pub struct TrackerFilter {
    /// A body's slug: its actions only (404 when there is no such body).
    pub body: Option<String>,
    /// A decision's reference: its actions only.
    pub decision: Option<String>,
    pub owner_user_id: Option<String>,
    pub organisation_id: Option<String>,
    /// open, in_progress, done or dropped; anything else is ignored.
    pub status: Option<String>,
    pub overdue: bool,
    pub due_within_days: Option<i64>,
    /// Paging: the last id of the page before.
    pub after_id: Option<String>,
    pub limit: i64,
}

/// The actions tracker, for one viewer: the actions of the bodies they have
/// a role in (every body for an administrator) and their own, exempt ones
/// only for those who may see them.
pub fn tracker(
    conn: &mut DbConn,
    grants: &Grants,
    user_id: &str,
    today: NaiveDate,
    f: &TrackerFilter,
) -> AppResult<Vec<Action>> {
    let some = |s: &Option<String>| s.clone().filter(|s| !s.trim().is_empty());
    let body_ids = match some(&f.body) {
        Some(slug) => Some(vec![
            bodies::find_by_slug(conn, slug.trim())?
                .ok_or(AppError::NotFound)?
                .id,
        ]),
        None if grants.is_admin => None,
        None => Some(grants.roles.iter().map(|(b, _)| b.clone()).collect()),
    };
    let decision_id = match some(&f.decision) {
        None => None,
        Some(reference) => Some(
            record::search_decisions(
                conn,
                &record::DecisionFilter {
                    text: Some(reference.trim().to_string()),
                    exempt: crate::db::ExemptScope::All,
                    limit: 50,
                    ..Default::default()
                },
            )?
            .into_iter()
            .find(|d| d.reference == reference.trim())
            .map(|d| d.id)
            .unwrap_or_else(|| "no-such-decision".into()),
        ),
    };
    let filter = actions::ActionFilter {
        body_ids,
        decision_id,
        meeting_id: None,
        owner_user_id: some(&f.owner_user_id),
        organisation_id: some(&f.organisation_id),
        statuses: some(&f.status)
            .filter(|s| ActionStatus::parse(s).is_some())
            .map(|s| vec![s]),
        overdue_on: f.overdue.then_some(today),
        due_by: f
            .due_within_days
            .map(|d| today + chrono::Duration::days(d.clamp(0, 3660))),
        exempt: crate::db::ExemptScope::seen_by(Some(grants), Some(user_id)),
        after_id: f.after_id.clone(),
        limit: f.limit,
    };
    Ok(actions::search(conn, &filter)?)
}

/// A person's own actions, open and closed.
pub fn mine(conn: &mut DbConn, user_id: &str) -> AppResult<Vec<Action>> {
    Ok(actions::search(
        conn,
        &actions::ActionFilter {
            owner_user_id: Some(user_id.to_string()),
            exempt: crate::db::ExemptScope::All,
            limit: 2000,
            ..Default::default()
        },
    )?)
}

/// The latest progress note of each action, by action id.
pub fn latest_notes(
    conn: &mut DbConn,
    list: &[Action],
) -> AppResult<std::collections::HashMap<String, String>> {
    let ids: Vec<String> = list.iter().map(|a| a.id.clone()).collect();
    Ok(actions::latest_notes(conn, &ids)?)
}

/// What the secretariat puts right in an action recorded at a meeting:
/// its words, its owner and its due date, and why.
#[derive(Debug, Default, Deserialize, ToSchema)]
pub struct ActionCorrection {
    /// What is to be done.
    #[schema(max_length = 2000)]
    pub description: Option<String>,
    /// The person who owns it; their organisation owns it with them.
    pub owner_user_id: Option<String>,
    /// YYYY-MM-DD.
    #[schema(format = Date)]
    pub due_on: Option<String>,
    /// Why it is corrected or withdrawn (kept in the audit log).
    #[schema(max_length = 500)]
    pub reason: Option<String>,
    /// A bilingual body's action: the Welsh of its description,
    /// `{"cy": {"description": "…"}}`, saved with the correction (alone,
    /// it corrects only the Welsh).
    #[serde(default)]
    #[schema(value_type = Option<std::collections::HashMap<String, std::collections::HashMap<String, String>>>)]
    pub translations: Option<super::translations::TranslationsInput>,
}

/// Saves the Welsh of an action's description that a client sent with it
/// (nothing when none was sent).
fn save_welsh(
    conn: &mut DbConn,
    actor: &Actor,
    grants: &Grants,
    action_id: &str,
    translations: Option<&super::translations::TranslationsInput>,
    now: NaiveDateTime,
) -> AppResult<()> {
    match translations {
        Some(t) => super::translations::apply_input(
            conn,
            actor,
            grants,
            crate::domain::translation::Subject::Action,
            action_id,
            t,
            now,
        ),
        None => Ok(()),
    }
}

/// An action recorded at this meeting that may still be corrected or
/// withdrawn: the meeting's minutes are not approved yet.
fn correctable(
    conn: &mut DbConn,
    meeting: &crate::db::meetings::Meeting,
    action_id: &str,
) -> AppResult<Action> {
    let a = actions::find(conn, action_id)?
        .filter(|a| a.meeting_id.as_deref() == Some(meeting.id.as_str()))
        .ok_or(AppError::NotFound)?;
    if super::minutes::approved(conn, &meeting.id)? {
        return Err(AppError::Conflict(vec![FieldError::new(
            "action_id",
            "minutes_approved",
            crate::i18n::say("err-actions-minutes-approved"),
        )]));
    }
    Ok(a)
}

/// Corrects or withdraws an action recorded at this meeting (the caller
/// has checked the actor manages it; `fix.reason` is read for both).
/// Returns the action as corrected, or as it was before it was withdrawn.
#[allow(clippy::too_many_arguments)]
pub fn change_recorded(
    conn: &mut DbConn,
    actor: &Actor,
    grants: &Grants,
    meeting: &crate::db::meetings::Meeting,
    action_id: &str,
    change: super::record::RecordChange,
    fix: &ActionCorrection,
    ctx: &Ctx<'_>,
) -> AppResult<Action> {
    match change {
        super::record::RecordChange::Correct => {
            correct_recorded(conn, actor, grants, meeting, action_id, fix, ctx)
        }
        super::record::RecordChange::Withdraw => {
            withdraw_recorded(conn, actor, meeting, action_id, fix.reason.as_deref(), ctx)
        }
    }
}

/// Puts right an action recorded at this meeting before its minutes are
/// approved: its words, owner or due date. The reason and what it said
/// go in the audit log and the action's history; a new owner is told.
pub fn correct_recorded(
    conn: &mut DbConn,
    actor: &Actor,
    grants: &Grants,
    meeting: &crate::db::meetings::Meeting,
    action_id: &str,
    fix: &ActionCorrection,
    ctx: &Ctx<'_>,
) -> AppResult<Action> {
    let a = correctable(conn, meeting, action_id)?;
    let mut p = Problems::new();
    let description = p.text_block(
        "description",
        "field-action-description",
        fix.description.as_deref(),
        2000,
    );
    let owner = owner_named(conn, &mut p, fix.owner_user_id.as_deref())?;
    let due = parse_date(&mut p, "due_on", fix.due_on.as_deref(), true);
    let reason = p.line("reason", "field-why-corrected", fix.reason.as_deref(), 500);
    let english_unchanged = matches!((&owner, due), (Some(o), Some(d))
        if description == a.description && o.id == a.owner_user_id && d == a.due_on);
    if english_unchanged && fix.translations.is_none() {
        p.add(
            "description",
            "unchanged",
            crate::i18n::say("err-actions-unchanged"),
        );
    }
    p.finish()?;
    // The Welsh is saved against the English as corrected (and before a new
    // owner is told, so that their message quotes it).
    let welsh = |conn: &mut DbConn| {
        save_welsh(
            conn,
            actor,
            grants,
            &a.id,
            fix.translations.as_ref(),
            ctx.now,
        )
    };
    if english_unchanged {
        welsh(conn)?;
        return Ok(a);
    }
    let (Some(owner), Some(due)) = (owner, due) else {
        return Err(AppError::internal("checked correction missing"));
    };
    let was = format!(
        "It said: {} (owner {}, due {})",
        a.description,
        users::find(conn, &a.owner_user_id)?
            .map(|u| u.name)
            .unwrap_or_default(),
        a.due_on
    );
    let mut updated = a.clone();
    updated.description = description;
    updated.owner_user_id = owner.id.clone();
    updated.owner_organisation_id = owner.organisation_id.clone();
    updated.due_on = due;
    updated.version += 1;
    updated.updated_at = ctx.now;
    if !actions::save(conn, &updated, a.version)? {
        return Err(AppError::PreconditionFailed);
    }
    actions::add_event(
        conn,
        &event(
            &updated,
            actor,
            "corrected",
            format!("Corrected by the secretariat: {reason}"),
            ctx.now,
        ),
    )?;
    actor.audit(
        conn,
        ctx.now,
        "action.correct",
        "action",
        &a.id,
        format!("corrected the action because: {reason}. {was}"),
    )?;
    welsh(conn)?;
    let body = bodies::find(conn, &a.body_id)?.ok_or(AppError::NotFound)?;
    if owner.id != a.owner_user_id {
        tell_owner(
            conn,
            &updated,
            &body,
            &owner,
            "action_assigned",
            &|desc| assigned_words(&body, &updated, desc),
            format!("{}:owner:{}:{}", a.id, owner.id, updated.version),
            ctx,
        )?;
    }
    Ok(updated)
}

/// Withdraws an action recorded in error at this meeting, before its
/// minutes are approved: it is removed with its history and any reminder
/// not yet sent, and the audit log keeps what it said, who withdrew it and
/// why. Its owner is told.
pub fn withdraw_recorded(
    conn: &mut DbConn,
    actor: &Actor,
    meeting: &crate::db::meetings::Meeting,
    action_id: &str,
    reason: Option<&str>,
    ctx: &Ctx<'_>,
) -> AppResult<Action> {
    let a = correctable(conn, meeting, action_id)?;
    let mut p = Problems::new();
    let reason = p.line("reason", "field-why-withdrawn", reason, 500);
    p.finish()?;
    let owner = users::find(conn, &a.owner_user_id)?;
    actions::delete(conn, &a.id)?;
    // Ids are letters, digits and dashes: nothing `LIKE` reads specially.
    crate::db::outbox::cancel_unsent(
        conn,
        &[
            format!("action:assigned:{}", a.id),
            format!("action:redated:{}:%", a.id),
            format!("action:{}:%", a.id),
        ],
        ctx.now,
    )?;
    actor.audit(
        conn,
        ctx.now,
        "action.withdraw",
        "action",
        &a.id,
        format!(
            "withdrew the action because: {reason}. It said: {} (owner {}, due {})",
            a.description,
            owner.as_ref().map(|u| u.name.as_str()).unwrap_or(""),
            a.due_on
        ),
    )?;
    if let Some(owner) = owner {
        let body = bodies::find(conn, &a.body_id)?.ok_or(AppError::NotFound)?;
        let words = |desc: &str| {
            let named = [("body", Arg::Text(&body.name))];
            (
                t_args("mail-action-withdrawn-subject", &named),
                vec![
                    t_args("mail-action-withdrawn", &named),
                    desc.to_string(),
                    t_args("mail-action-why", &[("reason", Arg::Text(&reason))]),
                    t("mail-action-nothing-more"),
                ],
            )
        };
        action_mail(
            conn,
            &a,
            &body,
            &owner,
            "action_withdrawn",
            &words,
            (
                "mail-open-meeting",
                format!("{}/meetings/{}", ctx.base_url, meeting.id),
            ),
            format!("action-withdrawn:{}", a.id),
            ctx,
        )?;
    }
    Ok(a)
}

/// An action this viewer may see; 404 otherwise (an exempt action is not
/// admitted to exist).
pub fn visible(conn: &mut DbConn, grants: &Grants, user_id: &str, id: &str) -> AppResult<Action> {
    let a = actions::find(conn, id)?.ok_or(AppError::NotFound)?;
    if !may_view(Some(grants), Some(user_id), &a) {
        return Err(AppError::NotFound);
    }
    Ok(a)
}

/// One action as its page and the API show it.
pub struct ActionDetail {
    pub action: Action,
    pub history: Vec<ActionEvent>,
    /// "D2027/3: resolution", or words saying the decision is exempt when
    /// this viewer may not read it (an owner may not be one who can).
    pub decision: Option<String>,
    pub body_slug: String,
    /// A bilingual body's action: its Welsh.
    pub welsh: Option<super::translations::Welsh>,
}

pub fn detail(
    conn: &mut DbConn,
    grants: &Grants,
    user_id: &str,
    id: &str,
) -> AppResult<ActionDetail> {
    let action = visible(conn, grants, user_id, id)?;
    let history = actions::events_of(conn, &action.id)?;
    let decision = match &action.decision_id {
        Some(d) => record::find_decision(conn, d)?.map(|d| {
            if super::record::may_read_decision(Some(grants), &d) {
                format!("{}: {}", d.reference, d.text)
            } else {
                format!(
                    "{}: an exempt decision, for the body's members only",
                    d.reference
                )
            }
        }),
        None => None,
    };
    let body = bodies::find(conn, &action.body_id)?;
    let welsh = match &body {
        Some(b) if b.bilingual => super::translations::welsh_of(
            conn,
            crate::domain::translation::Subject::Action,
            &[(
                action.id.clone(),
                std::collections::HashMap::from([("description", action.description.clone())]),
            )],
        )?
        .remove(&action.id),
        _ => None,
    };
    Ok(ActionDetail {
        body_slug: body.map(|b| b.slug).unwrap_or_default(),
        action,
        history,
        decision,
        welsh,
    })
}

/// Every non-exempt action of a body as CSV (RFC 4180, UTF-8, a header row).
pub fn csv(conn: &mut DbConn, slug: &str) -> AppResult<Vec<u8>> {
    let b = bodies::find_by_slug(conn, slug)?.ok_or(AppError::NotFound)?;
    let n = super::directory::names(conn)?;
    let list = actions::search(
        conn,
        &actions::ActionFilter {
            body_ids: Some(vec![b.id.clone()]),
            limit: i64::MAX,
            ..Default::default()
        },
    )?;
    let refs: std::collections::HashMap<String, String> = record::search_decisions(
        conn,
        &record::DecisionFilter {
            after: None,
            body_ids: Some(vec![b.id.clone()]),
            limit: i64::MAX,
            ..Default::default()
        },
    )?
    .into_iter()
    .map(|d| (d.id, d.reference))
    .collect();
    let mut rows = vec![
        [
            "id",
            "decision",
            "description",
            "owner",
            "organisation",
            "due_on",
            "status",
            "closed_on",
            "dropped_reason",
        ]
        .map(String::from),
    ];
    let name = |m: &std::collections::HashMap<String, String>, k: &str| {
        m.get(k).cloned().unwrap_or_default()
    };
    for a in list {
        rows.push([
            a.id.clone(),
            a.decision_id
                .as_ref()
                .and_then(|d| refs.get(d))
                .cloned()
                .unwrap_or_default(),
            a.description.clone(),
            name(&n.people, &a.owner_user_id),
            name(&n.orgs, &a.owner_organisation_id),
            a.due_on.to_string(),
            a.status.clone(),
            a.closed_on.map(|d| d.to_string()).unwrap_or_default(),
            a.dropped_reason.clone().unwrap_or_default(),
        ]);
    }
    crate::render::csv_cells::document(rows)
}
