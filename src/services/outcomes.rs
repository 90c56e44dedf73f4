//! "What we achieved": for a body or the whole partnership, the decisions
//! whose actions are all done, grouped by priority. Public by nature:
//! exempt decisions, and decisions with any exempt action, never appear.

use crate::db::bodies::{self, Body};
use crate::db::{DbConn, organisations, outcomes};
use crate::domain::outcomes::{Outcome, achieved, by_priority};
use crate::error::{AppError, AppResult};

/// At most this many outcomes are listed, the most recently achieved.
pub const SHOWN: usize = 300;

pub struct OutcomesView {
    /// The body, or `None` for the whole partnership.
    pub body: Option<Body>,
    /// How many decisions are achieved in all.
    pub total: usize,
    pub groups: Vec<(Option<String>, Vec<Outcome>)>,
}

/// The achievements of the body with this slug (404 if none), or of every
/// body when `slug` is `None`.
pub fn read(conn: &mut DbConn, slug: Option<&str>) -> AppResult<OutcomesView> {
    read_all(conn, slug, SHOWN)
}

/// As `read`, listing at most `limit`.
fn read_all(conn: &mut DbConn, slug: Option<&str>, limit: usize) -> AppResult<OutcomesView> {
    let (body, all) = match slug {
        Some(slug) => {
            let b = bodies::find_by_slug(conn, slug)?.ok_or(AppError::NotFound)?;
            (Some(b.clone()), vec![b])
        }
        None => (None, bodies::all(conn)?),
    };
    let body_ids: Vec<String> = all.iter().map(|b| b.id.clone()).collect();
    let tallies = outcomes::tallies(conn, &body_ids)?;
    let ids: Vec<String> = tallies
        .iter()
        .filter(|(_, t)| achieved(t))
        .map(|(id, _)| id.clone())
        .collect();
    let mut decisions = outcomes::public_decisions(conn, &ids)?;
    let total = decisions.len();
    decisions.sort_by(|a, b| {
        let day = |d: &crate::db::record::Decision| tallies.get(&d.id).and_then(|t| t.last_closed);
        day(b).cmp(&day(a)).then(a.reference.cmp(&b.reference))
    });
    decisions.truncate(limit);
    let item_ids: Vec<String> = decisions.iter().map(|d| d.item_id.clone()).collect();
    let priorities = outcomes::priorities_of_items(conn, &item_ids)?;
    let decision_ids: Vec<String> = decisions.iter().map(|d| d.id.clone()).collect();
    let owners = outcomes::owner_organisations(conn, &decision_ids)?;
    let org_names = organisations::names(conn)?;
    let list = decisions
        .into_iter()
        .filter_map(|d| {
            let body = all.iter().find(|b| b.id == d.body_id)?;
            let mut orgs: Vec<String> = owners
                .get(&d.id)
                .into_iter()
                .flatten()
                .filter_map(|o| org_names.get(o).cloned())
                .collect();
            orgs.sort();
            orgs.dedup();
            Some(Outcome {
                achieved_on: tallies.get(&d.id).and_then(|t| t.last_closed),
                priority: priorities.get(&d.item_id).cloned(),
                organisations: orgs,
                body_slug: body.slug.clone(),
                body_name: body.name.clone(),
                meeting_id: d.meeting_id,
                decided_at: d.created_at,
                reference: d.reference,
                text: d.text,
            })
        })
        .collect();
    Ok(OutcomesView {
        body,
        total,
        groups: by_priority(list),
    })
}

/// The same achievements as CSV (every one, not only the newest 300): one
/// row per decision, by priority.
pub fn csv(conn: &mut DbConn, slug: Option<&str>) -> AppResult<Vec<u8>> {
    let view = read_all(conn, slug, usize::MAX)?;
    let header = [
        "priority",
        "reference",
        "body",
        "decided_on",
        "achieved_on",
        "organisations",
        "decision",
    ]
    .map(String::from);
    let rows = view.groups.into_iter().flat_map(|(priority, list)| {
        let priority = priority.unwrap_or_default();
        list.into_iter().map(move |o| {
            [
                priority.clone(),
                o.reference,
                o.body_slug,
                o.decided_at.date().to_string(),
                o.achieved_on.map(|d| d.to_string()).unwrap_or_default(),
                o.organisations.join("; "),
                o.text,
            ]
        })
    });
    crate::render::csv_cells::document(std::iter::once(header).chain(rows))
}
