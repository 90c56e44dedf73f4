//! The Welsh version of a bilingual body's paper, agenda item, decision,
//! action or minutes, field by field, for translators' tools.

use std::collections::HashMap;

use actix_web::{HttpRequest, HttpResponse, web};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::domain::translation::Subject;
use crate::error::AppError;
use crate::services::translations as svc;
use crate::state::AppState;
use crate::web::auth::ApiCaller;
use crate::web::routes::Routes;

pub fn configure(r: &mut Routes<'_>) {
    r.get("/translations/{kind}/{id}", show)
        .put("/translations/{kind}/{id}", put);
}

/// One field in both languages.
#[derive(Debug, Serialize, ToSchema)]
pub struct FieldOut {
    pub field: String,
    pub en: String,
    pub cy: String,
    /// not_required, awaiting_translation, translated or approved
    pub status: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct TranslationOut {
    /// paper, agenda_item, decision, action or minutes
    pub kind: String,
    pub id: String,
    /// The least complete field's status.
    pub status: String,
    pub fields: Vec<FieldOut>,
}

#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TranslationInput {
    /// The Welsh of each field to change; an empty text returns the field
    /// to awaiting translation.
    #[serde(default)]
    pub cy: HashMap<String, String>,
    /// Approve every translated field as well (the body's secretariat).
    #[serde(default)]
    pub approve: bool,
}

fn subject(kind: &str) -> Result<Subject, AppError> {
    Subject::parse(kind).ok_or(AppError::NotFound)
}

fn out(p: svc::Page) -> TranslationOut {
    TranslationOut {
        kind: p.record.subject.as_str().to_string(),
        id: p.record.id.clone(),
        status: p.overall.as_str().to_string(),
        fields: p
            .fields
            .into_iter()
            .map(|f| FieldOut {
                field: f.field.key.to_string(),
                en: f.english,
                cy: f.welsh,
                status: f.status.as_str().to_string(),
            })
            .collect(),
    }
}

/// A record's Welsh version (its author and the body's secretariat).
#[utoipa::path(get, path = "/api/v1/translations/{kind}/{id}", tag = "translations",
    params(("kind" = String, Path, description = "paper, agenda_item, decision, action or minutes (by meeting id)"), ("id" = String, Path)),
    responses((status = 200, body = TranslationOut), (status = 404, body = crate::error::Problem)),
    security(("bearer" = [])))]
pub async fn show(
    state: web::Data<AppState>,
    caller: ApiCaller,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, AppError> {
    let caller = caller.require()?;
    let (kind, id) = path.into_inner();
    let kind = subject(&kind)?;
    let page = state
        .db(move |c| svc::page(c, &caller.grants, &caller.user.id, kind, &id))
        .await?;
    Ok(HttpResponse::Ok().json(out(page)))
}

/// Saves Welsh texts of a record, and approves them (secretariat).
#[utoipa::path(put, path = "/api/v1/translations/{kind}/{id}", tag = "translations",
    params(("kind" = String, Path), ("id" = String, Path)),
    request_body = TranslationInput,
    responses((status = 200, body = TranslationOut), (status = 422, body = crate::error::Problem)),
    security(("bearer" = [])))]
pub async fn put(
    state: web::Data<AppState>,
    caller: ApiCaller,
    req: HttpRequest,
    path: web::Path<(String, String)>,
    input: web::Json<TranslationInput>,
) -> Result<HttpResponse, AppError> {
    let caller = caller.require()?;
    let (kind, id) = path.into_inner();
    let kind = subject(&kind)?;
    let actor = caller.actor(&req);
    let now = state.clock.now_naive();
    let page = state
        .tx(move |c| {
            svc::save(
                c,
                &actor,
                &caller.grants,
                kind,
                &id,
                &input.cy,
                input.approve,
                now,
            )?;
            svc::page(c, &caller.grants, &caller.user.id, kind, &id)
        })
        .await?;
    Ok(HttpResponse::Ok().json(out(page)))
}
