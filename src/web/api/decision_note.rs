//! The rapid decision note of a meeting.

use actix_web::{HttpRequest, HttpResponse, web};
use serde::Serialize;
use utoipa::ToSchema;

use super::decisions::VoteOut;
use super::rfc3339;
use crate::error::AppError;
use crate::services::decision_note::{self as svc, NoteView};
use crate::state::AppState;
use crate::web::auth::ApiCaller;
use crate::web::routes::Routes;

pub fn configure(r: &mut Routes<'_>) {
    r.get("/meetings/{id}/decision-note", show)
        .post("/meetings/{id}/decision-note/publish", publish);
}

/// A declaration of interest in the note.
#[derive(Debug, Serialize, ToSchema)]
pub struct NoteDeclarationOut {
    /// "Item 3: Housing first", or "Item 7 (confidential)"
    pub item: String,
    pub person: String,
    /// Empty on a confidential item for a reader who may not see it.
    pub interest: String,
    pub left_room: bool,
}

/// A decision in the note.
#[derive(Debug, Serialize, ToSchema)]
pub struct NoteDecisionOut {
    pub item: String,
    pub reference: String,
    pub text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub vote: Option<VoteOut>,
    /// The vote in words: the outcome, then (by name) who voted how.
    pub vote_words: Vec<String>,
}

/// The rapid decision note: attendance, apologies, declarations and
/// decisions from the record, not yet approved minutes.
#[derive(Debug, Serialize, ToSchema)]
pub struct DecisionNoteOut {
    pub meeting_id: String,
    pub body_slug: String,
    /// Always "Not yet approved minutes".
    pub marking: String,
    /// published, or draft (the secretariat's preview)
    pub status: String,
    /// The day it falls due (YYYY-MM-DD).
    pub due_on: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published_at: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published_by: Option<String>,
    pub present: Vec<String>,
    pub apologies: Vec<String>,
    pub absent: Vec<String>,
    pub movements: Vec<String>,
    pub declarations: Vec<NoteDeclarationOut>,
    pub decisions: Vec<NoteDecisionOut>,
    /// Decisions on confidential items the caller may not see.
    pub withheld: usize,
}

fn note_out(v: NoteView) -> DecisionNoteOut {
    DecisionNoteOut {
        meeting_id: v.meeting.id,
        body_slug: v.body.slug,
        marking: "Not yet approved minutes".into(),
        status: if v.published.is_some() {
            "published"
        } else {
            "draft"
        }
        .into(),
        due_on: v.due_on.to_string(),
        published_at: v.published.as_ref().map(|(at, _)| rfc3339(*at)),
        published_by: v.published.map(|(_, by)| by),
        present: v.present,
        apologies: v.apologies,
        absent: v.absent,
        movements: v.movements,
        declarations: v
            .declarations
            .into_iter()
            .map(|d| NoteDeclarationOut {
                item: d.item,
                person: d.person,
                interest: d.interest,
                left_room: d.left_room,
            })
            .collect(),
        decisions: v
            .decisions
            .into_iter()
            .map(|d| NoteDecisionOut {
                item: d.item,
                reference: d.reference,
                text: d.text,
                vote: d.tally.map(VoteOut::from),
                vote_words: d.vote,
            })
            .collect(),
        withheld: v.withheld,
    }
}

/// A meeting's decision note: anyone's once published (exempt decisions
/// only for those who may see them); before that the body's secretariat
/// sees a draft, and anyone else 404.
#[utoipa::path(get, path = "/api/v1/meetings/{id}/decision-note", tag = "record",
    responses((status = 200, body = DecisionNoteOut), (status = 404, body = crate::error::Problem)))]
pub async fn show(
    state: web::Data<AppState>,
    caller: ApiCaller,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let grants = caller.0.map(|u| u.grants);
    let parts = state.ctx_parts();
    let v = state
        .db(move |c| svc::view(c, grants.as_ref(), &id, &parts.ctx()))
        .await?;
    Ok(HttpResponse::Ok().json(note_out(v)))
}

/// Publishing a decision note takes nothing but the meeting: send `{}`.
#[derive(Debug, Default, serde::Deserialize, ToSchema)]
pub struct PublishNoteInput {}

/// Publish a meeting's decision note (secretariat): 409 once published,
/// 422 before the meeting or for a cancelled one.
#[utoipa::path(post, path = "/api/v1/meetings/{id}/decision-note/publish", tag = "record", request_body = PublishNoteInput,
    responses((status = 200, body = DecisionNoteOut), (status = 409, body = crate::error::Problem), (status = 422, body = crate::error::Problem)), security(("bearer" = [])))]
pub async fn publish(
    state: web::Data<AppState>,
    caller: ApiCaller,
    req: HttpRequest,
    path: web::Path<String>,
    _input: web::Json<PublishNoteInput>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let caller = caller.require()?;
    let actor = caller.actor(&req);
    let parts = state.ctx_parts();
    let v = state
        .tx(move |c| {
            svc::publish(c, &actor, &caller.grants, &id, parts.now)?;
            svc::view(c, Some(&caller.grants), &id, &parts.ctx())
        })
        .await?;
    Ok(HttpResponse::Ok().json(note_out(v)))
}
