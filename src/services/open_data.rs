//! Open data exports: a meeting as an Open Civic Data event. Public by
//! nature: built from the public view of the latest published agenda and
//! the decisions the public may read.

use chrono::NaiveDate;

use super::Ctx;
use crate::db::DbConn;
use crate::domain::open_data::{ItemFacts, MeetingFacts, OcdEvent, event};
use crate::error::AppResult;

/// The licence open data is published under, from the configuration.
pub struct Licence<'a> {
    pub name: &'a str,
    pub url: &'a str,
}

/// A meeting as an OCD event (404 for no such meeting).
pub fn ocd_event(
    conn: &mut DbConn,
    meeting_id: &str,
    ctx: &Ctx<'_>,
    licence: &Licence<'_>,
) -> AppResult<OcdEvent> {
    let (m, body) = super::meetings::with_body(conn, meeting_id)?;
    let published = super::agenda::latest(conn, &m.id)?.map(|(_, f)| f.public_view());
    let decisions = super::record::decisions_taken(conn, &m, None, None)?;
    let minutes_approved =
        crate::db::minutes::find(conn, &m.id)?.is_some_and(|x| x.status == "approved");
    let items = published
        .as_ref()
        .map(|f| {
            f.items
                .iter()
                .map(|i| ItemFacts {
                    number: i.number,
                    title: i.title.clone(),
                    kind: i.kind.as_str().to_string(),
                    paper: i.paper.as_ref().map(|p| p.id.clone()),
                    organisation: i.organisation.clone(),
                    exempt_category: i.exempt_category,
                    to_note: i.to_note,
                    decisions: decisions
                        .iter()
                        .filter(|d| d.item_id == i.id)
                        .map(|d| (d.reference.clone(), d.text.clone()))
                        .collect(),
                })
                .collect()
        })
        .unwrap_or_default();
    Ok(event(MeetingFacts {
        base_url: ctx.base_url,
        meeting_id: &m.id,
        body_name: &body.name,
        starts_at: m.starts_at,
        ends_at: m.ends_at,
        location: &m.location,
        cancelled: m.is_cancelled(),
        now: ctx.now,
        agenda_version: published.as_ref().map(|f| f.number).unwrap_or(0),
        items,
        minutes_approved,
        licence: licence.name,
        licence_url: licence.url,
    }))
}

/// A meeting as the public lists show it: whether its agenda is published
/// (and which version) and whether its minutes are approved.
pub struct ListedMeeting {
    pub meeting: crate::db::meetings::Meeting,
    pub published_number: i32,
    pub minutes_approved: bool,
}

/// Every meeting of the body `slug`, newest first (404 for no such body).
pub fn meetings_of(
    conn: &mut DbConn,
    slug: &str,
) -> AppResult<(crate::db::bodies::Body, Vec<ListedMeeting>)> {
    let body = super::directory::body(conn, slug)?;
    let mut list = crate::db::meetings::of_body(conn, &body.id)?;
    list.sort_by_key(|m| std::cmp::Reverse(m.starts_at));
    let ids: Vec<String> = list.iter().map(|m| m.id.clone()).collect();
    let published = crate::db::agenda::published_numbers(conn, &ids)?;
    let mut out = Vec::with_capacity(list.len());
    for m in list {
        let minutes_approved =
            crate::db::minutes::find(conn, &m.id)?.is_some_and(|x| x.status == "approved");
        out.push(ListedMeeting {
            published_number: published.get(&m.id).copied().unwrap_or(0),
            minutes_approved,
            meeting: m,
        });
    }
    Ok((body, out))
}

fn csv(header: &[&str], rows: impl IntoIterator<Item = Vec<String>>) -> AppResult<Vec<u8>> {
    let header: Vec<String> = header.iter().map(|h| h.to_string()).collect();
    crate::render::csv_cells::document(std::iter::once(header).chain(rows))
}

/// Every body, as CSV: name, slug, kind, the body it reports to, its page.
pub fn bodies_csv(conn: &mut DbConn, base_url: &str) -> AppResult<Vec<u8>> {
    let all = crate::db::bodies::all(conn)?;
    let slug_of: std::collections::HashMap<String, String> =
        all.iter().map(|b| (b.id.clone(), b.slug.clone())).collect();
    let rows = all.iter().map(|b| {
        vec![
            b.name.clone(),
            b.slug.clone(),
            b.kind.clone(),
            b.parent_id
                .as_ref()
                .and_then(|p| slug_of.get(p))
                .cloned()
                .unwrap_or_default(),
            format!("{base_url}/bodies/{}", b.slug),
        ]
    });
    csv(&["name", "slug", "kind", "reports_to", "url"], rows)
}

/// A body's meetings as CSV, newest first, with links to what is public.
pub fn meetings_csv(conn: &mut DbConn, slug: &str, base_url: &str) -> AppResult<Vec<u8>> {
    let (_, list) = meetings_of(conn, slug)?;
    let rows = list.into_iter().map(|l| {
        let m = &l.meeting;
        let page = format!("{base_url}/meetings/{}", m.id);
        let published = l.published_number > 0;
        vec![
            crate::domain::format::iso(m.starts_at),
            crate::domain::format::iso(m.ends_at),
            m.location.clone(),
            m.status.clone(),
            page.clone(),
            if published {
                format!("{page}/agenda/versions/{}", l.published_number)
            } else {
                String::new()
            },
            if published {
                format!("{page}/pack.pdf")
            } else {
                String::new()
            },
            if l.minutes_approved {
                format!("{page}/minutes")
            } else {
                String::new()
            },
        ]
    });
    csv(
        &[
            "starts_at",
            "ends_at",
            "location",
            "status",
            "url",
            "agenda_url",
            "pack_url",
            "minutes_url",
        ],
        rows,
    )
}

/// A body's follow-through figures as CSV, one partner a row.
pub fn follow_through_csv(conn: &mut DbConn, slug: &str, today: NaiveDate) -> AppResult<Vec<u8>> {
    let f = super::follow::for_body(conn, slug, today)?;
    let figure = |v: Option<f64>| v.map(|x| format!("{x:.1}")).unwrap_or_default();
    let rows = f.organisations.into_iter().map(|(_, o)| {
        vec![
            o.organisation,
            o.actions_total.to_string(),
            o.closed_on_time.to_string(),
            o.closed_late.to_string(),
            o.overdue.to_string(),
            figure(o.on_time_percent),
            figure(o.median_days_late),
        ]
    });
    csv(
        &[
            "organisation",
            "actions",
            "done_on_time",
            "done_late",
            "overdue",
            "on_time_percent",
            "median_days_late",
        ],
        rows,
    )
}

/// A forward plan as CSV, one item a row.
pub fn forward_plan_csv(plan: &super::forward_plan::ForwardPlan) -> AppResult<Vec<u8>> {
    let rows = plan.meetings.iter().flat_map(|m| {
        m.items.iter().map(move |i| {
            vec![
                m.starts_at.clone(),
                i.title.clone(),
                i.confidential_paragraph
                    .map(|n| n.to_string())
                    .unwrap_or_default(),
                i.item_type.clone(),
                i.organisation.clone().unwrap_or_default(),
                i.priority.clone().unwrap_or_default(),
                i.status.clone(),
                i.key_decision.to_string(),
                i.notice_by.map(|d| d.to_string()).unwrap_or_default(),
                i.paper.clone(),
            ]
        })
    });
    csv(
        &[
            "meeting_starts_at",
            "title",
            "confidential_paragraph",
            "item_type",
            "organisation",
            "priority",
            "status",
            "key_decision",
            "notice_by",
            "paper",
        ],
        rows,
    )
}
