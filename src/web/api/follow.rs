//! Follow-through of actions, per body and per organisation.

use crate::web::routes::Routes;
use actix_web::{HttpResponse, web};
use serde::Serialize;
use utoipa::ToSchema;

use crate::domain::actions::OrgFollowThrough;
use crate::error::AppError;
use crate::state::AppState;

pub fn configure(r: &mut Routes<'_>) {
    r.get("/bodies/{slug}/follow-through", follow_through).get(
        "/organisations/{id}/follow-through",
        organisation_follow_through,
    );
}
#[derive(Debug, Serialize, ToSchema)]
pub struct FollowThroughOut {
    pub body_slug: String,
    pub organisations: Vec<OrgFollowThroughOut>,
    /// Decisions with no action recorded against them.
    pub decisions_without_actions: usize,
    /// How many of the actions counted are confidential (exempt): they count
    /// in the figures but are never listed to the public.
    pub confidential_actions: usize,
    /// How many of the body's decisions are confidential.
    pub confidential_decisions: usize,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct OrgFollowThroughOut {
    pub organisation_id: String,
    #[serde(flatten)]
    pub figures: OrgFollowThrough,
}

/// Follow-through of a body's actions by owning organisation (public: exempt
/// actions count in the figures, and `confidential_actions` says how many,
/// but they are not listed).
#[utoipa::path(get, path = "/api/v1/bodies/{slug}/follow-through", tag = "actions",
    responses((status = 200, body = FollowThroughOut), (status = 404, body = crate::error::Problem)))]
pub async fn follow_through(
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let slug = path.into_inner();
    let today = crate::domain::timeline::london_date(state.clock.now());
    let out = state
        .db(move |c| crate::services::follow::for_body(c, &slug, today))
        .await?;
    Ok(HttpResponse::Ok().json(FollowThroughOut {
        body_slug: out.body.slug.clone(),
        organisations: out
            .organisations
            .into_iter()
            .map(|(id, f)| OrgFollowThroughOut {
                organisation_id: id,
                figures: f,
            })
            .collect(),
        decisions_without_actions: out.decisions_without_actions,
        confidential_actions: out.confidential_actions,
        confidential_decisions: out.confidential_decisions,
    }))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct BodyFollowThroughOut {
    pub body_slug: String,
    #[serde(flatten)]
    pub figures: OrgFollowThrough,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct OrganisationFollowThroughOut {
    pub organisation_id: String,
    pub organisation: String,
    /// One row per body the organisation owns actions in (`organisation` in
    /// each row holds the body's name).
    pub bodies: Vec<BodyFollowThroughOut>,
    /// How many of the actions counted are confidential (exempt).
    pub confidential_actions: usize,
}

/// One partner's follow-through in every body (anyone).
#[utoipa::path(get, path = "/api/v1/organisations/{id}/follow-through", tag = "actions",
    responses((status = 200, body = OrganisationFollowThroughOut), (status = 404, body = crate::error::Problem)))]
pub async fn organisation_follow_through(
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let today = crate::domain::timeline::london_date(state.clock.now());
    let f = state
        .db(move |c| crate::services::follow::for_organisation(c, &id, today))
        .await?;
    Ok(HttpResponse::Ok().json(OrganisationFollowThroughOut {
        organisation_id: f.organisation.id.clone(),
        organisation: f.organisation.name.clone(),
        bodies: f
            .bodies
            .into_iter()
            .map(|(slug, figures)| BodyFollowThroughOut {
                body_slug: slug,
                figures,
            })
            .collect(),
        confidential_actions: f.confidential_actions,
    }))
}
