//! What is due from a signed-in person, by role: the first thing they see.
//!
//! One read model, already filtered for the viewer: an author's drafts and
//! returned papers with their deadlines, a sponsor's papers awaiting
//! sign-off, a chair's late papers, the secretariat's queue for each body
//! they run, and a member's actions and newly published agendas. Dates are
//! said in working days, by each body's calendar.

use std::collections::HashMap;

use chrono::{Duration, NaiveDateTime};

use crate::db::actions::ActionFilter;
use crate::db::bodies::Body;
use crate::db::meetings::Meeting;
use crate::db::{DbConn, ExemptScope, actions, agenda, bodies, meetings, minutes, papers};
use crate::domain::calendar::Calendars;
use crate::domain::roles::{Grants, Role};
use crate::domain::timeline::london_date;
use crate::error::AppResult;
use crate::i18n::{Arg, t, t_args};
use crate::services::meetings::{calendar_for, deadline_words, timeline_for};

/// One thing to do: what, where to do it, and when it is due.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DueItem {
    pub text: String,
    pub link: String,
    /// "Papers due Monday 4 January 2027 at 12:00, in 3 working days"; may be empty.
    pub when: String,
    /// Past its date, or due today.
    pub urgent: bool,
}

/// A heading and the things under it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DueGroup {
    pub heading: String,
    pub items: Vec<DueItem>,
}

/// Everything due from one person, most pressing group first. Empty when
/// nothing is.
pub fn due_for(
    conn: &mut DbConn,
    user_id: &str,
    grants: &Grants,
    cals: &Calendars,
    now: NaiveDateTime,
) -> AppResult<Vec<DueGroup>> {
    let mut cache = Lookup {
        bodies: HashMap::new(),
        meetings: HashMap::new(),
        cals,
    };
    let today = london_date(now.and_utc());
    let mut groups = Vec::new();

    // The chair's late papers.
    let chair_of: Vec<String> = bodies_with(grants, |r| r == Role::Chair);
    let late = papers::late_undecided(conn, &chair_of)?;
    if !late.is_empty() {
        let mut items = Vec::new();
        for p in late {
            let (m, b) = cache.meeting(conn, &p.meeting_id)?;
            items.push(DueItem {
                text: t_args("home-late-paper", &[("title", Arg::Text(&p.title))]),
                link: format!("/papers/{}", p.id),
                when: t_args(
                    "home-at",
                    &[
                        ("body", Arg::Text(&b.name)),
                        (
                            "when",
                            Arg::Text(&crate::domain::format::london_datetime(m.starts_at)),
                        ),
                    ],
                ),
                urgent: true,
            });
        }
        groups.push(DueGroup {
            heading: t("home-late-heading"),
            items,
        });
    }

    // A sponsor's sign-offs.
    let waiting = papers::awaiting_sign_off(conn, user_id)?;
    if !waiting.is_empty() {
        let items = waiting
            .into_iter()
            .map(|p| DueItem {
                text: t_args("home-sign-off", &[("title", Arg::Text(&p.title))]),
                link: format!("/papers/{}", p.id),
                when: String::new(),
                urgent: false,
            })
            .collect();
        groups.push(DueGroup {
            heading: t("home-sign-off-heading"),
            items,
        });
    }

    // An author's unfinished papers.
    let mut mine = Vec::new();
    for p in papers::of_author(conn, user_id)? {
        if !crate::domain::papers::editable(&p.status) {
            continue;
        }
        let (m, b) = cache.meeting(conn, &p.meeting_id)?;
        if m.is_cancelled() || m.ends_at < now {
            continue;
        }
        let t = timeline_for(&m, &b, cache.cals);
        let cal = calendar_for(cache.cals, &b);
        let due = t.paper_deadline.naive_utc();
        let text = t_args(
            if p.status == "returned" {
                "home-resubmit"
            } else {
                "home-finish"
            },
            &[("title", Arg::Text(&p.title))],
        );
        mine.push((
            due,
            DueItem {
                text,
                link: format!("/papers/{}", p.id),
                when: t_args(
                    "home-for-meeting",
                    &[
                        ("body", Arg::Text(&b.name)),
                        (
                            "when",
                            Arg::Text(&crate::domain::format::london_datetime(m.starts_at)),
                        ),
                        (
                            "due",
                            Arg::Text(&deadline_words(t.paper_deadline, today, &cal)),
                        ),
                    ],
                ),
                urgent: due <= now + Duration::days(1),
            },
        ));
    }
    if !mine.is_empty() {
        mine.sort_by_key(|(due, _)| *due);
        groups.push(DueGroup {
            heading: t("home-papers-heading"),
            items: mine.into_iter().map(|(_, i)| i).collect(),
        });
    }

    // The secretariat's queue, per body run.
    let managed: Vec<String> = if grants.is_admin {
        Vec::new()
    } else {
        bodies_with(grants, Role::manages_body)
    };
    for body_id in &managed {
        let Some(b) = cache.body(conn, body_id)? else {
            continue;
        };
        let items = secretariat_queue(conn, &mut cache, &b, now)?;
        if !items.is_empty() {
            groups.push(DueGroup {
                heading: t_args("home-todo-heading", &[("body", Arg::Text(&b.name))]),
                items,
            });
        }
    }
    // Mail that could not be delivered: all of it for administrators, each
    // managed body's own for its secretariat, linked to the mail page.
    let mut failed_mail = Vec::new();
    if grants.is_admin {
        let n = crate::db::outbox::failed_about(conn, None)?;
        failed_mail.push((n, "/admin/mail?state=failed".to_string()));
    }
    for body_id in &managed {
        let Some(b) = cache.body(conn, body_id)? else {
            continue;
        };
        let n = crate::db::outbox::failed_about(conn, Some(std::slice::from_ref(&b.id)))?;
        failed_mail.push((n, format!("/bodies/{}/mail?state=failed", b.slug)));
    }
    let items: Vec<DueItem> = failed_mail
        .into_iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, link)| DueItem {
            text: t_args("mail-undelivered", &[("count", Arg::Number(n))]),
            link,
            when: String::new(),
            urgent: true,
        })
        .collect();
    if !items.is_empty() {
        groups.push(DueGroup {
            heading: t("home-mail-heading"),
            items,
        });
    }

    // A member's actions.
    let open = actions::search(
        conn,
        &ActionFilter {
            owner_user_id: Some(user_id.to_string()),
            statuses: Some(vec!["open".into(), "in_progress".into()]),
            exempt: ExemptScope::All,
            limit: 50,
            ..Default::default()
        },
    )?;
    if !open.is_empty() {
        let mut open = open;
        open.sort_by_key(|a| a.due_on);
        let items = open
            .into_iter()
            .map(|a| {
                let overdue = a.due_on < today;
                DueItem {
                    text: a.description.clone(),
                    link: format!("/actions/{}", a.id),
                    when: t_args(
                        if overdue {
                            "home-overdue-was"
                        } else {
                            "home-due"
                        },
                        &[(
                            "date",
                            Arg::Text(&crate::domain::format::london_date_words(a.due_on)),
                        )],
                    ),
                    urgent: overdue,
                }
            })
            .collect();
        groups.push(DueGroup {
            heading: t("home-actions-heading"),
            items,
        });
    }

    // Agendas published for the bodies a person sits on.
    let seated: Vec<String> = bodies_with(grants, |r| r.sees_exempt());
    let mut agendas_out = Vec::new();
    for body_id in &seated {
        let Some(b) = cache.body(conn, body_id)? else {
            continue;
        };
        let upcoming = meetings::upcoming_of(conn, body_id, now, 3)?;
        let ids: Vec<String> = upcoming.iter().map(|m| m.id.clone()).collect();
        let published = agenda::published_numbers(conn, &ids)?;
        for m in upcoming.iter().filter(|m| !m.is_cancelled()) {
            if let Some(v) = published.get(&m.id) {
                agendas_out.push(DueItem {
                    text: t_args(
                        "home-read-agenda",
                        &[
                            ("body", Arg::Text(&b.name)),
                            (
                                "when",
                                Arg::Text(&crate::domain::format::london_datetime(m.starts_at)),
                            ),
                        ],
                    ),
                    link: format!("/meetings/{}/briefing", m.id),
                    when: t_args(
                        "home-agenda-published",
                        &[("number", Arg::Number(i64::from(*v)))],
                    ),
                    urgent: false,
                });
            }
        }
    }
    if !agendas_out.is_empty() {
        groups.push(DueGroup {
            heading: t("home-prepare-heading"),
            items: agendas_out,
        });
    }
    Ok(groups)
}

/// What the secretariat of a body has to do now, as the home page and the
/// weekly digest list it.
pub fn body_queue(
    conn: &mut DbConn,
    b: &Body,
    cals: &Calendars,
    now: NaiveDateTime,
) -> AppResult<Vec<DueItem>> {
    let mut cache = Lookup {
        bodies: HashMap::new(),
        meetings: HashMap::new(),
        cals,
    };
    secretariat_queue(conn, &mut cache, b, now)
}

/// What the secretariat of one body has to do now.
fn secretariat_queue(
    conn: &mut DbConn,
    cache: &mut Lookup<'_>,
    b: &Body,
    now: NaiveDateTime,
) -> AppResult<Vec<DueItem>> {
    let today = london_date(now.and_utc());
    let cal = calendar_for(cache.cals, b);
    let mut items = Vec::new();
    let upcoming = meetings::upcoming_of(conn, &b.id, now, 3)?;
    let ids: Vec<String> = upcoming.iter().map(|m| m.id.clone()).collect();
    let published = agenda::published_numbers(conn, &ids)?;
    for m in upcoming.iter().filter(|m| !m.is_cancelled()) {
        let when = crate::domain::format::london_datetime(m.starts_at);
        let proposals = crate::db::proposals::of_meeting(conn, &m.id)?
            .into_iter()
            .filter(|p| p.status == "proposed")
            .count();
        if proposals > 0 {
            items.push(DueItem {
                text: t_args(
                    "home-proposals",
                    &[("count", Arg::count(proposals)), ("when", Arg::Text(&when))],
                ),
                link: format!("/meetings/{}", m.id),
                when: String::new(),
                urgent: false,
            });
        }
        let of_meeting = papers::of_meeting(conn, &m.id)?;
        let writing = of_meeting
            .iter()
            .filter(|p| matches!(p.status.as_str(), "draft" | "returned"))
            .count();
        let t = timeline_for(m, b, cache.cals);
        if writing > 0 && now.and_utc() < t.paper_deadline {
            items.push(DueItem {
                text: t_args(
                    "home-writing",
                    &[("count", Arg::count(writing)), ("when", Arg::Text(&when))],
                ),
                link: format!("/meetings/{}", m.id),
                when: t_args(
                    "home-papers-due",
                    &[(
                        "due",
                        Arg::Text(&deadline_words(t.paper_deadline, today, &cal)),
                    )],
                ),
                urgent: false,
            });
        }
        let to_accept = of_meeting
            .iter()
            .filter(|p| p.status == "submitted")
            .count();
        if to_accept > 0 {
            items.push(DueItem {
                text: t_args(
                    "home-to-accept",
                    &[("count", Arg::count(to_accept)), ("when", Arg::Text(&when))],
                ),
                link: format!("/meetings/{}/agenda", m.id),
                when: String::new(),
                urgent: false,
            });
        }
        if !published.contains_key(&m.id) {
            let due = t.publication_deadline;
            items.push(DueItem {
                text: t_args("home-build-agenda", &[("when", Arg::Text(&when))]),
                link: format!("/meetings/{}/agenda", m.id),
                when: t_args(
                    "home-due",
                    &[("date", Arg::Text(&deadline_words(due, today, &cal)))],
                ),
                urgent: due.naive_utc() <= now + Duration::days(2),
            });
        }
    }
    // Minutes of the last meetings, until they are circulated.
    for m in meetings::of_body(conn, &b.id)?
        .into_iter()
        .rev()
        .filter(|m| m.ends_at < now && !m.is_cancelled())
        .take(2)
    {
        let circulated = minutes::find(conn, &m.id)?.is_some_and(|x| x.circulated_at.is_some());
        if !circulated {
            items.push(DueItem {
                text: t_args(
                    "home-write-minutes",
                    &[(
                        "when",
                        Arg::Text(&crate::domain::format::london_datetime(m.starts_at)),
                    )],
                ),
                link: format!("/meetings/{}/minutes", m.id),
                when: String::new(),
                urgent: false,
            });
        }
    }
    let overdue = actions::search(
        conn,
        &ActionFilter {
            body_ids: Some(vec![b.id.clone()]),
            overdue_on: Some(today),
            exempt: ExemptScope::All,
            limit: 1000,
            ..Default::default()
        },
    )?
    .len();
    if overdue > 0 {
        items.push(DueItem {
            text: t_args("home-overdue-actions", &[("count", Arg::count(overdue))]),
            link: format!("/actions?body={}&overdue=yes", b.slug),
            when: String::new(),
            urgent: true,
        });
    }
    Ok(items)
}

fn bodies_with(grants: &Grants, pick: impl Fn(Role) -> bool) -> Vec<String> {
    let mut out: Vec<String> = grants
        .roles
        .iter()
        .filter(|(_, r)| pick(*r))
        .map(|(b, _)| b.clone())
        .collect();
    out.sort();
    out.dedup();
    out
}

/// Bodies and meetings, each read once.
struct Lookup<'a> {
    bodies: HashMap<String, Option<Body>>,
    meetings: HashMap<String, Meeting>,
    cals: &'a Calendars,
}

impl Lookup<'_> {
    fn body(&mut self, conn: &mut DbConn, id: &str) -> AppResult<Option<Body>> {
        if !self.bodies.contains_key(id) {
            let b = bodies::find(conn, id)?;
            self.bodies.insert(id.to_string(), b);
        }
        Ok(self.bodies.get(id).cloned().flatten())
    }

    fn meeting(&mut self, conn: &mut DbConn, id: &str) -> AppResult<(Meeting, Body)> {
        let missing = || crate::error::AppError::internal("a paper's meeting or body is missing");
        if !self.meetings.contains_key(id) {
            let m = meetings::find(conn, id)?.ok_or_else(missing)?;
            self.meetings.insert(id.to_string(), m);
        }
        let m = self.meetings.get(id).cloned().ok_or_else(missing)?;
        let b = self.body(conn, &m.body_id)?.ok_or_else(missing)?;
        Ok((m, b))
    }
}

/// What the home page shows: every body, the next meetings, and for someone
/// signed in their roles and what is due from them.
pub struct HomeView {
    pub bodies: Vec<Body>,
    pub upcoming: Vec<Meeting>,
    /// (body id, body slug, body name, role)
    pub roles: Vec<(String, String, String, String)>,
    pub due: Option<Vec<DueGroup>>,
}

pub fn page(
    conn: &mut DbConn,
    who: Option<(&str, &Grants)>,
    cals: &Calendars,
    now: NaiveDateTime,
) -> AppResult<HomeView> {
    let all = bodies::all(conn)?;
    let upcoming = meetings::upcoming(conn, now, 10)?;
    let (roles, due) = match who {
        Some((user_id, grants)) => (
            crate::db::memberships::roles_of(conn, user_id)?,
            Some(due_for(conn, user_id, grants, cals, now)?),
        ),
        None => (Vec::new(), None),
    };
    Ok(HomeView {
        bodies: all,
        upcoming,
        roles,
        due,
    })
}
