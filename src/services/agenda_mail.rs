//! Telling members about a published agenda, and the calendar entries for
//! meetings (feeds and invitations).

use crate::db::bodies::Body;
use crate::db::meetings::Meeting;
use crate::db::{DbConn, agenda, memberships, users};
use crate::domain::format::london_datetime;
use crate::domain::frozen::{Frozen, changes};
use crate::domain::roles::Role;
use crate::error::AppResult;
use crate::i18n;
use crate::mail::messages::AgendaPublished;
use crate::render::ics::{self, CalEvent};
use crate::services::Ctx;

/// Roles that receive the agenda: those who sit at the table.
fn receives_agenda(role: Role) -> bool {
    role.sits_at_the_table()
}

/// The calendar entry for a meeting. Its SEQUENCE rises with every move,
/// cancellation and published agenda version.
pub fn meeting_event(m: &Meeting, body: &Body, published: i32, base_url: &str) -> CalEvent {
    let link = format!("{base_url}/meetings/{}", m.id);
    let description = match (m.is_cancelled(), published) {
        (true, _) => crate::mail::w1(
            "feed-cancelled",
            "reason",
            &m.cancel_reason.clone().unwrap_or_default(),
        ),
        (false, 0) => format!("{} {link}", crate::mail::w("feed-not-published")),
        (false, n) => format!(
            "{} {link}",
            crate::mail::w1("feed-agenda-version", "number", &n.to_string())
        ),
    };
    CalEvent {
        uid: format!("meeting-{}@quorate", m.id),
        sequence: (m.version - 1) + published,
        stamp: m.updated_at,
        starts: m.starts_at,
        ends: m.ends_at,
        summary: body.name.clone(),
        description,
        location: m.location.clone(),
        url: Some(link),
        cancelled: m.is_cancelled(),
    }
}

/// Queues the agenda email, with the briefing and an invitation, for every
/// member and substitute. Returns how many were queued.
pub fn tell_members(
    conn: &mut DbConn,
    meeting: &Meeting,
    body: &Body,
    frozen: &Frozen,
    ctx: &Ctx<'_>,
) -> AppResult<usize> {
    let public = frozen.public_view();
    let previous = if frozen.number > 1 {
        match agenda::version(conn, &meeting.id, frozen.number - 1)? {
            Some(v) => Some(agenda::parse_snapshot(&v)?.public_view()),
            None => None,
        }
    } else {
        None
    };
    // The invitation's words are the reader's, like the message's.
    let invitation = || {
        ics::calendar(
            &body.name,
            &[meeting_event(meeting, body, frozen.number, ctx.base_url)],
        )
    };
    let mut sent = 0;
    for member in memberships::members_of(conn, &body.id)? {
        if !Role::parse(&member.role).is_some_and(receives_agenda) {
            continue;
        }
        let Some(user) = users::find(conn, &member.user_id)? else {
            continue;
        };
        // Written in the member's language; a bilingual body's member who
        // has not chosen gets both, Welsh first, in one message.
        let email =
            crate::mail::messages::written_for(user.language.as_deref(), body.bilingual, || {
                let lang = i18n::current();
                let seen = public.in_language(lang);
                AgendaPublished {
                    to: user.email.clone(),
                    name: user.name.clone(),
                    body: body.name.clone(),
                    when: london_datetime(meeting.starts_at),
                    location: meeting.location.clone(),
                    number: frozen.number,
                    late_reason: frozen.late_reason.clone().unwrap_or_default(),
                    supplement_reason: frozen.supplement_reason.clone().unwrap_or_default(),
                    changes: previous
                        .as_ref()
                        .map(|p| changes(&p.in_language(lang), &seen))
                        .unwrap_or_default(),
                    link: format!("{}/meetings/{}", ctx.base_url, meeting.id),
                    briefs: crate::domain::briefing::brief(&seen),
                    ics: invitation(),
                }
                .render()
            })?
            .about(&meeting.body_id);
        if email.enqueue(
            conn,
            Some(format!(
                "agenda:{}:{}:{}",
                meeting.id, frozen.number, member.user_id
            )),
            ctx.now,
        )? {
            sent += 1;
        }
    }
    Ok(sent)
}
