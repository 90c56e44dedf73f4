use crate::web::routes::Routes;
use actix_web::{HttpRequest, HttpResponse, web};
use serde::Serialize;
use utoipa::ToSchema;

use super::{Page, PageParams, created, page_of, rfc3339};
use crate::error::AppError;
use crate::services::directory::Organisation;
use crate::services::directory::{self, NewOrganisation};
use crate::state::AppState;
use crate::web::auth::ApiCaller;

pub fn configure(r: &mut Routes<'_>) {
    r.post("/organisations", create).get("/organisations", list);
}

#[derive(Debug, Serialize, ToSchema)]
pub struct OrganisationOut {
    pub id: String,
    pub name: String,
    pub short_name: String,
    pub created_at: String,
}

impl From<Organisation> for OrganisationOut {
    fn from(o: Organisation) -> Self {
        OrganisationOut {
            id: o.id,
            name: o.name,
            short_name: o.short_name,
            created_at: rfc3339(o.created_at),
        }
    }
}

/// Create an organisation (admin).
#[utoipa::path(post, path = "/api/v1/organisations", tag = "organisations", request_body = NewOrganisation,
    responses((status = 201, body = OrganisationOut), (status = 409, body = crate::error::Problem), (status = 422, body = crate::error::Problem)),
    security(("bearer" = [])))]
pub async fn create(
    state: web::Data<AppState>,
    caller: ApiCaller,
    req: HttpRequest,
    input: web::Json<NewOrganisation>,
) -> Result<HttpResponse, AppError> {
    let user = caller.require()?;
    let actor = user.actor(&req);
    let now = state.clock.now_naive();
    let org = state
        .tx(move |c| directory::create_organisation(c, &actor, &input, now))
        .await?;
    let out = OrganisationOut::from(org);
    Ok(created(format!("/api/v1/organisations/{}", out.id), &out))
}

/// List organisations (anyone).
#[utoipa::path(get, path = "/api/v1/organisations", tag = "organisations", params(PageParams),
    responses((status = 200, body = Page<OrganisationOut>)))]
pub async fn list(
    state: web::Data<AppState>,
    _caller: ApiCaller,
    q: web::Query<PageParams>,
) -> Result<HttpResponse, AppError> {
    let limit = q.limit()?;
    let cursor = q.cursor.clone();
    let rows = state
        .db(move |c| {
            crate::services::directory::organisations_page(c, cursor.as_deref(), limit + 1)
        })
        .await?;
    Ok(HttpResponse::Ok().json(page_of(
        rows,
        limit,
        |o| o.id.clone(),
        OrganisationOut::from,
    )))
}
