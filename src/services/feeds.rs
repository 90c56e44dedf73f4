//! Calendars and feeds: a body's meetings as iCalendar, its published
//! agendas as Atom, and a person's own calendar of meetings and deadlines.
//! Everything here is public or personal, so only public views are used.
//! The words are the reader's language: a body's feeds at `/cy/…` are in
//! Welsh (with a bilingual body's Welsh where translated); a person's own
//! calendar follows the language in their profile.

use atom_syndication::{ContentBuilder, EntryBuilder, FeedBuilder, LinkBuilder, PersonBuilder};
use chrono::{Duration, NaiveDateTime};

use super::agenda::parse_snapshot;
use super::agenda_mail::meeting_event;
use crate::db::bodies::{self, Body};
use crate::db::users::User;
use crate::db::{DbConn, agenda, meetings, memberships, papers};
use crate::domain::calendar::Calendars;
use crate::error::{AppError, AppResult};
use crate::mail::{w, w1};
use crate::render::ics::{self, CalEvent};

/// Every meeting of a body, cancelled ones marked so calendars drop them.
pub fn body_calendar(conn: &mut DbConn, body: &Body, base_url: &str) -> AppResult<String> {
    let list = meetings::of_body(conn, &body.id)?;
    let ids: Vec<String> = list.iter().map(|m| m.id.clone()).collect();
    let published = agenda::published_numbers(conn, &ids)?;
    let events: Vec<CalEvent> = list
        .iter()
        .map(|m| {
            meeting_event(
                m,
                body,
                published.get(&m.id).copied().unwrap_or(0),
                base_url,
            )
        })
        .collect();
    Ok(ics::calendar(&body.name, &events))
}

fn rfc3339(t: NaiveDateTime) -> String {
    t.and_utc()
        .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// Published agendas and supplements of a body, and its published
/// decision notes, newest first (public view).
pub fn body_atom(conn: &mut DbConn, body: &Body, base_url: &str) -> AppResult<String> {
    let list = meetings::of_body(conn, &body.id)?;
    let ids: Vec<String> = list.iter().map(|m| m.id.clone()).collect();
    let versions = agenda::versions_of_meetings(conn, &ids)?;
    let mut entries = Vec::new();
    let mut updated = body.created_at;
    for v in versions.iter().take(50) {
        let f = parse_snapshot(v)?
            .public_view()
            .in_language(crate::i18n::current());
        updated = updated.max(v.published_at);
        let link = format!(
            "{base_url}/meetings/{}/agenda/versions/{}",
            v.meeting_id, v.number
        );
        let when = crate::domain::format::london_datetime(f.starts_at);
        let title = if v.number == 1 {
            format!("{}, {when}", w1("feed-agenda", "body", &body.name))
        } else {
            format!(
                "{}, {when}",
                crate::mail::w2(
                    "feed-supplement",
                    &("number", v.number.to_string().as_str()),
                    &("body", body.name.as_str())
                )
            )
        };
        let mut lines: Vec<String> = Vec::new();
        if let Some(r) = &f.supplement_reason {
            lines.push(format!("{} {r}", w("pdf-supplement")));
        }
        if let Some(r) = &f.late_reason {
            lines.push(format!("{} {r}", w("pdf-published-late")));
        }
        for i in &f.items {
            lines.push(format!("{}. {}", i.number, i.title));
        }
        let text = lines.join("\n");
        entries.push(
            EntryBuilder::default()
                .id(link.clone())
                .title(title)
                .updated(
                    chrono::DateTime::parse_from_rfc3339(&rfc3339(v.published_at))
                        .map_err(|e| AppError::internal(format!("date: {e}")))?,
                )
                .links(vec![LinkBuilder::default().href(link.clone()).build()])
                .content(Some(
                    ContentBuilder::default()
                        .content_type(Some("text".to_string()))
                        .value(Some(text))
                        .build(),
                ))
                .build(),
        );
    }
    // Published decision notes, with the decisions the public may read.
    let notes = crate::db::record::published_notes(conn, &ids)?;
    for m in list.iter().filter(|m| notes.contains_key(&m.id)) {
        let published_at = notes[&m.id];
        updated = updated.max(published_at);
        let link = format!("{base_url}/meetings/{}/decision-note", m.id);
        let when = crate::domain::format::london_datetime(m.starts_at);
        let taken: Vec<_> = crate::db::record::decisions_of_meeting(conn, &m.id)?
            .into_iter()
            .filter(|d| !d.exempt && d.withdrawn_at.is_none())
            .collect();
        let decision_ids: Vec<String> = taken.iter().map(|d| d.id.clone()).collect();
        let welsh = super::translations::for_reader(
            conn,
            crate::domain::translation::Subject::Decision,
            &decision_ids,
        )?;
        let lines: Vec<String> = taken
            .into_iter()
            .map(|d| {
                let text = super::translations::or_english(&welsh, &d.id, "text", d.text);
                format!("{} {text}", d.reference)
            })
            .collect();
        entries.push(
            EntryBuilder::default()
                .id(link.clone())
                .title(format!(
                    "{}, {when}",
                    w1("feed-decision-note", "body", &body.name)
                ))
                .updated(
                    chrono::DateTime::parse_from_rfc3339(&rfc3339(published_at))
                        .map_err(|e| AppError::internal(format!("date: {e}")))?,
                )
                .links(vec![LinkBuilder::default().href(link).build()])
                .content(Some(
                    ContentBuilder::default()
                        .content_type(Some("text".to_string()))
                        .value(Some(format!(
                            "{}\n{}",
                            w("feed-not-approved"),
                            lines.join("\n")
                        )))
                        .build(),
                ))
                .build(),
        );
    }
    entries.sort_by(|a, b| b.updated().cmp(a.updated()));
    let feed_link = format!("{base_url}/bodies/{}/feed.atom", body.slug);
    let feed = FeedBuilder::default()
        .id(feed_link.clone())
        .title(w1("feed-title", "body", &body.name))
        .updated(
            chrono::DateTime::parse_from_rfc3339(&rfc3339(updated))
                .map_err(|e| AppError::internal(format!("date: {e}")))?,
        )
        .authors(vec![
            PersonBuilder::default().name(body.name.clone()).build(),
        ])
        .links(vec![
            LinkBuilder::default()
                .href(feed_link)
                .rel("self".to_string())
                .build(),
            LinkBuilder::default()
                .href(format!("{base_url}/bodies/{}", body.slug))
                .build(),
        ])
        .entries(entries)
        .build();
    Ok(feed.to_string())
}

/// A person's calendar: meetings of their bodies from 90 days ago, the
/// deadlines of papers they are writing, and the actions they own.
pub fn personal_calendar(
    conn: &mut DbConn,
    user: &User,
    base_url: &str,
    cals: &Calendars,
    now: NaiveDateTime,
) -> AppResult<String> {
    let lang = user
        .language
        .as_deref()
        .and_then(crate::i18n::Lang::from_code)
        .unwrap_or(crate::i18n::Lang::English);
    crate::i18n::with(lang, || personal_events(conn, user, base_url, cals, now))
}

fn personal_events(
    conn: &mut DbConn,
    user: &User,
    base_url: &str,
    cals: &Calendars,
    now: NaiveDateTime,
) -> AppResult<String> {
    let roles = memberships::roles_of(conn, &user.id)?;
    let body_ids: Vec<String> = roles.iter().map(|r| r.0.clone()).collect();
    let mut events = Vec::new();
    let list = meetings::of_bodies_since(conn, &body_ids, now - Duration::days(90))?;
    let ids: Vec<String> = list.iter().map(|m| m.id.clone()).collect();
    let published = agenda::published_numbers(conn, &ids)?;
    for m in &list {
        if let Some(b) = bodies::find(conn, &m.body_id)? {
            events.push(meeting_event(
                m,
                &b,
                published.get(&m.id).copied().unwrap_or(0),
                base_url,
            ));
        }
    }
    for p in papers::of_author(conn, &user.id)? {
        if !crate::domain::papers::editable(&p.status) {
            continue;
        }
        let Some(m) = meetings::find(conn, &p.meeting_id)? else {
            continue;
        };
        let Some(b) = bodies::find(conn, &m.body_id)? else {
            continue;
        };
        if m.is_cancelled() {
            continue;
        }
        let t = super::meetings::timeline_for(&m, &b, cals)
            .paper_deadline
            .naive_utc();
        events.push(CalEvent {
            uid: format!("paper-deadline-{}@quorate", p.id),
            sequence: m.version - 1,
            stamp: m.updated_at.max(p.created_at),
            starts: t - Duration::minutes(30),
            ends: t,
            summary: w1("feed-paper-due", "title", &p.title),
            description: format!(
                "{} {base_url}/papers/{}",
                w1("feed-for-meeting", "body", &b.name),
                p.id
            ),
            location: String::new(),
            url: Some(format!("{base_url}/papers/{}", p.id)),
            cancelled: false,
        });
    }
    // Open actions the person owns, on their due dates (all-day events would
    // need DATE values; a half-hour at 09:00 London time reads the same).
    let mine = crate::db::actions::search(
        conn,
        &crate::db::actions::ActionFilter {
            owner_user_id: Some(user.id.clone()),
            statuses: Some(vec!["open".into(), "in_progress".into()]),
            exempt: crate::db::ExemptScope::All,
            limit: 500,
            ..Default::default()
        },
    )?;
    for a in mine {
        let nine = chrono::NaiveTime::from_hms_opt(9, 0, 0).unwrap_or_default();
        let at = crate::domain::timeline::london_instant(a.due_on, nine).naive_utc();
        events.push(CalEvent {
            uid: format!("action-{}@quorate", a.id),
            sequence: a.version - 1,
            stamp: a.updated_at,
            starts: at,
            ends: at + Duration::minutes(30),
            summary: w1(
                "feed-action-due",
                "description",
                &a.description.chars().take(120).collect::<String>(),
            ),
            description: format!("{base_url}/actions/{}", a.id),
            location: String::new(),
            url: Some(format!("{base_url}/actions/{}", a.id)),
            cancelled: false,
        });
    }
    Ok(ics::calendar(&format!("Quorate: {}", user.name), &events))
}
