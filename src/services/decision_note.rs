//! The rapid decision note: within a few working days of a meeting (the
//! body's `decision_note_working_days`, 2 unless set), a note of who
//! attended, the apologies, the declarations of interest and the decisions
//! taken, with their votes, straight from the record and marked "not yet
//! approved minutes". The secretariat publishes it, and is reminded the
//! working day before it falls due; on the day it falls due, Quorate
//! publishes it from the record as it stands.

use std::collections::HashMap;

use chrono::{Duration, NaiveDate, NaiveDateTime};

use super::{Actor, Ctx};
use crate::db::bodies::Body;
use crate::db::meetings::Meeting;
use crate::db::record::{self, DecisionNote};
use crate::db::{DbConn, memberships, users};
use crate::domain::format::{london_date_words, london_datetime};
use crate::domain::record::{decision_note_due, decision_note_reminder_day};
use crate::domain::roles::{Grants, Role};
use crate::domain::timeline::london_date;
use crate::error::{AppError, AppResult, FieldError};
use crate::i18n::{Arg, text_with};
use crate::mail::messages::Notice;

/// Who published a note that fell due without the secretariat.
pub const PUBLISHED_BY_QUORATE: &str = "Quorate, on the day it fell due";

/// A declaration of interest in the note.
#[derive(Clone, Debug)]
pub struct NoteDeclaration {
    /// "Item 3: Housing first" (or "Item 7 (confidential)")
    pub item: String,
    pub person: String,
    /// The interest declared; empty on a confidential item for a reader
    /// who may not see it.
    pub interest: String,
    pub left_room: bool,
}

/// A decision in the note.
#[derive(Clone, Debug)]
pub struct NoteDecision {
    pub item: String,
    pub reference: String,
    pub text: String,
    /// The vote, where one was recorded: the outcome, then who voted how.
    pub vote: Vec<String>,
    pub tally: Option<crate::domain::record::Tally>,
}

/// The decision note of a meeting, as one reader may see it.
#[derive(Clone, Debug)]
pub struct NoteView {
    pub meeting: Meeting,
    pub body: Body,
    /// The day it falls due.
    pub due_on: NaiveDate,
    /// When, and by whom, it was published; `None` for the secretariat's
    /// preview before then.
    pub published: Option<(NaiveDateTime, String)>,
    /// The reader is the body's secretariat and the note may be published
    /// now (the meeting has begun; not published yet).
    pub may_publish: bool,
    /// "Name (Organisation)", remote attendance and substitutes said.
    pub present: Vec<String>,
    pub apologies: Vec<String>,
    pub absent: Vec<String>,
    /// Arrivals and departures: "Name arrived in time for item 3".
    pub movements: Vec<String>,
    pub declarations: Vec<NoteDeclaration>,
    pub decisions: Vec<NoteDecision>,
    /// Decisions on confidential items the reader may not see.
    pub withheld: usize,
}

/// The day a meeting's note falls due, under its body's policy and bank
/// holidays.
pub fn due_on(
    meeting: &Meeting,
    body: &Body,
    calendars: &crate::domain::calendar::Calendars,
) -> NaiveDate {
    let cal = super::meetings::calendar_for(calendars, body);
    decision_note_due(
        london_date(meeting.starts_at.and_utc()),
        working_days(body),
        &cal,
    )
}

/// The body's working days for the note (at least 1).
fn working_days(body: &Body) -> u32 {
    u32::try_from(body.decision_note_working_days.max(1)).unwrap_or(2)
}

/// May this reader see what is exempt at this body?
fn sees_exempt(grants: Option<&Grants>, body: &Body) -> bool {
    grants.is_some_and(|g| g.is_admin || g.role_in(&body.id).is_some_and(Role::sees_exempt))
}

/// The note for a reader: anyone once it is published; before that only
/// the body's secretariat (a preview), and 404 for everyone else.
pub fn view(
    conn: &mut DbConn,
    grants: Option<&Grants>,
    meeting_id: &str,
    ctx: &Ctx<'_>,
) -> AppResult<NoteView> {
    let meeting = crate::db::meetings::find(conn, meeting_id)?.ok_or(AppError::NotFound)?;
    let body = crate::db::bodies::find(conn, &meeting.body_id)?.ok_or(AppError::NotFound)?;
    let state = record::decision_note(conn, &meeting.id)?.unwrap_or_default();
    let manages = grants.is_some_and(|g| g.can_manage_body(&body.id));
    let published = state
        .published_at
        .map(|at| (at, state.published_by.clone().unwrap_or_default()));
    if published.is_none() && !manages {
        return Err(AppError::NotFound);
    }
    let lang = crate::i18n::current();
    let exempt_ok = sees_exempt(grants, &body);
    let names: HashMap<String, String> = users::all_with_organisation(conn)?
        .into_iter()
        .map(|(u, org)| (u.id, format!("{} ({org})", u.name)))
        .collect();
    let name = |id: &str| names.get(id).cloned().unwrap_or_default();
    let plain_names: HashMap<String, String> = memberships::members_of(conn, &body.id)?
        .into_iter()
        .map(|m| (m.user_id, m.name))
        .collect();
    let short = |id: &str| {
        plain_names
            .get(id)
            .cloned()
            .unwrap_or_else(|| name(id).split(" (").next().unwrap_or_default().to_string())
    };
    let att = record::attendance_of(conn, &meeting.id)?;
    let mut present = Vec::new();
    let mut apologies = Vec::new();
    let mut absent = Vec::new();
    for a in &att {
        let mut words = name(&a.user_id);
        if let Some(s) = &a.substitute_for_user_id {
            words.push_str(&text_with(
                lang,
                "note-substituting",
                &[("name", Arg::Text(&short(s)))],
            ));
        }
        if a.mode.as_deref() == Some("remote") {
            words.push_str(&crate::i18n::text(lang, "note-remotely"));
        }
        match a.status.as_str() {
            "present" => present.push(words),
            "apologies" => apologies.push(words),
            _ => absent.push(words),
        }
    }
    let items = crate::db::agenda::items_of(conn, &meeting.id)?;
    let exempt_items: Vec<String> = {
        let mut out = Vec::new();
        for i in &items {
            if super::record::item_exempt(conn, i)? {
                out.push(i.id.clone());
            }
        }
        out
    };
    // Items are numbered in agenda order, as on the agenda.
    let mut ordered: Vec<&crate::db::agenda::AgendaItem> = items.iter().collect();
    ordered.sort_by_key(|i| i.position);
    let number: HashMap<&str, usize> = ordered
        .iter()
        .enumerate()
        .map(|(n, i)| (i.id.as_str(), n + 1))
        .collect();
    let item_words = |id: &str| {
        let n = number.get(id).copied().unwrap_or_default();
        let confidential = exempt_items.iter().any(|e| e == id);
        match items.iter().find(|i| i.id == id) {
            Some(i) if !confidential || exempt_ok => text_with(
                lang,
                "note-item",
                &[("n", Arg::count(n)), ("title", Arg::Text(&i.title))],
            ),
            _ => text_with(lang, "note-item-confidential", &[("n", Arg::count(n))]),
        }
    };
    let moves = record::moves_of(conn, &meeting.id)?;
    let movements = moves
        .iter()
        .map(|(m, _)| {
            let n = number.get(m.item_id.as_str()).copied().unwrap_or_default();
            let key = if m.movement == crate::domain::record::Movement::Arrives.as_str() {
                "note-arrived"
            } else {
                "note-left"
            };
            text_with(
                lang,
                key,
                &[
                    ("name", Arg::Text(&short(&m.user_id))),
                    ("n", Arg::count(n)),
                ],
            )
        })
        .collect();
    let declarations = record::declarations_of(conn, &meeting.id)?
        .into_iter()
        .map(|d| {
            let hidden = exempt_items.contains(&d.item_id) && !exempt_ok;
            NoteDeclaration {
                item: item_words(&d.item_id),
                person: name(&d.user_id),
                interest: if hidden { String::new() } else { d.interest },
                left_room: d.left_room,
            }
        })
        .collect();
    let votes = record::votes_of_meeting(conn, &meeting.id)?;
    let mut decisions = Vec::new();
    let mut withheld = 0;
    for d in record::decisions_of_meeting(conn, &meeting.id)? {
        if d.withdrawn_at.is_some() {
            continue;
        }
        if !super::record::may_read_decision(grants, &d) {
            withheld += 1;
            continue;
        }
        decisions.push(NoteDecision {
            item: item_words(&d.item_id),
            vote: super::record::vote_words(lang, &d, &votes, short),
            tally: d.tally(),
            reference: d.reference,
            text: d.text,
        });
    }
    Ok(NoteView {
        due_on: due_on(&meeting, &body, ctx.calendars),
        may_publish: manages && published.is_none() && ctx.now >= meeting.starts_at,
        published,
        present,
        apologies,
        absent,
        movements,
        declarations,
        decisions,
        withheld,
        meeting,
        body,
    })
}

/// Publishes a meeting's decision note (the body's secretariat): 409 once
/// published, 422 before the meeting has begun or for a cancelled one.
pub fn publish(
    conn: &mut DbConn,
    actor: &Actor,
    grants: &Grants,
    meeting_id: &str,
    now: NaiveDateTime,
) -> AppResult<DecisionNote> {
    let (meeting, _) = super::record::managed_meeting(conn, grants, meeting_id)?;
    let state = record::decision_note(conn, &meeting.id)?;
    if let Some(at) = state.as_ref().and_then(|s| s.published_at) {
        return Err(AppError::Conflict(vec![FieldError::new(
            "meeting_id",
            "published",
            crate::i18n::say_args(
                "err-decision-note-published",
                &[(
                    "when",
                    crate::i18n::Arg::Text(&crate::i18n::with(crate::i18n::reader(), || {
                        london_datetime(at)
                    })),
                )],
            ),
        )]));
    }
    if meeting.status == "cancelled" {
        return Err(AppError::Validation(vec![FieldError::new(
            "meeting_id",
            "cancelled",
            crate::i18n::say("err-decision_note-cancelled"),
        )]));
    }
    if now < meeting.starts_at {
        return Err(AppError::Validation(vec![FieldError::new(
            "meeting_id",
            "not_yet",
            crate::i18n::say("err-decision_note-not-yet"),
        )]));
    }
    let note = DecisionNote {
        meeting_id: meeting.id.clone(),
        published_at: Some(now),
        published_by: Some(actor.label.clone()),
        reminded_at: state.and_then(|s| s.reminded_at),
    };
    record::save_decision_note(conn, &note)?;
    actor.audit(
        conn,
        now,
        "decision_note.publish",
        "meeting",
        &meeting.id,
        "published the decision note".into(),
    )?;
    Ok(note)
}

/// Worker step: for meetings held in the last three weeks whose note is
/// not published, reminds the body's secretariat on the working day before
/// it falls due (once), and publishes it from the record on the day it
/// falls due. Answers how many reminders and publications there were.
pub fn keep_due(conn: &mut DbConn, ctx: &Ctx<'_>) -> AppResult<usize> {
    let now = ctx.now;
    let today = london_date(now.and_utc());
    let held = crate::db::meetings::held_between(conn, now - Duration::days(21), now)?;
    if held.is_empty() {
        return Ok(0);
    }
    let ids: Vec<String> = held.iter().map(|m| m.id.clone()).collect();
    let published = record::published_notes(conn, &ids)?;
    let bodies = crate::db::bodies::by_id(conn)?;
    let mut done = 0;
    for meeting in held.iter().filter(|m| !published.contains_key(&m.id)) {
        let Some(body) = bodies.get(&meeting.body_id) else {
            continue;
        };
        let due = due_on(meeting, body, ctx.calendars);
        let mut state = record::decision_note(conn, &meeting.id)?.unwrap_or(DecisionNote {
            meeting_id: meeting.id.clone(),
            ..Default::default()
        });
        if today >= due {
            state.published_at = Some(now);
            state.published_by = Some(PUBLISHED_BY_QUORATE.into());
            record::save_decision_note(conn, &state)?;
            Actor::system("worker").audit(
                conn,
                now,
                "decision_note.publish",
                "meeting",
                &meeting.id,
                "published the decision note from the record: it fell due today".into(),
            )?;
            done += 1;
            continue;
        }
        let cal = super::meetings::calendar_for(ctx.calendars, body);
        let meeting_day = london_date(meeting.starts_at.and_utc());
        if state.reminded_at.is_none()
            && today >= decision_note_reminder_day(meeting_day, due, &cal)
        {
            remind(conn, meeting, body, due, ctx)?;
            state.reminded_at = Some(now);
            record::save_decision_note(conn, &state)?;
            done += 1;
        }
    }
    Ok(done)
}

/// Tells the body's secretariat the note falls due, with a link to check
/// and publish it.
fn remind(
    conn: &mut DbConn,
    meeting: &Meeting,
    body: &Body,
    due: NaiveDate,
    ctx: &Ctx<'_>,
) -> AppResult<()> {
    for m in memberships::members_of(conn, &body.id)?
        .into_iter()
        .filter(|m| m.role == Role::Secretariat.as_str())
    {
        let Some(u) = users::find(conn, &m.user_id)? else {
            continue;
        };
        crate::mail::messages::written_for(u.language.as_deref(), body.bilingual, || {
            use crate::i18n::{Arg, t, t_args};
            let (when, due) = (london_datetime(meeting.starts_at), london_date_words(due));
            let args = [
                ("body", Arg::Text(&body.name)),
                ("when", Arg::Text(&when)),
                ("due", Arg::Text(&due)),
            ];
            Notice {
                template: "decision_note_reminder",
                to: u.email.clone(),
                name: u.name.clone(),
                subject: t_args("mail-note-subject", &args),
                lines: vec![t_args("mail-note-due", &args), t("mail-note-check")],
                link_text: t("mail-note-link"),
                link: format!("{}/meetings/{}/decision-note", ctx.base_url, meeting.id),
            }
            .render()
        })?
        .about(&body.id)
        .enqueue(
            conn,
            Some(format!("decision-note:{}:{}", meeting.id, m.user_id)),
            ctx.now,
        )?;
    }
    Ok(())
}
