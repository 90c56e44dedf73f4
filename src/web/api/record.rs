//! The meeting record: attendance, declarations and decisions, and
//! corrections to the decisions and actions recorded.

use crate::web::routes::Routes;
use actix_web::{HttpRequest, HttpResponse, web};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::{created, rfc3339};
use crate::error::AppError;
use crate::services::actions::ActionCorrection;
use crate::services::record::{self, AttendanceInput, MovementInput, QuorumState};
use crate::state::AppState;
use crate::web::auth::ApiCaller;

use super::decisions::{DecisionOut, VoteOut};

pub fn configure(r: &mut Routes<'_>) {
    r.put("/meetings/{id}/attendance/{user_id}", attendance)
        .put(
            "/meetings/{id}/attendance/{user_id}/items/{item_id}",
            movement,
        )
        .delete(
            "/meetings/{id}/attendance/{user_id}/items/{item_id}",
            clear_movement,
        )
        .post("/meetings/{id}/declarations", declare)
        .post("/meetings/{id}/decisions", decide)
        .post("/meetings/{id}/decisions/{decision}/correct", correct)
        .post("/meetings/{id}/decisions/{decision}/withdraw", withdraw)
        .post("/meetings/{id}/actions/{action_id}/correct", correct_action)
        .post(
            "/meetings/{id}/actions/{action_id}/withdraw",
            withdraw_action,
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

/// Someone's arrival at, or departure before, an item, with the item's
/// quorum after it.
#[derive(Debug, Serialize, ToSchema)]
pub struct MovementOut {
    pub user_id: String,
    pub item_id: String,
    /// arrives or leaves
    pub movement: String,
    /// The item's quorum: without those not in the room for it.
    pub quorum: QuorumState,
}

/// Record that someone present arrived in time for an item (absent for the
/// items before it) or left before it (absent from it until they arrive
/// again), for the secretariat. It replaces what was recorded for them at
/// that item. Answers with the item's quorum.
#[utoipa::path(put, path = "/api/v1/meetings/{id}/attendance/{user_id}/items/{item_id}", tag = "record", request_body = MovementInput,
    responses((status = 200, body = MovementOut), (status = 422, body = crate::error::Problem)), security(("bearer" = [])))]
pub async fn movement(
    state: web::Data<AppState>,
    caller: ApiCaller,
    req: HttpRequest,
    path: web::Path<(String, String, String)>,
    input: web::Json<MovementInput>,
) -> Result<HttpResponse, AppError> {
    let (id, user_id, item_id) = path.into_inner();
    let caller = caller.require()?;
    let actor = caller.actor(&req);
    let now = state.clock.now_naive();
    let out = state
        .tx(move |c| {
            record::in_managed_meeting(c, &caller.grants, &id, |c, m, b| {
                let mv = record::set_movement(c, &actor, m, b, &item_id, &user_id, &input, now)?;
                let item = record::item_of(c, m, &mv.item_id, "item_id")?;
                let quorum = record::item_quorum(c, m, b, &item)?
                    .ok_or_else(|| AppError::internal("attendance recorded but not found"))?;
                Ok(MovementOut {
                    user_id: mv.user_id,
                    item_id: mv.item_id,
                    movement: mv.movement,
                    quorum,
                })
            })
        })
        .await?;
    Ok(HttpResponse::Ok().json(out))
}

/// Remove the arrival or departure recorded for someone at an item
/// (secretariat); 404 when none is recorded.
#[utoipa::path(delete, path = "/api/v1/meetings/{id}/attendance/{user_id}/items/{item_id}", tag = "record",
    responses((status = 204), (status = 404, body = crate::error::Problem)), security(("bearer" = [])))]
pub async fn clear_movement(
    state: web::Data<AppState>,
    caller: ApiCaller,
    req: HttpRequest,
    path: web::Path<(String, String, String)>,
) -> Result<HttpResponse, AppError> {
    let (id, user_id, item_id) = path.into_inner();
    let caller = caller.require()?;
    let actor = caller.actor(&req);
    let now = state.clock.now_naive();
    state
        .tx(move |c| {
            record::in_managed_meeting(c, &caller.grants, &id, |c, m, _| {
                record::clear_movement(c, &actor, m, &item_id, &user_id, now)
            })
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct DeclarationInput {
    pub item_id: Option<String>,
    pub user_id: Option<String>,
    #[schema(max_length = 2000)]
    pub interest: Option<String>,
    /// The member left the room for the item: they do not count towards
    /// its quorum.
    pub left_room: Option<bool>,
    #[schema(max_length = 255)]
    pub idempotency_key: Option<String>,
}

/// Record a declaration of interest on an item (secretariat).
#[utoipa::path(post, path = "/api/v1/meetings/{id}/declarations", tag = "record", request_body = DeclarationInput,
    params(("Idempotency-Key" = Option<String>, Header, description = "Sent again with the same request, returns the first answer; with a different request, 409.")),
    responses((status = 201, body = DeclarationOut), (status = 409, body = crate::error::Problem), (status = 422, body = crate::error::Problem)), security(("bearer" = [])))]
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
                    input.left_room.unwrap_or(false),
                    key.as_deref(),
                    now,
                )
            })
        })
        .await?;
    Ok(created(
        format!("/api/v1/meetings/{}", d.meeting_id),
        &DeclarationOut {
            id: d.id,
            item_id: d.item_id,
            user_id: d.user_id,
            interest: d.interest,
            left_room: d.left_room,
        },
    ))
}

/// A declaration of interest, as recorded.
#[derive(Debug, serde::Serialize, ToSchema)]
pub struct DeclarationOut {
    pub id: String,
    pub item_id: String,
    pub user_id: String,
    pub interest: String,
    pub left_room: bool,
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct DecisionInput {
    pub item_id: Option<String>,
    /// The resolution (Markdown)
    #[schema(max_length = 10000)]
    pub text: Option<String>,
    /// The vote, if one was taken: by count (`for`, `against`, `abstain`)
    /// or, where the body records votes by name, `by_name`. It must carry
    /// the motion and fit those in the room for the item.
    pub vote: Option<record::VoteInput>,
    #[schema(max_length = 255)]
    pub idempotency_key: Option<String>,
    /// A bilingual body's decision: the Welsh of its resolution,
    /// `{"cy": {"text": "…"}}` (`text` holds the English).
    #[schema(value_type = Option<std::collections::HashMap<String, std::collections::HashMap<String, String>>>)]
    pub translations: Option<crate::services::translations::TranslationsInput>,
}

/// Record a decision on an item of this meeting (secretariat); 422 for an
/// item of another meeting, or one the meeting is not quorate for, or a
/// vote that does not carry it. The same `idempotency_key` returns the
/// first.
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
    let (d, slug, welsh) = state
        .tx(move |c| {
            record::in_managed_meeting(c, &caller.grants, &id, |c, m, b| {
                let d = record::decide(
                    c,
                    &actor,
                    m,
                    b,
                    input.item_id.as_deref(),
                    input.text.as_deref(),
                    input.vote.as_ref(),
                    key.as_deref(),
                    now,
                )?;
                let welsh = record::decision_translations(
                    c,
                    &actor,
                    &caller.grants,
                    b,
                    &d,
                    input.translations.as_ref(),
                    now,
                )?;
                Ok((d, b.slug.clone(), welsh))
            })
        })
        .await?;
    let (translations, translation_status) = welsh.map(|w| w.by_language()).unzip();
    Ok(created(
        "/api/v1/decisions".into(),
        &DecisionOut {
            vote: d.tally().map(VoteOut::from),
            id: d.id,
            reference: d.reference,
            body_slug: slug,
            meeting_id: d.meeting_id,
            item_id: d.item_id,
            text: d.text,
            decided_at: rfc3339(d.created_at),
            actions: 0,
            withdrawn_reason: None,
            translations,
            translation_status,
        },
    ))
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct CorrectionInput {
    /// The corrected resolution (for a correction)
    #[schema(max_length = 10000)]
    pub text: Option<String>,
    /// Why it is corrected or withdrawn (kept in the audit log)
    #[schema(max_length = 500)]
    pub reason: Option<String>,
}

/// The decision as the register shows it.
fn decision_out(d: crate::services::decisions::Decision, slug: String) -> DecisionOut {
    DecisionOut {
        vote: d.tally().map(VoteOut::from),
        id: d.id,
        reference: d.reference,
        body_slug: slug,
        meeting_id: d.meeting_id,
        item_id: d.item_id,
        text: d.text,
        decided_at: rfc3339(d.created_at),
        actions: 0,
        withdrawn_reason: d.withdrawn_reason,
        translations: None,
        translation_status: None,
    }
}

/// Correct the words of a decision recorded at this meeting (secretariat),
/// before the meeting's minutes are approved; 409 after, or once withdrawn.
#[utoipa::path(post, path = "/api/v1/meetings/{id}/decisions/{decision}/correct", tag = "record", request_body = CorrectionInput,
    responses((status = 200, body = DecisionOut), (status = 404, body = crate::error::Problem), (status = 409, body = crate::error::Problem), (status = 422, body = crate::error::Problem)), security(("bearer" = [])))]
pub async fn correct(
    state: web::Data<AppState>,
    caller: ApiCaller,
    req: HttpRequest,
    path: web::Path<(String, String)>,
    input: web::Json<CorrectionInput>,
) -> Result<HttpResponse, AppError> {
    change_decision(
        state,
        caller,
        req,
        path,
        input,
        record::RecordChange::Correct,
    )
    .await
}

/// Corrects or withdraws one decision of a meeting the caller manages.
async fn change_decision(
    state: web::Data<AppState>,
    caller: ApiCaller,
    req: HttpRequest,
    path: web::Path<(String, String)>,
    input: web::Json<CorrectionInput>,
    change: record::RecordChange,
) -> Result<HttpResponse, AppError> {
    let caller = caller.require()?;
    let (id, did) = path.into_inner();
    let actor = caller.actor(&req);
    let now = state.clock.now_naive();
    let input = input.into_inner();
    let out = state
        .tx(move |c| {
            record::in_managed_meeting(c, &caller.grants, &id, |c, m, b| {
                let d = record::change_decision(
                    c,
                    &actor,
                    m,
                    &did,
                    change,
                    input.text.as_deref(),
                    input.reason.as_deref(),
                    now,
                )?;
                Ok(decision_out(d, b.slug.clone()))
            })
        })
        .await?;
    Ok(HttpResponse::Ok().json(out))
}

/// Withdraw a decision recorded in error at this meeting (secretariat),
/// before the meeting's minutes are approved. It keeps its number, marked
/// withdrawn with the reason; 422 while actions hang from it.
#[utoipa::path(post, path = "/api/v1/meetings/{id}/decisions/{decision}/withdraw", tag = "record", request_body = CorrectionInput,
    responses((status = 200, body = DecisionOut), (status = 404, body = crate::error::Problem), (status = 409, body = crate::error::Problem), (status = 422, body = crate::error::Problem)), security(("bearer" = [])))]
pub async fn withdraw(
    state: web::Data<AppState>,
    caller: ApiCaller,
    req: HttpRequest,
    path: web::Path<(String, String)>,
    input: web::Json<CorrectionInput>,
) -> Result<HttpResponse, AppError> {
    change_decision(
        state,
        caller,
        req,
        path,
        input,
        record::RecordChange::Withdraw,
    )
    .await
}

/// Correct an action recorded at this meeting (secretariat): what is to be
/// done, its owner and its due date, with why; before the meeting's
/// minutes are approved (409 after). A new owner is told by email.
#[utoipa::path(post, path = "/api/v1/meetings/{id}/actions/{action_id}/correct", tag = "record", request_body = ActionCorrection,
    responses((status = 200, body = super::actions::ActionOut), (status = 404, body = crate::error::Problem), (status = 409, body = crate::error::Problem), (status = 422, body = crate::error::Problem)), security(("bearer" = [])))]
pub async fn correct_action(
    state: web::Data<AppState>,
    caller: ApiCaller,
    req: HttpRequest,
    path: web::Path<(String, String)>,
    input: web::Json<ActionCorrection>,
) -> Result<HttpResponse, AppError> {
    change_action(
        state,
        caller,
        req,
        path,
        input,
        record::RecordChange::Correct,
    )
    .await
}

/// Withdraw an action recorded in error at this meeting (secretariat),
/// before the meeting's minutes are approved: it is removed, its owner is
/// told, and the audit log keeps what it said and the `reason`. Returns
/// the action as it was.
#[utoipa::path(post, path = "/api/v1/meetings/{id}/actions/{action_id}/withdraw", tag = "record", request_body = ActionCorrection,
    responses((status = 200, body = super::actions::ActionOut), (status = 404, body = crate::error::Problem), (status = 409, body = crate::error::Problem), (status = 422, body = crate::error::Problem)), security(("bearer" = [])))]
pub async fn withdraw_action(
    state: web::Data<AppState>,
    caller: ApiCaller,
    req: HttpRequest,
    path: web::Path<(String, String)>,
    input: web::Json<ActionCorrection>,
) -> Result<HttpResponse, AppError> {
    change_action(
        state,
        caller,
        req,
        path,
        input,
        record::RecordChange::Withdraw,
    )
    .await
}

/// Corrects or withdraws one action of a meeting the caller manages.
async fn change_action(
    state: web::Data<AppState>,
    caller: ApiCaller,
    req: HttpRequest,
    path: web::Path<(String, String)>,
    input: web::Json<ActionCorrection>,
    change: record::RecordChange,
) -> Result<HttpResponse, AppError> {
    let caller = caller.require()?;
    let (id, aid) = path.into_inner();
    let actor = caller.actor(&req);
    let parts = state.ctx_parts();
    let fix = input.into_inner();
    let a = state
        .tx(move |c| {
            record::in_managed_meeting(c, &caller.grants, &id, |c, m, _| {
                crate::services::actions::change_recorded(
                    c,
                    &actor,
                    &caller.grants,
                    m,
                    &aid,
                    change,
                    &fix,
                    &parts.ctx(),
                )
            })
        })
        .await?;
    Ok(HttpResponse::Ok().json(super::actions::action_out(a, &state)))
}
