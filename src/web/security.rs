//! Middleware for every response and every unsafe request: security headers,
//! the CSRF cookie, and the Origin check.

use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::Method;
use actix_web::http::header::{self, HeaderName, HeaderValue};
use actix_web::middleware::Next;
use actix_web::{Error, HttpMessage, web};

use crate::error::AppError;
use crate::state::AppState;
use crate::web::session::{CSRF_COOKIE, csrf_cookie};

const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
    object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
/// Swagger UI sets inline styles; it gets its own, slightly looser policy.
const CSP_API_DOCS: &str = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; \
    img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

/// The CSRF token for this request (from its cookie, or newly minted).
#[derive(Clone, Debug)]
pub struct CsrfToken(pub String);

fn is_unsafe(method: &Method) -> bool {
    !matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS)
}

/// Does the Origin (or, lacking it, the Referer) name this service?
fn same_origin(req: &ServiceRequest, base_url: &str) -> bool {
    let headers = req.headers();
    let claimed = headers
        .get(header::ORIGIN)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string)
        .or_else(|| {
            headers
                .get(header::REFERER)
                .and_then(|v| v.to_str().ok())
                .and_then(|r| url::Url::parse(r).ok())
                .map(|u| u.origin().ascii_serialization())
        });
    let Some(claimed) = claimed else {
        // Not a browser: the form token still has to match.
        return true;
    };
    same_site_as_base(&claimed, base_url)
}

/// Is `claimed` (an Origin) the configured base URL's origin? Only that
/// counts: `Host` and `X-Forwarded-Host` are the sender's to choose. A
/// base URL on this machine (the demo) also accepts the other loopback
/// names for the same port, so `localhost` works where `127.0.0.1` is set.
fn same_site_as_base(claimed: &str, base_url: &str) -> bool {
    let Ok(base) = url::Url::parse(base_url) else {
        return false;
    };
    if claimed == base.origin().ascii_serialization() {
        return true;
    }
    let loopback =
        |host: Option<&str>| matches!(host, Some("localhost" | "127.0.0.1" | "[::1]" | "::1"));
    match url::Url::parse(claimed) {
        Ok(c) => {
            loopback(base.host_str())
                && loopback(c.host_str())
                && c.scheme() == base.scheme()
                && c.port_or_known_default() == base.port_or_known_default()
        }
        Err(_) => false,
    }
}

pub async fn protect(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, Error> {
    let path = req.path().to_string();
    let is_api = path.starts_with("/api/");
    let state = req.app_data::<web::Data<AppState>>().cloned();
    let base_url = state
        .as_ref()
        .map(|s| s.base_url().to_string())
        .unwrap_or_default();

    // A mail client's one-click unsubscribe (RFC 8058) comes from no page:
    // its signed link is its authority.
    let one_click = path.starts_with("/unsubscribe/");
    if !is_api && !one_click && is_unsafe(req.method()) && !same_origin(&req, &base_url) {
        let resp = crate::web::respond::error_page(&AppError::Forbidden, req.request());
        return Ok(req.into_response(resp));
    }

    let mut new_csrf = None;
    if !is_api {
        let token = match req.cookie(CSRF_COOKIE) {
            Some(c) if c.value().len() >= 32 => c.value().to_string(),
            _ => {
                let t = crate::services::accounts::random_token("");
                new_csrf = Some(t.clone());
                t
            }
        };
        req.extensions_mut().insert(CsrfToken(token));
    }

    let mut res = next.call(req).await?.map_into_boxed_body();
    // An error page rendered without the header, for someone signed in:
    // render it again with their header.
    if !is_api {
        let shown = res
            .response()
            .extensions()
            .get::<crate::web::respond::ErrorShown>()
            .cloned();
        let signed_in = res
            .request()
            .extensions()
            .get::<crate::web::auth::AuthUser>()
            .is_some();
        if let Some(shown) = shown
            && signed_in
        {
            // The same page with the signed-in header: it keeps what the
            // first answer said besides its body (`Allow`, caching, …).
            let mut again = shown.rerender(res.request());
            let own: Vec<HeaderName> = again.headers().keys().cloned().collect();
            for (name, value) in res.headers() {
                if name != header::CONTENT_LENGTH && !own.contains(name) {
                    again.headers_mut().append(name.clone(), value.clone());
                }
            }
            res = res.into_response(again);
        }
    }
    // A shared cache may keep a public answer and give it to everyone, so
    // such an answer carries no cookie (the next page with a form sets it).
    let public = res
        .headers()
        .get(header::CACHE_CONTROL)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("public"));
    if let Some(token) = new_csrf
        && !public
    {
        let _ = res
            .response_mut()
            .add_cookie(&csrf_cookie(&token, &base_url));
    }
    let headers = res.headers_mut();
    let csp = if path.starts_with("/api/docs") {
        CSP_API_DOCS
    } else {
        CSP
    };
    for (name, value) in [
        (header::CONTENT_SECURITY_POLICY, csp),
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::X_FRAME_OPTIONS, "DENY"),
        (header::REFERRER_POLICY, "strict-origin-when-cross-origin"),
        (
            HeaderName::from_static("cross-origin-opener-policy"),
            "same-origin",
        ),
    ] {
        if !headers.contains_key(&name) {
            headers.insert(name, HeaderValue::from_static(value));
        }
    }
    Ok(res)
}

/// Checks a submitted form token against the cookie, in constant time.
pub fn verify_csrf(req: &actix_web::HttpRequest, submitted: &str) -> Result<(), AppError> {
    let expected = req
        .cookie(CSRF_COOKIE)
        .map(|c| c.value().to_string())
        .unwrap_or_default();
    let a = expected.as_bytes();
    let b = submitted.as_bytes();
    let same = !a.is_empty()
        && a.len() == b.len()
        && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0;
    if same {
        Ok(())
    } else {
        Err(AppError::BadRequest(crate::i18n::say(
            "err-security-bad-request",
        )))
    }
}

/// The request line as the access log writes it: the secret part of a
/// personal calendar link or an invitation link is never written down (the
/// link is the key), so a log file cannot be used to read someone's feed
/// or take over their invitation.
pub fn loggable_request_line(method: &str, path_and_query: &str, version: &str) -> String {
    let path = path_and_query;
    let masked = ["/calendar/", "/invitations/"]
        .iter()
        .find_map(|prefix| {
            path.strip_prefix(prefix).map(|rest| {
                let end = rest.find(['/', '?', '.']).unwrap_or(rest.len());
                format!("{prefix}[secret]{}", &rest[end..])
            })
        })
        .unwrap_or_else(|| path.to_string());
    format!("{method} {masked} {version}")
}

#[cfg(test)]
mod tests {
    use super::{loggable_request_line, same_site_as_base};

    #[test]
    fn secret_links_are_masked_in_the_access_log() {
        assert_eq!(
            loggable_request_line("GET", "/calendar/cal_abcDEF123.ics", "HTTP/1.1"),
            "GET /calendar/[secret].ics HTTP/1.1"
        );
        assert_eq!(
            loggable_request_line("POST", "/invitations/inv_XYZ?x=1", "HTTP/1.1"),
            "POST /invitations/[secret]?x=1 HTTP/1.1"
        );
        assert_eq!(
            loggable_request_line("GET", "/meetings/abc?cursor=2", "HTTP/2.0"),
            "GET /meetings/abc?cursor=2 HTTP/2.0"
        );
    }

    #[test]
    fn only_the_configured_origin_is_trusted() {
        let base = "https://boards.example.gov.uk";
        assert!(same_site_as_base("https://boards.example.gov.uk", base));
        assert!(!same_site_as_base("https://evil.example", base));
        assert!(!same_site_as_base("http://boards.example.gov.uk", base));
        assert!(!same_site_as_base("https://localhost", base));
        let demo = "http://127.0.0.1:8080";
        assert!(same_site_as_base("http://localhost:8080", demo));
        assert!(same_site_as_base("http://[::1]:8080", demo));
        assert!(!same_site_as_base("http://localhost:9090", demo));
        assert!(!same_site_as_base("http://evil.example:8080", demo));
    }
}
