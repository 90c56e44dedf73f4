//! Who is asking: the API reads a bearer token, pages read the session cookie.

use actix_web::dev::Payload;
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
            let found = state
                .db(move |conn| accounts::token_holder(conn, &token, now))
                .await?;
            found
                .map(|u| ApiCaller(Some(signed_in(u))))
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
            let found = state
                .db(move |conn| {
                    // The cookie must name a session still held on the server.
                    accounts::session_holder(conn, &sess.u, sess.e, &sess.s, at, idle)
                })
                .await?
                .map(signed_in);
            if let Some(who) = &found {
                // For the error page, which keeps the signed-in header.
                req.extensions_mut().insert(who.clone());
            }
            Ok(Viewer(found))
        })
    }
}
