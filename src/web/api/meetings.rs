use crate::web::routes::Routes;
use actix_web::{HttpRequest, HttpResponse, web};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::{etag, if_match, json_with_etag, rfc3339};
use crate::domain::timeline::Timeline;
use crate::error::AppError;
use crate::services::directory::Body;
use crate::services::meetings::Meeting;
use crate::services::meetings::{self as svc, MeetingInput};
use crate::state::AppState;
use crate::web::auth::ApiCaller;

pub fn configure(r: &mut Routes<'_>) {
    r.post("/bodies/{slug}/meetings", create)
        .get("/bodies/{slug}/meetings", list)
        .get("/meetings/{id}", show)
        .patch("/meetings/{id}", update)
        .post("/meetings/{id}/cancel", cancel);
}

#[derive(Debug, Serialize, ToSchema)]
pub struct TimelineOut {
    pub proposal_deadline: String,
    pub paper_deadline: String,
    pub publication_deadline: String,
}

impl From<&Timeline> for TimelineOut {
    fn from(t: &Timeline) -> Self {
        TimelineOut {
            proposal_deadline: rfc3339(t.proposal_deadline.naive_utc()),
            paper_deadline: rfc3339(t.paper_deadline.naive_utc()),
            publication_deadline: rfc3339(t.publication_deadline.naive_utc()),
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct MeetingOut {
    pub id: String,
    pub body_slug: String,
    pub body_name: String,
    pub starts_at: String,
    pub ends_at: String,
    pub location: String,
    /// How to attend remotely ("" when not given).
    pub remote_access: String,
    /// scheduled or cancelled
    pub status: String,
    pub cancel_reason: Option<String>,
    pub version: i32,
    pub timeline: TimelineOut,
}

pub fn meeting_out(m: &Meeting, body: &Body, state: &AppState) -> MeetingOut {
    let t = svc::timeline_for(m, body, &state.calendars());
    MeetingOut {
        id: m.id.clone(),
        body_slug: body.slug.clone(),
        body_name: body.name.clone(),
        starts_at: rfc3339(m.starts_at),
        ends_at: rfc3339(m.ends_at),
        location: m.location.clone(),
        remote_access: m.remote_access.clone(),
        status: m.status.clone(),
        cancel_reason: m.cancel_reason.clone(),
        version: m.version,
        timeline: TimelineOut::from(&t),
    }
}

/// Schedule a meeting (secretariat). Past meetings may be created to record history.
#[utoipa::path(post, path = "/api/v1/bodies/{slug}/meetings", tag = "meetings", request_body = MeetingInput,
    responses((status = 201, body = MeetingOut), (status = 422, body = crate::error::Problem)), security(("bearer" = [])))]
pub async fn create(
    state: web::Data<AppState>,
    caller: ApiCaller,
    req: HttpRequest,
    path: web::Path<String>,
    input: web::Json<MeetingInput>,
) -> Result<HttpResponse, AppError> {
    let caller = caller.require()?;
    let slug = path.into_inner();
    let actor = caller.actor(&req);
    let parts = state.ctx_parts();
    let (m, body) = state
        .tx(move |c| {
            let body = crate::services::directory::managed_body(c, &caller.grants, &slug)?;
            Ok((
                svc::create_meeting(c, &actor, &body, &input, &parts.ctx())?,
                body,
            ))
        })
        .await?;
    let out = meeting_out(&m, &body, &state);
    Ok(HttpResponse::Created()
        .insert_header((
            actix_web::http::header::LOCATION,
            format!("/api/v1/meetings/{}", out.id),
        ))
        .insert_header(etag(out.version))
        .json(out))
}

/// A meeting in a body's list: whether its agenda is out and its minutes
/// approved, with the links to them.
#[derive(Debug, Serialize, ToSchema)]
pub struct ListedMeetingOut {
    #[serde(flatten)]
    pub meeting: MeetingOut,
    /// The latest published agenda version (0: none yet).
    pub agenda_version: i32,
    pub agenda_url: Option<String>,
    pub pack_url: Option<String>,
    pub minutes_url: Option<String>,
}

/// Every meeting of a body, newest first (anyone); the same as CSV at
/// `/bodies/{slug}/meetings.csv`.
#[utoipa::path(get, path = "/api/v1/bodies/{slug}/meetings", tag = "meetings",
    responses((status = 200, body = Vec<ListedMeetingOut>), (status = 404, body = crate::error::Problem)))]
pub async fn list(
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let slug = path.into_inner();
    let (body, list) = state
        .db(move |c| crate::services::open_data::meetings_of(c, &slug))
        .await?;
    let out: Vec<ListedMeetingOut> = list
        .into_iter()
        .map(|l| {
            let page = format!("/meetings/{}", l.meeting.id);
            let published = l.published_number > 0;
            ListedMeetingOut {
                meeting: meeting_out(&l.meeting, &body, &state),
                agenda_version: l.published_number,
                agenda_url: published
                    .then(|| format!("{page}/agenda/versions/{}", l.published_number)),
                pack_url: published.then(|| format!("{page}/pack.pdf")),
                minutes_url: l.minutes_approved.then(|| format!("{page}/minutes")),
            }
        })
        .collect();
    Ok(HttpResponse::Ok().json(out))
}

/// A meeting with its timeline (anyone: meeting dates are public).
#[utoipa::path(get, path = "/api/v1/meetings/{id}", tag = "meetings",
    responses((status = 200, body = MeetingOut), (status = 404, body = crate::error::Problem)))]
pub async fn show(
    state: web::Data<AppState>,
    _caller: ApiCaller,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let (m, body) = state
        .db(move |c| {
            let (m, body) = crate::services::meetings::with_body(c, &id)?;
            Ok((m, body))
        })
        .await?;
    let out = meeting_out(&m, &body, &state);
    Ok(json_with_etag(
        actix_web::http::StatusCode::OK,
        out.version,
        &out,
    ))
}

/// Move or re-place a meeting (secretariat); authors of its papers are told. Takes `If-Match`.
#[utoipa::path(patch, path = "/api/v1/meetings/{id}", tag = "meetings", request_body = MeetingInput,
    responses((status = 200, body = MeetingOut), (status = 412, body = crate::error::Problem), (status = 422, body = crate::error::Problem)),
    security(("bearer" = [])))]
pub async fn update(
    state: web::Data<AppState>,
    caller: ApiCaller,
    req: HttpRequest,
    path: web::Path<String>,
    input: web::Json<MeetingInput>,
) -> Result<HttpResponse, AppError> {
    let caller = caller.require()?;
    let expected = if_match(&req)?;
    let id = path.into_inner();
    let actor = caller.actor(&req);
    let parts = state.ctx_parts();
    let (m, body) = state
        .tx(move |c| {
            let (m, body) = crate::services::record::managed_meeting(c, &caller.grants, &id)?;
            let notify = parts.ctx();
            Ok((
                svc::update_meeting(c, &actor, &body, &m, &input, expected, &notify)?,
                body,
            ))
        })
        .await?;
    let out = meeting_out(&m, &body, &state);
    Ok(json_with_etag(
        actix_web::http::StatusCode::OK,
        out.version,
        &out,
    ))
}

#[derive(Debug, Default, Deserialize, ToSchema)]
pub struct CancelInput {
    #[schema(max_length = 500)]
    pub reason: Option<String>,
}

/// Cancel a meeting (secretariat), with a reason; authors of its papers are told.
#[utoipa::path(post, path = "/api/v1/meetings/{id}/cancel", tag = "meetings", request_body = CancelInput,
    responses((status = 200, body = MeetingOut), (status = 409, body = crate::error::Problem)), security(("bearer" = [])))]
pub async fn cancel(
    state: web::Data<AppState>,
    caller: ApiCaller,
    req: HttpRequest,
    path: web::Path<String>,
    input: web::Json<CancelInput>,
) -> Result<HttpResponse, AppError> {
    let caller = caller.require()?;
    let id = path.into_inner();
    let actor = caller.actor(&req);
    let parts = state.ctx_parts();
    let (m, body) = state
        .tx(move |c| {
            let (m, body) = crate::services::record::managed_meeting(c, &caller.grants, &id)?;
            let notify = parts.ctx();
            let reason = input.reason.clone().unwrap_or_default();
            Ok((
                svc::cancel_meeting(c, &actor, &body, &m, &reason, &notify)?,
                body,
            ))
        })
        .await?;
    let out = meeting_out(&m, &body, &state);
    Ok(json_with_etag(
        actix_web::http::StatusCode::OK,
        out.version,
        &out,
    ))
}
