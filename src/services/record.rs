//! The meeting record, kept live by the secretariat: attendance and quorum,
//! declarations of interest, notes and decisions per item. Every form is
//! safe to resubmit: records carry the form's idempotency key.

use chrono::{Datelike, NaiveDateTime};
use diesel::RunQueryDsl;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::Actor;
use crate::db::agenda::{self, AgendaItem};
use crate::db::bodies::Body;
use crate::db::meetings::Meeting;
use crate::db::record::{self, Attendance, Decision, Declaration};
use crate::db::{DbConn, memberships, papers};
use crate::domain::idempotency::{self, scoped};
use crate::domain::roles::Role;
use crate::domain::rules::{Seat, quorum};
use crate::domain::validate::Problems;
use crate::error::{AppError, AppResult, FieldError};
use crate::services::replay;

#[derive(Debug, Default, Deserialize, ToSchema)]
pub struct AttendanceInput {
    /// present, apologies or absent
    #[schema(pattern = "^(present|apologies|absent)$")]
    pub status: Option<String>,
    /// The member this person stands in for (a substitute who is present).
    pub substitute_for: Option<String>,
    /// How someone present attends: in_person (the default) or remote.
    /// Whether remote attendance counts towards quorum is for the rules.
    #[schema(pattern = "^(in_person|remote)$")]
    pub mode: Option<String>,
}

#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct QuorumState {
    pub members: usize,
    pub needed: usize,
    pub present: usize,
    pub met: bool,
}

/// Members present (in person or by a substitute) against the quorum, by
/// the body's rules (`domain::rules::quorum`).
pub fn quorum_state(conn: &mut DbConn, meeting: &Meeting, body: &Body) -> AppResult<QuorumState> {
    let members = memberships::members_of(conn, &body.id)?;
    let att = record::attendance_of(conn, &meeting.id)?;
    Ok(state(rules_quorum(body, &members, &att, &[])))
}

/// The quorum for one agenda item: as the meeting's, without the members
/// who declared an interest on it and left the room. `None` while no
/// attendance is recorded.
pub fn item_quorum(
    conn: &mut DbConn,
    meeting: &Meeting,
    body: &Body,
    item_id: &str,
) -> AppResult<Option<QuorumState>> {
    let att = record::attendance_of(conn, &meeting.id)?;
    if att.is_empty() {
        return Ok(None);
    }
    let members = memberships::members_of(conn, &body.id)?;
    let declarations = record::declarations_of(conn, &meeting.id)?;
    let left = left_room(&declarations, item_id);
    Ok(Some(state(rules_quorum(body, &members, &att, &left))))
}

/// Who declared an interest on the item and left the room for it.
fn left_room(declarations: &[Declaration], item_id: &str) -> Vec<String> {
    declarations
        .iter()
        .filter(|d| d.item_id == item_id && d.left_room)
        .map(|d| d.user_id.clone())
        .collect()
}

/// The quorum under the body's rules, from loaded memberships and
/// attendance, without those in `left` (who left the room for an item).
fn rules_quorum(
    body: &Body,
    members: &[memberships::MemberRow],
    att: &[Attendance],
    left: &[String],
) -> crate::domain::rules::Quorum {
    let gone = |u: &str| left.iter().any(|l| l == u);
    let present = |u: &str| {
        att.iter().find(|a| {
            a.user_id == u
                && a.status == "present"
                && a.substitute_for_user_id.is_none()
                && !gone(u)
        })
    };
    let covered = |u: &str| {
        att.iter().any(|a| {
            a.status == "present"
                && a.substitute_for_user_id.as_deref() == Some(u)
                && !gone(&a.user_id)
        })
    };
    let seats: Vec<Seat> = members
        .iter()
        .filter_map(|m| Role::parse(&m.role).map(|r| (m.user_id.as_str(), r)))
        .filter(|(_, r)| r.votes())
        .map(|(m, role)| {
            let here = present(m);
            let remote = here.is_some_and(|a| a.mode.as_deref() == Some("remote"));
            Seat {
                statutory: role.statutory(),
                in_person: here.is_some() && !remote,
                remote,
                by_substitute: covered(m),
            }
        })
        .collect();
    quorum(body.profile(), &seats, body.remote_attendance_counts)
}

fn state(q: crate::domain::rules::Quorum) -> QuorumState {
    QuorumState {
        members: q.members,
        needed: q.needed,
        present: q.present,
        met: q.met,
    }
}

/// Each agenda item's quorum where it differs from the meeting's (someone
/// left the room for it), by item id.
pub fn item_quorums(sheet: &RecordSheet) -> std::collections::HashMap<String, QuorumState> {
    let mut out = std::collections::HashMap::new();
    for item in &sheet.working.items {
        let left = left_room(&sheet.declarations, &item.row.id);
        if !left.is_empty() {
            out.insert(
                item.row.id.clone(),
                state(rules_quorum(
                    &sheet.body,
                    &sheet.members,
                    &sheet.attendance,
                    &left,
                )),
            );
        }
    }
    out
}

/// Why a body's meetings can never be quorate under its rules (too few
/// voting members, or a Public Services Board without statutory members),
/// for a warning on its page. It depends on the members alone.
pub fn quorum_warning(body: &Body, members: &[memberships::MemberRow]) -> Option<String> {
    rules_quorum(body, members, &[], &[]).impossible
}

pub fn set_attendance(
    conn: &mut DbConn,
    actor: &Actor,
    meeting: &Meeting,
    body: &Body,
    user_id: &str,
    input: &AttendanceInput,
    now: NaiveDateTime,
) -> AppResult<Attendance> {
    let mut p = Problems::new();
    let status = input.status.as_deref().map(str::trim).unwrap_or("");
    if !matches!(status, "present" | "apologies" | "absent") {
        p.add("status", "invalid", "Choose present, apologies or absent.");
    }
    let role = memberships::find(conn, &body.id, user_id)?.and_then(|m| Role::parse(&m.role));
    if role.is_none() {
        p.add(
            "user_id",
            "not_a_member",
            "That person is not a member of this body: add them on the body's page first.",
        );
    }
    let mode = match input
        .mode
        .as_deref()
        .map(str::trim)
        .filter(|m| !m.is_empty())
    {
        None => None,
        Some(m @ ("in_person" | "remote")) => Some(m.to_string()),
        Some(_) => {
            p.add("mode", "invalid", "Choose in_person or remote.");
            None
        }
    };
    let sub = input
        .substitute_for
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty());
    if let Some(s) = sub {
        let for_role = memberships::find(conn, &body.id, s)?.and_then(|m| Role::parse(&m.role));
        let designated = role == Some(Role::DesignatedSubstitute);
        if designated && !for_role.is_some_and(Role::statutory) {
            p.add(
                "substitute_for",
                "not_statutory",
                "A designated substitute stands in for a statutory member of this body.",
            );
        } else if !for_role.is_some_and(Role::votes) {
            p.add(
                "substitute_for",
                "not_a_member",
                "A substitute stands in for a voting member of this body.",
            );
        }
        if s == user_id {
            p.add("substitute_for", "self", "Nobody substitutes for themself.");
        }
        if status != "present" {
            p.add(
                "substitute_for",
                "not_present",
                "Only someone present can stand in for a member.",
            );
        }
    }
    p.finish()?;
    let a = Attendance {
        meeting_id: meeting.id.clone(),
        user_id: user_id.to_string(),
        status: status.to_string(),
        substitute_for_user_id: sub.map(str::to_string),
        updated_at: now,
        mode: if status == "present" { mode } else { None },
    };
    record::set_attendance(conn, &a)?;
    actor.audit(
        conn,
        now,
        "record.attendance",
        "meeting",
        &meeting.id,
        format!("attendance of {user_id}: {status}"),
    )?;
    Ok(a)
}

/// Records everyone's attendance from one form: each entry is a person and
/// what was chosen for them. Every problem is reported at once, on
/// `status-{user id}` or `substitute_for-{user id}`; nothing is written
/// unless every entry is right (the caller's transaction rolls back).
/// Answers how many were recorded.
pub fn set_attendance_all(
    conn: &mut DbConn,
    actor: &Actor,
    meeting: &Meeting,
    body: &Body,
    entries: &[(String, AttendanceInput)],
    now: NaiveDateTime,
) -> AppResult<usize> {
    let mut errors = Vec::new();
    for (user_id, input) in entries {
        match set_attendance(conn, actor, meeting, body, user_id, input, now) {
            Ok(_) => {}
            Err(AppError::Validation(list)) => {
                // The summary lists many people's problems: name each.
                let name = crate::db::users::find(conn, user_id)?
                    .map(|u| u.name)
                    .unwrap_or_else(|| "Someone not in this body".into());
                errors.extend(list.into_iter().map(|mut e| {
                    let field = if e.field == "user_id" {
                        "status"
                    } else {
                        e.field.as_str()
                    };
                    e.field = format!("{field}-{user_id}");
                    e.message = format!("{name}: {}", e.message);
                    e
                }));
            }
            Err(e) => return Err(e),
        }
    }
    if !errors.is_empty() {
        return Err(AppError::Validation(errors));
    }
    Ok(entries.len())
}

/// The item, if it is on this meeting's agenda; otherwise 422 on `field`.
pub fn item_of(
    conn: &mut DbConn,
    meeting: &Meeting,
    item_id: &str,
    field: &str,
) -> AppResult<AgendaItem> {
    agenda::find_item(conn, item_id)?
        .filter(|i| i.meeting_id == meeting.id)
        .ok_or_else(|| {
            AppError::Validation(vec![FieldError::new(
                field,
                "not_on_this_meeting",
                "That item is not on this meeting's agenda.",
            )])
        })
}

/// Is the item exempt (itself, or its paper)?
pub fn item_exempt(conn: &mut DbConn, item: &AgendaItem) -> AppResult<bool> {
    if item.exempt_category.is_some() {
        return Ok(true);
    }
    Ok(match &item.paper_id {
        Some(p) => papers::find(conn, p)?.is_some_and(|p| p.is_exempt()),
        None => false,
    })
}

#[allow(clippy::too_many_arguments)]
pub fn declare(
    conn: &mut DbConn,
    actor: &Actor,
    meeting: &Meeting,
    body: &Body,
    item_id: &str,
    user_id: &str,
    interest: Option<&str>,
    left_room: bool,
    key: Option<&str>,
    now: NaiveDateTime,
) -> AppResult<Declaration> {
    // A key replays only this caller's own declaration at this meeting.
    let key = key
        .filter(|k| !k.is_empty())
        .map(|k| scoped(actor.key_owner(), "declaration", &meeting.id, k));
    // Leaving the room is part of the request (old keys, without it, keep
    // their digests).
    let digest = key.as_ref().map(|_| {
        if left_room {
            idempotency::digest(&[
                Some(item_id),
                Some(user_id),
                interest,
                Some("left the room"),
            ])
        } else {
            idempotency::digest(&[Some(item_id), Some(user_id), interest])
        }
    });
    if let (Some(k), Some(sent)) = (&key, &digest)
        && let Some(d) = record::declaration_by_key(conn, k)?
        && d.meeting_id == meeting.id
    {
        return replay(d.idempotency_digest.clone(), sent, d);
    }
    let mut p = Problems::new();
    let interest = p.line("interest", "the interest declared", interest, 2000);
    let item = item_of(conn, meeting, item_id, "item_id");
    if memberships::find(conn, &body.id, user_id)?.is_none() {
        p.add(
            "user_id",
            "not_a_member",
            "That person is not a member of this body.",
        );
    }
    let mut errors = p.into_vec();
    if let Err(AppError::Validation(e)) = &item {
        errors.extend(e.iter().cloned());
    }
    if !errors.is_empty() {
        return Err(AppError::Validation(errors));
    }
    let item = item?;
    let d = Declaration {
        id: crate::clock::new_id(),
        meeting_id: meeting.id.clone(),
        item_id: item.id,
        user_id: user_id.to_string(),
        interest,
        idempotency_key: key.clone(),
        idempotency_digest: digest,
        created_at: now,
        left_room,
    };
    record::insert_declaration(conn, &d)?;
    actor.audit(
        conn,
        now,
        "record.declaration",
        "meeting",
        &meeting.id,
        format!("declaration by {user_id}"),
    )?;
    Ok(d)
}

pub fn set_notes(
    conn: &mut DbConn,
    actor: &Actor,
    meeting: &Meeting,
    item_id: &str,
    notes: &str,
    now: NaiveDateTime,
) -> AppResult<()> {
    let item = item_of(conn, meeting, item_id, "item_id")?;
    let mut p = Problems::new();
    if notes.chars().count() > 50_000 {
        p.add(
            "notes",
            "too_long",
            "Notes can be at most 50,000 characters.",
        );
    }
    if notes
        .chars()
        .any(crate::domain::validate::is_forbidden_char)
    {
        p.add(
            "notes",
            "invalid_characters",
            "The notes contain control characters.",
        );
    }
    p.finish()?;
    record::set_notes(conn, &item.id, notes, now)?;
    actor.audit(
        conn,
        now,
        "record.notes",
        "meeting",
        &meeting.id,
        format!("notes on '{}'", item.title),
    )?;
    Ok(())
}

/// Serialises decision numbering for a body: PostgreSQL locks the body's
/// row; SQLite transactions already hold the write lock.
fn lock_numbering(conn: &mut DbConn, body_id: &str) -> AppResult<()> {
    if let DbConn::Postgresql(pg) = conn {
        diesel::sql_query("SELECT id FROM bodies WHERE id = $1 FOR UPDATE")
            .bind::<diesel::sql_types::Text, _>(body_id)
            .execute(pg)?;
    }
    Ok(())
}

/// A decision of this meeting that may still be corrected or withdrawn:
/// not withdrawn already, and the meeting's minutes not yet approved (after
/// that the record stands, and a later meeting decides again).
fn correctable_decision(
    conn: &mut DbConn,
    meeting: &Meeting,
    decision_id: &str,
) -> AppResult<Decision> {
    let d = record::find_decision(conn, decision_id)?
        .filter(|d| d.meeting_id == meeting.id)
        .ok_or(AppError::NotFound)?;
    if super::minutes::approved(conn, &meeting.id)? {
        return Err(AppError::Conflict(vec![FieldError::new(
            "decision_id",
            "minutes_approved",
            "The minutes of this meeting are approved: its decisions can no longer be corrected or withdrawn.",
        )]));
    }
    if d.withdrawn_at.is_some() {
        return Err(AppError::Conflict(vec![FieldError::new(
            "decision_id",
            "withdrawn",
            format!("Decision {} has been withdrawn already.", d.reference),
        )]));
    }
    Ok(d)
}

/// A change to a recorded decision or action, before the minutes are
/// approved.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RecordChange {
    /// Put right, with why.
    Correct,
    /// Withdrawn as recorded in error, with why.
    Withdraw,
}

impl RecordChange {
    /// From a page address's last segment: `correct` or `withdraw`.
    pub fn parse(s: &str) -> Option<RecordChange> {
        match s {
            "correct" => Some(RecordChange::Correct),
            "withdraw" => Some(RecordChange::Withdraw),
            _ => None,
        }
    }
}

/// Corrects or withdraws a decision of this meeting (`text` is only read
/// for a correction); see `correct_decision` and `withdraw_decision`.
#[allow(clippy::too_many_arguments)]
pub fn change_decision(
    conn: &mut DbConn,
    actor: &Actor,
    meeting: &Meeting,
    decision_id: &str,
    change: RecordChange,
    text: Option<&str>,
    reason: Option<&str>,
    now: NaiveDateTime,
) -> AppResult<Decision> {
    match change {
        RecordChange::Correct => {
            correct_decision(conn, actor, meeting, decision_id, text, reason, now)
        }
        RecordChange::Withdraw => withdraw_decision(conn, actor, meeting, decision_id, reason, now),
    }
}

/// Corrects the words of a decision recorded at this meeting, before its
/// minutes are approved; the reason and the old words go in the audit log.
#[allow(clippy::too_many_arguments)]
pub fn correct_decision(
    conn: &mut DbConn,
    actor: &Actor,
    meeting: &Meeting,
    decision_id: &str,
    text: Option<&str>,
    reason: Option<&str>,
    now: NaiveDateTime,
) -> AppResult<Decision> {
    let d = correctable_decision(conn, meeting, decision_id)?;
    let mut p = Problems::new();
    let text = p.text_block("text", "the corrected resolution", text, 10_000);
    let reason = p.line("reason", "why it is corrected", reason, 500);
    if !text.is_empty() && text == d.text {
        p.add(
            "text",
            "unchanged",
            "Change the words of the resolution, or leave it as it is.",
        );
    }
    p.finish()?;
    record::set_decision_text(conn, &d.id, &text)?;
    actor.audit(
        conn,
        now,
        "decision.correct",
        "decision",
        &d.id,
        format!(
            "corrected {} because: {reason}. It said: {}",
            d.reference, d.text
        ),
    )?;
    Ok(Decision { text, ..d })
}

/// Withdraws a decision recorded in error at this meeting, before its
/// minutes are approved. It keeps its number, marked withdrawn with the
/// reason; the audit log keeps who did it and why.
pub fn withdraw_decision(
    conn: &mut DbConn,
    actor: &Actor,
    meeting: &Meeting,
    decision_id: &str,
    reason: Option<&str>,
    now: NaiveDateTime,
) -> AppResult<Decision> {
    let d = correctable_decision(conn, meeting, decision_id)?;
    let mut p = Problems::new();
    let reason = p.line("reason", "why it is withdrawn", reason, 500);
    if !crate::db::actions::decisions_with_actions(conn, std::slice::from_ref(&d.id))?.is_empty() {
        p.add(
            "decision_id",
            "has_actions",
            format!(
                "Decision {} has actions: correct or close them first.",
                d.reference
            ),
        );
    }
    p.finish()?;
    record::withdraw_decision(conn, &d.id, &reason, now)?;
    actor.audit(
        conn,
        now,
        "decision.withdraw",
        "decision",
        &d.id,
        format!(
            "withdrew {} because: {reason}. It said: {}",
            d.reference, d.text
        ),
    )?;
    Ok(Decision {
        withdrawn_reason: Some(reason),
        withdrawn_at: Some(now),
        ..d
    })
}

/// Records a decision on an item, numbered `{body-slug}/{YYYY}/{NNN}` per
/// body and year (the meeting's year), without gaps or duplicates.
#[allow(clippy::too_many_arguments)]
pub fn decide(
    conn: &mut DbConn,
    actor: &Actor,
    meeting: &Meeting,
    body: &Body,
    item_id: Option<&str>,
    text: Option<&str>,
    key: Option<&str>,
    now: NaiveDateTime,
) -> AppResult<Decision> {
    // A key replays only this caller's own decision at this meeting.
    let key = key
        .filter(|k| !k.is_empty())
        .map(|k| scoped(actor.key_owner(), "decision", &meeting.id, k));
    let digest = key.as_ref().map(|_| idempotency::digest(&[item_id, text]));
    if let (Some(k), Some(sent)) = (&key, &digest)
        && let Some(d) = record::decision_by_key(conn, k)?
        && d.meeting_id == meeting.id
    {
        return replay(d.idempotency_digest.clone(), sent, d);
    }
    let mut p = Problems::new();
    let text = p.text_block("text", "the resolution", text, 10_000);
    let item = match item_id.map(str::trim).filter(|s| !s.is_empty()) {
        None => {
            p.add(
                "item_id",
                "required",
                "Choose the item the decision was made on.",
            );
            None
        }
        Some(id) => match item_of(conn, meeting, id, "item_id") {
            Ok(i) => Some(i),
            Err(AppError::Validation(e)) => {
                for f in e {
                    p.add(&f.field, &f.code, f.message);
                }
                None
            }
            Err(e) => return Err(e),
        },
    };
    p.finish()?;
    let item = item.ok_or_else(|| AppError::internal("checked item missing"))?;
    // Once attendance is recorded, a decision needs the item's quorum.
    if let Some(q) = item_quorum(conn, meeting, body, &item.id)?
        && !q.met
    {
        return Err(AppError::Validation(vec![FieldError::new(
            "item_id",
            "inquorate",
            format!(
                "The meeting is not quorate for this item, so it cannot decide: {} of the {} needed {} present (members who left the room for it do not count). Record who arrived, or defer the item.",
                q.present,
                q.needed,
                if q.present == 1 { "is" } else { "are" }
            ),
        )]));
    }
    let exempt = item_exempt(conn, &item)?;
    lock_numbering(conn, &body.id)?;
    let year = meeting
        .starts_at
        .and_utc()
        .with_timezone(&chrono_tz::Europe::London)
        .year();
    let number = record::last_number(conn, &body.id, year)? + 1;
    let d = Decision {
        id: crate::clock::new_id(),
        body_id: body.id.clone(),
        meeting_id: meeting.id.clone(),
        item_id: item.id.clone(),
        year,
        number,
        reference: format!("{}/{year}/{number:03}", body.slug),
        text,
        exempt,
        idempotency_key: key.clone(),
        idempotency_digest: digest,
        created_by: actor.label.clone(),
        created_at: now,
        withdrawn_reason: None,
        withdrawn_at: None,
    };
    record::insert_decision(conn, &d)?;
    actor.audit(
        conn,
        now,
        "record.decision",
        "meeting",
        &meeting.id,
        format!("decision {}", d.reference),
    )?;
    Ok(d)
}

/// A decision taken at a meeting, with the actions that arose from it, as
/// one viewer may see them.
#[derive(Clone, Debug)]
pub struct DecisionTaken {
    /// The agenda item it was taken on.
    pub item_id: String,
    pub reference: String,
    pub text: String,
    /// (description, owner's organisation, due date words)
    pub actions: Vec<(String, String, String)>,
}

/// The decisions taken on one item of a meeting that the viewer may see,
/// with the actions arising (a published paper's page shows them).
pub fn decisions_on_item(
    conn: &mut DbConn,
    meeting: &Meeting,
    item_id: &str,
    grants: Option<&crate::domain::roles::Grants>,
    user_id: Option<&str>,
) -> AppResult<Vec<DecisionTaken>> {
    let mut all = decisions_taken(conn, meeting, grants, user_id)?;
    all.retain(|d| d.item_id == item_id);
    Ok(all)
}

/// The decisions taken at a meeting and the actions arising from each,
/// leaving out exempt ones the viewer may not see (the public sees none).
pub fn decisions_taken(
    conn: &mut DbConn,
    meeting: &Meeting,
    grants: Option<&crate::domain::roles::Grants>,
    user_id: Option<&str>,
) -> AppResult<Vec<DecisionTaken>> {
    let orgs = crate::db::organisations::names(conn)?;
    let actions = crate::db::actions::search(
        conn,
        &crate::db::actions::ActionFilter {
            meeting_id: Some(meeting.id.clone()),
            exempt: crate::db::ExemptScope::All,
            limit: 1000,
            ..Default::default()
        },
    )?;
    let mut out = Vec::new();
    for d in record::decisions_of_meeting(conn, &meeting.id)? {
        if !may_read_decision(grants, &d) || d.withdrawn_at.is_some() {
            continue;
        }
        let arising = actions
            .iter()
            .filter(|a| a.decision_id.as_deref() == Some(d.id.as_str()))
            .filter(|a| super::actions::may_view(grants, user_id, a))
            .map(|a| {
                (
                    a.description.clone(),
                    orgs.get(&a.owner_organisation_id)
                        .cloned()
                        .unwrap_or_default(),
                    crate::domain::format::london_date_words(a.due_on),
                )
            })
            .collect();
        out.push(DecisionTaken {
            item_id: d.item_id,
            reference: d.reference,
            text: d.text,
            actions: arising,
        });
    }
    Ok(out)
}

/// A meeting and its body, for the body's secretariat (or an
/// administrator): 404 when there is no such meeting, 403 for anyone else.
/// The one guard for every change to a meeting's record, agenda and minutes.
pub fn managed_meeting(
    conn: &mut DbConn,
    grants: &crate::domain::roles::Grants,
    id: &str,
) -> AppResult<(Meeting, Body)> {
    let m = crate::db::meetings::find(conn, id)?.ok_or(AppError::NotFound)?;
    let b = crate::db::bodies::find(conn, &m.body_id)?.ok_or(AppError::NotFound)?;
    if !grants.can_manage_body(&b.id) {
        return Err(AppError::Forbidden);
    }
    Ok((m, b))
}

/// A change made to a meeting by its secretariat (see `in_managed_meeting`).
pub trait MeetingChange:
    FnOnce(&mut DbConn, &Meeting, &Body) -> AppResult<()> + Send + 'static
{
}
impl<F> MeetingChange for F where
    F: FnOnce(&mut DbConn, &Meeting, &Body) -> AppResult<()> + Send + 'static
{
}

/// Runs `change` on a meeting after the `managed_meeting` guard, in the
/// caller's transaction.
pub fn in_managed_meeting<T>(
    conn: &mut DbConn,
    grants: &crate::domain::roles::Grants,
    id: &str,
    change: impl FnOnce(&mut DbConn, &Meeting, &Body) -> AppResult<T>,
) -> AppResult<T> {
    let (m, b) = managed_meeting(conn, grants, id)?;
    change(conn, &m, &b)
}

/// Everything the secretariat's record sheet shows for one meeting.
pub struct RecordSheet {
    pub meeting: Meeting,
    pub body: Body,
    pub working: super::agenda::Working,
    pub quorum: QuorumState,
    pub members: Vec<crate::db::memberships::MemberRow>,
    pub attendance: Vec<Attendance>,
    pub declarations: Vec<Declaration>,
    pub decisions: Vec<Decision>,
    pub actions: Vec<crate::db::actions::Action>,
    /// Notes by item id.
    pub notes: std::collections::HashMap<String, String>,
    /// Everyone who may own an action: (person, their organisation's name).
    pub people: Vec<(crate::db::users::User, String)>,
    /// Decisions may still be corrected or withdrawn: the minutes are not
    /// approved yet.
    pub may_correct: bool,
    /// Items whose quorum differs from the meeting's (someone left the
    /// room for them), by item id.
    pub item_quorum: std::collections::HashMap<String, QuorumState>,
}

/// The record sheet of a meeting, for its secretariat only.
pub fn sheet(
    conn: &mut DbConn,
    grants: &crate::domain::roles::Grants,
    id: &str,
    ctx: &super::Ctx<'_>,
) -> AppResult<RecordSheet> {
    let (meeting, body) = managed_meeting(conn, grants, id)?;
    let working = super::agenda::working(conn, &meeting, &body, ctx)?;
    let quorum = quorum_state(conn, &meeting, &body)?;
    let members = memberships::members_of(conn, &body.id)?;
    let attendance = record::attendance_of(conn, &meeting.id)?;
    let declarations = record::declarations_of(conn, &meeting.id)?;
    let decisions = record::decisions_of_meeting(conn, &meeting.id)?;
    let actions = crate::db::actions::search(
        conn,
        &crate::db::actions::ActionFilter {
            meeting_id: Some(meeting.id.clone()),
            exempt: crate::db::ExemptScope::All,
            limit: 10_000,
            ..Default::default()
        },
    )?;
    let ids: Vec<String> = working.items.iter().map(|i| i.row.id.clone()).collect();
    let notes = record::notes_of(conn, &ids)?;
    let people = crate::db::users::all_with_organisation(conn)?;
    let may_correct = !super::minutes::approved(conn, &meeting.id)?;
    let mut sheet = RecordSheet {
        item_quorum: std::collections::HashMap::new(),
        may_correct,
        meeting,
        body,
        working,
        quorum,
        members,
        attendance,
        declarations,
        decisions,
        actions,
        notes,
        people,
    };
    sheet.item_quorum = item_quorums(&sheet);
    Ok(sheet)
}

/// May this reader see a decision's text? Open decisions, yes; an exempt one
/// only for the body's members (chair, vice-chair, members, substitutes),
/// its secretariat and site administrators.
pub fn may_read_decision(grants: Option<&crate::domain::roles::Grants>, d: &Decision) -> bool {
    !d.exempt
        || grants
            .is_some_and(|g| g.is_admin || g.role_in(&d.body_id).is_some_and(Role::sees_exempt))
}
