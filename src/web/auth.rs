//! Who is asking: the API reads a bearer token, pages read the session cookie.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::Instant;

use actix_web::dev::Payload;
use actix_web::http::Method;
use actix_web::{FromRequest, HttpMessage, HttpRequest, web};
use futures_util::future::LocalBoxFuture;

use crate::domain::roles::Grants;
use crate::error::AppError;
use crate::services::Actor;
use crate::services::accounts::{self, User};
use crate::state::AppState;
use crate::web::session;

/// A signed-in person and the roles they hold.
#[derive(Clone, Debug)]
pub struct AuthUser {
    pub user: User,
    pub grants: Grants,
}

impl AuthUser {
    pub fn actor(&self, req: &HttpRequest) -> Actor {
        Actor {
            user_id: Some(self.user.id.clone()),
            label: self.user.name.clone(),
            client_addr: client_addr(req),
        }
    }

    /// Secretariat somewhere, or admin: the header links the admin area
    /// (which `services::directory::managed_by` guards).
    pub fn is_staff(&self) -> bool {
        self.grants.manages_any_body()
    }
}

/// The peer's address (the proxy's, behind a load balancer).
pub fn client_addr(req: &HttpRequest) -> Option<String> {
    req.peer_addr().map(|a| a.ip().to_string())
}

fn signed_in((user, grants): (User, Grants)) -> AuthUser {
    AuthUser { user, grants }
}

fn state(req: &HttpRequest) -> Result<web::Data<AppState>, AppError> {
    req.app_data::<web::Data<AppState>>()
        .cloned()
        .ok_or_else(|| AppError::internal("state missing"))
}

/// Who holds a session or an API token, as last found in the database, kept
/// for a few seconds while nothing is written: a page then costs one trip to
/// the database, not two (one to find who is asking, one for the page).
/// Under the page cache's rules (`web::page_cache`), and only for the reads
/// whose answers it keeps for a session (so no page is answered here that
/// the page cache would not have answered anyway): any write on this
/// instance (signing out, a role removed, a token revoked) ends every entry
/// at once; another instance's within `page_cache::TTL`. Every write, and
/// account and administration pages, always ask the database. Only people
/// found are kept, never an unknown session or token.
#[derive(Default)]
pub struct Holders {
    known: Mutex<HashMap<[u8; 32], Known>>,
}

struct Known {
    who: AuthUser,
    generation: u64,
    at: Instant,
}

/// Entries at most; past it, those out of date go, then all of them.
const HOLDERS: usize = 4096;

impl Holders {
    fn key(secret: &str) -> [u8; 32] {
        use sha2::{Digest, Sha256};
        Sha256::digest(secret.as_bytes()).into()
    }

    fn get(&self, key: &[u8; 32]) -> Option<AuthUser> {
        let known = self.known.lock().ok()?;
        let k = known.get(key)?;
        crate::web::page_cache::fresh(k.generation, crate::state::generation(), k.at)
            .then(|| k.who.clone())
    }

    fn put(&self, key: [u8; 32], who: &AuthUser, generation: u64) {
        if let Ok(mut known) = self.known.lock() {
            if known.len() >= HOLDERS {
                let now = crate::state::generation();
                known.retain(|_, k| crate::web::page_cache::fresh(k.generation, now, k.at));
                if known.len() >= HOLDERS {
                    known.clear();
                }
            }
            let at = Instant::now();
            known.insert(
                key,
                Known {
                    who: who.clone(),
                    generation,
                    at,
                },
            );
        }
    }
}

/// The holder of `secret`: as kept, or found by `find` (and then kept).
async fn holder_of<F, Fut>(
    req: &HttpRequest,
    state: &AppState,
    secret: String,
    find: F,
) -> Result<Option<AuthUser>, AppError>
where
    F: FnOnce() -> Fut,
    Fut: std::future::Future<Output = Result<Option<(User, Grants)>, AppError>>,
{
    let read = matches!(*req.method(), Method::GET | Method::HEAD);
    let holders = req
        .app_data::<web::Data<Holders>>()
        .filter(|_| read && crate::web::page_cache::cacheable_signed_in(req.path()))
        .cloned();
    // The clock's minute is part of the key, as it is of a kept page's: a
    // session that times out is not kept past the minute it ends in.
    let minute = state.clock.now().timestamp().div_euclid(60);
    let key = Holders::key(&format!("{minute}|{secret}"));
    if let Some(who) = holders.as_ref().and_then(|h| h.get(&key)) {
        return Ok(Some(who));
    }
    // The generation before asking: a write while asking leaves the entry
    // out of date at once.
    let generation = crate::state::generation();
    let found = find().await?.map(signed_in);
    if let (Some(h), Some(who)) = (holders, &found) {
        h.put(key, who, generation);
    }
    Ok(found)
}

/// The API caller: `None` is the public. A malformed or unknown token is 401.
pub struct ApiCaller(pub Option<AuthUser>);

impl ApiCaller {
    pub fn require(self) -> Result<AuthUser, AppError> {
        self.0.ok_or(AppError::Unauthenticated)
    }
}

impl FromRequest for ApiCaller {
    type Error = AppError;
    type Future = LocalBoxFuture<'static, Result<Self, Self::Error>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let header = req
            .headers()
            .get(actix_web::http::header::AUTHORIZATION)
            .map(|v| v.to_str().map(str::to_string));
        let state = state(req);
        let req = req.clone();
        Box::pin(async move {
            let state = state?;
            let token = match header {
                None => return Ok(ApiCaller(None)),
                Some(Err(_)) => return Err(AppError::Unauthenticated),
                Some(Ok(v)) => match v.strip_prefix("Bearer ") {
                    Some(t) if !t.trim().is_empty() => t.trim().to_string(),
                    _ => return Err(AppError::Unauthenticated),
                },
            };
            let now = state.clock.now_naive();
            // A read (noting the token's use at most once a minute, as a
            // session's): not a write transaction, which would take the
            // write lock and end every kept page on each API call.
            let secret = format!("token|{token}");
            let db = state.clone();
            holder_of(&req, &state, secret, move || async move {
                db.db(move |conn| accounts::token_holder(conn, &token, now))
                    .await
            })
            .await?
            .map(|who| ApiCaller(Some(who)))
            .ok_or(AppError::Unauthenticated)
        })
    }
}

/// The person viewing a page, from the session cookie; `None` is the public.
pub struct Viewer(pub Option<AuthUser>);

impl FromRequest for Viewer {
    type Error = AppError;
    type Future = LocalBoxFuture<'static, Result<Self, Self::Error>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let state = state(req);
        let req = req.clone();
        Box::pin(async move {
            let state = state?;
            let now = state.clock.now();
            let Some(sess) = session::read_session(&req, &state.cookie_key, now.timestamp()) else {
                return Ok(Viewer(None));
            };
            let idle = state.settings.security.session_idle_minutes;
            let at = now.naive_utc();
            let secret = format!("session|{}|{}|{}", sess.u, sess.e, sess.s);
            let db = state.clone();
            let found = holder_of(&req, &state, secret, move || async move {
                db.db(move |conn| {
                    // The cookie must name a session still held on the server.
                    accounts::session_holder(conn, &sess.u, sess.e, &sess.s, at, idle)
                })
                .await
            })
            .await?;
            if let Some(who) = &found {
                // For the error page, which keeps the signed-in header.
                req.extensions_mut().insert(who.clone());
            }
            Ok(Viewer(found))
        })
    }
}
