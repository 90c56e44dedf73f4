//! Open data exports: a meeting as an Open Civic Data event. Public by
//! nature: built from the public view of the latest published agenda and
//! the decisions the public may read.

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
