//! Registers of interests, and each organisation's policy for them.

use actix_web::{HttpRequest, HttpResponse, web};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::created;
use crate::domain::interests::pounds;
use crate::error::AppError;
use crate::services::interests::{self as svc, InterestInput};
use crate::state::AppState;
use crate::web::auth::ApiCaller;
use crate::web::routes::Routes;

pub fn configure(r: &mut Routes<'_>) {
    r.get("/users/{id}/interests", list)
        .post("/users/{id}/interests", add)
        .put("/users/{id}/interests/{interest_id}", change)
        .delete("/users/{id}/interests/{interest_id}", remove)
        .put("/organisations/{id}/interest-policy", policy);
}

/// One registered interest.
#[derive(Debug, Serialize, ToSchema)]
pub struct InterestOut {
    pub id: String,
    /// employment, contracts, land, memberships or gifts
    pub kind: String,
    pub description: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub organisation_id: Option<String>,
    /// The named organisation's name ("" when none is named).
    pub organisation: String,
    /// Gifts and hospitality: the value in pence, and in words.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value_pence: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    /// YYYY-MM-DD
    pub starts_on: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ends_on: Option<String>,
}

impl InterestOut {
    fn of(i: svc::Interest, organisation: String) -> InterestOut {
        InterestOut {
            value: i.value_pence.map(pounds),
            id: i.id,
            kind: i.kind,
            description: i.description,
            organisation_id: i.organisation_id,
            organisation,
            value_pence: i.value_pence,
            starts_on: i.starts_on.to_string(),
            ends_on: i.ends_on.map(|d| d.to_string()),
        }
    }
}

/// A person's register of interests.
#[derive(Debug, Serialize, ToSchema)]
pub struct RegisterOut {
    pub user_id: String,
    pub name: String,
    pub organisation: String,
    /// Gifts and hospitality from this value are registered ("£50.00").
    pub gift_threshold: String,
    /// Their organisation publishes registers on people's profiles.
    pub published: bool,
    pub interests: Vec<InterestOut>,
}

/// A person's register of interests: for themself, administrators and the
/// secretariat of their bodies; for anyone where their organisation
/// publishes registers and they sit on a body. 404 otherwise.
#[utoipa::path(get, path = "/api/v1/users/{id}/interests", tag = "users",
    responses((status = 200, body = RegisterOut), (status = 404, body = crate::error::Problem)))]
pub async fn list(
    state: web::Data<AppState>,
    caller: ApiCaller,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let (grants, viewer) = match caller.0 {
        Some(u) => (Some(u.grants), Some(u.user.id)),
        None => (None, None),
    };
    let r = state
        .db(move |c| svc::register(c, grants.as_ref(), viewer.as_deref(), &id))
        .await?;
    Ok(HttpResponse::Ok().json(RegisterOut {
        user_id: r.user.id,
        name: r.user.name,
        organisation: r.organisation,
        gift_threshold: pounds(r.policy.gift_threshold_pence),
        published: r.policy.publish,
        interests: r
            .interests
            .into_iter()
            .map(|(i, o)| InterestOut::of(i, o))
            .collect(),
    }))
}

/// Register an interest (the person themself, or an administrator): every
/// problem at once; a gift under the organisation's threshold is 422.
#[utoipa::path(post, path = "/api/v1/users/{id}/interests", tag = "users", request_body = InterestInput,
    responses((status = 201, body = InterestOut), (status = 422, body = crate::error::Problem)), security(("bearer" = [])))]
pub async fn add(
    state: web::Data<AppState>,
    caller: ApiCaller,
    req: HttpRequest,
    path: web::Path<String>,
    input: web::Json<InterestInput>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let caller = caller.require()?;
    let actor = caller.actor(&req);
    let now = state.clock.now_naive();
    let i = state
        .tx(move |c| svc::add(c, &actor, &caller.grants, &caller.user.id, &id, &input, now))
        .await?;
    let location = format!("/api/v1/users/{}/interests", i.user_id);
    Ok(created(location, &InterestOut::of(i, String::new())))
}

/// Replace a registered interest (to end one, send it with `ends_on`).
#[utoipa::path(put, path = "/api/v1/users/{id}/interests/{interest_id}", tag = "users", request_body = InterestInput,
    responses((status = 200, body = InterestOut), (status = 404, body = crate::error::Problem), (status = 422, body = crate::error::Problem)), security(("bearer" = [])))]
pub async fn change(
    state: web::Data<AppState>,
    caller: ApiCaller,
    req: HttpRequest,
    path: web::Path<(String, String)>,
    input: web::Json<InterestInput>,
) -> Result<HttpResponse, AppError> {
    let (id, interest) = path.into_inner();
    let caller = caller.require()?;
    let actor = caller.actor(&req);
    let now = state.clock.now_naive();
    let i = state
        .tx(move |c| {
            svc::change(
                c,
                &actor,
                &caller.grants,
                &caller.user.id,
                &id,
                &interest,
                &input,
                now,
            )
        })
        .await?;
    Ok(HttpResponse::Ok().json(InterestOut::of(i, String::new())))
}

/// Remove an interest registered in error (an interest that has ended is
/// given an end date instead).
#[utoipa::path(delete, path = "/api/v1/users/{id}/interests/{interest_id}", tag = "users",
    responses((status = 204), (status = 404, body = crate::error::Problem)), security(("bearer" = [])))]
pub async fn remove(
    state: web::Data<AppState>,
    caller: ApiCaller,
    req: HttpRequest,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, AppError> {
    let (id, interest) = path.into_inner();
    let caller = caller.require()?;
    let actor = caller.actor(&req);
    let now = state.clock.now_naive();
    state
        .tx(move |c| {
            svc::remove(
                c,
                &actor,
                &caller.grants,
                &caller.user.id,
                &id,
                &interest,
                now,
            )
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// An organisation's policy for its people's registers.
#[derive(Debug, Deserialize, Serialize, ToSchema)]
pub struct InterestPolicyBody {
    /// Gifts and hospitality from this value, in pounds, are registered.
    pub gift_threshold: Option<String>,
    /// Publish its people's registers on their public profiles.
    pub publish: Option<bool>,
}

/// Set an organisation's policy for registers of interests
/// (administrators).
#[utoipa::path(put, path = "/api/v1/organisations/{id}/interest-policy", tag = "organisations", request_body = InterestPolicyBody,
    responses((status = 200, body = InterestPolicyBody), (status = 422, body = crate::error::Problem)), security(("bearer" = [])))]
pub async fn policy(
    state: web::Data<AppState>,
    caller: ApiCaller,
    req: HttpRequest,
    path: web::Path<String>,
    input: web::Json<InterestPolicyBody>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let caller = caller.require()?;
    let actor = caller.actor(&req);
    let now = state.clock.now_naive();
    let p = state
        .tx(move |c| {
            svc::set_policy(
                c,
                &actor,
                &caller.grants,
                &id,
                input.gift_threshold.as_deref(),
                input.publish.unwrap_or(false),
                now,
            )
        })
        .await?;
    Ok(HttpResponse::Ok().json(InterestPolicyBody {
        gift_threshold: Some(pounds(p.gift_threshold_pence)),
        publish: Some(p.publish),
    }))
}
