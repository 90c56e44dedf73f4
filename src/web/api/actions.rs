//! Actions: create, list, show and update.

use crate::web::routes::Routes;
use actix_web::{HttpRequest, HttpResponse, web};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::{Page, PageParams, if_match, json_with_etag, page_of, rfc3339};
use crate::domain::actions::{ActionStatus, rag};
use crate::error::AppError;
use crate::services::actions::{self as svc, Action, ActionInput, ActionPatch};
use crate::state::AppState;
use crate::web::auth::ApiCaller;

pub fn configure(r: &mut Routes<'_>) {
    r.post("/actions", create_action)
        .get("/actions", list_actions)
        .get("/actions/{id}", show_action)
        .patch("/actions/{id}", update_action);
}
#[derive(Debug, Serialize, ToSchema)]
pub struct ActionOut {
    pub id: String,
    pub body_id: String,
    pub meeting_id: Option<String>,
    pub item_id: Option<String>,
    pub decision_id: Option<String>,
    pub description: String,
    pub owner_user_id: String,
    pub owner_organisation_id: String,
    pub due_on: String,
    /// open, in_progress, done or dropped
    pub status: String,
    pub overdue: bool,
    /// green, amber, red or closed
    pub rag: String,
    pub dropped_reason: Option<String>,
    pub closed_on: Option<String>,
    pub version: i32,
    /// A bilingual body's action (in its own reading): the Welsh of its
    /// description, `{"cy": {"description": "…"}}`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub translations: Option<crate::services::translations::ByLanguage>,
    /// The status of each translated field.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub translation_status: Option<crate::services::translations::ByLanguage>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct HistoryOut {
    /// created, note, due_changed, status or corrected
    pub kind: String,
    pub note: String,
    pub old_due_on: Option<String>,
    pub new_due_on: Option<String>,
    pub status: Option<String>,
    pub author: String,
    pub at: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ActionDetailOut {
    #[serde(flatten)]
    pub action: ActionOut,
    pub history: Vec<HistoryOut>,
}

pub fn action_out(a: Action, state: &AppState) -> ActionOut {
    let today = crate::domain::timeline::london_date(state.clock.now());
    let status = ActionStatus::parse(&a.status).unwrap_or(ActionStatus::Open);
    let cal = state
        .calendars()
        .get("england-and-wales")
        .cloned()
        .unwrap_or_default();
    let r = rag(status, a.due_on, today, &cal);
    ActionOut {
        overdue: crate::domain::actions::is_overdue(status, a.due_on, today),
        rag: format!("{r:?}").to_lowercase(),
        id: a.id,
        body_id: a.body_id,
        meeting_id: a.meeting_id,
        item_id: a.item_id,
        decision_id: a.decision_id,
        description: a.description,
        owner_user_id: a.owner_user_id,
        owner_organisation_id: a.owner_organisation_id,
        due_on: a.due_on.to_string(),
        status: a.status,
        dropped_reason: a.dropped_reason,
        closed_on: a.closed_on.map(|d| d.to_string()),
        version: a.version,
        translations: None,
        translation_status: None,
    }
}

/// Create an action with a named owner and a due date (secretariat). An
/// action without owner or due date is 422 listing both; an owner who is not
/// a person in Quorate is 422.
#[utoipa::path(post, path = "/api/v1/actions", tag = "actions", request_body = ActionInput,
    params(("Idempotency-Key" = Option<String>, Header, description = "Sent again with the same request, returns the first answer; with a different request, 409.")),
    responses((status = 201, body = ActionOut), (status = 403, body = crate::error::Problem), (status = 409, body = crate::error::Problem), (status = 422, body = crate::error::Problem)),
    security(("bearer" = [])))]
pub async fn create_action(
    state: web::Data<AppState>,
    caller: ApiCaller,
    req: HttpRequest,
    input: web::Json<ActionInput>,
) -> Result<HttpResponse, AppError> {
    let mut input = input.into_inner();
    input.idempotency_key = super::idempotency_key(&req, input.idempotency_key.as_deref())?;
    let caller = caller.require()?;
    let actor = caller.actor(&req);
    let grants = caller.grants.clone();
    let parts = state.ctx_parts();
    let a = state
        .tx(move |c| svc::create(c, &actor, &grants, &input, &parts.ctx()))
        .await?;
    let version = a.version;
    Ok(HttpResponse::Created()
        .insert_header((
            actix_web::http::header::LOCATION,
            format!("/api/v1/actions/{}", a.id),
        ))
        .insert_header(super::etag(version))
        .json(action_out(a, &state)))
}

/// One action with its history of notes, due dates and status changes.
#[utoipa::path(get, path = "/api/v1/actions/{id}", tag = "actions",
    responses((status = 200, body = ActionDetailOut), (status = 404, body = crate::error::Problem)), security(("bearer" = [])))]
pub async fn show_action(
    state: web::Data<AppState>,
    caller: ApiCaller,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let caller = caller.require()?;
    let id = path.into_inner();
    let d = state
        .db(move |c| svc::detail(c, &caller.grants, &caller.user.id, &id))
        .await?;
    let (a, events) = (d.action, d.history);
    let version = a.version;
    let mut action = action_out(a, &state);
    if let Some((texts, status)) = d.welsh.map(|w| w.by_language()) {
        action.translations = Some(texts);
        action.translation_status = Some(status);
    }
    let out = ActionDetailOut {
        action,
        history: events
            .into_iter()
            .map(|e| HistoryOut {
                kind: e.kind,
                note: e.note,
                old_due_on: e.old_due_on.map(|d| d.to_string()),
                new_due_on: e.new_due_on.map(|d| d.to_string()),
                status: e.status,
                author: e.author,
                at: rfc3339(e.created_at),
            })
            .collect(),
    };
    Ok(json_with_etag(
        actix_web::http::StatusCode::OK,
        version,
        &out,
    ))
}

/// Update an action (its owner or the secretariat): a note, a status, or a
/// new due date with a reason. Takes `If-Match`; someone else's action -> 403.
#[utoipa::path(patch, path = "/api/v1/actions/{id}", tag = "actions", request_body = ActionPatch,
    responses((status = 200, body = ActionOut), (status = 403, body = crate::error::Problem), (status = 409, body = crate::error::Problem), (status = 412, body = crate::error::Problem), (status = 422, body = crate::error::Problem)),
    security(("bearer" = [])))]
pub async fn update_action(
    state: web::Data<AppState>,
    caller: ApiCaller,
    req: HttpRequest,
    path: web::Path<String>,
    input: web::Json<ActionPatch>,
) -> Result<HttpResponse, AppError> {
    let caller = caller.require()?;
    let expected = if_match(&req)?;
    let actor = caller.actor(&req);
    let id = path.into_inner();
    let parts = state.ctx_parts();
    let a = state
        .tx(move |c| {
            let a = svc::visible(c, &caller.grants, &caller.user.id, &id)?;
            svc::update(
                c,
                &actor,
                &caller.grants,
                &caller.user.id,
                &a,
                &input,
                expected,
                &parts.ctx(),
            )
        })
        .await?;
    let version = a.version;
    Ok(json_with_etag(
        actix_web::http::StatusCode::OK,
        version,
        &action_out(a, &state),
    ))
}

#[derive(Debug, Deserialize, IntoParams)]
pub struct ActionQuery {
    /// Body slug
    pub body: Option<String>,
    /// Owner's user id
    pub owner: Option<String>,
    /// Owner's organisation id
    pub organisation: Option<String>,
    /// open, in_progress, done or dropped
    pub status: Option<String>,
    /// true: only overdue actions
    pub overdue: Option<bool>,
    /// Only open actions due within this many days
    pub due_within_days: Option<i64>,
    pub limit: Option<i64>,
    pub cursor: Option<String>,
}

/// Actions (anyone signed in with a role, or the owner), filtered; paginated.
#[utoipa::path(get, path = "/api/v1/actions", tag = "actions", params(ActionQuery),
    responses((status = 200, body = Page<ActionOut>), (status = 401, body = crate::error::Problem)), security(("bearer" = [])))]
pub async fn list_actions(
    state: web::Data<AppState>,
    caller: ApiCaller,
    query: web::Query<ActionQuery>,
) -> Result<HttpResponse, AppError> {
    let caller = caller.require()?;
    let limit = PageParams {
        limit: query.limit,
        cursor: None,
    }
    .limit()?;
    if let Some(s) = &query.status
        && ActionStatus::parse(s).is_none()
    {
        return Err(AppError::BadRequest(crate::i18n::say(
            "err-api-actions-bad-request",
        )));
    }
    let today = crate::domain::timeline::london_date(state.clock.now());
    let q = query.into_inner();
    let filter = svc::TrackerFilter {
        body: q.body,
        decision: None,
        owner_user_id: q.owner,
        organisation_id: q.organisation,
        status: q.status,
        overdue: q.overdue == Some(true),
        due_within_days: q.due_within_days,
        after_id: q.cursor,
        limit: limit + 1,
    };
    let rows = state
        .db(move |c| svc::tracker(c, &caller.grants, &caller.user.id, today, &filter))
        .await?;
    let st = state.clone();
    Ok(HttpResponse::Ok().json(page_of(
        rows,
        limit,
        |a: &Action| a.id.clone(),
        |a| action_out(a, &st),
    )))
}
