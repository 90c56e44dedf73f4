//! The chase for papers: the call for papers when a meeting is scheduled,
//! reminders to authors before the paper deadline, and to sponsors whose
//! sign-off is awaited. Each message is queued once (its dedupe key) in the
//! transaction that decides to send it, however many workers tick.

use std::collections::HashMap;

use chrono::{Duration, NaiveDateTime};

use super::Ctx;
use crate::db::bodies::{self, Body};
use crate::db::meetings::{self, Meeting};
use crate::db::{DbConn, memberships, papers, users};
use crate::domain::chase::{PaperReminder, paper_reminder, sign_off_reminder_day, stale};
use crate::domain::format::{london_date_words, london_datetime};
use crate::domain::roles::Role;
use crate::domain::timeline::{countdown, london_date};
use crate::error::AppResult;
use crate::i18n::Lang;
use crate::mail::messages;

/// Who is called for papers: everyone on the body who may bring one.
const CALLED: [Role; 8] = [
    Role::Chair,
    Role::ViceChair,
    Role::StatutoryMember,
    Role::Member,
    Role::DesignatedSubstitute,
    Role::Substitute,
    Role::InvitedParticipant,
    Role::Officer,
];

/// Calls for papers for a meeting just scheduled: its deadlines and how to
/// submit, to the body's members and officers. Nothing when its paper
/// deadline has passed (a meeting recorded after the event).
pub fn call_for_papers(
    conn: &mut DbConn,
    meeting: &Meeting,
    body: &Body,
    ctx: &Ctx<'_>,
) -> AppResult<usize> {
    let tl = super::meetings::timeline_for(meeting, body, ctx.calendars);
    if ctx.now.and_utc() >= tl.paper_deadline {
        return Ok(0);
    }
    let mut queued = 0;
    for m in memberships::members_of(conn, &body.id)? {
        if !Role::parse(&m.role).is_some_and(|r| CALLED.contains(&r)) {
            continue;
        }
        let Some(u) = users::find(conn, &m.user_id)? else {
            continue;
        };
        let sent = messages::written_for(u.language.as_deref(), body.bilingual, || {
            messages::CallForPapers {
                to: u.email.clone(),
                name: u.name.clone(),
                body: body.name.clone(),
                when: london_datetime(meeting.starts_at),
                location: meeting.location.clone(),
                proposal_deadline: london_datetime(tl.proposal_deadline.naive_utc()),
                paper_deadline: london_datetime(tl.paper_deadline.naive_utc()),
                publication_deadline: london_datetime(tl.publication_deadline.naive_utc()),
                link: format!("{}/meetings/{}", ctx.base_url, meeting.id),
            }
            .render()
        })?
        .about(&body.id)
        .enqueue(
            conn,
            Some(format!("call-for-papers:{}:{}", meeting.id, u.id)),
            ctx.now,
        )?;
        queued += usize::from(sent);
    }
    Ok(queued)
}

/// Worker step: author reminders for papers not yet submitted (3 and 1
/// working days before the paper deadline, and on the day), and sponsor
/// reminders for papers waiting 2 working days for sign-off. A reminder
/// more than `grace` after its moment is skipped and logged, so a worker
/// that was down does not send a burst of stale ones. The papers of every
/// meeting to come are read at once, and which reminders have gone already
/// is asked of the outbox in bulk: only new ones are written.
pub fn send_reminders(conn: &mut DbConn, ctx: &Ctx<'_>, grace: Duration) -> AppResult<usize> {
    let now = ctx.now;
    let today = london_date(now.and_utc());
    let upcoming = meetings::upcoming(conn, now, 500)?;
    if upcoming.is_empty() {
        return Ok(0);
    }
    let all_bodies = bodies::by_id(conn)?;
    let ids: Vec<String> = upcoming.iter().map(|m| m.id.clone()).collect();
    let mut chased: HashMap<String, Vec<papers::Chased>> = HashMap::new();
    for p in papers::being_chased(conn, &ids)? {
        chased.entry(p.meeting_id.clone()).or_default().push(p);
    }
    // What each meeting owes today, keyed as its message will be.
    let mut owed: Vec<(Due<'_>, Owed)> = Vec::new();
    for meeting in &upcoming {
        let (Some(body), Some(papers)) =
            (all_bodies.get(&meeting.body_id), chased.get(&meeting.id))
        else {
            continue;
        };
        let cal = super::meetings::calendar_for(ctx.calendars, body);
        let tl = super::meetings::timeline_for(meeting, body, ctx.calendars);
        let due = Due {
            meeting,
            body,
            deadline_at: tl.paper_deadline.naive_utc(),
            deadline_day: tl.paper_day,
            translation_day: super::translations::deadline_for(body, &tl, &cal),
            ctx,
        };
        let unsubmitted: Vec<&papers::Chased> = papers
            .iter()
            .filter(|p| matches!(p.status.as_str(), "draft" | "returned"))
            .collect();
        if now.and_utc() < tl.paper_deadline
            && let Some((kind, day)) = paper_reminder(today, tl.paper_day, &cal)
        {
            if stale(day, now.and_utc(), grace) {
                if !unsubmitted.is_empty() {
                    note_skipped(conn, &meeting.id, kind, day, unsubmitted.len(), now)?;
                }
            } else {
                for p in unsubmitted {
                    owed.push((due.clone(), Owed::Author(p.clone(), kind)));
                }
            }
        }
        for p in papers {
            let (Some(submitted), None, true) = (
                p.submitted_at,
                p.signed_off_at,
                p.status == "submitted" && p.sponsor_user_id.is_some(),
            ) else {
                continue;
            };
            if today >= sign_off_reminder_day(london_date(submitted.and_utc()), &cal) {
                owed.push((due.clone(), Owed::Sponsor(p.clone(), submitted)));
            }
        }
    }
    let keys: Vec<String> = owed.iter().map(|(due, o)| due.key(o)).collect();
    let sent = crate::db::outbox::existing_keys(conn, &keys)?;
    let mut queued = 0;
    for ((due, o), key) in owed.into_iter().zip(keys) {
        if sent.contains(&key) {
            continue;
        }
        queued += match o {
            Owed::Author(p, kind) => due.remind_author(conn, &p, kind, key)?,
            Owed::Sponsor(p, submitted) => due.remind_sponsor(conn, &p, submitted, key)?,
        };
    }
    Ok(queued)
}

/// A reminder a paper has earned today.
enum Owed {
    /// Its author, and which reminder.
    Author(papers::Chased, PaperReminder),
    /// Its sponsor, for a paper submitted then.
    Sponsor(papers::Chased, NaiveDateTime),
}

/// Records, once whatever the number of ticks or instances, that a day's
/// author reminders for a meeting were skipped as too late: in the audit
/// log (for the secretariat and the IT team) and the service log.
fn note_skipped(
    conn: &mut DbConn,
    meeting_id: &str,
    kind: PaperReminder,
    day: chrono::NaiveDate,
    papers: usize,
    now: chrono::NaiveDateTime,
) -> AppResult<()> {
    const ACTION: &str = "chase.reminders_skipped";
    let when = match kind {
        PaperReminder::ThreeDays => "3 working days before the deadline",
        PaperReminder::OneDay => "1 working day before the deadline",
        PaperReminder::OnTheDay => "on the deadline day",
    };
    let what = format!("The author reminders meant for {day} ({when})");
    let noted = crate::db::audit::for_entity(conn, "meeting", meeting_id)?
        .iter()
        .any(|e| e.action == ACTION && e.summary.starts_with(&what));
    if noted {
        return Ok(());
    }
    tracing::info!(meeting = %meeting_id, reminder = kind.key(), %day, papers, "author reminders skipped: past their moment");
    super::Actor::system("worker").audit(
        conn,
        now,
        ACTION,
        "meeting",
        meeting_id,
        format!(
            "{what} were not sent: the worker reached them too late ({papers} {} not yet submitted)",
            if papers == 1 { "paper" } else { "papers" }
        ),
    )
}

/// When the weekly digest goes: from 08:00 London time on Monday, once in
/// each ISO week (a worker down on Monday sends it at its next tick).
pub const DIGEST_TIME: chrono::NaiveTime = match chrono::NaiveTime::from_hms_opt(8, 0, 0) {
    Some(t) => t,
    None => chrono::NaiveTime::MIN,
};

/// Worker step: the weekly digest for each body's secretariat, what waits
/// for them (as their home page lists it) and the mail about the body that
/// could not be delivered; nothing when nothing waits.
pub fn send_digests(conn: &mut DbConn, ctx: &Ctx<'_>) -> AppResult<usize> {
    use chrono::Datelike;
    let local = ctx.now.and_utc().with_timezone(&chrono_tz::Europe::London);
    if local.weekday() == chrono::Weekday::Mon && local.time() < DIGEST_TIME {
        return Ok(0);
    }
    let week = local.date_naive().iso_week();
    let mut queued = 0;
    for body in bodies::all(conn)? {
        // Those on the secretariat not yet sent this week's digest, each
        // with its key; the queue is read only when someone is owed one.
        let mut owed = Vec::new();
        for m in memberships::members_of(conn, &body.id)? {
            if m.role != Role::Secretariat.as_str()
                || super::preferences::turned_off(
                    conn,
                    &m.user_id,
                    crate::domain::preferences::Topic::Weekly,
                )?
            {
                continue;
            }
            let key = format!(
                "digest:{}:{}:{}-W{:02}",
                body.id,
                m.user_id,
                week.year(),
                week.week()
            );
            if !crate::db::outbox::has_key(conn, &key)? {
                owed.push((m.user_id, key));
            }
        }
        if owed.is_empty() {
            continue;
        }
        let mut recipients = Vec::new();
        for (user_id, key) in owed {
            if let Some(u) = users::find(conn, &user_id)? {
                recipients.push((u, key));
            }
        }
        // What waits, in each language a recipient reads (the Welsh only
        // for a bilingual body or someone who chose it).
        let welsh = body.bilingual
            || recipients
                .iter()
                .any(|(u, _)| u.language.as_deref() == Some(Lang::Welsh.code()));
        let langs: &[Lang] = if welsh {
            &[Lang::English, Lang::Welsh]
        } else {
            &[Lang::English]
        };
        let failed = crate::db::outbox::failed_about(conn, Some(std::slice::from_ref(&body.id)))?;
        let mut waiting = HashMap::new();
        for &lang in langs {
            let mut items: Vec<(String, String, String)> = crate::i18n::with(lang, || {
                super::home::body_queue(conn, &body, ctx.calendars, ctx.now)
            })?
            .into_iter()
            .map(|i| (i.text, i.when, format!("{}{}", ctx.base_url, i.link)))
            .collect();
            if failed > 0 {
                items.push((
                    crate::i18n::text_with(
                        lang,
                        "mail-undelivered",
                        &[("count", crate::i18n::Arg::Number(failed))],
                    ),
                    String::new(),
                    format!("{}/bodies/{}/mail?state=failed", ctx.base_url, body.slug),
                ));
            }
            waiting.insert(lang, items);
        }
        if waiting.get(&Lang::English).is_none_or(Vec::is_empty) {
            continue;
        }
        for (u, key) in recipients {
            let sent = messages::written_for(u.language.as_deref(), body.bilingual, || {
                messages::SecretariatDigest {
                    to: u.email.clone(),
                    name: u.name.clone(),
                    body: body.name.clone(),
                    items: waiting
                        .get(&crate::i18n::current())
                        .cloned()
                        .unwrap_or_default(),
                    home: format!("{}/", ctx.base_url),
                }
                .render()
            })?
            .about(&body.id)
            .enqueue(conn, Some(key), ctx.now)?;
            queued += usize::from(sent);
        }
    }
    Ok(queued)
}

/// What every reminder for one meeting says.
#[derive(Clone)]
struct Due<'a> {
    meeting: &'a Meeting,
    body: &'a Body,
    /// The paper deadline, as an instant (UTC), for words in any language.
    deadline_at: NaiveDateTime,
    deadline_day: chrono::NaiveDate,
    /// A bilingual body: the day its translations are due.
    translation_day: Option<chrono::NaiveDate>,
    ctx: &'a Ctx<'a>,
}

impl Due<'_> {
    /// The dedupe key of a reminder: once per paper and reminder (and
    /// deadline day, or submission).
    fn key(&self, owed: &Owed) -> String {
        match owed {
            Owed::Author(p, kind) => {
                format!(
                    "paper-reminder:{}:{}:{}",
                    p.id,
                    kind.key(),
                    self.deadline_day
                )
            }
            Owed::Sponsor(p, submitted) => format!("sign-off-reminder:{}:{}", p.id, submitted),
        }
    }

    fn remind_author(
        &self,
        conn: &mut DbConn,
        p: &papers::Chased,
        kind: PaperReminder,
        key: String,
    ) -> AppResult<usize> {
        let Some(author) = users::find(conn, &p.author_user_id)? else {
            return Ok(0);
        };
        // In the author's language (both, Welsh first, for a bilingual
        // body's author who has not chosen); the dates and the countdown
        // are written in it too.
        let cal = super::meetings::calendar_for(self.ctx.calendars, self.body);
        let today = london_date(self.ctx.now.and_utc());
        let email = messages::written_for(author.language.as_deref(), self.body.bilingual, || {
            messages::PaperReminder {
                to: author.email.clone(),
                name: author.name.clone(),
                title: p.title.clone(),
                body: self.body.name.clone(),
                when: london_datetime(self.meeting.starts_at),
                deadline: london_datetime(self.deadline_at),
                due_words: countdown(today, self.deadline_day, &cal),
                on_the_day: kind == PaperReminder::OnTheDay,
                link: format!("{}/papers/{}/edit", self.ctx.base_url, p.id),
                translation_deadline: self
                    .translation_day
                    .map(london_date_words)
                    .unwrap_or_default(),
                translation_link: format!("{}/translations/paper/{}", self.ctx.base_url, p.id),
            }
            .render()
        })?;
        let sent = email
            .about(&self.body.id)
            .enqueue(conn, Some(key), self.ctx.now)?;
        Ok(usize::from(sent))
    }

    fn remind_sponsor(
        &self,
        conn: &mut DbConn,
        p: &papers::Chased,
        submitted: NaiveDateTime,
        key: String,
    ) -> AppResult<usize> {
        let Some(sponsor) = p.sponsor_user_id.as_deref() else {
            return Ok(0);
        };
        let (Some(sponsor), Some(author)) = (
            users::find(conn, sponsor)?,
            users::find(conn, &p.author_user_id)?,
        ) else {
            return Ok(0);
        };
        let sent = messages::written_for(sponsor.language.as_deref(), self.body.bilingual, || {
            messages::SignOffReminder {
                to: sponsor.email.clone(),
                name: sponsor.name.clone(),
                author: author.name.clone(),
                title: p.title.clone(),
                body: self.body.name.clone(),
                when: london_datetime(self.meeting.starts_at),
                submitted: london_date_words(london_date(submitted.and_utc())),
                deadline: london_datetime(self.deadline_at),
                link: format!("{}/papers/{}", self.ctx.base_url, p.id),
            }
            .render()
        })?
        .about(&self.body.id)
        .enqueue(conn, Some(key), self.ctx.now)?;
        Ok(usize::from(sent))
    }
}
