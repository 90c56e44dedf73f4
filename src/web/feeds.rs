//! Calendar and Atom feeds: public per body, personal behind a secret link.

use actix_web::{HttpResponse, web};

use crate::db::{bodies, users};
use crate::error::AppError;
use crate::services::feeds;
use crate::state::AppState;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/bodies/{slug}/meetings.ics", web::get().to(body_ics))
        .route("/bodies/{slug}/feed.atom", web::get().to(body_atom))
        .route("/calendar/{secret}.ics", web::get().to(personal_ics));
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
            let body = bodies::find_by_slug(c, &slug)?.ok_or(AppError::NotFound)?;
            feeds::body_calendar(c, &body, &base)
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
            let body = bodies::find_by_slug(c, &slug)?.ok_or(AppError::NotFound)?;
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
            if secret.len() < 20 {
                return Err(AppError::NotFound);
            }
            let user = users::find_by_calendar_secret(c, &secret)?.ok_or(AppError::NotFound)?;
            feeds::personal_calendar(c, &user, &parts.base_url, &parts.calendars, parts.now)
        })
        .await?;
    Ok(HttpResponse::Ok()
        .content_type("text/calendar; charset=utf-8")
        .insert_header(("Cache-Control", "private, no-store"))
        .body(text))
}
