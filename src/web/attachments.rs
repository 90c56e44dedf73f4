//! Upload and download of appendices, for the API (bearer token) and for
//! pages (session and CSRF token).

use crate::web::extract::SignedIn;
use crate::web::routes::Routes;
use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, web};
use serde::Serialize;
use utoipa::ToSchema;

use crate::error::AppError;
use crate::services::attachments as svc;
use crate::services::attachments::Attachment;
use crate::services::papers as paper_svc;
use crate::state::AppState;
use crate::web::auth::{ApiCaller, AuthUser};
use crate::web::respond::{PageError, see_other};

pub fn configure_api(r: &mut Routes<'_>) {
    r.post("/papers/{id}/attachments", api_upload)
        .get("/papers/{id}/attachments", api_list)
        .get("/papers/{id}/attachments/{aid}", api_download);
}

pub fn configure_pages(r: &mut Routes<'_>) {
    r.post("/papers/{id}/attachments", page_upload)
        .get("/papers/{id}/attachments/{aid}", page_download);
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AttachmentOut {
    pub id: String,
    pub filename: String,
    pub content_type: String,
    pub size_bytes: i64,
    pub sha256: String,
}

impl From<Attachment> for AttachmentOut {
    fn from(a: Attachment) -> Self {
        AttachmentOut {
            id: a.id,
            filename: a.filename,
            content_type: a.content_type,
            size_bytes: a.size_bytes,
            sha256: a.sha256,
        }
    }
}

async fn store(
    state: &AppState,
    req: &HttpRequest,
    who: AuthUser,
    paper_id: String,
    payload: web::Payload,
    check_csrf: bool,
) -> Result<Attachment, AppError> {
    // The paper and the right to change it first: nothing of the body is
    // read for a paper that is not there or not the caller's to change.
    let (check_who, check_id) = (who.clone(), paper_id.clone());
    let check_actor = who.actor(req);
    state
        .db(move |c| {
            let p = paper_svc::visible_paper(c, &check_who.grants, &check_who.user.id, &check_id)?;
            svc::may_attach(c, &check_actor, &check_who.grants, &p)
        })
        .await?;
    let tmp = state.settings.data_dir.join("tmp");
    let max = state.settings.uploads.max_bytes;
    let upload = if check_csrf {
        crate::web::upload::read_form(req, payload, max, &tmp).await?
    } else {
        crate::web::upload::read(crate::web::upload::multipart(req, payload)?, max, &tmp).await?
    };
    let Some(file) = upload.file else {
        return Err(AppError::Validation(vec![crate::error::FieldError::new(
            "file",
            "required",
            crate::i18n::say("err-attachments-required"),
        )]));
    };
    let actor = who.actor(req);
    let data_dir = state.settings.data_dir.clone();
    let now = state.clock.now_naive();
    state
        .tx(move |c| {
            let p = paper_svc::visible_paper(c, &who.grants, &who.user.id, &paper_id)?;
            svc::attach(c, &actor, &who.grants, &p, &file, &data_dir, now)
        })
        .await
}

async fn download(
    state: &AppState,
    who: Option<AuthUser>,
    paper_id: String,
    aid: String,
) -> Result<HttpResponse, AppError> {
    let a = state
        .db(move |c| {
            let (grants, uid) = (
                who.as_ref().map(|u| &u.grants),
                who.as_ref().map(|u| u.user.id.as_str()),
            );
            svc::one(c, grants, uid, &paper_id, &aid)
        })
        .await?;
    let bytes = tokio::fs::read(svc::path_for(&state.settings.data_dir, &a.sha256))
        .await
        .map_err(|e| AppError::internal(format!("attachment file: {e}")))?;
    Ok(HttpResponse::Ok()
        .content_type(a.content_type.as_str())
        .insert_header((
            header::CONTENT_DISPOSITION,
            svc::content_disposition(&a.filename),
        ))
        .insert_header((header::CACHE_CONTROL, "private, max-age=0"))
        .body(bytes))
}

/// The upload form: one file.
#[derive(utoipa::ToSchema)]
#[allow(dead_code)]
pub struct UploadForm {
    /// The appendix.
    #[schema(value_type = String, format = Binary)]
    file: Vec<u8>,
}

/// A file's bytes.
#[derive(utoipa::ToSchema)]
#[schema(value_type = String, format = Binary)]
#[allow(dead_code)]
pub struct FileBody(Vec<u8>);

/// Attach an appendix (author, secretariat): multipart, field `file`. PDF,
/// DOCX, XLSX, CSV, PNG or JPEG, judged by content; 20 MB at most.
#[utoipa::path(post, path = "/api/v1/papers/{id}/attachments", tag = "papers",
    request_body(content = UploadForm, content_type = "multipart/form-data"),
    responses((status = 201, body = AttachmentOut), (status = 413, body = crate::error::Problem), (status = 415, body = crate::error::Problem)),
    security(("bearer" = [])))]
pub async fn api_upload(
    state: web::Data<AppState>,
    caller: ApiCaller,
    req: HttpRequest,
    path: web::Path<String>,
    payload: web::Payload,
) -> Result<HttpResponse, AppError> {
    let who = caller.require()?;
    let paper_id = path.into_inner();
    let a = store(&state, &req, who, paper_id.clone(), payload, false).await?;
    Ok(HttpResponse::Created()
        .insert_header((
            header::LOCATION,
            format!("/api/v1/papers/{paper_id}/attachments/{}", a.id),
        ))
        .json(AttachmentOut::from(a)))
}

/// A paper's appendices.
#[utoipa::path(get, path = "/api/v1/papers/{id}/attachments", tag = "papers", params(crate::web::api::PageParams),
    responses((status = 200, body = crate::web::api::Page<AttachmentOut>)))]
pub async fn api_list(
    state: web::Data<AppState>,
    caller: ApiCaller,
    path: web::Path<String>,
    page: web::Query<crate::web::api::PageParams>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let list = state
        .db(move |c| {
            let who = caller.0.as_ref();
            svc::of_paper(
                c,
                who.map(|u| &u.grants),
                who.map(|u| u.user.id.as_str()),
                &id,
            )
        })
        .await?;
    let all: Vec<AttachmentOut> = list.into_iter().map(AttachmentOut::from).collect();
    Ok(
        HttpResponse::Ok().json(crate::web::api::page_in_memory(all, &page, |a| {
            a.id.clone()
        })?),
    )
}

/// Download an appendix (as an attachment, with its real type).
#[utoipa::path(get, path = "/api/v1/papers/{id}/attachments/{aid}", tag = "papers",
    responses((status = 200, description = "The file, with the media type found in its content",
        content(
            (FileBody = "application/pdf"),
            (FileBody = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            (FileBody = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            (FileBody = "text/csv"),
            (FileBody = "image/png"),
            (FileBody = "image/jpeg"),
        )),
        (status = 404, body = crate::error::Problem)))]
pub async fn api_download(
    state: web::Data<AppState>,
    caller: ApiCaller,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, AppError> {
    let (id, aid) = path.into_inner();
    download(&state, caller.0, id, aid).await
}

async fn page_upload(
    state: web::Data<AppState>,
    req: HttpRequest,
    SignedIn(who): SignedIn,
    path: web::Path<String>,
    payload: web::Payload,
) -> Result<HttpResponse, PageError> {
    let id = path.into_inner();
    // A file that cannot be taken is said at the upload field, on the
    // paper's edit page, with the error summary: not on an error page.
    let problem = |message: String| vec![crate::error::FieldError::new("file", "invalid", message)];
    let errors = match store(&state, &req, who.clone(), id.clone(), payload, true).await {
        Ok(_) => {
            return Ok(see_other(&format!(
                "/papers/{id}/edit?notice=attachment-added#section-attachments"
            )));
        }
        Err(AppError::Validation(errors)) => errors
            .into_iter()
            .map(|mut e| {
                e.field = "file".into();
                e
            })
            .collect(),
        Err(AppError::PayloadTooLarge(m) | AppError::UnsupportedMediaType(m)) => problem(m),
        Err(e) => return Err(e.into()),
    };
    crate::web::pages::papers::edit::edit_with_errors(&state, &req, &who, id, errors).await
}

async fn page_download(
    state: web::Data<AppState>,
    _req: HttpRequest,
    SignedIn(who): SignedIn,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, PageError> {
    let (id, aid) = path.into_inner();
    Ok(download(&state, Some(who), id, aid).await?)
}
