//! A body's forward plan: the public work programme of its next meetings.
//! The items proposed and accepted for each, with the presenting partner
//! and priority; key decisions with the day their 28 clear days' notice is
//! due; and where each paper stands, so a missing one shows weeks ahead.
//! It is public: a confidential item shows only its Schedule 12A paragraph.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use serde::Serialize;
use utoipa::ToSchema;

use crate::db::bodies::Body;
use crate::db::{DbConn, meetings, organisations, papers, priorities, proposals};
use crate::domain::forward_plan::{PaperState, key_decision_notice_by};
use crate::domain::timeline::london_date;
use crate::error::AppResult;
use crate::services::Ctx;

/// How many of the body's next meetings the plan covers.
pub const MEETINGS: usize = 6;

#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct ForwardPlan {
    pub body: String,
    pub body_slug: String,
    /// The next meetings (cancelled ones left out), soonest first.
    pub meetings: Vec<PlannedMeeting>,
}

#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct PlannedMeeting {
    pub id: String,
    /// RFC 3339, UTC
    pub starts_at: String,
    pub ends_at: String,
    pub location: String,
    /// The meeting's page.
    pub url: String,
    /// When papers are due (RFC 3339, UTC).
    pub paper_deadline: String,
    /// The day the agenda is published, at the latest.
    #[schema(value_type = String, format = Date)]
    pub agenda_published_by: NaiveDate,
    pub items: Vec<PlannedItem>,
    /// The same instants, for the page and the calendar (UTC).
    #[serde(skip)]
    pub starts: chrono::NaiveDateTime,
    #[serde(skip)]
    pub ends: chrono::NaiveDateTime,
    #[serde(skip)]
    pub papers_due: chrono::NaiveDateTime,
}

#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct PlannedItem {
    /// The proposal's id, or the paper's for a paper written straight for
    /// the meeting.
    pub id: String,
    /// The item's title; for a confidential item, "Confidential item".
    pub title: String,
    /// The Schedule 12A paragraph of a confidential item.
    pub confidential_paragraph: Option<i32>,
    /// decision, discussion or information
    pub item_type: String,
    /// The presenting partner (withheld for a confidential item).
    pub organisation: Option<String>,
    /// The body priority it serves.
    pub priority: Option<String>,
    /// proposed (awaiting the secretariat) or accepted
    pub status: String,
    pub key_decision: bool,
    /// For a key decision: the last day its notice was due.
    #[schema(value_type = Option<String>, format = Date)]
    pub notice_by: Option<NaiveDate>,
    /// A key decision added after its notice day: short notice.
    pub short_notice: bool,
    /// awaiting_acceptance, due, missing, received or published
    pub paper: String,
}

/// The forward plan of the body `slug`; 404 when there is none.
pub fn of_body(conn: &mut DbConn, body: &Body, ctx: &Ctx<'_>) -> AppResult<ForwardPlan> {
    let orgs = organisations::names(conn)?;
    let mut priority_names: HashMap<String, String> = HashMap::new();
    for p in priorities::active_of(conn, &body.id)? {
        priority_names.insert(p.id, p.title);
    }
    let upcoming = meetings::upcoming_of(conn, &body.id, ctx.now, (MEETINGS * 3) as i64)?;
    let mut out = Vec::new();
    for m in upcoming
        .into_iter()
        .filter(|m| !m.is_cancelled())
        .take(MEETINGS)
    {
        let timeline = super::meetings::timeline_for(&m, body, ctx.calendars);
        let notice_by = key_decision_notice_by(london_date(m.starts_at.and_utc()));
        let now = ctx.now.and_utc();
        let papers_here: HashMap<String, papers::Paper> = papers::of_meeting(conn, &m.id)?
            .into_iter()
            .map(|p| (p.id.clone(), p))
            .collect();
        let mut from_proposals: HashSet<String> = HashSet::new();
        let mut items = Vec::new();
        let mut push = |id: &str,
                        title: &str,
                        exempt: Option<i32>,
                        item_type: &str,
                        org: Option<&String>,
                        priority: Option<&String>,
                        status: &str,
                        key: bool,
                        added: chrono::NaiveDateTime,
                        paper: PaperState| {
            let confidential = exempt.is_some();
            items.push(PlannedItem {
                id: id.to_string(),
                title: if confidential {
                    "Confidential item".into()
                } else {
                    title.to_string()
                },
                confidential_paragraph: exempt,
                item_type: item_type.to_string(),
                organisation: if confidential {
                    None
                } else {
                    org.and_then(|o| orgs.get(o)).cloned()
                },
                priority: if confidential {
                    None
                } else {
                    priority.and_then(|p| priority_names.get(p)).cloned()
                },
                status: status.to_string(),
                key_decision: key,
                notice_by: key.then_some(notice_by),
                short_notice: key && london_date(added.and_utc()) > notice_by,
                paper: paper.as_str().to_string(),
            });
        };
        for pr in proposals::of_meeting(conn, &m.id)? {
            if !matches!(pr.status.as_str(), "proposed" | "accepted") {
                continue;
            }
            let paper = pr.paper_id.as_ref().and_then(|id| papers_here.get(id));
            if let Some(p) = paper {
                from_proposals.insert(p.id.clone());
                if p.status == "withdrawn" {
                    continue;
                }
            }
            push(
                &pr.id,
                paper.map_or(pr.title.as_str(), |p| p.title.as_str()),
                paper.and_then(|p| p.exempt_category).or(pr.exempt_category),
                paper
                    .and_then(|p| p.item_type.as_deref())
                    .unwrap_or(pr.item_type.as_str()),
                Some(&pr.presenting_organisation_id),
                pr.priority_id.as_ref(),
                &pr.status,
                pr.key_decision || paper.is_some_and(|p| p.key_decision),
                pr.created_at,
                PaperState::of(
                    paper.map(|p| p.status.as_str()),
                    timeline.paper_deadline,
                    now,
                ),
            );
        }
        // Papers written straight for the meeting count once submitted.
        let mut direct: Vec<&papers::Paper> = papers_here
            .values()
            .filter(|p| !from_proposals.contains(&p.id))
            .filter(|p| matches!(p.status.as_str(), "submitted" | "accepted" | "published"))
            .collect();
        direct.sort_by(|a, b| a.created_at.cmp(&b.created_at).then(a.id.cmp(&b.id)));
        for p in direct {
            push(
                &p.id,
                &p.title,
                p.exempt_category,
                p.item_type.as_deref().unwrap_or("discussion"),
                p.presenting_organisation_id.as_ref(),
                p.priority_id.as_ref(),
                "accepted",
                p.key_decision,
                p.submitted_at.unwrap_or(p.created_at),
                PaperState::of(Some(p.status.as_str()), timeline.paper_deadline, now),
            );
        }
        out.push(PlannedMeeting {
            url: format!("/meetings/{}", m.id),
            starts_at: crate::domain::format::iso(m.starts_at),
            ends_at: crate::domain::format::iso(m.ends_at),
            location: m.location.clone(),
            paper_deadline: crate::domain::format::iso(timeline.paper_deadline.naive_utc()),
            agenda_published_by: timeline.publication_day,
            starts: m.starts_at,
            ends: m.ends_at,
            papers_due: timeline.paper_deadline.naive_utc(),
            id: m.id,
            items,
        });
    }
    Ok(ForwardPlan {
        body: body.name.clone(),
        body_slug: body.slug.clone(),
        meetings: out,
    })
}

/// The plan as a calendar: each meeting with its planned items, and each
/// key decision's notice day as a day of its own.
pub fn calendar(plan: &ForwardPlan, base_url: &str) -> String {
    use crate::render::ics::{self, CalEvent};
    let mut events = Vec::new();
    for m in &plan.meetings {
        let starts = m.starts;
        let lines: Vec<String> = m
            .items
            .iter()
            .map(|i| {
                let mut line = format!("- {}", i.title);
                if let Some(org) = &i.organisation {
                    line.push_str(&format!(" ({org})"));
                }
                if i.key_decision {
                    line.push_str(&format!(" [{}]", crate::i18n::t("plan-ics-key-decision")));
                }
                line
            })
            .collect();
        let description = if lines.is_empty() {
            crate::i18n::t("plan-ics-none")
        } else {
            format!("{}\n{}", crate::i18n::t("plan-ics-items"), lines.join("\n"))
        };
        events.push(CalEvent {
            uid: format!("forward-plan-{}@quorate", m.id),
            sequence: 0,
            stamp: starts,
            starts,
            ends: m.ends,
            summary: crate::i18n::t_args(
                "plan-ics-meeting",
                &[("body", crate::i18n::Arg::Text(&plan.body))],
            ),
            description,
            location: m.location.clone(),
            url: Some(format!("{base_url}{}", m.url)),
            cancelled: false,
        });
        for i in m.items.iter().filter(|i| i.key_decision) {
            let Some(day) = i.notice_by else { continue };
            let at = day.and_hms_opt(9, 0, 0).unwrap_or_default();
            events.push(CalEvent {
                uid: format!("forward-plan-key-{}@quorate", i.id),
                sequence: 0,
                stamp: starts,
                starts: at,
                ends: at + chrono::Duration::minutes(30),
                summary: crate::i18n::t_args(
                    "plan-ics-notice-due",
                    &[("title", crate::i18n::Arg::Text(&i.title))],
                ),
                description: crate::i18n::t_args(
                    "plan-ics-notice-description",
                    &[
                        ("body", crate::i18n::Arg::Text(&plan.body)),
                        (
                            "day",
                            crate::i18n::Arg::Text(&crate::domain::format::london_day(starts)),
                        ),
                    ],
                ),
                location: String::new(),
                url: Some(format!("{base_url}/bodies/{}/forward-plan", plan.body_slug)),
                cancelled: false,
            });
        }
    }
    ics::calendar(
        &crate::i18n::t_args(
            "plan-ics-title",
            &[("body", crate::i18n::Arg::Text(&plan.body))],
        ),
        &events,
    )
}
