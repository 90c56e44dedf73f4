use crate::web::routes::Routes;
use actix_web::{HttpRequest, HttpResponse, web};
use serde::Serialize;
use utoipa::ToSchema;

use super::created;
use crate::domain::policy::Policy;
use crate::domain::roles::Role;
use crate::error::AppError;
use crate::services::directory::{self, BodyDetail, MembershipInput, NewBody, NewPriority};
use crate::state::AppState;
use crate::web::auth::ApiCaller;

pub fn configure(r: &mut Routes<'_>) {
    r.post("/bodies", create)
        .get("/bodies", list)
        .get("/bodies/{slug}", show)
        .put("/bodies/{slug}/members/{user_id}", put_member)
        .delete("/bodies/{slug}/members/{user_id}", remove_member)
        .post("/bodies/{slug}/priorities", add_priority)
        .delete("/bodies/{slug}/priorities/{id}", retire_priority);
}

#[derive(Debug, Serialize, ToSchema)]
pub struct PriorityOut {
    pub id: String,
    pub title: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct MemberOut {
    pub name: String,
    pub organisation: String,
    pub role: Role,
    /// For a substitute: the name of the member they stand in for.
    pub substitute_for: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct BodyOut {
    pub id: String,
    pub name: String,
    pub slug: String,
    pub kind: String,
    pub parent_slug: Option<String>,
    pub policy: Policy,
    /// What the body's rules (`policy.rules`) mean, in plain English.
    pub rules_summary: String,
    /// Why the body's meetings can never be quorate under its rules, if so.
    pub quorum_warning: Option<String>,
    pub priorities: Vec<PriorityOut>,
    pub members: Vec<MemberOut>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct BodySummary {
    pub id: String,
    pub name: String,
    pub slug: String,
    pub kind: String,
}

impl From<BodyDetail> for BodyOut {
    fn from(d: BodyDetail) -> Self {
        let names: std::collections::HashMap<String, String> = d
            .members
            .iter()
            .map(|m| (m.user_id.clone(), m.name.clone()))
            .collect();
        BodyOut {
            policy: d.body.policy(),
            rules_summary: crate::views::rules::summary(
                d.body.profile(),
                crate::i18n::Lang::default(),
            ),
            quorum_warning: d.quorum_warning,
            id: d.body.id,
            name: d.body.name,
            slug: d.body.slug,
            kind: d.body.kind,
            parent_slug: d.parent.map(|p| p.slug),
            priorities: d
                .priorities
                .into_iter()
                .map(|p| PriorityOut {
                    id: p.id,
                    title: p.title,
                })
                .collect(),
            members: d
                .members
                .into_iter()
                .filter_map(|m| {
                    Some(MemberOut {
                        substitute_for: m
                            .substitute_for_user_id
                            .as_ref()
                            .and_then(|id| names.get(id).cloned()),
                        role: Role::parse(&m.role)?,
                        name: m.name,
                        organisation: m.organisation,
                    })
                })
                .collect(),
        }
    }
}

async fn detail(state: &AppState, slug: String) -> Result<BodyOut, AppError> {
    Ok(state
        .db(move |c| directory::body_detail(c, &slug))
        .await?
        .into())
}

/// Create a body (admin).
#[utoipa::path(post, path = "/api/v1/bodies", tag = "bodies", request_body = NewBody,
    responses((status = 201, body = BodyOut), (status = 409, body = crate::error::Problem), (status = 422, body = crate::error::Problem)),
    security(("bearer" = [])))]
pub async fn create(
    state: web::Data<AppState>,
    caller: ApiCaller,
    req: HttpRequest,
    input: web::Json<NewBody>,
) -> Result<HttpResponse, AppError> {
    let admin = caller.require()?;
    let actor = admin.actor(&req);
    let now = state.clock.now_naive();
    let body = state
        .tx(move |c| directory::create_body(c, &actor, &input, now))
        .await?;
    let out = detail(&state, body.slug).await?;
    Ok(created(format!("/api/v1/bodies/{}", out.slug), &out))
}

/// List bodies (anyone).
#[utoipa::path(get, path = "/api/v1/bodies", tag = "bodies", responses((status = 200, body = Vec<BodySummary>)))]
pub async fn list(
    state: web::Data<AppState>,
    _caller: ApiCaller,
) -> Result<HttpResponse, AppError> {
    let all = state.db(crate::services::directory::bodies).await?;
    let out: Vec<BodySummary> = all
        .into_iter()
        .map(|b| BodySummary {
            id: b.id,
            name: b.name,
            slug: b.slug,
            kind: b.kind,
        })
        .collect();
    Ok(HttpResponse::Ok().json(out))
}

/// A body with its policy, priorities and members (names and roles only).
#[utoipa::path(get, path = "/api/v1/bodies/{slug}", tag = "bodies",
    responses((status = 200, body = BodyOut), (status = 404, body = crate::error::Problem)))]
pub async fn show(
    state: web::Data<AppState>,
    _caller: ApiCaller,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    Ok(HttpResponse::Ok().json(detail(&state, path.into_inner()).await?))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct MembershipOut {
    pub body_slug: String,
    pub user_id: String,
    pub role: String,
    pub substitute_for: Option<String>,
}

/// Add a person to a body or change their role (admin, secretariat).
#[utoipa::path(put, path = "/api/v1/bodies/{slug}/members/{user_id}", tag = "bodies", request_body = MembershipInput,
    responses((status = 200, body = MembershipOut), (status = 201, body = MembershipOut), (status = 422, body = crate::error::Problem)),
    security(("bearer" = [])))]
pub async fn put_member(
    state: web::Data<AppState>,
    caller: ApiCaller,
    req: HttpRequest,
    path: web::Path<(String, String)>,
    input: web::Json<MembershipInput>,
) -> Result<HttpResponse, AppError> {
    let caller = caller.require()?;
    let (slug, user_id) = path.into_inner();
    let actor = caller.actor(&req);
    let now = state.clock.now_naive();
    let (m, is_new, slug) = state
        .tx(move |c| {
            let body = crate::services::directory::managed_body(c, &caller.grants, &slug)?;
            let (m, is_new) = directory::put_membership(c, &actor, &body, &user_id, &input, now)?;
            Ok((m, is_new, body.slug))
        })
        .await?;
    let out = MembershipOut {
        body_slug: slug,
        user_id: m.user_id,
        role: m.role,
        substitute_for: m.substitute_for_user_id,
    };
    Ok(if is_new {
        HttpResponse::Created().json(out)
    } else {
        HttpResponse::Ok().json(out)
    })
}

/// Remove a person from a body (admin, secretariat).
#[utoipa::path(delete, path = "/api/v1/bodies/{slug}/members/{user_id}", tag = "bodies",
    responses((status = 204), (status = 404, body = crate::error::Problem)), security(("bearer" = [])))]
pub async fn remove_member(
    state: web::Data<AppState>,
    caller: ApiCaller,
    req: HttpRequest,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, AppError> {
    let caller = caller.require()?;
    let (slug, user_id) = path.into_inner();
    let actor = caller.actor(&req);
    let now = state.clock.now_naive();
    state
        .tx(move |c| {
            let body = crate::services::directory::managed_body(c, &caller.grants, &slug)?;
            directory::remove_membership(c, &actor, &body, &user_id, now)
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Add a priority (secretariat); a fourth active priority is refused with 422.
#[utoipa::path(post, path = "/api/v1/bodies/{slug}/priorities", tag = "bodies", request_body = NewPriority,
    responses((status = 201, body = PriorityOut), (status = 422, body = crate::error::Problem)), security(("bearer" = [])))]
pub async fn add_priority(
    state: web::Data<AppState>,
    caller: ApiCaller,
    req: HttpRequest,
    path: web::Path<String>,
    input: web::Json<NewPriority>,
) -> Result<HttpResponse, AppError> {
    let caller = caller.require()?;
    let slug = path.into_inner();
    let actor = caller.actor(&req);
    let now = state.clock.now_naive();
    let (p, slug) = state
        .tx(move |c| {
            let body = crate::services::directory::managed_body(c, &caller.grants, &slug)?;
            Ok((
                directory::add_priority(c, &actor, &body, &input, now)?,
                body.slug,
            ))
        })
        .await?;
    Ok(created(
        format!("/api/v1/bodies/{slug}/priorities/{}", p.id),
        &PriorityOut {
            id: p.id,
            title: p.title,
        },
    ))
}

/// Retire a priority (secretariat), making room for another.
#[utoipa::path(delete, path = "/api/v1/bodies/{slug}/priorities/{id}", tag = "bodies",
    responses((status = 204), (status = 404, body = crate::error::Problem)), security(("bearer" = [])))]
pub async fn retire_priority(
    state: web::Data<AppState>,
    caller: ApiCaller,
    req: HttpRequest,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, AppError> {
    let caller = caller.require()?;
    let (slug, id) = path.into_inner();
    let actor = caller.actor(&req);
    let now = state.clock.now_naive();
    state
        .tx(move |c| {
            let body = crate::services::directory::managed_body(c, &caller.grants, &slug)?;
            directory::retire_priority(c, &actor, &body, &id, now)
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}
