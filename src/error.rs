//! One error type for the whole service. The API shows it as RFC 9457
//! problem details; pages show it through `web::pages::PageError`.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, ResponseError};
use serde::Serialize;
use utoipa::ToSchema;

pub use crate::domain::validate::{FieldError, Invalid};

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("{0}")]
    BadRequest(String),
    #[error("authentication required")]
    Unauthenticated,
    #[error("not allowed")]
    Forbidden,
    #[error("not found")]
    NotFound,
    /// The address is known but does not take this method; holds `Allow`.
    #[error("method not allowed")]
    MethodNotAllowed(String),
    #[error("conflict")]
    Conflict(Vec<FieldError>),
    #[error("the resource has changed")]
    PreconditionFailed,
    #[error("{0}")]
    PayloadTooLarge(String),
    #[error("{0}")]
    UnsupportedMediaType(String),
    #[error("the input breaks a rule")]
    Validation(Vec<FieldError>),
    #[error("too many attempts")]
    TooManyRequests,
    #[error("temporarily unavailable")]
    Unavailable,
    #[error("internal: {0}")]
    Internal(String),
}

/// RFC 9457 problem details.
#[derive(Debug, Serialize, ToSchema)]
pub struct Problem {
    #[serde(rename = "type")]
    pub kind: String,
    pub title: String,
    pub status: u16,
    pub detail: String,
    pub errors: Vec<FieldError>,
}

impl AppError {
    pub fn internal(e: impl std::fmt::Display) -> Self {
        AppError::Internal(e.to_string())
    }

    pub fn validation(errors: Vec<FieldError>) -> Self {
        AppError::Validation(errors)
    }

    pub fn conflict(field: &str, message: impl Into<String>) -> Self {
        AppError::Conflict(vec![FieldError::new(field, "taken", message)])
    }

    pub fn status(&self) -> StatusCode {
        match self {
            AppError::BadRequest(_) => StatusCode::BAD_REQUEST,
            AppError::Unauthenticated => StatusCode::UNAUTHORIZED,
            AppError::Forbidden => StatusCode::FORBIDDEN,
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::MethodNotAllowed(_) => StatusCode::METHOD_NOT_ALLOWED,
            AppError::Conflict(_) => StatusCode::CONFLICT,
            AppError::PreconditionFailed => StatusCode::PRECONDITION_FAILED,
            AppError::PayloadTooLarge(_) => StatusCode::PAYLOAD_TOO_LARGE,
            AppError::UnsupportedMediaType(_) => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            AppError::Validation(_) => StatusCode::UNPROCESSABLE_ENTITY,
            AppError::TooManyRequests => StatusCode::TOO_MANY_REQUESTS,
            AppError::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
            AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// A short, stable slug for the problem `type`.
    fn slug(&self) -> &'static str {
        match self {
            AppError::BadRequest(_) => "bad-request",
            AppError::Unauthenticated => "unauthenticated",
            AppError::Forbidden => "forbidden",
            AppError::NotFound => "not-found",
            AppError::MethodNotAllowed(_) => "method-not-allowed",
            AppError::Conflict(_) => "conflict",
            AppError::PreconditionFailed => "precondition-failed",
            AppError::PayloadTooLarge(_) => "payload-too-large",
            AppError::UnsupportedMediaType(_) => "unsupported-media-type",
            AppError::Validation(_) => "validation",
            AppError::TooManyRequests => "too-many-requests",
            AppError::Unavailable => "unavailable",
            AppError::Internal(_) => "internal",
        }
    }

    /// What a person is told. Internal causes are logged, never shown.
    pub fn detail(&self) -> String {
        match self {
            AppError::BadRequest(m)
            | AppError::PayloadTooLarge(m)
            | AppError::UnsupportedMediaType(m) => m.clone(),
            AppError::Unauthenticated => crate::i18n::t("problem-detail-unauthenticated"),
            AppError::Forbidden => crate::i18n::t("problem-detail-forbidden"),
            AppError::NotFound => crate::i18n::t("problem-detail-not-found"),
            AppError::MethodNotAllowed(allow) => crate::i18n::t_args(
                "problem-detail-method",
                &[("allow", crate::i18n::Arg::Text(allow))],
            ),
            AppError::Conflict(errors) | AppError::Validation(errors) => errors
                .iter()
                .map(|e| e.message.as_str())
                .collect::<Vec<_>>()
                .join(" "),
            AppError::PreconditionFailed => crate::i18n::t("problem-detail-precondition"),
            AppError::TooManyRequests => crate::i18n::t("problem-detail-too-many"),
            AppError::Unavailable => crate::i18n::t("problem-detail-unavailable"),
            AppError::Internal(_) => crate::i18n::t("problem-detail-internal"),
        }
    }

    pub fn field_errors(&self) -> &[FieldError] {
        match self {
            AppError::Conflict(e) | AppError::Validation(e) => e,
            _ => &[],
        }
    }

    /// Logs an internal error and returns the reference shown to the user.
    pub fn log(&self) -> Option<String> {
        match self {
            AppError::Internal(cause) => {
                let reference = uuid::Uuid::now_v7().simple().to_string();
                tracing::error!(%reference, %cause, "internal error");
                Some(reference)
            }
            _ => None,
        }
    }

    pub fn problem(&self) -> Problem {
        let reference = self.log();
        let status = self.status();
        let mut detail = self.detail();
        if let Some(r) = reference {
            detail = format!(
                "{detail} {}",
                crate::i18n::t_args(
                    "problem-reference",
                    &[("reference", crate::i18n::Arg::Text(&r))]
                )
            );
        }
        Problem {
            kind: format!("/problems/{}", self.slug()),
            // The reason phrase, in the language asked for (`?lang=cy` or
            // `Accept-Language: cy`).
            title: crate::i18n::t(match self {
                AppError::BadRequest(_) => "problem-title-400",
                AppError::Unauthenticated => "problem-title-401",
                AppError::Forbidden => "problem-title-403",
                AppError::NotFound => "problem-title-404",
                AppError::MethodNotAllowed(_) => "problem-title-405",
                AppError::Conflict(_) => "problem-title-409",
                AppError::PreconditionFailed => "problem-title-412",
                AppError::PayloadTooLarge(_) => "problem-title-413",
                AppError::UnsupportedMediaType(_) => "problem-title-415",
                AppError::Validation(_) => "problem-title-422",
                AppError::TooManyRequests => "problem-title-429",
                AppError::Unavailable => "problem-title-503",
                AppError::Internal(_) => "problem-title-500",
            }),
            status: status.as_u16(),
            detail,
            errors: self.field_errors().to_vec(),
        }
    }
}

impl ResponseError for AppError {
    fn status_code(&self) -> StatusCode {
        self.status()
    }

    fn error_response(&self) -> HttpResponse {
        let problem = self.problem();
        let mut resp = HttpResponse::build(self.status());
        resp.content_type("application/problem+json");
        if matches!(self, AppError::Unauthenticated) {
            resp.insert_header(("WWW-Authenticate", "Bearer"));
        }
        if let AppError::MethodNotAllowed(allow) = self {
            resp.insert_header(("Allow", allow.as_str()));
        }
        resp.json(problem)
    }
}

impl From<diesel::result::Error> for AppError {
    fn from(e: diesel::result::Error) -> Self {
        use diesel::result::{DatabaseErrorKind, Error};
        match e {
            Error::NotFound => AppError::NotFound,
            // Two writes of the same thing at once. The database's words
            // (constraint and table names) go to the log, not to the caller.
            Error::DatabaseError(DatabaseErrorKind::UniqueViolation, info) => {
                tracing::info!(detail = info.message(), "a write lost a race to another");
                AppError::Conflict(vec![FieldError::new(
                    "",
                    "conflict",
                    crate::i18n::say("err-error-conflict"),
                )])
            }
            Error::DatabaseError(DatabaseErrorKind::SerializationFailure, _) => {
                AppError::Unavailable
            }
            // PostgreSQL text cannot hold a NUL byte; what was sent is at
            // fault, not the server.
            Error::DatabaseError(_, info)
                if info.message().starts_with("invalid byte sequence") =>
            {
                AppError::BadRequest(crate::i18n::say("err-error-bad-request"))
            }
            other => AppError::Internal(other.to_string()),
        }
    }
}

impl From<diesel::r2d2::PoolError> for AppError {
    fn from(e: diesel::r2d2::PoolError) -> Self {
        tracing::warn!(error = %e, "database pool exhausted or unavailable");
        AppError::Unavailable
    }
}

impl From<askama::Error> for AppError {
    fn from(e: askama::Error) -> Self {
        AppError::Internal(format!("template: {e}"))
    }
}

pub type AppResult<T> = Result<T, AppError>;

impl From<Invalid> for AppError {
    fn from(e: Invalid) -> Self {
        AppError::Validation(e.0)
    }
}
