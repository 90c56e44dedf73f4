use crate::web::routes::Routes;
use actix_web::{HttpRequest, HttpResponse, web};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::{optional_json, rfc3339};
use crate::error::{AppError, FieldError};
use crate::services::proposals::Proposal;
use crate::services::proposals::{self as svc, Outcome, ProposalInput};
use crate::state::AppState;
use crate::web::auth::ApiCaller;

pub fn configure(r: &mut Routes<'_>) {
    r.post("/meetings/{id}/proposals", create)
        .get("/meetings/{id}/proposals", list)
        .post("/proposals/{id}/{outcome}", decide);
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ProposalOut {
    pub id: String,
    pub meeting_id: String,
    pub proposer_user_id: String,
    pub title: String,
    pub item_type: String,
    pub presenting_organisation_id: String,
    pub priority_id: Option<String>,
    pub minutes_estimate: Option<i32>,
    /// proposed, accepted, deferred or declined
    pub status: String,
    pub outcome_reason: Option<String>,
    pub deferred_to_meeting_id: Option<String>,
    pub paper_id: Option<String>,
    pub created_at: String,
    /// The agenda item of another body that referred it here.
    pub referred_from_item_id: Option<String>,
    /// Why the item is proposed when it serves no priority (for a referral: who referred it and why).
    pub no_priority_reason: String,
    /// A key decision: the forward plan gives 28 clear days' notice of it.
    pub key_decision: bool,
    /// Confidential: its Schedule 12A paragraph. Such a proposal is listed
    /// only for roles that see exempt material, and its proposer.
    pub exempt_category: Option<i32>,
}

impl From<Proposal> for ProposalOut {
    fn from(p: Proposal) -> Self {
        ProposalOut {
            created_at: rfc3339(p.created_at),
            id: p.id,
            meeting_id: p.meeting_id,
            proposer_user_id: p.proposer_user_id,
            title: p.title,
            item_type: p.item_type,
            presenting_organisation_id: p.presenting_organisation_id,
            priority_id: p.priority_id,
            minutes_estimate: p.minutes_estimate,
            status: p.status,
            outcome_reason: p.outcome_reason,
            deferred_to_meeting_id: p.deferred_to_meeting_id,
            paper_id: p.paper_id,
            referred_from_item_id: p.referred_from_item_id,
            no_priority_reason: p.no_priority_reason,
            key_decision: p.key_decision,
            exempt_category: p.exempt_category,
        }
    }
}

/// Propose an item for a meeting, before its proposal deadline (members and officers).
#[utoipa::path(post, path = "/api/v1/meetings/{id}/proposals", tag = "proposals", request_body = ProposalInput,
    responses((status = 201, body = ProposalOut), (status = 422, body = crate::error::Problem)), security(("bearer" = [])))]
pub async fn create(
    state: web::Data<AppState>,
    caller: ApiCaller,
    req: HttpRequest,
    path: web::Path<String>,
    input: web::Json<ProposalInput>,
) -> Result<HttpResponse, AppError> {
    let who = caller.require()?;
    let id = path.into_inner();
    let actor = who.actor(&req);
    let parts = state.ctx_parts();
    let p = state
        .tx(move |c| {
            let m = crate::services::meetings::find(c, &id)?;
            svc::propose(c, &actor, &who.grants, &m, &input, &parts.ctx())
        })
        .await?;
    Ok(HttpResponse::Created().json(ProposalOut::from(p)))
}

/// A meeting's proposals (anyone with a role in the body).
#[utoipa::path(get, path = "/api/v1/meetings/{id}/proposals", tag = "proposals", responses((status = 200, body = Vec<ProposalOut>)), security(("bearer" = [])))]
pub async fn list(
    state: web::Data<AppState>,
    caller: ApiCaller,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let who = caller.require()?;
    let id = path.into_inner();
    let list = state
        .db(move |c| svc::of_meeting(c, &who.grants, &who.user.id, &id))
        .await?;
    Ok(HttpResponse::Ok().json(list.into_iter().map(ProposalOut::from).collect::<Vec<_>>()))
}

#[derive(Debug, Default, Deserialize, ToSchema)]
pub struct DecisionInput {
    /// For `defer`: the later meeting.
    pub meeting_id: Option<String>,
    /// For `decline`: why.
    pub reason: Option<String>,
}

/// Decide a proposal (secretariat): `accept` (starts a draft paper for the
/// proposer), `defer` `{meeting_id}`, or `decline` `{reason}`.
#[utoipa::path(post, path = "/api/v1/proposals/{id}/{outcome}", tag = "proposals", request_body = DecisionInput,
    responses((status = 200, body = ProposalOut), (status = 409, body = crate::error::Problem), (status = 422, body = crate::error::Problem)),
    security(("bearer" = [])))]
pub async fn decide(
    state: web::Data<AppState>,
    caller: ApiCaller,
    req: HttpRequest,
    path: web::Path<(String, String)>,
    body: web::Bytes,
) -> Result<HttpResponse, AppError> {
    let who = caller.require()?;
    let (id, outcome) = path.into_inner();
    let input: DecisionInput = optional_json(&body)?;
    if !matches!(outcome.as_str(), "accept" | "defer" | "decline") {
        return Err(AppError::NotFound);
    }
    let actor = who.actor(&req);
    let parts = state.ctx_parts();
    let p = state
        .tx(move |c| {
            let p = crate::services::proposals::find(c, &id)?;
            let ctx = parts.ctx();
            let to = input.meeting_id.clone().unwrap_or_default();
            let reason = input.reason.clone().unwrap_or_default();
            let o = match outcome.as_str() {
                "accept" => Outcome::Accept,
                "defer" if to.is_empty() => {
                    return Err(AppError::Validation(vec![FieldError::new(
                        "meeting_id",
                        "required",
                        crate::i18n::say("err-api-proposals-required"),
                    )]));
                }
                "defer" => Outcome::Defer { to_meeting_id: &to },
                _ => Outcome::Decline { reason: &reason },
            };
            svc::decide(c, &actor, &who.grants, &p, o, &ctx)
        })
        .await?;
    Ok(HttpResponse::Ok().json(ProposalOut::from(p)))
}
