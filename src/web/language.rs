//! Which language to answer in, decided once per request before routing:
//!
//! 1. the address: `/cy/…` is the Welsh page of `/…` (a stable address to
//!    share) and `/en/…` the English one; the rest of the path is routed as
//!    usual, so every page has both;
//! 2. `?lang=cy` or `?lang=en` (for the API);
//! 3. the `quorate_lang` cookie: set by the toggle, by a language address
//!    and at sign-in from the person's profile;
//! 4. `Accept-Language`, the browser's first guess;
//! 5. English.
//!
//! The choice is the current language (`i18n::current`) for everything the
//! request does, and the answer says which (`Content-Language`).

use actix_web::body::{BoxBody, MessageBody};
use actix_web::cookie::{Cookie, SameSite, time::Duration as CookieDuration};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::{Uri, header};
use actix_web::middleware::Next;
use actix_web::{Error, HttpMessage, HttpRequest, web};

use crate::i18n::{self, Lang};

pub const LANG_COOKIE: &str = "quorate_lang";

/// The language chosen for a request (kept in its extensions).
#[derive(Clone, Copy, Debug)]
struct Chosen(Lang);

/// A language address's language and the path it stands for:
/// `/cy/meetings/1` → (Welsh, `/meetings/1`); `/cy` → (Welsh, `/`).
pub fn split_prefix(path: &str) -> Option<(Lang, &str)> {
    for lang in Lang::ALL {
        let Some(rest) = path
            .strip_prefix('/')
            .and_then(|p| p.strip_prefix(lang.code()))
        else {
            continue;
        };
        if rest.is_empty() {
            return Some((lang, "/"));
        }
        if rest.starts_with('/') {
            return Some((lang, rest));
        }
    }
    None
}

#[derive(serde::Deserialize)]
struct LangQuery {
    lang: Option<String>,
}

/// The cookie that remembers a choice for a year.
pub fn lang_cookie(lang: Lang, base_url: &str) -> Cookie<'static> {
    Cookie::build(LANG_COOKIE, lang.code())
        .path("/")
        .http_only(true)
        .secure(base_url.starts_with("https://"))
        .same_site(SameSite::Lax)
        .max_age(CookieDuration::days(365))
        .finish()
}

/// The middleware (outside `security::protect`).
pub async fn choose(
    mut req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, Error> {
    let mut from_address = None;
    if let Some((lang, rest)) = split_prefix(req.path()) {
        let rest = rest.to_string();
        let target = match req.query_string() {
            "" => rest.clone(),
            q => format!("{rest}?{q}"),
        };
        if let Ok(uri) = target.parse::<Uri>() {
            req.head_mut().uri = uri.clone();
            req.match_info_mut().get_mut().update(&uri);
            from_address = Some(lang);
        }
    }
    let from_query = web::Query::<LangQuery>::from_query(req.query_string())
        .ok()
        .and_then(|q| q.lang.as_deref().and_then(Lang::from_code));
    let from_cookie = req
        .cookie(LANG_COOKIE)
        .and_then(|c| Lang::from_code(c.value()));
    let from_browser = || {
        req.headers()
            .get(header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok())
            .and_then(Lang::from_accept_language)
    };
    let lang = from_address
        .or(from_query)
        .or(from_cookie)
        .or_else(from_browser)
        .unwrap_or_default();
    req.extensions_mut().insert(Chosen(lang));
    let base_url = req
        .app_data::<web::Data<crate::state::AppState>>()
        .map(|s| s.base_url().to_string())
        .unwrap_or_default();
    let mut res = i18n::scope(lang, next.call(req))
        .await?
        .map_into_boxed_body();
    let headers = res.headers_mut();
    if !headers.contains_key(header::CONTENT_LANGUAGE) {
        headers.insert(
            header::CONTENT_LANGUAGE,
            header::HeaderValue::from_static(lang.tag()),
        );
    }
    headers.append(
        header::VARY,
        header::HeaderValue::from_static("Cookie, Accept-Language"),
    );
    // Following a language address remembers the language, so the page's
    // own links (which carry no prefix) stay in it.
    if let Some(lang) = from_address
        && from_cookie != Some(lang)
        && let Ok(value) = header::HeaderValue::from_str(&lang_cookie(lang, &base_url).to_string())
    {
        res.headers_mut().append(header::SET_COOKIE, value);
    }
    Ok(res)
}

/// The language chosen for `req` (English where the middleware did not run).
pub fn of(req: &HttpRequest) -> Lang {
    req.extensions()
        .get::<Chosen>()
        .map(|c| c.0)
        .unwrap_or_default()
}

/// The page's address without a language prefix (the middleware took it
/// off before routing), with its query.
pub fn plain_address(req: &HttpRequest) -> String {
    match req.query_string() {
        "" => req.path().to_string(),
        q => format!("{}?{q}", req.path()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_language_address_names_its_language_and_page() {
        assert_eq!(
            split_prefix("/cy/meetings/1"),
            Some((Lang::Welsh, "/meetings/1"))
        );
        assert_eq!(split_prefix("/cy"), Some((Lang::Welsh, "/")));
        assert_eq!(split_prefix("/en/search"), Some((Lang::English, "/search")));
        assert_eq!(split_prefix("/cymru"), None);
        assert_eq!(split_prefix("/english"), None);
        assert_eq!(split_prefix("/fr/meetings"), None);
        assert_eq!(split_prefix("/meetings/cy"), None);
    }

    #[test]
    fn the_browser_s_first_language_quorate_speaks_wins() {
        assert_eq!(
            Lang::from_accept_language("cy-GB,cy;q=0.9,en;q=0.8"),
            Some(Lang::Welsh)
        );
        assert_eq!(
            Lang::from_accept_language("en-GB,en;q=0.9,cy;q=0.8"),
            Some(Lang::English)
        );
        assert_eq!(
            Lang::from_accept_language("fr-FR,cy;q=0.5"),
            Some(Lang::Welsh)
        );
        assert_eq!(Lang::from_accept_language("fr-FR,de"), None);
        assert_eq!(Lang::from_accept_language(";;,,\u{1F600}"), None);
    }
}
