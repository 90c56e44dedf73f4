//! The rapid decision note: its page, and publishing it.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, web};

use crate::domain::format::{london_date_words, london_datetime, london_day};
use crate::error::FieldError;
use crate::i18n::{Arg, text_with};
use crate::services::decision_note::{self as svc, NoteView};
use crate::state::AppState;
use crate::views::decision_note::DecisionNotePage;
use crate::views::{Errors, Nav};
use crate::web::auth::Viewer;
use crate::web::extract::{CsrfForm, SignedIn};
use crate::web::respond::{PageResult, html, nav, see_other};
use crate::web::routes::Routes;

pub fn configure(r: &mut Routes<'_>) {
    r.get("/meetings/{id}/decision-note", show)
        .post("/meetings/{id}/decision-note/publish", publish);
}

fn page(v: NoteView, nav: Nav, errors: Vec<FieldError>) -> DecisionNotePage {
    let lang = nav.lang;
    DecisionNotePage {
        errors: Errors(errors),
        meeting_id: v.meeting.id.clone(),
        body_name: v.body.name.clone(),
        body_slug: v.body.slug.clone(),
        date: london_day(v.meeting.starts_at),
        due: text_with(
            lang,
            "note-due",
            &[("day", Arg::Text(&london_date_words(v.due_on)))],
        ),
        published: v
            .published
            .map(|(at, by)| {
                text_with(
                    lang,
                    "note-published",
                    &[
                        ("when", Arg::Text(&london_datetime(at))),
                        ("who", Arg::Text(&by)),
                    ],
                )
            })
            .unwrap_or_default(),
        may_publish: v.may_publish,
        present: v.present,
        apologies: v.apologies,
        absent: v.absent,
        movements: v.movements,
        declarations: v.declarations,
        decisions: v.decisions,
        withheld: if v.withheld == 0 {
            String::new()
        } else {
            text_with(lang, "note-withheld", &[("n", Arg::count(v.withheld))])
        },
        nav,
    }
}

/// The note: public once published; before that a preview for the
/// secretariat, and 404 for anyone else.
async fn show(
    state: web::Data<AppState>,
    req: HttpRequest,
    viewer: Viewer,
    path: web::Path<String>,
) -> PageResult {
    let id = path.into_inner();
    let grants = viewer.0.as_ref().map(|u| u.grants.clone());
    let parts = state.ctx_parts();
    let v = state
        .db(move |c| svc::view(c, grants.as_ref(), &id, &parts.ctx()))
        .await?;
    html(
        StatusCode::OK,
        &page(v, nav(&req, viewer.0.as_ref()), Vec::new()),
    )
}

async fn publish(
    state: web::Data<AppState>,
    req: HttpRequest,
    SignedIn(user): SignedIn,
    path: web::Path<String>,
    CsrfForm(_): CsrfForm<std::collections::HashMap<String, String>>,
) -> PageResult {
    let id = path.into_inner();
    let actor = user.actor(&req);
    let grants = user.grants.clone();
    let now = state.clock.now_naive();
    let target = id.clone();
    let result = state
        .tx(move |c| svc::publish(c, &actor, &grants, &target, now))
        .await;
    let errors = crate::web::respond::field_errors(result.map(|_| ()))?;
    if errors.is_empty() {
        return Ok(see_other(&format!(
            "/meetings/{id}/decision-note?notice=decision-note-published"
        )));
    }
    let grants = user.grants.clone();
    let parts = state.ctx_parts();
    let v = state
        .db(move |c| svc::view(c, Some(&grants), &id, &parts.ctx()))
        .await?;
    let (nav, status) = crate::web::respond::form_nav(&req, Some(&user), &errors);
    html(status, &page(v, nav, errors))
}
