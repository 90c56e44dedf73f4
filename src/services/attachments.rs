//! Storing appendices: checked by their bytes, kept under the data folder by
//! content hash, recorded and audited with the paper.

use std::path::{Path, PathBuf};

use chrono::NaiveDateTime;

use super::Actor;
use crate::db::attachments;
pub use crate::db::attachments::Attachment;
use crate::db::papers::Paper;
use crate::db::{DbConn, bodies, meetings};
use crate::domain::attachments::{sniff, stored_filename};
use crate::domain::roles::Grants;
use crate::error::{AppError, AppResult, FieldError};

/// A file received with a form, held in a temporary file until kept
/// (removed when dropped, if it was not).
pub struct UploadedFile {
    pub filename: String,
    pub temp: PathBuf,
    pub size: u64,
    pub sha256: String,
    /// The first bytes, for recognising the type.
    pub head: Vec<u8>,
}

impl Drop for UploadedFile {
    fn drop(&mut self) {
        // Still here only if it was not kept.
        let _ = std::fs::remove_file(&self.temp);
    }
}

/// Where a file with this hash lives.
pub fn path_for(data_dir: &Path, sha256: &str) -> PathBuf {
    let prefix = sha256.get(..2).unwrap_or("00");
    data_dir.join("attachments").join(prefix).join(sha256)
}

/// Checks the upload and files it; the row and audit entry are written in
/// the caller's transaction.
/// May this person add an appendix to this paper now? Asked before an
/// upload is read, and again when it is stored.
pub fn may_attach(
    conn: &mut DbConn,
    actor: &Actor,
    grants: &Grants,
    paper: &Paper,
) -> AppResult<()> {
    let meeting = meetings::find(conn, &paper.meeting_id)?.ok_or(AppError::NotFound)?;
    let body = bodies::find(conn, &meeting.body_id)?.ok_or(AppError::NotFound)?;
    let uid = actor.user_id.as_deref().unwrap_or("");
    if paper.author_user_id != uid && !grants.can_manage_body(&body.id) {
        return Err(AppError::Forbidden);
    }
    if !crate::domain::papers::editable(&paper.status) {
        return Err(AppError::Conflict(vec![FieldError::new(
            "status",
            "not_editable",
            crate::i18n::say_args(
                "err-attachments-not-editable",
                &[(
                    "status",
                    crate::i18n::Arg::Text(&super::papers::status_words(&paper.status)),
                )],
            ),
        )]));
    }
    Ok(())
}

pub fn attach(
    conn: &mut DbConn,
    actor: &Actor,
    grants: &Grants,
    paper: &Paper,
    file: &UploadedFile,
    data_dir: &Path,
    now: NaiveDateTime,
) -> AppResult<Attachment> {
    may_attach(conn, actor, grants, paper)?;
    if file.size == 0 {
        return Err(AppError::Validation(vec![FieldError::new(
            "file",
            "empty",
            crate::i18n::say("err-attachments-empty"),
        )]));
    }
    let content_type =
        sniff(&file.head, &file.filename).map_err(|e| AppError::UnsupportedMediaType(e.message))?;
    let target = path_for(data_dir, &file.sha256);
    if !target.exists() {
        if let Some(dir) = target.parent() {
            std::fs::create_dir_all(dir).map_err(AppError::internal)?;
        }
        std::fs::copy(&file.temp, &target).map_err(AppError::internal)?;
    }
    let a = Attachment {
        id: crate::clock::new_id(),
        paper_id: paper.id.clone(),
        filename: stored_filename(&file.filename, content_type),
        content_type: content_type.to_string(),
        size_bytes: i64::try_from(file.size).unwrap_or(i64::MAX),
        sha256: file.sha256.clone(),
        uploaded_by: actor.label.clone(),
        created_at: now,
    };
    attachments::insert(conn, &a)?;
    actor.audit(
        conn,
        now,
        "paper.attach",
        "paper",
        &paper.id,
        format!("attached '{}' ({} bytes)", a.filename, a.size_bytes),
    )?;
    Ok(a)
}

/// `attachment; filename="..."` with an RFC 5987 UTF-8 form for any name.
pub fn content_disposition(filename: &str) -> String {
    let ascii: String = filename
        .chars()
        .map(|c| {
            if c.is_ascii() && c != '"' && c != '\\' && !c.is_ascii_control() {
                c
            } else {
                '_'
            }
        })
        .collect();
    let encoded: String = url::form_urlencoded::byte_serialize(filename.as_bytes())
        .collect::<String>()
        .replace('+', "%20");
    format!("attachment; filename=\"{ascii}\"; filename*=UTF-8''{encoded}")
}

/// One appendix of a paper this reader may see (404 otherwise).
pub fn one(
    conn: &mut DbConn,
    grants: Option<&Grants>,
    user_id: Option<&str>,
    paper_id: &str,
    id: &str,
) -> AppResult<Attachment> {
    super::papers::load_visible(conn, grants, user_id, paper_id)?;
    attachments::find(conn, id)?
        .filter(|a| a.paper_id == paper_id)
        .ok_or(AppError::NotFound)
}

/// The appendices of a paper this reader may see (404 otherwise).
pub fn of_paper(
    conn: &mut DbConn,
    grants: Option<&Grants>,
    user_id: Option<&str>,
    paper_id: &str,
) -> AppResult<Vec<Attachment>> {
    super::papers::load_visible(conn, grants, user_id, paper_id)?;
    Ok(attachments::of_paper(conn, paper_id)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn downloads_are_attachments_with_safe_names() {
        assert_eq!(
            content_disposition("Budget 2027.xlsx"),
            "attachment; filename=\"Budget 2027.xlsx\"; filename*=UTF-8''Budget%202027.xlsx"
        );
        assert_eq!(
            content_disposition("Côte \"x\".pdf"),
            "attachment; filename=\"C_te _x_.pdf\"; filename*=UTF-8''C%C3%B4te%20%22x%22.pdf"
        );
        assert!(path_for(Path::new("/d"), "abcdef").ends_with("attachments/ab/abcdef"));
    }
}
