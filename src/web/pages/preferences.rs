//! The unsubscribe link in routine mail: a page that asks before it stops
//! anything (link checkers open links), and the one-click POST a mail
//! client sends without a page (RFC 8058). The signed link is the
//! authority: no session, cookie or same-origin form is needed.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, web};

use crate::domain::preferences::{Stop, Topic};
use crate::error::{AppError, AppResult};
use crate::i18n;
use crate::services::preferences::{self, Unsubscribe};
use crate::state::AppState;
use crate::views::account::UnsubscribePage;
use crate::web::auth::{Viewer, client_addr};
use crate::web::respond::{PageResult, nav, private_link_page};
use crate::web::routes::Routes;

pub fn configure(r: &mut Routes<'_>) {
    r.get("/unsubscribe/{token}", ask)
        .post("/unsubscribe/{token}", follow);
}

/// What a link stops, in words, as the message key.
fn what(stop: Stop) -> &'static str {
    match stop {
        Stop::Topic(Topic::Calls) => "unsub-what-calls",
        Stop::Topic(Topic::Reminders) => "unsub-what-reminders",
        Stop::Topic(Topic::Updates) => "unsub-what-updates",
        Stop::Topic(Topic::Weekly) => "unsub-what-weekly",
        Stop::Everything => "unsub-what-all",
    }
}

async fn ask(
    state: web::Data<AppState>,
    req: HttpRequest,
    viewer: Viewer,
    path: web::Path<String>,
) -> PageResult {
    let token = path.into_inner();
    let secret = state.cookie_key.master().to_vec();
    let t = token.clone();
    let found = state
        .db(move |c| preferences::read_link(c, &secret, &t))
        .await;
    page(&req, &viewer, token, found)
}

/// The body of the one-click POST (`List-Unsubscribe=One-Click`) is not
/// read: it may come form-encoded or as multipart, and says nothing more.
async fn follow(
    state: web::Data<AppState>,
    req: HttpRequest,
    viewer: Viewer,
    path: web::Path<String>,
) -> PageResult {
    let token = path.into_inner();
    let secret = state.cookie_key.master().to_vec();
    let (t, client, now) = (token.clone(), client_addr(&req), state.clock.now_naive());
    let done = state
        .tx(move |c| preferences::follow_link(c, &secret, &t, client, now))
        .await;
    page(&req, &viewer, token, done)
}

fn page(
    req: &HttpRequest,
    viewer: &Viewer,
    token: String,
    link: AppResult<Unsubscribe>,
) -> PageResult {
    let nav = nav(req, viewer.0.as_ref());
    let (status, stage, link) = match link {
        Ok(link) => (
            StatusCode::OK,
            if link.done { "done" } else { "ask" },
            Some(link),
        ),
        Err(AppError::NotFound) => (StatusCode::NOT_FOUND, "invalid", None),
        Err(e) => return Err(e.into()),
    };
    let page = UnsubscribePage {
        stage,
        token,
        what: link
            .as_ref()
            .map(|l| i18n::text(nav.lang, what(l.stop)))
            .unwrap_or_default(),
        name: link.map(|l| l.name).unwrap_or_default(),
        nav,
    };
    private_link_page(status, &page)
}
