//! The JSON API under `/api/v1`: a stable contract (see docs/api.md).

pub mod actions;
pub mod agenda;
pub mod bodies;
pub mod decision_note;
pub mod decisions;
pub mod follow;
pub mod forward_plan;
pub mod interests;
pub mod meetings;
pub mod minutes;
pub mod open_data;
pub mod openapi;
pub mod organisations;
pub mod outcomes;
pub mod papers;
pub mod proposals;
pub mod record;
pub mod search;
pub mod translations;
pub mod users;

use actix_web::error::{JsonPayloadError, QueryPayloadError};
use actix_web::{HttpRequest, HttpResponse, web};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::error::{AppError, FieldError};
use crate::web::routes::Routes;

/// Largest JSON body accepted.
pub const MAX_JSON_BYTES: usize = 1024 * 1024;

pub fn configure(r: &mut Routes<'_>) {
    r.scope(
        "/api/v1",
        |scope| {
            scope
                .app_data(json_config())
                .app_data(web::QueryConfig::default().error_handler(query_error))
                .app_data(
                    web::PathConfig::default().error_handler(|_, _| AppError::NotFound.into()),
                )
                .default_service(web::to(api_not_found))
        },
        |r| {
            r.get("/openapi.json", openapi::document);
            organisations::configure(r);
            users::configure(r);
            interests::configure(r);
            bodies::configure(r);
            meetings::configure(r);
            agenda::configure(r);
            record::configure(r);
            decisions::configure(r);
            decision_note::configure(r);
            minutes::configure(r);
            actions::configure(r);
            follow::configure(r);
            outcomes::configure(r);
            forward_plan::configure(r);
            open_data::configure(r);
            search::configure(r);
            translations::configure(r);
            papers::configure(r);
            proposals::configure(r);
            crate::web::attachments::configure_api(r);
        },
    );
}

pub fn json_config() -> web::JsonConfig {
    web::JsonConfig::default()
        .limit(MAX_JSON_BYTES)
        .content_type_required(true)
        .error_handler(json_error)
}

fn json_error(err: JsonPayloadError, _req: &HttpRequest) -> actix_web::Error {
    let app = match &err {
        JsonPayloadError::Overflow { .. } | JsonPayloadError::OverflowKnownLength { .. } => {
            AppError::PayloadTooLarge(crate::i18n::say_args(
                "err-api-too-large",
                &[("bytes", crate::i18n::Arg::count(MAX_JSON_BYTES))],
            ))
        }
        JsonPayloadError::ContentType => {
            AppError::UnsupportedMediaType(crate::i18n::say("err-api-json-content-type"))
        }
        JsonPayloadError::Deserialize(e) => AppError::BadRequest(crate::i18n::say_args(
            "err-api-json",
            &[("why", crate::i18n::Arg::Text(&e.to_string()))],
        )),
        other => AppError::BadRequest(crate::i18n::say_args(
            "err-api-body",
            &[("why", crate::i18n::Arg::Text(&other.to_string()))],
        )),
    };
    app.into()
}

fn query_error(err: QueryPayloadError, _req: &HttpRequest) -> actix_web::Error {
    AppError::BadRequest(crate::i18n::say_args(
        "err-api-query",
        &[("why", crate::i18n::Arg::Text(&err.to_string()))],
    ))
    .into()
}

async fn api_not_found(req: HttpRequest) -> Result<HttpResponse, AppError> {
    Err(match crate::web::routes::allowed(&req) {
        Some(allow) => AppError::MethodNotAllowed(allow),
        None => AppError::NotFound,
    })
}

/// `?limit=&cursor=` on every list.
#[derive(Debug, Deserialize, IntoParams)]
pub struct PageParams {
    /// 1 to 500; default 50
    #[param(minimum = 1, maximum = 500)]
    pub limit: Option<i64>,
    /// `next_cursor` from the previous page
    pub cursor: Option<String>,
}

impl PageParams {
    pub fn limit(&self) -> Result<i64, AppError> {
        match self.limit {
            None => Ok(50),
            Some(n) if (1..=500).contains(&n) => Ok(n),
            Some(_) => Err(AppError::BadRequest(crate::i18n::say(
                "err-api-bad-request",
            ))),
        }
    }
}

/// A `YYYY-MM-DD` query parameter (blank: none).
pub fn date_param(name: &str, v: Option<&str>) -> Result<Option<chrono::NaiveDate>, AppError> {
    match v.map(str::trim).filter(|s| !s.is_empty()) {
        None => Ok(None),
        Some(s) => chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d")
            .map(Some)
            .map_err(|_| {
                AppError::BadRequest(crate::i18n::say_args(
                    "err-api-date",
                    &[("name", crate::i18n::Arg::Text(name))],
                ))
            }),
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Page<T: Serialize> {
    pub items: Vec<T>,
    pub next_cursor: Option<String>,
}

/// Builds a page from `limit + 1` rows fetched in cursor order.
pub fn page_of<R, T: Serialize>(
    mut rows: Vec<R>,
    limit: i64,
    key: impl Fn(&R) -> String,
    map: impl Fn(R) -> T,
) -> Page<T> {
    let limit = usize::try_from(limit).unwrap_or(50);
    let next_cursor = if rows.len() > limit {
        rows.truncate(limit);
        rows.last().map(&key)
    } else {
        None
    };
    Page {
        items: rows.into_iter().map(map).collect(),
        next_cursor,
    }
}

/// An opaque cursor carrying `text` (where the next page starts).
pub fn cursor_of(text: &str) -> String {
    use base64::Engine;
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(text)
}

/// What a cursor made by [`cursor_of`] carries; 400 for anything else.
pub fn cursor_text(cursor: &str) -> Result<String, AppError> {
    use base64::Engine;
    base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(cursor)
        .ok()
        .and_then(|b| String::from_utf8(b).ok())
        .ok_or_else(bad_cursor)
}

/// The answer to a cursor this API did not give out.
pub fn bad_cursor() -> AppError {
    AppError::BadRequest(crate::i18n::say("err-api-bad-request-2"))
}

/// A page of a short list already read whole, in its stable order: the
/// cursor is the last item's key.
pub fn page_in_memory<T: Serialize>(
    items: Vec<T>,
    params: &PageParams,
    key: impl Fn(&T) -> String,
) -> Result<Page<T>, AppError> {
    let limit = usize::try_from(params.limit()?).unwrap_or(50);
    let start =
        match params.cursor.as_deref().filter(|c| !c.is_empty()) {
            None => 0,
            Some(c) => {
                items.iter().position(|i| key(i) == c).ok_or_else(|| {
                    AppError::BadRequest(crate::i18n::say("err-api-bad-request-2"))
                })? + 1
            }
        };
    let rows: Vec<T> = items.into_iter().skip(start).take(limit + 1).collect();
    Ok(page_of(rows, limit as i64, &key, |t| t))
}

/// 201 with a Location header.
pub fn created<T: Serialize>(location: String, body: &T) -> HttpResponse {
    HttpResponse::Created()
        .insert_header((actix_web::http::header::LOCATION, location))
        .json(body)
}

/// An optional JSON object body: empty means `{}`.
pub fn optional_json<T: serde::de::DeserializeOwned + Default>(
    bytes: &[u8],
) -> Result<T, AppError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Ok(T::default());
    }
    serde_json::from_slice(bytes).map_err(|e| {
        AppError::BadRequest(crate::i18n::say_args(
            "err-api-json",
            &[("why", crate::i18n::Arg::Text(&e.to_string()))],
        ))
    })
}

/// The `ETag` header for a version.
pub fn etag(version: i32) -> (actix_web::http::header::HeaderName, String) {
    (actix_web::http::header::ETAG, format!("\"{version}\""))
}

/// A JSON answer carrying the version as its `ETag`.
pub fn json_with_etag<T: Serialize>(
    status: actix_web::http::StatusCode,
    version: i32,
    body: &T,
) -> HttpResponse {
    HttpResponse::build(status)
        .insert_header(etag(version))
        .json(body)
}

/// The version named by `If-Match` (`"3"` or `W/"3"`), if the header is sent.
pub fn if_match(req: &HttpRequest) -> Result<Option<i32>, AppError> {
    let Some(value) = req.headers().get(actix_web::http::header::IF_MATCH) else {
        return Ok(None);
    };
    let text = value.to_str().unwrap_or("").trim();
    let text = text.strip_prefix("W/").unwrap_or(text);
    text.trim_matches('"')
        .parse::<i32>()
        .map(Some)
        .map_err(|_| AppError::BadRequest(crate::i18n::say("err-api-bad-request-3")))
}

/// The request's idempotency key: the `Idempotency-Key` header or, as
/// before the header was supported, the body's `idempotency_key`. Sending
/// both with different values, or a key over 255 characters, is a 422.
pub fn idempotency_key(
    req: &HttpRequest,
    in_body: Option<&str>,
) -> Result<Option<String>, AppError> {
    let header = match req.headers().get("idempotency-key") {
        None => None,
        Some(v) => Some(v.to_str().map_err(|_| {
            AppError::Validation(vec![FieldError::new(
                "Idempotency-Key",
                "invalid_characters",
                crate::i18n::say("err-api-invalid-characters"),
            )])
        })?),
    };
    let body = in_body.filter(|k| !k.is_empty());
    let key = match (header.map(|h| h.trim_matches('"')), body) {
        (Some(h), Some(b)) if h != b => {
            return Err(AppError::Validation(vec![FieldError::new(
                "idempotency_key",
                "conflicting_keys",
                crate::i18n::say("err-api-conflicting-keys"),
            )]));
        }
        (Some(h), _) => Some(h),
        (None, b) => b,
    };
    match key.filter(|k| !k.is_empty()) {
        Some(k) if k.chars().count() > 255 => Err(AppError::Validation(vec![FieldError::new(
            "idempotency_key",
            "too_long",
            crate::i18n::say("err-api-too-long"),
        )])),
        k => Ok(k.map(str::to_string)),
    }
}

pub fn rfc3339(t: chrono::NaiveDateTime) -> String {
    t.and_utc()
        .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}
