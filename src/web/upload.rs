//! Reading a multipart upload: small text fields kept in memory, the file
//! streamed to a temporary file while it is hashed and measured, and refused
//! with 413 as soon as it passes the limit.

use std::collections::HashMap;
use std::path::Path;

use actix_multipart::Multipart;
use futures_util::TryStreamExt;
use sha2::{Digest, Sha256};
use tokio::io::AsyncWriteExt;

use crate::error::AppError;
use crate::services::attachments::UploadedFile;

pub struct Upload {
    pub fields: HashMap<String, String>,
    pub file: Option<UploadedFile>,
}

const HEAD: usize = 8192;
/// One text field, all text fields together, and how many parts there may
/// be: a form with a token and a file needs a few; more is not a form.
const MAX_FIELD: usize = 64 * 1024;
const MAX_TEXT: usize = 256 * 1024;
const MAX_PARTS: usize = 16;

pub async fn read(
    mut payload: Multipart,
    max_bytes: u64,
    tmp_dir: &Path,
) -> Result<Upload, AppError> {
    let bad = |e: actix_multipart::MultipartError| {
        AppError::BadRequest(crate::i18n::say_args(
            "err-upload-unreadable",
            &[("why", crate::i18n::Arg::Text(&e.to_string()))],
        ))
    };
    tokio::fs::create_dir_all(tmp_dir)
        .await
        .map_err(AppError::internal)?;
    let mut fields = HashMap::new();
    let mut file = None;
    let (mut parts, mut text) = (0usize, 0usize);
    while let Some(mut field) = payload.try_next().await.map_err(bad)? {
        parts += 1;
        if parts > MAX_PARTS {
            return Err(AppError::PayloadTooLarge(crate::i18n::say(
                "err-upload-too-many-parts",
            )));
        }
        let name = field
            .content_disposition()
            .and_then(|d| d.get_name())
            .unwrap_or("")
            .to_string();
        let filename = field
            .content_disposition()
            .and_then(|d| d.get_filename())
            .map(str::to_string);
        match filename {
            Some(filename) if name == "file" && file.is_none() => {
                let temp = tmp_dir.join(format!("upload-{}", crate::clock::new_id()));
                let mut out = tokio::fs::File::create(&temp)
                    .await
                    .map_err(AppError::internal)?;
                let mut up = UploadedFile {
                    filename,
                    temp,
                    size: 0,
                    sha256: String::new(),
                    head: Vec::new(),
                };
                let mut hasher = Sha256::new();
                while let Some(chunk) = field.try_next().await.map_err(bad)? {
                    up.size += chunk.len() as u64;
                    if up.size > max_bytes {
                        return Err(AppError::PayloadTooLarge(crate::i18n::say_args(
                            "err-upload-too-large",
                            &[(
                                "mb",
                                crate::i18n::Arg::Number(
                                    i64::try_from(max_bytes / (1024 * 1024)).unwrap_or(i64::MAX),
                                ),
                            )],
                        )));
                    }
                    if up.head.len() < HEAD {
                        let take = (HEAD - up.head.len()).min(chunk.len());
                        up.head.extend_from_slice(&chunk[..take]);
                    }
                    hasher.update(&chunk);
                    out.write_all(&chunk).await.map_err(AppError::internal)?;
                }
                out.flush().await.map_err(AppError::internal)?;
                up.sha256 = hex::encode(hasher.finalize());
                file = Some(up);
            }
            _ => {
                let mut value = Vec::new();
                while let Some(chunk) = field.try_next().await.map_err(bad)? {
                    text += chunk.len();
                    if value.len() + chunk.len() > MAX_FIELD || text > MAX_TEXT {
                        return Err(AppError::PayloadTooLarge(crate::i18n::say_args(
                            "err-upload-field-too-long",
                            &[("name", crate::i18n::Arg::Text(&name))],
                        )));
                    }
                    value.extend_from_slice(&chunk);
                }
                fields.insert(name, String::from_utf8_lossy(&value).into_owned());
            }
        }
    }
    Ok(Upload { fields, file })
}

/// A page's upload form: read as multipart (415 for anything else), at most
/// `max_bytes` for the file, and refused unless its CSRF token is right.
/// Call it after checking who may upload: nothing is read before then.
pub async fn read_form(
    req: &actix_web::HttpRequest,
    payload: actix_web::web::Payload,
    max_bytes: u64,
    tmp_dir: &Path,
) -> Result<Upload, AppError> {
    let upload = read(multipart(req, payload)?, max_bytes, tmp_dir).await?;
    crate::web::security::verify_csrf(
        req,
        upload
            .fields
            .get("csrf_token")
            .map(String::as_str)
            .unwrap_or(""),
    )?;
    Ok(upload)
}

/// The request's body as multipart form data; 415 for anything else.
pub fn multipart(
    req: &actix_web::HttpRequest,
    payload: actix_web::web::Payload,
) -> Result<Multipart, AppError> {
    let ct = req
        .headers()
        .get(actix_web::http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    if !ct.starts_with("multipart/form-data") {
        return Err(AppError::UnsupportedMediaType(crate::i18n::say(
            "err-upload-multipart",
        )));
    }
    Ok(Multipart::new(req.headers(), payload))
}
