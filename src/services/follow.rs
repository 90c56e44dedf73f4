//! Follow-through figures: how each organisation carries out the actions
//! it owns, and how many decisions have no action at all.

use chrono::NaiveDate;

use crate::db::bodies::{self, Body};
use crate::db::{DbConn, actions, organisations, record};
use crate::domain::actions::{ActionStatus, OrgFollowThrough, Outcome, ageing, follow_through};
use crate::error::{AppError, AppResult};

pub struct FollowThrough {
    pub body: Body,
    /// (organisation id, figures with the organisation's name), by name.
    pub organisations: Vec<(String, OrgFollowThrough)>,
    /// (band, overdue actions)
    pub ageing: Vec<(&'static str, usize)>,
    pub decisions_without_actions: usize,
    pub decisions: usize,
    /// Of the actions counted, how many are confidential (exempt): counted,
    /// never listed to the public.
    pub confidential_actions: usize,
    /// Of the decisions counted, how many are confidential.
    pub confidential_decisions: usize,
}

pub fn for_body(conn: &mut DbConn, slug: &str, today: NaiveDate) -> AppResult<FollowThrough> {
    let body = bodies::find_by_slug(conn, slug)?.ok_or(AppError::NotFound)?;
    let rows = actions::outcomes(conn, Some(&body.id))?;
    let outcomes: Vec<Outcome> = rows
        .into_iter()
        .map(|(org, status, due, closed)| Outcome {
            organisation: org,
            status: ActionStatus::parse(&status).unwrap_or(ActionStatus::Open),
            due,
            closed_on: closed,
        })
        .collect();
    let names = organisations::names(conn)?;
    let mut orgs: Vec<(String, OrgFollowThrough)> = follow_through(&outcomes, today)
        .into_iter()
        .map(|mut f| {
            let id = f.organisation.clone();
            f.organisation = names.get(&id).cloned().unwrap_or_else(|| id.clone());
            (id, f)
        })
        .collect();
    orgs.sort_by(|a, b| a.1.organisation.cmp(&b.1.organisation));
    let decision_ids = record::decision_ids_of_body(conn, &body.id)?;
    let with = actions::decisions_with_actions(conn, &decision_ids)?;
    let confidential_actions = actions::exempt_count(conn, Some(&body.id), None)?;
    let confidential_decisions = record::exempt_decisions_of_body(conn, &body.id)?;
    Ok(FollowThrough {
        confidential_actions: usize::try_from(confidential_actions).unwrap_or(0),
        confidential_decisions: usize::try_from(confidential_decisions).unwrap_or(0),
        ageing: ageing(&outcomes, today),
        decisions_without_actions: decision_ids.len() - with.len().min(decision_ids.len()),
        decisions: decision_ids.len(),
        organisations: orgs,
        body,
    })
}

pub struct OrganisationFollowThrough {
    pub organisation: crate::db::organisations::Organisation,
    /// (body slug, figures named by body), by body name.
    pub bodies: Vec<(String, OrgFollowThrough)>,
    pub ageing: Vec<(&'static str, usize)>,
    /// Of the actions counted, how many are confidential (exempt).
    pub confidential_actions: usize,
}

/// One partner's follow-through in every body it owns actions in.
pub fn for_organisation(
    conn: &mut DbConn,
    organisation_id: &str,
    today: NaiveDate,
) -> AppResult<OrganisationFollowThrough> {
    let organisation = organisations::find(conn, organisation_id)?.ok_or(AppError::NotFound)?;
    let all = bodies::all(conn)?;
    let outcomes: Vec<Outcome> = actions::outcomes_of_organisation(conn, organisation_id)?
        .into_iter()
        .map(|(body, status, due, closed)| Outcome {
            organisation: body,
            status: ActionStatus::parse(&status).unwrap_or(ActionStatus::Open),
            due,
            closed_on: closed,
        })
        .collect();
    let mut rows: Vec<(String, OrgFollowThrough)> = follow_through(&outcomes, today)
        .into_iter()
        .map(|mut f| {
            let body = all.iter().find(|b| b.id == f.organisation);
            let slug = body.map(|b| b.slug.clone()).unwrap_or_default();
            f.organisation = body.map(|b| b.name.clone()).unwrap_or_default();
            (slug, f)
        })
        .collect();
    rows.sort_by(|a, b| a.1.organisation.cmp(&b.1.organisation));
    let confidential = actions::exempt_count(conn, None, Some(organisation_id))?;
    Ok(OrganisationFollowThrough {
        confidential_actions: usize::try_from(confidential).unwrap_or(0),
        organisation,
        bodies: rows,
        ageing: ageing(&outcomes, today),
    })
}
