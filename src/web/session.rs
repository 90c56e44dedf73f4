//! The session cookie is signed and names the user, their `session_epoch`
//! and a random token; the token's session must also be held in the
//! database (`services::accounts::session_in_force`). Changing a password
//! bumps the epoch and ends every other session.

use actix_web::HttpRequest;
use actix_web::cookie::{Cookie, CookieJar, Key, SameSite, time::Duration as CookieDuration};
use serde::{Deserialize, Serialize};

pub const SESSION_COOKIE: &str = "quorate_session";
pub const CSRF_COOKIE: &str = "quorate_csrf";

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct SessionData {
    /// user id
    pub u: String,
    /// the user's session epoch when signed in
    pub e: i32,
    /// expiry, Unix seconds
    pub x: i64,
    /// random session id, new at every sign-in
    pub s: String,
}

fn secure(base_url: &str) -> bool {
    base_url.starts_with("https://")
}

/// The signed `Set-Cookie` value for a new session.
pub fn session_cookie(
    key: &Key,
    data: &SessionData,
    base_url: &str,
    hours: u32,
) -> Cookie<'static> {
    let value = serde_json::to_string(data).unwrap_or_default();
    let mut jar = CookieJar::new();
    jar.signed_mut(key).add(
        Cookie::build(SESSION_COOKIE, value)
            .path("/")
            .http_only(true)
            .secure(secure(base_url))
            .same_site(SameSite::Lax)
            .max_age(CookieDuration::hours(i64::from(hours)))
            .finish(),
    );
    jar.get(SESSION_COOKIE)
        .cloned()
        .unwrap_or_else(|| Cookie::new(SESSION_COOKIE, ""))
}

/// A cookie that removes the session.
pub fn clear_session_cookie(base_url: &str) -> Cookie<'static> {
    let mut c = Cookie::build(SESSION_COOKIE, "")
        .path("/")
        .http_only(true)
        .secure(secure(base_url))
        .same_site(SameSite::Lax)
        .finish();
    c.make_removal();
    c
}

/// The session in the request, if its signature checks out and it has not expired.
pub fn read_session(req: &HttpRequest, key: &Key, now_unix: i64) -> Option<SessionData> {
    signed_session(req, key).filter(|data| data.x > now_unix)
}

/// The session the request's cookie names, if its signature checks out,
/// expired or not (to end it, or to mark it on the account page).
pub fn signed_session(req: &HttpRequest, key: &Key) -> Option<SessionData> {
    let raw = req.cookie(SESSION_COOKIE)?;
    let mut jar = CookieJar::new();
    jar.add_original(raw);
    let verified = jar.signed(key).get(SESSION_COOKIE)?;
    serde_json::from_str(verified.value()).ok()
}

/// A new random CSRF token cookie (double-submit: the form carries the same value).
pub fn csrf_cookie(token: &str, base_url: &str) -> Cookie<'static> {
    Cookie::build(CSRF_COOKIE, token.to_string())
        .path("/")
        .http_only(true)
        .secure(secure(base_url))
        .same_site(SameSite::Strict)
        .finish()
}
