//! A meeting's agenda: the working copy, its items and order, publishing,
//! and published versions.

use crate::web::routes::Routes;
use actix_web::{HttpRequest, HttpResponse, web};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::{created, if_match, json_with_etag, optional_json, rfc3339};
use crate::domain::agenda::Balance;
use crate::domain::frozen::{Frozen, FrozenItem};
use crate::error::AppError;
use crate::services::agenda::{self as svc, ItemChange, ItemInput, PublishInput, WorkingItem};
use crate::services::record;
use crate::state::AppState;
use crate::web::auth::{ApiCaller, AuthUser};

pub fn configure(r: &mut Routes<'_>) {
    r.get("/meetings/{id}/agenda", show)
        .post("/meetings/{id}/agenda/items", add_item)
        .patch("/meetings/{id}/agenda/items/{item}", change_item)
        .delete("/meetings/{id}/agenda/items/{item}", remove_item)
        .post("/meetings/{id}/agenda/items/{item}/refer", refer)
        .put("/meetings/{id}/agenda/order", order)
        .post("/meetings/{id}/agenda/publish", publish)
        .get("/meetings/{id}/agenda/versions/{n}", version);
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ItemOut {
    pub id: String,
    pub number: i32,
    pub title: String,
    /// apologies, declarations, minutes, action_log, substantive, next_meeting, exclusion
    pub kind: String,
    pub item_type: Option<String>,
    pub presenter: Option<String>,
    pub organisation: Option<String>,
    pub minutes_allocated: i32,
    pub paper_id: Option<String>,
    pub late: bool,
    pub late_reason: Option<String>,
    pub exempt_category: Option<i32>,
    pub verbal_reason: Option<String>,
    /// Taken "to note without discussion".
    pub to_note: bool,
    /// Substantive items can be reordered; standard items keep their place.
    pub movable: bool,
    /// Why this item was added or replaced by a supplement.
    pub supplement: Option<String>,
    /// The action log item of a published version: the body's open actions
    /// and those closed since its previous meeting, as published (exempt
    /// ones only for those who may see exempt material). Empty otherwise.
    pub action_log: Vec<LogEntryOut>,
    /// A bilingual body's published item: its Welsh title where
    /// translated, `{"cy": {"title": "…"}}`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub translations: Option<crate::services::translations::ByLanguage>,
}

/// One action in a published action log.
#[derive(Debug, Serialize, ToSchema)]
pub struct LogEntryOut {
    /// The decision it comes from (`psb/2026/014`), if any.
    pub reference: String,
    pub description: String,
    pub owner: String,
    pub organisation: String,
    #[schema(format = Date)]
    pub due_on: String,
    /// open, in_progress, done or dropped, when published
    pub status: String,
    pub latest_note: String,
    pub exempt: bool,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AgendaOut {
    pub meeting_id: String,
    /// The latest published version number (0 before the first), or the
    /// number of the version shown.
    pub version: i32,
    pub published_at: Option<String>,
    /// "working" (the secretariat's current copy) or "published".
    pub state: String,
    pub late_reason: Option<String>,
    pub supplement_reason: Option<String>,
    pub items: Vec<ItemOut>,
    pub balance: Option<Balance>,
    pub warnings: Vec<String>,
    /// Blocking problems the pre-flight finds now (working copy only).
    pub blocking: Vec<String>,
    /// What changed from the previous version (published versions only).
    pub changes: Vec<String>,
}

fn frozen_item(i: &FrozenItem) -> ItemOut {
    ItemOut {
        translations: i.title_cy.as_ref().map(|t| {
            std::collections::HashMap::from([(
                "cy".to_string(),
                std::collections::HashMap::from([("title".to_string(), t.clone())]),
            )])
        }),
        id: i.id.clone(),
        number: i.number,
        title: i.title.clone(),
        kind: i.kind.as_str().to_string(),
        item_type: i.item_type.clone(),
        presenter: i.presenter.clone(),
        organisation: i.organisation.clone(),
        minutes_allocated: i.minutes,
        paper_id: i.paper.as_ref().map(|p| p.id.clone()),
        late: i.late,
        late_reason: i.late_reason.clone(),
        exempt_category: i.exempt_category,
        verbal_reason: i.verbal_reason.clone(),
        to_note: i.to_note,
        movable: i.kind.movable(),
        supplement: i.supplement.clone(),
        action_log: i
            .action_log
            .iter()
            .map(|a| LogEntryOut {
                reference: a.reference.clone(),
                description: a.description.clone(),
                owner: a.owner.clone(),
                organisation: a.organisation.clone(),
                due_on: a.due_on.to_string(),
                // Published in words; here the machine's key.
                status: crate::domain::actions::ActionStatus::from_label(&a.status)
                    .map(|s| s.as_str().to_string())
                    .unwrap_or_else(|| a.status.clone()),
                latest_note: a.latest_note.clone(),
                exempt: a.exempt,
            })
            .collect(),
    }
}

fn published_out(f: &Frozen, changes: Vec<String>) -> AgendaOut {
    AgendaOut {
        meeting_id: f.meeting_id.clone(),
        version: f.number,
        published_at: Some(rfc3339(f.published_at)),
        state: "published".into(),
        late_reason: f.late_reason.clone(),
        supplement_reason: f.supplement_reason.clone(),
        items: f.items.iter().map(frozen_item).collect(),
        balance: None,
        warnings: Vec::new(),
        blocking: Vec::new(),
        changes,
    }
}

/// An item of the working agenda, as the service gave it for this reader
/// (exempt material already withheld where it must be).
fn working_item(i: &WorkingItem) -> ItemOut {
    let paper = i.paper.as_ref();
    ItemOut {
        translations: None,
        id: i.row.id.clone(),
        number: i.number,
        title: i.title.clone(),
        kind: i.kind.as_str().to_string(),
        item_type: i.item_type.map(|t| t.as_str().to_string()),
        presenter: i.presenter.clone(),
        organisation: i.organisation.clone(),
        minutes_allocated: i.row.minutes_allocated,
        paper_id: paper.map(|p| p.id.clone()),
        late: paper.is_some_and(|p| p.late),
        late_reason: paper.and_then(|p| p.late_reason.clone()),
        exempt_category: i.exempt_category,
        verbal_reason: i.row.verbal_reason.clone(),
        to_note: i.row.to_note,
        movable: i.kind.movable(),
        supplement: None,
        action_log: Vec::new(),
    }
}

/// The working agenda as JSON, with its version as the `ETag`.
fn working_answer(w: svc::Working, published_at: Option<chrono::NaiveDateTime>) -> HttpResponse {
    let message = |f: &crate::domain::agenda::Finding| f.message.clone();
    let out = AgendaOut {
        meeting_id: w.agenda.meeting_id.clone(),
        version: w.agenda.published_number,
        published_at: published_at.map(rfc3339),
        state: "working".into(),
        late_reason: None,
        supplement_reason: None,
        items: w.items.iter().map(working_item).collect(),
        warnings: w.preflight.warnings.iter().map(message).collect(),
        blocking: w.preflight.blocking.iter().map(message).collect(),
        balance: Some(w.balance),
        changes: Vec::new(),
    };
    json_with_etag(actix_web::http::StatusCode::OK, w.agenda.version, &out)
}

/// The agenda. The secretariat and the body's members get the working copy
/// with its balance report and pre-flight (`ETag` = its version, for
/// `If-Match` on changes); everyone else the latest published version, with
/// exempt items reduced to their Schedule 12A category (404 before publication).
#[utoipa::path(get, path = "/api/v1/meetings/{id}/agenda", tag = "agendas",
    responses((status = 200, body = AgendaOut), (status = 404, body = crate::error::Problem)))]
pub async fn show(
    state: web::Data<AppState>,
    caller: ApiCaller,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let grants = caller.0.map(|c| c.grants);
    let parts = state.ctx_parts();
    let read = state
        .tx(move |c| svc::read(c, grants.as_ref(), &id, &parts.ctx()))
        .await?;
    Ok(match read {
        svc::AgendaRead::Published(f) => HttpResponse::Ok().json(published_out(&f, Vec::new())),
        svc::AgendaRead::Working(w, published_at) => working_answer(w, published_at),
    })
}

/// A published version: the public see exempt items as their category only.
#[utoipa::path(get, path = "/api/v1/meetings/{id}/agenda/versions/{n}", tag = "agendas",
    responses((status = 200, body = AgendaOut), (status = 404, body = crate::error::Problem)))]
pub async fn version(
    state: web::Data<AppState>,
    caller: ApiCaller,
    path: web::Path<(String, i32)>,
) -> Result<HttpResponse, AppError> {
    let (id, n) = path.into_inner();
    let grants = caller.0.map(|c| c.grants);
    // The API's own fields hold the English; the Welsh is in `translations`.
    let (f, prev) = state
        .db(move |c| {
            crate::i18n::with(crate::i18n::Lang::English, || {
                svc::read_version(c, grants.as_ref(), &id, n)
            })
        })
        .await?;
    let changes = prev
        .map(|p| crate::domain::frozen::changes(&p, &f))
        .unwrap_or_default();
    Ok(HttpResponse::Ok().json(published_out(&f, changes)))
}

/// The caller, when they may change this meeting's agenda (checked again
/// inside each change's transaction).
async fn managed(state: &AppState, caller: ApiCaller, id: &str) -> Result<AuthUser, AppError> {
    let caller = caller.require()?;
    let (grants, id) = (caller.grants.clone(), id.to_string());
    state
        .db(move |c| record::managed_meeting(c, &grants, &id))
        .await?;
    Ok(caller)
}

/// Add a verbal item (with the reason there is no paper) or, on a past
/// meeting, an item recorded for history (secretariat). Takes `If-Match`.
#[utoipa::path(post, path = "/api/v1/meetings/{id}/agenda/items", tag = "agendas", request_body = ItemInput,
    responses((status = 201, body = ItemOut), (status = 422, body = crate::error::Problem)), security(("bearer" = [])))]
pub async fn add_item(
    state: web::Data<AppState>,
    caller: ApiCaller,
    req: HttpRequest,
    path: web::Path<String>,
    input: web::Json<ItemInput>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let caller = managed(&state, caller, &id).await?;
    let grants = caller.grants.clone();
    let expected = if_match(&req)?;
    let actor = caller.actor(&req);
    let parts = state.ctx_parts();
    let (item, w) = state
        .tx(move |c| {
            record::in_managed_meeting(c, &grants, &id, |c, m, body| {
                let item = svc::add_item(c, &actor, m, &input, expected, parts.now)?;
                if let Some(t) = &input.translations {
                    crate::services::translations::apply_input(
                        c,
                        &actor,
                        &grants,
                        crate::domain::translation::Subject::AgendaItem,
                        &item.id,
                        t,
                        parts.now,
                    )?;
                }
                let w = svc::working(c, m, body, &parts.ctx())?;
                Ok((item, w))
            })
        })
        .await?;
    let out = w
        .items
        .iter()
        .find(|i| i.row.id == item.id)
        .map(working_item)
        .ok_or_else(|| AppError::internal("new item missing"))?;
    Ok(created(
        format!("/api/v1/meetings/{}/agenda", item.meeting_id),
        &out,
    ))
}

/// Change an item's minutes, its "to note" grouping, or its verbal reason (secretariat).
#[utoipa::path(patch, path = "/api/v1/meetings/{id}/agenda/items/{item}", tag = "agendas", request_body = ItemChange,
    responses((status = 200, body = ItemOut), (status = 422, body = crate::error::Problem)), security(("bearer" = [])))]
pub async fn change_item(
    state: web::Data<AppState>,
    caller: ApiCaller,
    req: HttpRequest,
    path: web::Path<(String, String)>,
    input: web::Json<ItemChange>,
) -> Result<HttpResponse, AppError> {
    let (id, item_id) = path.into_inner();
    let caller = caller.require()?;
    let grants = caller.grants.clone();
    let actor = caller.actor(&req);
    let parts = state.ctx_parts();
    let w = state
        .tx(move |c| {
            record::in_managed_meeting(c, &grants, &id, |c, m, body| {
                svc::change_item(c, &actor, m, &item_id, &input, parts.now)?;
                if let Some(t) = &input.translations {
                    crate::services::translations::apply_input(
                        c,
                        &actor,
                        &grants,
                        crate::domain::translation::Subject::AgendaItem,
                        &item_id,
                        t,
                        parts.now,
                    )?;
                }
                let w = svc::working(c, m, body, &parts.ctx())?;
                Ok((w, item_id))
            })
        })
        .await?;
    let (w, item_id) = w;
    let out = w
        .items
        .iter()
        .find(|i| i.row.id == item_id)
        .map(working_item)
        .ok_or(AppError::NotFound)?;
    Ok(json_with_etag(
        actix_web::http::StatusCode::OK,
        w.agenda.version,
        &out,
    ))
}

/// Remove a verbal item (secretariat). Papers leave when withdrawn.
#[utoipa::path(delete, path = "/api/v1/meetings/{id}/agenda/items/{item}", tag = "agendas",
    responses((status = 204), (status = 409, body = crate::error::Problem)), security(("bearer" = [])))]
pub async fn remove_item(
    state: web::Data<AppState>,
    caller: ApiCaller,
    req: HttpRequest,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, AppError> {
    let (id, item_id) = path.into_inner();
    let caller = caller.require()?;
    let grants = caller.grants.clone();
    let actor = caller.actor(&req);
    let now = state.clock.now_naive();
    state
        .tx(move |c| {
            record::in_managed_meeting(c, &grants, &id, |c, m, _| {
                svc::remove_item(c, &actor, m, &item_id, now)
            })
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

#[derive(Debug, Default, Deserialize, ToSchema)]
pub struct OrderInput {
    /// Every substantive item, once, in the new order.
    #[serde(default)]
    pub item_ids: Vec<String>,
}

/// Reorder the substantive items (secretariat). Unknown, missing or
/// duplicated ids -> 422 naming each; stale `If-Match` -> 412.
#[utoipa::path(put, path = "/api/v1/meetings/{id}/agenda/order", tag = "agendas", request_body = OrderInput,
    responses((status = 200, body = AgendaOut), (status = 412, body = crate::error::Problem), (status = 422, body = crate::error::Problem)),
    security(("bearer" = [])))]
pub async fn order(
    state: web::Data<AppState>,
    caller: ApiCaller,
    req: HttpRequest,
    path: web::Path<String>,
    bytes: web::Bytes,
) -> Result<HttpResponse, AppError> {
    // Who may reorder is checked before what was sent is read.
    let id = path.into_inner();
    let caller = managed(&state, caller, &id).await?;
    let grants = caller.grants.clone();
    let input: OrderInput = super::optional_json(&bytes)?;
    let expected = if_match(&req)?;
    let actor = caller.actor(&req);
    let parts = state.ctx_parts();
    let w = state
        .tx(move |c| {
            record::in_managed_meeting(c, &grants, &id, |c, m, body| {
                let ctx = parts.ctx();
                svc::reorder(c, &actor, m, body, &input.item_ids, expected, &ctx)?;
                svc::working(c, m, body, &ctx)
            })
        })
        .await?;
    Ok(working_answer(w, None))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct PublishOut {
    pub version: i32,
    pub published_at: String,
    /// Members and substitutes the agenda email was queued for.
    pub recipients: usize,
}

/// Publish the agenda (secretariat): runs the pre-flight (422 lists every
/// blocking problem), freezes version N with its papers, and emails members
/// and substitutes. After the first version each publish is a supplement
/// and needs `supplement_reason`; after the deadline the first needs `late_reason`.
#[utoipa::path(post, path = "/api/v1/meetings/{id}/agenda/publish", tag = "agendas", request_body = PublishInput,
    responses((status = 200, body = PublishOut), (status = 409, body = crate::error::Problem), (status = 412, body = crate::error::Problem), (status = 422, body = crate::error::Problem)),
    security(("bearer" = [])))]
pub async fn publish(
    state: web::Data<AppState>,
    pages: web::Data<crate::web::pages::agenda::published::PublicPages>,
    caller: ApiCaller,
    req: HttpRequest,
    path: web::Path<String>,
    body_bytes: web::Bytes,
) -> Result<HttpResponse, AppError> {
    let input: PublishInput = optional_json(&body_bytes)?;
    let id = path.into_inner();
    let caller = caller.require()?;
    let grants = caller.grants.clone();
    let expected = if_match(&req)?;
    let actor = caller.actor(&req);
    let parts = state.ctx_parts();
    let published = state
        .tx(move |c| {
            record::in_managed_meeting(c, &grants, &id, |c, m, body| {
                svc::publish(c, &actor, m, body, &input, expected, &parts.ctx())
            })
        })
        .await?;
    pages.forget(&published.frozen.meeting_id);
    Ok(HttpResponse::Ok().json(PublishOut {
        version: published.version.number,
        published_at: rfc3339(published.version.published_at),
        recipients: published.recipients,
    }))
}

/// Refer an item to the parent body or one of its groups (secretariat): it
/// arrives as a proposal for that body's next meeting still open for
/// proposals, linked to this item. Exempt items cannot be referred.
#[utoipa::path(post, path = "/api/v1/meetings/{id}/agenda/items/{item}/refer", tag = "agendas",
    request_body = crate::services::referrals::ReferInput,
    responses((status = 201, body = super::proposals::ProposalOut), (status = 409, body = crate::error::Problem), (status = 422, body = crate::error::Problem)),
    security(("bearer" = [])))]
pub async fn refer(
    state: web::Data<AppState>,
    caller: ApiCaller,
    req: HttpRequest,
    path: web::Path<(String, String)>,
    input: web::Json<crate::services::referrals::ReferInput>,
) -> Result<HttpResponse, AppError> {
    let (id, item_id) = path.into_inner();
    let caller = caller.require()?;
    let actor = caller.actor(&req);
    let grants = caller.grants.clone();
    let parts = state.ctx_parts();
    let proposal = state
        .tx(move |c| {
            record::in_managed_meeting(c, &grants, &id, |c, m, body| {
                crate::services::referrals::refer(
                    c,
                    &actor,
                    &grants,
                    m,
                    body,
                    &item_id,
                    &input,
                    &parts.ctx(),
                )
            })
        })
        .await?;
    Ok(created(
        format!("/api/v1/meetings/{}/proposals", proposal.meeting_id),
        &super::proposals::ProposalOut::from(proposal),
    ))
}
