use std::collections::HashMap;

use crate::web::routes::Routes;
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::{etag, if_match, json_with_etag, optional_json, rfc3339};
use crate::domain::briefing::{self, HARD_TO_READ};
use crate::error::{AppError, FieldError};
use crate::render::markdown;
use crate::services::papers::{self as svc, Paper, PaperInput};
use crate::state::AppState;
use crate::web::auth::ApiCaller;

pub fn configure(r: &mut Routes<'_>) {
    r.post("/meetings/{id}/papers", create)
        .get("/meetings/{id}/papers", list)
        .get("/papers/{id}", show)
        .patch("/papers/{id}", update)
        .post("/papers/{id}/submit", submit)
        .post("/papers/{id}/sign-off", sign_off)
        .post("/papers/{id}/accept", accept)
        .post("/papers/{id}/return", return_paper)
        .post("/papers/{id}/withdraw", withdraw)
        .post("/papers/{id}/late-decision", late_decision);
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ImplicationsOut {
    pub financial: String,
    pub legal: String,
    pub risk: String,
    pub equality: String,
    pub equality_assessment: Option<String>,
    pub environment: String,
    /// Wales: the Welsh language impact.
    pub welsh_language: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct PaperOut {
    pub id: String,
    pub meeting_id: String,
    pub author_user_id: String,
    /// draft, submitted, accepted, published, returned, withdrawn
    pub status: String,
    pub version: i32,
    pub title: String,
    pub item_type: Option<String>,
    pub presenting_organisation_id: Option<String>,
    pub presenter_user_id: Option<String>,
    pub sponsor_user_id: Option<String>,
    pub purpose: String,
    pub summary: String,
    pub recommendations: Vec<String>,
    pub implications: ImplicationsOut,
    pub consulted_organisation_ids: Vec<String>,
    pub priority_id: Option<String>,
    pub no_priority_reason: String,
    pub body_markdown: String,
    /// The body rendered and sanitised.
    pub body_html: String,
    pub word_count: usize,
    /// Flesch reading ease of the body; below 30 is hard to read.
    pub reading_ease: Option<f64>,
    pub hard_to_read: bool,
    pub exempt_category: Option<i32>,
    pub exempt_reason: String,
    /// In Wales: the public interest test for a confidential paper.
    pub exempt_public_interest: String,
    pub minutes_allocated: Option<i32>,
    /// A key decision: the forward plan gives 28 clear days' notice of it.
    pub key_decision: bool,
    pub late: bool,
    pub late_reason: Option<String>,
    pub late_decision: Option<String>,
    pub late_decision_note: Option<String>,
    pub signed_off_at: Option<String>,
    pub submitted_at: Option<String>,
    pub returned_reason: Option<String>,
    pub withdrawn_reason: Option<String>,
    /// For the author and secretariat: what still stops submission.
    pub briefing_problems: Option<Vec<FieldError>>,
    /// A bilingual body's paper: the Welsh of its fields, by language
    /// (`{"cy": {"title": "…"}}`); absent for a body publishing in English only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub translations: Option<HashMap<String, HashMap<String, String>>>,
    /// The status of each translated field: not_required,
    /// awaiting_translation, translated or approved.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub translation_status: Option<HashMap<String, HashMap<String, String>>>,
}

pub fn paper_out(p: Paper, problems: Option<Vec<FieldError>>) -> PaperOut {
    let text = markdown::plain_text(&p.body_markdown);
    let ease = briefing::reading_ease(&text).map(|e| (e * 10.0).round() / 10.0);
    PaperOut {
        body_html: markdown::render(&p.body_markdown).as_str().to_string(),
        word_count: briefing::word_count(&text),
        reading_ease: ease,
        hard_to_read: ease.is_some_and(|e| e < HARD_TO_READ),
        recommendations: p.recommendations(),
        consulted_organisation_ids: p.consulted(),
        implications: ImplicationsOut {
            financial: p.implications_financial,
            legal: p.implications_legal,
            risk: p.implications_risk,
            equality: p.implications_equality,
            equality_assessment: p.equality_assessment,
            environment: p.implications_environment,
            welsh_language: p.implications_welsh_language,
        },
        signed_off_at: p.signed_off_at.map(rfc3339),
        submitted_at: p.submitted_at.map(rfc3339),
        id: p.id,
        meeting_id: p.meeting_id,
        author_user_id: p.author_user_id,
        status: p.status,
        version: p.version,
        title: p.title,
        item_type: p.item_type,
        presenting_organisation_id: p.presenting_organisation_id,
        presenter_user_id: p.presenter_user_id,
        sponsor_user_id: p.sponsor_user_id,
        purpose: p.purpose,
        summary: p.summary,
        priority_id: p.priority_id,
        no_priority_reason: p.no_priority_reason,
        body_markdown: p.body_markdown,
        exempt_category: p.exempt_category,
        exempt_reason: p.exempt_reason,
        exempt_public_interest: p.exempt_public_interest,
        minutes_allocated: p.minutes_allocated,
        key_decision: p.key_decision,
        late: p.late,
        late_reason: p.late_reason,
        late_decision: p.late_decision,
        late_decision_note: p.late_decision_note,
        returned_reason: p.returned_reason,
        withdrawn_reason: p.withdrawn_reason,
        briefing_problems: problems,
        translations: None,
        translation_status: None,
    }
}

fn reply(e: svc::Edited) -> PaperOut {
    let mut out = paper_out(e.paper, e.problems);
    if let Some((texts, status)) = e.welsh.map(|w| w.by_language()) {
        out.translations = Some(texts);
        out.translation_status = Some(status);
    }
    out
}

/// Start a paper for a meeting (members and officers of the body, secretariat).
/// Only `title` is needed for a draft.
#[utoipa::path(post, path = "/api/v1/meetings/{id}/papers", tag = "papers", request_body = PaperInput,
    responses((status = 201, body = PaperOut), (status = 422, body = crate::error::Problem)), security(("bearer" = [])))]
pub async fn create(
    state: web::Data<AppState>,
    caller: ApiCaller,
    req: HttpRequest,
    path: web::Path<String>,
    input: web::Json<PaperInput>,
) -> Result<HttpResponse, AppError> {
    let caller = caller.require()?;
    let id = path.into_inner();
    let actor = caller.actor(&req);
    let now = state.clock.now_naive();
    let out = state
        .tx(move |c| {
            svc::start(c, &actor, &caller.grants, &caller.user.id, &id, &input, now).map(reply)
        })
        .await?;
    Ok(HttpResponse::Created()
        .insert_header((
            actix_web::http::header::LOCATION,
            format!("/api/v1/papers/{}", out.id),
        ))
        .insert_header(etag(out.version))
        .json(out))
}

/// A paper, as far as the caller may see it.
#[utoipa::path(get, path = "/api/v1/papers/{id}", tag = "papers",
    responses((status = 200, body = PaperOut), (status = 404, body = crate::error::Problem)))]
pub async fn show(
    state: web::Data<AppState>,
    caller: ApiCaller,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let out = state
        .db(move |c| {
            let who = caller.0.as_ref();
            svc::read(
                c,
                who.map(|u| &u.grants),
                who.map(|u| u.user.id.as_str()),
                &id,
            )
            .map(reply)
        })
        .await?;
    Ok(json_with_etag(StatusCode::OK, out.version, &out))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct PaperSummary {
    pub id: String,
    pub title: String,
    pub status: String,
    pub item_type: Option<String>,
    pub late: bool,
    pub late_decision: Option<String>,
    pub exempt_category: Option<i32>,
    pub signed_off: bool,
}

/// A meeting's papers that the caller may see.
#[utoipa::path(get, path = "/api/v1/meetings/{id}/papers", tag = "papers", params(super::PageParams),
    responses((status = 200, body = super::Page<PaperSummary>)))]
pub async fn list(
    state: web::Data<AppState>,
    caller: ApiCaller,
    path: web::Path<String>,
    page: web::Query<super::PageParams>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let out = state
        .db(move |c| {
            let who = caller.0.as_ref();
            let all = svc::of_meeting(
                c,
                who.map(|u| &u.grants),
                who.map(|u| u.user.id.as_str()),
                &id,
            )?;
            Ok(all
                .into_iter()
                .map(|p| PaperSummary {
                    signed_off: p.signed_off_at.is_some(),
                    id: p.id,
                    title: p.title,
                    status: p.status,
                    item_type: p.item_type,
                    late: p.late,
                    late_decision: p.late_decision,
                    exempt_category: p.exempt_category,
                })
                .collect::<Vec<_>>())
        })
        .await?;
    Ok(HttpResponse::Ok().json(super::page_in_memory(out, &page, |p| p.id.clone())?))
}

/// Change a draft or returned paper (author, secretariat). Takes `If-Match`.
#[utoipa::path(patch, path = "/api/v1/papers/{id}", tag = "papers", request_body = PaperInput,
    responses((status = 200, body = PaperOut), (status = 409, body = crate::error::Problem), (status = 412, body = crate::error::Problem)),
    security(("bearer" = [])))]
pub async fn update(
    state: web::Data<AppState>,
    caller: ApiCaller,
    req: HttpRequest,
    path: web::Path<String>,
    input: web::Json<PaperInput>,
) -> Result<HttpResponse, AppError> {
    let caller = caller.require()?;
    let expected = if_match(&req)?;
    let id = path.into_inner();
    let actor = caller.actor(&req);
    let parts = state.ctx_parts();
    let out = state
        .tx(move |c| {
            svc::change_and_read(
                c,
                &caller.grants,
                &caller.user.id,
                &actor,
                &id,
                &parts.ctx(),
                move |c, g, _, a, p, ctx| svc::update_paper(c, a, g, p, &input, expected, ctx.now),
            )
            .map(reply)
        })
        .await?;
    Ok(json_with_etag(StatusCode::OK, out.version, &out))
}

#[derive(Debug, Default, Deserialize, ToSchema)]
pub struct SubmitInput {
    /// Needed after the paper deadline: why the paper is urgent.
    pub late_reason: Option<String>,
}

#[derive(Debug, Default, Deserialize, ToSchema)]
pub struct ReasonInput {
    pub reason: Option<String>,
}

#[derive(Debug, Default, Deserialize, ToSchema)]
pub struct LateDecisionInput {
    pub approve: Option<bool>,
    pub note: Option<String>,
}

#[derive(Debug, Default, Deserialize, ToSchema)]
pub struct Empty {}

/// Runs one paper action inside a transaction and answers with the paper.
async fn act(
    state: web::Data<AppState>,
    caller: ApiCaller,
    req: HttpRequest,
    id: String,
    change: impl svc::PaperChange,
) -> Result<HttpResponse, AppError> {
    let caller = caller.require()?;
    let actor = caller.actor(&req);
    let parts = state.ctx_parts();
    let out = state
        .tx(move |c| {
            svc::change_and_read(
                c,
                &caller.grants,
                &caller.user.id,
                &actor,
                &id,
                &parts.ctx(),
                change,
            )
            .map(reply)
        })
        .await?;
    Ok(json_with_etag(StatusCode::OK, out.version, &out))
}

/// Submit a paper (author). 422 lists every unmet briefing requirement; after
/// the paper deadline without `late_reason` the code is `late_reason_required`.
#[utoipa::path(post, path = "/api/v1/papers/{id}/submit", tag = "papers", request_body = SubmitInput,
    responses((status = 200, body = PaperOut), (status = 422, body = crate::error::Problem)), security(("bearer" = [])))]
pub async fn submit(
    state: web::Data<AppState>,
    caller: ApiCaller,
    req: HttpRequest,
    path: web::Path<String>,
    body: web::Bytes,
) -> Result<HttpResponse, AppError> {
    let input: SubmitInput = optional_json(&body)?;
    let id = path.into_inner();
    // The report is typeset first, outside the write transaction.
    if let Some(who) = &caller.0 {
        let (grants, uid, pid) = (who.grants.clone(), who.user.id.clone(), id.clone());
        state
            .db(move |c| svc::check_before_submit(c, &grants, &uid, &pid))
            .await?;
    }
    act(state, caller, req, id, move |c, _g, uid, a, p, ctx| {
        svc::submit_paper(c, a, uid, p, input.late_reason.as_deref(), ctx)
    })
    .await
}

/// Record the sponsor's sign-off (the sponsor only).
#[utoipa::path(post, path = "/api/v1/papers/{id}/sign-off", tag = "papers", request_body = Empty,
    responses((status = 200, body = PaperOut), (status = 403, body = crate::error::Problem)), security(("bearer" = [])))]
pub async fn sign_off(
    state: web::Data<AppState>,
    caller: ApiCaller,
    req: HttpRequest,
    path: web::Path<String>,
    body: web::Bytes,
) -> Result<HttpResponse, AppError> {
    let _: Empty = optional_json(&body)?;
    act(
        state,
        caller,
        req,
        path.into_inner(),
        move |c, _g, uid, a, p, ctx| svc::sign_off(c, a, uid, p, ctx.now),
    )
    .await
}

/// Accept a submitted paper for the agenda (secretariat). Needs sign-off,
/// and the chair's approval for a late paper.
#[utoipa::path(post, path = "/api/v1/papers/{id}/accept", tag = "papers", request_body = Empty,
    responses((status = 200, body = PaperOut), (status = 422, body = crate::error::Problem)), security(("bearer" = [])))]
pub async fn accept(
    state: web::Data<AppState>,
    caller: ApiCaller,
    req: HttpRequest,
    path: web::Path<String>,
    body: web::Bytes,
) -> Result<HttpResponse, AppError> {
    let _: Empty = optional_json(&body)?;
    act(
        state,
        caller,
        req,
        path.into_inner(),
        move |c, g, _uid, a, p, ctx| svc::accept(c, a, g, p, ctx.now),
    )
    .await
}

/// Return a paper to its author with reasons (secretariat).
#[utoipa::path(post, path = "/api/v1/papers/{id}/return", tag = "papers", request_body = ReasonInput,
    responses((status = 200, body = PaperOut), (status = 422, body = crate::error::Problem)), security(("bearer" = [])))]
pub async fn return_paper(
    state: web::Data<AppState>,
    caller: ApiCaller,
    req: HttpRequest,
    path: web::Path<String>,
    body: web::Bytes,
) -> Result<HttpResponse, AppError> {
    let input: ReasonInput = optional_json(&body)?;
    act(
        state,
        caller,
        req,
        path.into_inner(),
        move |c, g, _uid, a, p, ctx| {
            svc::return_paper(c, a, g, p, input.reason.as_deref().unwrap_or(""), ctx)
        },
    )
    .await
}

/// Withdraw a paper (author, secretariat).
#[utoipa::path(post, path = "/api/v1/papers/{id}/withdraw", tag = "papers", request_body = ReasonInput,
    responses((status = 200, body = PaperOut), (status = 409, body = crate::error::Problem)), security(("bearer" = [])))]
pub async fn withdraw(
    state: web::Data<AppState>,
    caller: ApiCaller,
    req: HttpRequest,
    path: web::Path<String>,
    body: web::Bytes,
) -> Result<HttpResponse, AppError> {
    let input: ReasonInput = optional_json(&body)?;
    act(
        state,
        caller,
        req,
        path.into_inner(),
        move |c, g, uid, a, p, ctx| {
            svc::withdraw(
                c,
                a,
                g,
                uid,
                p,
                input.reason.as_deref().unwrap_or(""),
                ctx.now,
            )
        },
    )
    .await
}

/// The chair approves or rejects a late paper, with a note.
#[utoipa::path(post, path = "/api/v1/papers/{id}/late-decision", tag = "papers", request_body = LateDecisionInput,
    responses((status = 200, body = PaperOut), (status = 403, body = crate::error::Problem), (status = 422, body = crate::error::Problem)),
    security(("bearer" = [])))]
pub async fn late_decision(
    state: web::Data<AppState>,
    caller: ApiCaller,
    req: HttpRequest,
    path: web::Path<String>,
    body: web::Bytes,
) -> Result<HttpResponse, AppError> {
    let input: LateDecisionInput = optional_json(&body)?;
    act(
        state,
        caller,
        req,
        path.into_inner(),
        move |c, g, _uid, a, p, ctx| {
            svc::late_decision(
                c,
                a,
                g,
                p,
                input.approve,
                input.note.as_deref().unwrap_or(""),
                ctx,
            )
        },
    )
    .await
}
