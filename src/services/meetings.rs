//! Meetings and their timelines; bank-holiday imports.

use chrono::{DateTime, NaiveDateTime, TimeDelta, Utc};
use serde::Deserialize;
use utoipa::ToSchema;

use super::{Actor, Ctx};
use crate::db::bodies::Body;
use crate::db::meetings;
pub use crate::db::meetings::Meeting;
use crate::db::{DbConn, holidays, papers, users};
use crate::domain::calendar::{Calendar, Calendars};
use crate::domain::timeline::{self, Rules, Timeline};
use crate::domain::validate::Problems;
use crate::error::{AppError, AppResult};
use crate::mail::messages;

/// A deadline in people's words, with the working days left:
/// "Monday 4 January 2027 at 12:00 (in 3 working days)".
pub fn deadline_words(at: DateTime<Utc>, today: chrono::NaiveDate, cal: &Calendar) -> String {
    format!(
        "{} ({})",
        crate::domain::format::london_datetime(at.naive_utc()),
        timeline::countdown(today, timeline::london_date(at), cal)
    )
}

/// One meeting in a body's list of meetings.
#[derive(Clone, Debug)]
pub struct MeetingLine {
    pub id: String,
    pub starts_at: NaiveDateTime,
    pub location: String,
    pub cancelled: bool,
    /// The latest published agenda version, if any.
    pub agenda_version: Option<i32>,
    /// Has the meeting happened?
    pub held: bool,
}

/// A body's meetings for its public page: every upcoming one, soonest
/// first, and one page of past ones, newest first.
#[derive(Clone, Debug)]
pub struct MeetingListing {
    pub upcoming: Vec<MeetingLine>,
    pub past: Vec<MeetingLine>,
    /// 1-based page of past meetings shown.
    pub page: usize,
    pub more_past: bool,
}

/// How many past meetings a page of the body's list shows.
pub const PAST_PER_PAGE: usize = 10;

pub fn listing_for_body(
    conn: &mut DbConn,
    body_id: &str,
    now: NaiveDateTime,
    page: usize,
) -> AppResult<MeetingListing> {
    let all = meetings::of_body(conn, body_id)?;
    let ids: Vec<String> = all.iter().map(|m| m.id.clone()).collect();
    let published = crate::db::agenda::published_numbers(conn, &ids)?;
    let line = |m: &Meeting| MeetingLine {
        id: m.id.clone(),
        starts_at: m.starts_at,
        location: m.location.clone(),
        cancelled: m.is_cancelled(),
        agenda_version: published.get(&m.id).copied(),
        held: m.ends_at < now && !m.is_cancelled(),
    };
    let upcoming = all.iter().filter(|m| m.ends_at >= now).map(line).collect();
    let past: Vec<MeetingLine> = all
        .iter()
        .rev()
        .filter(|m| m.ends_at < now)
        .map(line)
        .collect();
    let page = page.max(1);
    let start = (page - 1) * PAST_PER_PAGE;
    let more_past = past.len() > start + PAST_PER_PAGE;
    let past = past.into_iter().skip(start).take(PAST_PER_PAGE).collect();
    Ok(MeetingListing {
        upcoming,
        past,
        page,
        more_past,
    })
}

/// The newest imported calendar file, or the shipped one. A stored file that
/// no longer parses is skipped (it was checked when imported).
pub fn calendars_in_force(conn: &mut DbConn) -> AppResult<Calendars> {
    Ok(match holidays::latest(conn)? {
        Some((content, _)) => Calendars::parse(&content).unwrap_or_else(|_| Calendars::builtin()),
        None => Calendars::builtin(),
    })
}

/// Checks and stores a bank-holidays file; a malformed file changes nothing.
pub fn import_holidays(
    conn: &mut DbConn,
    actor: &Actor,
    content: &str,
    now: NaiveDateTime,
) -> AppResult<Calendars> {
    super::administering(conn, actor)?;
    let cals = Calendars::parse(content).map_err(|reason| {
        AppError::Validation(vec![crate::error::FieldError::new(
            "file",
            "invalid",
            crate::i18n::say_args(
                "err-meetings-not-imported",
                &[("reason", crate::i18n::Arg::Text(&reason.to_string()))],
            ),
        )])
    })?;
    holidays::insert(conn, content, &actor.label, now)?;
    // Working days moved: the reminder step looks at every open action again.
    crate::db::actions::recheck_reminders(conn)?;
    actor.audit(
        conn,
        now,
        "holidays.import",
        "holidays",
        "bank-holidays",
        "bank-holiday calendars replaced".into(),
    )?;
    Ok(cals)
}

/// The calendar a body uses (England and Wales if its choice is missing).
pub fn calendar_for(cals: &Calendars, body: &Body) -> Calendar {
    cals.get(&body.holiday_calendar)
        .or_else(|| cals.get("england-and-wales"))
        .cloned()
        .unwrap_or_default()
}

/// A meeting's timeline under its body's policy.
pub fn timeline_for(meeting: &Meeting, body: &Body, cals: &Calendars) -> Timeline {
    let day = timeline::london_date(meeting.starts_at.and_utc());
    timeline::compute(
        day,
        &Rules::from_policy(&body.policy()),
        &calendar_for(cals, body),
    )
}

#[derive(Clone, Debug, Default, Deserialize, ToSchema)]
pub struct MeetingInput {
    /// RFC 3339 with offset, e.g. 2027-01-12T14:00:00Z
    #[schema(format = DateTime)]
    pub starts_at: Option<String>,
    #[schema(format = DateTime)]
    pub ends_at: Option<String>,
    #[schema(max_length = 200)]
    pub location: Option<String>,
    /// How to attend remotely: a link and instructions. Under Welsh rules
    /// the agenda cannot be published without it.
    #[schema(max_length = 2000)]
    pub remote_access: Option<String>,
}

fn instant(
    p: &mut Problems,
    field: &str,
    label: &str,
    value: Option<&str>,
) -> Option<NaiveDateTime> {
    match value.map(str::trim).filter(|v| !v.is_empty()) {
        None => {
            p.add(
                field,
                "required",
                crate::i18n::say(&format!("{label}.required")),
            );
            None
        }
        Some(v) => match DateTime::parse_from_rfc3339(v) {
            Ok(t) if !crate::domain::validate::plausible(t.date_naive()) => {
                p.add(
                    field,
                    "out_of_range",
                    crate::i18n::say_args(
                        "err-meetings-years",
                        &[("name", crate::i18n::Arg::Text(&crate::i18n::say(label)))],
                    ),
                );
                None
            }
            Ok(t) => Some(t.with_timezone(&Utc).naive_utc()),
            Err(_) => {
                p.add(
                    field,
                    "invalid",
                    crate::i18n::say_args(
                        "err-meetings-date-time",
                        &[("name", crate::i18n::Arg::Text(&crate::i18n::say(label)))],
                    ),
                );
                None
            }
        },
    }
}

/// Checks start, end and place together; every problem at once.
fn check(
    input: &MeetingInput,
    base: Option<&Meeting>,
) -> AppResult<(NaiveDateTime, NaiveDateTime, String, String)> {
    let mut p = Problems::new();
    let starts = match (&input.starts_at, base) {
        (None, Some(m)) => Some(m.starts_at),
        _ => instant(
            &mut p,
            "starts_at",
            "field-meeting-starts",
            input.starts_at.as_deref(),
        ),
    };
    let ends = match (&input.ends_at, base) {
        (None, Some(m)) => Some(m.ends_at),
        _ => instant(
            &mut p,
            "ends_at",
            "field-meeting-ends",
            input.ends_at.as_deref(),
        ),
    };
    let location = match (&input.location, base) {
        (None, Some(m)) => m.location.clone(),
        _ => p.line(
            "location",
            "field-meeting-location",
            input.location.as_deref(),
            200,
        ),
    };
    let remote_access = match (&input.remote_access, base) {
        (None, Some(m)) => m.remote_access.clone(),
        _ => match input
            .remote_access
            .as_deref()
            .map(str::trim)
            .filter(|v| !v.is_empty())
        {
            None => String::new(),
            Some(v) => p.text_block("remote_access", "field-remote-access", Some(v), 2000),
        },
    };
    if let (Some(s), Some(e)) = (starts, ends) {
        if e <= s {
            p.add(
                "ends_at",
                "before_start",
                crate::i18n::say("err-meetings-before-start"),
            );
        } else if e - s > TimeDelta::hours(12) {
            p.add(
                "ends_at",
                "too_long",
                crate::i18n::say("err-meetings-too-long"),
            );
        }
    }
    p.finish()?;
    match (starts, ends) {
        (Some(s), Some(e)) => Ok((s, e, location, remote_access)),
        _ => Err(AppError::internal("checked meeting times missing")),
    }
}

/// Schedules a meeting and calls for papers for it (see
/// `chase::call_for_papers`).
pub fn create_meeting(
    conn: &mut DbConn,
    actor: &Actor,
    body: &Body,
    input: &MeetingInput,
    ctx: &super::Ctx<'_>,
) -> AppResult<Meeting> {
    let now = ctx.now;
    let (starts_at, ends_at, location, remote_access) = check(input, None)?;
    let m = Meeting {
        remote_access,
        id: crate::clock::new_id(),
        body_id: body.id.clone(),
        starts_at,
        ends_at,
        location,
        status: "scheduled".into(),
        cancel_reason: None,
        version: 1,
        created_at: now,
        updated_at: now,
        translation_urgency_en: None,
        translation_urgency_cy: None,
        translation_urgency_by: None,
    };
    meetings::insert(conn, &m)?;
    actor.audit(
        conn,
        now,
        "meeting.create",
        "meeting",
        &m.id,
        format!(
            "{} meeting on {}",
            body.name,
            crate::domain::format::london_datetime(m.starts_at)
        ),
    )?;
    super::chase::call_for_papers(conn, &m, body, ctx)?;
    Ok(m)
}

/// Moves (or re-places) a meeting. If its day changes, the timeline is
/// recomputed and every author with a paper for it is told.
pub fn update_meeting(
    conn: &mut DbConn,
    actor: &Actor,
    body: &Body,
    meeting: &Meeting,
    input: &MeetingInput,
    expected_version: Option<i32>,
    notify: &Ctx<'_>,
) -> AppResult<Meeting> {
    let now = notify.now;
    if meeting.is_cancelled() {
        return Err(AppError::Conflict(vec![crate::error::FieldError::new(
            "status",
            "cancelled",
            crate::i18n::say("err-meetings-cancelled"),
        )]));
    }
    if expected_version.is_some_and(|v| v != meeting.version) {
        return Err(AppError::PreconditionFailed);
    }
    let (starts_at, ends_at, location, remote_access) = check(input, Some(meeting))?;
    let before = timeline_for(meeting, body, notify.calendars);
    let mut moved = meeting.clone();
    moved.starts_at = starts_at;
    moved.ends_at = ends_at;
    moved.location = location;
    moved.remote_access = remote_access;
    if !meetings::update_times(conn, &moved, meeting.version, now)? {
        return Err(AppError::PreconditionFailed);
    }
    moved.version = meeting.version + 1;
    let after = timeline_for(&moved, body, notify.calendars);
    actor.audit(
        conn,
        now,
        "meeting.update",
        "meeting",
        &moved.id,
        format!(
            "moved to {} at {}",
            crate::domain::format::london_datetime(moved.starts_at),
            moved.location
        ),
    )?;
    if before != after || meeting.starts_at != moved.starts_at || meeting.location != moved.location
    {
        tell_authors(conn, body, &moved, Some(&after), notify)?;
    }
    Ok(moved)
}

pub fn cancel_meeting(
    conn: &mut DbConn,
    actor: &Actor,
    body: &Body,
    meeting: &Meeting,
    reason: &str,
    notify: &Ctx<'_>,
) -> AppResult<Meeting> {
    let now = notify.now;
    if meeting.is_cancelled() {
        return Err(AppError::Conflict(vec![crate::error::FieldError::new(
            "status",
            "cancelled",
            crate::i18n::say("err-meetings-cancelled-status"),
        )]));
    }
    let mut p = Problems::new();
    let reason = p.line("reason", "field-cancel-reason", Some(reason), 500);
    p.finish()?;
    meetings::cancel(conn, &meeting.id, &reason, now)?;
    let cancelled = meetings::find(conn, &meeting.id)?.ok_or(AppError::NotFound)?;
    actor.audit(
        conn,
        now,
        "meeting.cancel",
        "meeting",
        &meeting.id,
        format!("cancelled: {reason}"),
    )?;
    tell_authors(conn, body, &cancelled, None, notify)?;
    Ok(cancelled)
}

fn tell_authors(
    conn: &mut DbConn,
    body: &Body,
    meeting: &Meeting,
    timeline: Option<&Timeline>,
    notify: &Ctx<'_>,
) -> AppResult<()> {
    let now = notify.now;
    let link = format!("{}/meetings/{}", notify.base_url, meeting.id);
    for author_id in papers::authors_of_meeting(conn, &meeting.id)? {
        let Some(author) = users::find(conn, &author_id)? else {
            continue;
        };
        let email = messages::written_for(author.language.as_deref(), body.bilingual, || {
            let when = crate::domain::format::london_datetime(meeting.starts_at);
            messages::MeetingChanged {
                to: &author.email,
                name: &author.name,
                body: &body.name,
                when: &when,
                location: &meeting.location,
                cancelled: meeting.is_cancelled(),
                reason: meeting.cancel_reason.as_deref().unwrap_or(""),
                paper_deadline: &timeline
                    .map(|t| crate::domain::format::london_datetime(t.paper_deadline.naive_utc()))
                    .unwrap_or_default(),
                publication_deadline: &timeline
                    .map(|t| {
                        crate::domain::format::london_datetime(t.publication_deadline.naive_utc())
                    })
                    .unwrap_or_default(),
                link: &link,
            }
            .render()
        })?
        .about(&meeting.body_id);
        email.enqueue(
            conn,
            Some(format!(
                "meeting-changed:{}:{}:{}",
                meeting.id, meeting.version, author.id
            )),
            now,
        )?;
    }
    Ok(())
}

/// A meeting by id; 404 when there is none.
pub fn find(conn: &mut DbConn, id: &str) -> AppResult<Meeting> {
    meetings::find(conn, id)?.ok_or(AppError::NotFound)
}

/// A change to a meeting by its secretariat (see `change_managed`): given
/// the actor, the body, the meeting and the context; answers with words or
/// an id for the page to show.
pub trait ManagedChange:
    FnOnce(&mut DbConn, &Actor, &Body, &Meeting, &Ctx<'_>) -> AppResult<String> + Send + 'static
{
}
impl<F> ManagedChange for F where
    F: FnOnce(&mut DbConn, &Actor, &Body, &Meeting, &Ctx<'_>) -> AppResult<String> + Send + 'static
{
}

/// Runs `change` after the `managed_meeting` guard, in the caller's
/// transaction.
pub fn change_managed(
    conn: &mut DbConn,
    grants: &crate::domain::roles::Grants,
    actor: &Actor,
    id: &str,
    ctx: &Ctx<'_>,
    change: impl ManagedChange,
) -> AppResult<String> {
    let (m, body) = super::record::managed_meeting(conn, grants, id)?;
    change(conn, actor, &body, &m, ctx)
}

/// Everything a meeting's page shows, for one reader (`None`: the public),
/// already filtered for them: the papers they may open, the proposals only
/// for those with a role in the body, the published agenda as their
/// audience sees it, and what they may do.
pub struct MeetingPage {
    pub meeting: Meeting,
    pub body: Body,
    pub timeline: Timeline,
    /// The body's bank holiday calendar, for counting working days.
    pub calendar: Calendar,
    pub papers: Vec<papers::Paper>,
    pub proposals: Vec<crate::db::proposals::Proposal>,
    /// Later meetings of the body a proposal may be deferred to.
    pub later: Vec<Meeting>,
    pub organisations: Vec<crate::db::organisations::Organisation>,
    pub priorities: Vec<crate::db::priorities::Priority>,
    /// The latest published agenda version, as this reader may see it.
    pub agenda: Option<(
        crate::db::agenda::AgendaVersion,
        crate::domain::frozen::Frozen,
    )>,
    /// Proposal id to where it was referred from: (words, meeting id).
    pub origins: std::collections::HashMap<String, (String, String)>,
    pub decisions: Vec<super::record::DecisionTaken>,
    /// When the rapid decision note was published, if it was.
    pub decision_note: Option<chrono::NaiveDateTime>,
    /// The day it falls due.
    pub decision_note_due: chrono::NaiveDate,
    pub audience: super::agenda::Audience,
    pub may: MeetingMay,
    /// A bilingual body's meeting: who wishes to speak Welsh (for those
    /// with a role in the body).
    pub speakers: Option<super::translations::Speakers>,
}

/// What the reader of a meeting's page may do there.
#[derive(Clone, Copy, Debug, Default)]
pub struct MeetingMay {
    /// Start a paper: a role that proposes items, before the meeting.
    pub write: bool,
    /// Propose an item: as `write`, until the proposal deadline.
    pub propose: bool,
    /// Reschedule, cancel, decide proposals: the body's secretariat.
    pub manage: bool,
    /// See the working agenda before it is published.
    pub see_draft: bool,
    /// Say whether they wish to speak Welsh: a member of a bilingual body,
    /// before the meeting.
    pub speak_welsh: bool,
    /// Record the reason for publishing before the translations are
    /// complete: the chair or vice-chair of a bilingual body.
    pub urge: bool,
}

/// Who reads a page: their grants and user id.
pub type Reader<'a> = Option<(&'a crate::domain::roles::Grants, &'a str)>;

pub fn page(
    conn: &mut DbConn,
    reader: Reader<'_>,
    cals: &Calendars,
    now: DateTime<Utc>,
    id: &str,
) -> AppResult<MeetingPage> {
    let grants = reader.map(|(g, _)| g);
    let user_id = reader.map(|(_, u)| u);
    let meeting = find(conn, id)?;
    let body = crate::db::bodies::find(conn, &meeting.body_id)?.ok_or(AppError::NotFound)?;
    let timeline = timeline_for(&meeting, &body, cals);
    let calendar = calendar_for(cals, &body);
    let list: Vec<papers::Paper> = papers::of_meeting(conn, &meeting.id)?
        .into_iter()
        .filter(|p| super::papers::can_view(grants, user_id, p, &body.id))
        .collect();
    let has_role = grants.is_some_and(|g| g.is_admin || g.role_in(&body.id).is_some());
    let proposals = match grants.filter(|_| has_role) {
        Some(g) => super::proposals::seen_by(
            crate::db::proposals::of_meeting(conn, &meeting.id)?,
            g,
            user_id.unwrap_or_default(),
            &body.id,
        ),
        None => Vec::new(),
    };
    let later: Vec<Meeting> = meetings::upcoming_of(conn, &body.id, meeting.ends_at, 20)?
        .into_iter()
        .filter(|x| x.id != meeting.id && !x.is_cancelled() && x.starts_at > meeting.starts_at)
        .collect();
    let organisations = crate::db::organisations::all_by_name(conn)?;
    let priorities = crate::db::priorities::active_of(conn, &body.id)?;
    let audience = super::agenda::Audience::of(grants, &body.id);
    let agenda = super::agenda::latest(conn, &meeting.id)?.map(|(v, f)| (v, audience.view(f)));
    let mut origins = std::collections::HashMap::new();
    for p in &proposals {
        if let Some(item) = &p.referred_from_item_id
            && let Some(o) = super::referrals::origin_words(conn, item)?
        {
            origins.insert(p.id.clone(), o);
        }
    }
    let decisions = super::record::decisions_taken(conn, &meeting, grants, user_id)?;
    let decision_note =
        crate::db::record::decision_note(conn, &meeting.id)?.and_then(|n| n.published_at);
    let decision_note_due = super::decision_note::due_on(&meeting, &body, cals);
    let upcoming = meeting.starts_at > now.naive_utc();
    let write = upcoming && grants.is_some_and(|g| g.can_propose_in(&body.id));
    let may = MeetingMay {
        write,
        propose: write && !meeting.is_cancelled() && now <= timeline.proposal_deadline,
        manage: grants.is_some_and(|g| g.can_manage_body(&body.id)),
        see_draft: agenda.is_none()
            && !meeting.is_cancelled()
            && audience != super::agenda::Audience::Public,
        speak_welsh: body.bilingual
            && upcoming
            && !meeting.is_cancelled()
            && grants
                .and_then(|g| g.role_in(&body.id))
                .is_some_and(crate::domain::roles::Role::sits_at_the_table),
        urge: body.bilingual
            && upcoming
            && !meeting.is_cancelled()
            && grants
                .and_then(|g| g.role_in(&body.id))
                .is_some_and(crate::domain::roles::Role::presides),
    };
    let speakers = if body.bilingual && has_role {
        Some(super::translations::speakers(
            conn,
            &meeting.id,
            &body.id,
            user_id,
        )?)
    } else {
        None
    };
    Ok(MeetingPage {
        speakers,
        meeting,
        body,
        timeline,
        calendar,
        papers: list,
        proposals,
        later,
        organisations,
        priorities,
        agenda,
        origins,
        decisions,
        decision_note,
        decision_note_due,
        audience,
        may,
    })
}

/// The working agenda of a meeting's page, as its audience may see it;
/// `None` for the public, who wait for publication. Brings the agenda in
/// step with the papers first, so it runs in a transaction.
pub fn draft(
    conn: &mut DbConn,
    meeting: &Meeting,
    body: &Body,
    audience: super::agenda::Audience,
    ctx: &Ctx<'_>,
) -> AppResult<Option<super::agenda::Working>> {
    if audience == super::agenda::Audience::Public {
        return Ok(None);
    }
    let w = super::agenda::working(conn, meeting, body, ctx)?;
    Ok(Some(super::agenda::seen_by(w, audience)))
}

/// As `draft`, read without writing: `Err(NotInStep)` when the agenda must
/// first be brought in step with the papers (then call `draft` in a
/// transaction).
pub fn draft_as_it_stands(
    conn: &mut DbConn,
    meeting: &Meeting,
    body: &Body,
    audience: super::agenda::Audience,
    ctx: &Ctx<'_>,
) -> AppResult<Result<Option<super::agenda::Working>, NotInStep>> {
    if audience == super::agenda::Audience::Public {
        return Ok(Ok(None));
    }
    Ok(
        match super::agenda::working_if_in_step(conn, meeting, body, ctx)? {
            Some(w) => Ok(Some(super::agenda::seen_by(w, audience))),
            None => Err(NotInStep),
        },
    )
}

/// The working agenda is behind its papers: it needs a write to show.
#[derive(Debug)]
pub struct NotInStep;

/// A meeting and its body; 404 when there is no such meeting.
pub fn with_body(conn: &mut DbConn, id: &str) -> AppResult<(Meeting, Body)> {
    let m = find(conn, id)?;
    let b = crate::db::bodies::find(conn, &m.body_id)?.ok_or(AppError::NotFound)?;
    Ok((m, b))
}
