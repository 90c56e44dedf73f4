//! The mail page, for site administrators (`/admin/mail`, all mail) and a
//! body's secretariat (`/bodies/{slug}/mail`, that body's mail).

use actix_web::{HttpRequest, web};
use serde::Deserialize;

use crate::domain::format::london_datetime;
use crate::i18n::{self, Arg};
use crate::services::mail::{self, MailChange, MailLine, MailScope, MailState};
use crate::state::AppState;
use crate::views::mail::{MailPage, MailRow};
use crate::web::extract::{CsrfForm, SignedIn};
use crate::web::respond::{PageResult, html, nav, see_other};
use crate::web::routes::Routes;

pub fn configure(r: &mut Routes<'_>) {
    r.get("/admin/mail", all)
        .post("/admin/mail/{id}/{mail_change}", change_any)
        .get("/bodies/{slug}/mail", of_body)
        .post("/bodies/{slug}/mail/{id}/{mail_change}", change_of_body);
}

#[derive(Deserialize)]
struct StateQuery {
    state: Option<String>,
}

/// Each filter's address word, state and words on the page.
const FILTERS: [(&str, MailState, &str); 3] = [
    ("queued", MailState::Queued, "mail-queued"),
    ("sent", MailState::Sent, "mail-sent"),
    ("failed", MailState::Failed, "mail-failed"),
];

fn state_of(q: &StateQuery) -> Option<MailState> {
    FILTERS
        .iter()
        .find(|(word, _, _)| q.state.as_deref() == Some(*word))
        .map(|(_, state, _)| *state)
}

async fn all(
    state: web::Data<AppState>,
    req: HttpRequest,
    SignedIn(user): SignedIn,
    q: web::Query<StateQuery>,
) -> PageResult {
    show(
        &state,
        &req,
        &user,
        MailScope::All,
        "/admin/mail".into(),
        &q,
    )
    .await
}

async fn of_body(
    state: web::Data<AppState>,
    req: HttpRequest,
    SignedIn(user): SignedIn,
    path: web::Path<String>,
    q: web::Query<StateQuery>,
) -> PageResult {
    let slug = path.into_inner();
    let base = format!("/bodies/{slug}/mail");
    show(&state, &req, &user, MailScope::Body(slug), base, &q).await
}

async fn show(
    state: &AppState,
    req: &HttpRequest,
    user: &crate::web::auth::AuthUser,
    scope: MailScope,
    base: String,
    q: &StateQuery,
) -> PageResult {
    let chosen = state_of(q);
    let grants = user.grants.clone();
    let view = state
        .db(move |c| mail::listing(c, &grants, &scope, chosen))
        .await?;
    let nav = nav(req, Some(user));
    let lang = nav.lang;
    let filters = std::iter::once((base.clone(), i18n::text(lang, "mail-all"), chosen.is_none()))
        .chain(FILTERS.iter().map(|(word, state, key)| {
            (
                format!("{base}?state={word}"),
                i18n::text(lang, key),
                chosen == Some(*state),
            )
        }))
        .collect();
    let page = MailPage {
        nav,
        body_name: view.body.map(|b| b.name).unwrap_or_default(),
        base,
        filters,
        rows: view.lines.into_iter().map(|l| row(l, lang)).collect(),
        shown: mail::SHOWN,
        masked: !user.grants.is_admin,
    };
    html(actix_web::http::StatusCode::OK, &page)
}

fn row(l: MailLine, lang: i18n::Lang) -> MailRow {
    let queued = london_datetime(l.created_at);
    let (state, tag, when) = match l.state {
        MailState::Queued => (
            "mail-queued",
            "tag-blue",
            i18n::text_with(
                lang,
                if l.held {
                    "mail-held-at"
                } else {
                    "mail-queued-at"
                },
                &[("queued", Arg::Text(&queued))],
            ),
        ),
        MailState::Sent => (
            "mail-sent",
            "tag-green",
            i18n::text_with(
                lang,
                if l.in_digest {
                    "mail-digested-at"
                } else {
                    "mail-sent-at"
                },
                &[
                    ("queued", Arg::Text(&queued)),
                    (
                        "sent",
                        Arg::Text(&l.sent_at.map(london_datetime).unwrap_or_default()),
                    ),
                ],
            ),
        ),
        MailState::Failed => (
            "mail-failed",
            "tag-red",
            i18n::text_with(
                lang,
                "mail-failed-at",
                &[
                    ("queued", Arg::Text(&queued)),
                    (
                        "failed",
                        Arg::Text(&l.failed_at.map(london_datetime).unwrap_or_default()),
                    ),
                    ("attempts", Arg::count(l.attempts.max(0) as usize)),
                ],
            ),
        ),
    };
    MailRow {
        id: l.id,
        to: l.to,
        subject: l.subject,
        state: i18n::text(lang, state),
        tag,
        when,
        attempts: l.attempts,
        error: l.error.unwrap_or_default(),
        can_retry: l.state == MailState::Failed,
        can_cancel: l.state == MailState::Queued,
    }
}

#[derive(Deserialize)]
struct CsrfOnly {}

async fn change_any(
    state: web::Data<AppState>,
    req: HttpRequest,
    SignedIn(user): SignedIn,
    path: web::Path<(String, String)>,
    CsrfForm(_): CsrfForm<CsrfOnly>,
) -> PageResult {
    let (id, what) = path.into_inner();
    act(
        &state,
        &req,
        &user,
        MailScope::All,
        "/admin/mail".into(),
        id,
        &what,
    )
    .await
}

async fn change_of_body(
    state: web::Data<AppState>,
    req: HttpRequest,
    SignedIn(user): SignedIn,
    path: web::Path<(String, String, String)>,
    CsrfForm(_): CsrfForm<CsrfOnly>,
) -> PageResult {
    let (slug, id, what) = path.into_inner();
    let base = format!("/bodies/{slug}/mail");
    act(&state, &req, &user, MailScope::Body(slug), base, id, &what).await
}

async fn act(
    state: &AppState,
    req: &HttpRequest,
    user: &crate::web::auth::AuthUser,
    scope: MailScope,
    base: String,
    id: String,
    what: &str,
) -> PageResult {
    let Some(change) = MailChange::parse(what) else {
        return Err(crate::error::AppError::NotFound.into());
    };
    let (actor, grants, now) = (
        user.actor(req),
        user.grants.clone(),
        state.clock.now_naive(),
    );
    state
        .tx(move |c| mail::change(c, &actor, &grants, &scope, &id, change, now))
        .await?;
    let notice = match change {
        MailChange::Retry => "mail-retried",
        MailChange::Cancel => "mail-cancelled",
    };
    Ok(see_other(&format!("{base}?notice={notice}")))
}
