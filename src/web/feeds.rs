//! Calendar and Atom feeds: public per body, personal behind a secret link.

use crate::web::routes::Routes;
use actix_web::{HttpResponse, web};

use crate::error::AppError;
use crate::services::feeds;
use crate::state::AppState;

pub fn configure(r: &mut Routes<'_>) {
    r.get("/bodies/{slug}/meetings.ics", body_ics)
        .get("/bodies/{slug}/feed.atom", body_atom)
        .get("/bodies/{slug}/forward-plan.ics", forward_plan_ics)
        .get("/calendar/{secret}.ics", personal_ics);
}

fn calendar(text: String) -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/calendar; charset=utf-8")
        .insert_header(("Cache-Control", "public, max-age=300"))
        .body(text)
}

async fn body_ics(
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let slug = path.into_inner();
    let base = state.base_url().to_string();
    let text = state
        .db(move |c| {
            let body = crate::services::directory::body(c, &slug)?;
            feeds::body_calendar(c, &body, &base)
        })
        .await?;
    Ok(calendar(text))
}

async fn forward_plan_ics(
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let slug = path.into_inner();
    let parts = state.ctx_parts();
    let text = state
        .db(move |c| {
            let body = crate::services::directory::body(c, &slug)?;
            let plan = crate::services::forward_plan::of_body(c, &body, &parts.ctx())?;
            Ok(crate::services::forward_plan::calendar(
                &plan,
                &parts.base_url,
            ))
        })
        .await?;
    Ok(calendar(text))
}

async fn body_atom(
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let slug = path.into_inner();
    let base = state.base_url().to_string();
    let text = state
        .db(move |c| {
            let body = crate::services::directory::body(c, &slug)?;
            feeds::body_atom(c, &body, &base)
        })
        .await?;
    Ok(HttpResponse::Ok()
        .content_type("application/atom+xml; charset=utf-8")
        .body(text))
}

async fn personal_ics(
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let secret = path.into_inner();
    let parts = state.ctx_parts();
    let text = state
        .db(move |c| {
            let user = crate::services::accounts::calendar_feed_owner(c, &secret)?;
            feeds::personal_calendar(c, &user, &parts.base_url, &parts.calendars, parts.now)
        })
        .await?;
    Ok(HttpResponse::Ok()
        .content_type("text/calendar; charset=utf-8")
        .insert_header(("Cache-Control", "private, no-store"))
        .body(text))
}
