//! The meeting record, decisions, actions and follow-through.

use crate::web::routes::Routes;
use actix_web::{HttpRequest, HttpResponse, web};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::{Page, PageParams, created, if_match, json_with_etag, page_of, rfc3339};
use crate::domain::actions::{ActionStatus, OrgFollowThrough, rag};
use crate::error::AppError;
use crate::services::actions::{self as svc, Action, ActionInput, ActionPatch};
use crate::services::decisions::{self, RegisterFilter};
use crate::services::record::{self, AttendanceInput, QuorumState};
use crate::state::AppState;
use crate::web::auth::ApiCaller;

pub fn configure(r: &mut Routes<'_>) {
    r.put("/meetings/{id}/attendance/{user_id}", attendance)
        .post("/meetings/{id}/declarations", declare)
        .post("/meetings/{id}/decisions", decide)
        .get("/decisions", decisions)
        .post("/actions", create_action)
        .get("/actions", list_actions)
        .get("/actions/{id}", show_action)
        .patch("/actions/{id}", update_action)
        .get("/bodies/{slug}/follow-through", follow_through)
        .get(
            "/organisations/{id}/follow-through",
            organisation_follow_through,
        );
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AttendanceOut {
    pub user_id: String,
    pub status: String,
    pub substitute_for: Option<String>,
    pub quorum: QuorumState,
}

/// Record a person's attendance (secretariat): present, apologies or
/// absent, or present as substitute for a member. Answers with the quorum.
#[utoipa::path(put, path = "/api/v1/meetings/{id}/attendance/{user_id}", tag = "record", request_body = AttendanceInput,
    responses((status = 200, body = AttendanceOut), (status = 422, body = crate::error::Problem)), security(("bearer" = [])))]
pub async fn attendance(
    state: web::Data<AppState>,
    caller: ApiCaller,
    req: HttpRequest,
    path: web::Path<(String, String)>,
    input: web::Json<AttendanceInput>,
) -> Result<HttpResponse, AppError> {
    let (id, user_id) = path.into_inner();
    let caller = caller.require()?;
    let actor = caller.actor(&req);
    let now = state.clock.now_naive();
    let (a, q) = state
        .tx(move |c| {
            record::in_managed_meeting(c, &caller.grants, &id, |c, m, b| {
                let a = record::set_attendance(c, &actor, m, b, &user_id, &input, now)?;
                Ok((a, record::quorum_state(c, m, b)?))
            })
        })
        .await?;
    Ok(HttpResponse::Ok().json(AttendanceOut {
        user_id: a.user_id,
        status: a.status,
        substitute_for: a.substitute_for_user_id,
        quorum: q,
    }))
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct DeclarationInput {
    pub item_id: Option<String>,
    pub user_id: Option<String>,
    #[schema(max_length = 2000)]
    pub interest: Option<String>,
    #[schema(max_length = 255)]
    pub idempotency_key: Option<String>,
}

/// Record a declaration of interest on an item (secretariat).
#[utoipa::path(post, path = "/api/v1/meetings/{id}/declarations", tag = "record", request_body = DeclarationInput,
    params(("Idempotency-Key" = Option<String>, Header, description = "Sent again with the same request, returns the first answer; with a different request, 409.")),
    responses((status = 201), (status = 409, body = crate::error::Problem), (status = 422, body = crate::error::Problem)), security(("bearer" = [])))]
pub async fn declare(
    state: web::Data<AppState>,
    caller: ApiCaller,
    req: HttpRequest,
    path: web::Path<String>,
    input: web::Json<DeclarationInput>,
) -> Result<HttpResponse, AppError> {
    let key = super::idempotency_key(&req, input.idempotency_key.as_deref())?;
    let caller = caller.require()?;
    let id = path.into_inner();
    let actor = caller.actor(&req);
    let now = state.clock.now_naive();
    let d = state
        .tx(move |c| {
            record::in_managed_meeting(c, &caller.grants, &id, |c, m, b| {
                record::declare(
                    c,
                    &actor,
                    m,
                    b,
                    input.item_id.as_deref().unwrap_or(""),
                    input.user_id.as_deref().unwrap_or(""),
                    input.interest.as_deref(),
                    key.as_deref(),
                    now,
                )
            })
        })
        .await?;
    Ok(created(
        format!("/api/v1/meetings/{}", d.meeting_id),
        &serde_json::json!({"id": d.id, "item_id": d.item_id, "user_id": d.user_id, "interest": d.interest}),
    ))
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct DecisionInput {
    pub item_id: Option<String>,
    /// The resolution (Markdown)
    #[schema(max_length = 10000)]
    pub text: Option<String>,
    #[schema(max_length = 255)]
    pub idempotency_key: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct DecisionOut {
    pub id: String,
    /// `{body-slug}/{YYYY}/{NNN}`
    pub reference: String,
    pub body_slug: String,
    pub meeting_id: String,
    pub item_id: String,
    pub text: String,
    pub decided_at: String,
    /// Actions recorded against it.
    pub actions: usize,
}

/// Record a decision on an item of this meeting (secretariat); 422 for an
/// item of another meeting. The same `idempotency_key` returns the first.
#[utoipa::path(post, path = "/api/v1/meetings/{id}/decisions", tag = "record", request_body = DecisionInput,
    params(("Idempotency-Key" = Option<String>, Header, description = "Sent again with the same request, returns the first answer; with a different request, 409.")),
    responses((status = 201, body = DecisionOut), (status = 409, body = crate::error::Problem), (status = 422, body = crate::error::Problem)), security(("bearer" = [])))]
pub async fn decide(
    state: web::Data<AppState>,
    caller: ApiCaller,
    req: HttpRequest,
    path: web::Path<String>,
    input: web::Json<DecisionInput>,
) -> Result<HttpResponse, AppError> {
    let key = super::idempotency_key(&req, input.idempotency_key.as_deref())?;
    let caller = caller.require()?;
    let id = path.into_inner();
    let actor = caller.actor(&req);
    let now = state.clock.now_naive();
    let (d, slug) = state
        .tx(move |c| {
            record::in_managed_meeting(c, &caller.grants, &id, |c, m, b| {
                let d = record::decide(
                    c,
                    &actor,
                    m,
                    b,
                    input.item_id.as_deref(),
                    input.text.as_deref(),
                    key.as_deref(),
                    now,
                )?;
                Ok((d, b.slug.clone()))
            })
        })
        .await?;
    Ok(created(
        "/api/v1/decisions".into(),
        &DecisionOut {
            id: d.id,
            reference: d.reference,
            body_slug: slug,
            meeting_id: d.meeting_id,
            item_id: d.item_id,
            text: d.text,
            decided_at: rfc3339(d.created_at),
            actions: 0,
        },
    ))
}

#[derive(Debug, Deserialize, IntoParams)]
pub struct DecisionQuery {
    /// Body slug
    pub body: Option<String>,
    /// YYYY-MM-DD, inclusive
    pub from: Option<String>,
    /// YYYY-MM-DD, inclusive
    pub to: Option<String>,
    /// Words in the resolution or its reference
    pub q: Option<String>,
    /// Only decisions on a paper serving this priority (its id)
    pub priority: Option<String>,
    /// 1 to 500; default 50
    #[param(minimum = 1, maximum = 500)]
    pub limit: Option<i64>,
    /// `next_cursor` from the previous page
    pub cursor: Option<String>,
}

/// A register cursor: the last decision's (recorded at, reference).
fn decision_cursor(at: chrono::NaiveDateTime, reference: &str) -> String {
    super::cursor_of(&format!(
        "{}|{reference}",
        at.and_utc().timestamp_nanos_opt().unwrap_or_default()
    ))
}

fn read_decision_cursor(cursor: &str) -> Result<(chrono::NaiveDateTime, String), AppError> {
    let text = super::cursor_text(cursor)?;
    let (nanos, reference) = text.split_once('|').ok_or_else(super::bad_cursor)?;
    let nanos = nanos.parse::<i64>().map_err(|_| super::bad_cursor())?;
    Ok((
        chrono::DateTime::from_timestamp_nanos(nanos).naive_utc(),
        reference.to_string(),
    ))
}

fn date_param(name: &str, v: Option<&str>) -> Result<Option<NaiveDate>, AppError> {
    match v.map(str::trim).filter(|s| !s.is_empty()) {
        None => Ok(None),
        Some(s) => NaiveDate::parse_from_str(s, "%Y-%m-%d")
            .map(Some)
            .map_err(|_| AppError::BadRequest(format!("{name} must be a date like 2027-01-31."))),
    }
}

/// The decisions register (exempt decisions only for those who may see them).
#[utoipa::path(get, path = "/api/v1/decisions", tag = "record", params(DecisionQuery),
    responses((status = 200, body = Page<DecisionOut>), (status = 400, body = crate::error::Problem), (status = 404, description = "`body` names no body", body = crate::error::Problem)))]
pub async fn decisions(
    state: web::Data<AppState>,
    caller: ApiCaller,
    query: web::Query<DecisionQuery>,
) -> Result<HttpResponse, AppError> {
    let from = date_param("from", query.from.as_deref())?;
    let to = date_param("to", query.to.as_deref())?;
    let limit = PageParams {
        limit: query.limit,
        cursor: None,
    }
    .limit()?;
    let after = query
        .cursor
        .as_deref()
        .filter(|c| !c.is_empty())
        .map(read_decision_cursor)
        .transpose()?;
    let grants = caller.0.map(|c| c.grants);
    let filter = RegisterFilter {
        body: query.body.clone(),
        from,
        to,
        text: query.q.clone(),
        priority_id: query.priority.clone(),
        after,
        limit: limit + 1,
    };
    let entries = state
        .db(move |c| decisions::register(c, grants.as_ref(), &filter))
        .await?;
    let out = page_of(
        entries,
        limit,
        |e| decision_cursor(e.decision.created_at, &e.decision.reference),
        |e| DecisionOut {
            actions: usize::from(e.has_actions),
            body_slug: e.body_slug,
            id: e.decision.id,
            reference: e.decision.reference,
            meeting_id: e.decision.meeting_id,
            item_id: e.decision.item_id,
            text: e.decision.text,
            decided_at: rfc3339(e.decision.created_at),
        },
    );
    Ok(HttpResponse::Ok().json(out))
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
}

#[derive(Debug, Serialize, ToSchema)]
pub struct HistoryOut {
    /// created, note, due_changed or status
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
    let out = ActionDetailOut {
        action: action_out(a, &state),
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
        return Err(AppError::BadRequest(
            "status must be open, in_progress, done or dropped.".into(),
        ));
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
