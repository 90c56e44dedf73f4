//! A meeting's minutes: read as each reader may (the secretariat's working
//! copy, members' circulated draft, the public's approved minutes), and
//! changed by the secretariat with their Welsh.

use actix_web::{HttpRequest, HttpResponse, web};
use serde::Serialize;
use utoipa::ToSchema;

use super::{if_match, json_with_etag, rfc3339};
use crate::error::AppError;
use crate::services::minutes::{self as svc, MinutesInput, MinutesRead};
use crate::services::translations::ByLanguage;
use crate::state::AppState;
use crate::web::auth::ApiCaller;
use crate::web::routes::Routes;

pub fn configure(r: &mut Routes<'_>) {
    r.get("/meetings/{id}/minutes", show_minutes)
        .put("/meetings/{id}/minutes", change_minutes);
}

/// A meeting's minutes.
#[derive(Debug, Serialize, ToSchema)]
pub struct MinutesOut {
    pub meeting_id: String,
    pub body_slug: String,
    /// draft, circulated or approved
    pub status: String,
    pub version: i32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub circulated_at: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub approved_at: Option<String>,
    /// The meeting that approved them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub approved_at_meeting_id: Option<String>,
    /// The open part, in Markdown (a bilingual body's English).
    pub body_markdown: String,
    /// The part taken in private: only for those who may see exempt
    /// material.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exempt_markdown: Option<String>,
    /// A bilingual body's minutes: the Welsh of the open part,
    /// `{"cy": {"body_markdown": "…"}}`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub translations: Option<ByLanguage>,
    /// The status of each translated field.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub translation_status: Option<ByLanguage>,
}

fn minutes_out(r: MinutesRead) -> MinutesOut {
    let (translations, translation_status) = match r.welsh.map(|w| w.by_language()) {
        Some((t, s)) => (Some(t), Some(s)),
        None => (None, None),
    };
    let m = r.minutes;
    MinutesOut {
        meeting_id: r.meeting.id,
        body_slug: r.body.slug,
        status: m.status,
        version: m.version,
        circulated_at: m.circulated_at.map(rfc3339),
        approved_at: m.approved_at.map(rfc3339),
        approved_at_meeting_id: m.approved_at_meeting_id,
        body_markdown: m.body_markdown,
        exempt_markdown: r.sees_exempt.then_some(m.exempt_markdown),
        translations,
        translation_status,
    }
}

/// A meeting's minutes as the caller may read them: approved minutes for
/// anyone (their private part only for those who may see exempt
/// material); a circulated draft for the body's members; the working copy
/// (drafted from the record when first asked) for its secretariat;
/// otherwise 404. The `ETag` is the version, for `If-Match` on `PUT`.
#[utoipa::path(get, path = "/api/v1/meetings/{id}/minutes", tag = "record",
    responses((status = 200, body = MinutesOut), (status = 404, body = crate::error::Problem)))]
pub async fn show_minutes(
    state: web::Data<AppState>,
    caller: ApiCaller,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let grants = caller.0.map(|u| u.grants);
    let parts = state.ctx_parts();
    let r = state
        .tx(move |c| svc::read(c, grants.as_ref(), &id, &parts.ctx()))
        .await?;
    let version = r.minutes.version;
    Ok(json_with_etag(
        actix_web::http::StatusCode::OK,
        version,
        &minutes_out(r),
    ))
}

/// Change a meeting's minutes (its secretariat): the open part, the
/// private part and, for a bilingual body, the Welsh of the open part, in
/// one transaction. A field left out is kept. Takes `If-Match`; approved
/// minutes are 409.
#[utoipa::path(put, path = "/api/v1/meetings/{id}/minutes", tag = "record", request_body = MinutesInput,
    responses((status = 200, body = MinutesOut), (status = 403, body = crate::error::Problem), (status = 409, body = crate::error::Problem), (status = 412, body = crate::error::Problem), (status = 422, body = crate::error::Problem)),
    security(("bearer" = [])))]
pub async fn change_minutes(
    state: web::Data<AppState>,
    caller: ApiCaller,
    req: HttpRequest,
    path: web::Path<String>,
    input: web::Json<MinutesInput>,
) -> Result<HttpResponse, AppError> {
    let caller = caller.require()?;
    let expected = if_match(&req)?;
    let actor = caller.actor(&req);
    let id = path.into_inner();
    let parts = state.ctx_parts();
    let r = state
        .tx(move |c| {
            svc::change(
                c,
                &actor,
                &caller.grants,
                &id,
                &input,
                expected,
                &parts.ctx(),
            )
        })
        .await?;
    let version = r.minutes.version;
    Ok(json_with_etag(
        actix_web::http::StatusCode::OK,
        version,
        &minutes_out(r),
    ))
}
