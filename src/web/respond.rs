//! What page handlers answer with: a rendered page, a redirect, a CSV file,
//! or an error page (with the signed-in header); and the form readers they
//! share.

use actix_web::http::StatusCode;
use actix_web::{HttpMessage, HttpRequest, HttpResponse, ResponseError, web};
use askama::Template;
use serde::de::DeserializeOwned;

use crate::error::AppError;
use crate::views::ErrorPage;
use crate::views::{Nav, NavUser};
use crate::web::auth::{AuthUser, Viewer};
use crate::web::security::{CsrfToken, verify_csrf};

/// An error on a page: shown as a page, or a redirect to sign in.
#[derive(Debug)]
pub enum PageError {
    App(AppError),
    /// Sign in first, then come back here.
    Login(String),
}

impl std::fmt::Display for PageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PageError::App(e) => e.fmt(f),
            PageError::Login(_) => f.write_str("sign in required"),
        }
    }
}

impl From<AppError> for PageError {
    fn from(e: AppError) -> Self {
        PageError::App(e)
    }
}

impl ResponseError for PageError {
    fn status_code(&self) -> StatusCode {
        match self {
            PageError::App(e) => e.status(),
            PageError::Login(_) => StatusCode::SEE_OTHER,
        }
    }

    fn error_response(&self) -> HttpResponse {
        match self {
            PageError::App(e) => render_error(e, Nav::default()),
            PageError::Login(next) => see_other(&format!("/login?next={}", encode(next))),
        }
    }
}

pub type PageResult = Result<HttpResponse, PageError>;

fn encode(s: &str) -> String {
    url::form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

fn render_error(e: &AppError, nav: Nav) -> HttpResponse {
    let status = e.status();
    let reference = e.log();
    let lang = nav.lang;
    let title_key = match status.as_u16() {
        400 => "error-400",
        401 => "error-401",
        403 => "error-403",
        404 => "error-404",
        405 => "error-405",
        409 => "error-409",
        429 => "error-429",
        503 => "error-503",
        _ => "error-500",
    };
    let title = crate::i18n::text(lang, title_key);
    let mut detail = e.detail();
    if status == StatusCode::NOT_FOUND {
        detail = crate::i18n::text(lang, "error-404-detail");
    }
    if let Some(r) = reference {
        detail = crate::i18n::text_with(
            lang,
            "error-reference",
            &[
                ("detail", crate::i18n::Arg::Text(&detail)),
                ("reference", crate::i18n::Arg::Text(&r)),
            ],
        );
    }
    let shown = ErrorShown {
        status,
        title,
        detail,
    };
    let mut resp = shown.render(nav);
    if let AppError::MethodNotAllowed(allow) = e
        && let Ok(v) = actix_web::http::header::HeaderValue::from_str(allow)
    {
        resp.headers_mut().insert(actix_web::http::header::ALLOW, v);
    }
    resp.extensions_mut().insert(shown);
    resp
}

/// An error page's words, kept on the response so that the middleware can
/// render it again with the signed-in header (an error raised before the
/// handler knew who was asking is rendered without it).
#[derive(Clone, Debug)]
pub struct ErrorShown {
    status: StatusCode,
    title: String,
    detail: String,
}

impl ErrorShown {
    fn render(&self, nav: Nav) -> HttpResponse {
        let page = ErrorPage {
            nav,
            status: self.status.as_u16(),
            title: self.title.clone(),
            detail: self.detail.clone(),
        };
        match page.render() {
            Ok(html) => HttpResponse::build(self.status)
                .content_type("text/html; charset=utf-8")
                .body(html),
            Err(_) => HttpResponse::build(self.status)
                .content_type("text/plain; charset=utf-8")
                .body(page.title),
        }
    }

    /// The same page with the header for whoever the request was from.
    pub fn rerender(&self, req: &HttpRequest) -> HttpResponse {
        let user = req.extensions().get::<AuthUser>().cloned();
        self.render(nav(req, user.as_ref()))
    }
}

/// The error page for a request (used by middleware, which has one).
pub fn error_page(e: &AppError, req: &HttpRequest) -> HttpResponse {
    render_error(e, nav(req, None))
}

/// 404 for any unknown page.
pub async fn not_found(req: HttpRequest, viewer: Viewer) -> HttpResponse {
    let e = match crate::web::routes::allowed(&req) {
        Some(allow) => AppError::MethodNotAllowed(allow),
        None => AppError::NotFound,
    };
    render_error(&e, nav(&req, viewer.0.as_ref()))
}

pub fn see_other(location: &str) -> HttpResponse {
    HttpResponse::SeeOther()
        .insert_header((actix_web::http::header::LOCATION, location.to_string()))
        .finish()
}

pub fn html<T: Template>(status: StatusCode, page: &T) -> PageResult {
    let body = page.render().map_err(AppError::from)?;
    Ok(HttpResponse::build(status)
        .content_type("text/html; charset=utf-8")
        .body(body))
}

/// A page whose address holds a link's secret (a password reset, an
/// unsubscribe link): not cached, and not sent on as a referrer to another
/// site (`same-origin`, not `no-referrer`, which makes the browser send
/// `Origin: null` with the page's form, refused as another origin's).
pub fn private_link_page<T: Template>(status: StatusCode, page: &T) -> PageResult {
    let mut resp = html(status, page)?;
    let headers = resp.headers_mut();
    headers.insert(
        actix_web::http::header::REFERRER_POLICY,
        actix_web::http::header::HeaderValue::from_static("same-origin"),
    );
    headers.insert(
        actix_web::http::header::CACHE_CONTROL,
        actix_web::http::header::HeaderValue::from_static("no-store"),
    );
    Ok(resp)
}

pub fn csrf_of(req: &HttpRequest) -> String {
    req.extensions()
        .get::<CsrfToken>()
        .map(|t| t.0.clone())
        .unwrap_or_default()
}

/// The language to answer `req` in (see `web::language`).
pub fn lang(req: &HttpRequest) -> crate::i18n::Lang {
    crate::web::language::of(req)
}

/// The layout's view of the request.
pub fn nav(req: &HttpRequest, user: Option<&AuthUser>) -> Nav {
    let notice = web::Query::<NoticeQuery>::from_query(req.query_string())
        .ok()
        .and_then(|q| q.notice.as_deref().and_then(notice_words));
    Nav {
        user: user.map(|u| NavUser {
            name: u.user.name.clone(),
            is_staff: u.is_staff(),
            is_admin: u.user.is_admin,
        }),
        csrf: csrf_of(req),
        notice,
        errors: false,
        lang: lang(req),
        address: crate::web::language::plain_address(req),
    }
}

/// The layout and status for a form page: 422 and an "Error:" title when
/// there are errors to show.
pub fn form_nav(
    req: &HttpRequest,
    user: Option<&AuthUser>,
    errors: &[crate::error::FieldError],
) -> (Nav, StatusCode) {
    let mut nav = nav(req, user);
    nav.errors = !errors.is_empty();
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    (nav, status)
}

#[derive(serde::Deserialize)]
struct NoticeQuery {
    notice: Option<String>,
}

/// A banner's words: a fixed text, or one made only from numbers.
fn notice_words(code: &str) -> Option<String> {
    use crate::i18n::{Arg, t, t_args};
    if let Some(rest) = code.strip_prefix("agenda-published-") {
        let (v, n) = rest.split_once('-')?;
        let (v, n) = (v.parse::<u32>().ok()?, n.parse::<u32>().ok()?);
        return Some(t_args(
            "notice-agenda-published",
            &[
                ("version", Arg::Number(i64::from(v))),
                ("count", Arg::Number(i64::from(n))),
            ],
        ));
    }
    let key = match code {
        "translation-saved" => "notice-translation-saved",
        "translation-approved" => "notice-translation-approved",
        "speak-welsh-saved" => "notice-speak-welsh-saved",
        "urgency-saved" => "notice-urgency-saved",
        "urgency-cleared" => "notice-urgency-cleared",
        _ => notice_key(code)?,
    };
    Some(t(key))
}

/// Banners shown after a redirect: only these fixed messages can appear,
/// in the reader's language.
fn notice_key(code: &str) -> Option<&'static str> {
    Some(match code {
        "password-set" => "notice-password-set",
        "password-reset" => "notice-password-reset",
        "password-changed" => "notice-password-changed",
        "token-revoked" => "notice-token-revoked",
        "mail-saved" => "notice-mail-saved",
        "organisation-added" => "notice-organisation-added",
        "invitation-sent" => "notice-invitation-sent",
        "body-added" => "notice-body-added",
        "member-saved" => "notice-member-saved",
        "member-removed" => "notice-member-removed",
        "priority-added" => "notice-priority-added",
        "priority-retired" => "notice-priority-retired",
        "signed-out" => "notice-signed-out",
        "signed-out-everywhere" => "notice-signed-out-everywhere",
        "action-updated" => "notice-action-updated",
        "attendance-saved" => "notice-attendance-saved",
        "notes-saved" => "notice-notes-saved",
        "declaration-recorded" => "notice-declaration-recorded",
        "interest-added" => "notice-interest-added",
        "interest-policy-saved" => "notice-interest-policy-saved",
        "interest-ended" => "notice-interest-ended",
        "interest-removed" => "notice-interest-removed",
        "interest-declared" => "notice-interest-declared",
        "movement-recorded" => "notice-movement-recorded",
        "movement-removed" => "notice-movement-removed",
        "decision-note-published" => "notice-decision-note-published",
        "decision-recorded" => "notice-decision-recorded",
        "decision-corrected" => "notice-decision-corrected",
        "decision-withdrawn" => "notice-decision-withdrawn",
        "action-recorded" => "notice-action-recorded",
        "action-corrected" => "notice-action-corrected",
        "action-withdrawn" => "notice-action-withdrawn",
        "minutes-saved" => "notice-minutes-saved",
        "mail-retried" => "notice-mail-retried",
        "mail-cancelled" => "notice-mail-cancelled",
        "minutes-redrafted" => "notice-minutes-redrafted",
        "minutes-circulated" => "notice-minutes-circulated",
        "minutes-approved" => "notice-minutes-approved",
        "paper-saved" => "notice-paper-saved",
        "paper-version-saved" => "notice-paper-version-saved",
        "attachment-added" => "notice-attachment-added",
        "paper-submitted" => "notice-paper-submitted",
        "paper-sign-off" => "notice-paper-sign-off",
        "paper-accept" => "notice-paper-accept",
        "paper-return" => "notice-paper-return",
        "paper-withdraw" => "notice-paper-withdraw",
        "paper-late-decision" => "notice-paper-late-decision",
        "holidays-imported" => "notice-holidays-imported",
        "item-proposed" => "notice-item-proposed",
        "proposal-decided" => "notice-proposal-decided",
        "meeting-scheduled" => "notice-meeting-scheduled",
        "meeting-changed" => "notice-meeting-changed",
        "meeting-cancelled" => "notice-meeting-cancelled",
        _ => return None,
    })
}

/// The signed-in person, or a redirect to sign in and come back.
pub fn require_user(req: &HttpRequest, viewer: Viewer) -> Result<AuthUser, PageError> {
    viewer.0.ok_or_else(|| {
        PageError::Login(
            req.uri()
                .path_and_query()
                .map(|p| p.to_string())
                .unwrap_or_else(|| "/".into()),
        )
    })
}

/// A form with its CSRF token checked before anything else is read.
///
/// Every field the form sends must be one the handler reads: a field it
/// would ignore (a template naming `implications.financial` where the
/// handler reads `financial`) is refused with the field's name, so what a
/// person typed is never silently dropped. The token and the name of the
/// button pressed are the only fields a handler may leave unread.
pub fn checked_form<T: DeserializeOwned>(
    req: &HttpRequest,
    body: &web::Bytes,
) -> Result<T, PageError> {
    #[derive(serde::Deserialize)]
    struct Token {
        #[serde(default)]
        csrf_token: String,
    }
    let token: Token = serde_html_form::from_bytes(body).map_err(|e| {
        AppError::BadRequest(crate::i18n::say_args(
            "err-form-unreadable",
            &[("why", crate::i18n::Arg::Text(&e.to_string()))],
        ))
    })?;
    verify_csrf(req, &token.csrf_token)?;
    read_form(body).map_err(PageError::App)
}

/// Reads a form body into `T`, refusing fields `T` does not read.
pub fn read_form<T: DeserializeOwned>(body: &[u8]) -> Result<T, AppError> {
    let mut ignored = Vec::new();
    let de = serde_html_form::Deserializer::from_bytes(body);
    let value: T = serde_ignored::deserialize(de, |path| {
        let name = path.to_string();
        if name != "csrf_token" && !ignored.contains(&name) {
            ignored.push(name);
        }
    })
    .map_err(|e| {
        AppError::BadRequest(crate::i18n::say_args(
            "err-form-unreadable",
            &[("why", crate::i18n::Arg::Text(&e.to_string()))],
        ))
    })?;
    if ignored.is_empty() {
        Ok(value)
    } else {
        Err(AppError::BadRequest(crate::i18n::say_args(
            "err-form-unread-fields",
            &[("fields", crate::i18n::Arg::Text(&ignored.join(", ")))],
        )))
    }
}

/// A form's errors moved to the fields of one of several forms on a page:
/// `key` gives each error's new field (the id of the control it belongs to).
pub fn rekey(
    errors: Vec<crate::error::FieldError>,
    key: impl Fn(&str) -> String,
) -> Vec<crate::error::FieldError> {
    errors
        .into_iter()
        .map(|mut e| {
            e.field = key(&e.field);
            e
        })
        .collect()
}

/// A form's errors keyed `prefix.field`.
pub fn keyed(prefix: &str, errors: Vec<crate::error::FieldError>) -> Vec<crate::error::FieldError> {
    rekey(errors, |field| format!("{prefix}.{field}"))
}

/// A CSV download (the file's name as given).
pub fn csv(name: &str, bytes: Vec<u8>) -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8; header=present")
        .insert_header((
            actix_web::http::header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"{name}\""),
        ))
        .body(bytes)
}

/// A form's outcome: its field problems to show again, or the error page.
pub fn field_errors(
    result: Result<(), AppError>,
) -> Result<Vec<crate::error::FieldError>, AppError> {
    match split(result)? {
        Ok(()) => Ok(Vec::new()),
        Err(e) => Ok(e),
    }
}

/// A form's outcome: what it made, its field problems to show again, or the
/// error page.
pub fn split<T>(
    result: Result<T, AppError>,
) -> Result<Result<T, Vec<crate::error::FieldError>>, AppError> {
    match result {
        Ok(v) => Ok(Ok(v)),
        Err(AppError::Validation(e) | AppError::Conflict(e)) => Ok(Err(e)),
        Err(e) => Err(e),
    }
}
