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
use crate::db::record::{self, Attendance, Decision, Declaration, Move};
use crate::db::{DbConn, memberships, papers};
use crate::domain::idempotency::{self, scoped};
use crate::domain::record::{Movement, Vote, arrival_mode, in_room};
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
    Ok(state(rules_quorum(body, &members, &att, &Room::default())))
}

/// The quorum for one agenda item: as the meeting's, without those who
/// were not in the room for it (arrived later, left before it, or left the
/// room for an interest they declared). `None` while no attendance is
/// recorded.
pub fn item_quorum(
    conn: &mut DbConn,
    meeting: &Meeting,
    body: &Body,
    item: &AgendaItem,
) -> AppResult<Option<QuorumState>> {
    let att = record::attendance_of(conn, &meeting.id)?;
    if att.is_empty() {
        return Ok(None);
    }
    let members = memberships::members_of(conn, &body.id)?;
    let declarations = record::declarations_of(conn, &meeting.id)?;
    let moves = record::moves_of(conn, &meeting.id)?;
    let here = room(&declarations, &moves, &item.id, item.position);
    Ok(Some(state(rules_quorum(body, &members, &att, &here))))
}

/// Who is where for one item: those recorded present but not in the room
/// for it, and how those who arrived for it attend (where their arrival
/// said, in person or remotely, for this and the items after).
#[derive(Clone, Debug, Default)]
pub struct Room {
    pub gone: Vec<String>,
    /// user id -> in_person or remote, for this item.
    pub modes: std::collections::HashMap<String, String>,
}

impl Room {
    /// Is the room as the meeting's attendance says (nobody came or went)?
    pub fn as_recorded(&self) -> bool {
        self.gone.is_empty() && self.modes.is_empty()
    }

    fn gone(&self, user: &str) -> bool {
        self.gone.iter().any(|g| g == user)
    }

    /// How someone present attends this item.
    fn remote(&self, a: &Attendance) -> bool {
        self.modes
            .get(&a.user_id)
            .map(String::as_str)
            .or(a.mode.as_deref())
            == Some("remote")
    }
}

/// The room for an item: out of it, those who declared an interest on it
/// and left the room, and those whose arrivals and departures put them
/// outside it (`domain::record::in_room`); and how those who arrived
/// attend (`domain::record::arrival_mode`).
pub fn room(
    declarations: &[Declaration],
    moves: &[(Move, i32)],
    item_id: &str,
    position: i32,
) -> Room {
    let mut r = Room {
        gone: declarations
            .iter()
            .filter(|d| d.item_id == item_id && d.left_room)
            .map(|d| d.user_id.clone())
            .collect(),
        ..Default::default()
    };
    let mut people: Vec<&str> = moves.iter().map(|(m, _)| m.user_id.as_str()).collect();
    people.sort_unstable();
    people.dedup();
    for who in people {
        let theirs: Vec<(i32, Movement, Option<&str>)> = moves
            .iter()
            .filter(|(m, _)| m.user_id == who)
            .filter_map(|(m, p)| Movement::parse(&m.movement).map(|mv| (*p, mv, m.mode.as_deref())))
            .collect();
        let places: Vec<(i32, Movement)> = theirs.iter().map(|(p, m, _)| (*p, *m)).collect();
        if !in_room(&places, position) {
            if !r.gone(who) {
                r.gone.push(who.to_string());
            }
        } else if let Some(mode) = arrival_mode(&theirs, position) {
            r.modes.insert(who.to_string(), mode.to_string());
        }
    }
    r
}

/// The quorum under the body's rules, from loaded memberships and
/// attendance, in `room` (the meeting's, or one item's).
fn rules_quorum(
    body: &Body,
    members: &[memberships::MemberRow],
    att: &[Attendance],
    room: &Room,
) -> crate::domain::rules::Quorum {
    let gone = |u: &str| room.gone(u);
    let present = |u: &str| {
        att.iter().find(|a| {
            a.user_id == u
                && a.status == "present"
                && a.substitute_for_user_id.is_none()
                && !gone(u)
        })
    };
    // A substitute attending remotely covers the seat only where the rules
    // count remote attendance.
    let remote_ok = crate::domain::rules::remote_attendance_counts(
        body.profile(),
        body.remote_attendance_counts,
    );
    let covered = |u: &str| {
        att.iter().any(|a| {
            a.status == "present"
                && a.substitute_for_user_id.as_deref() == Some(u)
                && !gone(&a.user_id)
                && (remote_ok || !room.remote(a))
        })
    };
    let seats: Vec<Seat> = members
        .iter()
        .filter_map(|m| Role::parse(&m.role).map(|r| (m.user_id.as_str(), r)))
        .filter(|(_, r)| r.votes())
        .map(|(m, role)| {
            let here = present(m);
            let remote = here.is_some_and(|a| room.remote(a));
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
/// arrived late, remotely, left, or left the room for it), by item id.
pub fn item_quorums(sheet: &RecordSheet) -> std::collections::HashMap<String, QuorumState> {
    let mut out = std::collections::HashMap::new();
    if sheet.attendance.is_empty() {
        return out;
    }
    for item in &sheet.working.items {
        let here = room(
            &sheet.declarations,
            &sheet.moves,
            &item.row.id,
            item.row.position,
        );
        if !here.as_recorded() {
            out.insert(
                item.row.id.clone(),
                state(rules_quorum(
                    &sheet.body,
                    &sheet.members,
                    &sheet.attendance,
                    &here,
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
    rules_quorum(body, members, &[], &Room::default()).impossible
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
        p.add("status", "invalid", crate::i18n::say("err-record-invalid"));
    }
    let role = memberships::find(conn, &body.id, user_id)?.and_then(|m| Role::parse(&m.role));
    if role.is_none() {
        p.add(
            "user_id",
            "not_a_member",
            crate::i18n::say("err-record-not-a-member"),
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
            p.add(
                "mode",
                "invalid",
                crate::i18n::say("err-record-invalid-mode"),
            );
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
                crate::i18n::say("err-record-not-statutory"),
            );
        } else if !for_role.is_some_and(Role::votes) {
            p.add(
                "substitute_for",
                "not_a_member",
                crate::i18n::say("err-record-not-a-member-substitute-for"),
            );
        }
        if s == user_id {
            p.add(
                "substitute_for",
                "self",
                crate::i18n::say("err-record-self"),
            );
        }
        if status != "present" {
            p.add(
                "substitute_for",
                "not_present",
                crate::i18n::say("err-record-not-present"),
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

/// Someone arriving in time for an item, or leaving before it.
#[derive(Debug, Default, Deserialize, ToSchema)]
pub struct MovementInput {
    /// arrives (absent for the items before) or leaves (absent for this
    /// item and those after, until they arrive again).
    #[schema(pattern = "^(arrives|leaves)$")]
    pub movement: Option<String>,
    /// For an arrival: in_person or remote, for this item and those after
    /// (left out: as recorded for the meeting).
    #[schema(pattern = "^(in_person|remote)$")]
    pub mode: Option<String>,
}

/// Records that someone present at the meeting arrived at, or left
/// before, an item; it replaces what was recorded for them at that item.
#[allow(clippy::too_many_arguments)]
pub fn set_movement(
    conn: &mut DbConn,
    actor: &Actor,
    meeting: &Meeting,
    body: &Body,
    item_id: &str,
    user_id: &str,
    input: &MovementInput,
    now: NaiveDateTime,
) -> AppResult<Move> {
    let mut p = Problems::new();
    let movement = input.movement.as_deref().map(str::trim).unwrap_or("");
    let movement = Movement::parse(movement);
    if movement.is_none() {
        p.add(
            "movement",
            "invalid",
            crate::i18n::say("err-record-invalid-movement"),
        );
    }
    let mode = match input
        .mode
        .as_deref()
        .map(str::trim)
        .filter(|m| !m.is_empty())
    {
        None => None,
        Some(m @ ("in_person" | "remote")) if movement == Some(Movement::Arrives) => {
            Some(m.to_string())
        }
        Some("in_person" | "remote") => {
            if movement.is_some() {
                p.add(
                    "mode",
                    "not_an_arrival",
                    crate::i18n::say("err-record-not-an-arrival"),
                );
            }
            None
        }
        Some(_) => {
            p.add(
                "mode",
                "invalid",
                crate::i18n::say("err-record-invalid-mode"),
            );
            None
        }
    };
    if memberships::find(conn, &body.id, user_id)?.is_none() {
        p.add(
            "user_id",
            "not_a_member",
            crate::i18n::say("err-record-not-a-member-user-id"),
        );
    } else if !record::attendance_of(conn, &meeting.id)?
        .iter()
        .any(|a| a.user_id == user_id && a.status == "present")
    {
        p.add(
            "user_id",
            "not_present",
            crate::i18n::say("err-record-not-present-user-id"),
        );
    }
    let item = item_or_problem(conn, meeting, item_id, &mut p)?;
    p.finish()?;
    let (Some(item), Some(movement)) = (item, movement) else {
        return Err(AppError::internal("checked movement missing"));
    };
    let m = Move {
        id: crate::clock::new_id(),
        meeting_id: meeting.id.clone(),
        item_id: item.id.clone(),
        user_id: user_id.to_string(),
        movement: movement.as_str().to_string(),
        created_at: now,
        mode,
    };
    record::set_move(conn, &m)?;
    actor.audit(
        conn,
        now,
        "record.movement",
        "meeting",
        &meeting.id,
        format!("{user_id} {} at '{}'", movement.as_str(), item.title),
    )?;
    Ok(m)
}

/// Removes the arrival or departure recorded for someone at an item (404
/// when there is none).
pub fn clear_movement(
    conn: &mut DbConn,
    actor: &Actor,
    meeting: &Meeting,
    item_id: &str,
    user_id: &str,
    now: NaiveDateTime,
) -> AppResult<()> {
    let item = item_of(conn, meeting, item_id, "item_id")?;
    if !record::delete_move(conn, &item.id, user_id)? {
        return Err(AppError::NotFound);
    }
    actor.audit(
        conn,
        now,
        "record.movement",
        "meeting",
        &meeting.id,
        format!("{user_id}: movement at '{}' removed", item.title),
    )?;
    Ok(())
}

/// A vote taken on a decision: the count, or, where the body records votes
/// by name, each member's vote.
#[derive(Clone, Debug, Default, Deserialize, Serialize, ToSchema)]
pub struct VoteInput {
    /// Votes for (by count).
    #[serde(rename = "for")]
    #[schema(minimum = 0)]
    pub for_: Option<i32>,
    #[schema(minimum = 0)]
    pub against: Option<i32>,
    #[schema(minimum = 0)]
    pub abstain: Option<i32>,
    /// Each member's vote, where the body records votes by name.
    pub by_name: Option<Vec<NamedVoteInput>>,
}

#[derive(Clone, Debug, Deserialize, Serialize, ToSchema)]
pub struct NamedVoteInput {
    pub user_id: String,
    /// for, against or abstain
    #[schema(pattern = "^(for|against|abstain)$")]
    pub vote: String,
}

impl VoteInput {
    fn is_empty(&self) -> bool {
        self.for_.is_none()
            && self.against.is_none()
            && self.abstain.is_none()
            && self.by_name.as_ref().is_none_or(Vec::is_empty)
    }
}

/// Who may vote on an item, in the room for it: voting members present
/// themselves (remotely only where the rules count it), and substitutes
/// present for a voting member. Each is (who votes, whose seat).
pub fn voters_in_room(
    body: &Body,
    members: &[memberships::MemberRow],
    att: &[Attendance],
    here: &Room,
) -> Vec<String> {
    let remote_ok = crate::domain::rules::remote_attendance_counts(
        body.profile(),
        body.remote_attendance_counts,
    );
    let votes = |u: &str| {
        members
            .iter()
            .any(|m| m.user_id == u && Role::parse(&m.role).is_some_and(Role::votes))
    };
    att.iter()
        .filter(|a| a.status == "present" && !here.gone(&a.user_id))
        .filter(|a| remote_ok || !here.remote(a))
        .filter(|a| match &a.substitute_for_user_id {
            Some(seat) => votes(seat),
            None => votes(&a.user_id),
        })
        .map(|a| a.user_id.clone())
        .collect()
}

/// Checks a vote against the body's policy and who is in the room for the
/// item: the count (and, by name, each vote) for the decision, or every
/// problem on `vote`.
fn checked_vote(
    conn: &mut DbConn,
    meeting: &Meeting,
    body: &Body,
    item: &AgendaItem,
    vote: &VoteInput,
) -> AppResult<(crate::domain::record::Tally, Vec<(String, Vote)>)> {
    let att = record::attendance_of(conn, &meeting.id)?;
    let fail = |code: &str, message: String| {
        Err(AppError::Validation(vec![FieldError::new(
            "vote", code, message,
        )]))
    };
    if att.is_empty() {
        return fail(
            "no_attendance",
            crate::i18n::say("err-record-vote-no-attendance"),
        );
    }
    let members = memberships::members_of(conn, &body.id)?;
    let declarations = record::declarations_of(conn, &meeting.id)?;
    let moves = record::moves_of(conn, &meeting.id)?;
    let here = room(&declarations, &moves, &item.id, item.position);
    let voters = voters_in_room(body, &members, &att, &here);
    let counted = vote.for_.is_some() || vote.against.is_some() || vote.abstain.is_some();
    let named = vote.by_name.clone().unwrap_or_default();
    let mut by_name = Vec::new();
    if body.votes_by_name {
        if counted || named.is_empty() {
            return fail("by_name", crate::i18n::say("err-record-vote-by-name"));
        }
        let mut errors = Vec::new();
        for (n, v) in named.iter().enumerate() {
            let who = v.user_id.trim();
            let Some(choice) = Vote::parse(v.vote.trim()) else {
                errors.push(FieldError::new(
                    &format!("vote.by_name[{n}].vote"),
                    "invalid",
                    crate::i18n::say("err-record-vote-choice"),
                ));
                continue;
            };
            if !voters.iter().any(|u| u == who) {
                errors.push(FieldError::new(
                    &format!("vote.by_name[{n}].user_id"),
                    "not_a_voter",
                    crate::i18n::say("err-record-vote-not-a-voter"),
                ));
            } else if by_name.iter().any(|(u, _): &(String, Vote)| u == who) {
                errors.push(FieldError::new(
                    &format!("vote.by_name[{n}].user_id"),
                    "twice",
                    crate::i18n::say("err-record-vote-twice"),
                ));
            } else {
                by_name.push((who.to_string(), choice));
            }
        }
        if !errors.is_empty() {
            return Err(AppError::Validation(errors));
        }
    } else if !named.is_empty() {
        return fail("by_count", crate::i18n::say("err-record-vote-by-count"));
    }
    let tally = if body.votes_by_name {
        let cast: Vec<Vote> = by_name.iter().map(|(_, v)| *v).collect();
        crate::domain::record::Tally::of(&cast)
    } else {
        crate::domain::record::Tally {
            for_: vote.for_.unwrap_or(0),
            against: vote.against.unwrap_or(0),
            abstain: vote.abstain.unwrap_or(0),
        }
    };
    if let Some((code, message)) = crate::domain::record::vote_problem(tally, voters.len()) {
        return fail(code, message);
    }
    Ok((tally, by_name))
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
                crate::i18n::say("err-record-not-on-this-meeting"),
            )])
        })
}

/// The item, if it is on this meeting's agenda; otherwise `None`, with the
/// problem added to `p` (on `item_id`) to report with the others.
fn item_or_problem(
    conn: &mut DbConn,
    meeting: &Meeting,
    item_id: &str,
    p: &mut Problems,
) -> AppResult<Option<AgendaItem>> {
    match item_of(conn, meeting, item_id, "item_id") {
        Ok(i) => Ok(Some(i)),
        Err(AppError::Validation(e)) => {
            for f in e {
                p.add(&f.field, &f.code, f.message);
            }
            Ok(None)
        }
        Err(e) => Err(e),
    }
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
    let interest = p.line("interest", "field-interest-declared", interest, 2000);
    let item = if item_id.trim().is_empty() {
        Err(AppError::Validation(vec![FieldError::new(
            "item_id",
            "required",
            crate::i18n::say("err-record-required"),
        )]))
    } else {
        item_of(conn, meeting, item_id, "item_id")
    };
    if memberships::find(conn, &body.id, user_id)?.is_none() {
        p.add(
            "user_id",
            "not_a_member",
            crate::i18n::say("err-record-not-a-member-user-id"),
        );
    }
    // In the order of the form: the item, then the interest.
    let mut errors = match &item {
        Err(AppError::Validation(e)) => e.clone(),
        _ => Vec::new(),
    };
    errors.extend(p.into_vec());
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

/// A member declares their own interest on an item before or at the
/// meeting (from their briefing): those at the body's table only (403 for
/// others), not at a cancelled meeting; the declaration goes into the
/// record like one the secretariat records.
#[allow(clippy::too_many_arguments)]
pub fn declare_own(
    conn: &mut DbConn,
    actor: &Actor,
    grants: &crate::domain::roles::Grants,
    user_id: &str,
    meeting_id: &str,
    item_id: &str,
    interest: Option<&str>,
    key: Option<&str>,
    now: NaiveDateTime,
) -> AppResult<Declaration> {
    let meeting = crate::db::meetings::find(conn, meeting_id)?.ok_or(AppError::NotFound)?;
    let body = crate::db::bodies::find(conn, &meeting.body_id)?.ok_or(AppError::NotFound)?;
    if !grants
        .role_in(&body.id)
        .is_some_and(Role::sits_at_the_table)
    {
        return Err(AppError::Forbidden);
    }
    if meeting.is_cancelled() {
        return Err(AppError::Validation(vec![FieldError::new(
            "item_id",
            "cancelled",
            crate::i18n::say("err-record-cancelled"),
        )]));
    }
    declare(
        conn, actor, &meeting, &body, item_id, user_id, interest, false, key, now,
    )
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
        p.add("notes", "too_long", crate::i18n::say("err-record-too-long"));
    }
    if notes
        .chars()
        .any(crate::domain::validate::is_forbidden_char)
    {
        p.add(
            "notes",
            "invalid_characters",
            crate::i18n::say("err-record-invalid-characters"),
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
            crate::i18n::say("err-record-minutes-approved"),
        )]));
    }
    if d.withdrawn_at.is_some() {
        return Err(AppError::Conflict(vec![FieldError::new(
            "decision_id",
            "withdrawn",
            crate::i18n::say_args(
                "err-record-withdrawn-already",
                &[("reference", crate::i18n::Arg::Text(&d.reference))],
            ),
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
    let text = p.text_block("text", "field-corrected-resolution", text, 10_000);
    let reason = p.line("reason", "field-why-corrected", reason, 500);
    if !text.is_empty() && text == d.text {
        p.add(
            "text",
            "unchanged",
            crate::i18n::say("err-record-unchanged"),
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
    let reason = p.line("reason", "field-why-withdrawn", reason, 500);
    if !crate::db::actions::decisions_with_actions(conn, std::slice::from_ref(&d.id))?.is_empty() {
        p.add(
            "decision_id",
            "has_actions",
            crate::i18n::say_args(
                "err-record-has-actions",
                &[("reference", crate::i18n::Arg::Text(&d.reference))],
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

/// Saves the Welsh an API client sent with a new decision (a bilingual
/// body's), and gives back its Welsh and statuses for the answer; `None`
/// for a body in English only.
pub fn decision_translations(
    conn: &mut DbConn,
    actor: &Actor,
    grants: &crate::domain::roles::Grants,
    body: &Body,
    d: &Decision,
    input: Option<&super::translations::TranslationsInput>,
    now: NaiveDateTime,
) -> AppResult<Option<super::translations::Welsh>> {
    use crate::domain::translation::Subject;
    // A replayed request (the same idempotency key) gives the first answer:
    // Welsh already saved with the decision is kept.
    let saved =
        super::translations::stored_of(conn, Subject::Decision, std::slice::from_ref(&d.id))?;
    if let Some(t) = input
        && saved.get(&d.id).is_none_or(|f| f.is_empty())
    {
        super::translations::apply_input(conn, actor, grants, Subject::Decision, &d.id, t, now)?;
    }
    if !body.bilingual {
        return Ok(None);
    }
    let english = std::collections::HashMap::from([("text", d.text.clone())]);
    Ok(
        super::translations::welsh_of(conn, Subject::Decision, &[(d.id.clone(), english)])?
            .remove(&d.id),
    )
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
    vote: Option<&VoteInput>,
    key: Option<&str>,
    now: NaiveDateTime,
) -> AppResult<Decision> {
    // A key replays only this caller's own decision at this meeting.
    let key = key
        .filter(|k| !k.is_empty())
        .map(|k| scoped(actor.key_owner(), "decision", &meeting.id, k));
    let vote = vote.filter(|v| !v.is_empty());
    // The vote is part of the request (old keys, without one, keep their
    // digests).
    let vote_words = vote.map(|v| serde_json::to_string(v).unwrap_or_default());
    let digest = key.as_ref().map(|_| match &vote_words {
        None => idempotency::digest(&[item_id, text]),
        Some(w) => idempotency::digest(&[item_id, text, Some(w)]),
    });
    if let (Some(k), Some(sent)) = (&key, &digest)
        && let Some(d) = record::decision_by_key(conn, k)?
        && d.meeting_id == meeting.id
    {
        return replay(d.idempotency_digest.clone(), sent, d);
    }
    let mut p = Problems::new();
    let text = p.text_block("text", "field-resolution", text, 10_000);
    let item = match item_id.map(str::trim).filter(|s| !s.is_empty()) {
        None => {
            p.add(
                "item_id",
                "required",
                crate::i18n::say("err-record-required-item-id"),
            );
            None
        }
        Some(id) => item_or_problem(conn, meeting, id, &mut p)?,
    };
    p.finish()?;
    let item = item.ok_or_else(|| AppError::internal("checked item missing"))?;
    // Once attendance is recorded, a decision needs the item's quorum.
    if let Some(q) = item_quorum(conn, meeting, body, &item)?
        && !q.met
    {
        return Err(AppError::Validation(vec![FieldError::new(
            "item_id",
            "inquorate",
            crate::i18n::say_args(
                "err-record-inquorate",
                &[
                    ("present", crate::i18n::Arg::count(q.present)),
                    ("needed", crate::i18n::Arg::count(q.needed)),
                ],
            ),
        )]));
    }
    let counted = match vote {
        Some(v) => Some(checked_vote(conn, meeting, body, &item, v)?),
        None => None,
    };
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
        votes_for: counted.as_ref().map(|(t, _)| t.for_),
        votes_against: counted.as_ref().map(|(t, _)| t.against),
        votes_abstain: counted.as_ref().map(|(t, _)| t.abstain),
    };
    record::insert_decision(conn, &d)?;
    if let Some((_, by_name)) = &counted {
        let named: Vec<record::NamedVote> = by_name
            .iter()
            .map(|(u, v)| record::NamedVote {
                decision_id: d.id.clone(),
                user_id: u.clone(),
                vote: v.as_str().to_string(),
            })
            .collect();
        record::insert_votes(conn, &named)?;
    }
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
    /// Interests declared on its item: "Cllr X: the interest".
    pub declarations: Vec<String>,
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
    let declared = record::declarations_of(conn, &meeting.id)?;
    let names: std::collections::HashMap<String, String> = if declared.is_empty() {
        std::collections::HashMap::new()
    } else {
        crate::db::users::all_with_organisation(conn)?
            .into_iter()
            .map(|(u, _)| (u.id, u.name))
            .collect()
    };
    let taken: Vec<_> = record::decisions_of_meeting(conn, &meeting.id)?
        .into_iter()
        .filter(|d| may_read_decision(grants, d) && d.withdrawn_at.is_none())
        .collect();
    use crate::domain::translation::Subject;
    use crate::services::translations::{for_reader, or_english};
    let ids: Vec<String> = taken.iter().map(|d| d.id.clone()).collect();
    let welsh = for_reader(conn, Subject::Decision, &ids)?;
    let action_ids: Vec<String> = actions.iter().map(|a| a.id.clone()).collect();
    let welsh_actions = for_reader(conn, Subject::Action, &action_ids)?;
    let mut out = Vec::new();
    for d in taken {
        let declarations = declared
            .iter()
            .filter(|x| x.item_id == d.item_id)
            .map(|x| {
                format!(
                    "{}: {}",
                    names.get(&x.user_id).cloned().unwrap_or_default(),
                    x.interest
                )
            })
            .collect();
        let arising = actions
            .iter()
            .filter(|a| a.decision_id.as_deref() == Some(d.id.as_str()))
            .filter(|a| super::actions::may_view(grants, user_id, a))
            .map(|a| {
                (
                    or_english(&welsh_actions, &a.id, "description", a.description.clone()),
                    orgs.get(&a.owner_organisation_id)
                        .cloned()
                        .unwrap_or_default(),
                    crate::domain::format::london_date_words(a.due_on),
                )
            })
            .collect();
        out.push(DecisionTaken {
            declarations,
            item_id: d.item_id,
            reference: d.reference,
            text: or_english(&welsh, &d.id, "text", d.text),
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
    /// Arrivals and departures, each with its item's position.
    pub moves: Vec<(Move, i32)>,
    pub decisions: Vec<Decision>,
    /// Votes recorded by name.
    pub votes: Vec<record::NamedVote>,
    pub actions: Vec<crate::db::actions::Action>,
    /// Notes by item id.
    pub notes: std::collections::HashMap<String, String>,
    /// Everyone who may own an action: (person, their organisation's name).
    pub people: Vec<(crate::db::users::User, String)>,
    /// Decisions may still be corrected or withdrawn: the minutes are not
    /// approved yet.
    pub may_correct: bool,
    /// Items whose quorum differs from the meeting's (someone arrived
    /// late, left, or left the room for them), by item id.
    pub item_quorum: std::collections::HashMap<String, QuorumState>,
    /// Who may vote on each item, in the room for it, by item id (where
    /// the body records votes by name).
    pub item_voters: std::collections::HashMap<String, Vec<String>>,
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
    let moves = record::moves_of(conn, &meeting.id)?;
    let decisions = record::decisions_of_meeting(conn, &meeting.id)?;
    let votes = record::votes_of_meeting(conn, &meeting.id)?;
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
        item_voters: std::collections::HashMap::new(),
        may_correct,
        meeting,
        body,
        working,
        quorum,
        members,
        attendance,
        declarations,
        moves,
        decisions,
        votes,
        actions,
        notes,
        people,
    };
    sheet.item_quorum = item_quorums(&sheet);
    if sheet.body.votes_by_name {
        for item in &sheet.working.items {
            let here = room(
                &sheet.declarations,
                &sheet.moves,
                &item.row.id,
                item.row.position,
            );
            let voters = voters_in_room(&sheet.body, &sheet.members, &sheet.attendance, &here);
            sheet.item_voters.insert(item.row.id.clone(), voters);
        }
    }
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

/// A decision's vote in words, where one was recorded: the outcome, then,
/// where votes were recorded by name, who voted how (names from `name`).
pub fn vote_words(
    lang: crate::i18n::Lang,
    d: &Decision,
    votes: &[record::NamedVote],
    name: impl Fn(&str) -> String,
) -> Vec<String> {
    use crate::i18n::{Arg, text_with};
    let Some(t) = d.tally() else {
        return Vec::new();
    };
    let count = |n: i32| Arg::Number(i64::from(n));
    let mut out = vec![text_with(
        lang,
        "vote-outcome",
        &[
            ("for", count(t.for_)),
            ("against", count(t.against)),
            ("abstain", count(t.abstain)),
        ],
    )];
    for (choice, key) in [
        (Vote::For, "vote-names-for"),
        (Vote::Against, "vote-names-against"),
        (Vote::Abstain, "vote-names-abstain"),
    ] {
        let names: Vec<String> = votes
            .iter()
            .filter(|v| v.decision_id == d.id && v.vote == choice.as_str())
            .map(|v| name(&v.user_id))
            .collect();
        if !names.is_empty() {
            out.push(text_with(
                lang,
                key,
                &[("names", Arg::Text(&names.join(", ")))],
            ));
        }
    }
    out
}

/// An item's arrivals and departures in words: (person's id, words), in
/// the order recorded.
pub fn movement_words(
    lang: crate::i18n::Lang,
    moves: &[(Move, i32)],
    item_id: &str,
    name: impl Fn(&str) -> String,
) -> Vec<(String, String)> {
    moves
        .iter()
        .filter(|(m, _)| m.item_id == item_id)
        .map(|(m, _)| {
            let key = match (m.movement == Movement::Arrives.as_str(), m.mode.as_deref()) {
                (true, Some("remote")) => "movement-arrived-remotely",
                (true, _) => "movement-arrived",
                (false, _) => "movement-left",
            };
            let who = name(&m.user_id);
            (
                m.user_id.clone(),
                crate::i18n::text_with(lang, key, &[("name", crate::i18n::Arg::Text(&who))]),
            )
        })
        .collect()
}
