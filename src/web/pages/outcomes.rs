//! "What we achieved": a body's, or the whole partnership's, decisions
//! whose actions are all done.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, web};

use crate::domain::format::{london_date_words, london_day};
use crate::i18n::{self, Arg};
use crate::services::outcomes::{self, OutcomesView};
use crate::state::AppState;
use crate::views::outcomes::{OutcomeRow, OutcomesPage};
use crate::web::auth::Viewer;
use crate::web::respond::{PageResult, html, nav};
use crate::web::routes::Routes;

pub fn configure(r: &mut Routes<'_>) {
    r.get("/outcomes", partnership)
        .get("/outcomes.csv", partnership_csv)
        .get("/bodies/{slug}/outcomes", of_body)
        .get("/bodies/{slug}/outcomes.csv", body_csv);
}

async fn partnership_csv(state: web::Data<AppState>) -> PageResult {
    let bytes = state.db(|c| outcomes::csv(c, None)).await?;
    Ok(crate::web::respond::csv("outcomes.csv", bytes))
}

async fn body_csv(state: web::Data<AppState>, path: web::Path<String>) -> PageResult {
    let slug = path.into_inner();
    let bytes = state.db(move |c| outcomes::csv(c, Some(&slug))).await?;
    Ok(crate::web::respond::csv("outcomes.csv", bytes))
}

async fn partnership(state: web::Data<AppState>, req: HttpRequest, viewer: Viewer) -> PageResult {
    let view = state.db(|c| outcomes::read(c, None)).await?;
    page(&req, &viewer, view)
}

async fn of_body(
    state: web::Data<AppState>,
    req: HttpRequest,
    viewer: Viewer,
    path: web::Path<String>,
) -> PageResult {
    let slug = path.into_inner();
    let view = state.db(move |c| outcomes::read(c, Some(&slug))).await?;
    page(&req, &viewer, view)
}

fn page(req: &HttpRequest, viewer: &Viewer, view: OutcomesView) -> PageResult {
    let nav = nav(req, viewer.0.as_ref());
    let summary = i18n::text_with(
        nav.lang,
        "outcomes-summary",
        &[("count", Arg::count(view.total))],
    );
    let page = OutcomesPage {
        summary,
        capped: view.total > outcomes::SHOWN,
        body_slug: view
            .body
            .as_ref()
            .map(|b| b.slug.clone())
            .unwrap_or_default(),
        body_name: view
            .body
            .as_ref()
            .map(|b| b.name.clone())
            .unwrap_or_default(),
        groups: view
            .groups
            .into_iter()
            .map(|(priority, list)| {
                (
                    priority.unwrap_or_default(),
                    list.into_iter()
                        .map(|o| OutcomeRow {
                            decided: london_day(o.decided_at),
                            achieved: o.achieved_on.map(london_date_words).unwrap_or_default(),
                            organisations: o.organisations.join(", "),
                            reference: o.reference,
                            text: o.text,
                            body_slug: o.body_slug,
                            body_name: o.body_name,
                            meeting_id: o.meeting_id,
                        })
                        .collect(),
                )
            })
            .collect(),
        nav,
    };
    html(StatusCode::OK, &page)
}
