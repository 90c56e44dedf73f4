//! Answers kept in memory for a few seconds: a page or list is rendered
//! once and served again until anything is written. Every committed
//! transaction and every unsafe request moves a generation number, and an
//! answer of an older generation is never served; so this instance shows a
//! change at once. Other instances (and the worker's own writes) are seen
//! within `TTL`. The key holds the clock's minute too, so nothing that says
//! "due in 3 days" outlives the minute it was rendered in.
//!
//! The public's answers (no session, no token) are kept once for everyone:
//! 200s with no `Set-Cookie` and not marked `private` or `no-store`, whose
//! body does not hold the request's CSRF token, from the public pages and
//! lists below; never search (whose queries rarely repeat), PDFs, personal
//! calendars or account pages.
//!
//! A signed-in person's answers are kept for that session alone (keyed by
//! its cookies, or the API token, hashed): a page seen again with nothing
//! written since (a reload, going back) is not rendered again. Only a
//! session whose signed cookie is still good is served from here, so
//! signing out, or being signed out anywhere (a write), ends it; account,
//! administration and sign-in pages are never kept, nor anything marked
//! `no-store`.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::{Method, StatusCode, header};
use actix_web::middleware::Next;
use actix_web::{Error, HttpMessage, HttpResponse, web};

/// How long another instance's change may take to show here.
pub const TTL: Duration = Duration::from_secs(5);

/// Whether something kept at `at`, in generation `kept`, may still be
/// served in generation `now`: nothing written since, and not older than
/// `TTL`. The rule for kept answers and for who holds a session
/// (`web::auth::Holders`).
pub(crate) fn fresh(kept: u64, now: u64, at: Instant) -> bool {
    kept == now && at.elapsed() <= TTL
}
/// Answers kept at most, and their bytes at most: past either, those
/// older than `TTL` go, then the oldest half.
const CAPACITY: usize = 1024;
const BUDGET: usize = 32 << 20;
/// Larger answers are not kept.
const MAX_BODY: usize = 1 << 20;

struct Kept {
    generation: u64,
    minute: i64,
    at: Instant,
    status: StatusCode,
    headers: Vec<(header::HeaderName, header::HeaderValue)>,
    body: web::Bytes,
}

/// This instance's kept answers.
#[derive(Default)]
pub struct PageCache {
    kept: Mutex<HashMap<String, Kept>>,
}

/// Paths whose public answer is kept.
fn cacheable(path: &str) -> bool {
    const PREFIXES: &[&str] = &[
        "/bodies",
        "/meetings/",
        "/decisions",
        "/outcomes",
        "/organisations/",
        "/accessibility",
        "/api/v1/bodies",
        "/api/v1/meetings/",
        "/api/v1/decisions",
        "/api/v1/outcomes",
        "/api/v1/organisations/",
    ];
    (path == "/" || PREFIXES.iter().any(|p| path.starts_with(p)))
        && !path.ends_with(".pdf")
        && !path.contains("/members-pack")
        && !path.contains("/briefing")
}

/// Paths whose answer to a signed-in person is kept for their session: the
/// public ones and the pages of their week (never account, administration,
/// sign-in or PDFs).
pub(crate) fn cacheable_signed_in(path: &str) -> bool {
    const PREFIXES: &[&str] = &[
        "/my/",
        "/actions",
        "/translations",
        "/papers/",
        "/api/v1/actions",
        "/api/v1/papers/",
    ];
    (cacheable(path) || PREFIXES.iter().any(|p| path.starts_with(p))) && !path.ends_with(".pdf")
}

/// Whose answer this is: `None` for the public; a hash of the session and
/// CSRF cookies, or of the API token, for someone signed in (`Err` when
/// their answer is not to be kept: a session cookie that is no longer good).
fn holder(req: &ServiceRequest, state: &crate::state::AppState) -> Result<Option<String>, ()> {
    use sha2::{Digest, Sha256};
    let cookie = |name: &str| {
        req.cookie(name)
            .map(|c| c.value().to_string())
            .filter(|v| !v.is_empty())
    };
    let session = cookie(crate::web::session::SESSION_COOKIE);
    let token = req
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    let secret = match (session, token) {
        (None, None) => return Ok(None),
        (_, Some(t)) => format!("token|{t}"),
        (Some(s), None) => {
            let now = state.clock.now().timestamp();
            crate::web::session::read_session(req.request(), &state.cookie_key, now).ok_or(())?;
            let csrf = cookie(crate::web::session::CSRF_COOKIE).ok_or(())?;
            format!("session|{s}|{csrf}")
        }
    };
    Ok(Some(hex::encode(Sha256::digest(secret.as_bytes()))))
}

impl PageCache {
    fn get(&self, key: &str, generation: u64, minute: i64) -> Option<HttpResponse> {
        let kept = self.kept.lock().ok()?;
        let k = kept.get(key)?;
        if !fresh(k.generation, generation, k.at) || k.minute != minute {
            return None;
        }
        let mut res = HttpResponse::build(k.status);
        for (name, value) in &k.headers {
            res.append_header((name.clone(), value.clone()));
        }
        Some(res.body(k.body.clone()))
    }

    fn put(&self, key: String, kept: Kept) {
        if let Ok(mut map) = self.kept.lock() {
            let full = |map: &HashMap<String, Kept>| {
                map.len() >= CAPACITY
                    || map.values().map(|k| k.body.len()).sum::<usize>() + kept.body.len() > BUDGET
            };
            if full(&map) {
                map.retain(|_, k| k.at.elapsed() <= TTL);
            }
            if full(&map) {
                let mut ages: Vec<(String, Instant)> =
                    map.iter().map(|(k, v)| (k.clone(), v.at)).collect();
                ages.sort_by_key(|(_, at)| *at);
                let half = ages.len().div_ceil(2);
                for (k, _) in ages.into_iter().take(half) {
                    map.remove(&k);
                }
            }
            map.insert(key, kept);
        }
    }
}

/// The middleware (inside `security::protect`, which adds the headers and
/// cookies of each answer itself).
pub async fn keep(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, Error> {
    if req.method() != Method::GET {
        let unsafe_method = !matches!(*req.method(), Method::HEAD | Method::OPTIONS);
        let res = next.call(req).await?.map_into_boxed_body();
        if unsafe_method {
            crate::state::written();
        }
        return Ok(res);
    }
    let cache = req.app_data::<web::Data<PageCache>>().cloned();
    let state = req.app_data::<web::Data<crate::state::AppState>>().cloned();
    let (Some(cache), Some(state)) = (cache, state) else {
        return Ok(next.call(req).await?.map_into_boxed_body());
    };
    // A conditional request is the handler's to answer (304 or not).
    let conditional = req.headers().contains_key(header::IF_NONE_MATCH)
        || req.headers().contains_key(header::IF_MODIFIED_SINCE);
    let holder = holder(&req, &state);
    let keep_here = match &holder {
        Ok(None) => cacheable(req.path()),
        Ok(Some(_)) => cacheable_signed_in(req.path()),
        Err(()) => false,
    };
    if conditional || !keep_here {
        return Ok(next.call(req).await?.map_into_boxed_body());
    }
    let holder = holder.ok().flatten();
    // The language is chosen before (from the address, cookie or
    // `Accept-Language`): one answer is kept per language, not per header.
    let key = format!(
        "{}|{}|{}|{}",
        holder.as_deref().unwrap_or("public"),
        crate::web::language::of(req.request()).code(),
        req.uri()
            .path_and_query()
            .map(|p| p.as_str())
            .unwrap_or("/"),
        req.headers()
            .get(header::ACCEPT)
            .and_then(|v| v.to_str().ok())
            .unwrap_or(""),
    );
    let generation = crate::state::generation();
    let minute = state.clock.now().timestamp() / 60;
    if let Some(res) = cache.get(&key, generation, minute) {
        return Ok(req.into_response(res));
    }
    let csrf = req
        .extensions()
        .get::<crate::web::security::CsrfToken>()
        .map(|t| t.0.clone())
        .unwrap_or_default();
    let res = next.call(req).await?.map_into_boxed_body();
    let small = matches!(
        res.response().body().size(),
        actix_web::body::BodySize::Sized(n) if n <= MAX_BODY as u64
    );
    // An answer its handler marks as not to be kept is not kept here either
    // (nor, for everyone, one marked as one person's).
    let private = res
        .headers()
        .get(header::CACHE_CONTROL)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("no-store") || (holder.is_none() && v.contains("private")));
    if res.status() != StatusCode::OK
        || res.headers().contains_key(header::SET_COOKIE)
        || private
        || !small
    {
        return Ok(res);
    }
    let (http_req, response) = res.into_parts();
    let status = response.status();
    let headers: Vec<(header::HeaderName, header::HeaderValue)> = response
        .headers()
        .iter()
        .filter(|(name, _)| *name != header::CONTENT_LENGTH)
        .map(|(n, v)| (n.clone(), v.clone()))
        .collect();
    // A sized body in memory: reading it cannot fail.
    let body = actix_web::body::to_bytes(response.into_body())
        .await
        .map_err(|e| actix_web::error::ErrorInternalServerError(e.to_string()))?;
    // A form's token is the visitor's own: kept only for its holder.
    let holds_token = holder.is_none()
        && !csrf.is_empty()
        && body.windows(csrf.len()).any(|w| w == csrf.as_bytes());
    let mut answer = HttpResponse::build(status);
    for (name, value) in &headers {
        answer.append_header((name.clone(), value.clone()));
    }
    let answer = answer.body(body.clone());
    if !holds_token {
        cache.put(
            key,
            Kept {
                generation,
                minute,
                at: Instant::now(),
                status,
                headers,
                body,
            },
        );
    }
    Ok(ServiceResponse::new(http_req, answer))
}
